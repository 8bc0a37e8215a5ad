"""A shop with Shopify order numbers: the chat finds "#1001" however the buyer writes it, and its hints show the
shop's own format — no demo numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.order_numbers import order_number_format
from app.services.chat import answer_fallback

pytestmark = pytest.mark.integration

DEMO_ORDERS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus" / "orders.json"


def _shopify_order(services) -> tuple[str, str]:
    from app.domain.orders import Order

    record = json.loads(DEMO_ORDERS.read_text(encoding="utf-8"))["orders"][0]
    record.update(order_no="#1001", buyer_email="ingrid@example.no")
    services.orders.upsert_many([Order.model_validate(record)])
    return record["order_no"], record["buyer_email"]


def test_shopify_numbers_are_detected_normalised_and_shown(chat_services, openai_fake) -> None:
    services = chat_services(order_number_patterns=[r"#\d{4,}"])
    order_no, email = _shopify_order(services)
    chat = services.buyer_chat

    token = chat.new_session()
    ask = chat.reply(token, "Where is my order?").text
    assert ask == answer_fallback.order_details_request("en", "#1234") and "PP-" not in ask

    token = chat.new_session()
    status = chat.reply(token, f"hi, order 1001 please, my email is {email}").text
    assert status.startswith(f"Order {order_no}")
    assert chat.conversation(token).verified_order_no == order_no
    # The demo's numbers mean nothing to this shop.
    assert order_number_format([r"#\d{4,}"]).find("PP-261114") is None
    assert openai_fake.requests == []
