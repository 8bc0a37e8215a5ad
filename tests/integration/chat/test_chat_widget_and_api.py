"""The embeddable widget (gradio_client on /widget/) and the JSON/SSE API, served by the real app."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from app.wiring import build_services
from tests.integration.chat.conftest import content_text, fake_model

pytestmark = pytest.mark.integration

QUESTION = "¿El monitor OLED 4K es compatible con HDR?"
ANSWER = "Sí, el monitor OLED 4K es una pantalla HDR10 real."


def _sse(url: str, token: str, message: str) -> list[tuple[str, dict[str, Any]]]:
    events = []
    with httpx.stream("POST", f"{url}/api/chat/stream", json={"session_token": token, "message": message}, timeout=60) as response:
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
        name = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                events.append((name, json.loads(line.removeprefix("data: "))))
    return events


def test_widget_chat_streams_an_answer_with_its_sources_and_restores_the_session(chat_services, openai_fake, run_app) -> None:
    openai_fake.set_default(ANSWER)
    url = run_app(chat_services())
    widget = Client(f"{url}/widget/", verbose=False)
    token, start_chat = widget.predict(None, api_name="/chat_start")
    assert token and start_chat["value"] == []

    _box, chat_value, _token = widget.predict(QUESTION, token, api_name="/chat")
    messages = chat_value["value"]
    assert content_text(messages[0]) == QUESTION and content_text(messages[1]) == ANSWER
    assert messages[2]["metadata"]["title"].startswith("📄 Sources") and "PP-156-4K-OLED" in content_text(messages[2])

    # A reload (new client, same browser token) shows the stored conversation.
    again_token, again = Client(f"{url}/widget/", verbose=False).predict(token, api_name="/chat_start")
    assert again_token == token and [content_text(m) for m in again["value"][:2]] == [QUESTION, ANSWER]


def test_widget_refuses_empty_and_oversized_messages_with_a_clear_message(chat_services, run_app) -> None:
    url = run_app(chat_services(max_message_chars=100))
    widget = Client(f"{url}/widget/", verbose=False)
    token, _ = widget.predict(None, api_name="/chat_start")
    with pytest.raises(AppError, match="Please type a message"):
        widget.predict("   ", token, api_name="/chat")
    with pytest.raises(AppError, match="too long \\(130 characters\\)"):
        widget.predict("x" * 130, token, api_name="/chat")


def test_arabic_is_flagged_right_to_left(chat_services, openai_fake, run_app) -> None:
    openai_fake.set_default("نعم، شاشة OLED بدقة 4K هي شاشة HDR10 حقيقية.")
    url = run_app(chat_services())
    widget = Client(f"{url}/widget/", verbose=False)
    token, _ = widget.predict(None, api_name="/chat_start")
    _box, chat_value, _token = widget.predict("هل تدعم شاشة OLED بدقة 4K تقنية HDR؟", token, api_name="/chat")
    assert chat_value["rtl"] is True
    reply = httpx.post(f"{url}/api/chat", json={"session_token": token, "message": "هل الشاحن مشمول مع الشاشة؟"}, timeout=60)
    assert reply.json()["rtl"] is True


def test_sse_stream_sends_language_citations_deltas_and_done(chat_services, openai_fake, run_app) -> None:
    # Deltas are released a checked sentence at a time: a reply of several sentences streams in several.
    answer = f"{ANSWER} Tiene colores muy vivos. También es ligero. ¡Es ideal para viajar!"
    openai_fake.set_default(answer)
    url = run_app(chat_services())
    token = httpx.post(f"{url}/api/chat/session").json()["session_token"]
    events = _sse(url, token, QUESTION)
    names = [name for name, _ in events]
    assert names[:2] == ["language", "citations"] and names[-1] == "done" and names.count("delta") >= 4
    assert "".join(data["text"] for name, data in events if name == "delta") == answer == events[-1][1]["text"]
    assert events[0][1] == {"type": "language", "language": "es", "rtl": False}


def test_api_errors_are_clear_and_4xx(chat_services, run_app) -> None:
    url = run_app(chat_services(max_message_chars=50))
    token = httpx.post(f"{url}/api/chat/session").json()["session_token"]
    empty = httpx.post(f"{url}/api/chat/stream", json={"session_token": token, "message": ""})
    assert empty.status_code == 400 and empty.json() == {"error": "Please type a message."}
    long = httpx.post(f"{url}/api/chat", json={"session_token": token, "message": "y" * 60})
    assert long.status_code == 400 and "60 characters" in long.json()["error"]
    spanish = "¿Cuánto tarda el envío a España? " * 3
    in_spanish = httpx.post(f"{url}/api/chat", json={"session_token": token, "message": spanish})
    assert in_spanish.status_code == 400 and "demasiado largo" in in_spanish.json()["error"]
    unknown = httpx.post(f"{url}/api/chat", json={"session_token": "made-up", "message": "hi"})
    assert unknown.status_code == 404


def test_concurrent_messages_of_many_buyers_and_one_buyer_all_complete_and_are_stored(chat_services, openai_fake, run_app) -> None:
    openai_fake.set_default(ANSWER)
    services = chat_services()
    url = run_app(services)
    tokens = [httpx.post(f"{url}/api/chat/session").json()["session_token"] for _ in range(8)]
    jobs = [*tokens, tokens[0], tokens[0], tokens[0]]  # one buyer also types again while answers stream
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        results = list(pool.map(lambda token: _sse(url, token, QUESTION), jobs))
    assert all(events[-1][0] == "done" and events[-1][1]["text"] == ANSWER for events in results)
    assert len(services.buyer_chat.history(tokens[0])) == 8  # 4 questions + 4 answers, none lost
    assert len({events[-1][1]["message_id"] for events in results}) == len(jobs)


def test_conversation_survives_a_restart(chat_services, openai_fake, use_embedder) -> None:
    openai_fake.set_default(ANSWER)
    services = chat_services()
    token = services.buyer_chat.new_session()
    services.buyer_chat.reply(token, QUESTION)
    before = services.buyer_chat.history(token)
    services.close()
    restarted = build_services(services.settings, chat_model=fake_model(openai_fake), embedder=use_embedder, start_models=False)
    try:
        after = restarted.buyer_chat.history(token)
        assert [(m.role, m.text, m.citations) for m in after] == [(m.role, m.text, m.citations) for m in before]
        assert restarted.buyer_chat.browser_state_secret() == services.buyer_chat.browser_state_secret()
    finally:
        restarted.close()
