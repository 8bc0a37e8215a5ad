"""What a question names — countries, products, model codes and numbers — so a store answer is given only to a
question about the same things.

The embedder places "How long does shipping to Spain take?" and "…to Brazil?" (or "Does model X fit?" and "Does
model Y fit?") close together: the sentences differ by one word that changes the answer. Code reads the names:
countries in any of the 14 languages through the fact layer's destination finder (Babel/CLDR names), products
through the merchant's catalog (code or model name), and the rest as codes: tokens with digits ("X200", "15.6",
"30") and short capitalised codes ("X", "USB", "HDMI"). A question and a stored question agree when they name the
same of each; order numbers and email addresses are the buyer's own and are left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.order_numbers import OrderNumberFormat, OrderNumbersSource
from app.services.chat.facts.catalog import Catalog
from app.services.chat.facts.destinations import find_destinations
from app.services.chat.facts.product_facts import mentioned_products

_EMAIL = re.compile(r"\S+@\S+")
_TOKEN = re.compile(r"[^\W_]+(?:[-./][^\W_]+)*")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_SENTENCE_START = re.compile(r"(?:^|[.!?¿¡:;]\s*|\n)$")
# Capitalised words that are not codes: the English "I" and abbreviations every shop question may carry.
_NOT_CODES = frozenset({"I", "OK", "FAQ", "PS", "ASAP", "PM", "AM"})


@dataclass(frozen=True)
class NamedEntities:
    countries: frozenset[str] = frozenset()  # ISO 3166-1 alpha-2
    products: frozenset[str] = frozenset()  # catalog ids
    codes: frozenset[str] = frozenset()  # "X200", "15.6", "USB", "30"

    def differences(self, other: NamedEntities) -> list[str]:
        """The kinds of name on which the two questions disagree ([] when they agree)."""
        return [kind for kind in ("countries", "products", "codes") if getattr(self, kind) != getattr(other, kind)]


def _ascii_digits(text: str) -> str:
    """Arabic-Indic, Devanagari, full-width… digits as 0-9, so "٣٠" and "30" are the same number."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


def _squash(text: str) -> str:
    return re.sub(r"[\s_/-]", "", text).upper()


def _is_shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.isascii()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _codes(text: str, country_codes: set[str]) -> set[str]:
    shouted = _is_shouted(text)
    found = set()
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if any(c.isdigit() for c in token):
            found.add(_squash(token))
        elif (
            not shouted and token.isascii() and _squash(token).isalpha() and token.isupper() and len(token) <= 6
            and token not in _NOT_CODES and token not in country_codes
            and not _SENTENCE_START.search(text[: match.start()])
        ):  # fmt: skip
            found.add(token)
    return found


def named_entities(
    text: str, catalog: Catalog | None = None, order_numbers: OrderNumberFormat | None = None
) -> NamedEntities:
    text = _ascii_digits(unicodedata.normalize("NFKC", text))
    if order_numbers is not None:
        text = order_numbers.mask(text)
    text = _DECIMAL_COMMA.sub(".", _EMAIL.sub(" ", text))
    destinations = find_destinations(text)
    countries = {d.code for d in destinations}
    products = mentioned_products(text, catalog) if catalog is not None else []
    # A product named by its code is a product, not also a code ("PP-156-FHD" -> product PP-156-FHD).
    product_names = [_squash(name) for p in products for name in (p.id, *p.aliases)]
    codes = {
        code for code in _codes(text, {d.matched for d in destinations})
        if not any(code in name for name in product_names)
    }  # fmt: skip
    return NamedEntities(frozenset(countries), frozenset(p.id for p in products), frozenset(codes))


class EntityReader:
    """named_entities with the shop's current catalog and order number format (both optional, both asked for per
    use: the merchant edits them at run time)."""

    def __init__(
        self, catalog: Callable[[], Catalog] | None = None, order_numbers: OrderNumbersSource | None = None
    ) -> None:
        self._catalog = catalog
        self._order_numbers = order_numbers

    def __call__(self, text: str) -> NamedEntities:
        return named_entities(
            text, self._catalog() if self._catalog else None,
            self._order_numbers.current() if self._order_numbers else None,
        )  # fmt: skip
