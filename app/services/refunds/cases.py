"""Loading refund cases as aggregates and saving a command's rows in one unit of work.

`RefundCases.load` builds the aggregate (case, steps, what is left to refund on the order, the buyer's phrasebook);
`RefundCases.save` writes the case change, its negotiation steps, money decisions, decision receipt and audit entries
in ONE transaction: a failure anywhere leaves none of them behind. The case row is updated only if its status is
still the one the command started from, so two requests racing on one case cannot both win.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from app.domain.orders import Order
from app.domain.refund_case import ALREADY_DECIDED, RefundCase, RefundCaseRecord
from app.errors import CaseTransitionError, NotFoundError
from app.services.refunds import negotiation
from app.services.refunds.receipt import receipt_text
from app.store.audit import AuditLog
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.orders import OrderRepository
from app.store.receipts import ReceiptRepository, StoredReceipt
from app.store.refunds import RefundRepository

CASE_KIND = "refund"
UNKNOWN_CASE = "We could not find this claim for this email address."


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Phrases:
    """The aggregate's Phrasebook for one case: the negotiation templates in the case's language and currency."""

    language: str
    currency: str

    def message(self, key: str, amount: Decimal | None = None) -> str:
        return negotiation.message(key, self.language, amount, self.currency)

    def offer(self, outcome: str, reason: str, amount: Decimal, percent: Decimal) -> str:
        key = negotiation.offer_key(outcome, reason)
        return negotiation.offer_text(key, amount, percent, self.currency, self.language)

    def money(self, amount: Decimal) -> str:
        return negotiation.format_amount(amount, self.currency, self.language)


@dataclass(frozen=True)
class BuyerView:
    """What the buyer sees: always in their language, amounts formatted by code."""

    case_id: str
    status: str
    language: str
    text: str
    can_respond: bool
    can_counter: bool
    amount: Decimal | None
    currency: str
    # The decision receipt (buyer's language) once the claim is decided.
    receipt: str | None = None


class RefundCases:
    """The repository of refund case aggregates (load, save) and the reads every handler shares."""

    def __init__(
        self, *, db: Database, repository: RefundRepository, orders: OrderRepository, decisions: DecisionRepository,
        audit: AuditLog, receipts: ReceiptRepository | None, clock: Callable[[], datetime],
    ) -> None:  # fmt: skip
        self.db = db
        self.repository = repository
        self.orders = orders
        self.decisions = decisions
        self.audit = audit
        self.receipts = receipts
        self.clock = clock

    # -- reading --------------------------------------------------------------------------------------------
    def find(self, reference: str) -> RefundCaseRecord | None:
        """The case `reference` names: its internal id or its number (R-000123, r123, 123)."""
        found = self.repository.find_case_id(reference or "")
        return self.repository.get_case(found) if found is not None else None

    def get(self, case_id: str) -> RefundCaseRecord:
        """The case by its id or its number; NotFoundError when there is none."""
        case = self.find(case_id)
        if case is None:
            raise NotFoundError("This refund case does not exist.")
        return case

    def for_buyer(self, case_id: str, email: str) -> RefundCaseRecord:
        """The case, only for the buyer who filed it (the same answer for "no such case" and "not yours"). The buyer
        may give the claim number they were shown (R-000123) or the internal id; the email must match either way."""
        case = self.find(case_id)
        if case is None or case.buyer_email != (email or "").strip().lower():
            raise NotFoundError(UNKNOWN_CASE, key="error.unknown_case")
        return case

    def order(self, case: RefundCaseRecord) -> Order:
        order = self.orders.get(case.order_no)
        if order is None:
            raise NotFoundError(f"Order {case.order_no} is no longer in the order database.")
        return order

    def refundable(self, case: RefundCaseRecord) -> Decimal:
        """What may still be refunded on this claim's order: paid minus other claims' refunds, never negative."""
        already = sum(
            (c.final_amount or Decimal(0) for c in self.repository.cases_for_order(case.order_no)
             if c.id != case.id and c.status == "resolved"),
            Decimal(0),
        )  # fmt: skip
        return max(Decimal(0), case.total_paid - already)

    def load(self, case: RefundCaseRecord) -> RefundCase:
        return RefundCase(
            record=case, steps=tuple(self.repository.steps(case.id)), refundable=self.refundable(case),
            texts=Phrases(case.language, case.currency),
        )  # fmt: skip

    def latest_receipt(self, case_id: str) -> StoredReceipt | None:
        """The case's latest decision receipt, by its id or its number (R-000123)."""
        case_id = self.repository.find_case_id(case_id) or case_id
        found = self.receipts.for_case(case_id) if self.receipts is not None else []
        return found[-1] if found else None

    def view(self, case: RefundCaseRecord, text: str) -> BuyerView:
        open_offer = case.status == "offered"
        countered = any(step.step == "counter" for step in self.repository.steps(case.id))
        amount = case.final_amount if case.final_amount is not None else case.proposed_amount
        if case.status == "awaiting_return":
            amount = self.load(case).agreed_return_amount()
        return BuyerView(
            case_id=case.id, status=case.status, language=case.language, text=text, can_respond=open_offer,
            can_counter=open_offer and not countered and case.proposed_outcome == "partial_refund_no_return",
            amount=amount, currency=case.currency,
            receipt=receipt.text if (receipt := self.latest_receipt(case.id)) else None,
        )  # fmt: skip

    # -- the unit of work -----------------------------------------------------------------------------------
    def save(self, case: RefundCase) -> RefundCaseRecord:
        """Everything the command changed, in one transaction; CaseTransitionError if another request won."""
        with self.db.session() as session:
            saved = self.repository.transition(session, case.record.id, case.loaded_status, case.changes)
            if saved is None:  # another request proposed or decided meanwhile: nothing of this one is kept
                raise CaseTransitionError(ALREADY_DECIDED)
            for step in case.new_steps:
                self.repository.add_step(
                    session, saved.id, step=step.step, actor=step.actor, language=saved.language, text=step.text,
                    outcome=step.outcome, amount=step.amount,
                    currency=saved.currency if step.amount is not None else None,
                )  # fmt: skip
            for decision in case.new_decisions:
                self.decisions.add(
                    session, case_kind=CASE_KIND, case_id=saved.id, outcome=decision.outcome, amount=decision.amount,
                    currency=saved.currency, rules_fired=decision.rules_fired, inputs=decision.inputs,
                    decided_by=decision.decided_by, policy_version=decision.policy_version, note=decision.note,
                )  # fmt: skip
            if case.wants_receipt and self.receipts is not None:
                # The receipt quotes the decision just taken, so it is written in the same transaction.
                decisions = self.decisions.for_case(CASE_KIND, saved.id, session=session)
                self.receipts.add(
                    session, case_id=saved.id, order_no=saved.order_no, decision_id=decisions[-1].id,
                    language=saved.language, text=receipt_text(saved, decisions, saved.language),
                    text_en=receipt_text(saved, decisions, "en"),
                )  # fmt: skip
            for entry in case.new_audit:
                self.audit.add(session, CASE_KIND, saved.id, entry.actor, entry.action, entry.detail)
            return saved
