"""Demo activity: seeded once, marked as demo, and never on the demo store's real orders."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.analytics.chat_metrics import ChatMetrics
from app.services.analytics.demo_activity import DEMO_TOKEN_PREFIX, demo_seeded_on, seed_demo_activity
from app.services.analytics.tables import DateRange
from app.store.chargeback_tables import ChargebackCaseRow
from app.store.db import Database
from app.store.merchant_settings import MerchantSettingsRepository
from app.store.orders import OrderRepository, load_orders_file
from app.store.refund_tables import RefundCaseRow
from app.store.tables import ConversationRow, MessageRow, OrderRow
from tests.support.fixtures_db import FreshDatabaseUrl

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_demo_activity_is_marked_seeded_once_and_leaves_real_orders_alone(
    tmp_path: Path, fresh_database_url: FreshDatabaseUrl
) -> None:
    db = Database(fresh_database_url(tmp_path / "demo.db"))
    db.create_schema()
    OrderRepository(db).upsert_many(load_orders_file(CORPUS / "orders.json"))
    settings = MerchantSettingsRepository(db)
    report = seed_demo_activity(db, settings, NOW)
    assert report is not None and report.conversations > 100 and report.refund_cases and report.chargebacks
    assert seed_demo_activity(db, settings, NOW) is None, "a second start adds nothing"
    assert demo_seeded_on(settings) == NOW.date()
    with db.session() as session:
        real_orders = set(session.scalars(select(OrderRow.order_no)).all())
        claimed = set(session.scalars(select(RefundCaseRow.order_no)).all())
        disputed = set(session.scalars(select(ChargebackCaseRow.order_no)).all())
        tokens = session.scalars(select(ConversationRow.session_token)).all()
        statuses = set(session.scalars(select(ConversationRow.status)).all())
        metas = session.scalars(select(MessageRow.meta)).all()
        descriptions = set(session.scalars(select(RefundCaseRow.description)).all())
    assert not (claimed | disputed) & real_orders
    assert all(token.startswith(DEMO_TOKEN_PREFIX) for token in tokens)
    assert all(meta.get("demo") is True for meta in metas)
    assert descriptions == {"[demo] seeded demo claim"}
    assert statuses == {"closed"}, "nothing lands in the Inbox"
    # Seven weeks back: an eight-week view has conversations past the 30-day window, some durable, some not.
    summary, _ = ChatMetrics(db).durable_resolution(DateRange.last_days(56, NOW.date()), 30, NOW)
    assert summary.settled > 50 and 0 < summary.durable < summary.settled
