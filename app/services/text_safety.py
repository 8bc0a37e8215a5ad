"""Text safety helpers shared by every feature that hands buyer text to a model or stores it.

Quoting: buyer text (chat messages, refund claim descriptions) and retrieved chunks are quoted as data between
delimiters the text itself cannot forge, with instruction-like phrases and fake role tags neutralised.
Card numbers: a primary account number (PAN) is 12–19 digits with a valid Luhn checksum, written either as one run
of digits or in the usual groups (4-4-4-4, 4-6-5, 4-4-4-4-3) separated by spaces or hyphens. A digit run glued to
letters is usually an identifier (tracking number 'YT2624711052301'), so there it is masked only when it also
looks like a card (15 or 16 digits starting with 2–6, Luhn-valid), e.g. 'card4111111111111111'.
"""

from __future__ import annotations

import re

OPEN = "<<<"
CLOSE = ">>>"
NEUTRALISED = "[removed instruction-like text]"
# Role/control tokens of common chat templates, and markup pretending to be a system turn.
_FAKE_TAGS = re.compile(
    r"<\|[^|>]{1,40}\|>|\[/?INST\]|<</?SYS>>|</?\s*(?:system|assistant|instructions?)\s*>|"
    r"^\s*#{1,6}\s*(?:system|instructions?)\b.*$|^\s*(?:system|developer)\s*(?:prompt)?\s*:",
    re.IGNORECASE | re.MULTILINE,
)
# "Ignore previous instructions" and friends, in the shop's main languages.
_OVERRIDES = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(?:instructions?|rules|prompt|guidelines)\b"
    r"|\bignor(?:a|e|ez|iere|ieren|eer)\b[^.!?\n]{0,40}\b(?:instrucciones|instructions|Anweisungen|istruzioni|instruções|instructies|reglas|règles|Regeln)\b"
    r"|\b(?:reveal|show|print|repeat)\b[^.!?\n]{0,30}\b(?:system prompt|your (?:instructions|rules|prompt))\b"
    r"|\byou are now\b|\bnew instructions?\b|\bdeveloper mode\b|\bjailbreak\b"
    r"|игнорируй[^.!?\n]{0,40}инструкци|忽略[^。！？\n]{0,20}(?:指令|说明|规则)|(?:以前|前)の指示を無視|이전 지시(?:를|사항을)? 무시"
    r"|تجاهل[^.!?\n]{0,30}التعليمات",
    re.IGNORECASE,
)


def neutralise(text: str) -> str:
    """The text with delimiter look-alikes, fake role tags and override phrases defused."""
    cleaned = text.replace(OPEN, "‹‹‹").replace(CLOSE, "›››")
    cleaned = _FAKE_TAGS.sub(NEUTRALISED, cleaned)
    return _OVERRIDES.sub(NEUTRALISED, cleaned)


def looks_like_injection(text: str) -> bool:
    return bool(_FAKE_TAGS.search(text) or _OVERRIDES.search(text))


def quote(label: str, text: str) -> str:
    """`text` as inert data between delimiters; `label` says what it is (e.g. "SOURCE 2", "BUYER MESSAGE")."""
    return f"{OPEN}{label}\n{neutralise(text)}\n{CLOSE}"


# --- card numbers ------------------------------------------------------------------------------------------------

_PAN = re.compile(
    r"(?<!\d)(?:"
    r"\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?"  # 4-4-4-4 and 4-4-4-4-3 (16–19 digits)
    r"|\d{4}([ -])\d{6}\2\d{4,5}"  # 4-6-5 (American Express) and 4-6-4 (Diners)
    r"|\d{12,19}"  # one run
    r")(?!\d)"
)


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _is_pan(match: re.Match[str]) -> bool:
    digits = re.sub(r"\D", "", match.group(0))
    if not (12 <= len(digits) <= 19 and luhn_valid(digits)):
        return False
    text, start, end = match.string, match.start(), match.end()
    glued = (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())
    return not glued or (len(digits) in (15, 16) and digits[0] in "23456")


def _mask(match: re.Match[str]) -> str:
    if not _is_pan(match):
        return match.group(0)
    digits = re.sub(r"\D", "", match.group(0))
    return f"[card •••• {digits[-4:]}]"


def mask_pans(text: str) -> str:
    """`text` with every Luhn-valid 12–19 digit card number replaced by '[card •••• 1111]'."""
    return _PAN.sub(_mask, text) if text else text


def find_pans(text: str) -> list[str]:
    """The card numbers `mask_pans` would hide (tests and the document check use it)."""
    return [re.sub(r"\D", "", m.group(0)) for m in _PAN.finditer(text or "") if _is_pan(m)]
