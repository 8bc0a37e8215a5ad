"""Offer texts in the buyer's language and the counter-offer rule.

Sentences are fixed templates per language; amounts are formatted here by code. No model writes an offer.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from app.domain.money import round_money
from app.errors import InvalidInputError
from app.i18n.catalog import section

_T = dict[str, str]

TYPE_AMOUNT = "Please type the amount you are asking for, e.g. 95.00."

# The texts live in the buyer text catalog (app/i18n/buyer_texts.yaml), one key per template.
OFFER: dict[str, _T] = section("offer.")

MESSAGES: dict[str, _T] = section("refund_reply.")

# Decimal and thousands separators by language (code formats amounts; templates never contain digits).
_COMMA_DECIMAL_DOT_GROUP = frozenset({"es", "de", "it", "pt", "nl", "tr"})
_COMMA_DECIMAL_SPACE_GROUP = frozenset({"fr", "pl", "ru"})


def format_amount(amount: Decimal, currency: str, language: str) -> str:
    text = f"{round_money(amount, currency):,}"  # 1,234.50
    if language in _COMMA_DECIMAL_DOT_GROUP:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    elif language in _COMMA_DECIMAL_SPACE_GROUP:
        text = text.replace(",", "\u202f").replace(".", ",")
    return f"{text} {currency.upper()}"


def format_percent(percent: Decimal, language: str) -> str:
    text = f"{percent.normalize():f}" if percent == percent.to_integral() else f"{percent:.2f}".rstrip("0")
    return (
        text.replace(".", ",") if language in _COMMA_DECIMAL_DOT_GROUP | _COMMA_DECIMAL_SPACE_GROUP else text
    )


def _lang(language: str) -> str:
    return language if language in OFFER["replacement"] else "en"


def offer_key(outcome: str, reason: str) -> str:
    """The offer template: the outcome's, except where the claim path changes what the buyer has to do."""
    return (
        "refused_parcel" if reason == "refused_import_charges" and outcome == "return_for_refund" else outcome
    )


def offer_sentence(outcome: str, amount: Decimal, percent: Decimal, currency: str, language: str) -> str:
    """The offer itself, without the accept/decline choices (the chat quotes it before any claim exists)."""
    lang = _lang(language)
    return OFFER[outcome][lang].format(amount=format_amount(amount, currency, lang), percent=format_percent(percent, lang))


def offer_text(outcome: str, amount: Decimal, percent: Decimal, currency: str, language: str) -> str:
    """`outcome` is an offer template key: an offerable outcome or a variant from offer_key()."""
    lang = _lang(language)
    return f"{offer_sentence(outcome, amount, percent, currency, lang)} {MESSAGES['choices'][lang]}"


def message(key: str, language: str, amount: Decimal | None = None, currency: str = "") -> str:
    lang = _lang(language)
    template = MESSAGES[key][lang]
    return template.format(amount=format_amount(amount, currency, lang)) if amount is not None else template


def parse_amount(text: str, currency: str) -> Decimal:
    """A buyer's typed amount: '90', '90.5', '90,50', '1.234,50', '1 234,50' -> Decimal in the minor unit."""
    cleaned = re.sub(r"[^\d.,]", "", text or "")
    if not cleaned:
        raise InvalidInputError(TYPE_AMOUNT, key="error.type_amount")
    last_sep = max(cleaned.rfind("."), cleaned.rfind(","))
    # A separator followed by exactly 1-2 digits is the decimal point; anything else groups thousands.
    if last_sep >= 0 and 1 <= len(cleaned) - last_sep - 1 <= 2:
        whole, fraction = cleaned[:last_sep], cleaned[last_sep + 1 :]
        cleaned = re.sub(r"[.,]", "", whole) + "." + fraction
    else:
        cleaned = re.sub(r"[.,]", "", cleaned)
    try:
        return round_money(Decimal(cleaned), currency)
    except InvalidOperation as exc:
        raise InvalidInputError(TYPE_AMOUNT, key="error.type_amount") from exc

