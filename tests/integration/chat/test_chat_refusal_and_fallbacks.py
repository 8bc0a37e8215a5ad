"""Refusal before any model call, checks that replace bad drafts, and answers without a (working) model."""

from __future__ import annotations

import pytest

from app.services.chat import answer_fallback
from models.errors import ModelUnavailableError  # noqa: F401  (documents what "down" raises inside)
from tests.integration.chat.conftest import all_prompt_text
from tests.support.openai_fake import Reply

pytestmark = pytest.mark.integration

NOT_SOLD = {
    "en": "Do you sell refrigerators?",
    "ko": "냉장고 파나요?",
    "es": "¿Venden zapatillas de deporte Nike?",
    "ar": "هل تبيعون الثلاجات؟",
}


@pytest.mark.parametrize("language", sorted(NOT_SOLD))
def test_a_product_the_store_does_not_sell_gets_dont_know_without_calling_the_model(chat_services, openai_fake, language) -> None:
    services = chat_services()
    chat = services.buyer_chat
    token = chat.new_session()
    reply = chat.reply(token, NOT_SOLD[language])
    assert reply.text == answer_fallback.text("dont_know", language)
    assert reply.citations == []
    assert openai_fake.requests == []  # nothing was invented: the model was never asked
    assert [m.role for m in chat.history(token)] == ["buyer", "assistant"]  # both stored


def test_two_unanswerable_questions_in_a_row_hand_the_chat_to_a_human(chat_services, openai_fake) -> None:
    services = chat_services()
    chat = services.buyer_chat
    token = chat.new_session()
    assert chat.reply(token, "Do you sell refrigerators?").handoff is None
    second = chat.reply(token, "Do you sell electric bicycles?")
    assert second.handoff == "low_confidence"
    assert "a person will reply here" in second.text
    assert chat.conversation(token).status == "handoff"
    assert [item.conversation.id for item in services.chat_inbox.open_items()] == [chat.conversation(token).id]
    assert openai_fake.requests == []


def test_a_reply_with_an_invented_price_is_replaced_by_what_the_documents_say(chat_services, openai_fake) -> None:
    services = chat_services()
    chat = services.buyer_chat
    token = chat.new_session()
    openai_fake.enqueue("The padded sleeve costs $9.99 and arrives in 2 days!")
    reply = chat.reply(token, "Is the padded sleeve for 15.6 inch monitors worth it?")
    assert reply.done is not None and "unsupported_number" in reply.done.flags
    assert answer_fallback.text("sources_intro", "en") in reply.text  # after the facts the data can state
    assert "9.99" not in reply.text and "PP-CASE-156" in {c.product_id for c in reply.citations}
    stored = chat.history(token)[-1]
    assert stored.text == reply.text and stored.meta["flags"] == ["unsupported_number"]


def test_a_true_price_from_the_sources_passes(chat_services, openai_fake) -> None:
    services = chat_services()
    openai_fake.enqueue("The padded sleeve costs 18.00 USD.")
    # A price *question* is answered by the fact layer; here the model mentions the price on its own.
    reply = services.buyer_chat.reply(services.buyer_chat.new_session(), "Is the padded sleeve for 15.6 inch monitors worth it?")
    assert reply.text == "The padded sleeve costs 18.00 USD." and reply.done and reply.done.source == "model"


def test_wrong_language_is_retried_once_with_a_stronger_instruction(chat_services, openai_fake) -> None:
    services = chat_services()
    openai_fake.enqueue(
        "Yes, the 4K OLED monitor is a real HDR display, and it looks great with movies and games on the go.",
        "Sí, el monitor OLED 4K es una pantalla HDR real.",
    )
    reply = services.buyer_chat.reply(services.buyer_chat.new_session(), "¿El monitor OLED 4K es compatible con HDR?")
    assert reply.text == "Sí, el monitor OLED 4K es una pantalla HDR real."
    assert reply.done and reply.done.flags == ["wrong_language"]
    assert "IMPORTANT" in openai_fake.requests[1]["messages"][0]["content"]


