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
