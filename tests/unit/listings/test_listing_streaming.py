"""A listing is streamed from the model (the OpenAI-protocol fake over loopback): a slow model that keeps writing
finishes even when the whole answer takes longer than the read timeout; a model that stalls fails at the idle
timeout, once, with a clear reason; the overall cap stops a listing that takes too long; stopping a run closes
the model's stream; the request carries the token budget of the marketplace and script."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.domain.listings import Listing
from app.services.language import LanguageIdentifier
from app.services.listings.generator import Draft, GenerationLimits, ListingGenerator, Progress
from app.services.listings.marketplaces import load_profiles
from knowledge.products import Product
from models.config import VLLMConfig
from models.types import Capabilities
from models.vllm_backend import VLLMChatModel
from tests.support.openai_fake import FakeOpenAIServer, Reply

pytestmark = pytest.mark.unit

PROFILES = load_profiles()
KETTLE = Product(id="AQ-KT200", title="AquaBrew KT200 Electric Kettle 1.7 L", source="t.yaml", vendor="AquaBrew",
                 specs={"capacity": "1.7 L", "power": "2200 W"},
                 description="Boils 1.7 L in about 4 minutes with auto shut-off.")
LISTING = {"title": "AquaBrew KT200 electric kettle 1.7 L 2200 W", "bullets": [], "keywords": [],
           "description": "Boils 1.7 L in about 4 minutes with auto shut-off."}
IDENTIFIER = LanguageIdentifier()


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer.start(["fake"]) as fake:
        yield fake


def _generator(server: FakeOpenAIServer, *, read_timeout: float = 5.0, **limits: float) -> ListingGenerator:
    model = VLLMChatModel(VLLMConfig(
        base_urls=[server.base_url], model="fake", read_timeout=read_timeout, max_retries=2, backoff_initial_s=0,
        capabilities=Capabilities(streaming=True, images=False, video=False, json_schema=True)))
    return ListingGenerator(model, IDENTIFIER, GenerationLimits(**limits))  # type: ignore[arg-type]


def _chunks(text: str, size: int = 4) -> tuple[str, ...]:
    return tuple(text[i:i + size] for i in range(0, len(text), size))


def _drain(steps: Iterator[Progress]) -> tuple[list[Progress], Draft]:
    seen: list[Progress] = []
    while True:
        try:
            seen.append(next(steps))
        except StopIteration as done:
            return seen, done.value


def test_a_slow_model_that_keeps_writing_finishes_past_the_read_timeout(server: FakeOpenAIServer) -> None:
    text = json.dumps(LISTING)
    deltas = _chunks(text, len(text) // 12 + 1)  # 12 chunks, 0.05 s apart: ~0.6 s in all, 0.05 s between chunks
    server.enqueue(Reply(text=text, deltas=deltas, chunk_delay_s=0.05))
    generator = _generator(server, read_timeout=0.4)
    progress, draft = _drain(generator.stream(KETTLE, "en", PROFILES["ebay"], []))
    assert draft.listing == Listing.model_validate(LISTING) and draft.issues == []
    assert [p.tokens for p in progress] == list(range(1, len(deltas) + 1))  # the tab sees every token arrive
    assert draft.tokens == len(deltas) and len(server.requests) == 1 and server.requests[0]["stream"] is True


def test_a_model_that_stalls_fails_at_the_idle_timeout_once_with_the_reason(server: FakeOpenAIServer) -> None:
    text = json.dumps(LISTING)
    server.enqueue(Reply(text=text, deltas=_chunks(text), stall_after_chunks=3, stall_s=5.0))
    progress, draft = _drain(_generator(server, read_timeout=0.3).stream(KETTLE, "en", PROFILES["ebay"], []))
    assert len(progress) == 3 and draft.listing.title == ""
    assert [i.code for i in draft.issues] == ["model"] and "took too long" in draft.issues[0].detail
    assert "not retried" in draft.issues[0].detail
    assert len(server.requests) == 1  # a stalled model is not asked again: it would only stall again


def test_a_model_that_never_starts_is_not_retried_either(server: FakeOpenAIServer) -> None:
    server.enqueue(Reply(text=json.dumps(LISTING), delay_s=5.0))
    draft = _generator(server, read_timeout=0.3).generate(KETTLE, "en", PROFILES["ebay"], [])
    assert draft.issues[0].code == "model" and "took too long" in draft.issues[0].detail
    assert len(server.requests) == 1


def test_the_overall_cap_stops_a_listing_that_takes_too_long(server: FakeOpenAIServer) -> None:
    text = json.dumps(LISTING)
    server.enqueue(Reply(text=text, deltas=_chunks(text, 1), chunk_delay_s=0.02))  # ~150 chunks: ~3 s
    draft = _generator(server, read_timeout=2.0, total_s=0.3).generate(KETTLE, "en", PROFILES["ebay"], [])
    assert draft.listing.title == "" and draft.issues[0].code == "model"
    assert "stopped after 0.3 s" in draft.issues[0].detail and "listing_generation_timeout_s" in draft.issues[0].detail
    assert 0 < draft.tokens < len(text)


def test_an_answer_that_is_not_a_listing_is_retried_with_the_reason(server: FakeOpenAIServer) -> None:
    server.enqueue('{"title": "AquaBrew KT200", "bullets": [', json.dumps(LISTING))
    draft = _generator(server).generate(KETTLE, "en", PROFILES["ebay"], [])
    assert draft.issues == [] and draft.attempts == 2
    assert "not valid JSON" in server.requests[1]["messages"][-1]["content"]


def test_stopping_a_run_closes_the_models_stream(server: FakeOpenAIServer) -> None:
    text = json.dumps(LISTING)
    server.enqueue(Reply(text=text, deltas=_chunks(text, 2), chunk_delay_s=0.01))
    steps = _generator(server).stream(KETTLE, "en", PROFILES["ebay"], [])
    assert next(steps).tokens == 1
    steps.close()  # the merchant pressed Stop while the model was writing
    server.enqueue(json.dumps(LISTING))
    # The connection is free for the next request at once (the stream was closed, not left to time out).
    assert _generator(server).generate(KETTLE, "en", PROFILES["ebay"], []).issues == []


def test_the_request_carries_the_budget_of_the_marketplace_and_script(server: FakeOpenAIServer) -> None:
    server.set_default(json.dumps(LISTING))
    generator = _generator(server)
    for language in ("en", "ko"):
        generator.generate(KETTLE, language, PROFILES["amazon"], [])
    english, korean = (request["max_tokens"] for request in server.requests)
    assert english == generator.budget(PROFILES["amazon"], "en").max_tokens < korean
    schema = server.requests[0]["response_format"]["json_schema"]["schema"]
    assert schema["properties"]["title"]["maxLength"] == 80  # Amazon's recommended length, within its 200


def test_a_rejected_request_says_why(server: FakeOpenAIServer) -> None:
    server.set_fault("http_status", status=400, times=1)  # e.g. prompt + budget beyond the model's context
    draft = _generator(server).generate(KETTLE, "en", PROFILES["ebay"], [])
    assert draft.issues[0].code == "model" and "HTTP 400" in draft.issues[0].detail
    assert len(server.requests) == 1
