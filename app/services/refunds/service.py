"""RefundService: a claim from intake to an agreed outcome (intake in intake.py, merchant review in review.py).

Every step is stored (cases, evidence links, findings, negotiation steps), every money decision goes to
DecisionRepository with its inputs and the rules that fired, and every action is written to the audit log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import ValidationError

from app.domain.refunds import (
    OFFERABLE,
    OPEN_CASE_STATUSES,
    ClaimLine,
    ClaimReason,
    Finding,
    PolicyDecision,
    PolicyInput,
    RefundPolicy,
)
from app.errors import InvalidInputError, NotFoundError
from app.services.language import LanguageIdentifier
from app.services.refund_policy import POLICY_KEY, current_policy
from app.services.refunds import negotiation
from app.services.refunds.evidence import ClaimContext, EvidenceAnalyzer
from app.services.refunds.intake import (  # noqa: F401 - re-exported for callers of the service
    CASE_KIND,
    UNKNOWN_ORDER,
    EvidenceReport,
    RefundIntakeMixin,
    UploadRejection,
)
from app.services.refunds.policy import counter_bound, decide
from app.services.refunds.policy_preview import PolicyPreview, preview_policy, replayable_inputs
from app.services.refunds.product_kinds import ProductCategories
from app.services.refunds.receipt import ENGINE
from app.services.refunds.review import ALREADY_DECIDED
from app.services.refunds.shipping_costs import ShippingCostTable
from app.services.refunds.uploads import UploadChecker
from app.settings import Settings
from app.store.audit import AuditLog
from app.store.base import utcnow
from app.store.decisions import DecisionRepository
from app.store.files import FileStore
from app.store.merchant_settings import MerchantSettingsRepository
from app.store.orders import OrderRepository
from app.store.receipts import ReceiptRepository
from app.store.refunds import RefundCaseRecord, RefundRepository

log = logging.getLogger(__name__)

UNKNOWN_CASE = "We could not find this claim for this email address."
BuyerAction = Literal["accept", "decline", "counter"]


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


@dataclass(frozen=True)
class ClaimReceipt:
    case: RefundCaseRecord
    rejected: list[UploadRejection]
    finding: Finding
    view: BuyerView


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class RefundService(RefundIntakeMixin):
    def __init__(
        self, *, settings: Settings, repository: RefundRepository, orders: OrderRepository, files: FileStore,
        audit: AuditLog, decisions: DecisionRepository, merchant_settings: MerchantSettingsRepository,
        language: LanguageIdentifier, shipping: ShippingCostTable, analyzer: EvidenceAnalyzer, uploads: UploadChecker,
        clock: Callable[[], datetime] = utcnow, products: ProductCategories | None = None,
        receipts: ReceiptRepository | None = None,
    ) -> None:  # fmt: skip
        self.settings = settings
        self.repository = repository
        self.orders = orders
        self.files = files
        self.audit = audit
        self.decisions = decisions
        self.merchant_settings = merchant_settings
        self.language = language
        self.shipping = shipping
        self.analyzer = analyzer
        self.uploads = uploads
        self.clock = clock
        self.products = products or ProductCategories({})
        self.receipts = receipts

    # -- policy -----------------------------------------------------------------------------------------------
    def policy(self) -> RefundPolicy:
        return current_policy(self.merchant_settings)  # the same reader the buyer chat quotes from

    def save_policy(self, data: dict[str, Any] | RefundPolicy, actor: str) -> RefundPolicy:
        policy = _validated_policy(data, "saved")
        self.merchant_settings.set(POLICY_KEY, policy.model_dump(mode="json"))
        self.audit.record(CASE_KIND, "policy", actor, "policy_saved", policy.model_dump(mode="json"))
        return policy

    def preview_policy(self, data: dict[str, Any] | RefundPolicy, days: int = 30) -> PolicyPreview:
        """What the engine's claims of the last `days` days would have been under `data` instead of the current
        policy (nothing is saved); InvalidInputError naming the fields when `data` is not a valid policy."""
        candidate = _validated_policy(data, "previewed")
        since = self.clock() - timedelta(days=days)
        # The engine's latest proposal per claim, with the exact input it saw (settlements carry no claim input).
        engine = self.decisions.decided_by_since(CASE_KIND, ENGINE, since)
        latest = {d.case_id: d.inputs for d in engine if isinstance(d.inputs.get("claim"), dict)}
        return preview_policy(self.policy(), candidate, replayable_inputs(latest.values()), days)

    # -- intake -----------------------------------------------------------------------------------------------
    # -- analysis and proposal ----------------------------------------------------------------------------------
    def analyse(self, case_id: str) -> Finding:
        case = self._case(case_id)
        order = self._order(case)
        evidence = [(record, stored.path) for record in self.repository.evidence_for(case_id)
                    if (stored := self.files.get(record.sha256)) is not None]  # fmt: skip
        context = ClaimContext(
            reason=case.reason, description=case.description, order_no=order.order_no, tracking_no=order.tracking_no,
            ordered_items=[item.title for item in order.items if not case.product_id or item.product_id == case.product_id],
        )  # fmt: skip
        result = self.analyzer.analyse(
            context, evidence, self.repository.earlier_images_of_other_cases(case_id)
        )
        self.repository.add_finding(case_id, result.finding, attempts=result.attempts, raw=result.raw)
        self.audit.record(
            CASE_KIND, case_id, "vision-model", "evidence_analysed",
            {"status": result.finding.status, "model": result.finding.model,
             "prompt_version": result.finding.prompt_version, "attempts": result.attempts},
        )  # fmt: skip
        return result.finding

    def policy_input(self, case: RefundCaseRecord, finding: Finding) -> PolicyInput:
        order = self._order(case)
        policy = self.policy()
        opened = as_utc(case.created_at)
        since = opened - timedelta(days=policy.repeat_claim_window_days)
        others = [other for other in self.repository.cases_for_order(case.order_no) if other.id != case.id]
        # Claims opened before this one and still running: this one is a possible duplicate.
        still_open = [o for o in others if o.status in OPEN_CASE_STATUSES and as_utc(o.created_at) < opened]
        refunded = [o for o in others if o.status == "resolved" and (o.final_amount or Decimal(0)) > 0]
        lines = [
            ClaimLine(title=item.title, category=self.products.category(item.product_id))
            for item in order.items
            if not case.product_id or item.product_id == case.product_id
        ]
        return PolicyInput(
            reason=cast(ClaimReason, case.reason), claimed_at=opened,
            currency=case.currency, item_value=case.item_value, shipping_paid=order.shipping_paid,
            total_paid=case.total_paid, country_code=case.country_code, order_status=order.status,
            delivered_at=order.delivered_at, return_cost=self.shipping.return_cost(case.country_code, case.currency),
            prior_claims=self.repository.count_claims(case.buyer_email, since=since, before=opened, exclude_case=case.id),
            open_claims_on_order=len(still_open), refunded_claims_on_order=len(refunded),
            already_refunded=sum((o.final_amount or Decimal(0) for o in refunded), Decimal(0)),
            finding=finding, lines=lines, opened=case.item_opened,
            outbound_cost=self.shipping.outbound_cost(case.country_code, case.currency),
        )  # fmt: skip

    def propose(self, case_id: str) -> BuyerView:
        """Run the policy engine; offer to the buyer when allowed, else send the case to the merchant."""
        case = self._case(case_id)
        if case.status not in ("new", "review"):  # an open offer or a settled case is never silently replaced
            raise InvalidInputError(f"This claim is {case.status}; a new proposal is not possible.")
        finding = self.repository.latest_finding(case_id) or self.analyse(case_id)
        policy = self.policy()
        inp = self.policy_input(case, finding)
        decision = decide(policy, inp)
        offered = decision.outcome in OFFERABLE
        if offered:
            text = negotiation.offer_text(
                negotiation.offer_key(decision.outcome, case.reason),
                decision.amount,
                decision.percent,
                case.currency,
                case.language,
            )
            step, status = "offer", "offered"
        else:
            text, step, status = negotiation.message("review", case.language), "review", "review"
        updated = self.repository.transition(
            case_id, ("new", "review"), status=status, proposed_outcome=decision.outcome,
            proposed_amount=decision.amount, suggested_outcome=decision.suggested_outcome,
        )  # fmt: skip
        if updated is None:  # another request proposed or decided meanwhile
            raise InvalidInputError(ALREADY_DECIDED)
        case = updated
        self._record_decision(case, decision, inp, policy, decided_by="policy-engine")
        self.repository.add_step(
            case_id, step=step, actor="policy-engine", language=case.language, text=text,
            outcome=decision.outcome, amount=decision.amount, currency=case.currency,
        )  # fmt: skip
        self.audit.record(
            CASE_KIND, case_id, "policy-engine", "offer_sent" if offered else "sent_to_review",
            {"outcome": decision.outcome, "amount": str(decision.amount), "language": case.language},
        )  # fmt: skip
        return self._view(case, text)

    def file_claim(
        self, order_no: str, email: str, reason: str, description: str, uploads: Sequence[tuple[Path, str]],
        product_id: str | None = None, language: str | None = None, opened: bool | None = None,
        progress: Callable[[float, str], None] | None = None,
    ) -> ClaimReceipt:  # fmt: skip
        """The buyer form in one call: open, store evidence, analyse, propose. `progress(fraction, step)` names each
        step as it starts (the form shows it instead of a bare spinner)."""
        step = progress or (lambda _fraction, _name: None)
        step(0.05, "Checking your order")
        case = self.open_claim(order_no, email, reason, description, product_id, language, opened)
        step(0.2, "Checking your photos and videos")
        report = self.add_evidence(case.id, uploads)
        step(0.4, "Looking at your photos")
        finding = self.analyse(case.id)
        step(0.85, "Applying the return policy")
        view = self.propose(case.id)
        step(1.0, "Done")
        return ClaimReceipt(self._case(case.id), report.rejected, finding, view)

    # -- negotiation -------------------------------------------------------------------------------------------
    def buyer_view(self, case_id: str, email: str) -> BuyerView:
        case = self._buyer_case(case_id, email)
        steps = self.repository.steps(case.id)
        return self._view(case, steps[-1].text if steps else negotiation.message("review", case.language))

    def respond_to_offer(
        self, case_id: str, email: str, action: BuyerAction, counter: str | None = None
    ) -> BuyerView:
        case = self._buyer_case(case_id, email)
        if case.status != "offered":
            raise InvalidInputError(
                "This offer is no longer open. Our team will contact you about your claim."
            )
        offer_amount = case.proposed_amount or Decimal(0)
        if action == "accept":
            if case.proposed_outcome == "return_for_refund":  # the money waits for the returned item
                self._claim_offer(case, status="awaiting_return")
                text = negotiation.message("awaiting_return", case.language, offer_amount, case.currency)
                self.repository.add_step(case.id, step="accept", actor="buyer", language=case.language, text=text,
                                         outcome=case.proposed_outcome, amount=offer_amount, currency=case.currency)  # fmt: skip
                self.audit.record(
                    CASE_KIND, case.id, "buyer", "accept",
                    {"outcome": case.proposed_outcome, "amount": str(offer_amount), "status": "awaiting_return"},
                )  # fmt: skip
                return self._view(self._case(case.id), text)
            key = "accepted_refund" if offer_amount > 0 else "accepted_other"
            self._claim_offer(case, status="resolved", final_outcome=case.proposed_outcome,
                              final_amount=offer_amount, resolved_at=self.clock())  # fmt: skip
            return self._settle(case, "accept", "buyer", case.proposed_outcome, offer_amount, key, [])
        if action == "decline":
            self._claim_offer(case, status="review")
            text = negotiation.message("declined", case.language)
            self.repository.add_step(
                case.id, step="decline", actor="buyer", language=case.language, text=text
            )
            self.audit.record(CASE_KIND, case.id, "buyer", "offer_declined", {"offer": str(offer_amount)})
            return self._view(self._case(case.id), text)
        if action != "counter":
            raise InvalidInputError("Please accept, decline or make a counter-offer.")
        if case.proposed_outcome != "partial_refund_no_return":
            raise InvalidInputError(
                "A counter-offer is possible for partial refunds only; you can accept or decline."
            )
        amount = negotiation.parse_amount(counter or "", case.currency)
        refundable = self._refundable(case)
        if amount <= 0 or amount > refundable:
            limit = negotiation.format_amount(refundable, case.currency, case.language)
            raise InvalidInputError(
                f"A counter-offer must be more than 0 and at most what you paid ({limit})."
            )
        bound = counter_bound(self.policy(), offer_amount, case.item_value, refundable, case.currency)
        verdict = negotiation.evaluate_counter(amount, bound)
        if verdict.accepted:
            self._claim_offer(case, status="resolved", final_outcome="partial_refund_no_return",
                              final_amount=amount, resolved_at=self.clock())  # fmt: skip
        else:
            self._claim_offer(case, status="review")
        self.repository.add_step(
            case.id, step="counter", actor="buyer", language=case.language, text=counter or "",
            outcome="partial_refund_no_return", amount=amount, currency=case.currency,
        )  # fmt: skip
        self.audit.record(
            CASE_KIND, case.id, "buyer", "counter_offer", {"amount": str(amount), "bound": str(bound)}
        )
        if verdict.accepted:
            rule = {
                "code": "counter_within_bound",
                "description": f"Counter {amount} ≤ merchant bound {bound}.",
            }
            return self._settle(case, "counter_accepted", "policy-engine", "partial_refund_no_return", amount,
                                "accepted_refund", [rule])  # fmt: skip
        text = negotiation.message("counter_review", case.language, amount, case.currency)
        self.repository.add_step(
            case.id, step="counter_escalated", actor="policy-engine", language=case.language, text=text,
            outcome="partial_refund_no_return", amount=amount, currency=case.currency,
        )  # fmt: skip
        self.audit.record(
            CASE_KIND,
            case.id,
            "policy-engine",
            "counter_escalated",
            {"amount": str(amount), "bound": str(bound)},
        )
        return self._view(self._case(case.id), text)

    # -- helpers -----------------------------------------------------------------------------------------------
    def _claim_offer(self, case: RefundCaseRecord, **fields: Any) -> RefundCaseRecord:
        """Answer the open offer exactly once: the status moves from "offered" in one conditional UPDATE."""
        updated = self.repository.transition(case.id, ("offered",), **fields)
        if updated is None:
            raise InvalidInputError(ALREADY_DECIDED)
        return updated

    def _settle(
        self, case: RefundCaseRecord, step: str, actor: str, outcome: str | None, amount: Decimal, key: str,
        rules: list[dict[str, str]],
    ) -> BuyerView:  # fmt: skip
        """Record an agreement whose status change (_claim_offer) already won."""
        text = negotiation.message(key, case.language, amount if amount > 0 else None, case.currency)
        self.repository.add_step(case.id, step=step, actor=actor, language=case.language, text=text,
                                 outcome=outcome, amount=amount, currency=case.currency)  # fmt: skip
        self.decisions.record(
            case_kind=CASE_KIND, case_id=case.id, outcome=outcome or "resolved", amount=amount, currency=case.currency,
            rules_fired=rules, inputs={"step": step, "offer": str(case.proposed_amount)}, decided_by=actor,
            policy_version=self.policy().version, note=f"buyer {step.replace('_', ' ')}",
        )  # fmt: skip
        self.issue_receipt(case.id)
        self.audit.record(CASE_KIND, case.id, actor, step, {"outcome": outcome, "amount": str(amount)})
        return self._view(self._case(case.id), text)

    def _record_decision(
        self,
        case: RefundCaseRecord,
        decision: PolicyDecision,
        inp: PolicyInput,
        policy: RefundPolicy,
        decided_by: str,
    ) -> None:
        self.decisions.record(
            case_kind=CASE_KIND, case_id=case.id, outcome=decision.outcome, amount=decision.amount,
            currency=decision.currency, rules_fired=[hit.model_dump() for hit in decision.rules_fired],
            inputs={"claim": inp.model_dump(mode="json"), "policy": policy.model_dump(mode="json"),
                    "suggested_outcome": decision.suggested_outcome, "percent": str(decision.percent)},
            decided_by=decided_by, policy_version=policy.version,
        )  # fmt: skip

    def _view(self, case: RefundCaseRecord, text: str) -> BuyerView:
        open_offer = case.status == "offered"
        countered = any(step.step == "counter" for step in self.repository.steps(case.id))
        amount = case.final_amount if case.final_amount is not None else case.proposed_amount
        if case.status == "awaiting_return":
            amount = self._agreed_return_amount(case)
        return BuyerView(
            case_id=case.id, status=case.status, language=case.language, text=text, can_respond=open_offer,
            can_counter=open_offer and not countered and case.proposed_outcome == "partial_refund_no_return",
            amount=amount, currency=case.currency,
            receipt=receipt.text if (receipt := self.latest_receipt(case.id)) else None,
        )  # fmt: skip

    def _buyer_case(self, case_id: str, email: str) -> RefundCaseRecord:
        # The claim reference the buyer was shown (R-000123) or the internal id; the email must match either way.
        found = self.repository.find_case_id(case_id or "")
        case = self.repository.get_case(found) if found is not None else None
        if case is None or case.buyer_email != (email or "").strip().lower():
            raise NotFoundError(UNKNOWN_CASE)
        return case


def _validated_policy(data: dict[str, Any] | RefundPolicy, verb: str) -> RefundPolicy:
    try:
        return data if isinstance(data, RefundPolicy) else RefundPolicy.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'policy'}: {e['msg']}" for e in exc.errors())
        raise InvalidInputError(f"The refund policy was not {verb}: {problems}") from exc
