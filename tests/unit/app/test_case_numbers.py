"""Case numbers as people write them: R-000123 / CB-000045, typed loosely, never confused with the other kind."""

from __future__ import annotations

import pytest

from app.domain.case_numbers import (
    CHARGEBACK_PREFIX,
    REFUND_PREFIX,
    chargeback_number,
    parse_case_number,
    refund_number,
)


def test_numbers_are_written_with_their_prefix_and_six_digits() -> None:
    assert refund_number(123) == "R-000123"
    assert chargeback_number(45) == "CB-000045"
    assert refund_number(1234567) == "R-1234567"
    assert refund_number(None) == ""


@pytest.mark.parametrize("typed", ["R-000123", "r123", "R 123", "r-123", "#123", "123", " 000123 ", "R_123"])
def test_a_refund_number_is_read_however_it_is_typed(typed: str) -> None:
    assert parse_case_number(typed, REFUND_PREFIX) == 123


@pytest.mark.parametrize("typed", ["CB-000045", "cb45", "CB 45", "45"])
def test_a_chargeback_number_is_read_however_it_is_typed(typed: str) -> None:
    assert parse_case_number(typed, CHARGEBACK_PREFIX) == 45


@pytest.mark.parametrize(
    "typed", ["", "   ", "R-", "CB-45", "0", "R-000000", "abc", "PP-261020", "4242424242424242", "1e3", "R-12x",
              "12345678901234567890"],
)  # fmt: skip
def test_anything_else_is_not_a_refund_number(typed: str) -> None:
    assert parse_case_number(typed, REFUND_PREFIX) is None
