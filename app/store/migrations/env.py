"""Alembic environment: always handed an open connection by app.store.migrate (no alembic.ini, no URL here)."""

from alembic import context

import app.store.tables  # noqa: F401  (registers every table on Base)
from app.store.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through app.store.migrate (python -m app db upgrade), not the alembic CLI.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place: batch mode copies the table, so the same migration runs on both.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
