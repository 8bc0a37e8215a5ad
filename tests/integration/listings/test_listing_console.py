"""The Listings tab over loopback (real app, real Gradio, gradio_client) and `python -m app listings`, both with
the model behind the OpenAI-protocol fake: generate, review, edit, accept, glossary, export read back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gradio_client import Client

from app.__main__ import main as cli_main
from app.services.listings.exports import read_shopify_csv
from app.wiring import Services
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities, ChatModel
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER
from tests.support.openai_fake import FakeOpenAIServer

pytestmark = pytest.mark.integration

GOOD_ES = {
    "title": "PixelPort monitor portátil 15,6 pulgadas Full HD IPS 60 Hz",
    "bullets": ["Panel IPS de 1920 x 1080 con 300 nits", "Un solo cable USB-C para imagen, sonido y energía"],
    "description": "Monitor portátil ligero y delgado de 15,6 pulgadas, ideal como segunda pantalla para el portátil "
                   "o la consola cuando viajas.",
    "keywords": ["monitor portátil"],
}
INVENTED_ES = {**GOOD_ES, "title": "PixelPort monitor portátil 15,6 pulgadas 4K 144 Hz resistente al agua"}


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    fake = FakeOpenAIServer.start(["fake"])
    yield fake
    fake.stop()


@pytest.fixture
def model(server: FakeOpenAIServer) -> Iterator[ChatModel]:
    chat = build_chat_model(VLLMConfig(base_urls=[server.base_url], model="fake", read_timeout=5, max_retries=0,
                                       capabilities=Capabilities(json_schema=True)))
    yield chat
    chat.close()


def test_merchant_generates_reviews_accepts_and_exports(
    make_services: Callable[..., Services], run_app: Callable[[Services], str], server: FakeOpenAIServer,
    model: ChatModel, tmp_path: Path,
) -> None:
    services = make_services(chat_model=model)
    client = Client(run_app(services), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    status, glossary = client.predict({"headers": ["a", "b", "c", "d"], "data": [["keep", "*", "PixelPort", ""]]},
                                      api_name="/listings_glossary_save")
    assert "Saved 1" in status and glossary["data"][0][2] == "PixelPort"

    server.enqueue(json.dumps(INVENTED_ES, ensure_ascii=False))
    progress, table = client.predict(["PP-156-FHD"], ["es"], "amazon", False, api_name="/listings_generate")
    assert progress.startswith("Done: 1 listing(s), 0 new passed")
    row = table["data"][0]
    assert row[1:3] == ["PP-156-FHD", "es"] and row[6] == "3 issue(s)"
    version_id = row[0]

    source, title, bullets, description, keywords, issues = client.predict(version_id, api_name="/listings_open")
    assert "Flagged" in issues and "4K" in issues and "144 Hz" in issues and "waterproof" in issues
    assert "refresh rate: 60 Hz" in source and title == INVENTED_ES["title"]
    with pytest.raises(Exception, match="failed 3 check"):
        client.predict(version_id, "", api_name="/listings_accept")

    new_id, issues, _ = client.predict(version_id, GOOD_ES["title"], bullets, description, keywords,
                                       api_name="/listings_edit")
    assert new_id != version_id and "Passed every check" in issues
    assert services.knowledge.get("listings/es/PP-156-FHD#listing") is None
    issues, table = client.predict(new_id, "", api_name="/listings_accept")
    assert "accepted" in issues
    # The accepted, checked text is in the knowledge index in Spanish, for the buyer chat to quote.
    published = services.knowledge.get("listings/es/PP-156-FHD#listing")
    assert published is not None and published.language == "es" and GOOD_ES["description"] in published.text
    hits = services.retriever.search("monitor portátil ligero segunda pantalla", k=3)
    assert "listings/es/PP-156-FHD" in [hit.chunk.source for hit in hits]

    table, _ = client.predict(api_name="/listings_versions")
    assert [row[5] for row in table["data"]] == ["accepted", "draft"]  # newest first

    path, status = client.predict("shopify", "amazon", "es", api_name="/listings_export")
    rows = read_shopify_csv(Path(path))
    assert {r["Field"] for r in rows} == {"title", "body_html", "meta_title", "meta_description"}
    assert {r["Locale"] for r in rows} == {"es"} and "Exported 4 row(s)" in status


def test_cli_generates_accepts_and_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str], server: FakeOpenAIServer) -> None:
    monkeypatch.setenv("MC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MC_CHAT_BACKEND", "vllm")
    monkeypatch.setenv("MC_VLLM_BASE_URLS", server.base_url)
    monkeypatch.setenv("MC_VLLM_MODEL", "fake")
    monkeypatch.setenv("MC_VISION_BACKEND", "none")
    monkeypatch.setenv("MC_EMBEDDER", "use-multilingual")
    server.set_default(json.dumps(GOOD_ES, ensure_ascii=False))

    assert cli_main(["listings", "generate", "--products", "PP-156-FHD", "--languages", "es",
                     "--marketplace", "amazon"]) == 0
    out = capsys.readouterr().out
    assert "1/1 generated" in out and "1/1 listings pass every check" in out
    version_id = out.split("generated")[1].split()[0]
    assert cli_main(["listings", "generate", "--products", "PP-156-FHD", "--languages", "es",
                     "--marketplace", "amazon"]) == 0
    assert "1/1 skipped" in capsys.readouterr().out
    assert cli_main(["listings", "accept", version_id]) == 0
    target = tmp_path / "amazon.csv"
    assert cli_main(["listings", "export", "--format", "marketplace", "--marketplace", "amazon",
                     "--out", str(target)]) == 0
    assert "PixelPort monitor portátil" in target.read_text(encoding="utf-8")
    assert cli_main(["listings", "accept", "nope"]) == 2
    assert "No listing version" in capsys.readouterr().err
