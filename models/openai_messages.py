"""Pure conversion of ChatMessages to the OpenAI chat-completions wire shape (as vLLM accepts it)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.errors import UnsupportedInputError
from models.media import data_url
from models.types import Capabilities, ChatMessage, GenerationParams, ImagePart, TextPart, VideoPart


def check_capabilities(messages: Sequence[ChatMessage], capabilities: Capabilities) -> None:
    """Reject media parts the model cannot take, before anything is sent or loaded."""
    for message in messages:
        for part in message.parts:
            if isinstance(part, ImagePart) and not capabilities.images:
                raise UnsupportedInputError("This AI model cannot look at images.")
            if isinstance(part, VideoPart) and not capabilities.video:
                raise UnsupportedInputError("This AI model cannot watch videos.")
        if message.role != "user" and any(not isinstance(p, TextPart) for p in message.parts):
            # Chat templates only place media in user turns.
            raise UnsupportedInputError(
                "Images and videos can only be attached to user messages.",
                detail=f"media in a {message.role} message",
            )


def merge_system_messages(messages: Sequence[ChatMessage]) -> list[ChatMessage]:
    """All system texts joined into one leading system message (some chat templates reject several)."""
    system_texts = [m.text for m in messages if m.role == "system"]
    rest = [m for m in messages if m.role != "system"]
    if not system_texts:
        return rest
    return [ChatMessage(role="system", content="\n\n".join(system_texts)), *rest]


def part_to_openai(part: TextPart | ImagePart | VideoPart) -> dict[str, Any]:
    if isinstance(part, TextPart):
        return {"type": "text", "text": part.text}
    if isinstance(part, ImagePart):
        return {"type": "image_url", "image_url": {"url": data_url(part.path, "image")}}
    return {"type": "video_url", "video_url": {"url": data_url(part.path, "video")}}


def message_to_openai(message: ChatMessage) -> dict[str, Any]:
    if isinstance(message.content, str):
        return {"role": message.role, "content": message.content}
    if message.role != "user":
        # Keep non-user turns plain strings: the most widely accepted shape.
        return {"role": message.role, "content": message.text}
    return {"role": message.role, "content": [part_to_openai(p) for p in message.content]}


def to_openai_messages(messages: Sequence[ChatMessage], capabilities: Capabilities) -> list[dict[str, Any]]:
    """Checked, system-merged, media inlined as data URLs. Raises UnsupportedInputError."""
    if not messages:
        raise UnsupportedInputError("There is nothing to send to the AI model.", detail="no messages")
    check_capabilities(messages, capabilities)
    return [message_to_openai(m) for m in merge_system_messages(messages)]


def response_format(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """OpenAI `response_format` for strict JSON-schema output (vLLM maps it to structured outputs)."""
    return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}


def chat_request_body(
    model: str,
    messages: Sequence[ChatMessage],
    params: GenerationParams,
    capabilities: Capabilities,
) -> dict[str, Any]:
    """Keyword arguments for `client.chat.completions.create` (without `stream`)."""
    body: dict[str, Any] = {
        "model": model,
        "messages": to_openai_messages(messages, capabilities),
        "max_tokens": params.max_tokens,
        "temperature": params.temperature,
        "top_p": params.top_p,
    }
    if params.stop:
        body["stop"] = list(params.stop)
    if params.seed is not None:
        body["seed"] = params.seed
    if params.json_schema is not None:
        if not capabilities.json_schema:
            raise UnsupportedInputError(
                "This AI model cannot be constrained to a JSON schema.",
                detail="use complete_json(), which falls back to prompting",
            )
        body["response_format"] = response_format(params.json_schema, params.json_schema_name)
    return body
