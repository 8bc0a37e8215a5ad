"""Command handlers for the merchant's decisions: approve / edit / reject, the returned item, the unreturned item.

Each loads the case aggregate, applies one transition (the table in app.domain.refund_case) and saves the case,
its step, decision, receipt and audit entry in one unit of work.
"""

from __future__ import annotations

from decimal import Decimal

from app.domain.refund_case import MerchantAction, RefundCaseRecord
from app.services.refunds.cases import RefundCases


class MerchantDecisionHandler:
    def __init__(self, *, cases: RefundCases) -> None:
        self.cases = cases

    def merchant_decide(
        self, case_id: str, actor: str, action: MerchantAction, amount: Decimal | None = None, note: str | None = None
    ) -> RefundCaseRecord:
        """Approve what is proposed, grant another amount, or reject with a note. Always recorded and audited.

        Only a case waiting for a decision can be decided, once: a second click or a second merchant gets "already
        decided" instead of a second refund. An agreed return for refund waits for the item (awaiting_return).
        """
        case = self.cases.load(self.cases.get(case_id))
        case.merchant_decide(actor, action, amount, note, self.cases.clock())
        return self.cases.save(case)

    def mark_return_received(self, case_id: str, actor: str) -> RefundCaseRecord:
        """The returned item arrived: now the agreed refund is decided, recorded and announced to the buyer."""
        case = self.cases.load(self.cases.get(case_id))
        case.return_received(actor, self.cases.clock())
        return self.cases.save(case)

    def close_unreturned(self, case_id: str, actor: str, note: str) -> RefundCaseRecord:
        """The agreed return never arrived: close the case with nothing refunded, with a note saying why."""
        case = self.cases.load(self.cases.get(case_id))
        case.close_unreturned(actor, note, self.cases.clock())
        return self.cases.save(case)
