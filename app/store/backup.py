"""Backup and restore of the SQLite default with SQLite's online backup API: the copy is one committed state of
the database even while the app keeps reading and writing (WAL), and both ends are integrity-checked.
Postgres has its own tools (pg_dump / pg_restore)."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from app.errors import InvalidInputError
from app.store import migrate

SQLITE_HEADER = b"SQLite format 3\x00"
# A table every release has had: a SQLite file without it is some other program's database.
MARKER_TABLE = "orders"


@dataclass(frozen=True)
class CopyReport:
    path: Path
    size_bytes: int
    tables: int
    revision: str | None  # the schema revision inside the copy (None: made before migrations)
    kept: Path | None = None  # the database a forced restore replaced, kept beside it

    def summary(self, verb: str) -> str:
        revision = self.revision or "pre-migration"
        kept = f"; the replaced database is kept as {self.kept}" if self.kept else ""
        return f"{verb} {self.path} ({self.size_bytes:,} bytes, {self.tables} tables, schema {revision}){kept}"


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        raise InvalidInputError(
            f"backup and restore handle the SQLite default; this app uses {parsed.get_backend_name()} "
            "(use pg_dump / pg_restore for Postgres)."
        )
    return Path(parsed.database)


def backup(database: Path, target: Path, *, force: bool = False) -> CopyReport:
    """Copies the live database to `target` (a single self-contained file, no -wal beside it)."""
    if not database.is_file():
        raise InvalidInputError(f"There is no database at {database} to back up.")
    if target.resolve() == database.resolve():
        raise InvalidInputError("The backup file must not be the database itself.")
    if target.exists() and not force:
        raise InvalidInputError(f"{target} already exists; pass --force to overwrite it.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(database, partial, standalone=True)
        report = _check(partial)
        os.replace(partial, target)  # a reader of `target` never sees a half-written backup
    finally:
        partial.unlink(missing_ok=True)
    return CopyReport(target, target.stat().st_size, report.tables, report.revision)


def restore(source: Path, database: Path, *, force: bool = False) -> CopyReport:
    """Replaces the database with a backup after checking the backup; the replaced one is kept beside it.
    Stop the app first: a running app would keep working on what it had cached."""
    if not source.is_file():
        raise InvalidInputError(f"{source}: no such file.")
    checked = _check(source)
    head = migrate.head_revision()
    if checked.revision is not None and checked.revision not in migrate.known_revisions():
        raise InvalidInputError(
            f"{source} was made by a newer version (schema {checked.revision}; this one knows up to {head})."
        )
    kept = None
    if database.exists():
        if not force:
            raise InvalidInputError(f"{database} exists; pass --force to replace it (it will be kept beside it).")
        kept = database.with_name(f"{database.name}.before-restore-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
        backup(database, kept)
    database.parent.mkdir(parents=True, exist_ok=True)
    _copy(source, database, standalone=False)
    report = _check(database)
    return CopyReport(database, database.stat().st_size, report.tables, report.revision, kept)


@dataclass(frozen=True)
class _Checked:
    tables: int
    revision: str | None


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=30)


def _copy(source: Path, target: Path, *, standalone: bool) -> None:
    """Page-by-page online copy; the source keeps serving its other readers and writers meanwhile."""
    reader, writer = _connect(source), _connect(target)
    try:
        reader.backup(writer)
        if standalone:  # the live database is in WAL mode; a backup file should be one file that stands alone
            writer.execute("PRAGMA journal_mode=DELETE")
    finally:
        writer.close()
        reader.close()


def _check(path: Path) -> _Checked:
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise InvalidInputError(f"{path} is not an SQLite database.")
    connection = _connect(path)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise InvalidInputError(f"{path} failed the integrity check: {'; '.join(problems[:3])}")
        tables = {row[0] for row in connection.execute("select name from sqlite_master where type = 'table'")}
        if MARKER_TABLE not in tables:
            raise InvalidInputError(f"{path} is an SQLite database, but not a Marketplace Copilot one.")
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("select version_num from alembic_version").fetchone()
            revision = row[0] if row else None
        return _Checked(len(tables), revision)
    except sqlite3.DatabaseError as exc:
        raise InvalidInputError(f"{path} cannot be read as an SQLite database: {exc}") from exc
    finally:
        connection.close()
