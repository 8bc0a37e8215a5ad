"""Inputs of the written-policy rules: the vision answer's damage cause, product categories from the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.refunds import DAMAGE_CAUSES, ClaimLine, RefundPolicy
from app.services.refunds.evidence import FINDING_SCHEMA, SYSTEM_PROMPT, ModelFinding
from app.services.refunds.policy import non_returnable_kind
from app.services.refunds.product_kinds import ProductCategories

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"
ANSWER = {
    "issue_visible": "yes", "damage_type": "water stains inside the panel", "severity": "severe",
    "product_matches": "yes", "packaging_damage": "no", "order_numbers_read": [], "tracking_numbers_read": [],
    "summary": "Liquid marks under the screen.",
}  # fmt: skip


def test_the_model_is_asked_for_the_damage_cause_within_a_closed_list() -> None:
    assert FINDING_SCHEMA["properties"]["damage_cause"]["enum"] == list(DAMAGE_CAUSES)
    assert "damage_cause" in FINDING_SCHEMA["required"]
    for cause in ("drop", "liquid", "misuse", "unknown"):
        assert cause in SYSTEM_PROMPT


def test_damage_cause_is_read_and_an_answer_without_it_counts_as_unknown() -> None:
    assert ModelFinding.model_validate({**ANSWER, "damage_cause": "liquid"}).damage_cause == "liquid"
    assert ModelFinding.model_validate(ANSWER).damage_cause == "unknown"
    with pytest.raises(ValueError):
        ModelFinding.model_validate({**ANSWER, "damage_cause": "gremlins"})


def test_product_categories_come_from_the_store_catalog(tmp_path: Path) -> None:
    categories = ProductCategories.from_corpus(CORPUS)
    assert categories.category("PP-SP-133") == "accessory" and categories.category("pp-156-fhd") == "monitor"
    assert categories.category("NO-SUCH-ID") == ""
    (tmp_path / "products.yaml").write_text("products: [unclosed", encoding="utf-8")
    assert ProductCategories.from_corpus(tmp_path).category("PP-SP-133") == "", (
        "a broken file means no category"
    )


@pytest.mark.parametrize(
    ("line", "kind"),
    [(ClaimLine(title="Anti-Glare Screen Protector (2-Pack)", category="accessory"), "screen protector"),
     (ClaimLine(title="Deluxe kit", category="cleaning kits"), "cleaning kit"),
     (ClaimLine(title="Monitor with screen and protector sleeve", category="monitor"), None),
     (ClaimLine(title="Screen cleaning spray", category="accessory"), None),
     (ClaimLine(title="15.6in Portable Monitor", category="monitor"), None)],
)  # fmt: skip
def test_non_returnable_kinds_match_the_words_in_a_row_in_category_or_title(
    line: ClaimLine, kind: str | None
) -> None:
    assert non_returnable_kind(RefundPolicy(), line) == kind
