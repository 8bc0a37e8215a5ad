"""The merchant's handoff rules, applied deterministically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.orders import Order
from app.services.chat.handoff import handoff_reason
from app.services.chat.order_lookup import prompt_summary, status_text
from app.services.merchant_profile import MerchantProfile

pytestmark = pytest.mark.unit

PROFILE = MerchantProfile(store_name="Shop", handoff_after_low_confidence=2)


@pytest.mark.parametrize(
    ("intent", "streak", "profile", "expected"),
    [
        ("human", 0, PROFILE, "buyer_request"),
        ("human", 0, PROFILE.model_copy(update={"handoff_on_request": False}), None),
        ("abuse", 0, PROFILE, "abuse"),
        ("abuse", 0, PROFILE.model_copy(update={"handoff_on_abuse": False}), None),
        ("product_question", 1, PROFILE, None),
        ("product_question", 2, PROFILE, "low_confidence"),
        ("shipping", 3, PROFILE.model_copy(update={"handoff_after_low_confidence": 3}), "low_confidence"),
    ],
)
def test_handoff_reason(intent: str, streak: int, profile: MerchantProfile, expected: str | None) -> None:
    assert handoff_reason(intent, profile, streak) == expected  # type: ignore[arg-type]


def _order(order_no: str) -> Order:
    corpus = Path(__file__).resolve().parents[3] / "knowledge" / "corpus" / "orders.json"
    records = json.loads(corpus.read_text(encoding="utf-8"))["orders"]
    return Order.model_validate(next(r for r in records if r["order_no"] == order_no))


def test_status_text_is_in_the_buyer_language_with_tracking() -> None:
    order = _order("PP-261114")
    korean = status_text(order, "ko")
    assert korean.startswith("주문 PP-261114: 발송됨") and order.tracking_no and order.tracking_no in korean
    assert "Transportista" in status_text(order, "es")


def test_prompt_summary_carries_no_address_email_or_payment_data() -> None:
    order = _order("PP-261114")
    summary = prompt_summary(order)
    assert order.order_no in summary
    for secret in (order.buyer_email, order.buyer_name, order.payment.card_last4 or "@@"):
        assert secret not in summary
    if order.shipping_address:
        assert order.shipping_address.line1 not in summary
