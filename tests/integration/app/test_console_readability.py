"""The console as a shop owner reads it: cases picked by order and reason, the finding as sentences with
badges, the refund queue refreshed after a decision, the chargeback picker keeps its label."""

from __future__ import annotations

from typing import Any

import pytest
from gradio_client import Client

from app.ui.console import build_console
from app.ui.refund_tab import _finding_markdown
from tests.support.fixtures_app import MERCHANT_PASSWORD, MERCHANT_USER

pytestmark = pytest.mark.integration

ORDER, EMAIL = "PP-261020", "mariana.oliveira@example.org"


def _dependency(config: dict[str, Any], api_name: str) -> dict[str, Any]:
    return next(d for d in config["dependencies"] if d.get("api_name") == api_name)


def test_refund_cases_are_picked_by_order_and_the_queue_follows_decisions(make_services) -> None:
    services = make_services()
    case = services.refunds.open_claim(ORDER, EMAIL, "damaged", "The screen corner is cracked.")
    config = build_console(services).config
    labels = [
        choice[0]
        for component in config["components"]
        if component.get("type") == "dropdown" and component["props"].get("label") == "Case"
        for choice in component["props"].get("choices") or []
        if choice[1] == case.id
    ]
    assert len(labels) == 1 and labels[0].startswith(f"R-000001 · Order {ORDER} · damaged · "), labels
    table_id = _dependency(config, "refund_queue")["outputs"][0]
    for action in ("refund_approve", "refund_edit_amount", "refund_reject", "refund_return_received",
                   "refund_close_unreturned"):  # fmt: skip
        decision = _dependency(config, action)
        follow_ups = [d for d in config["dependencies"] if d.get("trigger_after") == decision["id"]]
        assert any(table_id in d["outputs"] for d in follow_ups), f"{action} leaves the queue stale"


def test_finding_reads_as_sentences_with_badges() -> None:
    text = _finding_markdown({
        "status": "analysed", "issue_visible": "yes", "damage_type": "cracked corner", "severity": "severe",
        "product_matches": "no", "tracking_no_match": "yes", "model": "qwen-vl", "prompt_version": "v3",
    })  # fmt: skip
    assert "- 🔴 **Problem** The photos show the problem (cracked corner); severity: severe." in text
    assert "- 🔴 **Problem** The product in the photos does not look like the one ordered." in text
    assert "- 🟢 **OK** The tracking number on the shipping label matches this order." in text
    assert "Model qwen-vl, prompt v3" in text and "{" not in text
    assert "has not been analysed yet" in _finding_markdown({"status": "not analysed yet"})


def test_chargeback_picker_keeps_its_label_and_names_cases(make_services, run_app) -> None:
    client = Client(run_app(make_services()), auth=(MERCHANT_USER, MERCHANT_PASSWORD), verbose=False)
    client.predict("VCR-9", "auto", "13.1", "229.00", "", "2026-11-20", "", "PP-260921", "", "never came",
                   api_name="/chargeback_create")  # fmt: skip
    _table, picker = client.predict(api_name="/chargeback_queue")
    assert picker["label"] == "Case"
    assert ["CB-000001 · VCR-9 · Visa 13.1 · order PP-260921 · open", "VCR-9"] in [list(c) for c in picker["choices"]]
    client.close()
