"""The tolerant value readers behind every order import: money as shops write it, Shopify dates, languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from pydantic import ValidationError

from app.services.chargebacks.stripe_disputes import stripe_amount
from app.services.orders.schema import OrderIn, to_order
from app.services.orders.values import language_for_country, parse_datetime, parse_money

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("$1,234.50", "1234.50"), ("€ 12,50", "12.50"), ("1.234,50 EUR", "1234.50"), ("¥5,300", "5300"),
        ("R$ 230,00", "230.00"), ("229", "229"), ("  90.90 ", "90.90"), ("£0.99", "0.99"),
        ("CHF 1'234.50", "1234.50"), ("1 234,50 €", "1234.50"), ("12.5", "12.5"),
    ],
)  # fmt: skip
def test_money_as_shops_write_it(text: str, amount: str) -> None:
    assert parse_money(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["", "free", "-5.00", "$", "$ -5", "1e5", "NaN", "Infinity", "12 x 3", "1.2.3,4,5"])
def test_money_that_is_not_an_amount_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text)


def test_shopify_dates_keep_their_offset_and_bare_times_are_utc() -> None:
    shopify = parse_datetime("2026-11-02 10:15:00 +0100")
    assert shopify == datetime(2026, 11, 2, 10, 15, tzinfo=timezone(timedelta(hours=1)))
    assert parse_datetime("2026-11-10 14:22:05") == datetime(2026, 11, 10, 14, 22, 5, tzinfo=UTC)
    assert parse_datetime("2026-11-10T14:22:05Z") == datetime(2026, 11, 10, 14, 22, 5, tzinfo=UTC)
    with pytest.raises(ValueError, match="not a date"):
        parse_datetime("yesterday")


@pytest.mark.parametrize(("country", "language"), [("KR", "ko"), ("BR", "pt"), ("AT", "de"), ("EG", "ar"),
                                                   ("JP", "ja"), ("SE", "en"), ("ZZ", "en")])  # fmt: skip
def test_buyer_language_defaults_to_the_countrys_when_the_chat_speaks_it(country: str, language: str) -> None:
    assert language_for_country(country) == language


def _order(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "order_no": "#2001", "email": "Buyer@Example.com", "created_at": "2026-11-02 10:15:00 +0100",
        "currency": "eur", "items": [{"title": "Tent", "quantity": 1, "unit_price": "99.00"}], "total": "99.00",
        "country_code": "fr",
    }  # fmt: skip
    base.update(changes)
    return base


@pytest.mark.parametrize(("given", "language"), [("ko-KR", "ko"), ("pt_BR", "pt"), ("sv", "fr"), (None, "fr")])
def test_buyer_language_from_the_order_or_the_country(given: str | None, language: str) -> None:
    assert to_order(OrderIn.model_validate(_order(language=given))).language == language


def test_order_json_becomes_a_store_order() -> None:
    order = to_order(OrderIn.model_validate(_order(payment={"card_last4": "4111111111111111", "avs_result": "Y"})))
    assert (order.order_no, order.buyer_email, order.currency, order.country_code, order.language) == (
        "#2001", "buyer@example.com", "EUR", "FR", "fr"
    )
    assert order.payment.card_last4 == "1111" and order.payment.avs_result == "Y"
    assert order.total_paid == Decimal("99.00") and order.status == "processing"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"total": 99.5}, "not a JSON number with decimals"),
        ({"items": []}, "at least 1 item"),
        ({"email": "nobody"}, "not an email address"),
        ({"currency": "JPY", "total": "99.50"}, "more decimals than JPY allows"),
        ({"country_code": None}, "give country_code"),
        ({"order_no": "10 01"}, "no spaces"),
        ({"order_no": "##1"}, "e.g. #1001"),
        ({"currency": "ZZZ"}, "not an ISO 4217 currency"),
    ],
)
def test_bad_orders_say_what_is_wrong(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        OrderIn.model_validate(_order(**changes))


@pytest.mark.parametrize(
    ("minor", "currency", "amount"),
    [(5395, "gbp", "53.95"), (5300, "jpy", "5300"), (120000, "KRW", "120000"), (12340, "KWD", "12.34"),
     (500000, "ISK", "5000")],
)  # fmt: skip
def test_stripe_amounts_use_stripes_decimals(minor: int, currency: str, amount: str) -> None:
    value = stripe_amount(minor, currency)
    assert value == Decimal(amount) and str(value) == amount
