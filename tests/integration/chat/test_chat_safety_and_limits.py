"""Card numbers masked, unchecked model text held back, infrastructure failures answered, paging and rate limits."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from gradio_client import Client

from app.services.chat import answer_fallback
from app.store.conversations import ConversationRepository
from tests.integration.chat.conftest import all_prompt_text

pytestmark = pytest.mark.integration

CARD = "4111 1111 1111 1111"
QUESTION = "¿El monitor OLED 4K es compatible con HDR?"
# True first sentence, invented price in the second: the buyer must never see "777".
LYING = "Sí, el monitor OLED 4K es compatible con HDR10. Hoy cuesta solo 777 euros. ¡Cómprelo ya!"
TRUE_ANSWER = "Sí, el monitor OLED 4K es una pantalla HDR10 real. Tiene colores muy vivos. ¡Es ideal para películas!"


def _sse(url: str, token: str, message: str) -> list[tuple[str, dict[str, Any]]]:
    events = []
    body = {"session_token": token, "message": message}
    with httpx.stream("POST", f"{url}/api/chat/stream", json=body, timeout=60) as response:
        assert response.status_code == 200
        name = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                events.append((name, json.loads(line.removeprefix("data: "))))
    return events


def test_a_card_number_is_masked_in_storage_in_the_prompt_and_in_the_inbox(chat_services, openai_fake) -> None:
    openai_fake.set_default("Sí, el monitor OLED 4K es compatible con HDR10.")
    services = chat_services()
    chat = services.buyer_chat
    token = chat.new_session()
    chat.reply(token, f"¿El monitor OLED 4K es compatible con HDR? Pagué con la tarjeta {CARD}.")
    chat.reply(token, "¿Y el monitor de 15,6 pulgadas también?")  # the first message is now prompt history

    buyer_texts = [m.text for m in chat.history(token) if m.role == "buyer"]
    assert "[card •••• 1111]" in buyer_texts[0] and "4111" not in buyer_texts[0].replace("•••• 1111", "")
    assert len(openai_fake.requests) >= 2
    for body in openai_fake.requests:
        prompt = all_prompt_text(body)
        assert CARD not in prompt and "4111111111111111" not in prompt and "4111 1111" not in prompt
    conversation, thread = services.chat_inbox.thread(chat.conversation(token).id)
    shown = " ".join(m.text + (m.translation or "") for m in thread)
    assert "[card •••• 1111]" in shown and CARD not in shown


def test_an_invented_price_in_the_second_sentence_never_reaches_the_sse_client(chat_services, openai_fake, run_app) -> None:
    openai_fake.enqueue(LYING)
    url = run_app(chat_services())
    token = httpx.post(f"{url}/api/chat/session").json()["session_token"]
    events = _sse(url, token, QUESTION)
    names = [name for name, _ in events]
    sent = [data["text"] for name, data in events if name == "delta"]
    assert all("777" not in text for text in sent), sent
    # The checked first sentence may stream; then the draft is withdrawn and replaced by the documents' text.
    assert sent[0] == "Sí, el monitor OLED 4K es compatible con HDR10."
    assert "reset" in names and names.index("reset") > names.index("delta")
    done = events[-1][1]
    assert names[-1] == "done" and "unsupported_number" in done["flags"] and "777" not in done["text"]
    assert done["text"].startswith(answer_fallback.text("sources_intro", "es"))


def test_an_invented_price_never_reaches_the_widget(chat_services, openai_fake, run_app) -> None:
    openai_fake.enqueue(LYING)
    url = run_app(chat_services())
    widget = Client(f"{url}/widget/", verbose=False, download_files=False)
    token, _ = widget.predict(None, api_name="/chat_start")
    job = widget.submit(QUESTION, token, api_name="/chat")
    job.result(timeout=60)
    outputs = job.outputs()
    widget.close()
    assert len(outputs) > 1  # the intermediate (streamed) states are all inspected
    assert all("777" not in json.dumps(output, ensure_ascii=False) for output in outputs)


def test_a_normal_answer_still_streams_in_several_checked_chunks(chat_services, openai_fake, run_app) -> None:
    openai_fake.set_default(TRUE_ANSWER)
    url = run_app(chat_services())
    token = httpx.post(f"{url}/api/chat/session").json()["session_token"]
    events = _sse(url, token, QUESTION)
    deltas = [data["text"] for name, data in events if name == "delta"]
    assert len(deltas) == 3 and "".join(deltas) == TRUE_ANSWER == events[-1][1]["text"]
    assert "reset" not in [name for name, _ in events]


def test_a_broken_knowledge_store_gets_the_templated_answer_over_http(chat_services, openai_fake, run_app) -> None:
    services = chat_services()
    url = run_app(services)
    token = httpx.post(f"{url}/api/chat/session").json()["session_token"]
    # The collection disappears underneath the running app (a wiped or corrupted store).
    services.knowledge._client.delete_collection(services.knowledge.collection_name)
    response = httpx.post(f"{url}/api/chat", json={"session_token": token, "message": QUESTION}, timeout=60)
    assert response.status_code == 200
    body = response.json()
    assert body["reply"] == answer_fallback.text("lookup_unavailable", "es")
    assert body["flags"] == ["retrieval_unavailable"] and openai_fake.requests == []
    stored = services.buyer_chat.history(token)
    assert [(m.role, m.text) for m in stored] == [("buyer", QUESTION), ("assistant", body["reply"])]
    # The stream answers the same, ending with "done", not an error event.
    events = _sse(url, token, "¿Tienen fundas para el monitor de 15,6 pulgadas?")
    assert events[-1][0] == "done" and events[-1][1]["text"] == answer_fallback.text("lookup_unavailable", "es")


def test_messages_after_an_id_are_found_beyond_the_first_page(chat_services, run_app) -> None:
    services = chat_services()
    url = run_app(services)
    token = httpx.post(f"{url}/api/chat/session").json()["session_token"]
    conversation = services.buyer_chat.conversation(token)
    repository = ConversationRepository(services.db)
    ids = [repository.add_message(conversation.id, "buyer", f"message {n}", "en").id for n in range(505)]
    response = httpx.get(f"{url}/api/chat/messages", params={"session_token": token, "after": ids[502]}, timeout=30)
    assert response.status_code == 200
    assert [m["text"] for m in response.json()["messages"]] == ["message 503", "message 504"]


def test_too_many_new_sessions_from_one_ip_get_a_clear_429(chat_services, run_app) -> None:
    url = run_app(chat_services(chat_sessions_per_minute=5))
    statuses = [httpx.post(f"{url}/api/chat/session").status_code for _ in range(5)]
    assert statuses == [200] * 5
    refused = httpx.post(f"{url}/api/chat/session")
    assert refused.status_code == 429 and "Too many new chats" in refused.json()["error"]
    assert "session_token" not in refused.json()
