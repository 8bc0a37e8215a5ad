"""Intents routed before generation: refund requests are recorded, anger goes to a person, and the optional
model classification (JSON schema) only decides what the rules left open."""

from __future__ import annotations

import json

import pytest

from app.services.chat import answer_fallback

pytestmark = pytest.mark.integration


def test_a_refund_request_points_to_the_form_and_is_recorded_with_the_order(chat_services, openai_fake) -> None:
    services = chat_services()
    chat = services.buyer_chat
    token = chat.new_session()
    reply = chat.reply(token, "Quiero un reembolso del pedido PP-261114, no me gusta el color")
    assert reply.text == answer_fallback.text("refund_pointer", "es")
    assert [c.source for c in reply.citations] == ["policies/returns.md"]
    stored = chat.history(token)[-1]
    assert stored.meta["intent"] == "refund_request" and stored.meta["order_no"] == "PP-261114"
    conversation = chat.conversation(token)
    audit = services.audit.for_case("conversation", conversation.id)
    assert [(e.action, e.detail) for e in audit] == [("refund_request", {"order_no": "PP-261114"})]
    assert openai_fake.requests == []


def test_a_damaged_item_gets_the_reporting_window_with_the_order_number(chat_services, openai_fake) -> None:
    chat = chat_services().buyer_chat
    reply = chat.reply(chat.new_session(), "Quiero un reembolso del pedido PP-261114, llegó roto")
    assert "7 días" in reply.text and "PP-261114" in reply.text and "Return / refund" in reply.text
    assert reply.done is not None and reply.done.source == "facts" and openai_fake.requests == []


def test_anger_hands_off_with_an_apology(chat_services) -> None:
    services = chat_services()
    chat = services.buyer_chat
    token = chat.new_session()
    reply = chat.reply(token, "You are thieves, this shop is a scam")
    assert reply.handoff == "abuse" and reply.text.startswith(answer_fallback.text("sorry", "en"))
    assert chat.conversation(token).handoff_reason == "abuse"


def test_the_model_classifies_only_what_the_rules_leave_open(chat_services, openai_fake) -> None:
    services = chat_services(chat_intent_model=True)
    chat = services.buyer_chat
    token = chat.new_session()
    openai_fake.enqueue(json.dumps({"intent": "refund_request"}))
    reply = chat.reply(token, "The screen I got has a crack in the corner, what now?")
    assert reply.text == answer_fallback.text("refund_pointer", "en")
    assert "response_format" in openai_fake.requests[0]  # constrained to the JSON schema
    assert chat.history(token)[0].meta["rule"] == "model"
    # A rule match never asks the model.
    chat.reply(token, "I want to talk to a human")
    assert len(openai_fake.requests) == 1


def test_an_unusable_classification_falls_back_to_answering_the_question(chat_services, openai_fake) -> None:
    services = chat_services(chat_intent_model=True)
    openai_fake.enqueue("not json at all", "Yes, the 4K OLED monitor is a real HDR10 display.")
    reply = services.buyer_chat.reply(services.buyer_chat.new_session(), "Does the 4K OLED monitor support HDR?")
    assert reply.text == "Yes, the 4K OLED monitor is a real HDR10 display."
