"""Command handlers for the buyer's side of an offer: look at it, accept, decline or counter.

Each answer loads the case aggregate, applies one transition and saves the case, its steps, decision, receipt and
audit entries in one unit of work; a second answer to the same offer finds the case moved on and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from app.domain.refunds import RefundPolicy
from app.errors import InvalidInputError
from app.services.refunds import negotiation
from app.services.refunds.cases import BuyerView, RefundCases
from app.services.refunds.policy import counter_bound

BuyerAction = Literal["accept", "decline", "counter"]


class OfferHandler:
    def __init__(self, *, cases: RefundCases, policy: Callable[[], RefundPolicy]) -> None:
        self.cases = cases
        self.policy = policy

    def buyer_view(self, case_id: str, email: str) -> BuyerView:
        case = self.cases.for_buyer(case_id, email)
        steps = self.cases.repository.steps(case.id)
        return self.cases.view(case, steps[-1].text if steps else negotiation.message("review", case.language))

    def respond_to_offer(
        self, case_id: str, email: str, action: BuyerAction, counter: str | None = None
    ) -> BuyerView:
        record = self.cases.for_buyer(case_id, email)
        case = self.cases.load(record)
        case.check("buyer_decline")  # the offer is still open, whatever the answer
        now, version = self.cases.clock(), self.policy().version
        if action == "accept":
            case.accept_offer(now, version)
        elif action == "decline":
            case.decline_offer()
        elif action == "counter":
            case.check_counter()  # partial refunds only, before the typed amount is read
            amount = negotiation.parse_amount(counter or "", record.currency)
            offer = record.proposed_amount or Decimal(0)
            bound = counter_bound(self.policy(), offer, record.item_value, case.refundable, record.currency)
            case.counter(amount, counter or "", bound, now, version)
        else:
            raise InvalidInputError("Please accept, decline or make a counter-offer.", key="error.choose_response")
        return self.cases.view(self.cases.save(case), case.reply)
