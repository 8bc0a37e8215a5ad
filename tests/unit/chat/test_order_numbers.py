"""Order numbers follow the shop's configured patterns everywhere the chat detects, guards or shows them."""

from __future__ import annotations

import pytest

from app.domain.order_numbers import (
    DEFAULT_ORDER_NUMBERS,
    OrderNumberPatternError,
    order_number_format,
)
from app.services.chat import answer_fallback, guard, intents
from app.settings import Settings

SHOPIFY = order_number_format([r"#\d{4,}"])
ALIEXPRESS = order_number_format([r"\d{16}"])
DEMO = order_number_format([r"PP-\d{6}"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Where is my order #1001?", "#1001"),
        ("where is order 1001", "#1001"),
        ("¿Dónde está mi pedido 10234?", "#10234"),
        ("주문 1001 언제 와요?", "#1001"),
        ("Bestellung Nr. 1005 fehlt", "#1005"),
        ("I paid 1999 in 2024", None),  # prices and years are not order numbers
        ("#12 is too short", None),
    ],
)
def test_shopify_numbers(text: str, expected: str | None) -> None:
    assert intents.find_order_no(text, SHOPIFY) == expected


def test_aliexpress_sixteen_digits() -> None:
    assert ALIEXPRESS.find("my order 8123456789012345 never came") == "8123456789012345"
    assert ALIEXPRESS.find("card 81234567890123456") is None  # 17 digits: not an order number
    assert ALIEXPRESS.example() == "1234567890123456"


def test_demo_numbers_loosely_written() -> None:
    assert DEMO.find_all("pp 261112, PP261113 and #PP-261114") == ["PP-261112", "PP-261113", "PP-261114"]
    assert DEMO.normalise("pp-261112") == "PP-261112"
    assert DEMO.find("PP-2611123") is None


def test_several_patterns_and_normalise() -> None:
    both = order_number_format([r"#\d{4,}", r"PP-\d{6}"])
    assert both.find_all("PP-261112 or #1001") == ["PP-261112", "#1001"]
    assert both.normalise("1001") == "#1001"


def test_example_follows_first_simple_pattern() -> None:
    assert SHOPIFY.example() == "#1234"
    assert DEMO.example() == "PP-123456"
    assert order_number_format([r"[A-Z]{2}\d{5}"]).example() is None


def test_buyer_hint_uses_the_configured_example_or_none() -> None:
    assert "#1234" in answer_fallback.order_details_request("en", SHOPIFY.example())
    plain = answer_fallback.order_details_request("ko", None)
    assert "PP-" not in plain and "(" not in plain and plain


def test_guard_checks_the_configured_numbers() -> None:
    reply = "Order #1002 left the warehouse; your order #1001 arrives Monday."
    assert guard.foreign_references(reply, "#1001", [], SHOPIFY) == ["#1002"]
    assert guard.foreign_references(reply, "1001", [], SHOPIFY) == ["#1002"]
    # The order number's digits are not a fact to verify; the "3" days are.
    assert guard.unsupported_numbers("Order #1001 ships in 3 days", ["ships in 2 days"], SHOPIFY) == ["3"]


def test_intent_routes_an_order_number_to_order_status() -> None:
    assert intents.classify("8123456789012345", ALIEXPRESS).intent == "order_status"
    assert intents.classify("8123456789012345", DEFAULT_ORDER_NUMBERS).order_no is None


def test_setting_parses_and_rejects_bad_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MC_ORDER_NUMBER_PATTERNS", r"#\d{4,} \d{16}")
    assert Settings(_env_file=None).order_number_patterns == [r"#\d{4,}", r"\d{16}"]
    monkeypatch.setenv("MC_ORDER_NUMBER_PATTERNS", '["(unclosed"]')
    with pytest.raises(ValueError, match="unclosed"):
        Settings(_env_file=None)
    with pytest.raises(OrderNumberPatternError):
        order_number_format([r"PP-(\d"])
