"""TransformersChatModel: an in-process model - a text LLM (safetensors or GGUF) or Qwen2.5-VL.

The model loads lazily on first use (behind a lock) and is shared, so one generation runs at a
time (another lock). `stream` runs `model.generate` in a worker thread that feeds a
`TextIteratorStreamer(timeout=...)`; when the consumer stops iterating (or closes the iterator)
a `StoppingCriteria` watching a `threading.Event` ends generation at the next token and the
thread is joined before the lock is released. No constrained decoding here:
`capabilities.json_schema` is False and `complete_json` prompts for JSON and parses it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    Qwen2_5_VLForConditionalGeneration,
    StoppingCriteria,
    StoppingCriteriaList,
    TextIteratorStreamer,
)

from models.config import TransformersConfig
from models.errors import ModelResponseError, ModelTimeoutError, ModelUnavailableError
from models.openai_messages import check_capabilities, merge_system_messages
from models.qwen_vision import VisionInputs, load_vision_inputs, to_qwen_messages
from models.streaming import StopFilter, truncate_at_stop
from models.structured import parse_json_object, with_json_instruction
from models.types import Capabilities, ChatMessage, GenerationParams, HealthStatus, ModelInfo

log = logging.getLogger(__name__)

# What from_pretrained / generate raise for a bad folder, file or config; wrapped, never swallowed.
_LOAD_ERRORS = (OSError, ValueError, ImportError, RuntimeError, KeyError)


@dataclass
class _Loaded:
    model: Any
    tokenizer: Any
    vision: VisionInputs | None


class TransformersChatModel:
    def __init__(self, config: TransformersConfig) -> None:
        self._config = config
        self._capabilities = Capabilities(
            streaming=True, images=config.vision, video=config.vision, json_schema=False
        )
        self._info = ModelInfo(
            backend="transformers",
            model=Path(config.model_path).name if not config.gguf_file else config.gguf_file,
            endpoints=[],
            description=f"in-process transformers on {config.device}"
            + (" (Qwen2.5-VL)" if config.vision else ""),
        )
        self._load_lock = threading.Lock()
        self._generate_lock = threading.Lock()
        self._loaded: _Loaded | None = None
        self._load_error: str | None = None

    @property
    def info(self) -> ModelInfo:
        return self._info

    @property
    def capabilities(self) -> Capabilities:
        return self._capabilities

    @property
    def is_loaded(self) -> bool:
        return self._loaded is not None

    # -- loading --------------------------------------------------------------------------

    def load(self) -> None:
        """Load now (otherwise the first request does). Safe to call from several threads."""
        self._ensure_loaded()

    def _ensure_loaded(self) -> _Loaded:
        with self._load_lock:
            if self._loaded is None:
                try:
                    self._loaded = self._load()
                except _LOAD_ERRORS as exc:
                    self._load_error = f"{type(exc).__name__}: {exc}"
                    raise ModelUnavailableError(
                        "The local AI model could not be loaded.", detail=self._load_error
                    ) from exc
                self._load_error = None
            return self._loaded

    def _load(self) -> _Loaded:
        cfg = self._config
        dtype = getattr(torch, cfg.dtype)
        model: Any
        vision: VisionInputs | None
        log.info("loading %s (vision=%s, gguf=%s)", cfg.model_path, cfg.vision, cfg.gguf_file)
        if cfg.vision:
            vision = load_vision_inputs(cfg.model_path, cfg.vision_pipeline)
            model = Qwen2_5_VLForConditionalGeneration.from_pretrained(cfg.model_path, dtype=dtype)
            tokenizer = vision.tokenizer
        else:
            extra = {"gguf_file": cfg.gguf_file} if cfg.gguf_file else {}
            tokenizer = AutoTokenizer.from_pretrained(cfg.model_path, **extra)
            model = AutoModelForCausalLM.from_pretrained(cfg.model_path, dtype=dtype, **extra)
            vision = None
        model.to(cfg.device)
        model.eval()
        return _Loaded(model=model, tokenizer=tokenizer, vision=vision)

    # -- inputs ---------------------------------------------------------------------------

    def _inputs(self, loaded: _Loaded, messages: Sequence[ChatMessage]) -> dict[str, Any]:
        if loaded.vision is not None:
            qwen_messages = to_qwen_messages(
                messages, min_pixels=self._config.min_pixels, max_pixels=self._config.max_pixels
            )
            inputs = loaded.vision(qwen_messages)
        else:
            plain = [{"role": m.role, "content": m.text} for m in merge_system_messages(messages)]
            inputs = dict(
                loaded.tokenizer.apply_chat_template(
                    plain, add_generation_prompt=True, return_tensors="pt", return_dict=True
                )
            )
        return {k: v.to(self._config.device) if hasattr(v, "to") else v for k, v in inputs.items()}

    def _generate_kwargs(self, loaded: _Loaded, params: GenerationParams) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "max_new_tokens": min(params.max_tokens, self._config.max_new_tokens_cap),
            "pad_token_id": pad
            if (pad := loaded.tokenizer.pad_token_id) is not None
            else loaded.tokenizer.eos_token_id,
        }
        if params.temperature > 0:
            kwargs.update(do_sample=True, temperature=params.temperature, top_p=params.top_p)
        else:
            kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        if params.stop:
            kwargs.update(stop_strings=list(params.stop), tokenizer=loaded.tokenizer)
        return kwargs

    def _prepare(
        self, messages: Sequence[ChatMessage], params: GenerationParams | None
    ) -> tuple[_Loaded, dict[str, Any], GenerationParams]:
        check_capabilities(messages, self._capabilities)  # before loading anything
        params = params or GenerationParams()
        loaded = self._ensure_loaded()
        return loaded, self._inputs(loaded, messages), params

    def _acquire(self) -> None:
        if not self._generate_lock.acquire(timeout=self._config.stream_timeout_s):
            raise ModelTimeoutError("The local AI model is busy. Please try again.", detail="generate lock")

    # -- ChatModel ------------------------------------------------------------------------

    def stream(
        self, messages: Sequence[ChatMessage], params: GenerationParams | None = None
    ) -> Iterator[str]:
        check_capabilities(messages, self._capabilities)  # eager: before iteration starts
        return self._stream(messages, params)

    def _stream(self, messages: Sequence[ChatMessage], params: GenerationParams | None) -> Iterator[str]:
        self._acquire()
        try:
            loaded, inputs, params = self._prepare(messages, params)
            streamer = TextIteratorStreamer(
                loaded.tokenizer,
                skip_prompt=True,
                skip_special_tokens=True,
                timeout=self._config.stream_timeout_s,
            )
            stop_event = threading.Event()
            worker = _GenerateThread(
                loaded.model,
                {
                    **inputs,
                    **self._generate_kwargs(loaded, params),
                    "streamer": streamer,
                    "stopping_criteria": StoppingCriteriaList([_EventStop(stop_event)]),
                },
                streamer,
                params.seed,
            )
            worker.start()
            stop_filter = StopFilter(params.stop)
            try:
                for piece in streamer:
                    text = stop_filter.feed(piece)
                    if text:
                        yield text
                    if stop_filter.stopped:
                        break
                tail = stop_filter.flush()
                if tail:
                    yield tail
            except queue.Empty as exc:
                raise ModelTimeoutError(detail=f"no token for {self._config.stream_timeout_s}s") from exc
            finally:
                stop_event.set()  # consumer done or gone: end generation at the next token
                worker.join()
            if worker.error is not None:
                raise ModelResponseError(detail=repr(worker.error)) from worker.error
        finally:
            self._generate_lock.release()

    def complete(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> str:
        self._acquire()
        try:
            loaded, inputs, params = self._prepare(messages, params)
            if params.seed is not None:
                torch.manual_seed(params.seed)
            try:
                with torch.inference_mode():
                    output = loaded.model.generate(**inputs, **self._generate_kwargs(loaded, params))
            except (RuntimeError, ValueError, IndexError) as exc:
                raise ModelResponseError(detail=repr(exc)) from exc
            new_tokens = output[0, inputs["input_ids"].shape[1] :]
            text = loaded.tokenizer.decode(new_tokens, skip_special_tokens=True)
            return truncate_at_stop(text, params.stop)
        finally:
            self._generate_lock.release()

    def complete_json(
        self,
        messages: Sequence[ChatMessage],
        schema: dict[str, Any],
        params: GenerationParams | None = None,
    ) -> dict[str, Any]:
        return parse_json_object(self.complete(with_json_instruction(messages, schema), params))

    def health(self) -> HealthStatus:
        """Never loads the model (that can take a minute): reports loaded / loadable / failed."""
        name = self._info.model
        if self._loaded is not None:
            return HealthStatus(ok=True, detail="loaded", served_models=[name])
        if self._load_error is not None:
            return HealthStatus(ok=False, detail=f"load failed: {self._load_error}")
        if not Path(self._config.model_path).exists():
            return HealthStatus(ok=False, detail=f"model path not found: {self._config.model_path}")
        return HealthStatus(ok=True, detail="not loaded yet (loads on first request)", served_models=[name])

    def close(self) -> None:
        with self._load_lock, self._generate_lock:
            self._loaded = None


class _EventStop(StoppingCriteria):
    """Ends generation once `event` is set (the consumer stopped reading)."""

    def __init__(self, event: threading.Event) -> None:
        self._event = event

    def __call__(self, input_ids: torch.LongTensor, scores: Any, **kwargs: Any) -> torch.BoolTensor:
        stop = torch.full(
            (input_ids.shape[0],), self._event.is_set(), dtype=torch.bool, device=input_ids.device
        )
        return cast(torch.BoolTensor, stop)


class _GenerateThread(threading.Thread):
    """Runs generate; an exception is kept for the consumer and the streamer is ended so it stops waiting."""

    def __init__(self, model: Any, kwargs: dict[str, Any], streamer: Any, seed: int | None) -> None:
        super().__init__(name="transformers-generate", daemon=True)
        self._model = model
        self._kwargs = kwargs
        self._streamer = streamer
        self._seed = seed
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            if self._seed is not None:
                torch.manual_seed(self._seed)
            with torch.inference_mode():
                self._model.generate(**self._kwargs)
        except BaseException as exc:  # re-raised by the consumer as ModelResponseError
            self.error = exc
            self._streamer.end()
