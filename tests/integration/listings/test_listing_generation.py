"""A generation run end to end over the OpenAI protocol (the wire-level fake at the model boundary), with real
SQLite: checks flag invented facts, retry carries the reasons, accepted versions are versioned, re-runs skip what
is unchanged and resume a stopped run, and the exports read back in their formats."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.errors import InvalidInputError
from app.services.language import LanguageIdentifier
from app.services.listings.exports import SHOPIFY_COLUMNS, read_shopify_csv
from app.services.listings.factory import build_listing_service
from app.services.listings.service import ListingService
from app.store.db import Database
from knowledge.store import KnowledgeStore
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities
from tests.support.fixtures_app import make_settings
from tests.support.openai_fake import FakeOpenAIServer

pytestmark = pytest.mark.integration

GOOD_KO = {
    "title": 'PixelPort 15.6" 휴대용 모니터 FHD IPS 60Hz',
    "bullets": ["1920 x 1080 IPS 패널, 300니트 밝기", "USB-C 케이블 하나로 영상, 소리, 전원 연결"],
    "description": "가볍고 얇은 15.6인치 휴대용 모니터입니다. 노트북과 게임기에 연결해 듀얼 스크린으로 사용하세요.",
    "keywords": ["휴대용 모니터", "포터블 모니터"],
}
BAD_KO = {**GOOD_KO, "title": 'PixelPort 15.6" 휴대용 모니터 144Hz 방수'}
GOOD_JA = {
    "title": "PixelPort 15.6インチ モバイルモニター フルHD IPS 60Hz",
    "bullets": ["1920×1080のIPSパネル、輝度300nit"],
    "description": "薄くて軽い15.6インチのモバイルモニターです。ノートパソコンやゲーム機のサブ画面として使えます。",
    "keywords": ["モバイルモニター"],
}


def _target_language(body: dict[str, Any]) -> str:
    system = body["messages"][0]["content"]
    return "ko" if "Korean" in system else "ja" if "Japanese" in system else "?"


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    fake = FakeOpenAIServer.start(["fake"])
    yield fake
    fake.stop()


@pytest.fixture
def knowledge(tmp_path: Path, memo_use_embedder: Any) -> KnowledgeStore:
    return KnowledgeStore(memo_use_embedder, path=tmp_path / "chroma")


@pytest.fixture
def service(tmp_path: Path, server: FakeOpenAIServer, knowledge: KnowledgeStore) -> Iterator[ListingService]:
    settings = make_settings(tmp_path)
    db = Database(settings.resolved_database_url)
    db.create_schema()
    model = build_chat_model(VLLMConfig(
        base_urls=[server.base_url], model="fake", read_timeout=5, max_retries=0,
        capabilities=Capabilities(streaming=True, images=False, video=False, json_schema=True)))
    yield build_listing_service(settings, db=db, chat_model=model, language=LanguageIdentifier(), knowledge=knowledge)
    model.close()
    db.dispose()


def _reply(replies: dict[str, list[dict[str, Any]]]) -> Any:
    def answer(body: dict[str, Any]) -> str:
        return json.dumps(replies[_target_language(body)].pop(0), ensure_ascii=False)
    return answer


def test_generate_check_retry_accept_rerun_and_export(service: ListingService, server: FakeOpenAIServer,
                                                      knowledge: KnowledgeStore, tmp_path: Path) -> None:
    service.save_glossary([["keep", "*", "PixelPort", ""], ["prefer", "ko", "portable monitor", "휴대용 모니터"]])
    server.set_default(_reply({"ko": [BAD_KO, GOOD_KO, GOOD_KO], "ja": [GOOD_JA, GOOD_JA]}))

    steps = list(service.run(["PP-156-FHD"], ["ko", "ja"], "coupang"))
    assert [(s.language, s.outcome) for s in steps] == [("ko", "generated"), ("ja", "generated")]
    ko, ja = steps[0].version, steps[1].version
    assert ko is not None and ja is not None and ja.passed
    assert {i.code for i in ko.issues} == {"unsupported_number", "unsupported_claim"}
    # JSON-schema output was requested with the marketplace's title limit, and only this product's facts were sent.
    first = server.requests[0]
    assert first["response_format"]["json_schema"]["schema"]["properties"]["title"]["maxLength"] == 120
    assert first["stream"] is True  # streamed: the read timeout is then the gap between chunks
    assert "PP-156-FHD" in first["messages"][-1]["content"] and "PP-133-FHD" not in first["messages"][-1]["content"]

    with pytest.raises(InvalidInputError, match="failed 2 check"):
        service.accept(ko.id)
    retried = service.retry(ko.id)
    assert "144Hz" in server.requests[-1]["messages"][-1]["content"]
    assert retried.passed and retried.version == 2
    service.accept(retried.id)
    service.accept(ja.id)
    published = knowledge.get("listings/ko/PP-156-FHD#listing")
    assert published is not None and published.language == "ko" and published.text.startswith(GOOD_KO["title"])

    # Unchanged facts, glossary and limits: nothing is generated again.
    before = len(server.requests)
    assert [s.outcome for s in service.run(["PP-156-FHD"], ["ko", "ja"], "coupang")] == ["skipped", "skipped"]
    assert len(server.requests) == before

    # An edit is a new checked version; accepting it supersedes the earlier accepted one.
    edited = service.edit(retried.id, retried.listing.model_copy(update={"title": retried.listing.title + " 방수"}))
    assert not edited.passed
    service.accept(edited.id, override_reason="buyer asked; to be verified")
    statuses = {v.version: v.status for v in service.versions(product_id="PP-156-FHD", language="ko")}
    assert statuses == {1: "draft", 2: "superseded", 3: "accepted"}
    # Accepted despite the checks: exported with a warning, but never quoted to buyers.
    assert service.localized("PP-156-FHD", "ko") is None
    assert knowledge.get("listings/ko/PP-156-FHD#listing") is None
    assert knowledge.get("listings/ja/PP-156-FHD#listing") is not None

    shopify = service.export("shopify", marketplace="coupang", path=tmp_path / "shopify.csv")
    rows = read_shopify_csv(shopify.path)
    assert tuple(rows[0]) == SHOPIFY_COLUMNS and len(rows) == shopify.rows == 8
    by_field = {(r["Locale"], r["Field"]): r for r in rows}
    assert by_field[("ko", "title")]["Translated content"].endswith("방수")
    assert by_field[("ja", "body_html")]["Translated content"].startswith("<p>薄くて")
    assert by_field[("ja", "title")]["Default content"].startswith("PixelPort 15.6")
    assert shopify.flagged and "merchant's reason: buyer asked" in shopify.flagged[0]
    # Without the store's own export there is no Shopify product ID: the rows carry the SKU and the report says so.
    assert {r["Identification"] for r in rows} == {"PP-156-FHD"} and shopify.unmatched == ["PP-156-FHD"]
    store_export = tmp_path / "store-translations.csv"
    with store_export.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([
            SHOPIFY_COLUMNS,
            ["PRODUCT", "'8079393226938", "handle", "ko", "", "", "pp-156-fhd", ""],
            ["PRODUCT", "'8079393226938", "title", "ko", "", "", "PixelPort 15.6", ""],
            ["COLLECTION", "'41", "handle", "ko", "", "", "monitors", ""],
        ])
    matched = service.export("shopify", marketplace="coupang", path=tmp_path / "ids.csv", shopify_export=store_export)
    assert matched.unmatched == []
    assert {r["Identification"] for r in read_shopify_csv(matched.path)} == {"'8079393226938"}
    (tmp_path / "orders.csv").write_text("order,total\n1,2\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="Shopify translations export"):
        service.export("shopify", marketplace="coupang", shopify_export=tmp_path / "orders.csv")

    market = service.export("marketplace", marketplace="coupang", path=tmp_path / "coupang.csv")
    with market.path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert {r["language"]: r["checks"].split(":")[0] for r in table} == {"ko": "FLAGGED", "ja": "passed"}
    assert [r for r in table if r["language"] == "ja"][0]["bullet_1"] == GOOD_JA["bullets"][0]

    data = json.loads(service.export("json", marketplace="coupang", path=tmp_path / "l.json").path.read_text("utf-8"))
    assert {(i["language"], i["version"], i["checks_passed"]) for i in data["listings"]} == {("ko", 3, False), ("ja", 1, True)}


def test_a_stopped_run_resumes_where_it_stopped(service: ListingService, server: FakeOpenAIServer) -> None:
    server.set_default(_reply({"ko": [GOOD_KO] * 2, "ja": [GOOD_JA] * 2}))
    run = service.run(["PP-156-FHD"], ["ko", "ja"], "coupang")
    assert next(run).outcome == "generated"
    run.close()  # the merchant pressed Stop after the first listing
    assert len(server.requests) == 1
    assert [s.outcome for s in service.run(["PP-156-FHD"], ["ko", "ja"], "coupang")] == ["skipped", "generated"]

    # A changed glossary changes what the listing must say: both are made again.
    service.save_glossary([["keep", "*", "PixelPort", ""]])
    assert [s.outcome for s in service.run(["PP-156-FHD"], ["ko", "ja"], "coupang")] == ["generated", "generated"]


def test_model_failure_and_non_listing_answers_are_flagged_not_raised(service: ListingService,
                                                                      server: FakeOpenAIServer) -> None:
    server.enqueue("not json at all", json.dumps({"title": "x"}))
    (first,) = list(service.run(["PP-156-FHD"], ["ko"], "coupang"))
    # Not JSON: asked once more, with the reason; the second answer is JSON but not a listing.
    assert len(server.requests) == 2 and "not valid JSON" in server.requests[1]["messages"][-1]["content"]
    assert first.version is not None and first.version.issues[0].code == "model"
    assert "not a listing" in first.version.issues[0].detail and "2 attempt" in first.version.issues[0].detail
    server.set_default("still not json")
    second = service.retry(first.version.id)
    assert second.issues[0].code == "model" and "not valid JSON" in second.issues[0].detail
    with pytest.raises(InvalidInputError):
        service.accept(second.id, override_reason="anyway")


def test_bad_glossary_rows_and_unknown_inputs_get_clear_messages(service: ListingService) -> None:
    with pytest.raises(InvalidInputError, match="row 2: kind"):
        service.save_glossary([["keep", "*", "PixelPort", ""], ["translate", "ko", "x", "y"]])
    with pytest.raises(InvalidInputError, match="Unknown marketplace"):
        list(service.run(["PP-156-FHD"], ["ko"], "etsy"))
    with pytest.raises(InvalidInputError, match="target languages"):
        list(service.run(["PP-156-FHD"], ["xx"], "amazon"))


def test_an_uploaded_catalog_product_keeps_its_brand(service: ListingService, server: FakeOpenAIServer,
                                                     tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir(exist_ok=True)
    (uploads / "kettles.yaml").write_text(
        "products:\n  - id: AQ-KT200\n    title: AquaBrew KT200 Electric Kettle 1.7 L\n    vendor: AquaBrew\n"
        "    specs: {capacity: 1.7 L, power: 2200 W}\n"
        "    description: Boils 1.7 L in about 4 minutes with auto shut-off.\n", encoding="utf-8")
    translated_brand = {"title": "Bouilloire électrique AquaInfusion KT200 1,7 L",
                        "bullets": ["Puissance de 2200 W"], "keywords": ["bouilloire"],
                        "description": "Fait bouillir 1,7 L en environ 4 minutes, avec arrêt automatique."}
    server.enqueue(json.dumps(translated_brand, ensure_ascii=False))
    (step,) = list(service.run(["AQ-KT200"], ["fr"], "amazon"))
    assert step.version is not None
    assert [(i.code, i.field) for i in step.version.issues] == [("glossary", "title")]
    assert "AquaBrew" in step.version.issues[0].detail

    server.enqueue(json.dumps({**translated_brand, "title": "Bouilloire électrique AquaBrew KT200 1,7 L"},
                              ensure_ascii=False))
    fixed = service.retry(step.version.id)
    assert fixed.passed
    # The merchant changes the product's data before accepting: the checked text no longer matches the facts.
    kettles = uploads / "kettles.yaml"
    kettles.write_text(kettles.read_text(encoding="utf-8").replace("2200 W", "2000 W"), encoding="utf-8")
    with pytest.raises(InvalidInputError, match="facts, the glossary or the Amazon limits changed"):
        service.accept(fixed.id)
