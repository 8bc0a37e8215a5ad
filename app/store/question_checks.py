"""Stored "test questions" runs, and removal of the throwaway conversations a run creates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow
from app.store.db import Database
from app.store.tables import AuditRow, ConversationRow, MessageRow


class QuestionCheckRunRow(Base):
    __tablename__ = "question_check_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    total: Mapped[int] = mapped_column(Integer)
    passed: Mapped[int] = mapped_column(Integer)
    # One dict per question (app.services.question_checks.runner.CheckResult as JSON).
    results: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class QuestionCheckRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, label: str, results: list[dict[str, Any]], passed: int) -> int:
        with self._db.session() as session:
            row = QuestionCheckRunRow(label=label, total=len(results), passed=passed, results=results)
            session.add(row)
            session.flush()
            return row.id

    def latest(self, limit: int = 20) -> list[QuestionCheckRunRow]:
        with self._db.session() as session:
            return list(
                session.scalars(select(QuestionCheckRunRow).order_by(QuestionCheckRunRow.id.desc()).limit(limit)).all()
            )

    def get(self, run_id: int) -> QuestionCheckRunRow | None:
        with self._db.session() as session:
            return session.get(QuestionCheckRunRow, run_id)

    def previous(self, run_id: int) -> QuestionCheckRunRow | None:
        with self._db.session() as session:
            return session.scalars(
                select(QuestionCheckRunRow).where(QuestionCheckRunRow.id < run_id).order_by(QuestionCheckRunRow.id.desc())
            ).first()

    def discard_conversation(self, conversation_id: str) -> None:
        """A test question's conversation leaves no trace in analytics, the Inbox or the audit trail."""
        with self._db.session() as session:
            session.execute(delete(MessageRow).where(MessageRow.conversation_id == conversation_id))
            session.execute(
                delete(AuditRow).where(AuditRow.case_kind == "conversation", AuditRow.case_id == conversation_id)
            )
            session.execute(delete(ConversationRow).where(ConversationRow.id == conversation_id))
