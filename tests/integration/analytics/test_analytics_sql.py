"""Analytics over a real SQLite and Postgres store with crafted rows: the numbers a merchant would count by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.services.analytics.case_metrics import CaseMetrics
from app.services.analytics.chat_metrics import ChatMetrics, outcomes_by_week
from app.services.analytics.tables import DateRange
from app.services.analytics.unanswered import group_by_meaning, groups_table, unanswered_messages
from app.services.refunds.shipping_costs import ShippingCostTable
from app.store.chargeback_tables import ChargebackCaseRow
from app.store.db import Database
from app.store.refund_tables import RefundCaseRow
from app.store.tables import AuditRow, ConversationRow, MessageRow
from tests.support.fixtures_db import FreshDatabaseUrl

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"
MARCH = DateRange(date(2026, 3, 1), date(2026, 3, 7))
NOW = datetime(2026, 4, 3, 12, 0, tzinfo=UTC)


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


class Shop:
    def __init__(self, db: Database) -> None:
        self.db = db

    def conversation(self, cid: str, language: str, started: datetime, **fields: Any) -> str:
        with self.db.session() as s:
            s.add(ConversationRow(id=cid, session_token=cid, language=language, created_at=started,
                                  updated_at=started, **fields))  # fmt: skip
        return cid

    def exchange(self, cid: str, when: datetime, question: str, language: str, **reply_meta: Any) -> None:
        with self.db.session() as s:
            buyer = MessageRow(conversation_id=cid, role="buyer", text=question, language=language, created_at=when)
            s.add(buyer)
            s.flush()
            s.add(MessageRow(conversation_id=cid, role="assistant", text="…", language=language, created_at=when,
                             meta={"reply_to": buyer.id, **reply_meta}))  # fmt: skip

    def add(self, row: Any) -> None:
        with self.db.session() as s:
            s.add(row)


@pytest.fixture
def shop(tmp_path: Path, fresh_database_url: FreshDatabaseUrl) -> Iterator[Shop]:
    db = Database(fresh_database_url(tmp_path / "shop.db"))
    db.create_schema()
    shop = Shop(db)
    # c1: English, answered by the model, no claim afterwards -> durable.
    shop.conversation("c1", "en", at(3, 1), buyer_email="a@example.com", verified_order_no="O1")
    shop.exchange("c1", at(3, 1), "What is the refresh rate of the 27 inch?", "en", source="model")
    shop.exchange("c1", at(3, 1, 11), "Do you sell 8K monitors?", "en", source="template", refused=True)
    # c2: Spanish, refused and handed off at 10:00; the merchant answered at 12:30 -> 2.5 h; still open.
    shop.conversation("c2", "es", at(3, 1), status="handoff", handoff_reason="low_confidence")
    shop.exchange("c2", at(3, 1), "¿Venden monitores 8K?", "es", source="template", refused=True,
                  handoff="low_confidence")  # fmt: skip
    shop.add(AuditRow(case_kind="conversation", case_id="c2", actor="buyer-chat", action="handoff",
                      detail={"reason": "low_confidence"}, created_at=at(3, 1)))  # fmt: skip
    shop.add(MessageRow(conversation_id="c2", role="merchant", text="No", language="en", created_at=at(3, 1, 12, 30)))
    # c3: fallback answer; the same buyer (email in another case) files a refund claim 8 days later.
    shop.conversation("c3", "en", at(3, 2), buyer_email="b@example.com")
    shop.exchange("c3", at(3, 2), "Can I pay with PayPal?", "en", source="fallback")
    shop.add(RefundCaseRow(id="r1", order_no="O3", buyer_email="B@Example.com", country_code="DE", currency="USD",
                           reason="damaged", item_value="200.00", total_paid="211.00", status="resolved",
                           final_outcome="partial_refund_no_return", final_amount="40.00",
                           created_at=at(3, 10), resolved_at=at(3, 11)))  # fmt: skip
    # c4: German; a chargeback on its order arrives 31 days later: outside the 30-day window -> durable.
    shop.conversation("c4", "de", at(3, 2), verified_order_no="O4")
    shop.exchange("c4", at(3, 2), "Ist ein Kabel dabei?", "de", source="model")
    shop.add(ChargebackCaseRow(case_id="CB1", network="visa", reason_code="13.1", category="consumer_dispute",
                               amount="99.00", currency="USD", dispute_date=date(2026, 4, 2), order_no="O4",
                               status="won", created_at=at(4, 2, 11)))  # fmt: skip
    # c5: a widget opened but nothing asked -> not a conversation.
    shop.conversation("c5", "en", at(3, 3))
    # c6: outside the period.
    shop.conversation("c6", "fr", at(3, 8))
    shop.exchange("c6", at(3, 8), "Livrez-vous en Suisse ?", "fr", source="model")
    # c7: Japanese, 8K question refused; its 30-day window is still running on NOW -> pending.
    shop.conversation("c7", "ja", at(3, 7))
    shop.exchange("c7", at(3, 7), "8Kモニターはありますか？", "ja", source="template", refused=True)
    yield shop
    db.dispose()


def test_volume_and_reply_sources_by_day(shop: Shop) -> None:
    metrics = ChatMetrics(shop.db)
    volume = metrics.volume_by_day(MARCH).as_dicts()
    assert {(r["day"], r["language"]): (r["conversations"], r["buyer_messages"]) for r in volume} == {
        ("2026-03-01", "en"): (1, 2),
        ("2026-03-01", "es"): (1, 1),
        ("2026-03-02", "en"): (1, 1),
        ("2026-03-02", "de"): (1, 1),
        ("2026-03-07", "ja"): (1, 1),
    }
    sources = {(r["day"], r["source"]): r["replies"] for r in metrics.reply_sources_by_day(MARCH).as_dicts()}
    assert sources == {
        ("2026-03-01", "model"): 1,
        ("2026-03-01", "refused"): 2,
        ("2026-03-02", "fallback"): 1,
        ("2026-03-02", "model"): 1,
        ("2026-03-07", "refused"): 1,
    }


def test_handoff_rate_time_to_first_reply_and_open_handoffs(shop: Shop) -> None:
    summary, table = ChatMetrics(shop.db).handoffs(MARCH)
    assert (summary.conversations, summary.handed_off, summary.rate) == (5, 1, 0.2)
    assert summary.median_hours_to_first_reply == 2.5
    assert summary.open_now == 1
    assert table.as_dicts() == [
        {"conversation": "c2", "handed_off_at": "2026-03-01T10:00+00:00", "reason": "low_confidence",
         "hours_to_first_reply": 2.5}
    ]  # fmt: skip


def test_durable_resolution_counts_only_settled_conversations(shop: Shop) -> None:
    summary, table = ChatMetrics(shop.db).durable_resolution(MARCH, 30, NOW)
    outcomes = {r["conversation"]: r["outcome"] for r in table.as_dicts()}
    assert outcomes == {"c1": "durable", "c2": "handed_off", "c3": "refund_claim", "c4": "durable", "c7": "pending"}
    assert (summary.settled, summary.durable, summary.rate, summary.pending) == (4, 2, 0.5, 1)
    # Weeks start on Monday: 1 March 2026 is a Sunday, so c1 and c2 belong to the week of 23 February.
    assert outcomes_by_week(table).rows == [
        ("2026-02-23", "durable", 1), ("2026-02-23", "handed_off", 1),
        ("2026-03-02", "durable", 1), ("2026-03-02", "pending", 1), ("2026-03-02", "refund_claim", 1),
    ]  # fmt: skip
    # A longer window catches the chargeback on c4's order.
    longer, rows = ChatMetrics(shop.db).durable_resolution(MARCH, 45, datetime(2026, 6, 1, tzinfo=UTC))
    assert {r["conversation"]: r["outcome"] for r in rows.as_dicts()}["c4"] == "chargeback"
    assert (longer.settled, longer.durable, longer.pending) == (5, 2, 0)  # c1 and c7


def test_unanswered_questions_grouped_across_languages(shop: Shop, use_embedder: Any) -> None:
    messages = unanswered_messages(shop.db, MARCH, "en")
    assert sorted(m.language for m in messages) == ["en", "es", "ja"]
    groups = group_by_meaning(messages, use_embedder, "en", 0.7)
    table = groups_table(groups, 10).as_dicts()
    assert len(table) == 1
    assert table[0]["question"] == "Do you sell 8K monitors?"  # the English member, for an English merchant
    assert table[0]["times_asked"] == 3 and table[0]["languages"] == "en, es, ja"


def test_refund_and_chargeback_outcomes(shop: Shop) -> None:
    metrics = CaseMetrics(shop.db, ShippingCostTable.from_corpus(CORPUS))
    march = DateRange(date(2026, 3, 1), date(2026, 3, 31))
    assert metrics.refunds_by_reason(march).as_dicts() == [
        {"reason": "damaged", "outcome": "partial_refund_no_return", "claims": 1}
    ]
    summary, savings = metrics.refunds(march)
    assert (summary.claims, summary.resolved, summary.returnless, summary.returnless_share) == (1, 1, 1, 1.0)
    assert summary.median_hours_to_decision == 24.0
    # Germany: item 200 + shipping out 11 + return label 35 = 246 baseline; 40 refunded -> 206 saved.
    row = savings.as_dicts()[0]
    assert (str(row["refunded"]), str(row["full_refund_with_return"]), str(row["savings"])) == ("40.00", "246.00", "206.00")
    april = DateRange(date(2026, 4, 1), date(2026, 4, 30))
    cb, by_code, recovered = metrics.chargebacks(april, date(2026, 4, 3), 3)
    assert (cb.open, cb.decided, cb.won, cb.win_rate) == (0, 1, 1, 1.0)
    assert by_code.as_dicts()[0]["reason_code"] == "13.1"
    assert recovered.as_dicts() == [{"currency": "USD", "recovered": pytest.approx(99)}]
