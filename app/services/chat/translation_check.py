"""Checks a machine translation by code before a merchant or a buyer reads it (issue 14, item 7).

A translation is trusted only when it keeps every number, amount, quantity ("three weeks" is not "three
months"), order number, tracking number, product code and email of the original; when it negates exactly when the
original does ("refunded" is not "not refunded"); when its length is plausible
for the two languages ("Não responder." is no translation of a two-clause sentence); and when a multilingual
sentence encoder finds it close in meaning to the original (a "payment not yet due" for "arrived broken, when is
my refund?" is not). Each failed check is named, so the inbox can say why a message is shown untranslated.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from app.services.chat.negation import negates
from app.services.chat.quantities import NUMBER, normalise, quantities, readings

# Calibrated with multilingual-e5-small on the pairs in tests/data/translation_pairs.yaml (python -m app.bench
# translation), codes and emails left out of both texts: faithful translations in 13 languages scored 0.868-0.96,
# "the payment was not yet due" for "arrived broken, when is my refund?" 0.80-0.84. A reversed instruction
# ("keep the damaged one" as "send it back") still scores 0.90-0.95: similarity cannot see it.
DEFAULT_MIN_SIMILARITY = 0.85
# Translated length / original length, in "weighted characters" (a CJK or Hangul character counts ~2.5 Latin
# ones). Real translations of chat messages between the 14 languages stayed within 0.45-2.2 in the pairs.
MIN_LENGTH_RATIO = 0.4
MAX_LENGTH_RATIO = 2.5

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Codes carry letters and digits together (PP-261114, YT2631008847325, PP-156-FHD-240, RMA-0042) or are URLs.
# Bounded by anything but ASCII letters and digits: Korean and Japanese particles may follow ("…325로").
_CODE = re.compile(r"https?://\S+|(?<![A-Za-z0-9])(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+"
                   r"(?![A-Za-z0-9])|(?<![A-Za-z0-9])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{6,}(?![A-Za-z0-9])")
# Units that measure the same thing: "5 business days" translated as "5 Wochen" changed the quantity.
_FAMILIES = {"hour": "time", "day": "time", "week": "time", "month": "time", "year": "time", "g": "mass", "kg": "mass",
             "mm": "length", "cm": "length", "inch": "length"}


class SentenceEncoder(Protocol):
    def embed_query(self, text: str) -> list[float]: ...


@dataclass(frozen=True)
class TranslationVerdict:
    ok: bool
    problems: list[str] = field(default_factory=list)  # "missing: PP-261114", "quantity: 3 week", "meaning"…
    similarity: float | None = None


def _weighted_length(text: str) -> float:
    return sum(2.5 if unicodedata.east_asian_width(ch) == "W" else 1.0 for ch in text if not ch.isspace())


def codes_in(text: str) -> set[str]:
    """Emails, order/tracking numbers, product codes and URLs: they must come through unchanged."""
    return {m.lower() for m in _EMAIL.findall(text)} | {m.upper() for m in _CODE.findall(_EMAIL.sub(" ", text))}


def _numbers(text: str) -> list[set[Decimal]]:
    """Each number written with digits, as its possible readings (codes and emails removed first)."""
    flat = _CODE.sub(" ", _EMAIL.sub(" ", normalise(text)))
    return [readings(token) for token in re.findall(NUMBER, flat)]


def _words_only(text: str) -> str:
    """The text without codes and emails: the code checks cover those, and a shared order number would make
    "The payment was not yet due. Order PP-261114." look close to any message about that order. Numbers stay:
    "3주" must still read as "three weeks"."""
    stripped = _CODE.sub(" ", _EMAIL.sub(" ", text))
    return " ".join(stripped.split()) or text


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


class TranslationChecker:
    def __init__(self, encoder: SentenceEncoder | None, min_similarity: float = DEFAULT_MIN_SIMILARITY) -> None:
        self._encoder = encoder
        self._min_similarity = min_similarity

    def check(self, original: str, translation: str, source_language: str | None = None,
              target_language: str | None = None) -> TranslationVerdict:
        problems = self.preserved_problems(original, translation, source_language, target_language)
        ratio = _weighted_length(translation) / max(_weighted_length(original), 1.0)
        if not MIN_LENGTH_RATIO <= ratio <= MAX_LENGTH_RATIO:
            problems.append(f"length: {ratio:.2f}")
        # The encoder costs ~0.1 s per text on a busy CPU: not spent on a translation already rejected.
        similarity = None if problems else self.similarity(original, translation)
        if similarity is not None and similarity < self._min_similarity:
            problems.append(f"meaning: {similarity:.3f}")
        return TranslationVerdict(not problems, problems, similarity)

    def similarity(self, original: str, translation: str) -> float | None:
        """Cross-lingual closeness in meaning; None without an encoder (then only the other checks apply)."""
        if self._encoder is None:
            return None
        a, b = _words_only(original), _words_only(translation)
        return _cosine(self._encoder.embed_query(a), self._encoder.embed_query(b))

    @staticmethod
    def preserved_problems(original: str, translation: str, source_language: str | None = None,
                           target_language: str | None = None) -> list[str]:
        """What the translation lost, changed or added among codes, numbers and quantities."""
        problems = [f"missing: {code}" for code in sorted(codes_in(original) - codes_in(translation))]
        problems += [f"added: {code}" for code in sorted(codes_in(translation) - codes_in(original))]
        source_q = {(q.value, q.unit) for q in quantities(original)}
        target_q = {(q.value, q.unit) for q in quantities(translation)}
        # A quantity keeps value and unit ("three weeks" -> "3 semanas", never "tres meses") wherever the other
        # side states a quantity of the same kind (a unit the parser does not know is left to the meaning check).
        source_kinds = {_FAMILIES.get(u, u) for _, u in source_q}
        target_kinds = {_FAMILIES.get(u, u) for _, u in target_q}
        for value, unit in sorted(source_q):
            if _FAMILIES.get(unit, unit) in target_kinds and (value, unit) not in target_q:
                problems.append(f"quantity: {value} {unit}")
        for value, unit in sorted(target_q):
            if _FAMILIES.get(unit, unit) in source_kinds and (value, unit) not in source_q:
                problems.append(f"added quantity: {value} {unit}")
        # Every number written with digits survives (as digits or as a spelled-out quantity), and none appears.
        source_values = {v for r in _numbers(original) for v in r} | {v for v, _ in source_q}
        target_values = {v for r in _numbers(translation) for v in r} | {v for v, _ in target_q}
        for token_readings in _numbers(original):
            if not token_readings & target_values:
                problems.append(f"number: {min(token_readings)}")
        for token_readings in _numbers(translation):
            if not token_readings & source_values:
                problems.append(f"added number: {min(token_readings)}")
        # "We refunded" as "we did not refund", "no need to return" as "return it": a negation gained or lost flips
        # the meaning, and a sentence encoder scores such pairs as close (0.9+).
        source_neg, target_neg = negates(original, source_language), negates(translation, target_language)
        if source_neg != target_neg:
            problems.append("negation: " + ("added" if target_neg else "lost"))
        return list(dict.fromkeys(problems))
