"""Schema migrations on SQLite and Postgres: a new database is at the head and matches the models; a database
made by the last release before Alembic is adopted with its data intact; an older one missing nullable columns
gets them; an unknown one missing a required column is refused with a clear error."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from app.store import migrate
from app.store.audit import AuditLog
from app.store.base import Base
from app.store.conversations import ConversationRepository
from app.store.db import Database
from app.store.decisions import DecisionRepository
from app.store.orders import OrderRepository
from app.store.refunds import RefundRepository
from tests.support.fixtures_db import FreshDatabaseUrl

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "data" / "store"
# What tests/data/store/make_release_fixture.py put into the release a2afc44 database.
RELEASE_COUNTS = {"orders": 19, "conversations": 25, "messages": 104, "refund_cases": 11, "chargeback_cases": 6,
                  "decisions": 2, "audit_events": 13, "refund_negotiation_steps": 2, "refund_receipts": 1,
                  "store_answers": 1, "merchant_settings": 1}  # fmt: skip


@pytest.fixture
def database_url(tmp_path: Path, fresh_database_url: FreshDatabaseUrl) -> str:
    return fresh_database_url(tmp_path / "copilot.db")


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.dispose()


def schema_drift(db: Database) -> list[object]:
    with db.engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata))


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return {table: connection.execute(text(f'select count(*) from "{table}"')).scalar_one() for table in RELEASE_COUNTS}


def load_release_a2afc44(url: str) -> None:
    """Builds the database exactly as release a2afc44 left it, from a dump of one it made."""
    if url.startswith("sqlite"):
        with sqlite3.connect(make_url(url).database or "") as connection:
            connection.executescript((FIXTURES / "release_a2afc44.sqlite.sql").read_text(encoding="utf-8"))
        return
    parts = make_url(url)
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, dbname=parts.database) as connection:
        connection.execute((FIXTURES / "release_a2afc44.postgres.sql").read_text(encoding="utf-8"))  # type: ignore[arg-type]


def test_a_new_database_is_at_the_head_and_matches_the_models(database: Database) -> None:
    database.create_schema()
    database.create_schema()  # the next start: nothing to do, nothing breaks
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    # A model change without a migration fails here: write one with `python -m app db revision "…"`.
    assert schema_drift(database) == []


def test_the_previous_release_database_is_upgraded_with_its_data_intact(database_url: str) -> None:
    load_release_a2afc44(database_url)
    db = Database(database_url)
    try:
        assert migrate.current_revision(db.engine) is None, "that release had no alembic_version"
        assert counts(db) == RELEASE_COUNTS
        db.create_schema()
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        assert counts(db) == RELEASE_COUNTS
        assert schema_drift(db) == []
        # Read back through today's repositories: the merchant's decision on the real claim and its trail.
        order = OrderRepository(db).get("PP-261020")
        assert order is not None and order.buyer_email == "mariana.oliveira@example.org"
        (case,) = RefundRepository(db).cases_for_order("PP-261020")
        assert (case.status, case.final_outcome, case.final_amount) == ("resolved", "partial_refund_no_return", Decimal("40.00"))
        assert case.language == "pt" and case.description == "O monitor chegou com a tela rachada."
        decisions = DecisionRepository(db).for_case("refund", case.id)
        assert [d.decided_by for d in decisions] == ["policy-engine", "merchant"] and decisions[-1].amount == Decimal("40.00")
        actions = [event.action for event in AuditLog(db).for_case("refund", case.id)]
        assert actions[:5] == ["claim_opened", "evidence_added", "evidence_analysed", "sent_to_review", "merchant_edit"]
        # Migration 0002 numbered the release's cases in the order they arrived (R-000001 is the oldest claim).
        for table, key in (("refund_cases", "id"), ("chargeback_cases", "case_id")):
            with db.engine.connect() as connection:
                numbered = connection.execute(text(f'select case_no from "{table}" order by created_at, "{key}"')).scalars().all()
            assert numbered == list(range(1, RELEASE_COUNTS[table] + 1)), table
        assert RefundRepository(db).find_case_id(case.number) == case.id
        # New rows still get fresh ids after the upgrade (Postgres sequences carried over).
        conversations = ConversationRepository(db)
        fresh = conversations.create("token-after-upgrade", "ko")
        message = conversations.add_message(fresh.id, "buyer", "배송은 얼마나 걸리나요?", "ko")
        assert message.id > RELEASE_COUNTS["messages"]
        assert counts(db)["conversations"] == RELEASE_COUNTS["conversations"] + 1
    finally:
        db.dispose()


def test_an_older_database_gets_the_nullable_columns_and_indexes_it_lacked(database: Database) -> None:
    migrate.upgrade(database.engine, migrate.BASELINE)  # what the last release before Alembic made
    with database.engine.begin() as connection:
        # An older release: no alembic_version yet, a nullable column and an index that came later.
        connection.execute(text("drop table alembic_version"))
        connection.execute(text("drop index ix_refund_cases_reason"))
        connection.execute(text('alter table conversations drop column "handoff_reason"'))
        connection.execute(text(
            "insert into conversations (id, session_token, language, status, low_confidence_streak, created_at, updated_at) "
            "values ('c1', 'digest', 'ko', 'bot', 0, '2026-01-01 00:00:00+00', '2026-01-01 00:00:00+00')"
        ))  # fmt: skip
    database.create_schema()
    inspector = inspect(database.engine)
    assert "handoff_reason" in [column["name"] for column in inspector.get_columns("conversations")]
    assert "ix_refund_cases_reason" in [index["name"] for index in inspector.get_indexes("refund_cases")]
    conversation = ConversationRepository(database).get("c1")
    assert conversation is not None and conversation.language == "ko"
    assert migrate.current_revision(database.engine) == migrate.head_revision()


def test_a_database_missing_a_required_column_is_refused_with_the_reason(database: Database) -> None:
    migrate.upgrade(database.engine, migrate.BASELINE)
    with database.engine.begin() as connection:
        connection.execute(text("drop table alembic_version"))
        connection.execute(text('alter table orders drop column "country_code"'))
    with pytest.raises(RuntimeError, match=r"'orders' has no column 'country_code'.*unknown version"):
        database.create_schema()


def test_app_processes_starting_together_on_a_new_database_all_come_up(database_url: str) -> None:
    """Several workers (or a restart overlapping the old process) migrate one database at the same moment: one
    does the work, the others wait for it and find the schema at the head."""
    start = f"from app.store.db import Database; db = Database({database_url!r}); db.create_schema(); db.dispose()"
    workers = [
        subprocess.Popen([sys.executable, "-c", start], cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(3)
    ]
    outcomes = [(worker.communicate(timeout=120)[1], worker.returncode) for worker in workers]
    assert [(code, err[-600:]) for err, code in outcomes if code != 0] == []
    db = Database(database_url)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        assert schema_drift(db) == []
    finally:
        db.dispose()
