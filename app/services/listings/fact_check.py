"""Facts in a listing checked against the product's facts: numbers with their units, model names and SKUs,
and feature claims. Pure functions over text; every script the shop sells in is normalised first."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import yaml

from knowledge.products import Product

# Canonical unit -> how it is written after NFKC. One-letter forms match with their exact case (so Spanish
# "de 5 a 20 V" has no amperes in it); longer forms ignore case. Longest forms are tried first.
UNITS: dict[str, tuple[str, ...]] = {
    "in": ("inches", "inch", "in", '"', "″", "”", "英寸", "吋", "インチ", "인치", "pulgadas", "pulgada", "pouces", "pouce",
           "zoll", "pollici", "pollice", "polegadas", "polegada", "cali", "cala", "дюймов", "дюйма", "дюйм", "inç", "بوصة"),
    "hz": ("hz", "hertz", "赫兹", "ヘルツ", "헤르츠", "гц", "هرتز"),
    "nit": ("nits", "nit", "cd/m2", "cd/m²", "尼特", "ニト", "니트", "нит", "شمعة"),
    "ms": ("ms", "毫秒", "ミリ秒", "мс"),
    "mm": ("mm", "毫米", "ミリ", "мм", "ملم"),
    "cm": ("cm", "厘米", "センチ", "см", "سم"),
    "m": ("m", "米", "メートル", "미터", "м", "متر"),
    "kg": ("kg", "公斤", "千克", "キロ", "킬로그램", "кг", "كجم", "كغ"),
    "g": ("g", "克", "グラム", "그램", "г", "غرام", "جم"),
    "w": ("W", "watts", "watt", "瓦", "ワット", "와트", "вт", "واط"),
    "v": ("V", "volts", "volt", "伏", "ボルト", "볼트", "В", "فولت"),
    "a": ("A", "安", "アンペア", "암페어", "А", "أمبير"),
    "gbps": ("gbps", "gbit/s", "gb/s"),
    "gb": ("gb",),
    "mah": ("mah",),
    "%": ("%", "٪"),
    "l": ("L", "l", "ℓ", "liters", "litres", "liter", "litre", "litros", "litro", "升", "リットル", "리터", "л", "لتر"),
    "c": ("°C", "ºC"),
    "month": ("months", "month", "meses", "mes", "mois", "monate", "monaten", "monat", "mesi", "mese", "maanden",
              "maand", "miesięcy", "miesiące", "miesiąc", "месяцев", "месяца", "месяц", "ay", "شهرًا", "شهرا", "شهر",
              "أشهر", "个月", "個月", "ヶ月", "か月", "ヵ月", "カ月", "개월"),
    "year": ("years", "year", "años", "año", "ans", "an", "jahre", "jahr", "anni", "anno", "anos", "ano", "jaar",
             "lata", "lat", "rok", "лет", "года", "год", "yıl", "سنة", "سنوات", "年", "년"),
}
_UNIT_OF = {(form if len(form) == 1 else form.lower()): unit for unit, forms in UNITS.items() for form in forms}
_UNIT_ALT = "|".join(
    re.escape(f) if len(f) == 1 else f"(?i:{re.escape(f)})" for f in sorted(_UNIT_OF, key=len, reverse=True))
_NUMBER = r"\d+(?:[.,]\d+)*"
# A unit counts only when no Latin or Cyrillic letter follows (so "2 mini" is not "2 m"); CJK may follow.
_WITH_UNIT = re.compile(rf"({_NUMBER})\s?({_UNIT_ALT})(?![A-Za-z\u00C0-\u024F\u0400-\u04FF])")
_BARE = re.compile(_NUMBER)
# "5–20 V", "5~20V": the unit belongs to both ends.
_RANGE = re.compile(rf"({_NUMBER})\s?[-–~〜～]\s?(?={_NUMBER}\s?({_UNIT_ALT}))")
# Latin tokens mixing letters and digits: SKUs and model names (PP-156-4K-OLED, HDR1000, RTX4090, M2).
_IDENT = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z]+[A-Za-z0-9-]*\d[A-Za-z0-9-]*|\d+[A-Za-z][A-Za-z0-9-]*)(?![A-Za-z0-9])")
_ARABIC_DIGITS = {ord(c): str(unicodedata.digit(c)) for c in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"}
_NEGATION = re.compile(r"\b(?:no|not|none|without|n/a)\b", re.IGNORECASE)


def canon(text: str) -> str:
    """NFKC (full-width digits and letters), Arabic-Indic digits and separators, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_ARABIC_DIGITS)
    text = text.replace("٫", ".").replace("٬", ",").replace("×", " x ")
    return " ".join(text.split())


def normalise(text: str) -> str:
    return canon(text).lower()


def _unit(form: str) -> str:
    return _UNIT_OF.get(form) or _UNIT_OF[form.lower()]


def number_values(token: str) -> set[Decimal]:
    """Every reading of a written number: "1,920" -> {1920, 1.92}; "15,6" -> {15.6}; "1.920" -> {1920, 1.92}."""
    readings = {token.replace(",", ""), token.replace(".", "").replace(",", "."), token.replace(",", ".")}
    values = set()
    for reading in readings:
        if reading.count(".") > 1:
            continue
        try:
            values.add(Decimal(reading).normalize())
        except InvalidOperation:
            continue
    return values


@dataclass(frozen=True)
class FactIndex:
    """What a product's facts allow a listing to state."""

    numbers: frozenset[Decimal]
    quantities: frozenset[tuple[Decimal, str]]
    identifiers: str  # the facts squeezed: upper case, no spaces or dashes
    lines: tuple[str, ...]
    specs: dict[str, str]


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\-‐–—_/]", "", unicodedata.normalize("NFKC", text)).upper()


