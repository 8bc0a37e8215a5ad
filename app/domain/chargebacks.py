"""Chargeback types: reason codes, notices, cases, evidence, completeness, deadlines, outcomes.

Amounts are Decimal; card data never goes beyond brand + last 4 digits (free text is PAN-masked on intake).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.domain.case_numbers import chargeback_number
from app.domain.money import to_decimal
from app.domain.packets import PdfPacket, StripeExport

Network = Literal["visa", "mastercard", "amex", "discover", "unknown"]
Category = Literal["fraud", "authorization", "processing_error", "consumer_dispute", "unknown"]
CaseStatus = Literal["open", "responded", "won", "lost", "accepted"]
Outcome = Literal["won", "lost", "accepted"]

NETWORKS: tuple[str, ...] = ("visa", "mastercard", "amex", "discover")
OUTCOMES: tuple[str, ...] = ("won", "lost", "accepted")
NETWORK_NAMES = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
    "unknown": "Unknown network",
}
CATEGORY_NAMES = {
    "fraud": "Fraud",
    "authorization": "Authorization",
    "processing_error": "Processing error",
    "consumer_dispute": "Consumer dispute",
    "unknown": "Unknown",
}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class EvidenceKind(_Frozen):
    """One kind of compelling evidence (a machine key and what a person calls it)."""

    key: str
    label: str
    # "store": assembled from the order database; "exhibit": only a file the merchant attaches can supply it.
    source: Literal["store", "exhibit"] = "store"


class ReasonCode(_Frozen):
    network: Network
    code: str
    title: str
    category: Category
    evidence: tuple[str, ...]
    deadline_days: int = Field(ge=1)
    consolidated_into: str | None = None
    note: str | None = None
    # Opening line of the argument for this code (static text, never a case fact); else the category's line.
    argument: str | None = None
    # The public guide the code and its meaning come from (reason_codes.yaml `sources`).
    source: str = ""

    @property
    def legacy(self) -> bool:
        """A retired code still printed on notices; `consolidated_into` names the current one."""
        return self.consolidated_into is not None

    @property
    def display(self) -> str:
        return f"{NETWORK_NAMES[self.network]} {self.code}"


class ReasonLookup(_Frozen):
    """A catalog answer: the reason (possibly a stand-in for an unknown code) and a warning if any."""

    reason: ReasonCode
    known: bool
    warning: str | None = None


class ChargebackNotice(_Frozen):
    """What the acquirer's notice says. Validated at intake; the claim text is already PAN-masked."""

    case_id: str = Field(min_length=1, max_length=64)
    network: Network
    reason_code: str = Field(min_length=1, max_length=32)
    amount: Decimal
    currency: str = Field(min_length=3, max_length=3)
    dispute_date: date
    order_no: str = Field(min_length=1, max_length=64)
    claim_text: str = Field(default="", max_length=4000)
    acquirer: str = Field(default="", max_length=120)
    # The acquirer's own due date when the notice states one; it wins over the network rule.
    respond_by: date | None = None

    @field_validator("amount", mode="before")
    @classmethod
    def _money(cls, value: object) -> Decimal:
        amount = to_decimal(value)
        if amount <= 0:
            raise ValueError("must be more than zero")
        return amount

    @field_validator("currency")
    @classmethod
    def _iso_currency(cls, value: str) -> str:
        if not value.isalpha():
            raise ValueError("must be a 3-letter ISO code such as USD")
        return value.upper()


class Deadline(_Frozen):
    due_date: date
    days_left: int
    urgent: bool
    overdue: bool
    rule: str

    @property
    def flag(self) -> str:
        if self.overdue:
            return "OVERDUE"
        return "URGENT" if self.urgent else ""


class Exhibit(_Frozen):
    """A file the merchant attached (delivery photo, screenshot…), optionally satisfying one evidence item."""

    id: int
    sha256: str
    mime: str
    caption: str
    evidence_key: str | None = None


