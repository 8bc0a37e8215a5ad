"""Order numbers as the merchant's own data: detect, normalise and exemplify them from configured patterns.

A pattern is a regular expression for the order number as the shop writes it (Shopify `#\\d{4,}`, AliExpress
`\\d{16}`, `PP-\\d{6}`). Buyers write them loosely ("pp 261112", "order 1001"), so each pattern is split at its
literal separators into segments; the text is searched with optional separators and the match is rebuilt in the
shop's canonical spelling, so "pp261112" and "PP-261112" name the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

# A fresh shop on Shopify numbers orders #1001, #1002… (WooCommerce shows "#1234" too); PP-\d{6} is the demo
# store's, kept in the default because the demo runs on default settings. A real shop sets
# MC_ORDER_NUMBER_PATTERNS to its own (e.g. '["#\\d{4,}"]', or '["\\d{16}"]' for AliExpress).
DEFAULT_ORDER_NUMBER_PATTERNS: tuple[str, ...] = (r"#\d{4,}", r"PP-\d{6}")

# Literal characters inside a pattern that separate its parts; buyers type any of them, or none.
_SEPARATORS = {"-": "-", r"\-": "-", "/": "/", r"\/": "/", "_": "_", r"\.": ".", " ": " ", r"\ ": " "}
_LOOSE_SEP = r"[-\s_/.]?"
# Words that announce an order number when the shop's "#" is left out ("order 1001", "pedido 1001").
_ORDER_WORDS = (
    r"order|ordine|orden|pedido|commande|bestellung|bestelling|encomenda|zamówieni[ea]|заказ\w*|sipariş\w*"
    r"|no\.?|nr\.?|nº|n°|طلب|注文番号|注文|주문\s*번호|주문|订单号?|訂單"
)
_EXAMPLE_DIGITS = "1234567890123456789012345678901234567890"


class OrderNumberPatternError(ValueError):
    """A configured pattern that is not a usable regular expression; the message names it."""


@dataclass(frozen=True, slots=True)
class _Shape:
    prefix: str  # "#" when the shop writes one, else ""
    segments: tuple[str, ...]  # regex pieces between separators
    separators: tuple[str, ...]  # canonical separator after each segment but the last
    loose: re.Pattern[str]
    strict: re.Pattern[str]


def _split(pattern: str) -> tuple[str, list[str], list[str]] | None:
    """(prefix, segments, separators) at top-level literal separators; None when the pattern is too complex."""
    prefix = ""
    body = pattern
    for mark in ("\\#", "#"):
        if body.startswith(mark):
            prefix, body = "#", body[len(mark):]
            break
    segments: list[str] = []
    separators: list[str] = []
    current = ""
    depth = 0
    in_class = False
    i = 0
    while i < len(body):
        ch = body[i]
        two = body[i:i + 2]
        if ch == "\\" and i + 1 < len(body):
            if not in_class and depth == 0 and two in _SEPARATORS and current:
                segments.append(current)
                separators.append(_SEPARATORS[two])
                current = ""
            else:
                current += two
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None  # top-level alternation: keep the pattern whole
        elif depth == 0 and ch in _SEPARATORS and current:
            segments.append(current)
            separators.append(_SEPARATORS[ch])
            current = ""
            i += 1
            continue
        current += ch
        i += 1
    if not current:
        return None
    segments.append(current)
    return prefix, segments, separators


def _shape(pattern: str) -> _Shape:
    try:
        strict = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise OrderNumberPatternError(f"order number pattern {pattern!r} is not a valid regular expression: {exc}") \
            from exc
    parts = _split(pattern)
    separators: list[str]
    if parts is None:
        prefix, segments, separators = "", [pattern], []
    else:
        prefix, segments, separators = parts
    body = _LOOSE_SEP.join(f"(?P<mc_seg{i}>{seg})" for i, seg in enumerate(segments))
    if prefix:
        # The "#" may be left out only right after a word that says "order" (else years and prices would match).
        lead = rf"(?:(?<![\w#])#\s?|(?:(?<!\w)(?:{_ORDER_WORDS})\s*[:#]?\s*))"
    else:
        lead = r"(?<![\w#-])(?:#\s?)?"
    loose = re.compile(rf"{lead}{body}(?![\w-])", re.IGNORECASE)
    return _Shape(prefix, tuple(segments), tuple(separators), loose, strict)


@dataclass(frozen=True)
class OrderNumberFormat:
    """The shop's order-number patterns, compiled once; immutable, so one instance is shared safely."""

    patterns: tuple[str, ...]
    _shapes: tuple[_Shape, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.patterns:
            raise OrderNumberPatternError("give at least one order number pattern")
        object.__setattr__(self, "_shapes", tuple(_shape(p) for p in self.patterns))

    def current(self) -> OrderNumberFormat:
        """A fixed format is its own source (see OrderNumbersSource)."""
        return self

    @classmethod
    def from_patterns(cls, patterns: Iterable[str]) -> OrderNumberFormat:
        return cls(tuple(p.strip() for p in patterns if p and p.strip()))

    def _matches(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical) of each order number, left to right; the first pattern wins an overlap."""
        hits: list[tuple[int, int, str]] = []
        for shape in self._shapes:
            for match in shape.loose.finditer(text):
                start, end = match.span()
                if any(a < end and start < b for a, b, _ in hits):
                    continue
                canonical = self._canonical(shape, match)
                if canonical is not None:
                    hits.append((start, end, canonical))
        return sorted(hits)

    def find_all(self, text: str) -> list[str]:
        """Every order number in `text`, canonical, in order of appearance, without repeats."""
        return list(dict.fromkeys(canonical for _, _, canonical in self._matches(text)))

    def mask(self, text: str, replacement: str = " ") -> str:
        """`text` with every order number replaced (their digits are not facts for the number check)."""
        out, last = [], 0
        for start, end, _ in self._matches(text):
            out += [text[last:start], replacement]
            last = end
        return "".join([*out, text[last:]])

    def find(self, text: str) -> str | None:
        found = self.find_all(text)
        return found[0] if found else None

    def normalise(self, token: str) -> str:
        """The canonical spelling of `token` if it is an order number, else `token` trimmed."""
        found = self.find(token)
        if found is None and not token.strip().startswith("#"):
            found = self.find(f"#{token.strip()}")
        return found or token.strip()

    def example(self) -> str | None:
        """A made-up number in the first pattern's shape for buyer hints, or None if the shape is not simple."""
        for shape in self._shapes:
            pieces = [_example_segment(seg) for seg in shape.segments]
            if any(piece is None for piece in pieces):
                continue
            text = shape.prefix + "".join(
                piece + (shape.separators[i] if i < len(shape.separators) else "")
                for i, piece in enumerate(pieces) if piece is not None
            )
            if shape.strict.fullmatch(text):
                return text
        return None

    def _canonical(self, shape: _Shape, match: re.Match[str]) -> str | None:
        groups = [match.group(f"mc_seg{i}") or "" for i in range(len(shape.segments))]
        text = shape.prefix + "".join(
            group.upper() + (shape.separators[i] if i < len(shape.separators) else "") for i, group in enumerate(groups)
        )
        # The loose search may over-reach (case, optional separators); the shop's own pattern has the last word.
        return text if shape.strict.fullmatch(text) else None


_COUNTED_DIGITS = re.compile(r"^(?:\\d|\[0-9\])(?:\{(\d+)(?:,(\d*))?\}|(\+))?$")


def _example_segment(segment: str) -> str | None:
    match = _COUNTED_DIGITS.match(segment)
    if match:
        count = int(match.group(1)) if match.group(1) else (4 if match.group(3) else 1)
        return _EXAMPLE_DIGITS[:count]
    if re.fullmatch(r"[A-Za-z0-9]+", segment):
        return segment.upper()
    return None


class OrderNumbersSource(Protocol):
    """Where a service gets the shop's order-number format for one request: the merchant may change the patterns
    in the console at any time, so services ask per use instead of keeping a format from start-up."""

    def current(self) -> OrderNumberFormat: ...


def order_number_format(patterns: Sequence[str] | None = None) -> OrderNumberFormat:
    return OrderNumberFormat.from_patterns(patterns or DEFAULT_ORDER_NUMBER_PATTERNS)


DEFAULT_ORDER_NUMBERS = order_number_format()
