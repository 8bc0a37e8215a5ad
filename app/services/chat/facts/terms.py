"""Multilingual word lists from data/attributes.yaml, compiled to matchers (see the file's header for the rules)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from app.services.chat.facts.destinations import fold

_DATA = Path(__file__).parent / "data" / "attributes.yaml"


@dataclass(frozen=True)
class Attribute:
    name: str
    fields: tuple[str, ...]
    pattern: re.Pattern[str]


def compile_terms(terms: list[str]) -> re.Pattern[str]:
    parts = []
    for term in terms:
        term = fold(str(term).strip())
        prefix = term.endswith("*")
        term = term.rstrip("*").strip()
        if not term:
            continue
        body = r"\s+".join(re.escape(word) for word in term.split())
        if not term[0].isascii() and not term[0].isalpha() or not _spaced(term):
            parts.append(body)  # CJK, Hangul, Arabic: particles attach, no word boundaries
        else:
            parts.append(r"(?<!\w)" + body + (r"" if prefix else r"(?!\w)"))
    return re.compile("|".join(parts) or r"(?!)")


def _spaced(term: str) -> bool:
    return not re.search(r"[\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", term)


def _all_languages(terms: dict[str, list[Any]] | None) -> list[str]:
    return [str(t) for words in (terms or {}).values() for t in words]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def attributes() -> tuple[Attribute, ...]:
    return tuple(
        Attribute(name, tuple(spec["fields"]), compile_terms(_all_languages(spec["terms"])))
        for name, spec in _data()["product"].items()
    )


@lru_cache(maxsize=1)
def word_groups() -> dict[str, re.Pattern[str]]:
    return {group: compile_terms(_all_languages(terms)) for group, terms in _data()["words"].items()}


def policy_topics(text: str) -> list[str]:
    """Policy topics whose every word group occurs in `text`, in the data file's order."""
    folded = fold(text)
    groups = word_groups()
    return [
        topic for topic, needed in _data()["policy"].items()
        if all(groups[group].search(folded) for group in needed)
    ]  # fmt: skip


def asks_about(group: str, text: str) -> bool:
    """A word of the data file's word group `group` ("payment", "invoice", "duties") occurs in `text`."""
    return word_groups()[group].search(fold(text)) is not None


def asked_attributes(text: str) -> list[Attribute]:
    folded = fold(text)
    return [attribute for attribute in attributes() if attribute.pattern.search(folded)]


def hint_lines(text: str, intents_found: Sequence[str] = ()) -> list[str]:
    """The retrieval hints (data file, "hints:") of the topics `text` names, intents first, at most two."""
    hints: dict[str, str] = _data().get("hints") or {}
    folded = fold(text)
    groups = word_groups()
    topics = [*intents_found, *policy_topics(text)]
    named = [group for group in ("duties", "invoice", "payment") if groups[group].search(folded)]
    # "Do I pay customs?" is about duties, not payment methods.
    topics += named if "duties" not in named else ["duties"]
    topics += [attribute.name for attribute in asked_attributes(text)]
    return list(dict.fromkeys(hints[topic] for topic in topics if topic in hints))[:2]
