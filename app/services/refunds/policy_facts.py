"""The refund policy's numbers as short facts, for the chat to quote: the same RefundPolicy the engine decides with.

The chat grounds answers like "how long do I have to return it?" in these, so an answer and a decision can never
disagree about a number. Sentences are English; the chat's translation step renders them in the buyer's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.refunds import RefundPolicy


@dataclass(frozen=True)
class PolicyFact:
    clause: str
    text: str


def policy_facts(policy: RefundPolicy) -> list[PolicyFact]:
    clauses = policy.clauses
    facts = [
        PolicyFact(
            clauses.return_window,
            f"Returns are accepted within {policy.return_window_days} days of delivery.",
        ),
        PolicyFact(
            clauses.fault,
            f"Damaged, defective or wrong items must be reported within {policy.damage_report_days} days of "
            "delivery, with photos or a video.",
        ),
        PolicyFact(
            clauses.returnless,
            f"When return shipping costs more than {policy.returnless_threshold_pct}% of the item value, a "
            "partial refund without return may be offered instead of a return.",
        ),
    ]
    if policy.deduct_return_cost_on_change_of_mind:
        facts.append(
            PolicyFact(
                clauses.change_of_mind,
                "For a change of mind the return label cost is deducted from the refund.",
            )
        )
    if policy.non_returnable_when_opened:
        kinds = ", ".join(policy.non_returnable_when_opened)
        facts.append(
            PolicyFact(
                clauses.non_returnable,
                f"Opened items of these kinds cannot be returned for change of mind: {kinds}.",
            )
        )
    if policy.ineligible_damage_causes:
        causes = ", ".join(policy.ineligible_damage_causes)
        facts.append(
            PolicyFact(clauses.non_returnable, f"Damage after delivery caused by {causes} is not eligible.")
        )
    deducted = [
        name
        for name, on in (("outbound shipping", policy.refused_parcel_deduct_outbound),
                         ("return shipping", policy.refused_parcel_deduct_return))
        if on
    ]  # fmt: skip
    refused = f"minus {' and '.join(deducted)}" if deducted else "in full"
    facts.append(
        PolicyFact(
            clauses.refused_parcels, f"Parcels refused because of import charges are refunded {refused}."
        )
    )
    return facts
