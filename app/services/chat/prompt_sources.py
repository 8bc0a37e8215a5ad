"""Only the parts of the retrieved sources that a question needs go into the model's prompt.

Prefill is the small CPU model's main cost (a 900-token prompt took ~8 s before the first token on 2 cores), so
the prompt carries at most MAX_SOURCES sources within a character budget. A source longer than its share is cut
to the passages (lines, list items, sentences) that share the most terms with the question, kept in source
order with "…" where something was left out; its opening passage always stays (an FAQ answer starts with the
answer). Product codes, model names and numbers are shared across languages, so this also works when the buyer
writes in another language than the documents; with no shared term the source keeps its opening passages.
Pure functions: unit-tested in tests/unit/chat/test_prompt_sources.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.services.chat.prompts import SourceText

MAX_SOURCES = 3
SOURCE_CHARS = 520  # at most per source
TOTAL_CHARS = 1100  # all sources together (about 300 tokens of English)
GAP = " … "

# Where a long line is split into passages: list separators and sentence ends of the 14 languages.
_PASSAGE_END = re.compile(r"(?<=[;；。！？؟])\s*|(?<=[.!?])\s+(?=\S)")
_WORD = re.compile(r"\w+")
# Scripts written without spaces: a term is a pair of neighbouring characters.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+")


def terms(text: str) -> set[str]:
    """Comparable terms: words of 3+ characters or with a digit (casefolded), and CJK character pairs."""
    found: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        if _UNSPACED.fullmatch(word):
            found.update(word[i : i + 2] for i in range(max(1, len(word) - 1)))
        elif len(word) >= 3 or any(ch.isdigit() for ch in word):
            found.add(word)
    return found


def passages(text: str) -> list[str]:
    """The text's lines, long ones split further at list separators and sentence ends."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) <= SOURCE_CHARS // 3:
            out.append(line)
        else:
            out.extend(part.strip() for part in _PASSAGE_END.split(line) if part.strip())
    return out


def focus(text: str, question_terms: set[str], budget: int) -> str:
    """`text` if it fits in `budget` characters, else its opening and most question-like passages."""
    text = text.strip()
    if len(text) <= budget:
        return text
    pieces = passages(text)
    overlap = [len(terms(piece) & question_terms) for piece in pieces]
    # The opening first, then by shared terms (ties: earlier first).
    order = [0, *sorted(range(1, len(pieces)), key=lambda i: (-overlap[i], i))]
    kept: list[int] = []
    used = 0
    for index in order:
        cost = len(pieces[index]) + len(GAP)
        if used + cost > budget:
            if index == 0:  # an opening longer than the budget: its first characters
                return pieces[0][: budget - 1].rstrip() + "…"
            continue
        kept.append(index)
        used += cost
    kept.sort()
    out = pieces[kept[0]]
    for previous, index in zip(kept, kept[1:], strict=False):
        out += ("\n" if index == previous + 1 else GAP) + pieces[index]
    return out + (GAP.rstrip() if kept[-1] != len(pieces) - 1 else "")


def prompt_sources(question: str, sources: Sequence[tuple[str, str]]) -> list[SourceText]:
    """(title, text) of the retrieved chunks, best first -> the numbered, cut sources the model sees."""
    wanted = terms(question)
    out: list[SourceText] = []
    left = TOTAL_CHARS
    for title, text in sources[:MAX_SOURCES]:
        budget = min(SOURCE_CHARS, left)
        if budget < SOURCE_CHARS // 4:
            break
        body = focus(text, wanted, budget)
        out.append(SourceText(len(out) + 1, title, body))
        left -= len(body)
    return out
