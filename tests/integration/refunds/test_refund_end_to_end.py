"""End to end over the real app: the buyer files a claim in the widget, accepts the Portuguese offer, and the
merchant sees the case resolved, with its finding and audit trail, in the logged-in console."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file

from app.domain.refunds import Finding
from app.services.refunds.evidence import PROMPT_VERSION
from models.config import VLLMConfig
from models.registry import build_chat_model
from models.types import Capabilities
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.refund_media import photo, video, zip_named_jpg
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER
from tests.support.openai_fake import FakeOpenAIServer

pytestmark = pytest.mark.integration

FINDING = {
    "issue_visible": "yes", "damage_type": "cracked screen corner", "severity": "moderate", "product_matches": "yes",
    "packaging_damage": "no", "order_numbers_read": [], "tracking_numbers_read": ["LP00643812957BR"],
    "summary": "The lower left corner of the screen is cracked.",
}  # fmt: skip


def test_claim_offer_accept_and_merchant_review(
    refund_services, run_app, openai_fake: FakeOpenAIServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    openai_fake.enqueue(json.dumps(FINDING))
    model = build_chat_model(
        VLLMConfig(base_urls=[openai_fake.base_url], model="fake-vl", read_timeout=5, max_retries=0,
                   capabilities=Capabilities(streaming=True, images=True, video=True, json_schema=True))
    )  # fmt: skip
    services = refund_services(vision_model=model)
    # The merchant's own policy: returnless when the label costs more than 30% (Brazil: 60 of 169 USD).
    services.refunds.save_policy({"returnless_threshold_pct": "30"}, MERCHANT_USER)
    url = run_app(services)

    buyer = Client(f"{url}/widget/", verbose=False)
    files = [
        handle_file(str(photo(tmp_path / "canto.jpg", seed=11))),
        handle_file(str(photo(tmp_path / "caixa.jpg", seed=12))),
        handle_file(str(video(tmp_path / "video.mp4", seconds=3))),
        handle_file(str(zip_named_jpg(tmp_path / "fotos.jpg"))),
    ]
    number, offer, notes = buyer.predict(  # (layout rows are not API values)
        BR_ORDER, BR_EMAIL, "damaged", "O monitor chegou com o canto da tela trincado.", files,
        api_name="/refund_claim_submit",
    )  # fmt: skip
    assert number == "R-000001", "the buyer's claim reference is the case number, not the internal id"
    case_id = services.refunds.case_detail(number).case.id
    assert "84,50 USD" in offer and "Podemos reembolsar" in offer, offer
    assert "fotos.jpg" in notes and "archive" in notes, "the bad file is named, the rest was kept"
    assert len(openai_fake.requests) == 1
    sent = [
        p["type"] for m in openai_fake.requests[0]["messages"] if m["role"] == "user" for p in m["content"]
    ]
    assert sent == ["text", "image_url", "image_url", "video_url"]

    # Another buyer cannot touch this claim; the owner accepts.
    with pytest.raises(Exception, match="could not find this claim"):
        buyer.predict(number, "k.nowak@example.com", api_name="/refund_offer_accept")
    accepted = buyer.predict(number, BR_EMAIL, api_name="/refund_offer_accept")
    assert "84,50 USD" in accepted and "5 dias úteis" in accepted

    merchant = Client(url, auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    queue = merchant.predict("resolved", "all", "", None, None, api_name="/refund_queue")
    assert [row[0] for row in queue["data"]] == [number], "the queue shows the case number (R-000001)"
    summary, gallery, video_value, finding, rules, steps, audit, amount = merchant.predict(
        number, api_name="/refund_case"
    )
    assert "resolved" in summary and "84.50" in summary
    assert len(gallery) == 2 and video_value is not None
    assert finding["status"] == "analysed" and finding["prompt_version"] == PROMPT_VERSION
    assert finding["tracking_no_match"] == "yes"
    assert [row[2] for row in steps["data"]] == ["offer", "accept"]
    actions = [(row[1], row[2]) for row in audit["data"]]
    assert actions == [
        ("buyer", "claim_opened"), ("buyer", "evidence_added"), ("vision-model", "evidence_analysed"),
        ("policy-engine", "offer_sent"), ("buyer", "accept"),
    ]  # fmt: skip
    assert amount == 84.5

    exported = merchant.predict("all", "all", "", None, None, api_name="/refund_export_csv")
    rows = list(csv.DictReader(Path(exported).read_text(encoding="utf-8").splitlines()))
    assert rows[0]["case_id"] == case_id and rows[0]["final_amount"] == "84.50" and rows[0]["case"] == number
    savings = merchant.predict(api_name="/refund_savings")
    assert savings["data"][0][:3] == ["2026-11", "USD", 1]

    # A second claim on the same order: the return goes to the merchant, capped at what is left (187 - 84.50), and
    # the money is decided only when the merchant marks the returned item received.
    # Now the monitor comes back (the 60 USD label is under 40% of 169 USD).
    services.refunds.save_policy({"returnless_threshold_pct": "40"}, MERCHANT_USER)
    second = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "A tela piorou.")
    services.refunds.repository.add_finding(second.id, Finding(status="analysed", issue_visible="yes",
                                            severity="moderate", product_matches="yes"), attempts=1, raw=[])  # fmt: skip
    assert services.refunds.propose(second.id).status == "review"
    summary, *_rest, amount = merchant.predict(second.id, None, "", api_name="/refund_approve")
    assert "awaiting_return" in summary and amount == 102.5
    summary, *_rest = merchant.predict(second.id, api_name="/refund_return_received")
    assert "resolved" in summary and "Return for refund · 102.50 USD" in summary
    with pytest.raises(Exception, match="already decided"):
        merchant.predict(second.id, api_name="/refund_return_received")
    # The console's refund API is closed to anonymous callers.
    assert httpx.post(
        f"{url}/gradio_api/call/refund_queue", json={"data": ["all", "all", "", None, None]}
    ).status_code in (401, 403)
