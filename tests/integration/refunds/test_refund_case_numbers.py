"""Human case numbers on real SQLite: assigned at insert in order, unique, backfilled for an older database, and
accepted wherever a case is opened (service, buyer offer, console) and shown wherever a person reads a case."""

from __future__ import annotations

import csv
import io
import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError

from app.errors import NotFoundError
from app.store.db import Database
from app.store.refund_tables import RefundCaseRow
from app.store.refunds import RefundCaseRecord, RefundRepository
from tests.integration.refunds.conftest import BR_EMAIL, BR_ORDER
from tests.integration.refunds.test_refund_service_flow import RETURNLESS_30, analysed, save_policy

pytestmark = pytest.mark.integration

FIELDS = {"order_no": "PP-1", "buyer_email": "a@example.com", "country_code": "DE", "currency": "EUR",
          "product_id": None, "reason": "damaged", "item_value": Decimal("10"), "total_paid": Decimal("12")}  # fmt: skip


def _create(db: Database, repository: RefundRepository) -> RefundCaseRecord:
    with db.session() as session:  # the caller's unit of work, as the intake handler opens it
        return repository.create_case(session, **FIELDS)


def test_cases_are_numbered_in_order_and_found_by_any_spelling_of_the_number(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{tmp_path}/cases.db")
    db.create_schema()
    repository = RefundRepository(db)
    cases = [_create(db, repository) for _ in range(3)]
    assert [c.number for c in cases] == ["R-000001", "R-000002", "R-000003"]
    assert repository.get_case(cases[1].id).number == "R-000002"  # type: ignore[union-attr]
    for typed in ("R-000002", "r2", "2", cases[1].id):
        assert repository.find_case_id(typed) == cases[1].id, typed
    assert repository.find_case_id("R-000009") is None
    assert repository.find_case_id("CB-000002") is None
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(RefundCaseRow(**{**FIELDS, "item_value": "10", "total_paid": "12"}, case_no=2))


def test_an_older_database_gets_the_column_and_numbers_in_order_of_creation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    db = Database(f"sqlite:///{path}")
    db.create_schema()
    repository = RefundRepository(db)
    first, second = _create(db, repository), _create(db, repository)
    db.dispose()
    # As the previous version (migration 0001) left it: no case_no column, and rows whose ids sort against their age.
    with sqlite3.connect(path) as connection:
        connection.execute("DROP INDEX ix_refund_cases_case_no")
        connection.execute("ALTER TABLE refund_cases DROP COLUMN case_no")
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
        connection.execute("UPDATE refund_cases SET created_at = '2026-01-02 00:00:00' WHERE id = ?", (first.id,))
        connection.execute("UPDATE refund_cases SET created_at = '2026-01-01 00:00:00' WHERE id = ?", (second.id,))

    upgraded = Database(f"sqlite:///{path}")
    upgraded.create_schema()
    repository = RefundRepository(upgraded)
    assert repository.get_case(second.id).number == "R-000001"  # type: ignore[union-attr]
    assert repository.get_case(first.id).number == "R-000002"  # type: ignore[union-attr]
    assert _create(upgraded, repository).number == "R-000003"
    with sqlite3.connect(path) as connection:
        indexes = {row[1]: row[2] for row in connection.execute("PRAGMA index_list('refund_cases')")}
    assert indexes.get("ix_refund_cases_case_no") == 1, "migration 0002 adds the unique index too"
    upgraded.create_schema()  # idempotent
    assert [c.number for c in repository.list_cases()] == ["R-000003", "R-000002", "R-000001"]
    upgraded.dispose()


def test_the_merchant_and_the_buyer_use_the_number(refund_services) -> None:  # type: ignore[no-untyped-def]
    services = refund_services()
    save_policy(services, **RETURNLESS_30)
    case = services.refunds.open_claim(BR_ORDER, BR_EMAIL, "damaged", "Tela trincada.")
    analysed(services, case.id)
    services.refunds.propose(case.id)
    number = services.refunds.repository.get_case(case.id).number
    assert number.startswith("R-")

    assert services.refunds.case_detail(f"r{int(number[2:])}").case.id == case.id
    with pytest.raises(NotFoundError):
        services.refunds.respond_to_offer(number, "someone.else@example.com", "accept")
    view = services.refunds.respond_to_offer(number, BR_EMAIL, "accept")
    assert view.status == "resolved"
    # The receipt the buyer reads, in Portuguese and in English, names the claim by its number, not the id.
    receipt = services.refunds.latest_receipt(number)
    assert receipt is not None and number in receipt.text and number in receipt.text_en
    assert case.id not in receipt.text
    exported = list(csv.DictReader(io.StringIO(services.refunds.export_csv())))
    assert [(row["case"], row["case_id"]) for row in exported] == [(number, case.id)]
    with pytest.raises(NotFoundError):
        services.refunds.case_detail("R-999999")
