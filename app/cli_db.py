"""`python -m app backup|restore FILE` (SQLite default) and `python -m app db upgrade|current|revision`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli_support import guarded


def _database_url() -> str:
    from app.settings import Settings

    return Settings().resolved_database_url


def _backup(args: argparse.Namespace) -> int:
    from app.store.backup import backup, sqlite_path

    print(backup(sqlite_path(_database_url()), Path(args.file), force=args.force).summary("backed up to"))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from app.store.backup import restore, sqlite_path
    from app.store.db import Database

    report = restore(Path(args.file), sqlite_path(_database_url()), force=args.force)
    # A backup from an older release is brought to today's schema now rather than at the next start.
    db = Database(_database_url())
    try:
        db.create_schema()
    finally:
        db.dispose()
    print(report.summary("restored"))
    return 0


def _upgrade(_args: argparse.Namespace) -> int:
    from app.store import migrate
    from app.store.db import Database

    db = Database(_database_url())
    try:
        before = migrate.current_revision(db.engine)
        db.create_schema()
        print(f"schema {before or 'none'} -> {migrate.current_revision(db.engine)}")
    finally:
        db.dispose()
    return 0


def _current(_args: argparse.Namespace) -> int:
    from app.store import migrate
    from app.store.db import Database

    db = Database(_database_url())
    try:
        current, head = migrate.current_revision(db.engine), migrate.head_revision()
    finally:
        db.dispose()
    print(f"schema {current or 'none'} (newest {head})" + ("" if current == head else " — run `python -m app db upgrade`"))
    return 0


def _revision(args: argparse.Namespace) -> int:
    from app.store import migrate

    path = migrate.new_revision(args.message)
    print(f"wrote {path}: review it, run the store tests, commit it with the model change")
    return 0


def register_db_commands(commands: Any) -> None:
    backup = commands.add_parser("backup", help="copy the SQLite database to FILE (safe while the app runs)")
    backup.add_argument("file")
    backup.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    backup.set_defaults(handler=guarded(_backup))
    restore = commands.add_parser("restore", help="replace the SQLite database with a backup (stop the app first)")
    restore.add_argument("file")
    restore.add_argument("--force", action="store_true", help="replace an existing database (it is kept beside it)")
    restore.set_defaults(handler=guarded(_restore))
    db = commands.add_parser("db", help="schema migrations").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="bring the database to the newest schema (the app also does this at start)").set_defaults(
        handler=guarded(_upgrade)
    )
    db.add_parser("current", help="show the database's schema revision").set_defaults(handler=guarded(_current))
    revision = db.add_parser("revision", help="write a migration for the models' changes (developers)")
    revision.add_argument("message", help='what changes, e.g. "refund case number"')
    revision.set_defaults(handler=guarded(_revision))
