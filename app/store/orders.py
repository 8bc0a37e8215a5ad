"""Orders repository. Buyer-facing lookups always require the order number AND the buyer's email."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from app.domain.orders import Order
from app.store.db import Database
from app.store.tables import OrderRow


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def _normalise_order_no(order_no: str) -> str:
    return order_no.strip().upper().lstrip("#")


UpsertResult = Literal["created", "updated", "unchanged"]


class OrderRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def upsert_many(self, orders: Iterable[Order]) -> int:
        count = 0
        with self._db.session() as session:
            for order in orders:
                self._upsert(session, order)
                count += 1
        return count

    def upsert(self, order: Order) -> UpsertResult:
        """Insert or replace one order by its number ("#1001" and "1001" are the same order)."""
        with self._db.session() as session:
            return self._upsert(session, order)

    def upsert_merged(
        self, orders: Sequence[Order], merge: Callable[[Order, Order | None], Order]
    ) -> list[tuple[Order, UpsertResult]]:
        """Upsert many in one transaction; `merge(incoming, stored)` decides what is kept of the stored order."""
        keys = [_normalise_order_no(order.order_no) for order in orders]
        results: list[tuple[Order, UpsertResult]] = []
        with self._db.session() as session:
            rows = {row.order_no: row for row in session.scalars(select(OrderRow).where(OrderRow.order_no.in_(keys)))}
            for key, order in zip(keys, orders, strict=True):
                row = rows.get(key)
                merged = merge(order, Order.model_validate(row.record) if row is not None else None)
                result, rows[key] = self._write(session, key, merged, row)
                results.append((merged, result))
        return results

    @classmethod
    def _upsert(cls, session: Session, order: Order) -> UpsertResult:
        # The key is the normalised number, so lookups by "#1001" or "1001" find the same row.
        key = _normalise_order_no(order.order_no)
        return cls._write(session, key, order, session.get(OrderRow, key))[0]

    @staticmethod
    def _write(session: Session, key: str, order: Order, row: OrderRow | None) -> tuple[UpsertResult, OrderRow]:
        record = json.loads(order.model_dump_json())
        if row is not None and row.record == record:
            return "unchanged", row
        result: UpsertResult = "updated" if row is not None else "created"
        if row is None:
            row = OrderRow(order_no=key)
            session.add(row)
        row.buyer_email = _normalise_email(order.buyer_email)
        row.country_code = order.country_code
        row.status = order.status
        row.created_at = order.created_at
        row.record = record
        return result, row

    def get(self, order_no: str) -> Order | None:
        """Merchant-side lookup (console, chargeback evidence). Never expose this to buyers."""
        with self._db.session() as session:
            row = session.get(OrderRow, _normalise_order_no(order_no))
            return Order.model_validate(row.record) if row else None

    def get_for_buyer(self, order_no: str, email: str) -> Order | None:
        """Buyer-side lookup: None unless the email matches the order's buyer (same answer for both cases)."""
        with self._db.session() as session:
            row = session.get(OrderRow, _normalise_order_no(order_no))
            if row is None or row.buyer_email != _normalise_email(email):
                return None
            return Order.model_validate(row.record)

    def list_for_buyer(self, email: str) -> list[Order]:
        with self._db.session() as session:
            rows = session.scalars(
                select(OrderRow).where(OrderRow.buyer_email == _normalise_email(email)).order_by(OrderRow.created_at)
            ).all()
            return [Order.model_validate(row.record) for row in rows]

    def list_all(self, limit: int = 500) -> list[Order]:
        with self._db.session() as session:
            rows = session.scalars(select(OrderRow).order_by(OrderRow.created_at.desc()).limit(limit)).all()
            return [Order.model_validate(row.record) for row in rows]

    def by_payment_id(self, payment_id: str) -> Order | None:
        """The order whose payment carries this processor id (Stripe ch_…/pi_…). Merchant-side only. The id is
        looked for as a quoted JSON string in the stored record (no extra column); exact match is checked after."""
        ref = payment_id.strip()
        if len(ref) < 3 or '"' in ref:
            return None
        escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self._db.session() as session:
            query = select(OrderRow).where(cast(OrderRow.record, String).like(f'%"{escaped}"%', escape="\\"))
            orders = [Order.model_validate(row.record) for row in session.scalars(query).all()]
        return next((o for o in orders if ref in o.payment.payment_ids), None)

    def created_between(self, start: datetime, end: datetime, limit: int = 500) -> list[Order]:
        with self._db.session() as session:
            rows = session.scalars(
                select(OrderRow).where(OrderRow.created_at >= start, OrderRow.created_at <= end)
                .order_by(OrderRow.created_at).limit(limit)
            ).all()
            return [Order.model_validate(row.record) for row in rows]

    def count(self) -> int:
        with self._db.session() as session:
            return int(session.scalar(select(func.count()).select_from(OrderRow)) or 0)


def load_orders_file(path: Path) -> list[Order]:
    """Read the demo/merchant export ``{"orders": [...]}`` and validate every record."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    return [Order.model_validate(record) for record in payload["orders"]]
