"""The merchant's side of refund cases, read-only: the queue, a case page, CSV, savings, refund history."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from app.domain.audit import AuditEvent
from app.domain.orders import Order
from app.domain.refunds import Finding
from app.services.chargebacks.refund_history import RefundRecord
from app.services.refunds.cases import CASE_KIND, RefundCases
from app.services.refunds.reports import MonthSavings, cases_to_csv, savings_by_month
from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.decisions import StoredDecision
from app.store.files import FileStore
from app.store.receipts import StoredReceipt
from app.store.refunds import EvidenceRecord, NegotiationStep, RefundCaseRecord


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


class CaseQueries:
    def __init__(self, *, cases: RefundCases, files: FileStore, shipping: ShippingCostTable) -> None:
        self.cases = cases
        self.repository = cases.repository
        self.files = files
        self.shipping = shipping

    def list_cases(self, filters: CaseFilters | None = None) -> list[RefundCaseRecord]:
        f = filters or CaseFilters()
        cases = self.repository.list_cases(status=f.status, reason=f.reason, country=f.country)
        if f.min_amount is not None:
            cases = [c for c in cases if (case_amount(c) or Decimal(0)) >= f.min_amount]
        if f.max_amount is not None:
            cases = [c for c in cases if (case_amount(c) or Decimal(0)) <= f.max_amount]
        return cases

    def case_detail(self, case_id: str) -> CaseDetail:
        case = self.cases.get(case_id)
        evidence = [(record, stored.path) for record in self.repository.evidence_for(case.id)
                    if (stored := self.files.get(record.sha256)) is not None]  # fmt: skip
        return CaseDetail(
            case=case, order=self.cases.orders.get(case.order_no), evidence=evidence,
            finding=self.repository.latest_finding(case.id), decisions=self.cases.decisions.for_case(CASE_KIND, case.id),
            steps=self.repository.steps(case.id), audit=self.cases.audit.for_case(CASE_KIND, case.id),
        )  # fmt: skip

    def latest_receipt(self, case_id: str) -> StoredReceipt | None:
        return self.cases.latest_receipt(case_id)

    def export_csv(self, filters: CaseFilters | None = None) -> str:
        return cases_to_csv(self.list_cases(filters))

    def savings_report(self) -> list[MonthSavings]:
        return savings_by_month(self.repository.list_cases(status="resolved", limit=100_000), self.shipping)

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
                    receipt=receipt.text_en if (receipt := self.cases.latest_receipt(case.id)) else "",
                )
            )
        return records
