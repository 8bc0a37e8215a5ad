"""The deterministic refund policy engine: pure functions from (policy, facts) to a decision.

No model output reaches an amount directly: the vision finding contributes only categorical facts
(visible? severity? matches?) and the amounts come from the order, the shipping table and the policy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from app.domain.money import round_money
from app.domain.refunds import (
    FAULT_REASONS,
    ClaimLine,
    Outcome,
    PolicyDecision,
    PolicyInput,
    RefundPolicy,
    RuleHit,
)

ZERO = Decimal("0")
HUNDRED = Decimal("100")
# Outcomes that pay money: one of these with nothing to pay is never proposed (a return that refunds 0.00).
_PAYING: frozenset[str] = frozenset(
    {"full_refund_no_return", "partial_refund_no_return", "return_for_refund"}
)


@dataclass
class _Proposal:
    outcome: Outcome
    amount: Decimal = ZERO
    hits: list[RuleHit] = field(default_factory=list)

    def hit(self, code: str, description: str, clause: str = "") -> _Proposal:
        self.hits.append(RuleHit(code=code, description=description, clause=clause))
        return self


def _rounding(policy: RefundPolicy) -> str:
    return ROUND_DOWN if policy.rounding == "down" else ROUND_HALF_UP


def days_since_delivery(inp: PolicyInput) -> int | None:
    if inp.delivered_at is None:
        return None
    return (inp.claimed_at - inp.delivered_at).days


def is_returnless(policy: RefundPolicy, inp: PolicyInput) -> bool:
    if inp.return_cost is None:
        return False
    return inp.return_cost * HUNDRED > policy.returnless_threshold_pct * inp.item_value


def _full_amount(policy: RefundPolicy, inp: PolicyInput) -> Decimal:
    return inp.item_value + (inp.shipping_paid if policy.refund_shipping_on_fault else ZERO)


def _not_delivered(inp: PolicyInput) -> _Proposal:
    if inp.reason == "not_received" and inp.order_status in ("processing", "shipped"):
        return _Proposal("reject").hit(
            "still_in_transit", f"The order is {inp.order_status}, not delivered yet: it is still on its way."
        )
    if inp.reason == "not_received":
        return _Proposal("escalate").hit(
            "no_delivery_date", "No delivery date on record: the merchant checks tracking."
        )
    return _Proposal("reject").hit("not_delivered_yet", "The order has not been delivered yet.")


def _kind_words(text: str) -> list[str]:
    # Singular word forms, so "Screen Protectors (2-Pack)" matches the policy's "screen protector".
    return [
        word[:-1] if word.endswith("s") and len(word) > 3 else word
        for word in re.findall(r"[a-z]+", text.lower())
    ]


def non_returnable_kind(policy: RefundPolicy, line: ClaimLine) -> str | None:
    """The policy's product kind this order line is (the kind's words in a row in its category or title)."""
    words = f" {' '.join(_kind_words(f'{line.category} . {line.title}'))} "
    for kind in policy.non_returnable_when_opened:
        wanted = " ".join(_kind_words(kind))
        if wanted and f" {wanted} " in words:
            return kind
    return None


def _opened_rule(policy: RefundPolicy, inp: PolicyInput) -> _Proposal | None:
    """Opened screen protectors, cleaning kits (... whatever the policy lists) are not returned for change of mind."""
    clause = policy.clauses.non_returnable
    kinds = [kind for line in inp.lines if (kind := non_returnable_kind(policy, line))]
    if not kinds:
        return None
    named = ", ".join(sorted(set(kinds)))
    if inp.opened is None:
        return _Proposal("escalate").hit(
            "opened_state_unknown", f"The claim includes {named}, which cannot be returned once opened; "
            "the buyer did not say whether it was opened: the merchant asks.", clause,
        )  # fmt: skip
    if not inp.opened:
        return None
    if len(kinds) < len(inp.lines):
        return _Proposal("escalate").hit(
            "opened_non_returnable_in_order", f"The opened {named} in this claim cannot be returned for change "
            "of mind, the other items can: the merchant splits the claim.", clause,
        )  # fmt: skip
    return _Proposal("reject").hit(
        "opened_non_returnable", f"Opened {named} cannot be returned for change of mind.", clause
    )


def _changed_mind(policy: RefundPolicy, inp: PolicyInput, days: int) -> _Proposal:
    if days > policy.return_window_days:
        return _Proposal("reject").hit(
            "outside_return_window",
            f"Claimed {days} days after delivery; the return window is {policy.return_window_days} days.",
            policy.clauses.return_window,
        )
    opened = _opened_rule(policy, inp)
    if opened is not None:
        return opened
    label = inp.return_cost
    # Returnless when the label is dearer than the threshold, and always when it would eat the whole refund.
    if (
        policy.deduct_return_cost_on_change_of_mind
        and label is not None
        and (is_returnless(policy, inp) or label >= inp.item_value)
    ):
        return _changed_mind_returnless(policy, inp, label)
    proposal = _Proposal("return_for_refund", inp.item_value).hit(
        "change_of_mind_return",
        "Change of mind: unused item returned at the buyer's cost; outbound shipping not refunded.",
        policy.clauses.change_of_mind,
    )
    if policy.deduct_return_cost_on_change_of_mind and label is not None:
        proposal.amount = inp.item_value - label
        proposal.hit(
            "return_cost_deducted", f"Return label {label} {inp.currency} deducted from the refund.",
            policy.clauses.change_of_mind,
        )  # fmt: skip
    return proposal


def _changed_mind_returnless(policy: RefundPolicy, inp: PolicyInput, label: Decimal) -> _Proposal:
    clause = policy.clauses.returnless
    why = RuleHit(
        code="returnless_threshold",
        description=f"Return shipping {label} {inp.currency} is more than {policy.returnless_threshold_pct}% of "
        f"the item value {inp.item_value} {inp.currency}: a partial refund without return instead of a return.",
        clause=clause,
    )
    pct = policy.change_of_mind_returnless_pct
    if pct == ZERO or inp.item_value == ZERO:
        return _Proposal("escalate", hits=[why]).hit(
            "returnless_share_unset", "The policy sets no share for a refund without return: a person decides.",
            clause,
        )  # fmt: skip
    return _Proposal("partial_refund_no_return", inp.item_value * pct / HUNDRED, hits=[why]).hit(
        "change_of_mind_returnless",
        f"Change of mind: {pct}% of the item value refunded, the buyer keeps the item (no return label).",
        clause,
    )


def _refused_parcel(policy: RefundPolicy, inp: PolicyInput) -> _Proposal:
    """Refused at the door because of import charges: refunded minus outbound and return shipping, on arrival."""
    clause = policy.clauses.refused_parcels
    if inp.delivered_at is not None:
        return _Proposal("escalate").hit(
            "refused_but_delivered", "Tracking shows the parcel was delivered, not refused: the merchant checks.",
            clause,
        )  # fmt: skip
    deductions: list[tuple[str, Decimal | None]] = []
    if policy.refused_parcel_deduct_outbound:
        deductions.append(("outbound shipping", inp.outbound_cost))
    if policy.refused_parcel_deduct_return:
        deductions.append(("return shipping", inp.return_cost))
    unknown = [name for name, cost in deductions if cost is None]
    if unknown:
        return _Proposal("escalate").hit(
            "refused_cost_unknown", f"No {' or '.join(unknown)} cost known for {inp.country_code}: "
            "the merchant sets the refund.", clause,
        )  # fmt: skip
    total = sum((cost for _name, cost in deductions if cost is not None), ZERO)
    amount = inp.total_paid - total
    listed = " and ".join(f"{name} {cost} {inp.currency}" for name, cost in deductions) or "nothing"
    if amount <= ZERO:
        return _Proposal("reject").hit(
            "refused_nothing_left", f"Refused because of import charges: after deducting {listed} nothing is "
            f"left of the {inp.total_paid} {inp.currency} paid.", clause,
        )  # fmt: skip
    return _Proposal("return_for_refund", amount).hit(
        "refused_import_charges", f"Refused because of import charges: refunded when the parcel is back, minus "
        f"{listed}; import duties are not refunded by the shop.", clause,
    )  # fmt: skip


def _damage_cause_rule(policy: RefundPolicy, inp: PolicyInput) -> _Proposal | None:
    """Damage after delivery by drops, liquid or misuse is not eligible; doubt goes to a person."""
    finding = inp.finding
    cause = finding.damage_cause
    if inp.reason not in ("damaged", "defective") or cause not in policy.ineligible_damage_causes:
        return None
    clause = policy.clauses.non_returnable
    detail = f"The evidence points to {cause} damage ({finding.damage_type or 'no detail'})"
    # A damaged shipping box means the drop may have happened in transit: the shop's risk, a person decides.
    if finding.issue_visible == "yes" and finding.packaging_damage == "no":
        return _Proposal("reject").hit(
            "damaged_after_delivery", f"{detail} with an intact shipping box: damage after delivery by drops, "
            "liquid or misuse is not eligible for a return or refund.", clause,
        )  # fmt: skip
    return _Proposal("escalate").hit(
        "damage_cause_uncertain", f"{detail}, but the box is damaged or the evidence is unclear: a person decides "
        "whether it happened after delivery.", clause,
    )  # fmt: skip


def _fault(policy: RefundPolicy, inp: PolicyInput, days: int) -> _Proposal:
    finding = inp.finding
    clauses = policy.clauses
    if days > policy.damage_report_days:
        return _Proposal("escalate").hit(
            "late_fault_report",
            f"Reported {days} days after delivery (limit {policy.damage_report_days}): handled under the warranty policy.",
            clauses.warranty,
        )
    if not finding.usable:
        return _Proposal("escalate").hit(
            "manual_review_finding",
            f"Evidence not analysed automatically ({finding.status}): a person must look.",
        )
    if finding.issue_visible == "no":
        return _Proposal("reject").hit(
            "issue_not_visible", "The photos/video do not show the claimed problem.", clauses.fault
        )
    if finding.issue_visible == "unclear" and "unclear_evidence" in policy.always_escalate:
        return _Proposal("escalate").hit(
            "unclear_evidence", "The evidence neither shows nor rules out the problem."
        )
    after_delivery = _damage_cause_rule(policy, inp)
    if after_delivery is not None:
        return after_delivery
    if inp.reason == "missing_parts":
        return _Proposal("replacement").hit(
            "missing_parts_replacement", "Missing parts are shipped to the buyer.", clauses.fault
        )

    full = _full_amount(policy, inp)
    returnless = is_returnless(policy, inp)
    if inp.return_cost is None:
        proposal_hits = [
            RuleHit(code="return_cost_unknown", description=f"No return cost known for {inp.country_code}.")
        ]
    elif returnless:
        proposal_hits = [
            RuleHit(
                code="returnless_threshold",
                description=f"Return shipping {inp.return_cost} {inp.currency} is more than "
                f"{policy.returnless_threshold_pct}% of the item value {inp.item_value} {inp.currency}.",
                clause=clauses.returnless,
            )
        ]
    else:
        proposal_hits = [
            RuleHit(
                code="return_below_threshold",
                description=f"Return shipping {inp.return_cost} {inp.currency} is at most "
                f"{policy.returnless_threshold_pct}% of the item value: the item comes back.",
                clause=clauses.returnless,
            )
        ]
    if not returnless:
        proposal = _Proposal("return_for_refund", full).hit(
            "fault_return_paid_by_merchant",
            "Item at fault: the merchant pays the return and refunds in full.",
            clauses.fault,
        )
    elif inp.reason == "wrong_item":
        proposal = _Proposal("full_refund_no_return", full).hit(
            "wrong_item_keep", "Wrong item sent: full refund, no return.", clauses.returnless
        )
    else:
        pct = policy.refund_pct_by_severity[finding.severity]
        if finding.severity == "none" or pct == ZERO:
            return _Proposal("escalate", hits=proposal_hits).hit(
                "severity_none", "The problem is visible but no severity was found: a person decides."
            )
        if pct >= HUNDRED:
            proposal = _Proposal("full_refund_no_return", full).hit(
                "severity_full_refund",
                f"{finding.severity.capitalize()} {inp.reason.replace('_', ' ')}: full refund.",
                clauses.returnless,
            )
        else:
            amount = inp.item_value * pct / HUNDRED
            proposal = _Proposal("partial_refund_no_return", amount).hit(
                "severity_partial_refund",
                f"{finding.severity.capitalize()} problem: {pct}% of the item value, buyer keeps it.",
                clauses.returnless,
            )
    proposal.hits[:0] = proposal_hits
    return proposal


def _escalations(policy: RefundPolicy, inp: PolicyInput, amount: Decimal) -> list[RuleHit]:
    finding = inp.finding
    conditions = set(policy.always_escalate)
    hits: list[RuleHit] = []
    if finding.reused_photo and "reused_photo" in conditions:
        hits.append(
            RuleHit(
                code="reused_photo",
                description=finding.reused_detail or "A photo was used in an earlier claim.",
            )
        )
    if finding.usable and finding.product_matches == "no" and "product_mismatch" in conditions:
        hits.append(
            RuleHit(code="product_mismatch", description="The pictured product does not match the order.")
        )
    if "label_mismatch" in conditions and "no" in (finding.order_no_match, finding.tracking_no_match):
        hits.append(
            RuleHit(
                code="label_mismatch", description="A label shows an order/tracking number of another order."
            )
        )
    if inp.open_claims_on_order or inp.refunded_claims_on_order:
        hits.append(
            RuleHit(
                code="earlier_claim_on_order",
                description=f"This order already has {inp.open_claims_on_order} open claim(s) and "
                f"{inp.refunded_claims_on_order} refunded claim(s) ({inp.already_refunded} {inp.currency} "
                "refunded): the merchant checks for a duplicate.",
            )
        )
    if inp.prior_claims >= policy.repeat_claim_limit:
        hits.append(
            RuleHit(
                code="repeat_claimer",
                description=f"{inp.prior_claims} earlier claims in {policy.repeat_claim_window_days} days "
                f"(limit {policy.repeat_claim_limit}).",
            )
        )
    if inp.currency.upper() != policy.currency:
        hits.append(
            RuleHit(
                code="currency_mismatch",
                description=f"Order in {inp.currency}, policy limits in {policy.currency}.",
            )
        )
    elif amount > policy.max_auto_offer:
        hits.append(
            RuleHit(
                code="above_auto_offer_limit",
                description=f"{amount} {inp.currency} is above the auto-offer limit of {policy.max_auto_offer}.",
            )
        )
    return hits


def decide(policy: RefundPolicy, inp: PolicyInput) -> PolicyDecision:
    """The outcome, money-safe amount and every rule that fired, for one claim."""
    days = days_since_delivery(inp)
    if inp.reason == "refused_import_charges":
        proposal = _refused_parcel(policy, inp)
    elif days is None:
        proposal = _not_delivered(inp)
    elif inp.reason == "not_received":
        if "not_received_but_delivered" in policy.always_escalate:
            proposal = _Proposal("escalate").hit(
                "not_received_but_delivered",
                "Tracking shows delivered: the merchant opens a carrier investigation.",
            )
        else:
            proposal = _Proposal("reject").hit(
                "delivered_per_tracking", "Tracking shows the parcel was delivered."
            )
    elif inp.reason == "changed_mind":
        proposal = _changed_mind(policy, inp, days)
    elif inp.reason in FAULT_REASONS:
        proposal = _fault(policy, inp, days)
    else:  # pragma: no cover - ClaimReason is closed
        raise ValueError(f"unknown claim reason {inp.reason}")

    amount = round_money(max(ZERO, proposal.amount), inp.currency, _rounding(policy))
    if amount > inp.refundable:
        if inp.already_refunded > ZERO:
            proposal.hit(
                "capped_at_refundable",
                f"Capped at what is left to refund: {inp.total_paid} {inp.currency} paid, "
                f"{inp.already_refunded} {inp.currency} already refunded on this order.",
                policy.clauses.refunds,
            )
        else:
            proposal.hit(
                "capped_at_paid", f"Capped at the amount paid, {inp.total_paid} {inp.currency}.",
                policy.clauses.refunds,
            )  # fmt: skip
        amount = inp.refundable
    if proposal.outcome in _PAYING and amount <= ZERO:
        # Never offer a refund (least of all a return at the buyer's cost) that pays nothing.
        proposal.outcome = "escalate"
        proposal.hit(
            "nothing_to_refund",
            f"The proposal would refund nothing ({amount} {inp.currency}): a person decides.",
        )

    outcome: Outcome = proposal.outcome
    suggested: Outcome | None = None
    if outcome != "escalate":
        escalations = _escalations(policy, inp, amount)
        if escalations:
            proposal.hits.extend(escalations)
            suggested, outcome = outcome, "escalate"
    # Share of the item value (a full refund that includes shipping reads as 100%).
    percent = (
        ZERO
        if inp.item_value == ZERO
        else min(HUNDRED, amount * HUNDRED / inp.item_value).quantize(Decimal("0.01"))
    )
    return PolicyDecision(
        outcome=outcome,
        amount=amount,
        percent=percent,
        currency=inp.currency.upper(),
        rules_fired=proposal.hits,
        reasons=[hit.description for hit in proposal.hits],
        suggested_outcome=suggested,
        policy_version=policy.version,
    )


def counter_bound(
    policy: RefundPolicy, offer_amount: Decimal, item_value: Decimal, total_paid: Decimal, currency: str
) -> Decimal:
    """The highest counter-offer accepted without the merchant: offer + extra %, never above limit or paid."""
    bound = offer_amount + item_value * policy.counter_max_extra_pct / HUNDRED
    if currency.upper() == policy.currency:
        bound = min(bound, max(offer_amount, policy.max_auto_offer))
    bound = min(bound, total_paid)
    return round_money(max(bound, ZERO), currency, ROUND_DOWN)
