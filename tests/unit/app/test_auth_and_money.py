from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.money import format_money, round_money, to_decimal
from app.domain.orders import PaymentDetails
from app.services.auth import MerchantCredentials, hash_password, resolve_credentials, verify_password

pytestmark = pytest.mark.unit


def test_password_hash_round_trip_and_rejects_wrong_password() -> None:
    encoded = hash_password("correct horse battery", iterations=1_000)
    assert encoded.startswith("pbkdf2_sha256$1000$")
    assert "correct horse" not in encoded
    assert verify_password("correct horse battery", encoded)
    assert not verify_password("correct horse batterY", encoded)
    assert not verify_password("x", "garbage")


def test_credentials_need_both_user_and_password() -> None:
    creds = MerchantCredentials("merchant", hash_password("pw-123456789", iterations=1_000))
    assert creds.check("merchant", "pw-123456789")
    assert not creds.check("admin", "pw-123456789")
    assert not creds.check("merchant", "pw")


def test_console_is_closed_without_a_hash_outside_demo_mode() -> None:
    assert resolve_credentials("merchant", None, demo_mode=False) is None
    demo = resolve_credentials("merchant", None, demo_mode=True)
    assert demo is not None and demo.generated_password
    assert demo.check("merchant", demo.generated_password)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [("10.005", "USD", "10.01"), ("10.004", "USD", "10.00"), ("1234.5", "KRW", "1235"), ("99.5", "JPY", "100")],
)
def test_money_rounds_to_the_currency_minor_unit(amount: str, currency: str, expected: str) -> None:
    assert round_money(Decimal(amount), currency) == Decimal(expected)


def test_money_refuses_floats() -> None:
    with pytest.raises(TypeError):
        to_decimal(0.1)
    assert format_money(Decimal("1234.5"), "usd") == "1,234.50 USD"


def test_a_full_card_number_is_cut_to_the_last_four_digits() -> None:
    payment = PaymentDetails(method="card", card_brand="visa", card_last4="4111 1111 1111 1234")
    assert payment.card_last4 == "1234"
    assert payment.masked_card == "VISA •••• 1234"