def test_wrong_language_twice_falls_back_to_the_template_in_the_buyer_language(chat_services, openai_fake) -> None:
    services = chat_services()
    english = "Yes, the 4K OLED monitor is a real HDR display, and it looks great with movies and games on the go."
    openai_fake.enqueue(english, english)
    reply = services.buyer_chat.reply(services.buyer_chat.new_session(), "4K OLED 모니터는 HDR을 지원하나요?")
    assert reply.text.startswith(answer_fallback.text("sources_intro", "ko"))
    assert reply.done and reply.done.flags == ["wrong_language", "wrong_language"] and reply.citations
    assert len(openai_fake.requests) == 2


def test_model_down_answers_with_sources_and_keeps_the_message(chat_services, openai_fake) -> None:
    services = chat_services()
    openai_fake.set_fault("down")
    chat = services.buyer_chat
    token = chat.new_session()
    reply = chat.reply(token, "¿El monitor OLED 4K es compatible con HDR?")
    assert reply.text.startswith(answer_fallback.text("sources_intro", "es")) and reply.citations
    assert reply.done and reply.done.flags == ["model_error:ModelUnavailableError"]
    assert [m.role for m in chat.history(token)] == ["buyer", "assistant"]


def test_a_stream_dropped_mid_answer_is_reset_and_replaced(chat_services, openai_fake) -> None:
    services = chat_services()
    # Dropped in the second sentence: the first (checked) one was shown, so the buyer is told to discard it.
    openai_fake.enqueue(Reply(text="Yes, it supports HDR10. It also has much more to offer.", drop_after_chunks=6))
    events = list(services.buyer_chat.stream_reply(services.buyer_chat.new_session(), "Does the 4K OLED monitor support HDR?"))
    kinds = [e.type for e in events]
    assert kinds.index("reset") > kinds.index("delta")
    assert events[-1].type == "done" and answer_fallback.text("sources_intro", "en") in events[-1].text


def test_a_stream_dropped_in_the_first_sentence_shows_nothing_unchecked(chat_services, openai_fake) -> None:
    services = chat_services()
    openai_fake.enqueue(Reply(text="Yes it supports HDR10 and much more", drop_after_chunks=2))
    events = list(services.buyer_chat.stream_reply(services.buyer_chat.new_session(), "Does the 4K OLED monitor support HDR?"))
    deltas = [e.text for e in events if e.type == "delta"]
    assert "reset" not in [e.type for e in events]  # nothing of the draft was shown, so nothing to withdraw
    assert deltas == [events[-1].text] and answer_fallback.text("sources_intro", "en") in events[-1].text


def test_no_model_configured_still_answers_with_sources(make_services) -> None:
    services = make_services(chat_model=None)
    # A question the fact layer does not answer (payment methods now come from the FAQ by code).
    reply = services.buyer_chat.reply(services.buyer_chat.new_session(), "L’écran clignote, que faire ?")
    assert reply.text.startswith(answer_fallback.text("sources_intro", "fr"))
    assert reply.done and reply.done.flags == ["no_model"] and reply.citations


def test_empty_and_oversized_messages_get_a_clear_message_in_the_buyer_language(chat_services) -> None:
    from app.errors import InvalidInputError

    services = chat_services(max_message_chars=200)
    chat = services.buyer_chat
    token = chat.new_session()
    with pytest.raises(InvalidInputError, match="Please type a message"):
        chat.reply(token, "   ")
    with pytest.raises(InvalidInputError, match="demasiado largo") as too_long:
        chat.reply(token, "¿El monitor funciona con la Nintendo Switch? " * 10)
    assert "200" in too_long.value.user_message
    assert chat.history(token) == []  # nothing half-stored


def test_the_prompt_never_contains_the_previous_drafts_numbers(chat_services, openai_fake) -> None:
    # The model sees the conversation as stored (the replaced draft never is), so a lie cannot echo later.
    services = chat_services()
    chat = services.buyer_chat
    token = chat.new_session()
    openai_fake.enqueue("The sleeve costs $9.99.", "ok")
    chat.reply(token, "Is the padded sleeve for 15.6 inch monitors worth it?")
    chat.reply(token, "Does the sleeve fit the PP-156-FHD monitor?")
    assert "9.99" not in all_prompt_text(openai_fake.requests[1])
