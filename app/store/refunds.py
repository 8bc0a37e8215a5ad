"""Refund cases, their evidence links, findings and negotiation steps.

Reads open their own session; the writes of a case command take the caller's session (its unit of work).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.case_numbers import REFUND_PREFIX, parse_case_number
from app.domain.refund_case import NegotiationStep, RefundCaseRecord  # noqa: F401 - stored types, re-exported
from app.domain.refunds import Finding
from app.store.base import utcnow
from app.store.case_numbers import next_case_no
from app.store.db import Database
from app.store.refund_tables import RefundCaseRow, RefundEvidenceRow, RefundFindingRow, RefundNegotiationRow


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    case_id: str
    sha256: str
    kind: str
    mime: str
    original_name: str
    ahash: str | None


def _dec(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


def _case(row: RefundCaseRow) -> RefundCaseRecord:
    return RefundCaseRecord(
        id=row.id, order_no=row.order_no, buyer_email=row.buyer_email, country_code=row.country_code,
        currency=row.currency, product_id=row.product_id, reason=row.reason, description=row.description,
        language=row.language, status=row.status, item_value=Decimal(row.item_value),
        total_paid=Decimal(row.total_paid), proposed_outcome=row.proposed_outcome,
        proposed_amount=_dec(row.proposed_amount), suggested_outcome=row.suggested_outcome, final_outcome=row.final_outcome,
        final_amount=_dec(row.final_amount), resolved_at=row.resolved_at, created_at=row.created_at,
        item_opened=row.item_opened, case_no=row.case_no,
    )  # fmt: skip


def _money_columns(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: (str(value) if isinstance(value, Decimal) else value) for key, value in fields.items()}


class RefundRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- cases ----------------------------------------------------------------------------------------------
    def create_case(self, session: Session, **fields: Any) -> RefundCaseRecord:
        row = RefundCaseRow(**_money_columns(fields))
        # The number is computed by the INSERT itself, inside the caller's unit of work (app.store.case_numbers).
        row.case_no = next_case_no(RefundCaseRow.case_no)
        session.add(row)
        session.flush()
        return _case(row)

    def get_case(self, case_id: str) -> RefundCaseRecord | None:
        with self._db.session() as session:
            row = session.get(RefundCaseRow, case_id)
            return _case(row) if row is not None else None

    def find_case_id(self, reference: str) -> str | None:
        """The internal id of the case `reference` names: its id, or its number (R-000123, r123, 123)."""
        reference = (reference or "").strip()
        if not reference:
            return None
        with self._db.session() as session:
            if session.get(RefundCaseRow, reference) is not None:
                return reference
            number = parse_case_number(reference, REFUND_PREFIX)
            if number is None:
                return None
            return session.scalar(select(RefundCaseRow.id).where(RefundCaseRow.case_no == number))

    def transition(
        self, session: Session, case_id: str, expected_status: str, fields: dict[str, Any]
    ) -> RefundCaseRecord | None:
        """Update the case only if its status is still `expected_status`, in one statement; None when it was not.

        Two people (or two clicks) deciding the same case race on this UPDATE: exactly one of them wins.
        """
        result = session.execute(
            update(RefundCaseRow)
            .where(RefundCaseRow.id == case_id, RefundCaseRow.status == expected_status)
            .values(**_money_columns(fields), updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        if getattr(result, "rowcount", 0) != 1:
            return None
        row = session.get(RefundCaseRow, case_id, populate_existing=True)
        return _case(row) if row is not None else None

    def cases_for_order(self, order_no: str) -> list[RefundCaseRecord]:
        """Every claim on one order, oldest first."""
        query = (
            select(RefundCaseRow)
            .where(RefundCaseRow.order_no == order_no)
            .order_by(RefundCaseRow.created_at, RefundCaseRow.id)
        )
        with self._db.session() as session:
            return [_case(row) for row in session.scalars(query).all()]

    def list_cases(
        self,
        *,
        status: str | None = None,
        reason: str | None = None,
        country: str | None = None,
        limit: int = 1000,
    ) -> list[RefundCaseRecord]:
        query = select(RefundCaseRow).order_by(RefundCaseRow.created_at.desc()).limit(limit)
        if status:
            query = query.where(RefundCaseRow.status == status)
        if reason:
            query = query.where(RefundCaseRow.reason == reason)
        if country:
            query = query.where(RefundCaseRow.country_code == country.upper())
        with self._db.session() as session:
            return [_case(row) for row in session.scalars(query).all()]

    def count_claims(self, buyer_email: str, *, since: datetime, before: datetime, exclude_case: str) -> int:
        """Claims by this buyer opened in [since, before): the history a new claim is judged against."""
        with self._db.session() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(RefundCaseRow)
                    .where(
                        RefundCaseRow.buyer_email == buyer_email,
                        RefundCaseRow.created_at >= since,
                        RefundCaseRow.created_at < before,
                        RefundCaseRow.id != exclude_case,
                    )
                )
                or 0
            )

    # -- evidence -------------------------------------------------------------------------------------------
    def add_evidence(
        self, session: Session, case_id: str, *, sha256: str, kind: str, mime: str, original_name: str,
        ahash: str | None,
    ) -> EvidenceRecord:  # fmt: skip
        row = RefundEvidenceRow(
            case_id=case_id, sha256=sha256, kind=kind, mime=mime, original_name=original_name[:255], ahash=ahash
        )
        session.add(row)
        session.flush()
        return EvidenceRecord(row.id, case_id, sha256, kind, mime, row.original_name, ahash)

    def evidence_for(self, case_id: str) -> list[EvidenceRecord]:
        with self._db.session() as session:
            rows = session.scalars(
                select(RefundEvidenceRow)
                .where(RefundEvidenceRow.case_id == case_id)
                .order_by(RefundEvidenceRow.id)
            ).all()
            return [
                EvidenceRecord(r.id, r.case_id, r.sha256, r.kind, r.mime, r.original_name, r.ahash)
                for r in rows
            ]

    def earlier_images_of_other_cases(self, case_id: str) -> list[EvidenceRecord]:
        """Photos other claims uploaded before this claim's first upload (the originals a reuse would copy)."""
        with self._db.session() as session:
            first = session.scalar(
                select(func.min(RefundEvidenceRow.id)).where(RefundEvidenceRow.case_id == case_id)
            )
            if first is None:
                return []
            rows = session.scalars(
                select(RefundEvidenceRow).where(
                    RefundEvidenceRow.case_id != case_id,
                    RefundEvidenceRow.kind == "image",
                    RefundEvidenceRow.id < first,
                )
            ).all()
            return [
                EvidenceRecord(r.id, r.case_id, r.sha256, r.kind, r.mime, r.original_name, r.ahash)
                for r in rows
            ]

    # -- findings -------------------------------------------------------------------------------------------
    def add_finding(
        self, case_id: str, finding: Finding, *, attempts: int, raw: list[Any], session: Session | None = None
    ) -> None:
        row = RefundFindingRow(
            case_id=case_id, status=finding.status, model=finding.model, prompt_version=finding.prompt_version,
            attempts=attempts, finding=finding.model_dump(mode="json"), raw=raw,
        )  # fmt: skip
        if session is not None:
            session.add(row)
            return
        with self._db.session() as own:
            own.add(row)

    def latest_finding(self, case_id: str) -> Finding | None:
        with self._db.session() as session:
            row = session.scalars(
                select(RefundFindingRow)
                .where(RefundFindingRow.case_id == case_id)
                .order_by(RefundFindingRow.id.desc())
                .limit(1)
            ).first()
            return Finding.model_validate(row.finding) if row is not None else None

    # -- negotiation ----------------------------------------------------------------------------------------
    def add_step(
        self, session: Session, case_id: str, *, step: str, actor: str, language: str, text: str = "",
        outcome: str | None = None, amount: Decimal | None = None, currency: str | None = None,
    ) -> None:  # fmt: skip
        session.add(
            RefundNegotiationRow(
                case_id=case_id, step=step, actor=actor, outcome=outcome,
                amount=str(amount) if amount is not None else None, currency=currency, language=language, text=text,
            )  # fmt: skip
        )

    def steps(self, case_id: str) -> list[NegotiationStep]:
        with self._db.session() as session:
            rows = session.scalars(
                select(RefundNegotiationRow)
                .where(RefundNegotiationRow.case_id == case_id)
                .order_by(RefundNegotiationRow.id)
            ).all()
            return [
                NegotiationStep(
                    r.step, r.actor, r.outcome, _dec(r.amount), r.currency, r.language, r.text, r.created_at
                )
                for r in rows
            ]
