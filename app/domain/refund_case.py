"""A refund case as an aggregate: it owns its status and the one table of legal transitions.

A command (propose, the buyer's answer, the merchant's decision, the returned item) is one method here. The method
checks the transition, changes the case and collects the rows the command writes (negotiation steps, money
decisions, audit entries, whether a decision receipt is due); a handler saves all of them in one transaction.
Pure: no database, no model, no service imports — texts come through the `Phrasebook` port.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal, Protocol

from app.domain.case_numbers import refund_number
from app.domain.money import round_money
from app.domain.refunds import OFFERABLE, CaseStatus, PolicyDecision
from app.errors import CaseTransitionError, InvalidInputError

ALREADY_DECIDED = "This case was already decided."
OFFER_CLOSED = "This offer is no longer open. Our team will contact you about your claim."
NOT_AWAITING_RETURN = "This case is not waiting for a returned item."

# What can happen to a refund case. Some user actions have two events because their outcome decides the next
# status (the buyer accepting a return waits for the item; accepting a returnless refund settles the case).
RefundEvent = Literal[
    "add_evidence",
    "offer",  # the engine offers an outcome to the buyer
    "send_to_review",  # the engine sends the case to the merchant
    "buyer_accept",
    "buyer_accept_return",
    "buyer_decline",
    "counter_accepted",
    "counter_escalated",
    "merchant_settle",
    "merchant_reject",
    "merchant_agree_return",
    "return_received",
    "close_unreturned",
]

# (status, event) -> next status. Anything not listed is refused with CaseTransitionError.
TRANSITIONS: Mapping[tuple[str, RefundEvent], CaseStatus] = {
    ("new", "add_evidence"): "new",
    ("review", "add_evidence"): "review",
    ("new", "offer"): "offered",
    ("review", "offer"): "offered",
    ("new", "send_to_review"): "review",
    ("review", "send_to_review"): "review",
    ("offered", "buyer_accept"): "resolved",
    ("offered", "buyer_accept_return"): "awaiting_return",
    ("offered", "buyer_decline"): "review",
    ("offered", "counter_accepted"): "resolved",
    ("offered", "counter_escalated"): "review",
    ("review", "merchant_settle"): "resolved",
    ("offered", "merchant_settle"): "resolved",
    ("review", "merchant_reject"): "rejected",
    ("offered", "merchant_reject"): "rejected",
    ("review", "merchant_agree_return"): "awaiting_return",
    ("offered", "merchant_agree_return"): "awaiting_return",
    ("awaiting_return", "return_received"): "resolved",
    ("awaiting_return", "close_unreturned"): "closed_no_return",
}

# Terminal statuses: nothing more happens to the case.
CLOSED_STATUSES: frozenset[str] = frozenset({"resolved", "rejected", "closed_no_return"})
# A decision was taken (the money may still wait for the returned item).
SETTLED_STATUSES: frozenset[str] = CLOSED_STATUSES | {"awaiting_return"}
MERCHANT_DECIDABLE: tuple[CaseStatus, ...] = ("review", "offered")
MONEY_OUTCOMES = frozenset({"partial_refund_no_return", "full_refund_no_return", "return_for_refund"})
# Steps that agree a return-for-refund amount (the money is paid when the item is back).
RETURN_AGREED_STEPS = frozenset({"accept", "merchant_approve", "merchant_edit"})
MerchantAction = Literal["approve", "edit", "reject"]


def refusal(status: str, event: RefundEvent) -> str:
    """Why `event` is not possible in `status`, in words for the person who tried."""
    if event == "add_evidence":
        return "This claim has already been decided; evidence can no longer be added."
    if event in ("offer", "send_to_review"):
        return f"This claim is {status}; a new proposal is not possible."
    if event.startswith(("buyer_", "counter_")):
        return OFFER_CLOSED
    if event.startswith("merchant_"):
        if status in SETTLED_STATUSES:
            return ALREADY_DECIDED
        return "This claim has no proposal yet; decide it once it has been analysed."
    return ALREADY_DECIDED if status in CLOSED_STATUSES else NOT_AWAITING_RETURN


def next_status(status: str, event: RefundEvent) -> CaseStatus:
    """The transition table, as a function: the next status, or CaseTransitionError."""
    target = TRANSITIONS.get((status, event))
    if target is None:
        raise CaseTransitionError(refusal(status, event))
    return target


@dataclass(frozen=True)
class RefundCaseRecord:
    """A stored refund case (one row)."""

    id: str
    order_no: str
    buyer_email: str
    country_code: str
    currency: str
    product_id: str | None
    reason: str
    description: str
    language: str
    status: str
    item_value: Decimal
    total_paid: Decimal
    proposed_outcome: str | None
    proposed_amount: Decimal | None
    suggested_outcome: str | None
    final_outcome: str | None
    final_amount: Decimal | None
    resolved_at: datetime | None
    created_at: datetime
    item_opened: bool | None = None
    case_no: int | None = None

    @property
    def number(self) -> str:
        """The case number a person reads (R-000123)."""
        return refund_number(self.case_no)


@dataclass(frozen=True)
class NegotiationStep:
    step: str
    actor: str
    outcome: str | None
    amount: Decimal | None
    currency: str | None
    language: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class NewStep:
    step: str
    actor: str
    text: str
    outcome: str | None = None
    amount: Decimal | None = None


@dataclass(frozen=True)
class NewDecision:
    outcome: str
    amount: Decimal
    rules_fired: list[Any]
    inputs: dict[str, Any]
    decided_by: str
    policy_version: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class NewAudit:
    actor: str
    action: str
    detail: dict[str, Any]


class Phrasebook(Protocol):
    """Buyer-facing sentences in the case's language, amounts formatted by code (never by a model)."""

    def message(self, key: str, amount: Decimal | None = None) -> str: ...

    def offer(self, outcome: str, reason: str, amount: Decimal, percent: Decimal) -> str: ...

    def money(self, amount: Decimal) -> str: ...


