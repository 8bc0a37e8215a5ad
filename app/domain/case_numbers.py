"""Human case numbers: R-000123 for a refund claim, CB-000045 for a chargeback.

Cases keep their internal ids (a uuid hex, the network's dispute id); the number is what a person reads, types and
says on the phone. People type it loosely ("r123", "R 123", "#123", "123"), so parsing accepts those spellings.
"""

from __future__ import annotations

import re

REFUND_PREFIX = "R"
CHARGEBACK_PREFIX = "CB"
_DIGITS = 6
# The largest number a 32-bit integer column holds; a longer run of digits is an order or card number.
MAX_CASE_NO = 2**31 - 1


def case_number(prefix: str, number: int | None) -> str:
    """R-000123; '' for a case that has no number yet (a row written before numbers were backfilled)."""
    return f"{prefix}-{number:0{_DIGITS}d}" if number is not None else ""


def refund_number(number: int | None) -> str:
    return case_number(REFUND_PREFIX, number)


def chargeback_number(number: int | None) -> str:
    return case_number(CHARGEBACK_PREFIX, number)


def parse_case_number(text: str | None, prefix: str) -> int | None:
    """The number in "R-000123", "r123", "R 123", "#123" or "123" (for prefix "R"); None for anything else,
    including another kind's number ("CB-12" is not a refund case)."""
    pattern = rf"#?\s*(?:{re.escape(prefix)}\s*[-_#:]?\s*)?0*(\d{{1,13}})"
    match = re.fullmatch(pattern, (text or "").strip(), flags=re.IGNORECASE)
    if match is None:
        return None
    number = int(match.group(1))
    return number if 0 < number <= MAX_CASE_NO else None
