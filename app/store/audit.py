"""Append-only audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.audit import AuditEvent
from app.store.db import Database
from app.store.tables import AuditRow


class AuditLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, case_kind: str, case_id: str, actor: str, action: str, detail: dict[str, Any] | None = None) -> None:
        """An entry in its own transaction (for actions that write nothing else)."""
        with self._db.session() as session:
            self.add(session, case_kind, case_id, actor, action, detail)

    def add(
        self, session: Session, case_kind: str, case_id: str, actor: str, action: str,
        detail: dict[str, Any] | None = None,
    ) -> None:  # fmt: skip
        """An entry inside the caller's unit of work: it commits or rolls back with the command's other rows."""
        session.add(AuditRow(case_kind=case_kind, case_id=case_id, actor=actor, action=action, detail=detail or {}))

    def for_case(self, case_kind: str, case_id: str) -> list[AuditEvent]:
        with self._db.session() as session:
            rows = session.scalars(
                select(AuditRow)
                .where(AuditRow.case_kind == case_kind, AuditRow.case_id == case_id)
                .order_by(AuditRow.id)
            ).all()
            return [
                AuditEvent(
                    case_kind=row.case_kind,
                    case_id=row.case_id,
                    actor=row.actor,
                    action=row.action,
                    detail=row.detail,
                    created_at=row.created_at,
                )
                for row in rows
            ]