@dataclass
class RefundCase:
    """The aggregate: the loaded case and its steps, what is left to refund on the order, and what the command
    being applied changes. Use one instance for one command."""

    record: RefundCaseRecord
    steps: tuple[NegotiationStep, ...]
    refundable: Decimal  # paid minus other claims' refunds on the same order, never negative
    texts: Phrasebook
    changes: dict[str, Any] = field(default_factory=dict)
    new_steps: list[NewStep] = field(default_factory=list)
    new_decisions: list[NewDecision] = field(default_factory=list)
    new_audit: list[NewAudit] = field(default_factory=list)
    wants_receipt: bool = False
    reply: str = ""  # what the buyer is told after the command

    @property
    def loaded_status(self) -> str:
        """The status the command started from; the save only succeeds if the row still has it."""
        return self.record.status

    @property
    def current(self) -> RefundCaseRecord:
        """The case as it will be once saved."""
        return replace(self.record, **self.changes) if self.changes else self.record

    def check(self, event: RefundEvent) -> CaseStatus:
        return next_status(self.current.status, event)

    # -- reading ------------------------------------------------------------------------------------------------
    def pending(self) -> tuple[str | None, Decimal]:
        """What "approve" grants: a counter-offer waiting for approval, else the engine's proposal."""
        case = self.record
        for step in reversed(self.steps):
            if step.step == "counter_escalated" and step.amount is not None:
                return step.outcome, step.amount
            if step.step in ("offer", "review"):
                break
        return case.suggested_outcome or case.proposed_outcome, case.proposed_amount or Decimal(0)

    def agreed_return_amount(self) -> Decimal:
        """The amount agreed for a return for refund: the buyer's accept or the merchant's approve/edit."""
        for step in reversed([*self.steps, *self._drafted_steps()]):
            if step.step in RETURN_AGREED_STEPS and step.outcome == "return_for_refund" and step.amount is not None:
                return step.amount
        return self.record.proposed_amount or Decimal(0)

    def _drafted_steps(self) -> list[NegotiationStep]:
        c = self.record
        return [NegotiationStep(s.step, s.actor, s.outcome, s.amount, c.currency, c.language, s.text, c.created_at)
                for s in self.new_steps]  # fmt: skip

    # -- commands -------------------------------------------------------------------------------------------
    def propose(self, decision: PolicyDecision, inputs: dict[str, Any], policy_version: str) -> None:
        """The policy engine's decision: offered to the buyer when the outcome is offerable, else to the merchant."""
        offered = decision.outcome in OFFERABLE
        status = self.check("offer" if offered else "send_to_review")
        text = (
            self.texts.offer(decision.outcome, self.record.reason, decision.amount, decision.percent)
            if offered else self.texts.message("review")
        )  # fmt: skip
        self._move(status, proposed_outcome=decision.outcome, proposed_amount=decision.amount,
                   suggested_outcome=decision.suggested_outcome)  # fmt: skip
        self.new_decisions.append(NewDecision(
            outcome=decision.outcome, amount=decision.amount, rules_fired=[h.model_dump() for h in decision.rules_fired],
            inputs=inputs, decided_by="policy-engine", policy_version=policy_version,
        ))  # fmt: skip
        self._step("offer" if offered else "review", "policy-engine", text, decision.outcome, decision.amount)
        self._audit("policy-engine", "offer_sent" if offered else "sent_to_review",
                    {"outcome": decision.outcome, "amount": str(decision.amount), "language": self.record.language})  # fmt: skip
        self.reply = text

    def accept_offer(self, now: datetime, policy_version: str) -> None:
        case = self.record
        offer = case.proposed_amount or Decimal(0)
        if case.proposed_outcome == "return_for_refund":  # the money waits for the returned item
            self._move(self.check("buyer_accept_return"))
            text = self.texts.message("awaiting_return", offer)
            self._step("accept", "buyer", text, case.proposed_outcome, offer)
            self._audit("buyer", "accept",
                        {"outcome": case.proposed_outcome, "amount": str(offer), "status": "awaiting_return"})  # fmt: skip
            self.reply = text
            return
        self._move(self.check("buyer_accept"), final_outcome=case.proposed_outcome, final_amount=offer, resolved_at=now)
        self._settle("accept", "buyer", case.proposed_outcome, offer, [], policy_version)

    def decline_offer(self) -> None:
        self._move(self.check("buyer_decline"))
        self.reply = self.texts.message("declined")
        self._step("decline", "buyer", self.reply)
        self._audit("buyer", "offer_declined", {"offer": str(self.record.proposed_amount or Decimal(0))})

    def check_counter(self) -> None:
        """A counter-offer needs an open offer of a partial refund."""
        self.check("counter_accepted")
        if self.record.proposed_outcome != "partial_refund_no_return":
            raise InvalidInputError(
                "A counter-offer is possible for partial refunds only; you can accept or decline.",
                key="error.counter_partial_only",
            )

    def counter(self, amount: Decimal, typed: str, bound: Decimal, now: datetime, policy_version: str) -> None:
        """A buyer's counter-offer on a partial refund: within `bound` it is agreed, beyond it a person decides."""
        self.check_counter()
        if amount <= 0 or amount > self.refundable:
            limit = self.texts.money(self.refundable)
            raise InvalidInputError(
                f"A counter-offer must be more than 0 and at most what you paid ({limit}).",
                key="error.counter_range", params={"limit": limit},
            )
        outcome = "partial_refund_no_return"
        accepted = amount <= bound
        if accepted:
            self._move(self.check("counter_accepted"), final_outcome=outcome, final_amount=amount, resolved_at=now)
        else:
            self._move(self.check("counter_escalated"))
        self._step("counter", "buyer", typed, outcome, amount)
        self._audit("buyer", "counter_offer", {"amount": str(amount), "bound": str(bound)})
        if accepted:
            rule = {"code": "counter_within_bound", "description": f"Counter {amount} ≤ merchant bound {bound}."}
            self._settle("counter_accepted", "policy-engine", outcome, amount, [rule], policy_version)
            return
        self.reply = self.texts.message("counter_review", amount)
        self._step("counter_escalated", "policy-engine", self.reply, outcome, amount)
        self._audit("policy-engine", "counter_escalated", {"amount": str(amount), "bound": str(bound)})

    def merchant_decide(
        self, actor: str, action: MerchantAction, amount: Decimal | None, note: str | None, now: datetime
    ) -> None:
        """Approve what is proposed, grant another amount, or reject with a note. An agreed return for refund
        waits for the item (awaiting_return); the money is settled by return_received."""
        case = self.record
        self.check("merchant_settle")  # decidable at all, before the inputs are judged
        note = (note or "").strip() or None
        base = case.suggested_outcome or case.proposed_outcome
        refundable = self.refundable
        outcome: str | None
        if action == "approve":
            outcome, granted = self.pending()
            if outcome in (None, "escalate"):
                raise InvalidInputError(
                    "There is no proposal to approve: enter an amount (Edit amount) or reject with a note."
                )
            granted = min(granted, refundable)
        elif action == "edit":
            if amount is None:
                raise InvalidInputError("Enter the amount to refund.")
            granted = round_money(amount, case.currency)
            if granted <= 0 or granted > refundable:
                already = case.total_paid - refundable
                left = f" ({already} {case.currency} already refunded on this order)" if already > 0 else ""
                raise InvalidInputError(
                    f"The amount must be more than 0 and at most the {refundable} {case.currency} "
                    f"{'left to refund' if already > 0 else 'paid'}{left}."
                )
            outcome = base if base in MONEY_OUTCOMES else "partial_refund_no_return"
        elif action == "reject":
            if not note:
                raise InvalidInputError("Add a note saying why the claim is rejected.")
            outcome, granted = "reject", Decimal(0)
        else:
            raise InvalidInputError("Choose approve, edit amount or reject.")
        if outcome == "reject":
            self._move(self.check("merchant_reject"), final_outcome=outcome, final_amount=granted, resolved_at=now)
            text = self.texts.message("rejected")
        elif outcome == "return_for_refund":  # the item comes back first; nothing is paid or settled yet
            self._move(self.check("merchant_agree_return"))
            text = self.texts.message("awaiting_return", granted)
        else:
            self._move(self.check("merchant_settle"), final_outcome=outcome, final_amount=granted, resolved_at=now)
            text = self.texts.message("accepted_refund", granted) if granted > 0 else self.texts.message("accepted_other")
        self._step(f"merchant_{action}", actor, text, outcome, granted)
        if outcome != "return_for_refund":
            self.new_decisions.append(NewDecision(
                outcome=outcome or "resolved", amount=granted,
                rules_fired=[{"code": f"merchant_{action}", "description": f"Decided by {actor}."}],
                inputs={"previous_status": case.status, "proposed_outcome": case.proposed_outcome,
                        "proposed_amount": str(case.proposed_amount)},
                decided_by=actor, note=note,
            ))  # fmt: skip
            self.wants_receipt = True
        self._audit(actor, f"merchant_{action}",
                    {"outcome": outcome, "amount": str(granted), "note": note, "status": self.current.status})  # fmt: skip
        self.reply = text

    def return_received(self, actor: str, now: datetime) -> None:
        """The returned item arrived: the agreed refund (capped at what is left to refund) is decided."""
        status = self.check("return_received")
        agreed = self.agreed_return_amount()
        granted = min(agreed, self.refundable)
        self._move(status, final_outcome="return_for_refund", final_amount=granted, resolved_at=now)
        text = self.texts.message("accepted_refund", granted) if granted > 0 else self.texts.message("accepted_other")
        self._step("return_received", actor, text, "return_for_refund", granted)
        rules = [{"code": "return_received", "description": f"Returned item received by {actor}."}]
        if granted < agreed:
            rules.append({"code": "capped_at_refundable",
                          "description": f"Agreed {agreed} {self.record.currency}; capped at what is left to refund."})  # fmt: skip
        self.new_decisions.append(NewDecision(
            outcome="return_for_refund", amount=granted, rules_fired=rules,
            inputs={"previous_status": self.record.status, "agreed_amount": str(agreed)},
            decided_by=actor, note="return received",
        ))  # fmt: skip
        self.wants_receipt = True
        self._audit(actor, "return_received", {"amount": str(granted)})
        self.reply = text

    def close_unreturned(self, actor: str, note: str, now: datetime) -> None:
        """The agreed return never arrived: closed with nothing refunded, with a note saying why."""
        note = (note or "").strip()
        if not note:
            raise InvalidInputError("Add a note saying why the case is closed without the returned item.")
        status = self.check("close_unreturned")
        agreed = self.agreed_return_amount()
        self._move(status, final_outcome="return_for_refund", final_amount=Decimal(0), resolved_at=now)
        text = self.texts.message("closed_no_return")
        self._step("closed_no_return", actor, text, "return_for_refund", Decimal(0))
        self.new_decisions.append(NewDecision(
            outcome="return_for_refund", amount=Decimal(0),
            rules_fired=[{"code": "return_not_received",
                          "description": f"Returned item never arrived; closed by {actor} without a refund."}],
            inputs={"previous_status": self.record.status, "agreed_amount": str(agreed)}, decided_by=actor, note=note,
        ))  # fmt: skip
        self.wants_receipt = True
        self._audit(actor, "closed_no_return",
                    {"amount": "0", "agreed_amount": str(agreed), "note": note, "status": status})  # fmt: skip
        self.reply = text

    # -- helpers --------------------------------------------------------------------------------------------
    def _move(self, status: CaseStatus, **fields: Any) -> None:
        self.changes.update(status=status, **fields)

    def _step(self, step: str, actor: str, text: str, outcome: str | None = None, amount: Decimal | None = None) -> None:
        self.new_steps.append(NewStep(step=step, actor=actor, text=text, outcome=outcome, amount=amount))

    def _audit(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        self.new_audit.append(NewAudit(actor=actor, action=action, detail=detail))

    def _settle(
        self, step: str, actor: str, outcome: str | None, amount: Decimal, rules: list[dict[str, str]],
        policy_version: str,
    ) -> None:  # fmt: skip
        """An agreement with the buyer: the step, the money decision, the receipt and the audit entry."""
        key = "accepted_refund" if amount > 0 else "accepted_other"
        self.reply = self.texts.message(key, amount if amount > 0 else None)
        self._step(step, actor, self.reply, outcome, amount)
        self.new_decisions.append(NewDecision(
            outcome=outcome or "resolved", amount=amount, rules_fired=rules,
            inputs={"step": step, "offer": str(self.record.proposed_amount)}, decided_by=actor,
            policy_version=policy_version, note=f"buyer {step.replace('_', ' ')}",
        ))  # fmt: skip
        self.wants_receipt = True
        self._audit(actor, step, {"outcome": outcome, "amount": str(amount)})

