"""The security tier: the real app (console + widget + JSON API) on loopback, attacked as a stranger would.

Every refusal is paired with the same request made legitimately (or with the protection's precondition shown),
so a test fails when a URL is wrong instead of passing because it hit nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.server import BackgroundServer, create_app
from app.services.auth import MerchantCredentials
from app.wiring import Services
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities, ChatModel
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER, free_port
from tests.support.openai_fake import FakeOpenAIServer


def fake_chat_model(fake: FakeOpenAIServer) -> ChatModel:
    return build_chat_model(
        VLLMConfig(
            base_urls=[fake.base_url], model="fake",
            capabilities=Capabilities(streaming=True, images=True, video=True, json_schema=True),
            read_timeout=10.0, max_retries=0,
        )
    )  # fmt: skip


@dataclass
class Target:
    url: str
    services: Services

    def merchant(self, forwarded_for: str | None = None) -> httpx.Client:
        """A logged-in console session."""
        headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
        client = httpx.Client(base_url=self.url, timeout=30, headers=headers)
        login = client.post("/login", data={"username": MERCHANT_USER, "password": MERCHANT_PASSWORD})
        assert login.status_code == 200, login.text
        return client


@pytest.fixture
def launch(
    make_services: Callable[..., Services], merchant_credentials: MerchantCredentials, openai_fake: FakeOpenAIServer
) -> Iterator[Callable[..., Target]]:
    """Factory: the real app with the OpenAI-protocol fake as its chat model; keyword overrides go to Settings."""
    servers: list[BackgroundServer] = []

    def start(trusted_proxies: list[str] | None = None, **overrides: Any) -> Target:
        services = make_services(chat_model=fake_chat_model(openai_fake), **overrides)
        app = create_app(services, merchant_credentials)
        server = BackgroundServer(app, port=free_port(), trusted_proxies=trusted_proxies).start()
        servers.append(server)
        return Target(server.url, services)

    yield start
    for server in servers:
        server.stop()


def gradio_call(client: httpx.Client, prefix: str, fn_index: int, data: list[Any]) -> list[dict[str, Any]]:
    """One event through Gradio's queue exactly as the browser sends it (any function, private ones too);
    returns the messages of its event stream up to the end of the event."""
    session = f"attack{time.monotonic_ns()}"
    joined = client.post(
        f"{prefix}/gradio_api/queue/join",
        json={"data": data, "fn_index": fn_index, "session_hash": session, "event_data": None, "trigger_id": None},
    )
    if joined.status_code != 200:
        return [{"msg": "refused", "status": joined.status_code, "body": joined.text}]
    messages = []
    with client.stream("GET", f"{prefix}/gradio_api/queue/data", params={"session_hash": session}) as stream:
        for line in stream.iter_lines():
            if not line.startswith("data:"):
                continue
            message = json.loads(line.removeprefix("data:").strip())
            messages.append(message)
            if message.get("msg") in ("process_completed", "close_stream", "unexpected_error"):
                break
    return messages


def write_secret(folder: Path, name: str = "secret.txt") -> tuple[Path, str]:
    folder.mkdir(parents=True, exist_ok=True)
    marker = f"TOP-SECRET-{time.monotonic_ns()}"
    path = folder / name
    path.write_text(f"{marker}\n", encoding="utf-8")
    return path, marker
