"""Makes a database the way release a2afc44 (the last one before Alembic) did: its own `create_schema()`
(create_all + add_missing_columns), the demo orders, a week of demo activity (conversations, messages, handoffs,
refund cases with steps and decisions, chargebacks, audit rows) and a store answer.

Run it from a checkout of that commit, then dump the database into the fixture (see test_migrations.py):
    git archive a2afc44 | tar -x -C /tmp/old && cd /tmp/old
    python /path/to/make_release_fixture.py sqlite:////tmp/old.db /tmp/old-data  # then sqlite3 /tmp/old.db .dump
    python /path/to/make_release_fixture.py postgresql+psycopg://… /tmp/old-data # then pg_dump --inserts --no-owner
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from PIL import Image

from app.services.analytics.demo_activity import seed_demo_activity
from app.services.language import LanguageIdentifier
from app.services.refunds.assembly import build_refund_service
from app.settings import Settings
from app.store.audit import AuditLog
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.files import FileStore
from app.store.merchant_settings import MerchantSettingsRepository
from app.store.orders import OrderRepository, load_orders_file
from app.store.store_answers import StoreAnswerRepository

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

db = Database(sys.argv[1])
db.create_schema()
orders = OrderRepository(db)
orders.upsert_many(load_orders_file(Path("knowledge/corpus/orders.json")))
# One claim through the real refund service: case, negotiation steps, decisions and audit rows as that release
# wrote them (no vision model: it waits for a person).
settings = Settings(data_dir=Path(sys.argv[2]), chat_backend="none", vision_backend="none")
refunds = build_refund_service(
    settings, db=db, orders=orders, files=FileStore(db, settings.evidence_dir), audit=AuditLog(db),
    decisions=DecisionRepository(db), merchant_settings=MerchantSettingsRepository(db), language=LanguageIdentifier(),
    vision_model=None, clock=lambda: datetime(2026, 11, 16, 12, 0, tzinfo=UTC),
)  # fmt: skip
photo = settings.data_dir / "crack.png"
Image.new("RGB", (64, 48), "gray").save(photo)
receipt = refunds.file_claim("PP-261020", "mariana.oliveira@example.org", "damaged",
                             "O monitor chegou com a tela rachada.", [(photo, "crack.png")])  # fmt: skip
print(refunds.merchant_decide(receipt.case.id, "merchant", "edit", Decimal("40.00"), "goodwill"))
print(seed_demo_activity(db, MerchantSettingsRepository(db), NOW, days=5, seed=11))
StoreAnswerRepository(db).add("Do you ship to Iceland?", "Yes, in 6-9 business days.", "en", "merchant")
db.dispose()
