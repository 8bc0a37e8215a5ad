"""Refund cases: claim reasons, the vision finding, the merchant's policy and the engine's decision.

Money is Decimal in the order's currency, rounded to its minor unit (app.domain.money); never float.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# refused_import_charges: the buyer refused the parcel at the door because of import duties/taxes (DAP).
ClaimReason = Literal[
    "not_received", "damaged", "defective", "wrong_item", "missing_parts", "not_as_described", "changed_mind",
    "refused_import_charges",
]  # fmt: skip
CLAIM_REASONS: tuple[ClaimReason, ...] = (
    "not_received", "damaged", "defective", "wrong_item", "missing_parts", "not_as_described", "changed_mind",
    "refused_import_charges",
)  # fmt: skip
# Reasons where the item is at fault: photos/video are the evidence, the merchant pays the return.
FAULT_REASONS: frozenset[str] = frozenset(
    {"damaged", "defective", "wrong_item", "missing_parts", "not_as_described"}
)

Severity = Literal["none", "minor", "moderate", "severe"]
TriState = Literal["yes", "no", "unclear"]
LabelMatch = Literal["yes", "no", "not_visible"]
FindingStatus = Literal["analysed", "needs_manual_review", "unanalysed"]
# What the evidence suggests caused the damage. "unknown" never denies a claim; only a cause the policy lists does.
DamageCause = Literal["transit", "manufacturing", "drop", "liquid", "misuse", "unknown"]
DAMAGE_CAUSES: tuple[DamageCause, ...] = ("transit", "manufacturing", "drop", "liquid", "misuse", "unknown")

Outcome = Literal[
    "full_refund_no_return",
    "partial_refund_no_return",
    "return_for_refund",
    "replacement",
    "reject",
    "escalate",
]
OUTCOME_LABELS: dict[str, str] = {
    "full_refund_no_return": "Full refund, no return",
    "partial_refund_no_return": "Partial refund, no return",
    "return_for_refund": "Return for refund",
    "replacement": "Replacement",
    "reject": "Reject",
    "escalate": "Escalate to merchant",
}
# Outcomes the engine may offer to the buyer without a person looking first.
OFFERABLE: frozenset[str] = frozenset(
    {"full_refund_no_return", "partial_refund_no_return", "return_for_refund", "replacement"}
)

# awaiting_return: a return-for-refund was agreed; the money is decided when the merchant receives the item.
# closed_no_return: the agreed return never came back; the merchant closed the case with nothing refunded.
# (Status names fit the 16-character status column.)
CaseStatus = Literal[
    "new", "offered", "review", "awaiting_return", "resolved", "rejected", "closed_no_return"
]
CASE_STATUSES: tuple[CaseStatus, ...] = (
    "new",
    "offered",
    "review",
    "awaiting_return",
    "resolved",
    "rejected",
    "closed_no_return",
)
# Cases that are still running: a second claim on the same order goes to the merchant while one of these exists.
OPEN_CASE_STATUSES: frozenset[str] = frozenset({"new", "offered", "review", "awaiting_return"})

EscalateCondition = Literal[
    "reused_photo", "product_mismatch", "label_mismatch", "unclear_evidence", "not_received_but_delivered"
]
ALL_ESCALATE_CONDITIONS: tuple[EscalateCondition, ...] = (
    "reused_photo", "product_mismatch", "label_mismatch", "unclear_evidence", "not_received_but_delivered",
)  # fmt: skip

RoundingRule = Literal["half_up", "down"]


class Finding(BaseModel):
    """Facts about the evidence. The model fills the visual fields; code fills label matches and reuse."""

    model_config = ConfigDict(frozen=True)

    status: FindingStatus
    issue_visible: TriState = "unclear"
    damage_type: str | None = None
    damage_cause: DamageCause = "unknown"
    severity: Severity = "none"
    product_matches: TriState = "unclear"
    packaging_damage: TriState = "unclear"
    text_read: list[str] = Field(default_factory=list)
    order_no_match: LabelMatch = "not_visible"
    tracking_no_match: LabelMatch = "not_visible"
    reused_photo: bool = False
    reused_detail: str | None = None
    summary: str = ""
    note: str | None = None
    model: str | None = None
    prompt_version: str | None = None

    @property
    def usable(self) -> bool:
        return self.status == "analysed"


class PolicyClauses(BaseModel):
    """Where each rule is written in the merchant's policy (section names of returns.md), cited by every rule hit."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    return_window: str = "Return window"
    change_of_mind: str = "Change-of-mind returns"
    fault: str = "Damaged, defective or wrong items"
    returnless: str = "Partial refund without return"
    refunds: str = "Refunds"
    non_returnable: str = "Non-returnable items"
    refused_parcels: str = "Duties and refused parcels"
    warranty: str = "Warranty policy"


_INELIGIBLE_CAUSES: tuple[DamageCause, ...] = ("drop", "liquid", "misuse")


def _default_refund_pcts() -> dict[Severity, Decimal]:
    return {"none": Decimal("0"), "minor": Decimal("20"), "moderate": Decimal("50"), "severe": Decimal("100")}


