"""Store answers written by the merchant (table store_answers)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.store_answers import StoreAnswer
from app.store.base import Base, utcnow
from app.store.db import Database


class StoreAnswerRow(Base):
    __tablename__ = "store_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    created_by: Mapped[str] = mapped_column(String(64))
    from_message_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


def _answer(row: StoreAnswerRow) -> StoreAnswer:
    return StoreAnswer(
        id=row.id, question=row.question, answer=row.answer, language=row.language, created_by=row.created_by,
        from_message_id=row.from_message_id, created_at=row.created_at, updated_at=row.updated_at,
    )  # fmt: skip


class StoreAnswerRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, question: str, answer: str, language: str, created_by: str, from_message_id: int | None = None
    ) -> StoreAnswer:
        with self._db.session() as session:
            row = StoreAnswerRow(question=question, answer=answer, language=language, created_by=created_by,
                                 from_message_id=from_message_id)
            session.add(row)
            session.flush()
            session.refresh(row)
            return _answer(row)

    def update(self, answer_id: int, question: str, answer: str, language: str) -> StoreAnswer | None:
        with self._db.session() as session:
            row = session.get(StoreAnswerRow, answer_id)
            if row is None:
                return None
            row.question, row.answer, row.language, row.updated_at = question, answer, language, utcnow()
            session.flush()
            session.refresh(row)
            return _answer(row)

    def delete(self, answer_id: int) -> StoreAnswer | None:
        with self._db.session() as session:
            row = session.get(StoreAnswerRow, answer_id)
            if row is None:
                return None
            gone = _answer(row)
            session.delete(row)
            return gone

    def get(self, answer_id: int) -> StoreAnswer | None:
        with self._db.session() as session:
            row = session.get(StoreAnswerRow, answer_id)
            return _answer(row) if row else None

    def all(self) -> list[StoreAnswer]:
        with self._db.session() as session:
            return [_answer(r) for r in session.scalars(select(StoreAnswerRow).order_by(StoreAnswerRow.id)).all()]
