"""The ZeroGPU wrapper: generations run inside the GPU decorator, health and metadata never claim a GPU."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from models.config import VLLMConfig
from models.errors import UnsupportedInputError
from models.registry import build_chat_model
from models.types import Capabilities, ChatMessage, ImagePart, TextPart
from tests.support.openai_fake import FakeOpenAIServer

pytestmark = pytest.mark.unit

sys.path.append(str(Path(__file__).resolve().parents[3] / "spaces"))
from zero_gpu import GPUChatModel, zero_gpu_decorator  # noqa: E402


class RecordingGPU:
    """Stands in for spaces.GPU(duration=…): counts entries into the 'GPU' and whether one is held."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.held = False

    def __call__(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        import inspect

        if inspect.isgeneratorfunction(fn):

            def gen(*args: Any, **kwargs: Any) -> Iterator[Any]:
                self.calls.append(fn.__name__)
                self.held = True
                try:
                    yield from fn(*args, **kwargs)
                finally:
                    self.held = False

            return gen

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(fn.__name__)
            return fn(*args, **kwargs)

        return call


def _model(fake: FakeOpenAIServer, images: bool = True) -> Any:
    caps = Capabilities(streaming=True, images=images, video=False, json_schema=True)
    return build_chat_model(
        VLLMConfig(
            base_urls=[fake.base_url], model="fake-model", capabilities=caps, read_timeout=5, max_retries=0
        )
    )


def test_streaming_runs_inside_the_gpu_slot_and_yields_the_same_text(openai_fake: FakeOpenAIServer) -> None:
    gpu = RecordingGPU()
    model = GPUChatModel(_model(openai_fake), gpu)
    openai_fake.enqueue("안녕하세요, 네 가능합니다.")
    held_while_streaming = []
    pieces = []
    for piece in model.stream([ChatMessage(role="user", content="USB-C 하나로 되나요?")]):
        held_while_streaming.append(gpu.held)
        pieces.append(piece)
    assert "".join(pieces) == "안녕하세요, 네 가능합니다."
    assert len(pieces) > 1 and all(held_while_streaming)
    assert not gpu.held and gpu.calls == ["stream_all"]


def test_complete_and_json_use_the_gpu_health_does_not(openai_fake: FakeOpenAIServer) -> None:
    gpu = RecordingGPU()
    model = GPUChatModel(_model(openai_fake), gpu)
    openai_fake.enqueue("plain answer", '{"severity": "minor"}')
    assert model.complete([ChatMessage(role="user", content="hi")]) == "plain answer"
    assert model.complete_json([ChatMessage(role="user", content="x")], {"type": "object"}) == {
        "severity": "minor"
    }
    assert model.health().ok
    assert model.info.model == "fake-model" and "ZeroGPU" in model.info.description
    assert gpu.calls == ["complete", "complete_json"]


def test_unsupported_media_is_refused_before_a_gpu_slot_is_requested(
    openai_fake: FakeOpenAIServer, tmp_path: Path
) -> None:
    gpu = RecordingGPU()
    model = GPUChatModel(_model(openai_fake, images=False), gpu)
    message = ChatMessage(role="user", content=[TextPart(text="look"), ImagePart(path=tmp_path / "a.png")])
    with pytest.raises(UnsupportedInputError):
        model.stream([message])
    assert gpu.calls == [] and openai_fake.requests == []


def test_without_the_spaces_package_there_is_no_decorator() -> None:
    # With the repo root on sys.path, `spaces` resolves to this repo's folder (a namespace package, no GPU).
    assert zero_gpu_decorator(60) is None
    assert zero_gpu_decorator(60, module_name="no_such_module_for_sure") is None


def test_with_a_spaces_like_module_the_decorator_gets_the_duration(monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    seen: list[int] = []
    fake_spaces = types.ModuleType("fake_spaces_pkg")

    def gpu(duration: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        seen.append(duration)
        return lambda fn: fn

    fake_spaces.GPU = gpu  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_spaces_pkg", fake_spaces)
    decorator = zero_gpu_decorator(75, module_name="fake_spaces_pkg")
    assert decorator is not None and seen == [75]
