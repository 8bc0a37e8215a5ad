"""Chat outcomes by SQL (SQLAlchemy Core, so SQLite and Postgres alike): volume, how replies were produced,
handoffs and durable resolution. Only conversations with at least one buyer message count: opening the widget
creates a session row, not a conversation anyone had."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, or_, select

from app.services.analytics.tables import (
    DateRange,
    Table,
    as_utc,
    day_text,
    hours_between,
    median_or_none,
    share,
)
from app.store.chargeback_tables import ChargebackCaseRow
from app.store.db import Database
from app.store.refund_tables import RefundCaseRow
from app.store.tables import AuditRow, ConversationRow, MessageRow, OrderRow

# How a reply was produced, in the order the plots show them.
REPLY_SOURCES = ("facts", "model", "fallback", "template", "refused", "store_answer")


def _has_buyer_message():  # type: ignore[no-untyped-def]
    return exists().where(MessageRow.conversation_id == ConversationRow.id, MessageRow.role == "buyer")


def _handed_off(conversation_id):  # type: ignore[no-untyped-def]
    return exists().where(
        AuditRow.case_kind == "conversation", AuditRow.action == "handoff", AuditRow.case_id == conversation_id
    )


@dataclass(frozen=True)
class HandoffSummary:
    conversations: int
    handed_off: int
    rate: float | None
    replied: int
    median_hours_to_first_reply: float | None
    open_now: int


@dataclass(frozen=True)
class ResolutionSummary:
    window_days: int
    settled: int  # conversations whose window is over
    durable: int
    rate: float | None
    pending: int


class ChatMetrics:
    def __init__(self, db: Database) -> None:
        self._db = db

    def volume_by_day(self, period: DateRange) -> Table:
        """Conversations started and buyer messages sent per day and language."""
        conv_day = func.date(ConversationRow.created_at)
        msg_day = func.date(MessageRow.created_at)
        with self._db.session() as session:
            conversations = session.execute(
                select(conv_day, ConversationRow.language, func.count())
                .where(ConversationRow.created_at >= period.since, ConversationRow.created_at < period.until)
                .where(_has_buyer_message())
                .group_by(conv_day, ConversationRow.language)
            ).all()
            messages = session.execute(
                select(msg_day, MessageRow.language, func.count())
                .where(MessageRow.role == "buyer")
                .where(MessageRow.created_at >= period.since, MessageRow.created_at < period.until)
                .group_by(msg_day, MessageRow.language)
            ).all()
        counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        for day, language, n in conversations:
            counts[(day_text(day), language)][0] += n
        for day, language, n in messages:
            counts[(day_text(day), language)][1] += n
        rows = [(day, language, c, m) for (day, language), (c, m) in sorted(counts.items())]
        return Table("conversations_by_day", ("day", "language", "conversations", "buyer_messages"), rows)

    def reply_sources_by_day(self, period: DateRange) -> Table:
        """Assistant replies per day by how they were produced; a refusal counts as "refused" whatever
        template carried it."""
        day = func.date(MessageRow.created_at)
        source = MessageRow.meta["source"].as_string()
        refused = MessageRow.meta["refused"].as_boolean()
        with self._db.session() as session:
            found = session.execute(
                select(day, source, refused, func.count())
                .where(MessageRow.role == "assistant")
                .where(MessageRow.created_at >= period.since, MessageRow.created_at < period.until)
                .group_by(day, source, refused)
            ).all()
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for day_value, source_value, refused_value, n in found:
            counts[(day_text(day_value), "refused" if refused_value else (source_value or "template"))] += n
        order = {name: i for i, name in enumerate(REPLY_SOURCES)}
        rows = [(d, s, n) for (d, s), n in sorted(counts.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99)))]
        return Table("replies_by_source", ("day", "source", "replies"), rows)

    def dispute_risk(self, period: DateRange) -> tuple[int, Table]:
        """Conversations in which the buyer threatened a bank / PayPal dispute (audited "dispute_risk"), counted
        once each on the day first flagged in the period, and per day."""
        with self._db.session() as session:
            found = session.execute(
                select(AuditRow.case_id, func.min(AuditRow.created_at))
                .where(AuditRow.case_kind == "conversation", AuditRow.action == "dispute_risk")
                .where(AuditRow.created_at >= period.since, AuditRow.created_at < period.until)
                .group_by(AuditRow.case_id)
            ).all()
        per_day: dict[str, int] = defaultdict(int)
        for _conversation, first in found:
            per_day[as_utc(first).date().isoformat()] += 1
        return len(found), Table("dispute_risk_by_day", ("day", "conversations"), sorted(per_day.items()))

    def handoffs(self, period: DateRange) -> tuple[HandoffSummary, Table]:
        """Handoffs in the period, each with the time to the merchant's first reply after it."""
        first_reply = (
            select(func.min(MessageRow.created_at))
            .where(
                MessageRow.conversation_id == AuditRow.case_id,
                MessageRow.role == "merchant",
                MessageRow.created_at >= AuditRow.created_at,
            )
            .scalar_subquery()
        )
        with self._db.session() as session:
            events = session.execute(
                select(AuditRow.case_id, AuditRow.created_at, AuditRow.detail, first_reply)
                .where(AuditRow.case_kind == "conversation", AuditRow.action == "handoff")
                .where(AuditRow.created_at >= period.since, AuditRow.created_at < period.until)
                .order_by(AuditRow.created_at)
            ).all()
            started = self._conversations_in(period)
            handed = session.scalar(
                select(func.count()).select_from(ConversationRow)
                .where(ConversationRow.created_at >= period.since, ConversationRow.created_at < period.until)
                .where(_has_buyer_message(), _handed_off(ConversationRow.id))
            ) or 0  # fmt: skip
            open_now = session.scalar(
                select(func.count()).select_from(ConversationRow).where(ConversationRow.status == "handoff")
            ) or 0  # fmt: skip
        rows = []
        waits = []
        for conversation_id, at, detail, replied_at in events:
            hours = round(hours_between(at, replied_at), 2) if replied_at else None
            if hours is not None:
                waits.append(hours)
            rows.append((conversation_id, as_utc(at).isoformat(timespec="minutes"), (detail or {}).get("reason", ""), hours))
        summary = HandoffSummary(
            conversations=started, handed_off=handed, rate=share(handed, started), replied=len(waits),
            median_hours_to_first_reply=median_or_none(waits), open_now=open_now,
        )  # fmt: skip
        return summary, Table("handoffs", ("conversation", "handed_off_at", "reason", "hours_to_first_reply"), rows)

    def _conversations_in(self, period: DateRange) -> int:
        with self._db.session() as session:
            return int(
                session.scalar(
                    select(func.count()).select_from(ConversationRow)
                    .where(ConversationRow.created_at >= period.since, ConversationRow.created_at < period.until)
                    .where(_has_buyer_message())
                ) or 0
            )  # fmt: skip

    def durable_resolution(self, period: DateRange, window_days: int, now: datetime) -> tuple[ResolutionSummary, Table]:
        """A conversation is durably resolved when it had no handoff and no refund claim or chargeback on the
        buyer's order (or by the buyer's email) followed within `window_days` of its start. Conversations whose
        window has not ended yet are pending and not counted either way."""
        email = func.lower(ConversationRow.buyer_email)
        buyer_orders = select(OrderRow.order_no).where(func.lower(OrderRow.buyer_email) == email)
        first_claim = (
            select(func.min(RefundCaseRow.created_at))
            .where(RefundCaseRow.created_at >= ConversationRow.created_at)
            .where(or_(RefundCaseRow.order_no == ConversationRow.verified_order_no, func.lower(RefundCaseRow.buyer_email) == email))
            .scalar_subquery()
        )
        first_chargeback = (
            select(func.min(ChargebackCaseRow.created_at))
            .where(ChargebackCaseRow.created_at >= ConversationRow.created_at)
            .where(or_(ChargebackCaseRow.order_no == ConversationRow.verified_order_no,
                       and_(ConversationRow.buyer_email.is_not(None), ChargebackCaseRow.order_no.in_(buyer_orders))))
            .scalar_subquery()
        )  # fmt: skip
        with self._db.session() as session:
            found = session.execute(
                select(ConversationRow.id, ConversationRow.created_at, ConversationRow.language,
                       _handed_off(ConversationRow.id), first_claim, first_chargeback)
                .where(ConversationRow.created_at >= period.since, ConversationRow.created_at < period.until)
                .where(_has_buyer_message())
                .order_by(ConversationRow.created_at)
            ).all()  # fmt: skip
        window = timedelta(days=window_days)
        rows = []
        for conversation_id, started, language, handed_off, claim_at, chargeback_at in found:
            end = as_utc(started) + window
            if now < end:
                # Counting early failures but not yet-unproven successes would bias recent periods down.
                outcome = "pending"
            elif handed_off:
                outcome = "handed_off"
            elif claim_at is not None and as_utc(claim_at) <= end:
                outcome = "refund_claim"
            elif chargeback_at is not None and as_utc(chargeback_at) <= end:
                outcome = "chargeback"
            else:
                outcome = "durable"
            rows.append((conversation_id, as_utc(started).isoformat(timespec="minutes"), language, outcome))
        outcomes = [row[3] for row in rows]
        pending = outcomes.count("pending")
        settled = len(outcomes) - pending
        durable = outcomes.count("durable")
        summary = ResolutionSummary(window_days, settled, durable, share(durable, settled), pending)
        return summary, Table("durable_resolution", ("conversation", "started_at", "language", "outcome"), rows)


def outcomes_by_week(resolution: Table) -> Table:
    """Conversation outcomes per week (Monday) from the per-conversation resolution table, for a stacked plot."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in resolution.as_dicts():
        started = datetime.fromisoformat(str(row["started_at"]))
        monday = (started - timedelta(days=started.weekday())).date().isoformat()
        counts[(monday, str(row["outcome"]))] += 1
    rows = [(week, outcome, n) for (week, outcome), n in sorted(counts.items())]
    return Table("outcomes_by_week", ("week", "outcome", "conversations"), rows)
