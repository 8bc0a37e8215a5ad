"""Chargeback cases, their exhibits, and the buyer's chat transcript as evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.case_numbers import CHARGEBACK_PREFIX, parse_case_number
from app.domain.chargebacks import CaseStatus, ChargebackNotice, Exhibit
from app.store.case_numbers import next_case_no
from app.store.chargeback_tables import ChargebackCaseRow, ChargebackExhibitRow
from app.store.db import Database
from app.store.tables import ConversationRow, MessageRow


class DuplicateCaseError(ValueError):
    """A case with this id is already stored."""


@dataclass(frozen=True)
class StoredCase:
    notice: ChargebackNotice
    reason_known: bool
    category: str
    status: CaseStatus
    created_at: datetime
    case_no: int | None = None


@dataclass(frozen=True)
class TranscriptMessage:
    conversation_id: str
    role: str
    text: str
    translation: str | None
    created_at: datetime
    # A buyer message's English translation, when one was made (the Inbox translates for an English merchant).
    english: str | None = None


def _notice(row: ChargebackCaseRow) -> ChargebackNotice:
    return ChargebackNotice(
        case_id=row.case_id,
        network=row.network,  # type: ignore[arg-type]
        reason_code=row.reason_code,
        amount=Decimal(row.amount),
        currency=row.currency,
        dispute_date=row.dispute_date,
        order_no=row.order_no,
        claim_text=row.claim_text,
        acquirer=row.acquirer,
        respond_by=row.respond_by,
    )


def _stored(row: ChargebackCaseRow) -> StoredCase:
    return StoredCase(
        notice=_notice(row),
        reason_known=row.reason_known,
        category=row.category,
        status=row.status,  # type: ignore[arg-type]
        created_at=row.created_at,
        case_no=row.case_no,
    )


class ChargebackRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, session: Session, notice: ChargebackNotice, *, reason_known: bool, category: str) -> StoredCase:
        """A new case inside the caller's unit of work (with its "created" audit entry); its number (CB-000045) is
        computed by the INSERT itself (app.store.case_numbers)."""
        if session.get(ChargebackCaseRow, notice.case_id) is not None:
            raise DuplicateCaseError(notice.case_id)
        row = ChargebackCaseRow(
            case_id=notice.case_id,
            network=notice.network,
            reason_code=notice.reason_code,
            reason_known=reason_known,
            category=category,
            amount=str(notice.amount),
            currency=notice.currency,
            dispute_date=notice.dispute_date,
            respond_by=notice.respond_by,
            order_no=notice.order_no,
            claim_text=notice.claim_text,
            acquirer=notice.acquirer,
            status="open",
        )
        row.case_no = next_case_no(ChargebackCaseRow.case_no)
        session.add(row)
        session.flush()
        return _stored(row)

    def find_case_id(self, reference: str) -> str | None:
        """The id of the case `reference` names: the dispute id itself, else its number (CB-000045, cb45, 45)."""
        reference = (reference or "").strip()
        if not reference:
            return None
        with self._db.session() as session:
            if session.get(ChargebackCaseRow, reference) is not None:
                return reference
            number = parse_case_number(reference, CHARGEBACK_PREFIX)
            if number is None:
                return None
            return session.scalar(select(ChargebackCaseRow.case_id).where(ChargebackCaseRow.case_no == number))

    def exists(self, case_id: str) -> bool:
        with self._db.session() as session:
            return session.get(ChargebackCaseRow, case_id) is not None

    def get(self, case_id: str) -> StoredCase | None:
        with self._db.session() as session:
            row = session.get(ChargebackCaseRow, case_id)
            return _stored(row) if row is not None else None

    def list_all(self) -> list[StoredCase]:
        with self._db.session() as session:
            rows = session.scalars(select(ChargebackCaseRow).order_by(ChargebackCaseRow.created_at)).all()
            return [_stored(row) for row in rows]

    def cases_for_order(self, order_no: str) -> list[StoredCase]:
        """Every chargeback on one order, oldest first."""
        query = select(ChargebackCaseRow).where(ChargebackCaseRow.order_no == order_no.strip())
        with self._db.session() as session:
            return [_stored(row) for row in session.scalars(query.order_by(ChargebackCaseRow.created_at)).all()]

    def transition(self, session: Session, case_id: str, expected_status: str, status: CaseStatus) -> bool:
        """Set the status only if it is still `expected_status` (one statement, inside the caller's unit of work);
        False when another request changed the case first."""
        result = session.execute(
            update(ChargebackCaseRow)
            .where(ChargebackCaseRow.case_id == case_id, ChargebackCaseRow.status == expected_status)
            .values(status=status)
            .execution_options(synchronize_session=False)
        )
        return getattr(result, "rowcount", 0) == 1

    def disputed_order_nos(self, order_nos: Iterable[str]) -> set[str]:
        wanted = list(order_nos)
        if not wanted:
            return set()
        with self._db.session() as session:
            rows = session.scalars(
                select(ChargebackCaseRow.order_no).where(ChargebackCaseRow.order_no.in_(wanted))
            ).all()
            return set(rows)

    def add_exhibit(
        self, session: Session, case_id: str, *, sha256: str, mime: str, caption: str, evidence_key: str | None
    ) -> Exhibit:
        """An exhibit inside the caller's unit of work (with its audit entry)."""
        row = ChargebackExhibitRow(case_id=case_id, sha256=sha256, mime=mime, caption=caption, evidence_key=evidence_key)
        session.add(row)
        session.flush()
        return Exhibit(id=row.id, sha256=sha256, mime=mime, caption=caption, evidence_key=evidence_key)

    def exhibits(self, case_id: str) -> list[Exhibit]:
        with self._db.session() as session:
            rows = session.scalars(
                select(ChargebackExhibitRow)
                .where(ChargebackExhibitRow.case_id == case_id)
                .order_by(ChargebackExhibitRow.id)
            ).all()
            return [
                Exhibit(id=r.id, sha256=r.sha256, mime=r.mime, caption=r.caption, evidence_key=r.evidence_key)
                for r in rows
            ]

    def remove_exhibit(self, case_id: str, exhibit_id: int) -> bool:
        with self._db.session() as session:
            row = session.get(ChargebackExhibitRow, exhibit_id)
            if row is None or row.case_id != case_id:
                return False
            session.delete(row)
            return True


def _english(message: MessageRow) -> str | None:
    meta = message.meta or {}
    if message.role == "buyer" and meta.get("translated_to") == "en" and meta.get("translation_status") == "machine":
        return message.translation
    return None


class TranscriptReader:
    """The buyer's conversations with the shop, found by email, by the order they verified in the chat, or by the
    order a refund request or dispute threat in the chat named (the conversation "about that order")."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def for_buyer(self, email: str, order_no: str, limit: int = 200) -> list[TranscriptMessage]:
        with self._db.session() as session:
            rows = session.execute(
                select(MessageRow, ConversationRow.id)
                .join(ConversationRow, MessageRow.conversation_id == ConversationRow.id)
                .where(
                    or_(
                        func.lower(ConversationRow.buyer_email) == email.strip().lower(),
                        func.upper(ConversationRow.verified_order_no) == order_no.strip().upper(),
                        ConversationRow.id.in_(
                            select(MessageRow.conversation_id).where(
                                MessageRow.role == "assistant", MessageRow.meta["order_no"].as_string() == order_no.strip()
                            )
                        ),
                    )
                )
                .order_by(MessageRow.created_at, MessageRow.id)
                .limit(limit)
            ).all()
            return [
                TranscriptMessage(
                    conversation_id=conversation_id,
                    role=message.role,
                    text=message.text,
                    translation=message.translation,
                    created_at=message.created_at,
                    english=_english(message),
                )
                for message, conversation_id in rows
            ]
