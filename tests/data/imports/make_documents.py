"""Regenerate the binary fixtures of this folder (run from the repository root):

    python tests/data/imports/make_documents.py

A headlamp user manual as a text PDF (fpdf2), the same as a scan with no text layer,
and a care guide as a Word file (python-docx). Outputs are committed; this script is
how they were made.
"""

from __future__ import annotations

from pathlib import Path

import docx
from fpdf import FPDF

HERE = Path(__file__).resolve().parent

MANUAL = [
    ("1 Safety", [
        "Do not look directly into the beam at the BOOST setting.",
        "Keep the headlamp away from children under 8 years.",
    ]),
    ("2 Charging", [
        "Charge the built-in 2400 mAh battery with the supplied USB-C cable and any 5 V / 1 A USB charger.",
        "A full charge takes about 4 hours; the indicator turns green when the battery is full.",
    ]),
    ("3 Light modes and run time", [
        "LOW 30 lumens: 60 hours. MEDIUM 200 lumens: 12 hours. HIGH 450 lumens: 4 hours.",
        "BOOST 900 lumens for 3 minutes, then the lamp steps down to HIGH to protect the LEDs.",
    ]),
    ("4 Water resistance", [
        "The Aurora X2 is rated IPX6: it withstands heavy rain and water jets but must not be submerged.",
    ]),
    ("5 Warranty", [
        "Nordvik Outdoor gives a 2-year warranty on the lamp and 1 year on the battery.",
    ]),
]


def manual_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.set_title("Aurora X2 Headlamp user manual")
    for heading, paragraphs in MANUAL:
        pdf.add_page()  # one section per page, so the citation's page number is testable
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))


def scanned_pdf(path: Path) -> None:
    """Pages with only drawn shapes: what a scanner without OCR produces (images, no text)."""
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        for row in range(20):
            pdf.rect(20, 20 + row * 10, 120 + (row % 3) * 20, 4, style="F")
    pdf.output(str(path))


def care_guide_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Merino care guide"
    document.add_heading("Merino care guide", level=0)
    document.add_paragraph("How to keep Nordvik merino garments soft and in shape for years.")
    document.add_heading("Washing", level=1)
    document.add_paragraph("Wash at 30 °C maximum on a wool cycle with a wool detergent.")
    document.add_paragraph("Do not use fabric softener.", style="List Bullet")
    document.add_heading("Drying", level=1)
    document.add_paragraph("Lay flat to dry in the shade. Never tumble dry and never wring.")
    document.add_heading("Sizes", level=1)
    table = document.add_table(rows=3, cols=2)
    for row, (size, chest) in enumerate([("Size", "Chest (cm)"), ("S", "96"), ("M", "102")]):
        table.cell(row, 0).text = size
        table.cell(row, 1).text = chest
    document.save(str(path))


if __name__ == "__main__":
    manual_pdf(HERE / "aurora_x2_manual.pdf")
    scanned_pdf(HERE / "scanned_manual.pdf")
    care_guide_docx(HERE / "merino_care_guide.docx")
