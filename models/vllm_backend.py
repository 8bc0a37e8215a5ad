"""VLLMChatModel: a ChatModel over vLLM's OpenAI-compatible HTTP API (any OpenAI-compatible server).

Retries are ours (tenacity), not the openai client's: exponential backoff with jitter, only for
connection errors, 5xx and (with several replicas) timeouts, and only before the first token of an answer
arrived. A timeout is not retried on a single server: the same request to the same slow model just multiplies
the wait.
A 4xx is never retried. Several base URLs are replicas: each request starts at the next one
(round-robin) and a refused connection fails over to the next replica at once.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import httpx
import openai
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from models.config import VLLMConfig
from models.errors import (
    ModelError,
    ModelRequestError,
    ModelResponseError,
    ModelTimeoutError,
    ModelUnavailableError,
)
from models.openai_messages import chat_request_body
from models.structured import parse_json_object, with_json_instruction
from models.types import Capabilities, ChatMessage, GenerationParams, HealthStatus, ModelInfo

log = logging.getLogger(__name__)

T = TypeVar("T")


def is_transient(exc: BaseException) -> bool:
    """Worth retrying: the request may succeed on another try or another replica."""
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code >= 500


def translate_error(exc: BaseException) -> ModelError:
    """The ModelError a caller sees for an openai/transport failure."""
    if isinstance(exc, ModelError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return ModelTimeoutError(detail=str(exc))
    if isinstance(exc, openai.APIConnectionError):
        return ModelUnavailableError(detail=f"{exc}: {exc.__cause__!r}")
    if isinstance(exc, openai.APIStatusError):
        detail = f"HTTP {exc.status_code}: {exc.message}"
        if exc.status_code >= 500:
            return ModelUnavailableError(detail=detail)
        return ModelRequestError(detail=detail)
    if isinstance(exc, (openai.APIError, ValueError)):
        # ValueError: the body or an SSE event was not valid JSON.
        return ModelResponseError(detail=f"{type(exc).__name__}: {exc}")
    raise TypeError(f"not a model transport error: {exc!r}") from exc


class VLLMChatModel:
    def __init__(self, config: VLLMConfig) -> None:
        self._config = config
        timeout = openai.Timeout(config.read_timeout, connect=config.connect_timeout)
        self._clients = [
            openai.OpenAI(base_url=url, api_key=config.api_key, max_retries=0, timeout=timeout)
            for url in config.base_urls
        ]
        self._next_replica = itertools.count()
        self._rr_lock = threading.Lock()
        self._info = ModelInfo(
            backend="vllm",
            model=config.model,
            endpoints=list(config.base_urls),
            description=f"vLLM OpenAI API, {len(config.base_urls)} replica(s)",
        )

    @property
    def info(self) -> ModelInfo:
        return self._info

    @property
    def capabilities(self) -> Capabilities:
        return self._config.capabilities

    # -- requests -------------------------------------------------------------------------

    def _body(self, messages: Sequence[ChatMessage], params: GenerationParams | None) -> dict[str, Any]:
        return chat_request_body(
            self._config.model, messages, params or GenerationParams(), self._config.capabilities
        )

    def stream(
        self, messages: Sequence[ChatMessage], params: GenerationParams | None = None
    ) -> Iterator[str]:
        body = self._body(messages, params)  # eager: UnsupportedInputError before iteration
        return self._stream_body(body)

    def complete(self, messages: Sequence[ChatMessage], params: GenerationParams | None = None) -> str:
        text, _finish = self._complete_body(self._body(messages, params))
        return text

    def complete_json(
        self,
        messages: Sequence[ChatMessage],
        schema: dict[str, Any],
        params: GenerationParams | None = None,
    ) -> dict[str, Any]:
        params = params or GenerationParams()
        if self._config.capabilities.json_schema:
            body = self._body(messages, params.model_copy(update={"json_schema": schema}))
        else:
            body = self._body(with_json_instruction(messages, schema), params)
        text, finish = self._complete_body(body)
        if finish == "length":
            raise ModelResponseError(
                "The AI model's answer was cut off.", detail=f"finish_reason=length at {len(text)} chars"
            )
        return parse_json_object(text)

    def _complete_body(self, body: dict[str, Any]) -> tuple[str, str | None]:
        response = self._call(lambda client: client.chat.completions.create(**body, stream=False))
        return _message_text(response)

    def _stream_body(self, body: dict[str, Any]) -> Iterator[str]:
        stream, head, finished = self._call(lambda client: _open_stream(client, body))
        try:
            yield from head
            while not finished:
                try:
                    chunk = next(stream)
                except StopIteration:
                    break
                except (openai.APIError, ValueError) as exc:  # after the first token: never retried
                    error = translate_error(exc)
                    if not isinstance(error, ModelTimeoutError):
                        error = ModelResponseError("The AI model's answer was cut off.", detail=str(exc))
                    raise error from exc
                delta, finish_reason = _chunk_delta(chunk)
                if delta:
                    yield delta
                finished = finish_reason is not None
            if not finished:
                raise ModelResponseError(
                    "The AI model's answer was cut off.", detail="stream ended without finish_reason"
                )
        finally:
            stream.close()

    # -- retries and replicas -------------------------------------------------------------

    def _replica_order(self) -> list[openai.OpenAI]:
        with self._rr_lock:
            start = next(self._next_replica) % len(self._clients)
        return self._clients[start:] + self._clients[:start]

    def _call(self, fn: Callable[[openai.OpenAI], T]) -> T:
        """`fn` on one replica, with failover and backoff; errors come out as ModelError."""
        order = self._replica_order()
        retrying = Retrying(
            stop=stop_after_attempt(self._config.max_retries + 1),
            wait=wait_exponential_jitter(
                initial=self._config.backoff_initial_s,
                max=self._config.backoff_max_s,
                jitter=self._config.backoff_initial_s,
            ),
            retry=retry_if_exception(self._worth_retrying),
            before_sleep=_log_retry,
            reraise=True,
        )
        try:
            for attempt in retrying:
                with attempt:
                    # Each retry starts at the next replica: a 5xx/timeout may be one sick node.
                    shift = (attempt.retry_state.attempt_number - 1) % len(order)
                    return _try_replicas(order[shift:] + order[:shift], fn)
        except (openai.APIError, ValueError) as exc:
            raise translate_error(exc) from exc
        raise AssertionError("unreachable: tenacity either returns or reraises")

    def _worth_retrying(self, exc: BaseException) -> bool:
        if isinstance(exc, openai.APITimeoutError):
            # Only another replica can answer sooner; each retry starts at the next one.
            return len(self._clients) > 1
        return is_transient(exc)

    # -- lifecycle ------------------------------------------------------------------------

    def health(self) -> HealthStatus:
        """GET /v1/models on every replica (short timeout). ok = at least one serves our model."""
        served: list[str] = []
        lines: list[str] = []
        up = 0
        headers = {"Authorization": f"Bearer {self._config.api_key}"}
        for base in self._config.base_urls:
            try:
                response = httpx.get(f"{base}/models", headers=headers, timeout=self._config.health_timeout)
                response.raise_for_status()
                ids = [str(m["id"]) for m in response.json().get("data", [])]
            except (httpx.HTTPError, ValueError, KeyError, TypeError, AttributeError) as exc:
                lines.append(f"{base}: down ({type(exc).__name__})")
                continue
            served.extend(i for i in ids if i not in served)
            if self._config.model in ids:
                up += 1
                lines.append(f"{base}: up")
            else:
                lines.append(f"{base}: up but not serving {self._config.model!r} (serves {ids})")
        detail = f"{up}/{len(self._config.base_urls)} replicas serving {self._config.model!r}; " + "; ".join(
            lines
        )
        return HealthStatus(ok=up > 0, detail=detail, served_models=served)

    def close(self) -> None:
        for client in self._clients:
            client.close()


def _try_replicas(order: list[openai.OpenAI], fn: Callable[[openai.OpenAI], T]) -> T:
    """Fail over on a refused/broken connection (not a timeout: that waits for the backoff)."""
    last: openai.APIConnectionError | None = None
    for client in order:
        try:
            return fn(client)
        except openai.APITimeoutError:
            raise
        except openai.APIConnectionError as exc:
            log.warning("replica %s unreachable: %r", client.base_url, exc.__cause__)
            last = exc
    assert last is not None
    raise last


def _log_retry(retry_state: Any) -> None:
    exc = retry_state.outcome.exception() if retry_state.outcome else None
    log.warning("model request failed (attempt %d), retrying: %r", retry_state.attempt_number, exc)


def _open_stream(client: openai.OpenAI, body: dict[str, Any]) -> tuple[Any, list[str], bool]:
    """Open an SSE stream and read up to the first token, so failures so far can be retried."""
    stream = client.chat.completions.create(**body, stream=True)
    head: list[str] = []
    try:
        while True:
            try:
                chunk = next(stream)
            except StopIteration:
                return stream, head, False
            delta, finish_reason = _chunk_delta(chunk)
            if delta:
                head.append(delta)
            if finish_reason is not None:
                return stream, head, True
            if head:
                return stream, head, False
    except BaseException:
        stream.close()
        raise


def _chunk_delta(chunk: Any) -> tuple[str, str | None]:
    """(content delta, finish_reason) of one streamed chunk; chunks without choices are skipped."""
    choices = getattr(chunk, "choices", None) or []
    if not choices:
        return "", None
    choice = choices[0]
    delta = getattr(choice, "delta", None)
    content = getattr(delta, "content", None) if delta is not None else None
    return (content if isinstance(content, str) else ""), getattr(choice, "finish_reason", None)


def _message_text(response: Any) -> tuple[str, str | None]:
    """(content, finish_reason) of a non-streamed completion; a wrong shape is a ModelResponseError."""
    choices = getattr(response, "choices", None)
    if not isinstance(choices, list) or not choices:
        raise ModelResponseError(detail=f"completion without choices: {str(response)[:200]}")
    message = getattr(choices[0], "message", None)
    content = getattr(message, "content", None)
    if not isinstance(content, str):
        raise ModelResponseError(detail=f"completion without text content: {str(response)[:200]}")
    return content, getattr(choices[0], "finish_reason", None)
