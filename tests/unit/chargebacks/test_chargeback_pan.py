"""mask_pans: no 12–19 digit Luhn-valid card number survives, other numbers do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.chargebacks.pan import find_pans, luhn_valid, mask_pans

pytestmark = pytest.mark.unit


def _with_check_digit(body: str) -> str:
    for digit in "0123456789":
        if luhn_valid(body + digit):
            return body + digit
    raise AssertionError("unreachable")


@pytest.mark.parametrize(
    "text",
    ["card 4111111111111111 was charged", "4111 1111 1111 1111", "4111-1111-1111-1111", "amex 3782 822463 10005",
     "(5555555555554444)", "pan:4111111111111111.", "card4111111111111111"],
)
def test_card_numbers_are_masked_to_the_last_four(text: str) -> None:
    masked = mask_pans(text)
    assert find_pans(masked) == []
    assert "•••• " in masked
    assert "1111111111" not in masked.replace(" ", "").replace("-", "")


@pytest.mark.parametrize(
    "text",
    ["tracking YT2624711052301", "order PP-260921", "4111111111111112 (bad checksum)", "2026-09-21 2026-09-22",
     "IP 211.234.10.5", "phone +82 10 1234 5678", "20 digits 41111111111111111111"],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    assert mask_pans(text) == text


@given(
    body=st.text(alphabet="0123456789", min_size=11, max_size=18),
    before=st.text(alphabet=" abcxyz:,(", max_size=10),
    after=st.text(alphabet=" abcxyz.,)", max_size=10),
)
def test_any_luhn_valid_12_to_19_digit_number_is_masked(body: str, before: str, after: str) -> None:
    pan = _with_check_digit(body)
    glued = (before[-1:].isalpha() or after[:1].isalpha())
    if glued and not (len(pan) in (15, 16) and pan[0] in "23456"):
        return  # digits glued to letters are identifiers unless they look like a card (see pan.py)
    masked = mask_pans(f"{before}{pan}{after}")
    assert pan not in masked
    assert f"•••• {pan[-4:]}" in masked


def test_the_masker_stays_importable_from_the_chargebacks_package() -> None:
    from app.services import chargebacks

    assert chargebacks.mask_pans("card 4111 1111 1111 1111 ok") == "card [card •••• 1111] ok"
    assert chargebacks.mask_pans is mask_pans