def build_index(product: Product) -> FactIndex:
    text = canon(product.fact_text())
    quantities = {(v, _unit(m.group(2))) for m in _WITH_UNIT.finditer(text) for v in number_values(m.group(1))}
    quantities |= {(v, _unit(m.group(2))) for m in _RANGE.finditer(text) for v in number_values(m.group(1))}
    numbers = {v for m in _BARE.finditer(text) for v in number_values(m.group(0))}
    return FactIndex(
        numbers=frozenset(numbers), quantities=frozenset(quantities), identifiers=_squeeze(product.fact_text()),
        # Claims are backed by what the product is (title, specs, description), not by what it connects to
        # ("Switch OLED" in compatibility is not an OLED panel).
        lines=tuple(normalise(line) for line in [product.title, product.description,
                                                 *(f"{k}: {v}" for k, v in product.specs.items())]),
        specs={k.lower(): normalise(v) for k, v in product.specs.items()},
    )


def unsupported_quantities(text: str, index: FactIndex) -> tuple[list[str], str]:
    """Numbers with a unit that the facts never state with that unit, and the text with those spans blanked."""
    found: list[str] = []
    norm = canon(text)

    def check(match: re.Match[str]) -> str:
        unit = _unit(match.group(2))
        values = number_values(match.group(1))
        if not any((v, unit) in index.quantities for v in values):
            found.append(match.group(0))
        return " "

    return found, _WITH_UNIT.sub(check, norm)


_LINES_P = re.compile(r"^(\d{3,4})[pP]$")  # "1080p": backed by a 1080 in the facts (1920 x 1080)


def _known_identifier(token: str, index: FactIndex) -> bool:
    lines = _LINES_P.match(token)
    if lines and number_values(lines.group(1)) & index.numbers:
        return True
    return _squeeze(token) in index.identifiers


def unsupported_identifiers(text: str, index: FactIndex) -> tuple[list[str], str]:
    found = [m.group(0) for m in _IDENT.finditer(text) if not _known_identifier(m.group(0), index)]
    return found, _IDENT.sub(" ", text)


def unsupported_numbers(text: str, index: FactIndex) -> list[str]:
    return [m.group(0) for m in _BARE.finditer(text) if not (number_values(m.group(0)) & index.numbers)]


# In text written in another script, a Latin word is a name (iPad, Thunderbolt, Dolby): it must come from the
# facts. A few generic words are written in Latin letters in every market.
NON_LATIN_LANGUAGES = frozenset({"zh", "ja", "ko", "ar", "ru"})
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z+]*(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9])")
_GENERIC_LATIN = frozenset({"full", "hd", "pc", "tv", "type", "plug", "play", "ok"})


def unsupported_latin_names(text: str, language: str, index: FactIndex) -> list[str]:
    if language not in NON_LATIN_LANGUAGES:
        return []
    _, rest = unsupported_quantities(text, index)  # units (Hz, kg) are not names
    _, rest = unsupported_identifiers(rest, index)
    found = [m.group(0) for m in _LATIN_WORD.finditer(rest)
             if len(m.group(0)) > 1 and m.group(0).lower() not in _GENERIC_LATIN
             and _squeeze(m.group(0)) not in index.identifiers]
    return list(dict.fromkeys(found))


def unsupported_facts(text: str, index: FactIndex) -> dict[str, list[str]]:
    """{"number": […], "identifier": […]}: every value in `text` the product's facts do not contain."""
    quantities, rest = unsupported_quantities(text, index)
    identifiers, rest = unsupported_identifiers(rest, index)
    numbers = unsupported_numbers(rest, index)
    return {"number": list(dict.fromkeys(quantities + numbers)), "identifier": list(dict.fromkeys(identifiers))}


@dataclass(frozen=True)
class Claim:
    key: str
    spec_key: str | None
    facts_any: tuple[str, ...]
    terms: dict[str, tuple[str, ...]]

    def patterns(self, language: str) -> list[re.Pattern[str]]:
        terms = self.terms.get(language, ()) + self.terms.get("any", ())
        return [_term_pattern(term) for term in terms]


def _term_pattern(term: str) -> re.Pattern[str]:
    term = normalise(term)
    if ord(term[0]) < 0x0530:  # Latin, Greek, Cyrillic: match at a word start, stems allowed
        return re.compile(rf"(?<![^\W\d_]){re.escape(term)}")
    return re.compile(re.escape(term))


@lru_cache(maxsize=1)
def load_claims(path: Path = Path(__file__).with_name("claims.yaml")) -> tuple[Claim, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(
        Claim(key=key, spec_key=value.get("spec_key"),
              facts_any=tuple(normalise(str(word)) for word in value.get("facts_any") or ()),
              terms={lang: tuple(str(t) for t in terms) for lang, terms in (value.get("terms") or {}).items()})
        for key, value in (data.get("claims") or {}).items()
    )


def claim_supported(claim: Claim, index: FactIndex) -> bool:
    if claim.spec_key and claim.spec_key in index.specs:
        value = index.specs[claim.spec_key]
        return not re.match(r"^(?:no|none|n/a|not|without|-)\b", value)
    for line in index.lines:
        for word in claim.facts_any:
            at = line.find(word)
            if at >= 0 and not _NEGATION.search(line[:at].split(":")[-1]):
                return True
    return False


def unsupported_claims(text: str, language: str, index: FactIndex) -> list[str]:
    norm = normalise(text)
    found = []
    for claim in load_claims():
        hit = next((m.group(0) for p in claim.patterns(language) for m in [p.search(norm)] if m), None)
        if hit and not claim_supported(claim, index):
            found.append(f"{claim.key} ('{hit}')")
    return found
