"""The store-answer matcher with the real embedders: paraphrases in other languages find the stored question,
questions about something else find nothing (the calibration behind settings.store_answer_margin)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.store_answers import StoreAnswer
from app.services.chat.store_answer_match import StoreAnswerMatcher
from app.settings import Settings

NOW = datetime(2026, 12, 1, tzinfo=UTC)
STORED = ["Do you offer gift wrapping?", "Can I pick up my order at your warehouse?", "Where is my order?"]
PARAPHRASES = [
    ("¿Ofrecen envoltorio de regalo?", 0),
    ("Bietet ihr Geschenkverpackung an?", 0),
    ("Proposez-vous un emballage cadeau ?", 0),
    ("Posso ritirare l'ordine al vostro magazzino?", 1),
    ("Kan ik mijn bestelling ophalen bij jullie magazijn?", 1),
    ("¿Dónde está mi pedido?", 2),
]
UNRELATED = ["Do you accept PayPal?", "Can I return a gift?", "Wie viel kostet der Monitor?", "返品できますか？",
             "Can I change my delivery address?", "Is the keyboard wireless?"]


def _answers() -> list[StoreAnswer]:
    return [StoreAnswer(id=i, question=q, answer="-", language="en", created_by="m", created_at=NOW, updated_at=NOW)
            for i, q in enumerate(STORED)]


@pytest.fixture(params=["e5", "use"])
def matcher(request: pytest.FixtureRequest) -> StoreAnswerMatcher:
    embedder = request.getfixturevalue("e5_embedder" if request.param == "e5" else "use_embedder")
    return StoreAnswerMatcher(embedder, Settings().store_answer_margin)


def test_paraphrases_in_other_languages_find_their_stored_question(matcher: StoreAnswerMatcher) -> None:
    answers = _answers()
    found = {q: (m.answer.id if (m := matcher.best(q, answers)) else None) for q, _ in PARAPHRASES}
    assert found == {q: i for q, i in PARAPHRASES}


def test_questions_about_something_else_find_nothing(matcher: StoreAnswerMatcher) -> None:
    answers = _answers()
    assert {q: matcher.best(q, answers) for q in UNRELATED} == dict.fromkeys(UNRELATED)


def test_an_edited_question_is_matched_by_its_new_wording(matcher: StoreAnswerMatcher) -> None:
    answers = _answers()
    assert matcher.best("Bietet ihr Geschenkverpackung an?", answers) is not None
    edited = answers[0].model_copy(update={"question": "Do you sell extended warranties?", "updated_at": datetime.now(UTC)})
    assert matcher.best("Bietet ihr Geschenkverpackung an?", [edited, *answers[1:]]) is None


# -- named entities: similar sentences about different things ---------------------------------------------------

ENTITY_STORED = ["How long does shipping to Spain take?", "Does the PixelPort Arena fit in the carry sleeve?",
                 "Does model X work with the stand?", "Do you ship to Canada?", "Does the PP-140-2K support 60 Hz?"]
SAME_THINGS = [("¿Cuánto tarda el envío a España?", 0), ("Wie lange dauert der Versand nach Spanien?", 0),
               ("Passt der Arena in die Schutzhülle?", 1), ("Does model X work with the stand?", 2),
               ("Livrez-vous au Canada ?", 3), ("Unterstützt der PP-140-2K 60 Hz?", 4)]
OTHER_THINGS = ["How long does shipping to Brazil take?", "¿Cuánto tarda el envío a Brasil?",
                "Wie lange dauert der Versand nach Brasilien?", "ブラジルまでの配送にはどのくらいかかりますか？",
                "Does the PixelPort Lumen fit in the carry sleeve?", "Does model Y work with the stand?",
                "Do you ship to Mexico?", "¿Envían a México?", "Does the PP-156-FHD support 60 Hz?",
                "Does the PP-140-2K support 120 Hz?"]  # fmt: skip


def _entity_matcher(embedder: object, with_entities: bool) -> StoreAnswerMatcher:
    from pathlib import Path

    from app.services.chat.facts.catalog import CatalogSource
    from app.services.chat.store_answer_entities import EntityReader

    catalog = CatalogSource(Path(__file__).resolve().parents[3] / "knowledge" / "corpus")
    reader = EntityReader(catalog.current) if with_entities else None
    return StoreAnswerMatcher(embedder, Settings().store_answer_margin, reader)  # type: ignore[arg-type]


@pytest.fixture(params=["e5", "use"])
def embedder(request: pytest.FixtureRequest) -> object:
    return request.getfixturevalue("e5_embedder" if request.param == "e5" else "use_embedder")


def _entity_answers() -> list[StoreAnswer]:
    return [StoreAnswer(id=i, question=q, answer="-", language="en", created_by="m", created_at=NOW, updated_at=NOW)
            for i, q in enumerate(ENTITY_STORED)]


def _found(matcher: StoreAnswerMatcher, questions: list[str]) -> dict[str, int | None]:
    answers = _entity_answers()
    return {q: (m.answer.id if (m := matcher.best(q, answers)) else None) for q in questions}


def test_a_question_about_another_country_product_or_model_gets_no_store_answer(embedder: object) -> None:
    plain = _found(_entity_matcher(embedder, with_entities=False), OTHER_THINGS)
    # Why the check exists: the embedder alone hands several of them the answer about something else.
    assert sum(found is not None for found in plain.values()) >= 4, plain
    assert _found(_entity_matcher(embedder, with_entities=True), OTHER_THINGS) == dict.fromkeys(OTHER_THINGS)


def test_the_same_country_product_or_model_in_another_language_still_matches(embedder: object) -> None:
    found = _found(_entity_matcher(embedder, with_entities=True), [q for q, _ in SAME_THINGS])
    assert found == {q: i for q, i in SAME_THINGS}
