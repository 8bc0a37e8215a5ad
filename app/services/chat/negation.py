"""Does a text negate something? Word lists per language in guard_terms.NEGATIONS (data, not code)."""

from __future__ import annotations

import re
from functools import cache

from app.services.chat import guard_terms
from app.services.chat.quantities import normalise

# Negates in one language, means something else in another (pt "no" = "in the"): counted only for its language.
_AMBIGUOUS = frozenset({"no"})
_GLUED = re.compile(r"[\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@cache
def _pattern(language: str | None = None) -> re.Pattern[str]:
    """The markers of `language` (all languages when None or unknown: then a word that negates in one language and
    not in another, pt/it "no" = "in the", may count; pass the language where it is known)."""
    chosen = [guard_terms.NEGATIONS[language]] if language in guard_terms.NEGATIONS else guard_terms.NEGATIONS.values()
    parts = []
    for words in chosen:
        for word in words:
            if language is None and word in _AMBIGUOUS:
                continue
            escaped = re.escape(normalise(word).strip()) + (r"\s" if word.endswith(" ") else "")
            if _GLUED.search(word):
                # Arabic particles stand as words; CJK, kana and Hangul glue onto verbs.
                parts.append(rf"(?<!\w){escaped}(?!\w)" if "\u0600" <= word[0] <= "\u06ff" else escaped)
            else:
                parts.append(rf"(?<!\w){escaped}(?!\w)")
    if language in (None, "tr") or language not in guard_terms.NEGATIONS:
        parts += [rf"\w{re.escape(p)}\w*" for p in guard_terms.NEGATION_PARTS_TR]
    return re.compile("|".join(parts))


def negations(text: str, language: str | None = None) -> list[str]:
    """The negation markers in `text` (of `language` when given), as found (casefolded)."""
    return _pattern(language).findall(normalise(text))


def negates(text: str, language: str | None = None) -> bool:
    return bool(negations(text, language))
