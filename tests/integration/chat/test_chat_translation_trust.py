"""Inbox translations a merchant and a buyer can trust: with the model behind a scripted OpenAI-protocol server
returning the wrong translations seen in the issue, the merchant sees the buyer's original flagged with the
reason, and a reply whose translation fails is not sent until the merchant confirms sending the original."""

from __future__ import annotations

from typing import Any

import pytest

from app.services.chat.handoff import UntranslatedReplyError

pytestmark = pytest.mark.integration

BUYER_KO = "상담원 연결해 주세요. 모니터가 파손된 채로 도착했어요. 환불은 언제 되나요? 주문 PP-261114."
BUYER_PT = "Quero falar com um atendente, por favor. O monitor chegou quebrado."
REPLY_EN = "We refunded 45.00 USD to your card; it can take 5 business days to appear."
GOOD_PT = "Reembolsamos 45,00 USD no seu cartão; pode levar 5 dias úteis para aparecer."


def scripted(to_english: str, to_portuguese: str):  # noqa: ANN201 - a FakeOpenAIServer reply function
    def reply(body: dict[str, Any]) -> str:
        system = body["messages"][0]["content"]
        if "to English" in system:
            return to_english
        if "to Portuguese" in system:
            return to_portuguese
        return "ok"

    return reply


def _handed_off(services, text: str) -> str:  # noqa: ANN001
    chat = services.buyer_chat
    token = chat.new_session()
    assert chat.reply(token, text).handoff == "buyer_request"
    return chat.conversation(token).id


def test_a_wrong_translation_of_the_buyer_is_never_shown_as_machine(chat_services, openai_fake) -> None:
    # Keeps the order number, so only the meaning check can tell (the Korean example).
    wrong = "The payment for this order was not yet due, so please wait for the invoice. Order PP-261114."
    openai_fake.set_default(scripted(wrong, GOOD_PT))
    services = chat_services()
    conversation_id = _handed_off(services, BUYER_KO)

    _conversation, messages = services.chat_inbox.thread(conversation_id)
    buyer = messages[0]
    assert buyer.meta["translation_status"] == "untranslated" and buyer.translation == BUYER_KO
    # "The payment was not yet due" adds a negation the buyer never wrote: rejected before the meaning check runs.
    assert [p.split(":")[0] for p in buyer.meta["translation_problems"]] == ["negation"]


def test_a_faithful_translation_of_the_buyer_is_shown(chat_services, openai_fake) -> None:
    faithful = "Please connect me to an agent. My monitor arrived broken. When will I get my refund? Order PP-261114."
    openai_fake.set_default(scripted(faithful, GOOD_PT))
    services = chat_services()
    conversation_id = _handed_off(services, BUYER_KO)
    buyer = services.chat_inbox.thread(conversation_id)[1][0]
    assert buyer.meta["translation_status"] == "machine" and buyer.translation == faithful


def test_a_merchant_reply_translated_as_do_not_reply_is_held_until_confirmed(chat_services, openai_fake) -> None:
    openai_fake.set_default(scripted("I want to talk to an agent, please. The monitor arrived broken.", "Não responder."))
    services = chat_services()
    conversation_id = _handed_off(services, BUYER_PT)
    inbox = services.chat_inbox

    with pytest.raises(UntranslatedReplyError) as refused:
        inbox.reply(conversation_id, REPLY_EN)
    assert "Nothing was sent" in refused.value.user_message and refused.value.problems
    assert [m for m in inbox.thread(conversation_id)[1] if m.role == "merchant"] == []

    sent = inbox.reply(conversation_id, REPLY_EN, send_untranslated=True)
    assert sent.meta["translation_status"] == "untranslated" and sent.translation is None
    assert sent.buyer_text == REPLY_EN  # the buyer reads the original, flagged, never "Não responder."


def test_a_faithful_merchant_reply_goes_out_translated(chat_services, openai_fake) -> None:
    openai_fake.set_default(scripted("I want to talk to an agent, please. The monitor arrived broken.", GOOD_PT))
    services = chat_services()
    conversation_id = _handed_off(services, BUYER_PT)
    sent = services.chat_inbox.reply(conversation_id, REPLY_EN)
    assert sent.meta["translation_status"] == "machine" and sent.buyer_text == GOOD_PT
