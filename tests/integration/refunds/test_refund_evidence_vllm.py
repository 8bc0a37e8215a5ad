"""Evidence analysis through the vLLM backend against the wire-level OpenAI fake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.refunds.evidence import FINDING_SCHEMA, PROMPT_VERSION
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.refund_media import photo, video
from tests.support.fixtures_db import FreshDatabaseUrl, sqlite_url
from tests.support.openai_fake import FakeOpenAIServer

pytestmark = pytest.mark.integration


@pytest.fixture
def fresh_database_url() -> FreshDatabaseUrl:
    """SQLite only: this file tests the model path; the store runs on Postgres in the other refund tests."""
    return sqlite_url


GOOD = {
    "issue_visible": "yes", "damage_type": "cracked screen corner", "severity": "moderate",
    "product_matches": "yes", "packaging_damage": "yes", "order_numbers_read": ["PP-261020"],
    "tracking_numbers_read": ["LP00998877665BR"], "summary": "The lower left corner of the screen is cracked.",
}  # fmt: skip


def vision_model(fake: FakeOpenAIServer, video: bool = True):  # type: ignore[no-untyped-def]
    caps = Capabilities(streaming=True, images=True, video=video, json_schema=True)
    return build_chat_model(
        VLLMConfig(
            base_urls=[fake.base_url], model="fake-vl", capabilities=caps, read_timeout=5, max_retries=0
        )
    )


def claim_with_media(services, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "A tela chegou trincada no canto.")
    report = services.refunds.add_evidence(
        case.id,
        [(photo(tmp_path / "1.jpg", seed=1), "1.jpg"), (photo(tmp_path / "2.png", seed=2, fmt="PNG"), "2.png"),
         (video(tmp_path / "v.mp4", seconds=3), "v.mp4")],
    )  # fmt: skip
    assert len(report.accepted) == 3
    return case.id


def content_parts(request: dict) -> list[dict]:  # type: ignore[type-arg]
    user = [m for m in request["messages"] if m["role"] == "user"][0]
    return user["content"]


def test_media_arrive_as_content_parts_with_the_schema_and_the_finding_is_stored(
    refund_services, openai_fake: FakeOpenAIServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    openai_fake.enqueue("{not json at all", json.dumps(GOOD))
    services = refund_services(vision_model=vision_model(openai_fake))
    case_id = claim_with_media(services, tmp_path)

    finding = services.refunds.analyse(case_id)

    assert finding.status == "analysed" and finding.severity == "moderate"
    assert (finding.model, finding.prompt_version) == ("fake-vl", PROMPT_VERSION)
    assert finding.order_no_match == "yes", "code compared the label with the order"
    assert finding.tracking_no_match == "no", "the order's real tracking number differs"
    assert len(openai_fake.requests) == 2, "malformed JSON is retried once"
    request = openai_fake.requests[-1]
    assert request["response_format"]["type"] == "json_schema"
    assert request["response_format"]["json_schema"]["schema"] == FINDING_SCHEMA
    parts = content_parts(request)
    kinds = [p["type"] for p in parts]
    assert kinds == ["text", "image_url", "image_url", "video_url"]
    assert parts[1]["image_url"]["url"].startswith("data:image/jpeg;base64,")
    assert parts[2]["image_url"]["url"].startswith("data:image/png;base64,")
    assert parts[3]["video_url"]["url"].startswith("data:video/mp4;base64,")
    assert "trincada" in parts[0]["text"] and "€" not in json.dumps(request["messages"])
    stored = services.refunds.case_detail(case_id).finding
    assert stored == finding
    # The label mismatch is a fact the policy acts on: a person looks before any offer.
    assert services.refunds.propose(case_id).status == "review"


def test_malformed_twice_means_manual_review_and_nothing_is_lost(
    refund_services, openai_fake: FakeOpenAIServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    partial = {k: v for k, v in GOOD.items() if k != "severity"}
    openai_fake.enqueue('{"issue_visible": "yes", ', json.dumps(partial))
    services = refund_services(vision_model=vision_model(openai_fake))
    case_id = claim_with_media(services, tmp_path)

    finding = services.refunds.analyse(case_id)

    assert finding.status == "needs_manual_review" and "manual review" in (finding.note or "")
    assert len(openai_fake.requests) == 2
    detail = services.refunds.case_detail(case_id)
    assert detail.finding == finding and len(detail.evidence) == 3
    from sqlalchemy import select

    from app.store.refund_tables import RefundFindingRow

    with services.db.session() as session:
        row = session.scalars(select(RefundFindingRow).where(RefundFindingRow.case_id == case_id)).one()
        assert row.attempts == 2 and row.prompt_version == PROMPT_VERSION and len(row.raw) >= 2
    view = services.refunds.propose(case_id)
    assert view.status == "review"


def test_a_model_without_video_sees_a_bounded_number_of_frames(
    refund_services, openai_fake: FakeOpenAIServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    openai_fake.enqueue(json.dumps(GOOD))
    services = refund_services(vision_model=vision_model(openai_fake, video=False), evidence_video_frames=4)
    case_id = claim_with_media(services, tmp_path)
    assert services.refunds.analyse(case_id).status == "analysed"
    kinds = [p["type"] for p in content_parts(openai_fake.requests[-1])]
    assert kinds == ["text"] + ["image_url"] * (2 + 4)


def test_model_down_means_manual_review_at_once(refund_services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with FakeOpenAIServer.start() as fake:
        model = vision_model(fake)
        services = refund_services(vision_model=model)
        case_id = claim_with_media(services, tmp_path)
        fake.set_fault("down")
        finding = services.refunds.analyse(case_id)
    assert finding.status == "needs_manual_review" and "not reachable" in (finding.note or "")
