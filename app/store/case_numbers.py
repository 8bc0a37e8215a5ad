"""Case numbers in the store: the next number at insert (existing cases were numbered by migration 0002).

The number is computed inside the INSERT itself (a scalar subquery, MAX + 1), so it belongs to the inserting
transaction: SQLite runs the statement under its write lock, and on Postgres two racing inserts that read the same
maximum collide on the unique index and the loser's unit of work rolls back, never two cases with one number.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute


def next_case_no(column: InstrumentedAttribute[Any]) -> Any:
    """SQL for "one more than the highest number in use", evaluated by the INSERT that assigns it."""
    return select(func.coalesce(func.max(column), 0) + 1).scalar_subquery()
