"""Quantities in text: a number with a unit ("1 ms", "240Hz", "15.6\"", "$45", "5 business days", "%50",
"三周", "three weeks"), as (value, unit class) pairs, in any of the 14 chat languages.

Used by the reply guards (a unit-number must come from the sources) and by the translation check (a translation
keeps every quantity). Units and number words are data, in guard_terms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from app.services.chat import guard_terms

NUMBER = r"\d+(?:[.,]\d+)*"
# "4–7 days", "48-240 Hz", "3 to 5 days", "3 a 5 días": every number of a range takes the unit.
_RANGE_JOIN = r"\s*(?:[-–—~〜～]|to|a|à|bis|tot|do|до|ile|إلى|至|到|から|~에서)\s*"


# A Latin unit ends where no Latin or Cyrillic letter follows ("5 days" but not "5 dayss"); Korean or Japanese
# particles may follow directly ("2ms입니다").
_NO_LETTER_AFTER = r"(?![A-Za-z\u00C0-\u024F\u0400-\u04FF])"


# Units whose value a bare number in the sources never grounds.
STRICT_UNITS = frozenset({"percent", "money"})


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str  # a class of guard_terms.UNITS_AFTER ("ms", "day", "money"…)
    text: str  # as written, for messages and logs


def normalise(text: str) -> str:
    """Casefolded NFKC text with every script's decimal digits as ASCII (Arabic-Indic, full-width…)."""
    text = unicodedata.normalize("NFKC", text).replace("٫", ".").replace("٬", ",")
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)
    # Turkish "İ" casefolds to "i" + a combining dot: dropped, so "YÖNETİCİ" matches "yönetici".
    return text.casefold().replace("\u0307", "")


def readings(token: str) -> set[Decimal]:
    """Every value a written number may mean: "1,200" is 1200 or 1.2; "15,6" is 15.6."""
    values: set[Decimal] = set()
    for candidate in {token.replace(",", ""), token.replace(".", "").replace(",", "."), token.replace(",", ".")}:
        if candidate.count(".") > 1:
            continue
        try:
            values.add(Decimal(candidate).normalize())
        except InvalidOperation:
            continue
    return values


def _is_cjk_like(fragment: str) -> bool:
    """Scripts that glue words: a unit there needs no word boundary after it."""
    return any(
        unicodedata.name(ch, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA", "ARABIC")) for ch in fragment
    )


def _with_boundary(fragment: str) -> str:
    if _is_cjk_like(fragment) or not any(ch.isalpha() for ch in fragment) or fragment.endswith("\\w*"):
        return fragment
    if any("CYRILLIC" in unicodedata.name(ch, "") for ch in fragment):
        return fragment + r"\w*"  # Russian units are stems: "дн" for дней/дня, "недел" for недели/неделю
    return fragment + _NO_LETTER_AFTER


def _alternation(fragments: list[str]) -> str:
    # Longest first, so "business days" wins over "days" and "毫秒" over "毫".
    return "|".join(_with_boundary(f) for f in sorted(fragments, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(number then unit, unit then number, number word then unit), compiled once."""
    units = _alternation([f for frags in guard_terms.UNITS_AFTER.values() for f in frags])
    # Not glued to a Latin word or another number: "PP-261114", "HDMI2" are no quantities; CJK may touch.
    number_then_unit = re.compile(
        rf"(?<![A-Za-z0-9_])(?<!\d[.,])(?P<nums>{NUMBER}(?:{_RANGE_JOIN}{NUMBER})*)\s?-?\s?(?P<unit>{units})", re.IGNORECASE
    )
    before = "|".join(f for frags in guard_terms.UNITS_BEFORE.values() for f in frags)
    unit_then_number = re.compile(rf"(?P<unit>{before})\s?(?P<num>{NUMBER})", re.IGNORECASE)
    words = sorted(guard_terms.NUMBER_WORDS, key=len, reverse=True)
    word_units = [f for cls in guard_terms.NUMBER_WORD_UNITS for f in guard_terms.UNITS_AFTER[cls]]
    word_alt = "|".join(w if _is_cjk_like(w) else rf"(?<![^\W\d_]){w}" for w in words)
    number_word = re.compile(
        rf"(?P<word>{word_alt})\s?(?:个|個|か|ヶ|カ)?\s?(?P<unit>{_alternation(word_units)})", re.IGNORECASE
    )
    return number_then_unit, unit_then_number, number_word


@cache
def _unit_class(unit_text: str, table: str) -> str | None:
    """The class of a matched unit text; the longest matching fragment decides ("달러" is money, "달" a month)."""
    units = guard_terms.UNITS_AFTER if table == "after" else guard_terms.UNITS_BEFORE
    best: tuple[int, str] | None = None
    for cls, fragments in units.items():
        for fragment in fragments:
            matches = re.fullmatch(_with_boundary(fragment), unit_text, re.IGNORECASE)
            if matches and (best is None or len(fragment) > best[0]):
                best = (len(fragment), cls)
    return best[1] if best else None


def quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in `text`, ranges expanded ("4–7 days" gives 4 days and 7 days)."""
    flat = normalise(text)
    number_then_unit, unit_then_number, number_word = _patterns()
    found: list[Quantity] = []
    for match in number_then_unit.finditer(flat):
        if cls := _unit_class(match.group("unit"), "after"):
            for token in re.findall(NUMBER, match.group("nums")):
                found += [Quantity(value, cls, match.group(0)) for value in readings(token)]
    for match in unit_then_number.finditer(flat):
        if cls := _unit_class(match.group("unit"), "before"):
            found += [Quantity(value, cls, match.group(0)) for value in readings(match.group("num"))]
    for match in number_word.finditer(flat):
        cls = _unit_class(match.group("unit"), "after")
        if cls is not None and cls in guard_terms.NUMBER_WORD_UNITS:
            found.append(Quantity(Decimal(guard_terms.NUMBER_WORDS[match.group("word")]), cls, match.group(0)))
    return found


def unsupported_quantities(reply: str, grounding: list[str]) -> list[Quantity]:
    """Quantities of `reply` that the grounding texts do not state.

    A quantity is grounded when the grounding states the same value with the same unit class ("5 business
    days" grounds "5일"). When the grounding never writes that unit next to a number (a table header "Weight
    (kg): 0.9"), the bare value is enough; where it does ("1 ms"), another value of that unit is not ("2 ms").
    Percentages and money are never grounded by a bare number: "100%" is not in "100 W"."""
    stated = [q for text in grounding for q in quantities(text)]
    pairs = {(q.value, q.unit) for q in stated}
    classes = {q.unit for q in stated}
    bare: set[Decimal] = set()
    for text in grounding:
        for token in re.findall(NUMBER, normalise(text)):
            bare |= readings(token)
    missing: list[Quantity] = []
    for quantity in quantities(reply):
        readings_ok = (quantity.value, quantity.unit) in pairs
        lenient = quantity.unit not in STRICT_UNITS and quantity.unit not in classes
        if not readings_ok and lenient and quantity.value in bare:
            readings_ok = True
        if not readings_ok and all(m.text != quantity.text for m in missing):
            missing.append(quantity)
    # "1,200 nits" reads as 1200 and 1.2: grounded when any reading is.
    grounded_texts = {q.text for q in quantities(reply) if (q.value, q.unit) in pairs}
    return [q for q in missing if q.text not in grounded_texts]
