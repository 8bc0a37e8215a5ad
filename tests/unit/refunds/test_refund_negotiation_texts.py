"""Offer texts: every language, every offerable outcome, amounts written by code in the local format."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from app.domain.refunds import OFFERABLE
from app.errors import InvalidInputError
from app.services.language import SUPPORTED_LANGUAGES
from app.services.refunds.negotiation import (
    MESSAGES,
    OFFER,
    format_amount,
    message,
    offer_text,
    parse_amount,
)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_has_every_template_and_no_template_writes_a_number(language: str) -> None:
    for templates in [*OFFER.values(), *MESSAGES.values()]:
        text = templates[language]
        assert not re.search(r"\d", text.replace("5", "")), (
            f"{language}: digits belong to code, not templates"
        )
    for outcome in OFFERABLE:
        text = offer_text(outcome, Decimal("1234.5"), Decimal("50"), "USD", language)
        if outcome != "replacement":
            assert format_amount(Decimal("1234.50"), "USD", language) in text
        assert MESSAGES["choices"][language] in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,234.50 USD"), ("pt", "1.234,50 USD"), ("de", "1.234,50 USD"), ("fr", "1\u202f234,50 USD"),
     ("ko", "1,234.50 USD"), ("ja", "1,235 JPY")],
)  # fmt: skip
def test_amount_format_follows_the_language(language: str, expected: str) -> None:
    currency = "JPY" if language == "ja" else "USD"
    assert format_amount(Decimal("1234.5"), currency, language) == expected


def test_partial_offer_in_portuguese_shows_amount_and_percent() -> None:
    text = offer_text("partial_refund_no_return", Decimal("84.5"), Decimal("50.00"), "USD", "pt")
    assert "84,50 USD (50% do preço do item)" in text


def test_unknown_language_falls_back_to_english() -> None:
    assert message("review", "xx") == MESSAGES["review"]["en"]


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("90", "90.00"), ("90.5", "90.50"), ("90,50", "90.50"), ("1.234,50", "1234.50"), ("1,234.50", "1234.50"),
     ("1 234,5 €", "1234.50"), ("US$ 100", "100.00"), ("1.234", "1234.00")],
)  # fmt: skip
def test_parse_amount_reads_what_buyers_type(typed: str, amount: str) -> None:
    assert parse_amount(typed, "USD") == Decimal(amount)


def test_parse_amount_refuses_text_without_a_number() -> None:
    with pytest.raises(InvalidInputError):
        parse_amount("a bit more please", "USD")


def test_closed_without_return_is_written_in_all_fourteen_languages() -> None:
    templates = MESSAGES["closed_no_return"]
    assert set(templates) == set(SUPPORTED_LANGUAGES) and len(templates) == 14
    assert len(set(templates.values())) == 14, "each language has its own sentence"
    for language in SUPPORTED_LANGUAGES:
        assert message("closed_no_return", language) == templates[language].strip() != ""
        assert "{" not in templates[language], "no amount: nothing is refunded"
    assert "sem reembolso" in message("closed_no_return", "pt")


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_a_refused_parcel_offer_does_not_ask_the_buyer_to_send_anything(language: str) -> None:
    from app.services.refunds.negotiation import offer_key

    assert offer_key("return_for_refund", "refused_import_charges") == "refused_parcel"
    assert offer_key("return_for_refund", "changed_mind") == "return_for_refund"
    assert offer_key("escalate", "refused_import_charges") == "escalate"
    text = offer_text("refused_parcel", Decimal("166"), Decimal("72.49"), "USD", language)
    assert format_amount(Decimal("166.00"), "USD", language) in text
    assert text != offer_text("return_for_refund", Decimal("166"), Decimal("72.49"), "USD", language)
