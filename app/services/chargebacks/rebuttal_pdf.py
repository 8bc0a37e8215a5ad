"""The rebuttal as a PDF processors accept: the same packet as the Word file, within their size and page limits.

Stripe and Shopify Payments take evidence as PDF/JPEG/PNG only, with a total size and page cap
(see processor_limits.py for the figures and their sources). The packet is laid out once as a list of blocks
(`packet_blocks`), then drawn with fpdf2; when the file is over the size cap the exhibit photos are scaled down
and re-encoded step by step (Pillow) and the file is drawn again. If even the smallest step is over, or there are
too many pages, the file is still written but the result says so per processor — never a silent over-limit file.
"""

from __future__ import annotations

import io
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace, TTFFont
from PIL import Image

from app.domain.chargebacks import CATEGORY_NAMES, NETWORK_NAMES, EvidenceBundle, Narrative
from app.domain.money import format_money
from app.domain.packets import PdfPacket
from app.services.chargebacks.evidence import exhibit_letter
from app.services.chargebacks.evidence_context import when
from app.services.chargebacks.exhibits import register_heif
from app.services.chargebacks.pan import mask_pans
from app.services.chargebacks.pdf_fonts import PacketFonts, find_fonts
from app.services.chargebacks.processor_limits import ProcessorLimit, check, limits_for, max_bytes
from app.services.chargebacks.rebuttal_docx import ExhibitImage


@dataclass(frozen=True)
class ImageStep:
    side: int
    quality: int


# Tried in order until the file fits: a phone photo stays legible down to ~800 px on an A4 page.
IMAGE_STEPS: tuple[ImageStep, ...] = (
    ImageStep(1600, 85), ImageStep(1280, 75), ImageStep(1024, 65), ImageStep(800, 55), ImageStep(640, 45),
    ImageStep(480, 35),
)  # fmt: skip
_MAX_IMAGE_MM = (170.0, 105.0)  # two photos fit on one A4 page with their captions
_CORE_REPLACEMENTS = str.maketrans({"—": "-", "–": "-", "•": "*", "’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})


# -- the packet as blocks ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Paragraph:
    text: str
    bullet: bool = False
    caption: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]


@dataclass(frozen=True)
class Picture:
    exhibit: ExhibitImage


Block = Heading | Paragraph | Table | Picture


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]) -> Table:
    return Table(tuple(header), tuple(tuple(row) for row in rows), tuple(widths))


def packet_blocks(bundle: EvidenceBundle, narrative: Narrative, images: Sequence[ExhibitImage]) -> list[Block]:
    """The Word rebuttal's content in the same order: letter, summary, argument, evidence, timeline, exhibits."""
    notice, reason = bundle.case.notice, bundle.case.reason
    amount = format_money(notice.amount, notice.currency)
    blocks: list[Block] = [
        Heading(f"Chargeback response — case {bundle.case.case_id}", 0),
        Paragraph(bundle.generated_on.isoformat()),
        Paragraph(f"To: {bundle.acquirer}"),
        Paragraph(f"From: {bundle.merchant_name}"),
        Paragraph(f"Re: {reason.display} ({reason.title}) — case {notice.case_id}, order {notice.order_no}, "
                  f"disputed amount {amount}"),  # fmt: skip
        Paragraph("Dear dispute analyst,"),
        Paragraph(f"{bundle.merchant_name} contests chargeback {notice.case_id} and submits the argument and evidence "
                  f"below for representment to the issuer. This response is due by "
                  f"{bundle.deadline.due_date.isoformat()}."),  # fmt: skip
        Paragraph(f"Sincerely,\n{bundle.merchant_name}"),
    ]
    summary = [
        ("Case ID", notice.case_id),
        ("Card network", NETWORK_NAMES[reason.network]),
        ("Reason code", f"{reason.code} — {reason.title}"),
        *([("Current reason code", f"{reason.consolidated_into} (legacy code {reason.code} is filed under it)")]
          if reason.consolidated_into else []),  # fmt: skip
        ("Category", CATEGORY_NAMES[reason.category]),
        ("Dispute date", notice.dispute_date.isoformat()),
        ("Response due", bundle.deadline.due_date.isoformat()),
        ("Disputed amount", amount),
        ("Order number", notice.order_no),
        ("Order date", bundle.order_date.isoformat() if bundle.order_date else "not recorded"),
        ("Card", bundle.masked_card),
        ("Cardholder's claim", mask_pans(notice.claim_text) or "not stated on the notice"),
    ]
    blocks += [Heading("Case summary", 1), _table(("Field", "Value"), summary, (1, 3))]
    blocks.append(Heading(f"Argument — {reason.display}: {reason.title}", 1))
    blocks += [Paragraph(p.strip()) for p in mask_pans(narrative.text).split("\n\n") if p.strip()]
    blocks += [Heading("Evidence enclosed", 2),
               _table(("Evidence", "What it shows"), [(i.label, i.summary) for i in bundle.present_items], (1, 2))]
    blocks.append(Heading("Evidence", 1))
    for item in bundle.present_items:
        blocks.append(Heading(item.label, 2))
        if any(fact.translation for fact in item.facts):  # the buyer's original words and English side by side
            rows = [(f.label, f.value, f.translation or "—") for f in item.facts]
            blocks.append(_table(("Message", "Original words", "English translation"), rows, (1, 2, 2)))
            continue
        blocks += [Paragraph(f"{fact.label}: {fact.value}", bullet=True) for fact in item.facts]
    blocks += [Heading("Timeline", 1),
               _table(("Date", "Event"), [(e.when.isoformat(), e.event) for e in bundle.timeline], (1, 4))]
    if images or bundle.tracking:
        blocks.append(Heading("Exhibits", 1))
    for exhibit in images:
        blocks += [Heading(exhibit.letter, 2), Picture(exhibit), Paragraph(f"{exhibit.letter}: {exhibit.caption}",
                                                                             caption=True)]  # fmt: skip
    if bundle.tracking:
        letter = exhibit_letter(len(images))
        title = f"Carrier tracking history — {bundle.carrier or 'carrier'} {bundle.tracking_no or ''}".strip()
        blocks += [Heading(letter, 2), Paragraph(f"{letter}: {title}", caption=True),
                   _table(("Time", "Location", "Event"),
                          [(when(r.when), r.location, r.description) for r in bundle.tracking], (2, 2, 3))]
    return blocks