class RefundPolicy(BaseModel):
    """Merchant-configurable rules. Defaults follow knowledge/corpus/policies/returns.md (2026-09-01).

    The one place the policy's numbers live: the engine decides with them and the chat quotes them from here.
    `clauses` are the section headings of the written policy that each rule cites.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str = "2026-09-01"
    currency: str = Field(default="USD", min_length=3, max_length=3)
    return_window_days: int = Field(default=30, ge=0, le=365)
    damage_report_days: int = Field(default=7, ge=0, le=365)
    # Refunds reach the original payment method within this many business days after approval (said in chat).
    refund_business_days: int = Field(default=5, ge=0, le=90)
    # Returnless when the return label costs more than this share of the item value.
    returnless_threshold_pct: Decimal = Field(default=Decimal("40"), ge=0, le=1000)
    refund_pct_by_severity: dict[Severity, Decimal] = Field(default_factory=_default_refund_pcts)
    refund_shipping_on_fault: bool = True
    deduct_return_cost_on_change_of_mind: bool = True
    # Change of mind where the return label costs more than the threshold: the share of the item value refunded
    # without a return ("we may refund part or all of the item price and let you keep it"). 0 = a person decides.
    change_of_mind_returnless_pct: Decimal = Field(default=Decimal("50"), ge=0, le=100)
    # Product kinds that cannot be returned for change of mind once opened, matched as words in the order
    # line's category or title ("Screen protectors and cleaning kits that have been opened ...").
    non_returnable_when_opened: list[str] = Field(
        default_factory=lambda: ["screen protector", "cleaning kit"]
    )
    # Damage causes that make an item ineligible ("damaged after delivery by drops, liquid or misuse").
    ineligible_damage_causes: list[DamageCause] = Field(default_factory=lambda: list(_INELIGIBLE_CAUSES))
    # Parcels refused because of import charges: refunded minus outbound shipping and the return shipping cost.
    refused_parcel_deduct_outbound: bool = True
    refused_parcel_deduct_return: bool = True
    # Offers above this amount (policy currency) go to the merchant first.
    max_auto_offer: Decimal = Field(default=Decimal("150"), ge=0)
    # A buyer's counter up to offer + this % of the item value is accepted without asking the merchant.
    counter_max_extra_pct: Decimal = Field(default=Decimal("10"), ge=0, le=100)
    always_escalate: list[EscalateCondition] = Field(default_factory=lambda: list(ALL_ESCALATE_CONDITIONS))
    repeat_claim_limit: int = Field(default=2, ge=1, le=100)
    repeat_claim_window_days: int = Field(default=365, ge=1, le=3650)
    rounding: RoundingRule = "half_up"
    clauses: PolicyClauses = Field(default_factory=lambda: PolicyClauses())

    @field_validator("currency")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()

    @model_validator(mode="after")
    def _check_percentages(self) -> RefundPolicy:
        for severity in ("none", "minor", "moderate", "severe"):
            pct = self.refund_pct_by_severity.get(severity)  # type: ignore[call-overload]
            if pct is None or not Decimal("0") <= pct <= Decimal("100"):
                raise ValueError(f"refund % for severity '{severity}' must be between 0 and 100")
        return self


class RuleHit(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    description: str
    # The policy section the rule applies ("" for checks that are not written policy, e.g. fraud signals).
    clause: str = ""


class ClaimLine(BaseModel):
    """An order line the claim is about: what the product is, for rules that depend on the kind of product."""

    model_config = ConfigDict(frozen=True)

    title: str
    category: str = ""


class PolicyInput(BaseModel):
    """Everything the engine looks at, captured so a decision can be replayed from the database."""

    model_config = ConfigDict(frozen=True)

    reason: ClaimReason
    claimed_at: datetime
    currency: str
    item_value: Decimal = Field(ge=0)
    shipping_paid: Decimal = Field(ge=0)
    total_paid: Decimal = Field(ge=0)
    country_code: str
    order_status: str
    delivered_at: datetime | None
    return_cost: Decimal | None
    prior_claims: int = Field(default=0, ge=0)
    # Other claims on the same order: still open, or resolved with money (a refund is paid once per order).
    open_claims_on_order: int = Field(default=0, ge=0)
    refunded_claims_on_order: int = Field(default=0, ge=0)
    # Money already refunded on this order by settled claims: every amount is capped at total_paid - this.
    already_refunded: Decimal = Field(default=Decimal("0"), ge=0)
    finding: Finding
    # The order lines claimed (all lines when the claim names no product).
    lines: list[ClaimLine] = Field(default_factory=list)
    # The buyer's answer "has the item been opened?"; None when not asked or not answered.
    opened: bool | None = None
    # Outbound shipping cost to the buyer's country from the shipping table (None when unknown).
    outbound_cost: Decimal | None = None

    @property
    def refundable(self) -> Decimal:
        """What is left to refund on the order (never negative)."""
        return max(Decimal("0"), self.total_paid - self.already_refunded)


class PolicyDecision(BaseModel):
    model_config = ConfigDict(frozen=True)

    outcome: Outcome
    amount: Decimal
    percent: Decimal
    currency: str
    rules_fired: list[RuleHit]
    reasons: list[str]
    # For escalations: what the engine would have offered (the merchant's one-click approve uses it).
    suggested_outcome: Outcome | None = None
    policy_version: str = ""
