"""Scanned PDFs with OCR switched on: the page image is read by the real RapidOCR models (offline, CPU) and the text
is chunked and cited with its page; a scan whose images hold no text is still refused with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from knowledge.corpus_loader import KnowledgeFormatError, load_file
from knowledge.ocr import PdfOcr

pytestmark = pytest.mark.integration
pytest.importorskip("rapidocr_onnxruntime", reason="optional OCR not installed (see knowledge/ocr.py)")

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _scan(path: Path, lines: list[str]) -> Path:
    """A PDF whose only page is a picture of the text: what a scanner without OCR produces."""
    picture = Image.new("RGB", (1000, 120 + 90 * len(lines)), "white")
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(FONT), 40) if FONT.is_file() else ImageFont.load_default(size=40)
    for row, line in enumerate(lines):
        draw.text((40, 60 + 90 * row), line, fill="black", font=font)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=190)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def ocr() -> PdfOcr:
    return PdfOcr()


def test_a_scanned_manual_is_read_by_ocr_and_cited_by_page(tmp_path: Path, ocr: PdfOcr) -> None:
    scan = _scan(tmp_path / "lamp_manual_scan.pdf", ["Charging takes 4 hours", "Warranty: 24 months"])
    with pytest.raises(KnowledgeFormatError, match="scanned PDF"):
        load_file(scan, tmp_path)  # OCR off: refused, as before
    chunks = load_file(scan, tmp_path, ocr=ocr)
    text = " ".join(c.text for c in chunks)
    assert "Charging takes 4 hours" in text and "24 months" in text, text
    assert all(c.title.endswith("p. 1") for c in chunks)


def test_a_scan_without_any_text_is_still_refused(ocr: PdfOcr) -> None:
    blank = Path(__file__).resolve().parents[2] / "data" / "imports" / "scanned_manual.pdf"
    with pytest.raises(KnowledgeFormatError, match="OCR found no text"):
        load_file(blank, blank.parent, ocr=ocr)
