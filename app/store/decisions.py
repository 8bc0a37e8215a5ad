"""Money decisions, stored with their inputs and the rules that fired."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.db import Database
from app.store.tables import DecisionRow


@dataclass(frozen=True)
class StoredDecision:
    id: int
    case_kind: str
    case_id: str
    outcome: str
    amount: Decimal | None
    currency: str | None
    rules_fired: list[Any]
    inputs: dict[str, Any]
    policy_version: str | None
    decided_by: str
    note: str | None
    created_at: datetime


def _to_stored(row: DecisionRow) -> StoredDecision:
    return StoredDecision(
        id=row.id,
        case_kind=row.case_kind,
        case_id=row.case_id,
        outcome=row.outcome,
        amount=Decimal(row.amount) if row.amount is not None else None,
        currency=row.currency,
        rules_fired=row.rules_fired,
        inputs=row.inputs,
        policy_version=row.policy_version,
        decided_by=row.decided_by,
        note=row.note,
        created_at=row.created_at,
    )


class DecisionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, **fields: Any) -> StoredDecision:
        """A decision in its own transaction (see `add` for the arguments)."""
        with self._db.session() as session:
            return self.add(session, **fields)

    def add(
        self,
        session: Session,
        *,
        case_kind: str,
        case_id: str,
        outcome: str,
        amount: Decimal | None,
        currency: str | None,
        rules_fired: list[Any],
        inputs: dict[str, Any],
        decided_by: str,
        policy_version: str | None = None,
        note: str | None = None,
    ) -> StoredDecision:
        """A decision inside the caller's unit of work (flushed, so its id is known to a receipt)."""
        row = DecisionRow(
            case_kind=case_kind,
            case_id=case_id,
            outcome=outcome,
            amount=str(amount) if amount is not None else None,
            currency=currency,
            rules_fired=rules_fired,
            inputs=inputs,
            policy_version=policy_version,
            decided_by=decided_by,
            note=note,
        )
        session.add(row)
        session.flush()
        return _to_stored(row)

    def for_case(self, case_kind: str, case_id: str, session: Session | None = None) -> list[StoredDecision]:
        """The case's decisions, oldest first; inside `session` it also sees that transaction's new rows."""
        query = (
            select(DecisionRow)
            .where(DecisionRow.case_kind == case_kind, DecisionRow.case_id == case_id)
            .order_by(DecisionRow.id)
        )
        if session is not None:
            return [_to_stored(row) for row in session.scalars(query).all()]
        with self._db.session() as own:
            return [_to_stored(row) for row in own.scalars(query).all()]

    def decided_by_since(self, case_kind: str, decided_by: str, since: datetime, limit: int = 5000) -> list[StoredDecision]:
        """One actor's decisions of a kind since a moment, oldest first (the policy preview replays the engine's); past
        `limit` the newest are kept."""
        with self._db.session() as session:
            rows = session.scalars(
                select(DecisionRow)
                .where(DecisionRow.case_kind == case_kind, DecisionRow.decided_by == decided_by,
                       DecisionRow.created_at >= since)
                .order_by(DecisionRow.id.desc())
                .limit(limit)
            ).all()
            return [_to_stored(row) for row in reversed(rows)]
