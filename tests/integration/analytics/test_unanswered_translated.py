"""Top unanswered questions in the merchant's language: grouped across languages, translated through the chat's
checked Translator (the model behind a scripted OpenAI-protocol server), the original shown with the reason when
a translation fails its check, and trusted translations not asked for again on the next refresh."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.services.analytics.service import AnalyticsConfig, AnalyticsService
from app.services.analytics.tables import DateRange
from app.services.chat.translation import Translator
from app.services.chat.translation_check import TranslationChecker
from app.services.language import LanguageIdentifier
from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.db import Database
from app.store.tables import ConversationRow, MessageRow
from tests.integration.chat.conftest import fake_model
from tests.support.openai_fake import FakeOpenAIServer

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"
WEEK = DateRange(date(2026, 3, 1), date(2026, 3, 7))
ASKED = [  # (language, question): two meanings, asked in several languages, none in German
    ("es", "¿Venden monitores 8K?"), ("es", "¿Venden monitores 8K?"), ("en", "Do you sell 8K monitors?"),
    ("ja", "32インチのモデルはありますか？"), ("ja", "32インチのモデルはありますか？"),
    ("ko", "32인치 모델이 있나요?"),
]  # fmt: skip
GERMAN = {"¿Venden monitores 8K?": "Verkaufen Sie 8K Monitore?",
          # A wrong translation (27 for 32): the number check must catch it.
          "32インチのモデルはありますか？": "Haben Sie auch ein Modell mit 27 Zoll?"}  # fmt: skip


def _translations(body: dict[str, Any]) -> str:
    user = str(body["messages"][-1]["content"])
    return next((german for original, german in GERMAN.items() if original in user), "?")


@pytest.fixture
def db(tmp_path: Path) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'shop.db'}")
    db.create_schema()
    with db.session() as session:
        for i, (language, text) in enumerate(ASKED):
            when = datetime(2026, 3, 2, 10, i, tzinfo=UTC)
            session.add(ConversationRow(id=f"c{i}", session_token=f"c{i}", language=language, created_at=when,
                                        updated_at=when))  # fmt: skip
            session.flush()
            buyer = MessageRow(conversation_id=f"c{i}", role="buyer", text=text, language=language, created_at=when)
            session.add(buyer)
            session.flush()
            session.add(MessageRow(conversation_id=f"c{i}", role="assistant", text="…", language=language,
                                   created_at=when, meta={"reply_to": buyer.id, "refused": True}))  # fmt: skip
    return db


def _service(db: Database, embedder: Any, fake: FakeOpenAIServer | None, merchant_language: str) -> AnalyticsService:
    translator = Translator(fake_model(fake) if fake else None, LanguageIdentifier(), checker=TranslationChecker(None))
    config = AnalyticsConfig(resolution_window_days=30, question_similarity=0.7, top_questions=10,
                             chargeback_urgent_days=3)  # fmt: skip
    return AnalyticsService(db, embedder, ShippingCostTable.from_corpus(CORPUS), config,
                            merchant_language=lambda: merchant_language, translate=translator.translate)  # fmt: skip


def test_groups_are_shown_in_the_merchant_language_or_as_asked_with_the_reason(
    db: Database, use_embedder: Any, openai_fake: FakeOpenAIServer
) -> None:
    openai_fake.set_default(_translations)
    analytics = _service(db, use_embedder, openai_fake, "de")
    rows = analytics.unanswered(WEEK).as_dicts()
    assert [(r["times_asked"], r["languages"]) for r in rows] == [(3, "ja, ko"), (3, "en, es")]
    inch, eight_k = rows
    assert (eight_k["question"], eight_k["shown_in"]) == ("Verkaufen Sie 8K Monitore?", "de")
    assert eight_k["original"] == "¿Venden monitores 8K?" and eight_k["translation"] == "machine translation"
    # The wrong translation is never shown: the buyers' own words are, with why.
    assert (inch["question"], inch["shown_in"]) == ("32インチのモデルはありますか？", "ja")
    assert inch["translation"].startswith("not translated (") and "number: 32" in inch["translation"]

    asked = len(openai_fake.requests)
    analytics.unanswered(WEEK)
    assert len(openai_fake.requests) == asked + 1, "the trusted translation is reused; only the failed one is retried"


def test_a_question_asked_in_the_merchant_language_needs_no_model(db: Database, use_embedder: Any) -> None:
    rows = _service(db, use_embedder, None, "en").unanswered(WEEK).as_dicts()
    by_times = {r["languages"]: r for r in rows}
    assert by_times["en, es"]["question"] == "Do you sell 8K monitors?"
    assert by_times["en, es"]["translation"] == "asked" and by_times["en, es"]["original"] == "¿Venden monitores 8K?"
    assert by_times["ja, ko"]["question"] == "32インチのモデルはありますか？"
    assert by_times["ja, ko"]["translation"] == "not translated (no translation model configured)"
