"""The declarative base every table module registers on, and small column helpers."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    # Constraint names as Postgres itself picks them, so databases made before this convention still match the
    # models; a named constraint is one a migration can drop or alter (SQLite batch mode needs the name). No
    # "uq" entry: SQLite databases of earlier releases hold an unnamed one. For a unique column write
    # `unique=True, index=True` (a unique index, named ix_…) or name the UniqueConstraint.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "fk": "%(table_name)s_%(column_0_name)s_fkey",
            "pk": "%(table_name)s_pkey",
        }
    )


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex
