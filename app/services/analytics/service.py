"""AnalyticsService: one report for a date range, every part a table the console plots and exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.services.analytics.case_metrics import CaseMetrics, ChargebackSummary, RefundSummary
from app.services.analytics.chat_metrics import (
    ChatMetrics,
    HandoffSummary,
    ResolutionSummary,
    outcomes_by_week,
)
from app.services.analytics.tables import DateRange, Table
from app.services.analytics.unanswered import (
    CachedTranslate,
    Translate,
    group_by_meaning,
    groups_table,
    translate_groups,
    unanswered_messages,
)
from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.db import Database
from knowledge.embedders import Embedder


@dataclass(frozen=True)
class AnalyticsConfig:
    resolution_window_days: int
    question_similarity: float
    top_questions: int
    chargeback_urgent_days: int


@dataclass
class AnalyticsReport:
    period: DateRange
    handoffs: HandoffSummary
    resolution: ResolutionSummary
    refunds: RefundSummary
    chargebacks: ChargebackSummary
    tables: dict[str, Table] = field(default_factory=dict)
    dispute_risk: int = 0  # conversations flagged as dispute risk in the period


class AnalyticsService:
    def __init__(
        self, db: Database, embedder: Embedder, shipping: ShippingCostTable, config: AnalyticsConfig,
        merchant_language: Callable[[], str], translate: Translate | None = None,
    ) -> None:  # fmt: skip
        self._db = db
        self._chat = ChatMetrics(db)
        self._cases = CaseMetrics(db, shipping)
        self._embedder = embedder
        self._config = config
        self._merchant_language = merchant_language
        # The chat's checked Translator: top questions asked only in other languages are shown translated.
        self._translate = CachedTranslate(translate) if translate is not None else None

    def report(self, period: DateRange, now: datetime | None = None) -> AnalyticsReport:
        now = now or datetime.now(UTC)
        handoffs, handoff_table = self._chat.handoffs(period)
        dispute_risk, dispute_table = self._chat.dispute_risk(period)
        resolution, resolution_table = self._chat.durable_resolution(period, self._config.resolution_window_days, now)
        refunds, savings = self._cases.refunds(period)
        chargebacks, by_code, recovered = self._cases.chargebacks(period, now.date(), self._config.chargeback_urgent_days)
        tables = [
            self._chat.volume_by_day(period),
            self._chat.reply_sources_by_day(period),
            handoff_table,
            dispute_table,
            resolution_table,
            outcomes_by_week(resolution_table),
            self.unanswered(period),
            self._cases.refunds_by_reason(period),
            savings,
            by_code,
            recovered,
        ]
        return AnalyticsReport(
            period, handoffs, resolution, refunds, chargebacks, {t.name: t for t in tables}, dispute_risk=dispute_risk
        )

    def unanswered(self, period: DateRange) -> Table:
        language = self._merchant_language()
        messages = unanswered_messages(self._db, period, language)
        groups = group_by_meaning(messages, self._embedder, language, self._config.question_similarity)
        top = groups[: self._config.top_questions]
        translate_groups(top, self._translate, language)
        return groups_table(top, self._config.top_questions)
