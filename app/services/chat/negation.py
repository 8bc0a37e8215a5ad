"""Does a text negate something? Word lists per language in guard_terms.NEGATIONS (data, not code)."""

from __future__ import annotations

import re
from functools import cache

from app.services.chat import guard_terms
from app.services.chat.quantities import normalise

_GLUED = re.compile(r"[\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@cache
def _pattern() -> re.Pattern[str]:
    parts = []
    for words in guard_terms.NEGATIONS.values():
        for word in words:
            escaped = re.escape(normalise(word).strip()) + (r"\s" if word.endswith(" ") else "")
            if _GLUED.search(word):
                # Arabic particles stand as words; CJK, kana and Hangul glue onto verbs.
                parts.append(rf"(?<!\w){escaped}(?!\w)" if "\u0600" <= word[0] <= "\u06ff" else escaped)
            else:
                parts.append(rf"(?<!\w){escaped}(?!\w)")
    parts += [rf"\w{re.escape(p)}\w*" for p in guard_terms.NEGATION_PARTS_TR]
    return re.compile("|".join(parts))


def negations(text: str) -> list[str]:
    """The negation markers in `text`, as found (casefolded)."""
    return _pattern().findall(normalise(text))


def negates(text: str) -> bool:
    return bool(negations(text))
