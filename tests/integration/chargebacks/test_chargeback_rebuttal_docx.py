"""The Word rebuttal, opened again with python-docx: case id, masked card only, every present evidence item,
the exhibits' images, the deadline, and (template path) no date, amount, tracking number or name that the evidence
bundle does not hold."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from app.services.chargebacks.pan import find_pans
from tests.integration.chargebacks.conftest import TEST_PAN, ChargebackEnv, photo

pytestmark = pytest.mark.integration

CLAIM = f"I never received the monitor. My card {TEST_PAN} was charged anyway; tracking says nothing to me."


def _all_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture
def korean_case(chargeback_env: Callable[..., ChargebackEnv]) -> ChargebackEnv:
    env = chargeback_env()
    env.service.create({"case_id": "VCR-2026-0091", "reason_code": "13.1", "amount": "229.00",
                        "dispute_date": "2026-11-20", "order_no": "PP-260921", "claim_text": CLAIM,
                        "acquirer": "Hana Card Acquiring"})
    for index, (color, caption) in enumerate([("navy", "Parcel at the door"), ("darkgreen", "Label close-up"),
                                              ("maroon", "Box as packed")]):
        key = "delivery_photo" if index == 0 else "product_photo"
        env.service.attach_exhibit("VCR-2026-0091", photo(color, caption, fmt="PNG" if index == 2 else "JPEG"),
                                   f"img{index}.jpg", caption=caption, evidence_key=key)
    return env


def test_template_rebuttal_holds_the_case_and_nothing_else(korean_case: ChargebackEnv) -> None:
    service = korean_case.service
    bundle = service.assemble("VCR-2026-0091")
    result = service.generate("VCR-2026-0091")
    path = Path(result.path)
    assert result.narrative_source == "template" and result.model_seconds == 0.0
    text = _all_text(path)

    assert "VCR-2026-0091" in text
    assert "Hana Card Acquiring" in text
    # Masked card only: no PAN anywhere, not even from the claim text; the receipt form is shown.
    assert find_pans(text) == [] and TEST_PAN not in text.replace(" ", "")
    assert "VISA •••• 1881" in text and "[card •••• 1111]" in text
    # Every evidence item the case holds is in the document, by name and by what it shows.
    for item in bundle.present_items:
        assert item.label in text, item.key
        assert item.summary in text, item.key
    assert {"proof_of_delivery", "signed_delivery", "tracking_events", "delivery_photo"} <= {
        i.key for i in bundle.present_items}
    # The deadline.
    assert "2026-12-20" in text and "Response due" in text
    # Exhibits: three embedded images with captions, plus the tracking table.
    document = Document(str(path))
    assert len(document.inline_shapes) == 3
    images = [rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/image")]
    assert len(images) == 3 and all(len(image.blob) > 1000 for image in images)
    captions = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"]
    assert captions[:3] == ["Exhibit A: Parcel at the door", "Exhibit B: Label close-up", "Exhibit C: Box as packed"]
    assert captions[3].startswith("Exhibit D: Carrier tracking history — CJ Logistics CJ683021457KR")
    tracking_table = document.tables[-1]
    assert [c.text for c in tracking_table.rows[0].cells] == ["Time", "Location", "Event"]
    assert len(tracking_table.rows) == 1 + len(bundle.tracking)

    # No fact that is not in the evidence: every date, amount, tracking number and name must come from the bundle.
    corpus = bundle.fact_corpus()
    dates = set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text))
    amounts = set(re.findall(r"\b\d[\d,]*\.\d{2}\b", text))
    identifiers = {t for t in re.findall(r"\b[A-Z0-9][A-Z0-9-]{7,}\b", text) if any(ch.isdigit() for ch in t)}
    assert dates and amounts and "CJ683021457KR" in identifiers
    for token in dates | amounts | identifiers:
        assert token in corpus, token
    for name in ("Park Ji-hoon", "PixelPort Displays"):
        assert name in text and name in corpus
    other_buyers = {o.buyer_name for o in korean_case.orders.list_all()} - {"Park Ji-hoon"}
    assert not [name for name in other_buyers if name in text]


def test_the_template_argument_is_built_from_summaries_only(korean_case: ChargebackEnv) -> None:
    from app.services.chargebacks.narrative import unsupported_details

    bundle = korean_case.service.assemble("VCR-2026-0091")
    result = korean_case.service.generate("VCR-2026-0091")
    document = Document(result.path)
    paragraphs = [p.text for p in document.paragraphs]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("Argument — Visa 13.1"))
    end = next(i for i, p in enumerate(paragraphs) if p == "Evidence enclosed")
    argument = "\n".join(paragraphs[start + 1:end])
    assert "delivered on 2026-09-26" in argument and "signed for by Park Ji-hoon" in argument
    assert unsupported_details(argument, bundle) == []


def test_webp_exhibits_are_converted_and_a_non_image_is_refused(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    from app.errors import InvalidInputError

    env = chargeback_env()
    env.service.create({"case_id": "AX-1", "reason_code": "C08", "amount": "299.00", "dispute_date": "2026-11-20",
                        "order_no": "PP-261002"})
    env.service.attach_exhibit("AX-1", photo("gray", fmt="WEBP"), "door.webp", caption="Door", evidence_key="delivery_photo")
    with pytest.raises(InvalidInputError, match="not a readable image"):
        env.service.attach_exhibit("AX-1", b"%PDF-1.4 not an image", "label.jpg", caption="x")
    document = Document(env.service.generate("AX-1").path)
    assert len(document.inline_shapes) == 1
    assert len(env.service.get("AX-1").exhibits) == 1  # the refused file left no trace
