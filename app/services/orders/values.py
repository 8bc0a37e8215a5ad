"""Tolerant readers for the values shop exports write: money with symbols, Shopify's dates, country codes.

Each raises ValueError with a message for the merchant (the caller adds the file and row).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from app.services.language import SUPPORTED_LANGUAGES

_MONEY_NUMBER = re.compile(r"\d(?:[\d.,'\u00a0\u202f ]*\d)?")
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",  # Shopify: 2026-11-02 10:15:00 +0100
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M:%S",  # WooCommerce: site time, no offset
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
)


def parse_money(text: str) -> Decimal:
    """'$1,234.50', '€ 12,50', '1.234,50 EUR', "CHF 1'234.50", '229' -> Decimal. Negative amounts are refused."""
    raw = (text or "").strip()
    numbers = _MONEY_NUMBER.findall(raw)
    # One number with at most a currency word or symbol around it: "1e5" or "12 x 3" are not amounts.
    if len(numbers) != 1:
        raise ValueError(f"{raw!r} is not an amount")
    prefix = raw[: raw.index(numbers[0])]
    if "-" in prefix or "\u2212" in prefix:
        raise ValueError(f"{raw!r} is negative")
    cleaned = re.sub(r"[\s'\u00a0\u202f]", "", numbers[0])
    if "," in cleaned and "." in cleaned:
        # The separator that comes last is the decimal one: 1,234.50 or 1.234,50.
        thousands = "," if cleaned.rfind(".") > cleaned.rfind(",") else "."
        cleaned = cleaned.replace(thousands, "").replace(",", ".")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        # 12,50 is a decimal comma; 1,234 is a thousands separator.
        cleaned = f"{head.replace(',', '')}.{tail}" if len(tail) != 3 else cleaned.replace(",", "")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")  # 1.234.567 (dots as thousands separators)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{raw!r} is not an amount") from None


def parse_datetime(text: str) -> datetime:
    """Shopify/WooCommerce/ISO date-times; a time without an offset is taken as UTC."""
    raw = (text or "").strip()
    if not raw:
        raise ValueError("the date is empty")
    value: datetime | None = None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        for fmt in _DATE_FORMATS:
            try:
                value = datetime.strptime(raw, fmt)
                break
            except ValueError:
                continue
    if value is None:
        raise ValueError(f"{raw!r} is not a date; expected e.g. 2026-11-02 10:15:00 +0100")
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def country_code(text: str) -> str:
    code = (text or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ValueError(f"{text!r} is not a 2-letter country code such as US or DE")
    return code


@lru_cache(maxsize=512)  # CLDR lookups are slow and the answer never changes
def language_for_country(code: str, default: str = "en") -> str:
    """The most likely language of a country (CLDR likely subtags), if the chat supports it."""
    try:
        language = Locale.parse(f"und_{code}").language
    except (UnknownLocaleError, ValueError):
        return default
    return language if language in SUPPORTED_LANGUAGES else default
