"""The processor-ready copies of a rebuttal, written beside the .docx: the PDF packet and the Stripe evidence JSON."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.domain.chargebacks import EvidenceBundle, Narrative
from app.domain.orders import Order
from app.domain.packets import PdfPacket, StripeExport
from app.services.chargebacks.rebuttal_docx import ExhibitImage
from app.services.chargebacks.rebuttal_pdf import write_rebuttal_pdf
from app.services.chargebacks.stripe_evidence import write_stripe_evidence


def packet_paths(docx_path: Path) -> tuple[Path, Path]:
    """(PDF, Stripe JSON) beside the Word file: rebuttal-X.docx -> rebuttal-X.pdf, rebuttal-X.stripe-evidence.json."""
    return docx_path.with_suffix(".pdf"), docx_path.with_name(docx_path.stem + ".stripe-evidence.json")


def write_packets(
    bundle: EvidenceBundle, narrative: Narrative, images: Sequence[ExhibitImage], docx_path: Path, order: Order | None
) -> tuple[PdfPacket, StripeExport]:
    pdf_path, json_path = packet_paths(docx_path)
    pdf = write_rebuttal_pdf(bundle, narrative, images, pdf_path)
    stripe = write_stripe_evidence(bundle, narrative, order, pdf_path, json_path)
    return pdf, stripe
