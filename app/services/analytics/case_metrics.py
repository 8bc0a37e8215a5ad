"""Refund and chargeback outcomes by SQL: claims by reason and outcome, savings against the full-refund-with-
return baseline, returnless share, claim-to-decision time; open/urgent chargebacks, win rate by reason code,
amount recovered, time to build a rebuttal packet. Money stays Decimal, summed per currency."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from app.services.analytics.tables import DateRange, Table, as_utc, hours_between, median_or_none, share
from app.services.refunds.reports import RETURNLESS
from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.chargeback_tables import ChargebackCaseRow
from app.store.db import Database
from app.store.refund_tables import RefundCaseRow
from app.store.tables import AuditRow


@dataclass
class _Savings:
    cases: int = 0
    refunded: Decimal = Decimal(0)
    baseline: Decimal = Decimal(0)  # full refund with return: item + shipping out + return label
    unknown_shipping: int = 0


@dataclass(frozen=True)
class RefundSummary:
    claims: int
    resolved: int
    returnless: int
    returnless_share: float | None
    median_hours_to_decision: float | None


@dataclass(frozen=True)
class ChargebackSummary:
    open: int
    urgent: int
    decided: int
    won: int
    win_rate: float | None
    median_hours_to_packet: float | None


class CaseMetrics:
    def __init__(self, db: Database, shipping: ShippingCostTable) -> None:
        self._db = db
        self._shipping = shipping

    # -- refunds ----------------------------------------------------------------------------------------------

    def refunds_by_reason(self, period: DateRange) -> Table:
        """Claims filed in the period by reason and where they stand (final outcome, else status)."""
        outcome = func.coalesce(RefundCaseRow.final_outcome, RefundCaseRow.status)
        with self._db.session() as session:
            found = session.execute(
                select(RefundCaseRow.reason, outcome, func.count())
                .where(RefundCaseRow.created_at >= period.since, RefundCaseRow.created_at < period.until)
                .group_by(RefundCaseRow.reason, outcome)
                .order_by(RefundCaseRow.reason, outcome)
            ).all()
        return Table("refunds_by_reason", ("reason", "outcome", "claims"), [tuple(row) for row in found])

    def refunds(self, period: DateRange) -> tuple[RefundSummary, Table]:
        """Cases decided in the period; the table is refunded vs the full-refund-with-return baseline per
        currency (item + outbound shipping + return label, from the store's shipping table)."""
        with self._db.session() as session:
            claims = session.scalar(
                select(func.count()).select_from(RefundCaseRow)
                .where(RefundCaseRow.created_at >= period.since, RefundCaseRow.created_at < period.until)
            ) or 0  # fmt: skip
            resolved = session.execute(
                select(RefundCaseRow.final_outcome, RefundCaseRow.final_amount, RefundCaseRow.item_value,
                       RefundCaseRow.currency, RefundCaseRow.country_code, RefundCaseRow.created_at,
                       RefundCaseRow.resolved_at)
                .where(RefundCaseRow.status == "resolved", RefundCaseRow.resolved_at.is_not(None))
                .where(RefundCaseRow.resolved_at >= period.since, RefundCaseRow.resolved_at < period.until)
            ).all()  # fmt: skip
        money: dict[str, _Savings] = defaultdict(_Savings)
        hours = []
        returnless = 0
        for outcome, amount, item_value, currency, country, created, decided in resolved:
            if decided is not None:  # filtered in SQL; typed as optional
                hours.append(hours_between(created, decided))
            if outcome not in RETURNLESS:
                continue
            returnless += 1
            outbound = self._shipping.outbound_cost(country, currency)
            back = self._shipping.return_cost(country, currency)
            bucket = money[currency]
            bucket.cases += 1
            bucket.refunded += Decimal(amount or 0)
            bucket.baseline += Decimal(item_value) + (outbound or Decimal(0)) + (back or Decimal(0))
            bucket.unknown_shipping += int(outbound is None or back is None)
        rows = [
            (currency, b.cases, b.refunded, b.baseline, b.baseline - b.refunded, b.unknown_shipping)
            for currency, b in sorted(money.items())
        ]
        summary = RefundSummary(
            claims=claims, resolved=len(resolved), returnless=returnless, returnless_share=share(returnless, len(resolved)),
            median_hours_to_decision=median_or_none(hours),
        )  # fmt: skip
        columns = ("currency", "returnless_cases", "refunded", "full_refund_with_return", "savings", "unknown_shipping_cases")
        return summary, Table("refund_savings", columns, rows)

    # -- chargebacks ------------------------------------------------------------------------------------------

    def chargebacks(self, period: DateRange, today: date, urgent_days: int) -> tuple[ChargebackSummary, Table, Table]:
        """Open/urgent are as of today; win rate and recovered amounts are for cases opened in the period.
        Win rate = won / (won + lost); accepted chargebacks were not fought."""
        in_period = (ChargebackCaseRow.created_at >= period.since, ChargebackCaseRow.created_at < period.until)
        packet_at = (
            select(func.min(AuditRow.created_at))
            .where(AuditRow.case_kind == "chargeback", AuditRow.case_id == ChargebackCaseRow.case_id,
                   AuditRow.action == "rebuttal_generated")
            .scalar_subquery()
        )  # fmt: skip
        with self._db.session() as session:
            open_rows = session.execute(
                select(ChargebackCaseRow.respond_by).where(ChargebackCaseRow.status == "open")
            ).all()
            by_reason = session.execute(
                select(ChargebackCaseRow.network, ChargebackCaseRow.reason_code, ChargebackCaseRow.status, func.count())
                .where(*in_period)
                .group_by(ChargebackCaseRow.network, ChargebackCaseRow.reason_code, ChargebackCaseRow.status)
            ).all()
            won = session.execute(
                select(ChargebackCaseRow.currency, ChargebackCaseRow.amount).where(*in_period, ChargebackCaseRow.status == "won")
            ).all()
            packets = session.execute(select(ChargebackCaseRow.created_at, packet_at).where(*in_period)).all()
        horizon = today + timedelta(days=urgent_days)
        urgent = sum(1 for (respond_by,) in open_rows if respond_by is not None and respond_by <= horizon)
        counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for network, code, status, n in by_reason:
            counts[(network, code)][status] += n
        reason_rows = []
        for (network, code), c in sorted(counts.items()):
            reason_rows.append((network, code, sum(c.values()), c["won"], c["lost"], c["accepted"], share(c["won"], c["won"] + c["lost"])))
        recovered: dict[str, Decimal] = defaultdict(Decimal)
        for currency, amount in won:
            recovered[currency] += Decimal(amount)
        hours = [hours_between(as_utc(created), as_utc(at)) for created, at in packets if at is not None]
        total_won = sum(c["won"] for c in counts.values())
        decided = sum(c["won"] + c["lost"] for c in counts.values())
        summary = ChargebackSummary(
            open=len(open_rows), urgent=urgent, decided=decided, won=total_won, win_rate=share(total_won, decided),
            median_hours_to_packet=median_or_none(hours),
        )  # fmt: skip
        reasons = Table(
            "chargebacks_by_reason", ("network", "reason_code", "cases", "won", "lost", "accepted", "win_rate"), reason_rows
        )
        money = Table("chargeback_recovered", ("currency", "recovered"), sorted(recovered.items()))
        return summary, reasons, money
