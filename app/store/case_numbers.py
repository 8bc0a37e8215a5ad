"""Case numbers in the store: the next number at insert, a case found by its number, and the one-off backfill.

The number is computed inside the INSERT itself (a scalar subquery, MAX + 1), so it belongs to the inserting
transaction: SQLite runs the statement under its write lock, and on Postgres two racing inserts that read the same
maximum collide on the unique index and the loser's unit of work rolls back, never two cases with one number.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, inspect, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import InstrumentedAttribute

from app.store.chargeback_tables import ChargebackCaseRow
from app.store.refund_tables import RefundCaseRow


def next_case_no(column: InstrumentedAttribute[Any]) -> Any:
    """SQL for "one more than the highest number in use", evaluated by the INSERT that assigns it."""
    return select(func.coalesce(func.max(column), 0) + 1).scalar_subquery()


# -- backfill (kept apart: a migration replaces this for databases managed by Alembic) ---------------------------

_NUMBERED: tuple[tuple[Any, str], ...] = ((RefundCaseRow, "id"), (ChargebackCaseRow, "case_id"))


def backfill_case_numbers(engine: Engine) -> dict[str, int]:
    """Numbers the cases of a database created before case numbers existed, oldest first (created_at, then id), after
    the highest number in use, and adds the unique index `add_missing_columns` cannot add. Idempotent; returns how
    many rows each table got."""
    filled: dict[str, int] = {}
    for row_type, key in _NUMBERED:
        table = row_type.__table__
        id_column, no_column = getattr(row_type, key), row_type.case_no
        present = {i["name"] for i in inspect(engine).get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present and no_column.name in {c.name for c in index.columns}:
                index.create(engine, checkfirst=True)
        with engine.begin() as connection:
            missing = connection.execute(
                select(id_column).where(no_column.is_(None)).order_by(row_type.created_at, id_column)
            ).scalars().all()
            if not missing:
                continue
            last = connection.execute(select(func.coalesce(func.max(no_column), 0))).scalar_one()
            for offset, case_id in enumerate(missing, start=1):
                connection.execute(update(table).where(id_column == case_id).values(case_no=last + offset))
            filled[table.name] = len(missing)
    return filled
