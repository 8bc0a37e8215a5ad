"""Schema migrations (Alembic) run from code: the app upgrades its database to the newest revision at start-up.

A database made by a release before Alembic (tables, no `alembic_version`) is adopted by the baseline revision,
which creates what is missing and adds the nullable columns older releases lacked, then later revisions run."""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).parent / "migrations"
# The schema of the last release before Alembic; it also adopts databases that release made.
BASELINE = "0001"
_ALEMBIC_IN_USE = threading.Lock()
_LOCK_KEY = 0x4D435F6D6967  # any constant shared by every process of this app ("MC_mig")


def alembic_config(connection: Connection | None = None) -> Config:
    """A Config built in code: the scripts ship inside the package, the connection is the app's own."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migration scripts"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    # Alembic keeps its running migration in module globals (alembic.op, alembic.context): one at a time per process.
    with _ALEMBIC_IN_USE, engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    # Several app processes starting at once: one migrates, the others wait, then find it done.
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})")
                command.upgrade(alembic_config(connection), revision)
            return
        _upgrade_sqlite(connection, revision)


def _upgrade_sqlite(connection: Connection, revision: str) -> None:
    """The whole upgrade in one SQLite transaction that holds the write lock from its first statement: a second
    process starting at the same moment waits (busy timeout), then finds the work done; a failure rolls back
    every step, table copies included.

    SQLite changes a table by copying it (batch mode); with foreign keys enforced, dropping the old copy would
    fail or cascade into its children. They are off during the upgrade (a pragma that cannot change inside a
    transaction), checked before the commit, and on again before the connection goes back to the pool."""
    raw = connection.connection.dbapi_connection
    assert raw is not None
    implicit = raw.isolation_level
    raw.isolation_level = None  # pysqlite: no implicit BEGIN/COMMIT around DDL; we open the transaction ourselves
    try:
        raw.execute("PRAGMA foreign_keys=OFF")
        with connection.begin():  # its commit/rollback ends the transaction opened on the next line
            raw.execute("BEGIN IMMEDIATE")
            command.upgrade(alembic_config(connection), revision)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"The migration left rows pointing at missing rows: {broken[:5]}")
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
        raw.isolation_level = implicit


def new_revision(message: str) -> Path:
    """Writes the next numbered revision with the difference between the models and the migration head,
    compared on a scratch SQLite database upgraded to head. Review it before committing."""
    scripts = ScriptDirectory.from_config(alembic_config())
    numbers = [int(m.group(1)) for s in scripts.walk_revisions() if (m := re.match(r"(\d+)", s.revision))]
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{Path(scratch) / 'head.db'}")
        try:
            upgrade(engine)
            with engine.begin() as connection:
                script = command.revision(
                    alembic_config(connection), message, autogenerate=True, rev_id=f"{max(numbers, default=0) + 1:04d}"
                )
        finally:
            engine.dispose()
    assert script is not None and not isinstance(script, list)
    return Path(script.path)
