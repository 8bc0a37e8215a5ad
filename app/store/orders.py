"""Orders repository. Buyer-facing lookups always require the order number AND the buyer's email."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import func, select

from app.domain.orders import Order
from app.store.db import Database
from app.store.tables import OrderRow


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def _normalise_order_no(order_no: str) -> str:
    return order_no.strip().upper().lstrip("#")


class OrderRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def upsert_many(self, orders: Iterable[Order]) -> int:
        count = 0
        with self._db.session() as session:
            for order in orders:
                # Keyed like get_for_buyer looks up ("#1001" -> "1001"); the record keeps the shop's spelling.
                key = _normalise_order_no(order.order_no)
                row = session.get(OrderRow, key)
                if row is None:
                    row = OrderRow(order_no=key)
                    session.add(row)
                row.buyer_email = _normalise_email(order.buyer_email)
                row.country_code = order.country_code
                row.status = order.status
                row.created_at = order.created_at
                row.record = json.loads(order.model_dump_json())
                count += 1
        return count

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

    def count(self) -> int:
        with self._db.session() as session:
            return int(session.scalar(select(func.count()).select_from(OrderRow)) or 0)


def load_orders_file(path: Path) -> list[Order]:
    """Read the demo/merchant export ``{"orders": [...]}`` and validate every record."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    return [Order.model_validate(record) for record in payload["orders"]]
