"""`python -m app backup|restore` on the SQLite default: a consistent copy while a writer is busy, a restore that
refuses to overwrite without --force and refuses files that are not a good Copilot database."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.__main__ import main
from app.store import migrate
from app.store.db import Database
from app.store.orders import OrderRepository, load_orders_file

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[3] / "knowledge" / "corpus"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data dir, holding a database with the demo orders."""
    data = tmp_path / "data"
    monkeypatch.setenv("MC_DATA_DIR", str(data))
    monkeypatch.delenv("MC_DATABASE_URL", raising=False)
    db = Database(f"sqlite:///{data / 'copilot.db'}")
    db.create_schema()
    OrderRepository(db).upsert_many(load_orders_file(CORPUS / "orders.json"))
    db.dispose()
    return data


def orders_in(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("select order_no from orders")}


def test_backup_while_a_writer_is_busy_holds_every_committed_row_and_stands_alone(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = data_dir / "copilot.db"
    committed = orders_in(live)
    writer = sqlite3.connect(live, isolation_level=None)
    writer.execute("begin immediate")  # the app in the middle of a write: holds the write lock
    writer.execute("delete from orders")
    try:
        assert main(["backup", str(tmp_path / "out" / "copy.db")]) == 0
    finally:
        writer.execute("rollback")
        writer.close()
    assert "backed up to" in capsys.readouterr().out
    # The copy alone (no -wal beside it), moved elsewhere, is the committed database.
    moved = tmp_path / "elsewhere.db"
    shutil.move(tmp_path / "out" / "copy.db", moved)
    assert not list((tmp_path / "out").iterdir()), "no partial or -wal files left behind"
    assert orders_in(moved) == committed and len(committed) > 5
    with sqlite3.connect(moved) as connection:
        assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
        assert connection.execute("select version_num from alembic_version").fetchone() == (migrate.head_revision(),)


def test_backup_does_not_overwrite_a_file_without_force(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.db"
    target.write_text("my notes")
    assert main(["backup", str(target)]) == 2
    assert "--force" in capsys.readouterr().err and target.read_text() == "my notes"
    assert main(["backup", str(target), "--force"]) == 0
    assert orders_in(target) == orders_in(data_dir / "copilot.db")


def test_restore_refuses_to_overwrite_without_force_then_replaces_and_keeps_the_old_one(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = data_dir / "copilot.db"
    backup = tmp_path / "monday.db"
    assert main(["backup", str(backup)]) == 0
    with sqlite3.connect(live) as connection:  # after the backup, the merchant loses an order by mistake
        connection.execute("delete from orders where order_no = 'PP-261020'")
    capsys.readouterr()
    assert main(["restore", str(backup)]) == 2
    assert "--force" in capsys.readouterr().err
    assert "PP-261020" not in orders_in(live), "nothing was touched"
    assert main(["restore", str(backup), "--force"]) == 0
    assert "restored" in capsys.readouterr().out
    assert "PP-261020" in orders_in(live)
    (kept,) = data_dir.glob("copilot.db.before-restore-*")
    assert "PP-261020" not in orders_in(kept), "the replaced database is kept as it was"


def test_restore_into_an_empty_data_dir_upgrades_a_backup_from_the_previous_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as connection:
        script = (Path(__file__).resolve().parents[2] / "data" / "store" / "release_a2afc44.sqlite.sql").read_text()
        connection.executescript(script)
    monkeypatch.setenv("MC_DATA_DIR", str(tmp_path / "new"))
    monkeypatch.delenv("MC_DATABASE_URL", raising=False)
    assert main(["restore", str(old)]) == 0
    restored = tmp_path / "new" / "copilot.db"
    assert len(orders_in(restored)) == 19
    with sqlite3.connect(restored) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone() == (migrate.head_revision(),)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"order_no,email\nPP-1,a@b.c\n", "is not an SQLite database"),
        (None, "not a Marketplace Copilot one"),  # some other program's SQLite file
        ("truncated", "integrity check|cannot be read"),
    ],
)
def test_restore_refuses_a_file_that_is_not_a_good_copilot_database(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | str | None, message: str
) -> None:
    bad = tmp_path / "bad.db"
    if content is None:
        with sqlite3.connect(bad) as connection:
            connection.execute("create table notes (text)")
    elif content == "truncated":
        with sqlite3.connect(data_dir / "copilot.db") as connection:
            connection.execute("pragma wal_checkpoint(truncate)")
        good = (data_dir / "copilot.db").read_bytes()
        bad.write_bytes(good[: len(good) // 2])
    else:
        bad.write_bytes(content)  # type: ignore[arg-type]
    before = orders_in(data_dir / "copilot.db")
    assert main(["restore", str(bad), "--force"]) == 2
    assert re.search(message, capsys.readouterr().err)
    assert orders_in(data_dir / "copilot.db") == before


def test_backup_of_a_postgres_database_points_to_pg_dump(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MC_DATABASE_URL", "postgresql://shop@db.internal/copilot")
    assert main(["backup", str(tmp_path / "x.db")]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_restore_refuses_a_backup_from_a_newer_version(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = tmp_path / "newer.db"
    assert main(["backup", str(newer)]) == 0
    with sqlite3.connect(newer) as connection:
        connection.execute("update alembic_version set version_num = '9999'")
    capsys.readouterr()
    assert main(["restore", str(newer), "--force"]) == 2
    assert "newer version" in capsys.readouterr().err
    assert not list(data_dir.glob("copilot.db.before-restore-*")), "nothing replaced, nothing to keep"
