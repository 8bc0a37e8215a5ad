"""Which payment methods the shop accepts, read by code from its own document (the FAQ or policy passage that
names them), in the buyer's language. Brand names are shown as written; generic methods ("cash on delivery") by
their localized name from data/payment_methods.yaml. A method in a sentence that negates ("We do not accept cash
on delivery") is refused, not accepted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from app.domain.chat import Citation
from app.services.chat.facts import templates as t
from app.services.chat.facts.destinations import fold
from app.services.chat.facts.terms import compile_terms
from app.services.chat.negation import negates
from knowledge.types import ScoredChunk

_DATA = Path(__file__).parent / "data" / "payment_methods.yaml"
# A passage is the shop's list of payment methods when it names at least this many.
MIN_METHODS = 2
# Retrieval hits searched for that passage.
HIT_DEPTH = 3
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|(?<=[。！？；])|\n+")


@dataclass(frozen=True)
class Method:
    name: str
    pattern: re.Pattern[str]
    names: dict[str, str]

    def shown(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.name


@cache
def methods() -> tuple[Method, ...]:
    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return tuple(Method(str(m["name"]), compile_terms([str(x) for x in m["terms"]]), dict(m.get("names") or {}))
                 for m in data["methods"])  # fmt: skip


def named_methods(text: str) -> list[Method]:
    folded = fold(text)
    return [m for m in methods() if m.pattern.search(folded)]


@dataclass(frozen=True)
class PaymentFacts:
    accepted: list[Method]
    refused: list[Method]
    hit: ScoredChunk


def payment_facts(hits: Sequence[ScoredChunk]) -> PaymentFacts | None:
    """Accepted and refused methods from the first of the top hits that names enough of them."""
    for hit in hits[:HIT_DEPTH]:
        accepted: list[Method] = []
        refused: list[Method] = []
        for sentence in _SENTENCE.split(hit.chunk.text):
            found = named_methods(sentence)
            (refused if negates(sentence) else accepted).extend(m for m in found if m not in accepted + refused)
        if len(accepted) + len(refused) >= MIN_METHODS and accepted:
            return PaymentFacts(accepted, refused, hit)
    return None


def payment_answer(question: str, facts: PaymentFacts, language: str) -> str:
    lines = [t.text("payment_accepted", language, methods=t.listing([m.shown(language) for m in facts.accepted], language))]
    asked = named_methods(question)
    refused = [m for m in asked if m in facts.refused]
    unknown = [m for m in asked if m not in facts.accepted and m not in facts.refused]
    if refused or unknown:
        lines.append(t.text("payment_refused", language,
                            methods=t.listing([m.shown(language) for m in refused + unknown], language)))
    return " ".join(lines)


def payment_citation(hit: ScoredChunk) -> Citation:
    chunk = hit.chunk
    return Citation(chunk_id=chunk.id, title=chunk.title, source=chunk.source, kind=chunk.kind,
                    product_id=chunk.product_id, score=round(hit.score, 4), excerpt=" ".join(chunk.text.split())[:240])
