"""Templated sentences exist in every supported language and say what the buyer can do next."""

from __future__ import annotations

import string

import pytest

from app.services.chat import answer_fallback, intents
from app.services.chat.prompts import REPLY_IN
from app.services.language import SUPPORTED_LANGUAGES

pytestmark = pytest.mark.unit


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(answer_fallback.TEMPLATES))
def test_every_sentence_exists_in_all_14_languages_with_the_same_placeholders(key: str) -> None:
    sentences = answer_fallback.TEMPLATES[key]
    assert set(sentences) == set(SUPPORTED_LANGUAGES)
    english_fields = _fields(sentences["en"])
    assert {lang: _fields(s) for lang, s in sentences.items() if _fields(s) != english_fields} == {}


def test_reply_language_instruction_exists_in_all_14_languages() -> None:
    assert set(REPLY_IN) == set(SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("key", ["dont_know", "lookup_unavailable"])
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_dont_know_names_a_word_that_really_reaches_a_human(language: str, key: str) -> None:
    # The refusal tells the buyer what to write; writing exactly that must hand the chat to a person.
    sentence = answer_fallback.text(key, language)
    quoted = [part for part in sentence.replace("“", "|").replace("”", "|").replace("«", "|").replace("»", "|")
              .replace("„", "|").replace("「", "|").replace("」", "|").replace('"', "|").split("|")[1::2]]
    assert quoted, sentence
    assert intents.classify(quoted[-1].strip()).intent == "human", (language, quoted[-1])


def test_unknown_language_falls_back_to_english_and_fills_values() -> None:
    assert answer_fallback.text("order_header", "xx", order_no="PP-1", status="x") == "Order PP-1: x."
