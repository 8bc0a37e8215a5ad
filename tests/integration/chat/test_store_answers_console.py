"""The console over loopback (gradio_client, logged in): the merchant opens a conversation, marks the assistant's
reply bad, writes a store answer from it in one click, and the next buyer asking in German gets it; deleting it
takes it away again."""

from __future__ import annotations

import pytest
from gradio_client import Client

from tests.integration.chat.conftest import content_text
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.integration

ANSWER = "Yes: gift wrapping costs 4 EUR per item. Choose it at checkout."


def test_bad_reply_to_store_answer_to_buyer_and_back(make_services, run_app) -> None:
    services = make_services()
    chat = services.buyer_chat
    first = chat.reply(chat.new_session(), "Do you offer gift wrapping?")
    assert first.done is not None and first.done.source != "store_answer"
    conversation_id, reply_id = first.done.conversation_id, first.done.message_id

    console = Client(run_app(services), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    table, _picker = console.predict(api_name="/conversations_list")
    assert conversation_id in [row[0] for row in table["data"]]
    thread, _replies = console.predict(conversation_id, api_name="/conversations_open")
    assert content_text(thread[0]) == "Do you offer gift wrapping?"

    _picker, status = console.predict(reply_id, api_name="/conversations_reply_bad")
    assert status == f"Reply #{reply_id} marked bad."
    _conversation, messages = services.reply_feedback.thread(conversation_id)
    assert messages[-1].meta["feedback"]["rating"] == "bad"
    thread, _replies = console.predict(conversation_id, api_name="/conversations_open")
    assert "marked bad" in content_text(thread[-1])

    answer_id, from_message, question, answer, _note = console.predict(
        reply_id, api_name="/conversations_store_answer_draft")
    assert (answer_id, from_message, question, answer) == (None, reply_id, "Do you offer gift wrapping?", "")
    saved_id, status = console.predict(None, from_message, question, ANSWER, api_name="/conversations_store_answer_save")
    assert status.startswith(f"Saved store answer #{saved_id}")
    stored = services.store_answers.get(int(saved_id))
    assert (stored.answer, stored.from_message_id, stored.created_by) == (ANSWER, reply_id, MERCHANT_USER)

    german = chat.reply(chat.new_session(), "Bietet ihr Geschenkverpackung an?")
    assert german.done is not None and german.done.source == "store_answer"
    assert german.text == f"Antwort unseres Shops (auf Englisch):\n\n{ANSWER}"

    console.predict(saved_id, api_name="/store_answer_delete")
    assert services.store_answers.list() == []
    again = chat.reply(chat.new_session(), "Bietet ihr Geschenkverpackung an?")
    assert again.done is not None and again.done.source != "store_answer"
    actions = [e.action for e in services.audit.for_case("store_answer", str(saved_id))]
    assert actions == ["store_answer_created", "store_answer_deleted"]
