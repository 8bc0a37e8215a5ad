"""The decision receipt's wording in the shop's 14 languages: language -> field -> text, read from the buyer text
catalog (app/i18n/buyer_texts.yaml, keys receipt.*); receipt.py fills it from the stored decision."""

from __future__ import annotations

from app.i18n.catalog import by_language

# Labels: title, claim, order, decision, amount, why, clause, date, by_policy, by_team.
LABELS: dict[str, dict[str, str]] = by_language("receipt.label.")
# What was decided; "closed_no_return" is a return-for-refund case closed because the item never came back.
OUTCOMES: dict[str, dict[str, str]] = by_language("receipt.outcome.")
# The buyer's stated reason for the claim.
REASONS: dict[str, dict[str, str]] = by_language("receipt.reason.")
