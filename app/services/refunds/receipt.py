"""Decision receipt: what was decided on a refund claim, why, by which policy clause, and the amount — written by
code from the stored decision (no model), in the buyer's language and in English for a later chargeback."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from babel.numbers import format_currency

from app.services.refunds.receipt_texts import LABELS, OUTCOMES, REASONS
from app.store.decisions import StoredDecision
from app.store.refunds import RefundCaseRecord

ENGINE = "policy-engine"


def money(amount: Decimal, currency: str, language: str) -> str:
    """The amount as the buyer's locale writes it (Babel/CLDR), e.g. ko: US$100.00, de: 100,00 $."""
    return format_currency(amount, currency.upper(), locale=language if language in LABELS else "en")


def clauses(decisions: Sequence[StoredDecision]) -> list[str]:
    """The policy clauses behind the decision: the final decision's own, else those of the latest decision that
    cited any (a merchant approving the engine's proposal decides under the clauses the engine applied)."""
    for decision in reversed(decisions):
        cited = [str(rule.get("clause") or "") for rule in decision.rules_fired if isinstance(rule, dict)]
        found = list(dict.fromkeys(c for c in cited if c))
        if found:
            return found
    return []


def outcome_key(case: RefundCaseRecord, decision: StoredDecision) -> str:
    return "closed_no_return" if case.status == "closed_no_return" else decision.outcome


def receipt_text(case: RefundCaseRecord, decisions: Sequence[StoredDecision], language: str) -> str:
    """The receipt for the case's latest decision, in `language` (English when not one of the shop's 14)."""
    lang = language if language in LABELS else "en"
    labels, final = LABELS[lang], decisions[-1]
    outcome = outcome_key(case, final)
    decided = OUTCOMES[lang].get(outcome, OUTCOMES["en"].get(outcome, outcome))
    reason = REASONS[lang].get(case.reason, case.reason)
    by = labels["by_policy"] if final.decided_by == ENGINE else labels["by_team"]
    amount = final.amount if final.amount is not None else Decimal(0)
    lines = [
        f"{labels['title']} — {labels['claim']} {case.number or case.id} · {labels['order']} {case.order_no}",
        f"{labels['decision']}: {decided}",
        f"{labels['amount']}: {money(amount, final.currency or case.currency, lang)}",
        f"{labels['why']}: {reason}; {by}",
    ]
    cited = clauses(decisions)
    if cited:
        lines.append(f"{labels['clause']}: " + "; ".join(f"“{c}”" for c in cited))
    lines.append(f"{labels['date']}: {final.created_at.date().isoformat()}")
    if lang == "en":  # the English copy (chargeback exhibit) also names the rules that fired, as recorded
        rules = [str(rule.get("description") or "") for rule in final.rules_fired if isinstance(rule, dict)]
        if any(rules):
            lines.append("Rules applied: " + " ".join(r for r in rules if r))
    return "\n".join(lines)
