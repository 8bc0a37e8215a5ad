"""Lockouts, limits, tokens, malformed requests and dropped streams, attacked over loopback."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest
from gradio_client import Client

from app.store.base import utcnow
from tests.security.conftest import Target
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER
from tests.support.openai_fake import FakeOpenAIServer, Reply

pytestmark = pytest.mark.security

QUESTION = "Does the 15.6 inch monitor have a USB-C port?"


def _login(url: str, password: str, forwarded_for: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return httpx.post(f"{url}/login", data={"username": MERCHANT_USER, "password": password}, headers=headers, timeout=30)


def test_login_page_reveals_no_api_description_or_settings(launch: Callable[..., Target]) -> None:
    target = launch()
    page = httpx.get(f"{target.url}/", timeout=30)
    assert page.status_code == 200 and "auth_required" in page.text
    for leak in ("max_auto_offer", "counter_max_extra_pct", "named_endpoints", "refund_policy", "knowledge_search"):
        assert leak not in page.text, leak
    # Signed in, the merchant gets the console and its API description (so the check above can fail).
    merchant = target.merchant()
    assert "max_auto_offer" in merchant.get("/gradio_api/info").text
    assert merchant.get("/").status_code == 200
    merchant.close()


def test_strangers_cannot_lock_the_merchant_out_and_get_429_with_retry_after(launch: Callable[..., Target]) -> None:
    target = launch(trusted_proxies=["127.0.0.1"])
    statuses = [_login(target.url, "wrong-password", "203.0.113.9").status_code for _ in range(8)]
    assert statuses[0] in (400, 401) and statuses[-1] == 429
    throttled = _login(target.url, MERCHANT_PASSWORD, "203.0.113.9")
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) >= 1
    assert "Try again in" in throttled.json()["error"]
    # The merchant, from their own address, is not locked out by the stranger.
    assert _login(target.url, MERCHANT_PASSWORD, "198.51.100.7").status_code == 200


def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(launch: Callable[..., Target]) -> None:
    target = launch(chat_sessions_per_minute=3)
    codes = [
        httpx.post(f"{target.url}/api/chat/session", headers={"X-Forwarded-For": f"198.51.100.{i}"}, timeout=30).status_code
        for i in range(6)
    ]
    assert codes[:3] == [200, 200, 200] and set(codes[3:]) == {429}


def test_the_widget_start_counts_against_the_same_session_limit(launch: Callable[..., Target]) -> None:
    target = launch(chat_sessions_per_minute=3)
    for _ in range(3):
        assert httpx.post(f"{target.url}/api/chat/session", timeout=30).status_code == 200
    widget = Client(f"{target.url}/widget/", verbose=False, download_files=False)
    with pytest.raises(Exception, match="Too many new chats"):
        widget.predict(None, api_name="/chat_start")
    widget.close()
    refused = httpx.post(f"{target.url}/api/chat/session", timeout=30)
    assert refused.status_code == 429 and refused.headers.get("Retry-After")


def test_messages_per_session_are_limited_with_a_clear_429(launch: Callable[..., Target], openai_fake: FakeOpenAIServer) -> None:
    openai_fake.set_default("Yes, it has a USB-C port.")
    target = launch(chat_messages_per_minute=3)
    token = httpx.post(f"{target.url}/api/chat/session", timeout=30).json()["session_token"]
    replies = [
        httpx.post(f"{target.url}/api/chat", json={"session_token": token, "message": f"{QUESTION} ({i})"}, timeout=60)
        for i in range(5)
    ]
    assert [r.status_code for r in replies] == [200, 200, 200, 429, 429]
    assert "Please wait a minute" in replies[3].json()["error"] and replies[3].headers.get("Retry-After")
    stored = httpx.get(f"{target.url}/api/chat/messages", params={"session_token": token}, timeout=30).json()["messages"]
    assert [m["role"] for m in stored].count("buyer") == 3


def test_handoffs_per_session_are_limited(launch: Callable[..., Target]) -> None:
    target = launch(chat_handoffs_per_session=2)
    token = httpx.post(f"{target.url}/api/chat/session", timeout=30).json()["session_token"]
    conversation = target.services.buyer_chat.conversation(token)
    handoffs = []
    for _ in range(4):
        reply = httpx.post(
            f"{target.url}/api/chat", json={"session_token": token, "message": "I want to talk to a human please"}, timeout=60
        ).json()
        handoffs.append(reply["handoff"])
        target.services.chat_inbox.return_to_bot(conversation.id)
    assert handoffs == ["buyer_request", "buyer_request", None, None]
    assert "no new request was made" in reply["reply"]


def test_session_tokens_are_stored_as_hashes_and_expire(launch: Callable[..., Target]) -> None:
    target = launch(chat_session_idle_hours=1)
    token = httpx.post(f"{target.url}/api/chat/session", timeout=30).json()["session_token"]
    assert httpx.get(f"{target.url}/api/chat/messages", params={"session_token": token}, timeout=30).status_code == 200
    database = target.services.settings.data_dir / "copilot.db"
    with sqlite3.connect(database) as db:
        stored = [row[0] for row in db.execute("select session_token from conversations")]
        assert stored and token not in stored and all(len(s) == 64 for s in stored)
        db.execute("update conversations set updated_at = ?", ((utcnow() - timedelta(hours=2)).isoformat(" "),))
    expired = httpx.get(f"{target.url}/api/chat/messages", params={"session_token": token}, timeout=30)
    unknown = httpx.get(f"{target.url}/api/chat/messages", params={"session_token": "x" * 32}, timeout=30)
    assert expired.status_code == unknown.status_code == 404 and expired.json() == unknown.json()


MALFORMED = [
    ("POST", "/api/chat", b'{"session_token": "t", "message": "\\ud800"}'),
    ("POST", "/api/chat/stream", b'{"session_token": "t", "message": "a\\udfffb"}'),
    ("POST", "/api/chat", b'{"session_token": "t", "\\ud800": 1, "message": 5}'),
    ("POST", "/api/chat", b'{"session_token": "t", "message": '),
    ("GET", "/api/chat/messages?session_token=t&after=99999999999999999999999", None),
    ("GET", "/api/chat/messages?session_token=t&after=-1", None),
    ("POST", "/widget/gradio_api/call/no_such_endpoint", b'{"data": []}'),
    ("POST", "/widget/gradio_api/run/no_such_endpoint", b'{"data": []}'),
    ("POST", "/widget/gradio_api/queue/join", b'{"data": [], "fn_index": 999, "session_hash": "s"}'),
    ("POST", "/widget/gradio_api/queue/join", b'{"data": [], "session_hash": "s"}'),
    ("POST", "/widget/gradio_api/run/predict", b'{"data": [], "fn_index": 999, "session_hash": "s"}'),
    ("POST", "/widget/gradio_api/queue/join", b"not json"),
    ("POST", "/login", b"x" * 40_000),
    ("POST", "/api/orders", b"not json"),
    ("POST", "/api/orders", b'{"order_no": "\\ud800"}'),
    ("POST", "/api/orders/%23..%2F..%2Fetc/tracking", b"{}"),
]


def test_malformed_requests_get_a_clear_4xx(launch: Callable[..., Target]) -> None:
    target = launch()
    for method, path, body in MALFORMED:
        response = httpx.request(
            method, f"{target.url}{path}", content=body, headers={"content-type": "application/json"}, timeout=30
        )
        assert 400 <= response.status_code < 500, (path, body, response.status_code, response.text[:300])
        assert "Traceback" not in response.text and isinstance(response.json(), dict), response.text[:300]


def test_a_reply_in_progress_is_finished_and_stored_when_the_buyer_disconnects(
    launch: Callable[..., Target], openai_fake: FakeOpenAIServer
) -> None:
    answer = "Yes, the 15.6 inch monitor has two USB-C ports and a mini HDMI port for your laptop."
    openai_fake.set_default(Reply(answer, chunk_delay_s=0.15))
    target = launch()
    token = httpx.post(f"{target.url}/api/chat/session", timeout=30).json()["session_token"]
    with httpx.stream(
        "POST", f"{target.url}/api/chat/stream", json={"session_token": token, "message": QUESTION}, timeout=60
    ) as stream:
        for line in stream.iter_lines():
            if line.startswith("event: citations"):
                break  # the buyer closes the tab before the answer arrives
    deadline = time.monotonic() + 60
    roles: list[str] = []
    while time.monotonic() < deadline:
        messages = httpx.get(f"{target.url}/api/chat/messages", params={"session_token": token}, timeout=30).json()["messages"]
        roles = [m["role"] for m in messages]
        if "assistant" in roles:
            break
        time.sleep(0.5)
    assert roles == ["buyer", "assistant"]
