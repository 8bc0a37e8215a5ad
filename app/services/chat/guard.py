"""Prompt-injection hygiene and deterministic checks on what the model wrote.

Before generation: buyer text and retrieved chunks are quoted as data between delimiters the text itself
cannot forge, and instruction-like phrases / fake role tags in them are neutralised.
After generation: the reply must not echo the system prompt, name another order or email, or state a
number (price, days, watts…) that appears in none of the texts the model was given.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from app.domain.order_numbers import DEFAULT_ORDER_NUMBERS, OrderNumberFormat
from app.services.text_safety import (  # noqa: F401 - re-exported: chat imports them from here
    CLOSE,
    NEUTRALISED,
    OPEN,
    looks_like_injection,
    neutralise,
    quote,
)

# Appears only in the system prompt: a reply that contains it is echoing the prompt.
CANARY = "MC-RULESET-7F3A"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A number as a person writes it: 18, 18.00, 15,6, 1,200, 100.000 (digits of any script are normalised first).
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


# --- after generation ---------------------------------------------------------------------------------------------


def _normalise_digits(text: str) -> str:
    """Arabic-Indic, full-width and other decimal digits become ASCII so numbers compare across scripts."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)


def _readings(token: str) -> set[Decimal]:
    """Every value a written number may mean: "1,200" is 1200 or 1.2; "15,6" is 15.6."""
    readings: set[Decimal] = set()
    candidates = {token.replace(",", ""), token.replace(".", "").replace(",", "."), token.replace(",", ".")}
    for candidate in candidates:
        if candidate.count(".") > 1:
            continue
        try:
            readings.add(Decimal(candidate).normalize())
        except InvalidOperation:
            continue
    return readings


def numbers_in(text: str) -> set[Decimal]:
    values: set[Decimal] = set()
    for token in _NUMBER.findall(_normalise_digits(text)):
        values |= _readings(token)
    return values


def unsupported_numbers(
    reply: str, grounding: Iterable[str], numbers: OrderNumberFormat = DEFAULT_ORDER_NUMBERS
) -> list[str]:
    """Numbers in `reply` that none of the grounding texts contains (in any reading)."""
    allowed: set[Decimal] = set()
    for source in grounding:
        allowed |= numbers_in(source)
    # Order numbers and emails are checked separately; their digits are not facts to verify here.
    reply_text = _EMAIL.sub(" ", numbers.mask(_normalise_digits(reply)))
    return [token for token in _NUMBER.findall(reply_text) if not (_readings(token) & allowed)]


def foreign_references(
    reply: str, allowed_order_no: str | None, allowed_emails: Iterable[str],
    numbers: OrderNumberFormat = DEFAULT_ORDER_NUMBERS,
) -> list[str]:
    """Order numbers and emails in the reply that belong to nobody the buyer has proven to be."""
    allowed_orders = {numbers.normalise(allowed_order_no)} if allowed_order_no else set()
    emails = {e.lower() for e in allowed_emails}
    found = [m for m in numbers.find_all(reply) if m not in allowed_orders]
    found += [m for m in _EMAIL.findall(reply) if m.lower() not in emails]
    return found


def leaks_system_prompt(reply: str, system_prompt: str, min_chars: int = 40) -> bool:
    """The canary, or any long line of the system prompt, appears in the reply."""
    if CANARY.lower() in reply.lower():
        return True
    flat_reply = " ".join(reply.lower().split())
    for line in system_prompt.splitlines():
        flat = " ".join(line.lower().split())
        if len(flat) >= min_chars and flat[:min_chars] in flat_reply:
            return True
    return False


def order_numbers_in(text: str, numbers: OrderNumberFormat = DEFAULT_ORDER_NUMBERS) -> list[str]:
    return numbers.find_all(text)


def mask_emails(text: str) -> str:
    return _EMAIL.sub("[email]", text)


def emails_in(text: str) -> list[str]:
    return [m.lower() for m in _EMAIL.findall(text)]
