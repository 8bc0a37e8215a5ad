"""Templated sentences in all 14 languages: what the buyer reads when no model may or can answer.

Each "ask for a human" sentence quotes the word the intent rules recognise in that language, so the
buyer can act on it. A unit test checks that every key exists in every supported language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.domain.chat import Citation
from app.i18n.catalog import section

# The sentences live in the buyer text catalog (app/i18n/buyer_texts.yaml, keys chat.*).
TEMPLATES: dict[str, dict[str, str]] = section("chat.")


def text(key: str, language: str, **values: object) -> str:
    """The sentence `key` in `language` (English when the language is unknown), with `values` filled in."""
    sentences = TEMPLATES[key]
    return sentences.get(language, sentences["en"]).format(**values)


def order_details_request(language: str, example: str | None) -> str:
    """Ask for the order number and email; the example is made from the shop's own order-number format."""
    if example:
        return text("order_need_details", language, example=example)
    return text("order_need_details_plain", language)


SOURCE_LANGUAGE = "en"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _first_sentences(excerpt: str, count: int) -> str:
    # FAQ chunks read "Q: … A: …": the answer part is what the buyer needs.
    body = excerpt.split(" A: ", 1)[-1].removeprefix("A: ").strip().replace("\n", " ")
    sentences = [part.strip() for part in _SENTENCE.split(body) if part.strip()]
    return " ".join(sentences[:count])


def sources_answer(
    language: str, citations: list[Citation], *, excerpts: int = 3, facts: Sequence[str] = ()
) -> str:
    """The fallback answer: up to 3 short fact sentences in the buyer's language (from the fact layer, when it had
    something to say), then one localized sentence and the best sources' titles. The store's documents are in
    English: an English buyer without facts gets the best source's first sentences; other languages never get
    raw English text — they open the sources."""
    lines = [" ".join(facts[:3])] if facts else []
    if not facts and language == SOURCE_LANGUAGE and citations:
        lines.append(_first_sentences(citations[0].excerpt, 2))
    lines.append(text("sources_intro", language))
    lines += [f"- **{citation.title}**" for citation in citations[:excerpts]]
    return "\n".join(lines)
