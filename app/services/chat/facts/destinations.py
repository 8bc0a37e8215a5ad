"""Which country the buyer wants the parcel in, from their own words, in any of the 14 languages.

Names come from Babel's localized territory names (CLDR) for the supported locales plus a small data file of short
forms, demonyms and inflected forms (data/countries.yaml). Spaced scripts match whole words; Polish and Russian
names also match by stem ("Hiszpanii", "Германию") and Turkish ones with a case suffix ("Almanya'ya", "Almanyaya");
CJK, kana, Hangul and Arabic match inside words, since particles and prefixes attach ("ブラジルまで", "독일로",
"لألمانيا"). ISO codes count only when written in capitals ("DE", "USA"), so "in", "it" and "de" stay words.
The longest match wins ("Indonesia" over "India").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale

LOCALES = ("en", "zh", "es", "fr", "de", "it", "pt", "nl", "pl", "ru", "tr", "ar", "ja", "ko")
_DATA = Path(__file__).parent / "data" / "countries.yaml"
_STEMMED = ("pl", "ru")  # heavy noun inflection: "Hiszpania" -> "do Hiszpanii", "Германия" -> "в Германию"
_SUFFIXED = ("tr",)  # case suffixes appended: "Almanya" -> "Almanya'ya" / "Almanyaya"
_CODE = re.compile(r"(?<![\w-])([A-Z]{2,3})(?![\w-])")
_ARABIC_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


@dataclass(frozen=True)
class _Name:
    code: str
    pattern: re.Pattern[str]
    probe: str  # a substring every match contains: a cheap filter before the regex
    ambiguous: bool  # also an ordinary word somewhere: must be capitalised in the buyer's text


@dataclass(frozen=True)
class Destination:
    code: str  # ISO 3166-1 alpha-2
    matched: str  # the buyer's words


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Lower case, accents off for Latin/Greek/Cyrillic letters; always exactly one character out."""
    try:
        script = unicodedata.name(char).split(" ")[0]
    except ValueError:
        return char
    base = char
    if script in ("LATIN", "CYRILLIC", "GREEK"):
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)) or char
    low = base.lower()
    out = low if len(low) == 1 else (base if len(base) == 1 else char)
    return out.translate(_ARABIC_ALEF)


def fold(text: str) -> str:
    """Comparable form of `text` with the same length (so a match's span points into the original)."""
    return "".join(_fold_char(c) for c in text)


def _spaced(text: str) -> bool:
    """Whether the script separates words with spaces (Latin, Cyrillic…) rather than CJK/Hangul/Arabic."""
    return not any(
        unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "ARABIC")) for c in text
    )


def _stem_pattern(word: str) -> str:
    if len(word) >= 7:
        return re.escape(word[:-2]) + r"\w{0,4}"
    if len(word) == 6:
        return re.escape(word[:-1]) + r"\w{0,4}"
    return re.escape(word)


def _compile(name: str, code: str, locale: str, ambiguous: set[str]) -> list[_Name]:
    folded = fold(" ".join(name.split()))
    if len(folded) < 2:
        return []
    is_ambiguous = folded in ambiguous
    if not _spaced(folded):
        names = [folded]
        if folded.startswith("ال") and len(folded) >= 5:
            names.append(folded[2:])  # "للبرازيل": the article's alef goes after the prefix "ل"
        tail = r"(?!\w)" if any("ARABIC" in unicodedata.name(c, "") for c in folded) else ""
        return [_Name(code, re.compile(re.escape(n) + tail), n, is_ambiguous) for n in names]
    words = re.split(r"[\s-]+", folded)
    if locale in _STEMMED:
        parts = [_stem_pattern(w) for w in words]
    elif locale in _SUFFIXED and len(folded) >= 5:
        parts = [re.escape(w) for w in words[:-1]] + [re.escape(words[-1]) + r"\w{0,6}"]
    else:
        parts = [re.escape(w) for w in words]
    pattern = re.compile(r"(?<!\w)" + r"[\s-]*".join(parts) + r"(?!\w)")
    return [_Name(code, pattern, min(words, key=len)[:4], is_ambiguous)]


@dataclass(frozen=True)
class _Index:
    names: tuple[_Name, ...]
    alpha2: frozenset[str]
    alpha3: dict[str, str]
    not_codes: frozenset[str]


@lru_cache(maxsize=1)
def _index() -> _Index:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    ambiguous = {fold(w) for w in data.get("ambiguous", [])}
    names: list[_Name] = []
    alpha2: set[str] = set()
    for locale in LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "ZZ", "QO"):
                alpha2.add(code)
                names.extend(_compile(name, code, locale, ambiguous))
    for code, aliases in (data.get("aliases") or {}).items():
        for alias in aliases:
            locale = "ru" if any("CYRILLIC" in unicodedata.name(c, "") for c in alias) else "en"
            names.extend(_compile(str(alias), str(code), locale, ambiguous))
    unique = {(n.code, n.pattern.pattern): n for n in names}
    return _Index(
        names=tuple(unique.values()),
        alpha2=frozenset(alpha2),
        alpha3={str(k): str(v) for k, v in (data.get("alpha3") or {}).items()},
        not_codes=frozenset(str(c) for c in data.get("not_codes", [])),
    )


def _codes(text: str, index: _Index) -> list[Destination]:
    letters = [c for c in text if c.isalpha() and c.isascii()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        return []  # a shouted message: capitals mean nothing
    found = []
    for match in _CODE.finditer(text):
        token = match.group(1)
        if token in index.not_codes:
            continue
        code = token if len(token) == 2 and token in index.alpha2 else index.alpha3.get(token)
        if code:
            found.append(Destination(code, token))
    return found


def find_destinations(text: str) -> list[Destination]:
    """Every country named in `text`, best (longest) match first, one entry per country."""
    original = unicodedata.normalize("NFKC", text)
    folded = fold(original)
    index = _index()
    spans: list[tuple[int, int, str]] = []
    for name in index.names:
        if name.probe not in folded:
            continue
        for match in name.pattern.finditer(folded):
            start, end = match.span()
            if name.ambiguous and not original[start : end][:1].isupper():
                continue
            spans.append((start, end, name.code))
    # Longest first; a match inside a longer one ("India" in "Indonesia") is dropped.
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, code in spans:
        if all(end <= k_start or start >= k_end for k_start, k_end, _ in kept):
            kept.append((start, end, code))
    found = [Destination(code, original[start:end]) for start, end, code in kept]
    found += _codes(original, index)
    unique: dict[str, Destination] = {}
    for destination in found:
        unique.setdefault(destination.code, destination)
    return list(unique.values())


def find_destination(text: str) -> Destination | None:
    found = find_destinations(text)
    return found[0] if found else None


def country_name(code: str, language: str) -> str:
    """The country's name in the buyer's language (the code itself when CLDR has none)."""
    try:
        return str(Locale.parse(language).territories.get(code.upper(), code.upper()))
    except (ValueError, TypeError):
        return code.upper()