class ChargebackCase(_Frozen):
    notice: ChargebackNotice
    reason: ReasonCode
    reason_known: bool
    status: CaseStatus = "open"
    created_at: datetime
    exhibits: tuple[Exhibit, ...] = ()
    case_no: int | None = None

    @property
    def case_id(self) -> str:
        return self.notice.case_id

    @property
    def number(self) -> str:
        """The case number a person reads (CB-000045)."""
        return chargeback_number(self.case_no)


class Fact(_Frozen):
    label: str
    value: str
    # An English translation of `value` (a buyer's own words in another language), shown beside it.
    translation: str = ""


class EvidenceItem(_Frozen):
    key: str
    label: str
    present: bool
    # One sentence built only from `facts` (what the template narrative says about this item).
    summary: str = ""
    facts: tuple[Fact, ...] = ()
    # Why the item is missing, or what would make it stronger.
    note: str = ""


class TimelineEntry(_Frozen):
    when: date
    event: str


class TrackingRow(_Frozen):
    when: datetime
    location: str
    description: str


class EvidenceBundle(_Frozen):
    """Everything the rebuttal may state. A fact that is not in here must not appear in the document."""

    case: ChargebackCase
    merchant_name: str
    acquirer: str
    generated_on: date
    deadline: Deadline
    masked_card: str
    order_date: date | None
    items: tuple[EvidenceItem, ...]
    timeline: tuple[TimelineEntry, ...]
    tracking: tuple[TrackingRow, ...]
    carrier: str | None = None
    tracking_no: str | None = None

    def item(self, key: str) -> EvidenceItem | None:
        return next((item for item in self.items if item.key == key), None)

    @property
    def present_items(self) -> tuple[EvidenceItem, ...]:
        return tuple(item for item in self.items if item.present)

    def fact_corpus(self) -> str:
        """Every value the document may use, as one text (tests and the narrative guard search it)."""
        notice = self.case.notice
        parts = [
            notice.case_id,
            notice.order_no,
            notice.claim_text,
            str(notice.amount),
            notice.currency,
            notice.dispute_date.isoformat(),
            self.merchant_name,
            self.acquirer,
            self.generated_on.isoformat(),
            self.deadline.due_date.isoformat(),
            str(self.deadline.days_left),
            self.masked_card,
            self.case.reason.code,
            self.case.reason.title,
            self.carrier or "",
            self.tracking_no or "",
            self.order_date.isoformat() if self.order_date else "",
        ]
        for item in self.items:
            parts.append(item.summary)
            parts.extend(f"{fact.label}: {fact.value}" for fact in item.facts)
            parts.extend(fact.translation for fact in item.facts if fact.translation)
        parts.extend(f"{entry.when.isoformat()} {entry.event}" for entry in self.timeline)
        parts.extend(f"{row.when.isoformat()} {row.location} {row.description}" for row in self.tracking)
        parts.extend(exhibit.caption for exhibit in self.case.exhibits)
        return "\n".join(parts)


class Completeness(_Frozen):
    reason_display: str
    required: tuple[str, ...]
    present: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def score(self) -> int:
        """Percent of the reason code's compelling-evidence items that are present (0–100)."""
        if not self.required:
            return 0
        return round(100 * len(self.present) / len(self.required))


class Narrative(_Frozen):
    text: str
    source: Literal["model", "template"]
    prompt_version: str
    # Why the template was used although a model is configured (model error, unsupported facts…).
    fallback_reason: str | None = None


class RebuttalResult(_Frozen):
    case_id: str
    path: str
    narrative_source: Literal["model", "template"]
    fallback_reason: str | None
    evidence_seconds: float
    model_seconds: float
    document_seconds: float
    completeness_score: int
    # The processor-ready copies beside the .docx (None where a caller wrote only the Word file).
    pdf: PdfPacket | None = None
    stripe: StripeExport | None = None


class WinRate(_Frozen):
    network: str
    reason_code: str
    won: int
    lost: int
    accepted: int

    @property
    def contested(self) -> int:
        return self.won + self.lost

    @property
    def win_rate(self) -> float | None:
        """Won over contested (accepted chargebacks were not fought, so they do not count)."""
        return self.won / self.contested if self.contested else None


class QueueRow(_Frozen):
    case: ChargebackCase
    deadline: Deadline
    completeness_score: int
