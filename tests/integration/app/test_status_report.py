"""The Status tab's report on real parts: vLLM replicas probed over HTTP, index size, database, versions, warnings."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata

import pytest
from gradio_client import Client

from app.wiring import Services
from models.config import VLLMConfig
from models.embedded import SERVED_NAME
from models.registry import build_chat_model
from models.types import Capabilities
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER
from tests.support.openai_fake import FakeOpenAIServer, closed_port_url

pytestmark = pytest.mark.integration

VL = Capabilities(streaming=True, images=True, video=True, json_schema=True)


def _vllm(urls: list[str], model: str) -> object:
    return build_chat_model(
        VLLMConfig(
            base_urls=urls, model=model, capabilities=VL, read_timeout=5, max_retries=0, health_timeout=1
        )
    )


def test_each_vllm_replica_is_listed_with_what_it_serves(
    make_services: Callable[..., Services], openai_fake: FakeOpenAIServer
) -> None:
    down = closed_port_url()
    services = make_services(chat_model=_vllm([openai_fake.base_url, down], "fake-model"))
    report = services.status.report()
    up_row = report.component("Chat model · replica 1")
    down_row = report.component("Chat model · replica 2")
    assert up_row.state == "ok" and "serves fake-model" in up_row.detail
    assert down_row.state == "down" and "unreachable" in down_row.detail
    assert report.component("Chat model").state == "ok", "one replica serving is enough"
    index = report.component("Knowledge index")
    assert index.state == "ok" and "chunks from" in index.detail and "collection" in index.configured
    assert report.component("Database").state == "ok"
    software = report.component("Software").detail
    assert (
        f"gradio {metadata.version('gradio')}" in software
        and f"chromadb {metadata.version('chromadb')}" in software
    )
    assert any(services.embedder.name in w and "small packaged" in w for w in report.warnings), (
        "the small packaged embedder is named"
    )
    assert not any("tiny demo model" in w for w in report.warnings)


def test_a_silent_model_server_and_the_tiny_embedded_model_are_flagged(
    make_services: Callable[..., Services], openai_fake: FakeOpenAIServer
) -> None:
    # A server that answers but serves another model counts as down for ours.
    services = make_services(chat_model=_vllm([openai_fake.base_url], SERVED_NAME))
    report = services.status.report()
    assert report.component("Chat model").state == "down"
    assert any("does not answer" in w for w in report.warnings)
    assert any("tiny demo model" in w for w in report.warnings), (
        "running the embedded 0.5B model is called out"
    )


def test_status_tab_shows_the_report_to_the_merchant(
    make_services: Callable[..., Services], run_app: Callable[[Services], str], openai_fake: FakeOpenAIServer
) -> None:
    url = run_app(make_services(chat_model=_vllm([openai_fake.base_url], "fake-model")))
    client = Client(url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    warnings, table = client.predict(api_name="/status")
    client.close()
    rows = {row[0]: row for row in table["data"]}
    assert rows["Chat model · replica 1"][1] == openai_fake.base_url
    assert rows["Vision model"][2] == "off" and "manual review" in warnings
    assert {"Embedder", "Knowledge index", "Database", "Software"} <= set(rows)
