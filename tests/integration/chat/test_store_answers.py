"""Store answers and reply ratings over real SQLite, the real embedder and the buyer chat; the chat model is the
FakeOpenAIServer (real protocol) where a translation is needed."""

from __future__ import annotations

from typing import Any

import pytest

from app.errors import InvalidInputError, NotFoundError
from tests.integration.chat.conftest import fake_model

pytestmark = pytest.mark.integration

QUESTION = "Do you offer gift wrapping?"
ANSWER = "Yes: gift wrapping costs 4 EUR per item. Choose it at checkout."
ANSWER_ES = "Sí: el envoltorio de regalo cuesta 4 EUR por artículo. Elíjalo al pagar."
ANSWER_ES_WRONG_NUMBER = "Sí: el envoltorio de regalo cuesta 6 EUR por artículo. Elíjalo al pagar."


def _translator(spanish: str):  # type: ignore[no-untyped-def]
    def reply(body: dict[str, Any]) -> str:
        system = body["messages"][0]["content"]
        return spanish if "You translate" in system and "to Spanish" in system else "ok"

    return reply


def test_store_answers_are_created_edited_deleted_and_audited(make_services) -> None:
    services = make_services()
    answers = services.store_answers
    saved = answers.save(QUESTION, "Yes, 4 EUR per item.", merchant="anna")
    assert saved.language == "en" and [a.question for a in answers.list()] == [QUESTION]

    edited = answers.save("Geschenkverpackung?", "Ja, 4 EUR pro Artikel.", merchant="ben", answer_id=saved.id,
                          language="de")
    assert (edited.question, edited.answer, edited.language) == ("Geschenkverpackung?", "Ja, 4 EUR pro Artikel.", "de")
    assert answers.get(saved.id).answer == "Ja, 4 EUR pro Artikel."

    answers.delete(saved.id, merchant="anna")
    assert answers.list() == []
    with pytest.raises(NotFoundError):
        answers.get(saved.id)

    trail = services.audit.for_case("store_answer", str(saved.id))
    assert [(e.actor, e.action) for e in trail] == [
        ("anna", "store_answer_created"), ("ben", "store_answer_updated"), ("anna", "store_answer_deleted")]
    assert trail[1].detail["before"] == {"question": QUESTION, "answer": "Yes, 4 EUR per item."}


def test_an_empty_or_overlong_store_answer_is_refused_with_the_field_named(make_services) -> None:
    answers = make_services().store_answers
    with pytest.raises(InvalidInputError, match="question is empty"):
        answers.save("  ", ANSWER, merchant="anna")
    with pytest.raises(InvalidInputError, match="answer is 4001 characters"):
        answers.save(QUESTION, "x" * 4001, merchant="anna")
    assert answers.list() == []


def test_a_paraphrase_in_spanish_gets_the_store_answer_in_spanish(make_services, openai_fake) -> None:
    openai_fake.set_default(_translator(ANSWER_ES))
    services = make_services(chat_model=fake_model(openai_fake))
    services.store_answers.save(QUESTION, ANSWER, merchant="anna")
    chat = services.buyer_chat
    reply = chat.reply(chat.new_session(), "¿Ofrecen envoltorio de regalo?")
    assert reply.done is not None and reply.done.source == "store_answer"
    assert reply.language == "es" and reply.text == ANSWER_ES
    assert [(c.title, c.excerpt) for c in reply.citations] == [("Store answer", QUESTION)]
    # Only the translation went to the model: the store answer is the merchant's, not generated.
    assert len(openai_fake.requests) == 1 and "You translate" in openai_fake.requests[0]["messages"][0]["content"]


def test_a_translation_that_changes_a_number_gives_the_original_labelled(make_services, openai_fake) -> None:
    openai_fake.set_default(_translator(ANSWER_ES_WRONG_NUMBER))
    services = make_services(chat_model=fake_model(openai_fake))
    services.store_answers.save(QUESTION, ANSWER, merchant="anna")
    chat = services.buyer_chat
    reply = chat.reply(chat.new_session(), "¿Ofrecen envoltorio de regalo?")
    assert reply.done is not None and reply.done.source == "store_answer"
    assert "6 EUR" not in reply.text and ANSWER in reply.text
    assert reply.text.startswith("Respuesta de nuestra tienda (en inglés):")
    assert "store_answer_untranslated" in reply.done.flags


def test_without_a_model_a_german_buyer_gets_the_original_with_its_language_named(make_services) -> None:
    services = make_services()
    services.store_answers.save(QUESTION, ANSWER, merchant="anna")
    chat = services.buyer_chat
    reply = chat.reply(chat.new_session(), "Bietet ihr Geschenkverpackung an?")
    assert reply.done is not None and reply.done.source == "store_answer"
    assert reply.text == f"Antwort unseres Shops (auf Englisch):\n\n{ANSWER}"


def test_an_unrelated_question_does_not_get_the_store_answer(make_services) -> None:
    services = make_services()
    services.store_answers.save(QUESTION, ANSWER, merchant="anna")
    chat = services.buyer_chat
    reply = chat.reply(chat.new_session(), "Do you accept PayPal?")
    assert reply.done is not None and reply.done.source != "store_answer"
    assert ANSWER not in reply.text


def test_a_reply_marked_bad_is_stored_and_becomes_a_store_answer_draft(make_services) -> None:
    services = make_services()
    chat = services.buyer_chat
    token = chat.new_session()
    reply = chat.reply(token, "Do you offer gift wrapping?")
    assert reply.done is not None
    feedback = services.reply_feedback
    rated = feedback.rate(reply.done.message_id, "bad", merchant="anna")
    assert rated.meta["feedback"]["rating"] == "bad" and rated.meta["feedback"]["by"] == "anna"
    conversation, messages = feedback.thread(reply.done.conversation_id)
    assert messages[-1].meta["feedback"]["rating"] == "bad"  # stored, not only returned
    trail = [e for e in services.audit.for_case("conversation", conversation.id) if e.action == "reply_rated"]
    assert [(e.actor, e.detail["rating"], e.detail["message_id"]) for e in trail] == [("anna", "bad", reply.done.message_id)]

    draft = feedback.draft(reply.done.message_id)
    assert draft.question == "Do you offer gift wrapping?" and draft.bad_reply == reply.text
    buyer_message = messages[0]
    with pytest.raises(InvalidInputError, match="not an assistant reply"):
        feedback.rate(buyer_message.id, "good", merchant="anna")
    assert conversation.id in [c.id for c in feedback.recent()]


def test_an_order_worded_question_without_an_order_number_gets_the_store_answer(make_services) -> None:
    services = make_services()
    services.store_answers.save("Can I pick up my order at your warehouse?",
                                "Yes, pick-up is free at our warehouse, Monday to Friday from 9 to 17.", merchant="anna")
    chat = services.buyer_chat
    picked = chat.reply(chat.new_session(), "Can I collect my order from your warehouse myself?")
    assert picked.done is not None and picked.done.intent == "order_status" and picked.done.source == "store_answer"
    assert picked.text.startswith("Yes, pick-up is free")
    # Asking where an order is still starts the order lookup.
    where = chat.reply(chat.new_session(), "Where is my order?")
    assert where.done is not None and where.done.source == "template" and "pick-up" not in where.text
