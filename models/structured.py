"""JSON output helpers shared by backends: a prompt for backends without constrained decoding,
and a strict parser that turns bad output into ModelResponseError."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from models.errors import ModelResponseError
from models.types import ChatMessage

_FENCE = re.compile(r"^```(?:json)?\s*\n?(.*?)\n?```$", re.DOTALL)


def json_instruction(schema: dict[str, Any]) -> str:
    return (
        "Reply with one JSON object only, no prose and no code fences. "
        "It must match this JSON schema:\n" + json.dumps(schema, ensure_ascii=False, sort_keys=True)
    )


def with_json_instruction(messages: Sequence[ChatMessage], schema: dict[str, Any]) -> list[ChatMessage]:
    """Messages plus a system instruction asking for JSON matching `schema` (merged later)."""
    return [*messages, ChatMessage(role="system", content=json_instruction(schema))]


def parse_json_object(text: str) -> dict[str, Any]:
    """The JSON object in `text` (an optional ```json fence is tolerated); else ModelResponseError."""
    stripped = text.strip()
    fenced = _FENCE.match(stripped)
    if fenced:
        stripped = fenced.group(1).strip()
    try:
        value = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise ModelResponseError(
            "The AI model did not return valid JSON.", detail=f"{exc}: {text[:200]!r}"
        ) from exc
    if not isinstance(value, dict):
        raise ModelResponseError(
            "The AI model did not return a JSON object.", detail=f"got {type(value).__name__}"
        )
    return value
