"""The cases on an order as a person names them (R-000123 · resolved, CB-000045 · open), for the Inbox and any
other screen that shows an order: which refund claims and chargebacks to look at, by number."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.case_numbers import chargeback_number, refund_number
from app.store.chargebacks import ChargebackRepository
from app.store.refunds import RefundRepository


@dataclass(frozen=True)
class CaseRef:
    number: str  # R-000123 / CB-000045 (the internal id when a case has no number yet)
    kind: str  # refund | chargeback
    status: str
    tab: str  # the console tab where the case opens


class CaseRefs:
    def __init__(self, refunds: RefundRepository, chargebacks: ChargebackRepository) -> None:
        self._refunds = refunds
        self._chargebacks = chargebacks

    def for_order(self, order_no: str | None) -> list[CaseRef]:
        order = (order_no or "").strip()
        if not order:
            return []
        found = [CaseRef(refund_number(c.case_no) or c.id, "refund", c.status, "Refunds")
                 for c in self._refunds.cases_for_order(order)]  # fmt: skip
        found += [CaseRef(chargeback_number(c.case_no) or c.notice.case_id, "chargeback", c.status, "Chargebacks")
                  for c in self._chargebacks.cases_for_order(order)]  # fmt: skip
        return found


def case_refs_markdown(refs: list[CaseRef]) -> str:
    """One line for a header: "Cases on this order: R-000012 (resolved, Refunds tab) · CB-000003 (open, ...)"."""
    if not refs:
        return ""
    return "Cases on this order: " + " · ".join(f"**{r.number}** ({r.status}, {r.tab} tab)" for r in refs)
