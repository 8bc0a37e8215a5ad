"""Chat fixtures: real services (SQLite + Chroma with the demo store) talking to a FakeOpenAIServer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.wiring import Services
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities, ChatModel
from tests.support.openai_fake import FakeOpenAIServer


def fake_model(fake: FakeOpenAIServer, read_timeout: float = 5.0) -> ChatModel:
    return build_chat_model(
        VLLMConfig(
            base_urls=[fake.base_url], model="fake",
            capabilities=Capabilities(streaming=True, images=True, video=True, json_schema=True),
            read_timeout=read_timeout, max_retries=0,
        )
    )  # fmt: skip


@pytest.fixture
def chat_services(make_services: Callable[..., Services], openai_fake: FakeOpenAIServer) -> Callable[..., Services]:
    """Services whose chat model is the fake server (`openai_fake`); keyword overrides go to Settings."""

    def factory(**overrides: Any) -> Services:
        return make_services(chat_model=fake_model(openai_fake), **overrides)

    return factory


def user_prompt(body: dict[str, Any]) -> str:
    """The last user message of a captured chat-completions request."""
    return str(next(m for m in reversed(body["messages"]) if m["role"] == "user")["content"])


def all_prompt_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m["content"]) for m in body["messages"])


def content_text(message: dict[str, Any]) -> str:
    """A Gradio 6 chatbot message's text (content comes back as a list of typed parts)."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))
