"""VLLMChatModel against a real HTTP server speaking the OpenAI protocol (tests/support/openai_fake.py)."""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.config import VLLMConfig
from models.errors import (
    ModelRequestError,
    ModelResponseError,
    ModelTimeoutError,
    ModelUnavailableError,
    UnsupportedInputError,
)
from models.types import Capabilities, ChatMessage, GenerationParams, ImagePart, TextPart, VideoPart
from models.vllm_backend import VLLMChatModel
from tests.support.openai_fake import FakeOpenAIServer, Reply

pytestmark = pytest.mark.integration

HI = [ChatMessage(role="user", content="Where is my order?")]
VISION = Capabilities(streaming=True, images=True, video=True, json_schema=True)
SCHEMA = {
    "type": "object",
    "properties": {"intent": {"type": "string"}, "confidence": {"type": "number"}},
    "required": ["intent", "confidence"],
}

ModelFactory = Callable[..., VLLMChatModel]


@pytest.fixture
def make_model() -> Iterator[ModelFactory]:
    """VLLMChatModel with short timeouts and near-zero backoff, closed after the test."""
    models: list[VLLMChatModel] = []

    def make(base_urls: list[str], **overrides: object) -> VLLMChatModel:
        settings: dict[str, object] = {
            "base_urls": base_urls,
            "model": "fake-model",
            "connect_timeout": 1.0,
            "read_timeout": 5.0,
            "max_retries": 2,
            "backoff_initial_s": 0.01,
            "backoff_max_s": 0.05,
            "health_timeout": 1.0,
            "capabilities": VISION,
            **overrides,
        }
        model = VLLMChatModel(VLLMConfig.model_validate(settings))
        models.append(model)
        return model

    yield make
    for model in models:
        model.close()


# -- happy path ---------------------------------------------------------------------------


def test_stream_yields_deltas_as_sent(openai_fake: FakeOpenAIServer, make_model: ModelFactory) -> None:
    openai_fake.enqueue(Reply(deltas=("Your ", "parcel ", "left ", "Shenzhen."), text=""))
    deltas = list(make_model([openai_fake.base_url]).stream(HI, GenerationParams(max_tokens=32, seed=3)))
    assert deltas == ["Your ", "parcel ", "left ", "Shenzhen."]
    [body] = openai_fake.requests
    assert body["stream"] is True and body["model"] == "fake-model"
    assert body["max_tokens"] == 32 and body["seed"] == 3
    assert body["messages"] == [{"role": "user", "content": "Where is my order?"}]


