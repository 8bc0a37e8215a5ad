"""Chargeback fixtures: real SQLite seeded with the demo orders, the real file store, a fixed "today"."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from app.services.chargebacks.factory import build_chargeback_service
from app.services.chargebacks.service import ChargebackService
from app.settings import Settings
from app.store.audit import AuditLog
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.files import FileStore
from app.store.orders import OrderRepository, load_orders_file
from models.types import ChatModel
from tests.support.fixtures_db import BOTH_DATABASES, FreshDatabaseUrl, database_urls

TODAY = date(2026, 11, 24)
TEST_PAN = "4111111111111111"


@dataclass
class ChargebackEnv:
    settings: Settings
    db: Database
    orders: OrderRepository
    audit: AuditLog
    decisions: DecisionRepository
    files: FileStore
    service: ChargebackService


def photo(color: str, text: str = "", size: tuple[int, int] = (640, 480), fmt: str = "JPEG") -> bytes:
    image = Image.new("RGB", size, color)
    ImageDraw.Draw(image).text((20, 20), text or color, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture(params=BOTH_DATABASES)
def fresh_database_url(request: pytest.FixtureRequest) -> Iterator[FreshDatabaseUrl]:
    yield from database_urls(request)


@pytest.fixture
def chargeback_env(tmp_path: Path, fresh_database_url: FreshDatabaseUrl) -> Iterator[Callable[..., ChargebackEnv]]:
    """Factory: a fresh database (SQLite and Postgres) + file store and the chargeback service as the app wires it."""
    built: list[Database] = []

    def factory(
        chat_model: ChatModel | None = None,
        today: date = TODAY,
        refund_source: Callable[[], object | None] = lambda: None,
    ) -> ChargebackEnv:
        data_dir = tmp_path / f"data{len(built)}"
        settings = Settings(
            data_dir=data_dir, chat_backend="none", vision_backend="none", seed_demo_data=True,
            database_url=fresh_database_url(data_dir / "copilot.db"),
        )  # fmt: skip
        db = Database(settings.resolved_database_url)
        db.create_schema()
        built.append(db)
        orders = OrderRepository(db)
        orders.upsert_many(load_orders_file(settings.corpus_dir / "orders.json"))
        audit, decisions, files = AuditLog(db), DecisionRepository(db), FileStore(db, settings.evidence_dir)
        service = build_chargeback_service(
            settings=settings, db=db, orders=orders, files=files, audit=audit, decisions=decisions,
            chat_model=chat_model, merchant_name=lambda: settings.store_name, refund_source=refund_source,
            today=lambda: today,
        )
        return ChargebackEnv(settings, db, orders, audit, decisions, files, service)

    yield factory
    for db in built:
        db.dispose()
