"""Refund intake speed: a buyer's claim with phone-sized photos and a short video, checked, stripped, stored,
decided (no vision model: the finding says "manual review"), plus the policy engine on its own.

Real parts only: a temporary SQLite database seeded with the demo orders and the refund service as the app wires it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

DESCRIPTION = (
    "p50/p95 time to file a refund claim (K photos + 1 video, no vision model) and policy decisions/s"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--images", type=int, default=2, help="photos per claim")
    parser.add_argument("--size", default="3024x4032", help="photo size WxH (a phone camera)")
    parser.add_argument("--video-seconds", type=float, default=20.0)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _photo(path: Path, width: int, height: int, seed: int) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), ((seed * 37) % 256, (seed * 91) % 256, 120))
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 60):
        draw.line([(step, 0), (width - step, height)], fill=((step + seed) % 256, 80, 160), width=5)
    image.save(path, format="JPEG", quality=90)
    return path


def _video(path: Path, seconds: float) -> Path:
    import av
    import numpy as np

    with av.open(str(path), mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 1280, 720, "yuv420p"  # type: ignore[union-attr]
        for i in range(int(seconds * 30)):
            pixels = np.full((720, 1280, 3), (i * 3) % 256, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):  # type: ignore[union-attr, arg-type]
                container.mux(packet)
        for packet in stream.encode():  # type: ignore[union-attr]
            container.mux(packet)
    return path


def run(args: argparse.Namespace) -> int:
    from app.domain.refunds import Finding, PolicyInput, RefundPolicy
    from app.services.language import LanguageIdentifier
    from app.services.refunds.assembly import build_refund_service
    from app.services.refunds.policy import decide
    from app.settings import Settings
    from app.store.audit import AuditLog
    from app.store.db import Database
    from app.store.decisions import DecisionRepository
    from app.store.files import FileStore
    from app.store.merchant_settings import MerchantSettingsRepository
    from app.store.orders import OrderRepository, load_orders_file

    width, height = (int(part) for part in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="bench-refunds-") as tmp:
        root = Path(tmp)
        settings = Settings(data_dir=root / "data", chat_backend="none", seed_demo_data=True)
        db = Database(settings.resolved_database_url)
        db.create_schema()
        orders = OrderRepository(db)
        orders.upsert_many(load_orders_file(settings.corpus_dir / "orders.json"))
        language = LanguageIdentifier()
        service = build_refund_service(
            settings, db=db, orders=orders, files=FileStore(db, settings.evidence_dir), audit=AuditLog(db),
            decisions=DecisionRepository(db), merchant_settings=MerchantSettingsRepository(db),
            language=language, vision_model=None, clock=lambda: datetime(2026, 11, 16, 12, tzinfo=UTC),
        )  # fmt: skip
        language.warm_up()
        clip = _video(root / "clip.mp4", args.video_seconds)
        timings = []
        for index in range(args.claims + 1):  # +1: warm-up, not counted
            photos = [
                _photo(root / f"p{index}-{k}.jpg", width, height, index * 10 + k) for k in range(args.images)
            ]
            uploads = [(p, p.name) for p in photos] + [(clip, "clip.mp4")]
            started = time.perf_counter()
            service.file_claim(
                "PP-261020", "mariana.oliveira@example.org", "damaged", "A tela chegou trincada.", uploads
            )
            if index:
                timings.append(time.perf_counter() - started)
        print(
            f"file_claim, {args.images} photos {width}x{height} + {args.video_seconds:.0f} s 720p video, {args.claims} claims:"
        )
        print(
            f"  p50 {statistics.median(timings) * 1000:.0f} ms   p95 {_percentile(timings, 0.95) * 1000:.0f} ms"
        )

        finding = Finding(status="analysed", issue_visible="yes", severity="moderate", product_matches="yes")
        inp = PolicyInput(
            reason="damaged", claimed_at=datetime(2026, 11, 16, tzinfo=UTC), currency="USD",
            item_value=Decimal("169.00"), shipping_paid=Decimal("18.00"), total_paid=Decimal("187.00"),
            country_code="BR", order_status="delivered", delivered_at=datetime(2026, 11, 14, tzinfo=UTC),
            return_cost=Decimal("60.00"), prior_claims=0, finding=finding,
        )  # fmt: skip
        policy, n = RefundPolicy(), 20_000
        started = time.perf_counter()
        for _ in range(n):
            decide(policy, inp)
        print(f"policy engine: {n / (time.perf_counter() - started):,.0f} decisions/s")
    return 0