def test_joined_stream_equals_non_stream_result(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    reply = "배송은 3일 안에 출발합니다. Tracking follows by e-mail.\nThanks!"
    openai_fake.enqueue(reply, reply)
    model = make_model([openai_fake.base_url])
    streamed = list(model.stream(HI))
    assert len(streamed) > 1
    assert "".join(streamed) == model.complete(HI) == reply
    assert [r.get("stream", False) for r in openai_fake.requests] == [True, False]


def test_system_messages_are_merged_and_params_sent(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    messages = [
        ChatMessage(role="system", content="You are the shop assistant."),
        ChatMessage(role="system", content="Reply in Spanish."),
        *HI,
    ]
    make_model([openai_fake.base_url]).complete(
        messages, GenerationParams(temperature=0, top_p=0.5, stop=["##"])
    )
    [body] = openai_fake.requests
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert body["messages"][0]["content"] == "You are the shop assistant.\n\nReply in Spanish."
    assert (body["temperature"], body["top_p"], body["stop"]) == (0, 0.5, ["##"])


def test_images_and_videos_arrive_as_data_url_parts(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory, sample_png: Path, sample_mp4: Path
) -> None:
    message = ChatMessage(
        role="user",
        content=[TextPart(text="Is it broken?"), ImagePart(path=sample_png), VideoPart(path=sample_mp4)],
    )
    make_model([openai_fake.base_url]).complete([message])
    [body] = openai_fake.requests
    text, image, video = body["messages"][0]["content"]
    assert text == {"type": "text", "text": "Is it broken?"}
    assert image["type"] == "image_url" and image["image_url"]["url"].startswith("data:image/png;base64,")
    assert video["type"] == "video_url" and video["video_url"]["url"].startswith("data:video/mp4;base64,")
    assert base64.b64decode(video["video_url"]["url"].split(",", 1)[1]) == sample_mp4.read_bytes()


def test_unsupported_input_is_rejected_before_any_request(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory, sample_mp4: Path
) -> None:
    model = make_model([openai_fake.base_url], capabilities=Capabilities(images=True, video=False))
    message = ChatMessage(role="user", content=[VideoPart(path=sample_mp4)])
    with pytest.raises(UnsupportedInputError):
        model.stream([message])
    with pytest.raises(UnsupportedInputError):
        model.complete([message])
    assert openai_fake.requests == []


# -- JSON schema --------------------------------------------------------------------------


def test_json_schema_is_sent_as_response_format_and_parsed(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    openai_fake.enqueue('{"intent": "refund", "confidence": 0.9}')
    result = make_model([openai_fake.base_url]).complete_json(
        HI, SCHEMA, GenerationParams(json_schema_name="intent")
    )
    assert result == {"intent": "refund", "confidence": 0.9}
    [body] = openai_fake.requests
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "intent", "schema": SCHEMA, "strict": True},
    }


def test_invalid_or_truncated_json_is_a_response_error(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    model = make_model([openai_fake.base_url])
    openai_fake.enqueue('{"intent": "refund", "conf', Reply(text='{"intent": "x"', finish_reason="length"))
    with pytest.raises(ModelResponseError, match="valid JSON"):
        model.complete_json(HI, SCHEMA)
    with pytest.raises(ModelResponseError, match="cut off"):
        model.complete_json(HI, SCHEMA)


def test_json_without_constrained_decoding_is_prompted(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    openai_fake.enqueue('```json\n{"intent": "where_is_my_order", "confidence": 1}\n```')
    model = make_model([openai_fake.base_url], capabilities=Capabilities(json_schema=False))
    assert model.complete_json(HI, SCHEMA)["intent"] == "where_is_my_order"
    [body] = openai_fake.requests
    assert "response_format" not in body
    assert "JSON schema" in body["messages"][0]["content"]  # the instruction, merged into one system message


# -- retries ------------------------------------------------------------------------------


def test_500_is_retried_with_backoff_then_succeeds(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    openai_fake.set_fault("http_status", status=500, times=2)
    openai_fake.enqueue("finally", "streamed too")
    model = make_model([openai_fake.base_url], backoff_initial_s=0.05, backoff_max_s=0.05)
    started = time.monotonic()
    assert model.complete(HI) == "finally"
    assert time.monotonic() - started >= 0.1  # two backoff sleeps of >= 0.05 s
    assert len(openai_fake.requests) == 3
    openai_fake.set_fault("http_status", status=503, times=1)
    assert "".join(model.stream(HI)) == "streamed too"


def test_persistent_5xx_gives_up_after_max_retries(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    openai_fake.set_fault("http_status", status=502)
    with pytest.raises(ModelUnavailableError, match="502"):
        make_model([openai_fake.base_url], max_retries=3).complete(HI)
    assert len(openai_fake.requests) == 4


def test_4xx_is_never_retried(openai_fake: FakeOpenAIServer, make_model: ModelFactory) -> None:
    openai_fake.set_fault("http_status", status=400, times=1)
    with pytest.raises(ModelRequestError, match="400"):
        make_model([openai_fake.base_url]).complete(HI)
    assert len(openai_fake.requests) == 1
    openai_fake.set_fault("http_status", status=400, times=1)
    with pytest.raises(ModelRequestError):
        list(make_model([openai_fake.base_url]).stream(HI))
    assert len(openai_fake.requests) == 2


def test_failover_when_the_first_replica_is_down(
    openai_fake: FakeOpenAIServer, refused_base_url: str, make_model: ModelFactory
) -> None:
    model = make_model([refused_base_url, openai_fake.base_url], max_retries=0)
    openai_fake.set_default(lambda body: "served by replica 2")
    results = [model.complete(HI) for _ in range(3)] + ["".join(model.stream(HI))]
    assert results == ["served by replica 2"] * 4
    assert len(openai_fake.requests) == 4


def test_round_robin_spreads_requests_over_replicas(
    openai_fake_factory: Callable[..., FakeOpenAIServer], make_model: ModelFactory
) -> None:
    first, second = openai_fake_factory(), openai_fake_factory()
    model = make_model([first.base_url, second.base_url])
    for _ in range(6):
        model.complete(HI)
    assert (len(first.requests), len(second.requests)) == (3, 3)


def test_all_replicas_down_is_unavailable(refused_base_url: str, make_model: ModelFactory) -> None:
    started = time.monotonic()
    with pytest.raises(ModelUnavailableError):
        make_model([refused_base_url], max_retries=1).complete(HI)
    assert time.monotonic() - started < 3


# -- timeouts and broken streams ------------------------------------------------------------


def test_slow_server_times_out_quickly(openai_fake: FakeOpenAIServer, make_model: ModelFactory) -> None:
    openai_fake.set_fault("slow", delay_s=3.0)
    model = make_model([openai_fake.base_url], read_timeout=0.3, max_retries=1)
    started = time.monotonic()
    with pytest.raises(ModelTimeoutError):
        model.complete(HI)
    with pytest.raises(ModelTimeoutError):
        list(model.stream(HI))
    assert time.monotonic() - started < 2.5
    # One server: a timeout is not retried (the same slow model would only multiply the wait).
    assert len(openai_fake.requests) == 2


def test_a_timeout_fails_over_to_another_replica(openai_fake: FakeOpenAIServer, make_model: ModelFactory) -> None:
    with FakeOpenAIServer.start() as healthy:
        openai_fake.set_fault("slow", delay_s=3.0)
        healthy.set_default("from the healthy replica")
        model = make_model([openai_fake.base_url, healthy.base_url], read_timeout=0.3, max_retries=1)
        answers = [model.complete(HI) for _ in range(2)]  # round-robin: one of them starts at the slow replica
    assert answers == ["from the healthy replica"] * 2
    assert len(openai_fake.requests) == 1 and len(healthy.requests) == 2


def test_stall_after_first_token_times_out_without_retry(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    openai_fake.enqueue(Reply(text="first second", stall_after_chunks=1, stall_s=3.0))
    got: list[str] = []
    started = time.monotonic()
    with pytest.raises(ModelTimeoutError):
        for delta in make_model([openai_fake.base_url], read_timeout=0.3).stream(HI):
            got.append(delta)
    assert got == ["first"]
    assert len(openai_fake.requests) == 1  # never retried after the first token
    assert time.monotonic() - started < 2


def test_dropped_stream_raises_after_partial_deltas(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    openai_fake.enqueue(Reply(text="one two three four", drop_after_chunks=2))
    got: list[str] = []
    with pytest.raises(ModelResponseError, match="cut off"):
        for delta in make_model([openai_fake.base_url]).stream(HI):
            got.append(delta)
    assert got == ["one", " two"]
    assert len(openai_fake.requests) == 1  # never retried after the first token


def test_drop_before_first_token_is_retried(openai_fake: FakeOpenAIServer, make_model: ModelFactory) -> None:
    openai_fake.enqueue(Reply(text="lost", drop_after_chunks=0), "second try")
    assert "".join(make_model([openai_fake.base_url]).stream(HI)) == "second try"
    assert len(openai_fake.requests) == 2


def test_stream_without_finish_reason_is_a_response_error(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    openai_fake.enqueue(Reply(text="half an answer", finish_reason=None))
    got: list[str] = []
    with pytest.raises(ModelResponseError, match="cut off"):
        for delta in make_model([openai_fake.base_url]).stream(HI):
            got.append(delta)
    assert "".join(got) == "half an answer"


def test_malformed_json_is_a_response_error(openai_fake: FakeOpenAIServer, make_model: ModelFactory) -> None:
    model = make_model([openai_fake.base_url])
    openai_fake.set_fault("malformed_json")
    with pytest.raises(ModelResponseError):
        model.complete(HI)
    with pytest.raises(ModelResponseError):
        list(model.stream(HI))
    assert len(openai_fake.requests) == 2  # a broken body is not a transient failure


def test_consumer_stopping_early_releases_the_connection(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    model = make_model([openai_fake.base_url])
    openai_fake.enqueue(Reply(text="a b c d e f"), "next")
    stream = model.stream(HI)
    assert next(stream) == "a"
    stream.close()  # type: ignore[attr-defined]
    assert model.complete(HI) == "next"


# -- health and concurrency -------------------------------------------------------------------


def test_health_reports_up_down_and_wrong_model(
    openai_fake: FakeOpenAIServer, make_model: ModelFactory
) -> None:
    model = make_model([openai_fake.base_url])
    status = model.health()
    assert status.ok and status.served_models == ["fake-model"] and "1/1" in status.detail
    assert not make_model([openai_fake.base_url], model="other").health().ok
    openai_fake.set_fault("down")
    down = model.health()
    assert not down.ok and "down" in down.detail
    with pytest.raises(ModelUnavailableError):
        model.complete(HI)
    openai_fake.clear_faults()
    assert model.health().ok and model.complete(HI) == "ok"


def test_many_concurrent_streams(openai_fake: FakeOpenAIServer, make_model: ModelFactory) -> None:
    openai_fake.set_default(lambda body: f"answer for {body['messages'][-1]['content']}")
    openai_fake.set_fault("slow", chunk_delay_s=0.02)
    model = make_model([openai_fake.base_url])
    results: dict[int, str] = {}

    def buyer(i: int) -> None:
        results[i] = "".join(model.stream([ChatMessage(role="user", content=f"buyer {i}")]))

    threads = [threading.Thread(target=buyer, args=(i,)) for i in range(30)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert results == {i: f"answer for buyer {i}" for i in range(30)}
    assert time.monotonic() - started < 5  # concurrent, not serialised (serial would be ~3.6 s+)


def test_fake_server_speaks_raw_sse(openai_fake: FakeOpenAIServer) -> None:
    """The wire format other suites rely on: SSE chunks, a finish_reason chunk, then [DONE]."""
    import json

    import httpx

    openai_fake.enqueue("hello world")
    body = {"model": "m", "messages": [{"role": "user", "content": "x"}], "stream": True}
    with httpx.stream("POST", f"{openai_fake.base_url}/chat/completions", json=body, timeout=5) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [line[len("data: ") :] for line in response.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert [c["choices"][0]["delta"].get("content") for c in chunks] == ["", "hello", " world", None]
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert openai_fake.requests == [body]
    models = httpx.get(f"{openai_fake.base_url}/models", timeout=5).json()
    assert [m["id"] for m in models["data"]] == ["fake-model"] and openai_fake.models_calls == 1
