"""What a policy change would have done: the engine's recent claims replayed under the candidate policy.

Every engine decision is stored with the exact PolicyInput it saw (app.services.refunds.service._record_decision),
so replaying is `decide(candidate, input)` — the same pure function that decides live claims, no model, no guess.
The preview compares money offered (refund outcomes; escalations count at the amount the engine suggested, since
that is what "approve" grants) and how many claims would go to the merchant instead of straight to the buyer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from pydantic import ValidationError

from app.domain.money import format_money
from app.domain.refunds import OUTCOME_LABELS, PolicyInput, RefundPolicy
from app.services.refunds.policy import decide

_NO_MONEY = frozenset({"reject", "replacement"})


@dataclass
class PolicyPreview:
    days: int
    claims: int = 0
    changed: int = 0
    to_review_now: int = 0
    to_review_new: int = 0
    cost_now: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    cost_new: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    # (claim date, reason, outcome now, outcome with the change) for the claims whose outcome changes
    examples: list[tuple[str, str, str, str]] = field(default_factory=list)


def _cost(outcome: str, amount: Decimal) -> Decimal:
    return Decimal(0) if outcome in _NO_MONEY else amount


def preview_policy(
    current: RefundPolicy, candidate: RefundPolicy, inputs: Iterable[PolicyInput], days: int, examples: int = 5
) -> PolicyPreview:
    result = PolicyPreview(days=days)
    for inp in inputs:
        now, new = decide(current, inp), decide(candidate, inp)
        result.claims += 1
        result.cost_now[now.currency] += _cost(now.outcome, now.amount)
        result.cost_new[new.currency] += _cost(new.outcome, new.amount)
        result.to_review_now += now.outcome == "escalate"
        result.to_review_new += new.outcome == "escalate"
        if (now.outcome, now.amount) != (new.outcome, new.amount):
            result.changed += 1
            if len(result.examples) < examples:
                result.examples.append((
                    inp.claimed_at.date().isoformat(), inp.reason.replace("_", " "),
                    f"{OUTCOME_LABELS.get(now.outcome, now.outcome)} {format_money(now.amount, now.currency)}",
                    f"{OUTCOME_LABELS.get(new.outcome, new.outcome)} {format_money(new.amount, new.currency)}",
                ))  # fmt: skip
    return result


def replayable_inputs(stored_inputs: Iterable[dict[str, object]]) -> list[PolicyInput]:
    """The PolicyInputs of stored engine decisions; rows an older version wrote in another shape are skipped."""
    found = []
    for inputs in stored_inputs:
        try:
            found.append(PolicyInput.model_validate(inputs.get("claim")))
        except ValidationError:
            continue
    return found


def preview_markdown(preview: PolicyPreview) -> str:
    if preview.claims == 0:
        return f"No claims were decided by the policy engine in the last {preview.days} days: nothing to compare yet."
    currencies = sorted(set(preview.cost_now) | set(preview.cost_new))
    money = "; ".join(
        f"{format_money(preview.cost_now[c], c)} → **{format_money(preview.cost_new[c], c)}**" for c in currencies
    )
    lines = [
        f"**Claims of the last {preview.days} days with this change:** {preview.claims} claims, "
        f"{preview.changed} decided differently.",
        f"Offered or refunded: {money}.",
        f"Sent to you for review: {preview.to_review_now} → **{preview.to_review_new}**.",
    ]
    if preview.examples:
        lines.append("| claim date | reason | now | with the change |\n|---|---|---|---|")
        lines[-1] += "".join(f"\n| {d} | {r} | {a} | {b} |" for d, r, a, b in preview.examples)
    return "\n\n".join(lines)
