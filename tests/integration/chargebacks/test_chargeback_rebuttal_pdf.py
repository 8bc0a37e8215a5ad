"""The PDF packet and the Stripe evidence export, read back: pypdf finds the letter, the sections, the order number,
the buyer's own words (Korean, Arabic) and every exhibit photo; an oversized photo is scaled down to fit; a packet
over a processor's page limit is reported as such; without fonts the packet is still written and says what it lost;
the Stripe JSON validates against the field set with Stripe's limits."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pydantic import ValidationError
from pypdf import PdfReader

from app.services.chargebacks.pan import find_pans
from app.services.chargebacks.pdf_fonts import find_fonts
from app.services.chargebacks.processor_limits import MASTERCARD_MAX_PAGES, ProcessorLimit, limits_for
from app.services.chargebacks.rebuttal_docx import ExhibitImage
from app.services.chargebacks.rebuttal_pdf import IMAGE_STEPS, write_rebuttal_pdf
from app.services.chargebacks.refund_history import RefundRecord
from app.services.chargebacks.stripe_evidence import (
    CUT_MARKER,
    LONG_TEXT,
    StripeDisputeEvidence,
    stripe_evidence,
)
from app.store.tables import ConversationRow, MessageRow
from tests.integration.chargebacks.conftest import TEST_PAN, ChargebackEnv, photo

pytestmark = pytest.mark.integration

CASE = "VCR-2026-0101"
KOREAN = "상자가 비어 있었어요"
ARABIC = "وصل الطرد فارغا"
RECEIPT = "Decision on claim RF-9: partial refund of 20.00 USD under clause 4.2 (cosmetic damage)."


def _text(path: Path) -> str:
    # fpdf2 writes CID text that pypdf extracts with a NUL before each CJK character; a viewer shows none.
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages).replace("\x00", "")


def _image_sizes(path: Path) -> list[tuple[int, int]]:
    sizes = []
    for page in PdfReader(str(path)).pages:
        for image in page.images:
            assert image.image is not None, f"an embedded image does not decode: {image.name}"
            sizes.append(image.image.size)
    return sizes


def _noise(width: int, height: int) -> bytes:
    """A photo that does not compress: random pixels as a high-quality JPEG (several MB)."""
    import io

    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=95)
    return buffer.getvalue()


class _Refunds:
    def refunds_for_order(self, order_no: str) -> Sequence[RefundRecord]:
        if order_no != "PP-260921":
            return []
        return [RefundRecord(reference="RF-9", requested_on=date(2026, 9, 28), status="refunded",
                             amount=Decimal("20.00"), currency="USD", refunded_on=date(2026, 9, 30),
                             reason="scratch on the stand", receipt=RECEIPT)]


def _add_chat(env: ChargebackEnv) -> None:
    with env.db.session() as session:
        conversation = ConversationRow(session_token="t-pdf", buyer_email="JIHOON.PARK@example.org", language="ko")
        session.add(conversation)
        session.flush()
        for minute, (role, text, english) in enumerate([
            ("buyer", f"{KOREAN} card {TEST_PAN}", "The box was empty"),
            ("buyer", ARABIC, "The parcel arrived empty"),
            ("assistant", "It was delivered on 2026-09-26 and signed for.", None),
        ]):
            meta = {"translated_to": "en", "translation_status": "machine"} if english else {}
            session.add(MessageRow(conversation_id=conversation.id, role=role, text=text, translation=english,
                                   meta=meta, language="ar" if text == ARABIC else "ko",
                                   created_at=datetime(2026, 9, 27, 9, minute, tzinfo=UTC)))


@pytest.fixture
def case_env(chargeback_env: Callable[..., ChargebackEnv]) -> ChargebackEnv:
    env = chargeback_env(refund_source=lambda: _Refunds())
    _add_chat(env)
    env.service.create({"case_id": CASE, "reason_code": "13.1", "amount": "229.00", "dispute_date": "2026-11-20",
                        "order_no": "PP-260921", "claim_text": f"never arrived, card {TEST_PAN}"})
    for index, (color, caption) in enumerate([("navy", "Parcel at the door"), ("maroon", "Box as packed")]):
        env.service.attach_exhibit(CASE, photo(color, caption, fmt="PNG" if index else "JPEG"), f"img{index}.jpg",
                                   caption=caption, evidence_key="delivery_photo" if index == 0 else "product_photo")
    return env


def test_pdf_packet_holds_the_same_packet_as_the_word_file(case_env: ChargebackEnv) -> None:
    result = case_env.service.generate(CASE)
    assert result.pdf is not None and result.stripe is not None
    pdf_path = Path(result.pdf.path)
    assert pdf_path.read_bytes().startswith(b"%PDF-") and pdf_path.parent == Path(result.path).parent
    text = _text(pdf_path)
    bundle = case_env.service.assemble(CASE)

    assert f"Chargeback response — case {CASE}" in text and "Dear dispute analyst," in text
    for heading in ("Case summary", "Argument — Visa 13.1", "Evidence enclosed", "Timeline", "Exhibits"):
        assert heading in text, heading
    assert "PP-260921" in text and "VISA •••• 1881" in text
    assert find_pans(text) == [] and TEST_PAN not in text.replace(" ", "")
    for item in bundle.present_items:
        assert item.label in text, item.key
    # The buyer's own words beside the English translation, and the decision receipt, are in the packet.
    assert KOREAN in text and "The box was empty" in text
    assert ARABIC in text and "The parcel arrived empty" in text
    assert RECEIPT in text.replace("\n", " ")
    assert "Exhibit A: Parcel at the door" in text and "Exhibit B: Box as packed" in text
    assert "Exhibit C: Carrier tracking history — CJ Logistics CJ683021457KR" in text
    # Both photos are embedded (the PNG too), and nothing was left undrawn for lack of a font.
    assert len(_image_sizes(pdf_path)) == 2
    assert result.pdf.missing_glyphs == ""
    assert result.pdf.within_limits and [c.processor for c in result.pdf.checks] == ["Stripe", "Shopify Payments"]
    assert result.pdf.pages == len(PdfReader(str(pdf_path)).pages)
    event = [e for e in case_env.audit.for_case("chargeback", CASE) if e.action == "rebuttal_generated"][-1]
    assert event.detail["pdf_within_limits"] is True and event.detail["pdf_pages"] == result.pdf.pages


def test_stripe_export_is_a_valid_evidence_hash_of_the_store_facts(case_env: ChargebackEnv) -> None:
    result = case_env.service.generate(CASE)
    assert result.stripe is not None and result.pdf is not None
    document = json.loads(Path(result.stripe.path).read_text(encoding="utf-8"))
    evidence = StripeDisputeEvidence.model_validate(document["evidence"])
    assert evidence.customer_name == "Park Ji-hoon"
    assert evidence.shipping_carrier == "CJ Logistics" and evidence.shipping_tracking_number == "CJ683021457KR"
    assert evidence.shipping_date == "2026-09-21"
    assert evidence.uncategorized_text and "PP-260921" in evidence.uncategorized_text
    assert TEST_PAN not in json.dumps(document, ensure_ascii=False)
    # The packet is the one file to upload; its placeholder sits in the file field.
    [upload] = document["uploads"]
    assert upload["file"] == Path(result.pdf.path).name and upload["purpose"] == "dispute_evidence"
    assert document["evidence"][upload["field"]] == upload["placeholder"]
    assert document["truncated"] == []


def test_text_over_stripes_limit_is_cut_with_a_note(case_env: ChargebackEnv) -> None:
    bundle = case_env.service.assemble(CASE)
    narrative = case_env.service._narrative.write(bundle, use_model=False).narrative
    long = narrative.model_copy(update={"text": "The buyer signed for the parcel. " * 1200})
    evidence, truncated, _ = stripe_evidence(bundle, long, None, "packet.pdf")
    assert evidence.uncategorized_text is not None and len(evidence.uncategorized_text) == LONG_TEXT
    assert evidence.uncategorized_text.endswith(CUT_MARKER)
    assert truncated and truncated[0].startswith("uncategorized_text:") and f"cut to {LONG_TEXT}" in truncated[0]


def test_evidence_model_enforces_stripes_field_set_and_limits() -> None:
    StripeDisputeEvidence(customer_name="A" * 5000, uncategorized_file="file_1AbC")
    for bad in ({"customer_name": "A" * 5001}, {"uncategorized_text": "x" * (LONG_TEXT + 1)},
                {"receipt": "receipt.pdf"}, {"customer_phone": "123"}):
        with pytest.raises(ValidationError):
            StripeDisputeEvidence.model_validate(bad)
    with pytest.raises(ValidationError, match="150000"):  # the combined count of all fields
        StripeDisputeEvidence(**{name: "x" * LONG_TEXT for name in (
            "access_activity_log", "cancellation_policy_disclosure", "cancellation_rebuttal", "duplicate_charge_explanation",
            "product_description", "refund_policy_disclosure", "refund_refusal_explanation", "uncategorized_text")})


def test_a_huge_photo_is_scaled_down_until_the_packet_fits(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    env = chargeback_env()
    env.service.create({"case_id": "BIG-1", "reason_code": "13.1", "amount": "229.00", "dispute_date": "2026-11-20",
                        "order_no": "PP-260921"})
    for index in range(3):
        data = _noise(3000, 2250)
        assert len(data) > 2_000_000  # each photo alone is over Shopify's per-file limit
        env.service.attach_exhibit("BIG-1", data, f"noise{index}.jpg", caption=f"Photo {index}",
                                   evidence_key="delivery_photo")
    result = env.service.generate("BIG-1")
    assert result.pdf is not None
    assert result.pdf.within_limits, result.pdf.limit_summary()
    assert Path(result.pdf.path).stat().st_size <= 2_000_000
    assert result.pdf.image_side is not None and result.pdf.image_side < IMAGE_STEPS[0].side
    assert any("scaled" in note for note in result.pdf.notes)
    sizes = _image_sizes(Path(result.pdf.path))
    assert len(sizes) == 3 and all(max(size) <= result.pdf.image_side for size in sizes)


def test_too_many_pages_for_mastercard_is_reported_not_hidden(chargeback_env: Callable[..., ChargebackEnv]) -> None:
    env = chargeback_env()
    env.service.create({"case_id": "MC-PAGES", "network": "mastercard", "reason_code": "4853", "amount": "299.00",
                        "dispute_date": "2026-11-20", "order_no": "PP-261015"})
    for index in range(40):  # two photos a page: well over Mastercard's 19 pages
        env.service.attach_exhibit("MC-PAGES", photo("gray", f"p{index}", size=(320, 240)), f"p{index}.jpg",
                                   caption=f"Photo {index}", evidence_key="product_photo")
    result = env.service.generate("MC-PAGES")
    assert result.pdf is not None and Path(result.pdf.path).is_file()
    assert result.pdf.pages > MASTERCARD_MAX_PAGES and not result.pdf.within_limits
    assert all(check.max_pages == MASTERCARD_MAX_PAGES for check in result.pdf.checks)
    summary = result.pdf.limit_summary()
    assert f"Stripe: OVER THE LIMIT — {result.pdf.pages} pages is over the 19-page limit" in summary
    assert limits_for("visa")[0].max_pages == 50


def test_over_the_size_limit_after_every_step_says_so(
    chargeback_env: Callable[..., ChargebackEnv], tmp_path: Path
) -> None:
    env = chargeback_env()
    env.service.create({"case_id": "TINY-1", "reason_code": "13.1", "amount": "229.00", "dispute_date": "2026-11-20",
                        "order_no": "PP-260921"})
    bundle = env.service.assemble("TINY-1")
    narrative = env.service._narrative.write(bundle, use_model=False).narrative
    big = tmp_path / "big.jpg"
    big.write_bytes(_noise(1200, 900))
    tiny = ProcessorLimit("Tiny", max_file_bytes=30_000, max_total_bytes=30_000, max_pages=50, source="test")
    packet = write_rebuttal_pdf(bundle, narrative, [ExhibitImage("Exhibit A", "noise", big)], tmp_path / "p.pdf",
                                limits=[tiny])
    assert (tmp_path / "p.pdf").stat().st_size == packet.size_bytes > 30_000
    assert not packet.within_limits and packet.image_side == IMAGE_STEPS[-1].side
    assert "Tiny: OVER THE LIMIT — " in packet.limit_summary() and "over the 0.03 MB limit" in packet.limit_summary()


def test_without_any_font_the_packet_is_still_written_and_says_what_is_missing(
    case_env: ChargebackEnv, tmp_path: Path
) -> None:
    bundle = case_env.service.assemble(CASE)
    narrative = case_env.service._narrative.write(bundle, use_model=False).narrative
    packet = write_rebuttal_pdf(bundle, narrative, [], tmp_path / "plain.pdf", fonts=find_fonts((tmp_path / "none",)))
    text = _text(Path(packet.path))
    assert f"Chargeback response - case {CASE}" in text and "PP-260921" in text
    assert any("No Unicode font" in note for note in packet.notes)
    assert set(KOREAN.replace(" ", "")) <= set(packet.missing_glyphs)
    assert any("could not be drawn" in note for note in packet.notes)
