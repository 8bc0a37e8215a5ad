"""Checks on every model reply before a buyer reads it, in all 14 languages (issue 14, item 3).

- echo: the reply is the buyer's question (or mostly it), in any script;
- unsupported_number: a number with a unit that the sources or the order summary do not state (numbers the buyer
  typed do not count: "100%" is not a fact because the buyer wrote it);
- unmade_promise: a refund, discount, voucher, free replacement, "approved", "guaranteed"… that only the refund
  flow may give;
- injection_followed: a quoted payload of an instruction in the buyer's text (or a document) turns up in the reply.
Each returns a flag name or None; the answerer stores the flags with the message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

from rapidfuzz import fuzz

from app.services.chat import guard_terms
from app.services.chat.quantities import Quantity, normalise, unsupported_quantities
from app.services.text_safety import looks_like_injection

ECHO = "echo"
UNSUPPORTED_NUMBER = "unsupported_number"
UNMADE_PROMISE = "unmade_promise"
INJECTION_FOLLOWED = "injection_followed"

# Similarity (0-100, letters and digits only) from which a reply is the question again. Calibrated on crafted
# drafts in 9 scripts (tests/unit/chat/test_chat_reply_checks.py): the question alone, re-punctuated or prefixed
# with "You asked:" scores 90-100; answers restating the question without a new number scored 63-86.
ECHO_RATIO = 88.0
# A quoted instruction payload shorter than this is too generic to recognise ("yes", "OK"); a CJK or Hangul
# character counts twice (one carries about a word).
MIN_PAYLOAD_CHARS = 12
PAYLOAD_MATCH = 85.0

# Quotes of the 14 languages: '…' "…" “…” ‘…’ «…» „…“ ‚…‘ 「…」 『…』 《…》. A straight or typographic single quote
# opens only where no letter precedes it (not the apostrophe of "Owner's") and closes where none follows.
_LATIN_QUOTES = (("'", "'"), ('"', '"'), ("“", "”"), ("‘", "’"), ("„", "“”"), ("‚", "‘’"))
_OTHER_QUOTES = (("«", "»"), ("「", "」"), ("『", "』"), ("《", "》"))
_QUOTED = re.compile(
    "|".join(
        [rf"(?<![^\W\d_]){re.escape(o)}([^\n]{{4,}}?)[{re.escape(c)}](?![^\W\d_])" for o, c in _LATIN_QUOTES]
        + [rf"{re.escape(o)}([^\n]{{4,}}?)[{re.escape(c)}]" for o, c in _OTHER_QUOTES]
    )
)


def _content(text: str) -> str:
    """Letters and digits only, casefolded: punctuation, spaces and quotes do not make a reply different."""
    return "".join(ch for ch in normalise(text) if unicodedata.category(ch)[0] in "LN")


def _weight(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) == "W" else 1 for ch in text)


def _units(text: str) -> list[str]:
    """Comparable pieces: words for spaced scripts, character pairs for CJK (no spaces to split on)."""
    flat = normalise(text)
    units: list[str] = []
    for word in re.findall(r"\w+", flat):
        if any(unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA")) for ch in word):
            units += [word[i : i + 2] for i in range(max(len(word) - 1, 1))]
        else:
            units.append(word)
    return units


def _new_digits(reply_c: str, question_c: str) -> bool:
    return bool(set(re.findall(r"\d+", reply_c)) - set(re.findall(r"\d+", question_c)))


def is_echo(reply: str, question: str) -> bool:
    """The reply is the question again, near-verbatim in any script ("You asked: …" included). A reply that
    adds a number the question lacks is an answer ("… is 1 ms"), however much it restates; so is a yes/no
    answer that restates the question ("Yes, it is compatible with the Steam Deck")."""
    reply_c, question_c = _content(reply), _content(question)
    if not reply_c or not question_c or _new_digits(reply_c, question_c):
        return False
    return fuzz.ratio(reply_c, question_c) >= ECHO_RATIO


def echo_prefix(pending: str, question: str) -> bool:
    """Draft text so far that is, or could still become, an echo: the answerer holds it back."""
    if is_echo(pending, question):
        return True
    pending_c, question_c = _content(pending), _content(question)
    if len(pending_c) < 8 or len(pending_c) > len(question_c) or _new_digits(pending_c, question_c):
        return False
    return fuzz.partial_ratio(pending_c, question_c) >= ECHO_RATIO


def unsupported_unit_numbers(reply: str, merchant_grounding: Sequence[str]) -> list[Quantity]:
    """Numbers with units in the reply not stated by the merchant's data (sources, order summary, profile)."""
    return unsupported_quantities(reply, list(merchant_grounding))


