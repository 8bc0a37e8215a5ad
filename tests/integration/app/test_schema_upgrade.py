"""A database made by an older version keeps working: new nullable columns are added at start-up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.store.db import Database

pytestmark = pytest.mark.integration


def test_an_older_database_gets_the_new_nullable_columns_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = Database(f"sqlite:///{path}")
    database.create_schema()
    database.dispose()
    with sqlite3.connect(path) as db:
        # The older version: a conversations table without a column the current one declares.
        dropped = "handoff_reason"  # nullable
        db.execute(f'alter table conversations drop column "{dropped}"')
        db.execute(
            "insert into conversations (id, session_token, language, status, low_confidence_streak, created_at, updated_at) "
            "values ('c1', 'digest', 'ko', 'bot', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
    upgraded = Database(f"sqlite:///{path}")
    upgraded.create_schema()
    upgraded.dispose()
    with sqlite3.connect(path) as db:
        assert dropped in [row[1] for row in db.execute("pragma table_info(conversations)")]
        assert db.execute("select language from conversations where id = 'c1'").fetchone() == ("ko",)
