"""Claim intake: the buyer proves who they are (order number + email), then files evidence one file at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from app.domain.orders import Order
from app.domain.refund_case import RefundCaseRecord, next_status
from app.domain.refunds import CLAIM_REASONS
from app.errors import InvalidInputError, NotFoundError
from app.services.language import SUPPORTED_LANGUAGES, LanguageIdentifier
from app.services.refunds.cases import CASE_KIND, RefundCases
from app.services.refunds.uploads import UploadChecker
from app.services.text_safety import mask_pans
from app.settings import Settings
from app.store.refunds import EvidenceRecord

# The same words for "no such order" and "not your order": a stranger learns nothing about other buyers.
UNKNOWN_ORDER = (
    "We could not find an order with this number and email address. Please check both and try again."
)


@dataclass(frozen=True)
class UploadRejection:
    filename: str
    message: str  # English, as stored in the audit trail
    key: str | None = None  # the same message in the buyer text catalog (shown in the buyer's language)
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class EvidenceReport:
    accepted: list[EvidenceRecord] = field(default_factory=list)
    rejected: list[UploadRejection] = field(default_factory=list)


class ClaimIntake:
    """Opening a claim and adding its evidence (each its own small transaction: the case, then each file)."""

    def __init__(
        self, *, cases: RefundCases, settings: Settings, language: LanguageIdentifier, uploads: UploadChecker
    ) -> None:
        self.cases = cases
        self.repository = cases.repository
        self.settings = settings
        self.language = language
        self.uploads = uploads

    def find_order(self, order_no: str, email: str) -> Order:
        order = self.cases.orders.get_for_buyer(order_no or "", email or "")
        if order is None:
            raise NotFoundError(UNKNOWN_ORDER, key="error.unknown_order")
        return order

    def open_claim(
        self, order_no: str, email: str, reason: str, description: str,
        product_id: str | None = None, language: str | None = None, opened: bool | None = None,
    ) -> RefundCaseRecord:  # fmt: skip
        if reason not in CLAIM_REASONS:
            raise InvalidInputError("Please choose what went wrong with the order.", key="error.choose_reason")
        description = (description or "").strip()
        if len(description) > self.settings.max_message_chars:
            raise InvalidInputError(
                f"Please keep the description under {self.settings.max_message_chars} characters.",
                key="error.description_too_long", params={"max_chars": self.settings.max_message_chars},
            )
        # A card number typed into the description is masked before it is stored or shown to any model.
        description = mask_pans(description)
        order = self.find_order(order_no, email)
        if product_id:
            lines = [item for item in order.items if item.product_id == product_id]
            if not lines:
                raise InvalidInputError("That item is not part of this order.", key="error.item_not_in_order")
            item_value = sum((i.unit_price * i.quantity for i in lines), Decimal(0))
        else:
            item_value = order.items_subtotal
        fallback = order.language if order.language in SUPPORTED_LANGUAGES else "en"
        lang = language if language in SUPPORTED_LANGUAGES else self.language.detect_or(description, fallback)
        with self.cases.db.session() as session:  # the case and its first audit entry, together
            case = self.repository.create_case(
                session, order_no=order.order_no, buyer_email=order.buyer_email.strip().lower(),
                country_code=order.country_code, currency=order.currency.upper(), product_id=product_id or None,
                reason=reason, description=description,
                language=lang, status="new", item_value=item_value, total_paid=order.total_paid,
                created_at=self.cases.clock(), item_opened=opened,
            )  # fmt: skip
            self.cases.audit.add(
                session, CASE_KIND, case.id, "buyer", "claim_opened", {"order_no": order.order_no, "reason": reason}
            )
        return case

    def add_evidence(self, case_id: str, uploads: Sequence[tuple[Path, str]]) -> EvidenceReport:
        """Each file is checked on its own: a bad one is reported, the good ones and the case are kept."""
        case = self.cases.get(case_id)
        next_status(case.status, "add_evidence")  # refused once the claim is decided
        existing = self.repository.evidence_for(case.id)
        counts = {
            "image": sum(e.kind == "image" for e in existing),
            "video": sum(e.kind == "video" for e in existing),
        }
        limits = {"image": self.settings.max_images_per_claim, "video": self.settings.max_videos_per_claim}
        checked_files = []
        rejected: list[UploadRejection] = []
        for path, name in uploads:
            kind = self.uploads.guess_kind(path)
            if kind is not None and counts[kind] >= limits[kind]:
                noun = "photos" if kind == "image" else "videos"
                rejected.append(
                    UploadRejection(
                        name, f"“{name}” was not added: at most {limits[kind]} {noun} per claim.",
                        key=f"upload.too_many_{noun}", params={"name": name, "limit": limits[kind]},
                    )
                )  # fmt: skip
                continue
            try:
                checked = self.uploads.check_and_store(path, name)
            except InvalidInputError as exc:
                rejected.append(UploadRejection(name, exc.user_message, exc.key, exc.params))
                continue
            counts[checked.kind] += 1
            checked_files.append((checked, name))
        with self.cases.db.session() as session:  # the evidence links and their audit entry, together
            accepted = [
                self.repository.add_evidence(
                    session, case.id, sha256=checked.stored.sha256, kind=checked.kind, mime=checked.stored.mime,
                    original_name=name, ahash=checked.ahash,
                )  # fmt: skip
                for checked, name in checked_files
            ]
            self.cases.audit.add(
                session, CASE_KIND, case.id, "buyer", "evidence_added",
                {"accepted": [e.sha256 for e in accepted], "rejected": [r.message for r in rejected]},
            )  # fmt: skip
        return EvidenceReport(accepted, rejected)
