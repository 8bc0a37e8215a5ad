"""RefundService: the one object the UI, the API and the tests use for refund claims.

It holds no logic of its own: each call goes to the handler for its command family —
intake (ClaimIntake), the engine's proposal (ProposalHandler), the buyer's answer (OfferHandler), the merchant's
decisions (MerchantDecisionHandler) and the merchant's read-only views (CaseQueries). Case states and transitions
live in the aggregate (app.domain.refund_case); each command saves its rows in one unit of work (cases.RefundCases).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.domain.refund_case import MerchantAction
from app.domain.refunds import Finding, RefundPolicy
from app.errors import InvalidInputError
from app.services.chargebacks.refund_history import RefundRecord
from app.services.language import LanguageIdentifier
from app.services.refund_policy import POLICY_KEY, current_policy
from app.services.refunds.cases import (  # noqa: F401 - re-exported for callers of the service
    UNKNOWN_CASE,
    BuyerView,
    RefundCases,
    as_utc,
)
from app.services.refunds.evidence import EvidenceAnalyzer
from app.services.refunds.intake import (  # noqa: F401 - re-exported for callers of the service
    CASE_KIND,
    UNKNOWN_ORDER,
    ClaimIntake,
    EvidenceReport,
    UploadRejection,
)
from app.services.refunds.merchant_decisions import MerchantDecisionHandler
from app.services.refunds.offers import BuyerAction, OfferHandler
from app.services.refunds.policy_preview import PolicyPreview, preview_policy, replayable_inputs
from app.services.refunds.product_kinds import ProductCategories
from app.services.refunds.proposal import ProposalHandler
from app.services.refunds.receipt import ENGINE
from app.services.refunds.reports import MonthSavings
from app.services.refunds.review import CaseDetail, CaseFilters, CaseQueries
from app.services.refunds.shipping_costs import ShippingCostTable
from app.services.refunds.uploads import UploadChecker
from app.settings import Settings
from app.store.audit import AuditLog
from app.store.base import utcnow
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.files import FileStore
from app.store.merchant_settings import MerchantSettingsRepository
from app.store.orders import OrderRepository
from app.store.receipts import ReceiptRepository, StoredReceipt
from app.store.refunds import RefundCaseRecord, RefundRepository


@dataclass(frozen=True)
class ClaimReceipt:
    case: RefundCaseRecord
    rejected: list[UploadRejection]
    finding: Finding
    view: BuyerView


class RefundService:
    def __init__(
        self, *, settings: Settings, db: Database, repository: RefundRepository, orders: OrderRepository,
        files: FileStore, audit: AuditLog, decisions: DecisionRepository,
        merchant_settings: MerchantSettingsRepository, language: LanguageIdentifier, shipping: ShippingCostTable,
        analyzer: EvidenceAnalyzer, uploads: UploadChecker, clock: Callable[[], datetime] = utcnow,
        products: ProductCategories | None = None, receipts: ReceiptRepository | None = None,
    ) -> None:  # fmt: skip
        self.repository = repository
        self.merchant_settings = merchant_settings
        self.audit = audit
        cases = RefundCases(db=db, repository=repository, orders=orders, decisions=decisions, audit=audit,
                            receipts=receipts, clock=clock)  # fmt: skip
        self.cases = cases
        self.intake = ClaimIntake(cases=cases, settings=settings, language=language, uploads=uploads)
        self.proposals = ProposalHandler(
            cases=cases, files=files, analyzer=analyzer, shipping=shipping,
            products=products or ProductCategories({}), policy=self.policy,
        )  # fmt: skip
        self.offers = OfferHandler(cases=cases, policy=self.policy)
        self.decisions = MerchantDecisionHandler(cases=cases)
        self.queries = CaseQueries(cases=cases, files=files, shipping=shipping)

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
        since = self.cases.clock() - timedelta(days=days)
        # The engine's latest proposal per claim, with the exact input it saw (settlements carry no claim input).
        engine = self.cases.decisions.decided_by_since(CASE_KIND, ENGINE, since)
        latest = {d.case_id: d.inputs for d in engine if isinstance(d.inputs.get("claim"), dict)}
        return preview_policy(self.policy(), candidate, replayable_inputs(latest.values()), days)

    # -- the buyer's claim ------------------------------------------------------------------------------------
    def open_claim(
        self, order_no: str, email: str, reason: str, description: str,
        product_id: str | None = None, language: str | None = None, opened: bool | None = None,
    ) -> RefundCaseRecord:  # fmt: skip
        return self.intake.open_claim(order_no, email, reason, description, product_id, language, opened)

    def add_evidence(self, case_id: str, uploads: Sequence[tuple[Path, str]]) -> EvidenceReport:
        return self.intake.add_evidence(case_id, uploads)

    def analyse(self, case_id: str) -> Finding:
        return self.proposals.analyse(case_id)

    def propose(self, case_id: str) -> BuyerView:
        return self.proposals.propose(case_id)

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
        return ClaimReceipt(self.cases.get(case.id), report.rejected, finding, view)

    def buyer_view(self, case_id: str, email: str) -> BuyerView:
        return self.offers.buyer_view(case_id, email)

    def respond_to_offer(
        self, case_id: str, email: str, action: BuyerAction, counter: str | None = None
    ) -> BuyerView:
        return self.offers.respond_to_offer(case_id, email, action, counter)

    # -- the merchant -----------------------------------------------------------------------------------------
    def merchant_decide(
        self, case_id: str, actor: str, action: MerchantAction, amount: Decimal | None = None, note: str | None = None
    ) -> RefundCaseRecord:
        return self.decisions.merchant_decide(case_id, actor, action, amount, note)

    def mark_return_received(self, case_id: str, actor: str) -> RefundCaseRecord:
        return self.decisions.mark_return_received(case_id, actor)

    def close_unreturned(self, case_id: str, actor: str, note: str) -> RefundCaseRecord:
        return self.decisions.close_unreturned(case_id, actor, note)

    def list_cases(self, filters: CaseFilters | None = None) -> list[RefundCaseRecord]:
        return self.queries.list_cases(filters)

    def case_detail(self, case_id: str) -> CaseDetail:
        return self.queries.case_detail(case_id)

    def latest_receipt(self, case_id: str) -> StoredReceipt | None:
        """The case's latest decision receipt, by its number (R-000123) or id; None before a decision."""
        return self.queries.latest_receipt(case_id)

    def export_csv(self, filters: CaseFilters | None = None) -> str:
        return self.queries.export_csv(filters)

    def savings_report(self) -> list[MonthSavings]:
        return self.queries.savings_report()

    def refunds_for_order(self, order_no: str) -> list[RefundRecord]:
        return self.queries.refunds_for_order(order_no)


def _validated_policy(data: dict[str, Any] | RefundPolicy, verb: str) -> RefundPolicy:
    try:
        return data if isinstance(data, RefundPolicy) else RefundPolicy.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'policy'}: {e['msg']}" for e in exc.errors())
        raise InvalidInputError(f"The refund policy was not {verb}: {problems}") from exc
