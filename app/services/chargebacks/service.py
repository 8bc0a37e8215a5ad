"""ChargebackService: intake, evidence review, one-click rebuttal, outcomes and win rates.

Every step is audited; outcomes are stored as decisions with the inputs that led to them.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from app.domain.chargeback_case import ChargebackCaseState
from app.domain.chargebacks import (
    OUTCOMES,
    ChargebackCase,
    Completeness,
    Deadline,
    EvidenceBundle,
    Exhibit,
    QueueRow,
    RebuttalResult,
    WinRate,
)
from app.errors import CaseTransitionError, InvalidInputError, NotFoundError
from app.services.chargebacks.catalog import ReasonCodeCatalog
from app.services.chargebacks.completeness import ChecklistRow, checklist, completeness
from app.services.chargebacks.deadline import compute_deadline
from app.services.chargebacks.evidence import EvidenceAssembler, exhibit_letter
from app.services.chargebacks.exhibits import check_image
from app.services.chargebacks.intake import ImportReport, IntakeResult, RowError, parse_notice, read_rows
from app.services.chargebacks.narrative import NarrativeWriter
from app.services.chargebacks.packets import write_packets
from app.services.chargebacks.pan import mask_pans
from app.services.chargebacks.rebuttal_docx import ExhibitImage, write_rebuttal
from app.store.audit import AuditLog
from app.store.chargebacks import ChargebackRepository, DuplicateCaseError, StoredCase
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.files import FileStore, StoredFile
from app.store.orders import OrderRepository

Progress = Callable[[float, str], None]
CASE_KIND = "chargeback"


def _today_utc() -> date:
    return datetime.now(UTC).date()


def _no_progress(_fraction: float, _message: str) -> None:
    return None


@dataclass(frozen=True)
class CaseReview:
    """What the console shows before generating: the bundle, the checklist and the completeness score."""

    bundle: EvidenceBundle
    completeness: Completeness
    checklist: list[ChecklistRow]


class ChargebackService:
    def __init__(
        self,
        *,
        catalog: ReasonCodeCatalog,
        db: Database,
        cases: ChargebackRepository,
        orders: OrderRepository,
        evidence: EvidenceAssembler,
        narrative: NarrativeWriter,
        files: FileStore,
        audit: AuditLog,
        decisions: DecisionRepository,
        merchant_name: Callable[[], str],
        output_dir: Path,
        max_image_mb: int = 15,
        urgent_within_days: int = 3,
        default_acquirer: str = "Acquirer dispute department",
        today: Callable[[], date] = _today_utc,
    ) -> None:
        self.catalog = catalog
        self._db = db
        self._cases = cases
        self._orders = orders
        self._evidence = evidence
        self._narrative = narrative
        self._files = files
        self._audit = audit
        self._decisions = decisions
        self._merchant_name = merchant_name
        self._output_dir = output_dir
        self._max_image_mb = max_image_mb
        self._urgent_within_days = urgent_within_days
        self._default_acquirer = default_acquirer
        self._today = today

    # -- intake ---------------------------------------------------------------------------------------------
    def _parse(self, raw: Mapping[str, Any]) -> IntakeResult:
        return parse_notice(raw, self.catalog, self._orders.get, self._cases.exists)

    def _store(self, result: IntakeResult, actor: str, source: str) -> None:
        notice = result.notice
        try:
            with self._db.session() as session:  # the case and its "created" entry, together
                self._cases.add(session, notice, reason_known=result.lookup.known, category=result.lookup.reason.category)
                self._audit.add(session, CASE_KIND, notice.case_id, actor, "created", {
                    "source": source, "reason": result.lookup.reason.display, "known": result.lookup.known,
                    "warnings": list(result.warnings),
                })
        except DuplicateCaseError:
            raise InvalidInputError(f"case_id: case {notice.case_id} already exists.") from None

    def create(self, raw: Mapping[str, Any], actor: str = "merchant", source: str = "form") -> IntakeResult:
        """One notice (console form, or a processor's dispute). InvalidInputError names the field at fault."""
        result = self._parse(raw)
        self._store(result, actor, source)
        return result

    def import_notices(self, data: bytes, filename: str, actor: str = "merchant") -> ImportReport:
        report = ImportReport()
        for number, raw in enumerate(read_rows(data, filename), start=1):
            try:
                result = self._parse(raw)
                self._store(result, actor, f"import:{filename}")
            except InvalidInputError as exc:
                report.errors.append(RowError(row=number, case_id=str(raw.get("case_id") or ""), message=exc.user_message))
                continue
            report.created.append(result.notice.case_id)
            report.warnings.extend(f"{result.notice.case_id}: {warning}" for warning in result.warnings)
        return report

    # -- reading --------------------------------------------------------------------------------------------
    def _case(self, stored: StoredCase) -> ChargebackCase:
        lookup = self.catalog.lookup(stored.notice.reason_code, stored.notice.network)
        return ChargebackCase(
            notice=stored.notice, reason=lookup.reason, reason_known=lookup.known, status=stored.status,
            created_at=stored.created_at, exhibits=tuple(self._cases.exhibits(stored.notice.case_id)),
            case_no=stored.case_no,
        )

    def get(self, case_id: str) -> ChargebackCase:
        """The case by its dispute id or its number (CB-000045, cb45, 45)."""
        found = self._cases.find_case_id(case_id)
        stored = self._cases.get(found) if found is not None else None
        if stored is None:
            raise NotFoundError(f"There is no chargeback case {case_id!r}.")
        return self._case(stored)

    def deadline(self, case: ChargebackCase) -> Deadline:
        return compute_deadline(case.notice, case.reason, self._today(), self._urgent_within_days)

    def assemble(self, case_id: str) -> EvidenceBundle:
        case = self.get(case_id)
        return self._evidence.assemble(
            case, merchant_name=self._merchant_name(), deadline=self.deadline(case), today=self._today(),
            default_acquirer=self._default_acquirer,
        )

    def review(self, case_id: str) -> CaseReview:
        bundle = self.assemble(case_id)
        return CaseReview(bundle=bundle, completeness=completeness(bundle), checklist=checklist(bundle))

    def queue(self, include_closed: bool = False) -> list[QueueRow]:
        """Cases by days left (most urgent first); closed cases (won/lost/accepted) only when asked."""
        rows = []
        for stored in self._cases.list_all():
            if stored.status in OUTCOMES and not include_closed:
                continue
            case = self._case(stored)
            deadline = self.deadline(case)
            bundle = self._evidence.assemble(
                case, merchant_name=self._merchant_name(), deadline=deadline, today=self._today(),
                default_acquirer=self._default_acquirer,
            )
            rows.append(QueueRow(case=case, deadline=deadline, completeness_score=completeness(bundle).score))
        return sorted(rows, key=lambda row: (row.deadline.days_left, row.case.case_id))

    # -- exhibits -------------------------------------------------------------------------------------------
    def attach_exhibit(
        self, case_id: str, data: bytes, filename: str, *, caption: str = "", evidence_key: str | None = None,
        actor: str = "merchant",
    ) -> Exhibit:
        case = self.get(case_id)
        if evidence_key and evidence_key not in self.catalog.evidence_kinds:
            raise InvalidInputError(f"Unknown evidence item {evidence_key!r}.")
        mime, suffix = check_image(data, filename, self._max_image_mb)
        stored = self._files.put(data, mime=mime, kind="image", suffix=suffix)
        label = self.catalog.label(evidence_key) if evidence_key else Path(filename).name
        text = mask_pans(" ".join(caption.split()))[:300] or label
        with self._db.session() as session:  # the exhibit and its audit entry, together
            exhibit = self._cases.add_exhibit(
                session, case.case_id, sha256=stored.sha256, mime=mime, caption=text, evidence_key=evidence_key or None
            )
            self._audit.add(session, CASE_KIND, case.case_id, actor, "exhibit_attached", {
                "sha256": stored.sha256, "evidence_key": evidence_key, "caption": text,
            })
        return exhibit

    # -- rebuttal -------------------------------------------------------------------------------------------
    def document_path(self, case_id: str) -> Path:
        return self._output_dir / f"rebuttal-{re.sub(r'[^A-Za-z0-9._-]', '_', case_id)}.docx"

    def generate(
        self, case_id: str, *, out_path: Path | None = None, use_model: bool = True, progress: Progress = _no_progress,
        actor: str = "merchant",
    ) -> RebuttalResult:
        progress(0.05, "Assembling evidence")
        started = time.perf_counter()
        bundle = self.assemble(case_id)
        evidence_seconds = time.perf_counter() - started
        progress(0.25, "Writing the argument")
        timed = self._narrative.write(bundle, use_model=use_model)
        progress(0.8, "Building the Word document")
        images = [
            ExhibitImage(letter=bundle_letter, caption=exhibit.caption, path=stored.path)
            for bundle_letter, exhibit, stored in self._exhibit_files(bundle)
        ]
        path = out_path or self.document_path(bundle.case.case_id)
        started = time.perf_counter()
        write_rebuttal(bundle, timed.narrative, images, path)
        document_seconds = time.perf_counter() - started
        progress(0.9, "Building the PDF packet and the Stripe evidence")
        pdf, stripe = write_packets(bundle, timed.narrative, images, path, self._orders.get(bundle.case.notice.order_no))
        score = completeness(bundle)
        state = ChargebackCaseState.of(bundle.case)
        state.respond(actor, {
            "path": str(path), "narrative_source": timed.narrative.source,
            "fallback_reason": timed.narrative.fallback_reason, "prompt_version": timed.narrative.prompt_version,
            "completeness": score.score, "missing": list(score.missing), "model_seconds": round(timed.model_seconds, 3),
            "document_seconds": round(document_seconds, 3), "pdf_path": pdf.path, "pdf_bytes": pdf.size_bytes,
            "pdf_pages": pdf.pages, "pdf_within_limits": pdf.within_limits,
            "pdf_problems": [p for c in pdf.checks for p in (f"{c.processor}: {x}" for x in c.problems)],
            "stripe_evidence_path": stripe.path, "stripe_truncated": list(stripe.truncated),
        })
        self._save(state)  # an open case becomes responded, with its audit entry, in one transaction
        progress(1.0, "Done")
        return RebuttalResult(
            case_id=bundle.case.case_id, path=str(path), narrative_source=timed.narrative.source,
            fallback_reason=timed.narrative.fallback_reason, evidence_seconds=evidence_seconds,
            model_seconds=timed.model_seconds, document_seconds=document_seconds, completeness_score=score.score,
            pdf=pdf, stripe=stripe,
        )

    def _exhibit_files(self, bundle: EvidenceBundle) -> list[tuple[str, Exhibit, StoredFile]]:
        found = []
        for index, exhibit in enumerate(bundle.case.exhibits):
            stored = self._files.get(exhibit.sha256)
            if stored is None or not stored.path.is_file():
                raise NotFoundError(f"The file of exhibit {exhibit.caption!r} is missing from the evidence store.")
            found.append((exhibit_letter(index), exhibit, stored))
        return found

    # -- outcomes -------------------------------------------------------------------------------------------
    def record_outcome(self, case_id: str, outcome: str, *, actor: str = "merchant", note: str = "") -> ChargebackCase:
        """The network's final word: status, decision (with the evidence picture) and audit entry, one transaction."""
        review = self.review(case_id)
        case, score = review.bundle.case, review.completeness
        state = ChargebackCaseState.of(case)
        state.record_outcome(
            outcome, actor=actor, note=note, rules_fired=[case.reason.display, f"completeness {score.score}%"],
            inputs={
                "reason_code": case.reason.code, "network": case.reason.network, "category": case.reason.category,
                "evidence_present": list(score.present), "evidence_missing": list(score.missing),
                "dispute_date": case.notice.dispute_date.isoformat(),
            },
        )  # fmt: skip
        self._save(state)
        return self.get(case.case_id)

    def _save(self, state: ChargebackCaseState) -> None:
        """The unit of work: the status change, decisions and audit entries commit together or not at all."""
        with self._db.session() as session:
            if state.new_status is not None and not self._cases.transition(
                session, state.case_id, state.status, state.new_status
            ):
                raise CaseTransitionError("This chargeback case was changed meanwhile; reload it and try again.")
            for decision in state.decisions:
                self._decisions.add(
                    session, case_kind=CASE_KIND, case_id=state.case_id, outcome=decision.outcome,
                    amount=decision.amount, currency=decision.currency, rules_fired=decision.rules_fired,
                    inputs=decision.inputs, decided_by=decision.decided_by, note=decision.note,
                )  # fmt: skip
            for entry in state.audit:
                self._audit.add(session, CASE_KIND, state.case_id, entry.actor, entry.action, entry.detail)

    def win_rates(self) -> list[WinRate]:
        counts: Counter[tuple[str, str, str]] = Counter()
        for stored in self._cases.list_all():
            if stored.status in OUTCOMES:
                counts[(stored.notice.network, stored.notice.reason_code, stored.status)] += 1
        keys = sorted({(network, code) for network, code, _ in counts})
        return [
            WinRate(network=network, reason_code=code, won=counts[(network, code, "won")],
                    lost=counts[(network, code, "lost")], accepted=counts[(network, code, "accepted")])
            for network, code in keys
        ]
