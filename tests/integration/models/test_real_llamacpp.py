"""The embedded model on the llama.cpp runtime (MC_EMBEDDED_RUNTIME=llamacpp), started by the app's own wiring:
the packaged GGUF served by a real `llama_cpp.server` on a free port, spoken to over the OpenAI protocol.

Needs `llama-cpp-python[server]` (compiled from source, several minutes) for MC_EMBEDDED_LLAMACPP_PYTHON or this
Python; skipped with that reason otherwise. The GGUF is assembled once into the test model cache (MC_TEST_CACHE).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.settings import Settings
from app.wiring import build_chat_backend
from models.config import VLLMConfig
from models.errors import ModelRequestError
from models.llamacpp_server import PACKAGE_REQUIREMENT, is_installed
from models.registry import build_chat_model
from models.types import Capabilities, ChatMessage, ChatModel, GenerationParams
from models.vllm_server import VLLMServerProcess
from tests.support.fixtures_vllm import model_cache_dir

PYTHON = os.environ.get("MC_EMBEDDED_LLAMACPP_PYTHON") or sys.executable

pytestmark = [
    pytest.mark.integration,
    pytest.mark.llamacpp,
    pytest.mark.skipif(not is_installed(PYTHON), reason=f"{PYTHON} has no llama_cpp.server ({PACKAGE_REQUIREMENT})"),
]

GREEDY = GenerationParams(max_tokens=24, temperature=0.0, seed=1234)
QUESTION = [
    ChatMessage(role="system", content="You are a shop assistant. Answer in one short sentence."),
    ChatMessage(role="user", content="Facts: the box contains a charger and a 1 m USB-C cable. "
                                     "Question: does the charger come with a cable?"),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ChatModel, VLLMServerProcess]]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("llamacpp"), models_path=model_cache_dir(), chat_backend="embedded",
        embedded_runtime="llamacpp", embedded_llamacpp_python=PYTHON, model_read_timeout_s=300, model_max_retries=0,
    )  # fmt: skip
    model, note, server = build_chat_backend(settings)
    assert model is not None and server is not None
    try:
        server.wait_until_ready(timeout_s=600)
        assert "llamacpp" in note
        yield model, server
    finally:
        model.close()
        server.stop()


def test_wiring_serves_the_packaged_gguf_without_a_converted_folder(served: tuple[ChatModel, VLLMServerProcess]) -> None:
    model, server = served
    status = model.health()
    assert status.ok, status.detail
    assert status.served_models == [model.info.model]
    assert "--model_alias" in server.config.command(server.port)
    assert not model.capabilities.json_schema  # llama.cpp's server takes no OpenAI json_schema


def test_stream_yields_deltas_that_join_to_the_complete_answer(served: tuple[ChatModel, VLLMServerProcess]) -> None:
    model, _ = served
    deltas = list(model.stream(QUESTION, GREEDY))
    assert len(deltas) >= 3, deltas
    streamed = "".join(deltas)
    assert streamed.strip()
    assert model.complete(QUESTION, GREEDY) == streamed


def test_an_openai_json_schema_request_is_refused_so_the_app_must_not_send_one(
    served: tuple[ChatModel, VLLMServerProcess],
) -> None:
    model, server = served
    strict = build_chat_model(VLLMConfig(
        base_urls=[server.base_url], model=model.info.model, max_retries=0, read_timeout=300,
        capabilities=Capabilities(streaming=True, images=False, video=False, json_schema=True),
    ))  # fmt: skip
    try:
        with pytest.raises(ModelRequestError):
            strict.complete_json(QUESTION, {"type": "object", "properties": {"yes": {"type": "boolean"}}},
                                 GenerationParams(max_tokens=16, temperature=0))
    finally:
        strict.close()


def test_gguf_lives_in_the_model_cache(served: tuple[ChatModel, VLLMServerProcess]) -> None:
    _, server = served
    gguf = Path(server.config.command(server.port)[server.config.command(server.port).index("--model") + 1])
    assert gguf.is_file() and gguf.parent.parent == model_cache_dir()
