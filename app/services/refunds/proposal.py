"""Command handlers for the engine's side of a claim: analyse the evidence, then propose (offer or send to review).

`propose` loads the case aggregate, runs the policy engine (code, never a model) and saves the proposal, its
decision with every input, the negotiation step and the audit entry in one unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import cast

from app.domain.refund_case import next_status
from app.domain.refunds import OPEN_CASE_STATUSES, ClaimLine, ClaimReason, Finding, PolicyInput, RefundPolicy
from app.services.refunds.cases import CASE_KIND, BuyerView, RefundCases, as_utc
from app.services.refunds.evidence import ClaimContext, EvidenceAnalyzer
from app.services.refunds.policy import decide
from app.services.refunds.product_kinds import ProductCategories
from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.files import FileStore
from app.store.refunds import RefundCaseRecord


class ProposalHandler:
    def __init__(
        self, *, cases: RefundCases, files: FileStore, analyzer: EvidenceAnalyzer, shipping: ShippingCostTable,
        products: ProductCategories, policy: Callable[[], RefundPolicy],
    ) -> None:  # fmt: skip
        self.cases = cases
        self.repository = cases.repository
        self.files = files
        self.analyzer = analyzer
        self.shipping = shipping
        self.products = products
        self.policy = policy

    def analyse(self, case_id: str) -> Finding:
        case = self.cases.get(case_id)
        order = self.cases.order(case)
        evidence = [(record, stored.path) for record in self.repository.evidence_for(case.id)
                    if (stored := self.files.get(record.sha256)) is not None]  # fmt: skip
        context = ClaimContext(
            reason=case.reason, description=case.description, order_no=order.order_no, tracking_no=order.tracking_no,
            ordered_items=[item.title for item in order.items if not case.product_id or item.product_id == case.product_id],
        )  # fmt: skip
        result = self.analyzer.analyse(context, evidence, self.repository.earlier_images_of_other_cases(case.id))
        with self.cases.db.session() as session:  # the finding and its audit entry, together
            self.repository.add_finding(
                case.id, result.finding, attempts=result.attempts, raw=result.raw, session=session
            )
            self.cases.audit.add(
                session, CASE_KIND, case.id, "vision-model", "evidence_analysed",
                {"status": result.finding.status, "model": result.finding.model,
                 "prompt_version": result.finding.prompt_version, "attempts": result.attempts},
            )  # fmt: skip
        return result.finding

    def policy_input(self, case: RefundCaseRecord, finding: Finding) -> PolicyInput:
        order = self.cases.order(case)
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
        record = self.cases.get(case_id)
        # An open offer or a settled case is never silently replaced (checked before the evidence is analysed).
        next_status(record.status, "send_to_review")
        finding = self.repository.latest_finding(record.id) or self.analyse(record.id)
        policy = self.policy()
        inp = self.policy_input(record, finding)
        decision = decide(policy, inp)
        case = self.cases.load(record)
        inputs = {"claim": inp.model_dump(mode="json"), "policy": policy.model_dump(mode="json"),
                  "suggested_outcome": decision.suggested_outcome, "percent": str(decision.percent)}  # fmt: skip
        case.propose(decision, inputs, policy.version)
        return self.cases.view(self.cases.save(case), case.reply)
