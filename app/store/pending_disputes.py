"""Stripe disputes waiting for the merchant to say which order they belong to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.store.db import Database
from app.store.intake_tables import PendingDisputeRow


@dataclass(frozen=True)
class PendingDispute:
    dispute_id: str
    notice: dict[str, Any]
    order_refs: list[str]
    created_at: datetime


def _pending(row: PendingDisputeRow) -> PendingDispute:
    return PendingDispute(row.dispute_id, dict(row.notice), list(row.order_refs), row.created_at)


class PendingDisputeRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, dispute_id: str, notice: dict[str, Any], order_refs: list[str]) -> None:
        with self._db.session() as session:
            row = session.get(PendingDisputeRow, dispute_id)
            if row is None:
                session.add(PendingDisputeRow(dispute_id=dispute_id, notice=notice, order_refs=order_refs))
            else:
                row.notice, row.order_refs = notice, order_refs

    def get(self, dispute_id: str) -> PendingDispute | None:
        with self._db.session() as session:
            row = session.get(PendingDisputeRow, dispute_id)
            return _pending(row) if row is not None else None

    def delete(self, dispute_id: str) -> None:
        with self._db.session() as session:
            row = session.get(PendingDisputeRow, dispute_id)
            if row is not None:
                session.delete(row)

    def list_all(self) -> list[PendingDispute]:
        with self._db.session() as session:
            rows = session.scalars(select(PendingDisputeRow).order_by(PendingDisputeRow.created_at)).all()
            return [_pending(row) for row in rows]
