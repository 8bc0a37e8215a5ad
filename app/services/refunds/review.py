"""The merchant's side of refund cases: the queue, a case page, one-click decisions, CSV and savings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from app.domain.audit import AuditEvent
from app.domain.money import round_money
from app.domain.orders import Order
from app.domain.refunds import Finding
from app.errors import InvalidInputError, NotFoundError
from app.services.chargebacks.refund_history import RefundRecord
from app.services.refunds import negotiation
from app.services.refunds.receipt import receipt_text
from app.services.refunds.reports import MonthSavings, cases_to_csv, savings_by_month
from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.audit import AuditLog
from app.store.decisions import DecisionRepository, StoredDecision
from app.store.files import FileStore
from app.store.orders import OrderRepository
from app.store.receipts import ReceiptRepository, StoredReceipt
from app.store.refunds import EvidenceRecord, NegotiationStep, RefundCaseRecord, RefundRepository

MerchantAction = Literal["approve", "edit", "reject"]
_MONEY_OUTCOMES = frozenset({"partial_refund_no_return", "full_refund_no_return", "return_for_refund"})
# The merchant decides cases waiting for a person (review, escalations) or an offer the buyer has not answered.
MERCHANT_DECIDABLE: tuple[str, ...] = ("review", "offered")
SETTLED_STATUSES = frozenset({"resolved", "rejected", "awaiting_return", "closed_no_return"})
# Terminal statuses: nothing more happens to the case.
CLOSED_STATUSES = frozenset({"resolved", "rejected", "closed_no_return"})
ALREADY_DECIDED = "This case was already decided."
# Steps that agree a return-for-refund amount (the money is paid when the item is back).
_RETURN_AGREED_STEPS = frozenset({"accept", "merchant_approve", "merchant_edit"})


class CaseFilters(BaseModel):
    model_config = ConfigDict(frozen=True)

    status: str | None = None
    reason: str | None = None
    country: str | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None


@dataclass(frozen=True)
class CaseDetail:
    case: RefundCaseRecord
    order: Order | None
    evidence: list[tuple[EvidenceRecord, Path]]
    finding: Finding | None
    decisions: list[StoredDecision]
    steps: list[NegotiationStep]
    audit: list[AuditEvent]


def case_amount(case: RefundCaseRecord) -> Decimal | None:
    return case.final_amount if case.final_amount is not None else case.proposed_amount


class RefundReviewMixin:
    repository: RefundRepository
    orders: OrderRepository
    files: FileStore
    audit: AuditLog
    decisions: DecisionRepository
    shipping: ShippingCostTable
    clock: Callable[[], datetime]
    receipts: ReceiptRepository | None

    def issue_receipt(self, case_id: str) -> StoredReceipt | None:
        """The decision receipt for the case's latest stored decision, in the buyer's language and in English,
        kept with the case (None when this installation keeps no receipts)."""
        if self.receipts is None:
            return None
        case = self._case(case_id)
        decisions = self.decisions.for_case("refund", case.id)
        if not decisions:
            return None
        return self.receipts.add(
            case_id=case.id, order_no=case.order_no, decision_id=decisions[-1].id, language=case.language,
            text=receipt_text(case, decisions, case.language), text_en=receipt_text(case, decisions, "en"),
        )  # fmt: skip

    def latest_receipt(self, case_id: str) -> StoredReceipt | None:
        case_id = self.repository.find_case_id(case_id) or case_id
        found = self.receipts.for_case(case_id) if self.receipts is not None else []
        return found[-1] if found else None

    def list_cases(self, filters: CaseFilters | None = None) -> list[RefundCaseRecord]:
        f = filters or CaseFilters()
        cases = self.repository.list_cases(status=f.status, reason=f.reason, country=f.country)
        if f.min_amount is not None:
            cases = [c for c in cases if (case_amount(c) or Decimal(0)) >= f.min_amount]
        if f.max_amount is not None:
            cases = [c for c in cases if (case_amount(c) or Decimal(0)) <= f.max_amount]
        return cases

    def case_detail(self, case_id: str) -> CaseDetail:
        case = self._case(case_id)
        evidence = [(record, stored.path) for record in self.repository.evidence_for(case.id)
                    if (stored := self.files.get(record.sha256)) is not None]  # fmt: skip
        return CaseDetail(
            case=case, order=self.orders.get(case.order_no), evidence=evidence,
            finding=self.repository.latest_finding(case.id), decisions=self.decisions.for_case("refund", case.id),
            steps=self.repository.steps(case.id), audit=self.audit.for_case("refund", case.id),
        )  # fmt: skip

    def merchant_decide(
        self,
        case_id: str,
        actor: str,
        action: MerchantAction,
        amount: Decimal | None = None,
        note: str | None = None,
    ) -> RefundCaseRecord:
        """Approve what is proposed, grant another amount, or reject with a note. Always recorded and audited.

        Only a case waiting for a decision can be decided, once: the status change is a conditional UPDATE, so a
        second click or a second merchant gets "already decided" instead of a second refund. An agreed return for
        refund waits for the item (status awaiting_return); the money is settled by mark_return_received.
        """
        case = self._case(case_id)
        if case.status in SETTLED_STATUSES:
            raise InvalidInputError(ALREADY_DECIDED)
        if case.status not in MERCHANT_DECIDABLE:
            raise InvalidInputError("This claim has no proposal yet; decide it once it has been analysed.")
        note = (note or "").strip() or None
        base = case.suggested_outcome or case.proposed_outcome
        refundable = self._refundable(case)
        if action == "approve":
            outcome, granted = self._pending(case)
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
            outcome = base if base in _MONEY_OUTCOMES else "partial_refund_no_return"
        elif action == "reject":
            if not note:
                raise InvalidInputError("Add a note saying why the claim is rejected.")
            outcome, granted = "reject", Decimal(0)
        else:
            raise InvalidInputError("Choose approve, edit amount or reject.")
        rejected = outcome == "reject"
        awaiting = outcome == "return_for_refund"
        if awaiting:  # the item comes back first; nothing is paid or settled yet
            fields: dict[str, object] = {"status": "awaiting_return"}
        else:
            fields = {"status": "rejected" if rejected else "resolved", "final_outcome": outcome,
                      "final_amount": granted, "resolved_at": self.clock()}  # fmt: skip
        updated = self.repository.transition(case.id, MERCHANT_DECIDABLE, **fields)
        if updated is None:
            raise InvalidInputError(ALREADY_DECIDED)
        text = (
            negotiation.message("rejected", case.language) if rejected
            else negotiation.message("awaiting_return", case.language, granted, case.currency) if awaiting
            else negotiation.message("accepted_refund", case.language, granted, case.currency) if granted > 0
            else negotiation.message("accepted_other", case.language)
        )  # fmt: skip
        self.repository.add_step(case.id, step=f"merchant_{action}", actor=actor, language=case.language, text=text,
                                 outcome=outcome, amount=granted, currency=case.currency)  # fmt: skip
        if not awaiting:
            self.decisions.record(
                case_kind="refund", case_id=case.id, outcome=outcome or "resolved", amount=granted,
                currency=case.currency, rules_fired=[{"code": f"merchant_{action}", "description": f"Decided by {actor}."}],
                inputs={"previous_status": case.status, "proposed_outcome": case.proposed_outcome,
                        "proposed_amount": str(case.proposed_amount)},
                decided_by=actor, note=note,
            )  # fmt: skip
            self.issue_receipt(case.id)
        self.audit.record(
            "refund",
            case.id,
            actor,
            f"merchant_{action}",
            {"outcome": outcome, "amount": str(granted), "note": note, "status": updated.status},
        )
        return updated

    def mark_return_received(self, case_id: str, actor: str) -> RefundCaseRecord:
        """The returned item arrived: now the agreed refund is decided, recorded and announced to the buyer."""
        case = self._case(case_id)
        if case.status != "awaiting_return":
            raise InvalidInputError(
                ALREADY_DECIDED if case.status in CLOSED_STATUSES
                else "This case is not waiting for a returned item."
            )  # fmt: skip
        agreed = self._agreed_return_amount(case)
        granted = min(agreed, self._refundable(case))
        updated = self.repository.transition(
            case.id, ("awaiting_return",), status="resolved", final_outcome="return_for_refund",
            final_amount=granted, resolved_at=self.clock(),
        )  # fmt: skip
        if updated is None:
            raise InvalidInputError(ALREADY_DECIDED)
        text = (
            negotiation.message("accepted_refund", case.language, granted, case.currency) if granted > 0
            else negotiation.message("accepted_other", case.language)
        )  # fmt: skip
        self.repository.add_step(case.id, step="return_received", actor=actor, language=case.language, text=text,
                                 outcome="return_for_refund", amount=granted, currency=case.currency)  # fmt: skip
        rules = [{"code": "return_received", "description": f"Returned item received by {actor}."}]
        if granted < agreed:
            rules.append({"code": "capped_at_refundable",
                          "description": f"Agreed {agreed} {case.currency}; capped at what is left to refund."})  # fmt: skip
        self.decisions.record(
            case_kind="refund", case_id=case.id, outcome="return_for_refund", amount=granted, currency=case.currency,
            rules_fired=rules, inputs={"previous_status": case.status, "agreed_amount": str(agreed)},
            decided_by=actor, note="return received",
        )  # fmt: skip
        self.issue_receipt(case.id)
        self.audit.record("refund", case.id, actor, "return_received", {"amount": str(granted)})
        return updated

    def close_unreturned(self, case_id: str, actor: str, note: str) -> RefundCaseRecord:
        """The agreed return never arrived: close the case with nothing refunded, recorded, audited and announced.

        Only from awaiting_return, once (the same conditional UPDATE as the other decisions), and only with a note
        saying why (e.g. "no tracking after 30 days").
        """
        case = self._case(case_id)
        note = (note or "").strip()
        if not note:
            raise InvalidInputError("Add a note saying why the case is closed without the returned item.")
        if case.status != "awaiting_return":
            raise InvalidInputError(
                ALREADY_DECIDED if case.status in CLOSED_STATUSES
                else "This case is not waiting for a returned item."
            )  # fmt: skip
        agreed = self._agreed_return_amount(case)
        updated = self.repository.transition(
            case.id, ("awaiting_return",), status="closed_no_return", final_outcome="return_for_refund",
            final_amount=Decimal(0), resolved_at=self.clock(),
        )  # fmt: skip
        if updated is None:
            raise InvalidInputError(ALREADY_DECIDED)
        text = negotiation.message("closed_no_return", case.language)
        self.repository.add_step(case.id, step="closed_no_return", actor=actor, language=case.language, text=text,
                                 outcome="return_for_refund", amount=Decimal(0), currency=case.currency)  # fmt: skip
        self.decisions.record(
            case_kind="refund", case_id=case.id, outcome="return_for_refund", amount=Decimal(0), currency=case.currency,
            rules_fired=[{"code": "return_not_received",
                          "description": f"Returned item never arrived; closed by {actor} without a refund."}],
            inputs={"previous_status": case.status, "agreed_amount": str(agreed)},
            decided_by=actor, note=note,
        )  # fmt: skip
        self.issue_receipt(case.id)
        self.audit.record(
            "refund", case.id, actor, "closed_no_return",
            {"amount": "0", "agreed_amount": str(agreed), "note": note, "status": updated.status},
        )  # fmt: skip
        return updated

    def export_csv(self, filters: CaseFilters | None = None) -> str:
        return cases_to_csv(self.list_cases(filters))

    def savings_report(self) -> list[MonthSavings]:
        return savings_by_month(self.repository.list_cases(status="resolved", limit=100_000), self.shipping)

    # -- shared helpers ------------------------------------------------------------------------------------------
    def _pending(self, case: RefundCaseRecord) -> tuple[str | None, Decimal]:
        """What "approve" grants: a counter-offer waiting for approval, else the engine's proposal."""
        for step in reversed(self.repository.steps(case.id)):
            if step.step == "counter_escalated" and step.amount is not None:
                return step.outcome, step.amount
            if step.step in ("offer", "review"):
                break
        return case.suggested_outcome or case.proposed_outcome, case.proposed_amount or Decimal(0)

    def _agreed_return_amount(self, case: RefundCaseRecord) -> Decimal:
        """The amount agreed for a return for refund: the buyer's accept or the merchant's approve/edit."""
        for step in reversed(self.repository.steps(case.id)):
            if (
                step.step in _RETURN_AGREED_STEPS
                and step.outcome == "return_for_refund"
                and step.amount is not None
            ):
                return step.amount
        return case.proposed_amount or Decimal(0)

    def _already_refunded(self, case: RefundCaseRecord) -> Decimal:
        """Money settled by the order's other claims."""
        return sum(
            (c.final_amount or Decimal(0) for c in self.repository.cases_for_order(case.order_no)
             if c.id != case.id and c.status == "resolved"),
            Decimal(0),
        )  # fmt: skip

    def _refundable(self, case: RefundCaseRecord) -> Decimal:
        """What may still be refunded on this claim's order: paid minus other claims' refunds, never negative."""
        return max(Decimal(0), case.total_paid - self._already_refunded(case))

    def _case(self, case_id: str) -> RefundCaseRecord:
        """The case by its internal id or its number (R-000123, r123, 123)."""
        found = self.repository.find_case_id(case_id or "")
        case = self.repository.get_case(found) if found is not None else None
        if case is None:
            raise NotFoundError("This refund case does not exist.")
        return case

    def _order(self, case: RefundCaseRecord) -> Order:
        order = self.orders.get(case.order_no)
        if order is None:
            raise NotFoundError(f"Order {case.order_no} is no longer in the order database.")
        return order

    def refunds_for_order(self, order_no: str) -> list[RefundRecord]:
        """Refund history for chargeback evidence (app.services.chargebacks.refund_history.RefundHistorySource)."""
        records = []
        for case in self.repository.list_cases(limit=100_000):
            if case.order_no != order_no:
                continue
            status = {"rejected": "rejected", "resolved": "approved",
                      "closed_no_return": "closed, item not returned"}.get(case.status, "requested")  # fmt: skip
            records.append(
                RefundRecord(
                    reference=case.number or case.id,  # the number a person reads (R-000123)
                    requested_on=case.created_at.date(),
                    status=status,
                    reason=case.reason,
                    amount=case.final_amount if case.status == "resolved" else case.proposed_amount,
                    currency=case.currency,
                    receipt=receipt.text_en if (receipt := self.latest_receipt(case.id)) else "",
                )
            )
        return records
