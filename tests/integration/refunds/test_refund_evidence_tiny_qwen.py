"""The evidence path for real on a tiny random-weight Qwen2.5-VL in process (structure only, no hub)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.refunds.evidence import PROMPT_VERSION
from app.store.refund_tables import RefundFindingRow
from models.config import TransformersConfig
from models.registry import build_chat_model
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.refund_media import photo, video
from tests.support.fixtures_db import FreshDatabaseUrl, sqlite_url

pytestmark = pytest.mark.integration


@pytest.fixture
def fresh_database_url() -> FreshDatabaseUrl:
    """SQLite only: this file tests the model path; the store runs on Postgres in the other refund tests."""
    return sqlite_url


def test_random_weights_end_in_manual_review_after_one_retry(
    refund_services, tiny_qwen2_vl_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    model = build_chat_model(
        TransformersConfig(
            model_path=str(tiny_qwen2_vl_dir),
            vision=True,
            vision_pipeline="builtin",
            stream_timeout_s=60,
            min_pixels=4 * 28 * 28,
            max_pixels=16 * 28 * 28,
        )  # fmt: skip
    )
    assert model.capabilities.images and model.capabilities.video
    services = refund_services(vision_model=model, evidence_video_frames=4)
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "A tela chegou trincada.")
    report = services.refunds.add_evidence(
        case.id,
        [(photo(tmp_path / "p.jpg", seed=1, size=(112, 84)), "p.jpg"), (video(tmp_path / "v.mp4"), "v.mp4")],
    )
    assert len(report.accepted) == 2

    finding = services.refunds.analyse(case.id)

    assert finding.status == "needs_manual_review", finding
    assert finding.prompt_version == PROMPT_VERSION and finding.model
    with services.db.session() as session:
        row = session.scalars(select(RefundFindingRow).where(RefundFindingRow.case_id == case.id)).one()
        assert row.attempts == 2, row.raw
        assert all("error" in entry for entry in row.raw), (
            "both answers were unusable and are kept for review"
        )
    assert len(services.refunds.case_detail(case.id).evidence) == 2
    assert services.refunds.propose(case.id).status == "review"
