"""The chat's policy facts come from the same RefundPolicy object the engine decides with."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.refunds import RefundPolicy
from app.services.refunds.policy_facts import policy_facts

pytestmark = pytest.mark.unit


def _text(policy: RefundPolicy) -> str:
    return "\n".join(fact.text for fact in policy_facts(policy))


def test_facts_quote_the_demo_policy_numbers_with_their_clause() -> None:
    facts = policy_facts(RefundPolicy())
    text = "\n".join(f.text for f in facts)
    assert "within 30 days" in text and "within 7 days" in text and "more than 40%" in text
    assert "screen protector, cleaning kit" in text and "drop, liquid, misuse" in text
    assert "minus outbound shipping and return shipping" in text
    assert {f.clause for f in facts} >= {
        "Return window",
        "Partial refund without return",
        "Non-returnable items",
    }


def test_another_merchants_numbers_change_the_facts() -> None:
    policy = RefundPolicy(
        return_window_days=14, damage_report_days=3, returnless_threshold_pct=Decimal("25"),
        non_returnable_when_opened=[], refused_parcel_deduct_outbound=False, refused_parcel_deduct_return=False,
    )  # fmt: skip
    text = _text(policy)
    assert "within 14 days" in text and "within 3 days" in text and "more than 25%" in text
    assert "30 days" not in text and "screen protector" not in text
    assert "refunded in full" in text