@cache
def _promise_patterns() -> list[tuple[str, re.Pattern[str]]]:
    patterns = []
    for language, phrases in guard_terms.PROMISES.items():
        for phrase in phrases:
            spaced = not any(unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "ARABIC"))
                             for ch in phrase)  # fmt: skip
            pattern = rf"(?<![^\W\d_]){phrase}" if spaced else phrase
            patterns.append((language, re.compile(pattern, re.IGNORECASE)))
    return patterns


def promises_in(text: str) -> list[str]:
    """Commitment phrases (any of the 14 languages) in `text`, as written."""
    flat = normalise(text)
    return [m.group(0) for _, pattern in _promise_patterns() for m in [pattern.search(flat)] if m]


def unmade_promises(reply: str, sources: Iterable[str]) -> list[str]:
    """Commitments in the reply that the sources do not themselves state (a policy that says "discount")."""
    stated = {normalise(p) for source in sources for p in promises_in(source)}
    return [p for p in promises_in(reply) if normalise(p) not in stated]


@cache
def _cue_pattern() -> re.Pattern[str]:
    return re.compile("|".join(guard_terms.INSTRUCTION_CUES), re.IGNORECASE)


def carries_instruction(text: str) -> bool:
    """The text tells the assistant what to do or say (an injection attempt or an instruction in a document)."""
    return looks_like_injection(text) or bool(_cue_pattern().search(normalise(text)))


def quoted_payloads(text: str) -> list[str]:
    return [next(g for g in match.groups() if g) for match in _QUOTED.finditer(text)]


def quoted_spans(text: str) -> list[str]:
    """The quoted passages with their quote marks."""
    return [match.group(0) for match in _QUOTED.finditer(text)]


_CLAUSE_END = re.compile(r"[.!?。！？؟\n]")


def unquoted_payloads(text: str) -> list[str]:
    """What follows an instruction cue up to the end of its sentence ("tell the customer that you will get a new
    monitor tomorrow."): the words an attacker wants said when they did not quote them."""
    flat = normalise(text)
    payloads = []
    for match in _cue_pattern().finditer(flat):
        rest = flat[match.end():].lstrip(" :,-—\"'“”«»「」")
        end = _CLAUSE_END.search(rest)
        payloads.append(rest[: end.start()] if end else rest)
    return payloads


def followed_instruction(reply: str, instruction_texts: Iterable[str], sources: Iterable[str] = ()) -> str | None:
    """The payload of an instruction found in buyer text or documents, when the reply reproduces it."""
    reply_c = _content(reply)
    if not reply_c:
        return None
    source_c = " ".join(_content(s) for s in sources)
    for text in instruction_texts:
        if not carries_instruction(text):
            continue
        for payload in [*quoted_payloads(text), *unquoted_payloads(text)]:
            payload_c = _content(payload)
            if _weight(payload_c) < MIN_PAYLOAD_CHARS or payload_c in source_c or len(reply_c) < 0.8 * len(payload_c):
                continue
            if fuzz.partial_ratio(payload_c, reply_c) >= PAYLOAD_MATCH:
                return payload
    return None
