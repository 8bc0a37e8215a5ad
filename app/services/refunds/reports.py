"""Merchant reports over refund cases: CSV export and the monthly savings of returnless refunds."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.refunds import RefundCaseRecord

CSV_COLUMNS = (
    "case", "case_id", "created_at", "order_no", "buyer_email", "country", "reason", "status", "language", "currency",
    "item_value", "total_paid", "proposed_outcome", "proposed_amount", "final_outcome", "final_amount", "resolved_at",
)  # fmt: skip
RETURNLESS = frozenset({"partial_refund_no_return", "full_refund_no_return"})


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # Spreadsheet apps run cells starting with these as formulas; buyer-typed text must never execute.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def cases_to_csv(cases: Sequence[RefundCaseRecord]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for case in cases:
        writer.writerow(
            _cell(value)
            for value in (
                case.number,
                case.id,
                case.created_at.isoformat(),
                case.order_no,
                case.buyer_email,
                case.country_code,
                case.reason,
                case.status,
                case.language,
                case.currency,
                case.item_value,
                case.total_paid,
                case.proposed_outcome,
                case.proposed_amount,
                case.final_outcome,
                case.final_amount,
                case.resolved_at.isoformat() if case.resolved_at else None,
            )  # fmt: skip
        )
    return buffer.getvalue()


@dataclass(frozen=True)
class MonthSavings:
    month: str  # YYYY-MM
    currency: str
    cases: int
    refunded: Decimal
    full_refund_with_return_cost: Decimal
    savings: Decimal
    unknown_shipping_cases: int


@dataclass
class _Bucket:
    cases: int = 0
    refunded: Decimal = Decimal(0)
    full_cost: Decimal = Decimal(0)
    unknown_shipping: int = 0


def savings_by_month(cases: Sequence[RefundCaseRecord], shipping: ShippingCostTable) -> list[MonthSavings]:
    """Returnless refunds actually granted vs. what a full refund with return would have cost:
    the item, shipping it out, and the return label back to China."""
    buckets: dict[tuple[str, str], _Bucket] = {}
    for case in cases:
        if case.status != "resolved" or case.final_outcome not in RETURNLESS or case.resolved_at is None:
            continue
        bucket = buckets.setdefault((case.resolved_at.strftime("%Y-%m"), case.currency), _Bucket())
        outbound = shipping.outbound_cost(case.country_code, case.currency)
        back = shipping.return_cost(case.country_code, case.currency)
        bucket.cases += 1
        bucket.refunded += case.final_amount or Decimal(0)
        bucket.full_cost += case.item_value + (outbound or Decimal(0)) + (back or Decimal(0))
        bucket.unknown_shipping += int(outbound is None or back is None)
    return [
        MonthSavings(
            month=month,
            currency=currency,
            cases=b.cases,
            refunded=b.refunded,
            full_refund_with_return_cost=b.full_cost,
            savings=b.full_cost - b.refunded,
            unknown_shipping_cases=b.unknown_shipping,
        )  # fmt: skip
        for (month, currency), b in sorted(buckets.items())
    ]
