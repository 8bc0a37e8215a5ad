"""ZeroGPU support for the Space: a ChatModel whose generations run inside `spaces.GPU(duration=…)`.

On ZeroGPU hardware a GPU is attached only while a `@spaces.GPU` function runs, so only the calls that generate
(stream / complete / complete_json) are wrapped; health, info and close never claim a GPU. Without the `spaces`
package (a laptop, a CPU Space, a dedicated-GPU Space) the model is used as it is.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from models.openai_messages import check_capabilities
from models.types import Capabilities, ChatMessage, ChatModel, GenerationParams, HealthStatus, ModelInfo

GPUDecorator = Callable[[Callable[..., Any]], Callable[..., Any]]

# ZeroGPU wants `spaces` imported before torch initialises CUDA, so try it as soon as this module loads.
with contextlib.suppress(ImportError):
    importlib.import_module("spaces")


def zero_gpu_decorator(duration_s: int, module_name: str = "spaces") -> GPUDecorator | None:
    """`spaces.GPU(duration=duration_s)` when the Hugging Face `spaces` package is importable, else None.

    In the repository, `spaces/` (this folder, no __init__) imports as an empty namespace package when the real
    package is missing, so the check is for `GPU`, not for a successful import.
    """
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    gpu = getattr(module, "GPU", None)
    if not callable(gpu):
        return None
    decorator: GPUDecorator = gpu(duration=duration_s)
    return decorator


class GPUChatModel:
    """Delegates to `inner`; every generating call runs inside `decorate` (one GPU slot per call)."""

    def __init__(self, inner: ChatModel, decorate: GPUDecorator) -> None:
        self._inner = inner

        # Plain functions, not bound methods: spaces.GPU inspects the callable (generator or not).
        def stream_all(messages: Sequence[ChatMessage], params: GenerationParams | None) -> Iterator[str]:
            yield from inner.stream(messages, params)

        def complete(messages: Sequence[ChatMessage], params: GenerationParams | None) -> str:
            return inner.complete(messages, params)

        def complete_json(
            messages: Sequence[ChatMessage], schema: dict[str, Any], params: GenerationParams | None
        ) -> dict[str, Any]:
            return inner.complete_json(messages, schema, params)

        self._stream_on_gpu = decorate(stream_all)
        self._complete_on_gpu = decorate(complete)
        self._complete_json_on_gpu = decorate(complete_json)

    @property
    def inner(self) -> ChatModel:
        return self._inner

    @property
    def info(self) -> ModelInfo:
        info = self._inner.info
        return info.model_copy(update={"description": f"{info.description} (ZeroGPU)".strip()})

    @property
    def capabilities(self) -> Capabilities:
        return self._inner.capabilities

    def stream(
        self, messages: Sequence[ChatMessage], params: GenerationParams | None = None
    ) -> Iterator[str]:
        # Reject unsupported media before a GPU slot is requested.
        check_capabilities(messages, self.capabilities)
        stream: Iterator[str] = self._stream_on_gpu(list(messages), params)
        return stream

    def complete(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> str:
        check_capabilities(messages, self.capabilities)
        return str(self._complete_on_gpu(list(messages), params))

    def complete_json(
        self, messages: Sequence[ChatMessage], schema: dict[str, Any], params: GenerationParams | None = None
    ) -> dict[str, Any]:
        check_capabilities(messages, self.capabilities)
        result: dict[str, Any] = self._complete_json_on_gpu(list(messages), schema, params)
        return result

    def health(self) -> HealthStatus:
        return self._inner.health()

    def close(self) -> None:
        self._inner.close()
