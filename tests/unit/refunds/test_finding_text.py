"""The finding as sentences: what a merchant must not miss is marked as a problem."""

from __future__ import annotations

from app.domain.refunds import Finding
from app.services.refunds.finding_text import finding_lines


def test_a_reused_photo_and_a_wrong_label_are_problems() -> None:
    finding = Finding(
        status="analysed", issue_visible="yes", damage_type="cracked screen", severity="moderate",
        product_matches="yes", order_no_match="no", reused_photo=True, reused_detail="case 4f2a, 2026-10-02",
    )  # fmt: skip
    lines = [(line.level, line.text) for line in finding_lines(finding)]
    assert ("check", "The photos show the problem (cracked screen); severity: moderate.") in lines
    assert ("good", "The product in the photos matches the one ordered.") in lines
    assert ("problem", "The order number on the shipping label is not this order's.") in lines
    assert ("problem", "A photo was already used in another claim: case 4f2a, 2026-10-02.") in lines
    assert not any("tracking number" in text for _, text in lines)  # not visible: nothing to say


def test_no_model_means_look_yourself() -> None:
    lines = finding_lines(Finding(status="needs_manual_review", note="No vision model is configured."))
    assert [line.level for line in lines] == ["check", "note"]
    assert "look at them yourself" in lines[0].text
    assert finding_lines(None)[0].text == "The evidence has not been analysed yet."
