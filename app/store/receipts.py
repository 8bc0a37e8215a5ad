"""Decision receipts of refund cases: one per final decision, kept with the case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.db import Database
from app.store.refund_tables import RefundReceiptRow


@dataclass(frozen=True)
class StoredReceipt:
    case_id: str
    order_no: str
    decision_id: int
    language: str
    text: str
    text_en: str
    created_at: datetime


def _stored(row: RefundReceiptRow) -> StoredReceipt:
    return StoredReceipt(row.case_id, row.order_no, row.decision_id, row.language, row.text, row.text_en, row.created_at)


class ReceiptRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, session: Session, *, case_id: str, order_no: str, decision_id: int, language: str, text: str, text_en: str
    ) -> StoredReceipt:  # fmt: skip
        """A receipt inside the caller's unit of work (the decision it receipts is saved in the same one)."""
        row = RefundReceiptRow(case_id=case_id, order_no=order_no, decision_id=decision_id, language=language,
                               text=text, text_en=text_en)  # fmt: skip
        session.add(row)
        session.flush()
        return _stored(row)

    def for_case(self, case_id: str) -> list[StoredReceipt]:
        with self._db.session() as session:
            rows = session.scalars(
                select(RefundReceiptRow).where(RefundReceiptRow.case_id == case_id).order_by(RefundReceiptRow.id)
            ).all()
            return [_stored(row) for row in rows]

    def for_order(self, order_no: str) -> list[StoredReceipt]:
        with self._db.session() as session:
            rows = session.scalars(
                select(RefundReceiptRow)
                .where(RefundReceiptRow.order_no == order_no)
                .order_by(RefundReceiptRow.id)
            ).all()
            return [_stored(row) for row in rows]
