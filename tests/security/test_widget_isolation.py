"""The open buyer widget: it reaches no console endpoint, leaks no order data, and one buyer's session cannot
read another's conversation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from app.wiring import Services
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.security

REPO = Path(__file__).resolve().parents[2]


def _order_secrets() -> list[str]:
    orders = json.loads((REPO / "knowledge" / "corpus" / "orders.json").read_text(encoding="utf-8"))["orders"]
    return sorted(
        {o["buyer_email"] for o in orders}
        | {o["buyer_name"] for o in orders}
        | {o["tracking_no"] for o in orders if o.get("tracking_no")}
    )


def _api_names(client: httpx.Client, prefix: str) -> set[str]:
    info = client.get(f"{prefix}/gradio_api/info")
    assert info.status_code == 200
    return {name.lstrip("/") for name in info.json()["named_endpoints"]}


def _refused(url: str) -> bool:
    # A fresh connection each time: a reset one must not fail the next request.
    try:
        response = httpx.post(url, json={"data": []}, timeout=20)
    except httpx.TransportError:
        # Gradio 6.31 answers an unknown api_name with an unhandled FnIndexInferError (connection reset).
        return True
    return response.status_code != 200


def _history_text(chatbot: Any) -> str:
    value = chatbot.get("value", chatbot) if isinstance(chatbot, dict) else chatbot
    return json.dumps(value, ensure_ascii=False)


def _client(url: str) -> Client:
    # No heartbeat: it keeps a stream open that outlives the test server.
    return Client(f"{url}/widget/", verbose=False, download_files=False)


def _chat(url: str, text: str, token: str | None) -> tuple[str, str]:
    """One buyer message through the widget's named API; returns (session token, conversation as text)."""
    client = _client(url)
    job = client.submit(text, token, api_name="/chat")
    job.result(timeout=60)
    outputs = job.outputs()
    client.close()
    tokens = [o[2] for o in outputs if isinstance(o[2], str)]
    assert tokens, f"the widget returns the buyer's session token: {outputs[:2]}"
    return tokens[-1], _history_text(outputs[-2][1] if len(outputs) > 1 else outputs[-1][1])


def _start(url: str, token: str | None) -> tuple[str, str]:
    client = _client(url)
    new_token, chatbot = client.predict(token, api_name="/chat_start")[:2]
    client.close()
    return new_token, _history_text(chatbot)


@pytest.fixture
def app_url(make_services: Callable[..., Services], run_app: Callable[[Services], str]) -> str:
    return run_app(make_services())


def test_widget_offers_no_console_endpoint(app_url: str) -> None:
    with (
        httpx.Client(base_url=app_url, timeout=20) as anonymous,
        httpx.Client(base_url=app_url, timeout=20) as merchant,
    ):
        assert (
            merchant.post(
                "/login", data={"username": MERCHANT_USER, "password": MERCHANT_PASSWORD}
            ).status_code
            == 200
        )
        console = _api_names(merchant, "")
        widget = _api_names(anonymous, "/widget")
        # The console previews the buyer chat with the same events; everything else is console-only.
        console_only = console - widget
        assert {"status", "knowledge_search", "knowledge_reindex", "save_settings"} <= console_only
        for name in sorted(console_only):
            assert _refused(f"{app_url}/widget/gradio_api/call/{name}"), (
                f"/widget reaches the console's {name!r}"
            )
        # Nor through the widget's URL fetcher (SSRF to the console on loopback).
        proxied = httpx.get(f"{app_url}/widget/gradio_api/file={app_url}/gradio_api/info", timeout=20)
        assert proxied.status_code == 403


def test_widget_page_config_holds_no_order_data(app_url: str) -> None:
    config = httpx.get(f"{app_url}/widget/config", timeout=20)
    assert config.status_code == 200 and "Return / refund" in config.text
    leaked = [secret for secret in _order_secrets() if secret in config.text]
    assert leaked == []


def _poll(url: str, token: str) -> str:
    """The widget's merchant-reply poll for `token`, as a fresh page would call it (nothing seen yet)."""
    client = _client(url)
    polled = client.predict(token, [], api_name="/chat_poll")
    client.close()
    return _history_text(polled or [])


def test_a_buyer_session_cannot_read_another_buyers_conversation(
    make_services: Callable[..., Services], run_app: Callable[[Services], str]
) -> None:
    services = make_services()
    app_url = run_app(services)
    token_a, conversation_a = _chat(app_url, "Do you ship to Korea? My code word is zebra-4711.", None)
    assert "zebra-4711" in conversation_a
    assert len(token_a) >= 20, "session tokens must be unguessable"
    # Buyer A comes back with their token: their conversation is there (the check below can fail).
    same, restored = _start(app_url, token_a)
    assert same == token_a and "zebra-4711" in restored
    # Buyer B: no token, a made-up token, or a token-like guess all start a fresh, empty conversation.
    for guess in (None, "1", "0", token_a[:-1] + ("x" if token_a[-1] != "x" else "y"), "' OR 1=1 --"):
        token_b, conversation_b = _start(app_url, guess)
        assert token_b != token_a
        assert "zebra-4711" not in conversation_b, f"token {guess!r} read buyer A's conversation"
    # B's own message lands in B's conversation, never in A's.
    token_b, _ = _chat(app_url, "Is the 15.6 inch monitor in stock? code word kiwi-99", None)
    _, restored_a = _start(app_url, token_a)
    assert "kiwi-99" not in restored_a
    # The merchant answers A in the inbox: the poll delivers it to A (so this check can fail) and never to B.
    conversation_id = services.buyer_chat.conversation(token_a).id
    services.chat_inbox.reply(conversation_id, "Merchant note for buyer A: parcel-secret-5150")
    assert "parcel-secret-5150" in _poll(app_url, token_a)
    assert "parcel-secret-5150" not in _poll(app_url, token_b)
