"""PDF and DOCX files -> titled sections (PDF sections carry their page number).

Parsers: pypdf for PDF text layers, python-docx for Word files. A PDF with no text layer
(a scan) is refused with a message that says so, unless an OCR function is given (knowledge/ocr.py):
then the images of each page without text are read by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class DocumentError(ValueError):
    """A document that cannot be read; the message names the file and page where it can."""


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    body: str
    page: int | None = None  # 1-based page the section piece is on (PDF only)


@dataclass(frozen=True, slots=True)
class Document:
    title: str | None
    sections: tuple[Section, ...]


# "3 Setup", "2.1 Connecting a laptop", "Chapter 4", "SAFETY INSTRUCTIONS": how manuals mark sections.
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|chapter\s+\d+|section\s+\d+)\s+\S", re.I)


def _is_heading(line: str) -> bool:
    text = line.strip()
    if not 3 <= len(text) <= 80 or text[-1] in ".,;":
        return False
    if _NUMBERED.match(text) and not re.search(r"\d\s*(?:mm|cm|kg|g|w|v|%)\b", text, re.I):
        return len(text.split()) <= 10
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and len(text.split()) <= 8


Ocr = Callable[[bytes], str]  # image file bytes -> its text


def _ocr_page(page: object, ocr: Ocr, name: str, number: int) -> str:
    try:
        images = list(page.images)  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on broken image streams
        raise DocumentError(f"{name} page {number}: its images cannot be read for OCR ({exc})") from exc
    return "\n".join(text for image in images if (text := ocr(image.data).strip()))


def read_pdf(path: Path, name: str, ocr: Ocr | None = None) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name}: the PDF is password-protected; upload an unprotected copy")
        pages = list(reader.pages)
    except (PdfReadError, OSError, ValueError) as exc:
        if isinstance(exc, DocumentError):
            raise
        raise DocumentError(f"{name}: not a readable PDF ({exc})") from exc
    if not pages:
        raise DocumentError(f"{name}: the PDF has no pages")
    texts: list[str] = []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(page.extract_text() or "")
        except Exception as exc:  # noqa: BLE001 - pypdf raises many types on broken page streams
            raise DocumentError(f"{name} page {number}: text cannot be extracted ({exc})") from exc
    if ocr is not None:
        texts = [t if t.strip() else _ocr_page(pages[i], ocr, name, i + 1) for i, t in enumerate(texts)]
    if not any(t.strip() for t in texts):
        found = " and OCR found no text in its images" if ocr is not None else ""
        raise DocumentError(
            f"{name}: no text layer on any of its {len(pages)} pages{found} — it looks like a scanned PDF. "
            "Run it through OCR (or export the original as a text PDF) and upload it again.")
    meta_title = None
    try:
        meta_title = (reader.metadata.title if reader.metadata else None) or None
    except Exception:  # noqa: BLE001 - broken metadata must not block the text
        meta_title = None
    return Document(title=meta_title, sections=tuple(_pdf_sections(texts)))


def _pdf_sections(texts: list[str]) -> list[Section]:
    sections: list[Section] = []
    body: list[str] = []
    heading, page = "", 1

    def close() -> None:
        text = "\n".join(body).strip()
        if text:
            sections.append(Section(heading=heading, body=text, page=page))

    for number, text in enumerate(texts, start=1):
        if body:
            close()  # a section running over a page break continues as a piece on the new page
        body, page = [], number
        for line in text.splitlines():
            if _is_heading(line):
                close()
                heading, body = " ".join(line.split()), []
            else:
                body.append(line.rstrip())
    close()
    return sections


def read_docx(path: Path, name: str) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise DocumentError(f"{name}: not a readable Word .docx file ({exc})") from exc
    title = (document.core_properties.title or "").strip() or None
    sections: list[Section] = []
    body: list[str] = []
    heading = ""

    def close() -> None:
        text = "\n".join(body).strip()
        if text:
            sections.append(Section(heading=heading, body=text))

    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = " ".join(paragraph.text.split())
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if not text:
                continue
            if style == "Title" and (title is None or text == title):
                title = text
            elif style.startswith("Heading") or style == "Title":
                close()
                heading, body = text, []
            else:
                bullet = "- " if "List" in style else ""
                body.append(f"{bullet}{text}")
        elif tag == "tbl":
            for row in Table(element, document).rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                # Merged cells repeat their text in python-docx; keep each value once per row.
                body.append(" | ".join(dict.fromkeys(c for c in cells if c)))
    close()
    return Document(title=title, sections=tuple(sections))
