"""ScriptedChatModel: a deterministic ChatModel for unit tests (never a production fallback)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from models.openai_messages import check_capabilities
from models.structured import parse_json_object, with_json_instruction
from models.types import Capabilities, ChatMessage, GenerationParams, HealthStatus, ModelInfo

ReplyFn = Callable[[list[ChatMessage], GenerationParams], str]

_DEFAULT_CAPS = Capabilities(streaming=True, images=True, video=True, json_schema=False)


@dataclass(frozen=True)
class ScriptedCall:
    messages: list[ChatMessage]
    params: GenerationParams


class ScriptedChatModel:
    """Replies from a list (in order) or a callable; records every call in `calls`."""

    def __init__(
        self,
        replies: Sequence[str] | ReplyFn = ("ok",),
        *,
        capabilities: Capabilities = _DEFAULT_CAPS,
        model: str = "scripted",
    ) -> None:
        self._replies: list[str] | None = None if callable(replies) else list(replies)
        self._reply_fn: ReplyFn | None = replies if callable(replies) else None
        self._capabilities = capabilities
        self._info = ModelInfo(backend="scripted", model=model, description="scripted test model")
        self._lock = threading.Lock()
        self.calls: list[ScriptedCall] = []
        self.closed = False

    @property
    def info(self) -> ModelInfo:
        return self._info

    @property
    def capabilities(self) -> Capabilities:
        return self._capabilities

    def _next_reply(self, messages: Sequence[ChatMessage], params: GenerationParams | None) -> str:
        check_capabilities(messages, self._capabilities)
        params = params or GenerationParams()
        with self._lock:
            self.calls.append(ScriptedCall(list(messages), params))
            if self._reply_fn is not None:
                return self._reply_fn(list(messages), params)
            assert self._replies is not None
            if not self._replies:
                raise RuntimeError("ScriptedChatModel ran out of scripted replies")
            return self._replies.pop(0)

    def stream(
        self, messages: Sequence[ChatMessage], params: GenerationParams | None = None
    ) -> Iterator[str]:
        reply = self._next_reply(messages, params)  # eager: errors surface on the call, like a server
        return iter(split_deltas(reply))

    def complete(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> str:
        return self._next_reply(messages, params)

    def complete_json(
        self,
        messages: Sequence[ChatMessage],
        schema: dict[str, Any],
        params: GenerationParams | None = None,
    ) -> dict[str, Any]:
        return parse_json_object(self.complete(with_json_instruction(messages, schema), params))

    def health(self) -> HealthStatus:
        return HealthStatus(ok=not self.closed, detail="scripted", served_models=[self._info.model])

    def close(self) -> None:
        self.closed = True


def split_deltas(text: str) -> list[str]:
    """Word-sized deltas whose concatenation is exactly `text`."""
    return re.findall(r"\s*\S+|\s+", text)
