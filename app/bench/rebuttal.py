"""Time to build a chargeback rebuttal: N cases with K photo exhibits each, template argument (no model).

Real parts only: a temporary SQLite database seeded with the demo orders, the content-addressed file store, the
chargeback service as the app wires it. Reports both formats — the Word document (the < 1 s target) and the PDF
packet processors take (time, size, pages, within Stripe's and Shopify's limits) — and the whole `generate` call
(evidence assembly + argument + .docx + PDF + Stripe evidence JSON).
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

DESCRIPTION = "p50/p95 time, size and pages of a rebuttal .docx and PDF packet (N cases x K photos, template argument)"
_CODES = [("13.1", "visa"), ("10.4", "visa"), ("13.3", "visa"), ("4853", "mastercard"), ("4837", "mastercard"),
          ("C08", "amex"), ("F29", "amex"), ("RG", "discover"), ("UA02", "discover")]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cases", type=int, default=50)
    parser.add_argument("--images", type=int, default=3, help="photo exhibits per case")
    parser.add_argument("--size", default="1600x1200", help="photo size WxH (a typical phone photo, downsized)")


def _photo(width: int, height: int, seed: int) -> bytes:
    image = Image.new("RGB", (width, height), ((seed * 37) % 256, (seed * 91) % 256, (seed * 53) % 256))
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 40):  # some structure so the JPEG is not trivially small
        draw.line([(step, 0), (width - step, height)], fill=((step + seed) % 256, 80, 160), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(args: argparse.Namespace) -> int:
    from app.services.chargebacks.factory import build_chargeback_service
    from app.settings import Settings
    from app.store.audit import AuditLog
    from app.store.db import Database
    from app.store.decisions import DecisionRepository
    from app.store.files import FileStore
    from app.store.orders import OrderRepository, load_orders_file

    width, height = (int(part) for part in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="bench-rebuttal-") as tmp:
        settings = Settings(data_dir=Path(tmp), chat_backend="none", seed_demo_data=True)
        db = Database(settings.resolved_database_url)
        db.create_schema()
        orders = OrderRepository(db)
        orders.upsert_many(load_orders_file(settings.corpus_dir / "orders.json"))
        delivered = [order for order in orders.list_all() if order.status == "delivered"]
        service = build_chargeback_service(
            settings=settings, db=db, orders=orders, files=FileStore(db, settings.evidence_dir), audit=AuditLog(db),
            decisions=DecisionRepository(db), chat_model=None, merchant_name=lambda: settings.store_name,
        )
        case_ids = []
        for index in range(args.cases + 1):  # +1: a warm-up case, not counted
            order = delivered[index % len(delivered)]
            code, network = _CODES[index % len(_CODES)]
            case_id = f"BENCH-{index:04d}"
            service.create({"case_id": case_id, "network": network, "reason_code": code, "amount": str(order.total_paid),
                            "dispute_date": "2026-11-20", "order_no": order.order_no,
                            "claim_text": "I never received this order."}, actor="bench")
            for image in range(args.images):
                service.attach_exhibit(case_id, _photo(width, height, index * 10 + image), f"photo{image}.jpg",
                                       caption=f"Photo {image + 1}", evidence_key="delivery_photo", actor="bench")
            case_ids.append(case_id)
        document, pdf, total, docx_kb, pdf_mb, pages, within = [], [], [], [], [], [], 0
        service.generate(case_ids[0], actor="bench")
        for case_id in case_ids[1:]:
            started = time.perf_counter()
            result = service.generate(case_id, actor="bench")
            total.append(time.perf_counter() - started)
            document.append(result.document_seconds)
            docx_kb.append(Path(result.path).stat().st_size / 1024)
            if result.pdf is not None:
                pdf.append(result.pdf.seconds)
                pdf_mb.append(result.pdf.size_bytes / 1e6)
                pages.append(result.pdf.pages)
                within += result.pdf.within_limits
        db.dispose()
    print(f"rebuttal: {args.cases} cases x {args.images} photos ({width}x{height} JPEG), template argument")
    for name, values in (("docx only", document), ("pdf packet", pdf), ("whole generate", total)):
        print(f"  {name:15} p50 {statistics.median(values) * 1000:7.1f} ms   p95 {_percentile(values, 0.95) * 1000:7.1f} ms"
              f"   max {max(values) * 1000:7.1f} ms")
    print(f"  docx size: p50 {statistics.median(docx_kb):.0f} KiB, max {max(docx_kb):.0f} KiB")
    print(f"  pdf size:  p50 {statistics.median(pdf_mb):.2f} MB, max {max(pdf_mb):.2f} MB; pages p50 "
          f"{statistics.median(pages):g}, max {max(pages)}")
    print(f"  pdf within Stripe (4.5 MB, 50 pages; Mastercard 19) and Shopify (2 MB per file) limits: "
          f"{within}/{len(pdf)} -> {'OK' if within == len(pdf) else 'OVER'}")
    print(f"  target: docx p50 < 1000 ms -> {'OK' if statistics.median(document) < 1.0 else 'MISSED'}")
    return 0