def _texts(blocks: Sequence[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from block.header
            for row in block.rows:
                yield from row
        else:
            yield f"{block.exhibit.letter}: {block.exhibit.caption}"


# -- images -----------------------------------------------------------------------------------------------------
def exhibit_jpeg(path: Path, step: ImageStep) -> tuple[bytes, tuple[int, int]]:
    """The exhibit as a JPEG no larger than `step.side` pixels (transparency flattened onto white)."""
    register_heif()
    with Image.open(path) as image:
        image.draft("RGB", (step.side, step.side))  # JPEG: decode at reduced size, much faster
        image.thumbnail((step.side, step.side))
        if image.mode in ("RGBA", "LA", "P"):
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, "white")
            flat.paste(rgba, mask=rgba.getchannel("A"))
        else:
            flat = image.convert("RGB")
    out = io.BytesIO()
    flat.save(out, format="JPEG", quality=step.quality)
    return out.getvalue(), flat.size


# -- drawing ----------------------------------------------------------------------------------------------------
@dataclass
class _Fonts:
    family: str
    unicode: bool
    covered: set[int] = field(default_factory=set)


def _visible(char: str) -> bool:
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf", "Mn")


def _cmap(pdf: FPDF, key: str) -> set[int]:
    font = pdf.fonts[key]
    return set(font.cmap) if isinstance(font, TTFFont) else set()


def _setup_fonts(pdf: FPDF, fonts: PacketFonts, text: str) -> _Fonts:
    if fonts.text is None:
        return _Fonts(family="helvetica", unicode=False)
    pdf.add_font("packet", "", str(fonts.text.path))
    pdf.add_font("packet", "B", str((fonts.bold or fonts.text).path))
    state = _Fonts(family="packet", unicode=True, covered=_cmap(pdf, "packet"))
    needed = {ord(c) for c in text if _visible(c)}
    fallbacks = []
    # A fallback is loaded only when the text has characters the text face lacks: CJK faces take a while to parse.
    for number, font in enumerate(fonts.fallbacks):
        if needed <= state.covered:
            break
        name = f"fallback{number}"
        pdf.add_font(name, "", str(font.path), collection_font_number=font.index)
        cmap = _cmap(pdf, name)
        if needed & (cmap - state.covered):
            state.covered |= cmap
            fallbacks.append(name)
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        # Arabic letters join and run right to left only with a shaping engine; it slows every line down, so it
        # is on only for right-to-left text. uharfbuzz is optional: without it the letters stay unjoined.
        try:
            import uharfbuzz  # noqa: F401

            pdf.set_text_shaping(True)
        except ImportError:
            pass
    return state


class _Drawer:
    def __init__(self, pdf: FPDF, fonts: _Fonts) -> None:
        self.pdf = pdf
        self.fonts = fonts

    def clean(self, text: str) -> str:
        if self.fonts.unicode:
            return text
        # The PDF core font has Latin-1 only; other characters become "?" (reported as missing glyphs).
        return text.translate(_CORE_REPLACEMENTS).encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font(self.fonts.family, "B" if bold else "", size)

    def heading(self, block: Heading) -> None:
        size = {0: 16, 1: 13, 2: 11}.get(block.level, 11)
        if self.pdf.get_y() > self.pdf.h - 40:  # never a heading alone at the foot of a page
            self.pdf.add_page()
        self.pdf.ln(3 if block.level else 0)
        self.font(size, bold=True)
        self.pdf.multi_cell(0, size * 0.5, self.clean(block.text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1.5)

    def paragraph(self, block: Paragraph) -> None:
        self.font(9 if block.caption else 10)
        text = self.clean(block.text)
        if block.bullet:
            self.pdf.set_x(self.pdf.l_margin + 4)
            text = f"{'•' if self.fonts.unicode else '-'} {text}"
        self.pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1.5)

    def table(self, block: Table) -> None:
        self.font(9)
        heading = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
        with self.pdf.table(col_widths=block.widths, headings_style=heading, line_height=4.6, text_align="LEFT",
                            first_row_as_headings=True) as table:  # fmt: skip
            for values in (block.header, *block.rows):
                row = table.row()
                for value in values:
                    row.cell(self.clean(value))
        self.pdf.ln(2)

    def picture(self, data: bytes, size: tuple[int, int]) -> None:
        width, height = size
        max_w, max_h = min(_MAX_IMAGE_MM[0], self.pdf.epw), _MAX_IMAGE_MM[1]
        scale = min(max_w / width, max_h / height)
        w, h = width * scale, height * scale
        if self.pdf.get_y() + h + 12 > self.pdf.h - self.pdf.b_margin:
            self.pdf.add_page()
        self.pdf.image(io.BytesIO(data), x=self.pdf.l_margin + (self.pdf.epw - w) / 2, w=w, h=h)
        self.pdf.ln(2)


Encoded = dict[Path, tuple[bytes, tuple[int, int]]]


def _encode(images: Sequence[ExhibitImage], step: ImageStep) -> Encoded:
    return {exhibit.path: exhibit_jpeg(exhibit.path, step) for exhibit in images}


def _render(blocks: Sequence[Block], fonts: PacketFonts, photos: Encoded, title: str, author: str
            ) -> tuple[bytes, int, str]:  # fmt: skip
    """(pdf bytes, pages, characters no font could draw)."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("Marketplace Copilot")
    text = "\n".join(_texts(blocks))
    state = _setup_fonts(pdf, fonts, text)
    pdf.add_page()
    drawer = _Drawer(pdf, state)
    for block in blocks:
        if isinstance(block, Heading):
            drawer.heading(block)
        elif isinstance(block, Paragraph):
            drawer.paragraph(block)
        elif isinstance(block, Table):
            drawer.table(block)
        else:
            drawer.picture(*photos[block.exhibit.path])
    if state.unicode:
        missing = sorted({c for c in text if _visible(c) and ord(c) not in state.covered})
    else:
        missing = sorted({c for c in text.translate(_CORE_REPLACEMENTS) if _visible(c) and ord(c) > 0xFF})
    return bytes(pdf.output()), pdf.pages_count, "".join(missing)


def write_rebuttal_pdf(
    bundle: EvidenceBundle,
    narrative: Narrative,
    images: Sequence[ExhibitImage],
    out_path: Path,
    *,
    limits: Sequence[ProcessorLimit] | None = None,
    fonts: PacketFonts | None = None,
) -> PdfPacket:
    started = time.perf_counter()
    limits = tuple(limits) if limits is not None else limits_for(bundle.case.reason.network)
    fonts = fonts if fonts is not None else find_fonts()
    blocks = packet_blocks(bundle, narrative, images)
    cap = max_bytes(limits)
    title, author = f"Chargeback response {bundle.case.case_id}", bundle.merchant_name
    step, photos = IMAGE_STEPS[0], _encode(images, IMAGE_STEPS[0])
    data, pages, missing = _render(blocks, fonts, photos, title, author)
    if len(data) > cap and images:
        # Drawing is the slow part and only the photos change between steps: the first step whose photos would
        # bring the file under the cap (text and layout taken as they were) is drawn, then checked for real.
        rest = len(data) - sum(len(jpeg) for jpeg, _ in photos.values())
        for step in IMAGE_STEPS[1:]:
            photos = _encode(images, step)
            if rest + sum(len(jpeg) for jpeg, _ in photos.values()) > cap and step != IMAGE_STEPS[-1]:
                continue
            data, pages, missing = _render(blocks, fonts, photos, title, author)
            if len(data) <= cap:
                break
    notes = []
    if step != IMAGE_STEPS[0]:
        outcome = "to fit" if len(data) <= cap else "(the smallest step) and still over"
        notes.append(f"Exhibit photos scaled to {step.side} px (JPEG quality {step.quality}) {outcome} {cap / 1e6:g} MB.")
    if not fonts.unicode:
        notes.append("No Unicode font was found (install fonts-dejavu-core and fonts-noto-cjk): the PDF uses a "
                     "Latin-only font.")  # fmt: skip
    if missing:
        notes.append(f"{len(missing)} character(s) could not be drawn for lack of a font, e.g. {missing[:10]!r}; "
                     "the Word file has them.")  # fmt: skip
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(".pdf.part")
    tmp.write_bytes(data)
    tmp.replace(out_path)  # never leave a half-written packet under the real name
    return PdfPacket(
        path=str(out_path), size_bytes=len(data), pages=pages, seconds=time.perf_counter() - started,
        checks=check(len(data), pages, limits), image_side=step.side if images else None,
        image_quality=step.quality if images else None, missing_glyphs=missing, notes=tuple(notes),
    )
