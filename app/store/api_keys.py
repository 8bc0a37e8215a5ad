"""API keys at rest: name, SHA-256 of the key, prefix, created / last used / revoked times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from app.store.base import utcnow
from app.store.db import Database
from app.store.intake_tables import ApiKeyRow

# Writing "last used" on every request would make each push two writes; a minute's precision is enough.
_TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class StoredApiKey:
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _stored(row: ApiKeyRow) -> StoredApiKey:
    return StoredApiKey(row.id, row.name, row.prefix, row.created_at, row.last_used_at, row.revoked_at)


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone=True columns.
    return value if value.tzinfo else value.replace(tzinfo=utcnow().tzinfo)


class ApiKeyRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, name: str, key_sha256: str, prefix: str) -> StoredApiKey:
        with self._db.session() as session:
            row = ApiKeyRow(name=name, key_sha256=key_sha256, prefix=prefix)
            session.add(row)
            session.flush()
            return _stored(row)

    def use(self, key_sha256: str) -> StoredApiKey | None:
        """The active key with this hash, its last-used time brought up to date; None if unknown or revoked."""
        with self._db.session() as session:
            row = session.scalars(select(ApiKeyRow).where(ApiKeyRow.key_sha256 == key_sha256)).first()
            if row is None or row.revoked_at is not None:
                return None
            now = utcnow()
            if row.last_used_at is None or now - _aware(row.last_used_at) > _TOUCH_EVERY:
                row.last_used_at = now
            return _stored(row)

    def revoke(self, key_id: int) -> bool:
        with self._db.session() as session:
            row = session.get(ApiKeyRow, key_id)
            if row is None or row.revoked_at is not None:
                return False
            row.revoked_at = utcnow()
            return True

    def list_all(self) -> list[StoredApiKey]:
        with self._db.session() as session:
            return [_stored(row) for row in session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.id)).all()]
