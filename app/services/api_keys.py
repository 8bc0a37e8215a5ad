"""API keys for storefront pushes: created and revoked by the merchant, shown once, stored as SHA-256.

The keys are 256 random bits, so a fast hash is enough (no password stretching needed) and lets a request's key be
found by its hash without comparing secrets one by one.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from app.errors import InvalidInputError, NotFoundError
from app.store.api_keys import ApiKeyRepository, StoredApiKey
from app.store.audit import AuditLog

KEY_PREFIX = "mck_"
AUDIT_KIND = "api_key"


@dataclass(frozen=True)
class NewApiKey:
    key: StoredApiKey
    # The only time the secret exists outside the caller's hands: show it once, never store it.
    secret: str


def key_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiKeyService:
    def __init__(self, keys: ApiKeyRepository, audit: AuditLog) -> None:
        self._keys = keys
        self._audit = audit

    def create(self, name: str, actor: str = "merchant") -> NewApiKey:
        name = " ".join(name.split())
        if not name or len(name) > 80:
            raise InvalidInputError("Give the key a name of 1–80 characters, e.g. the storefront it is for.")
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        stored = self._keys.add(name, key_hash(secret), secret[: len(KEY_PREFIX) + 4])
        self._audit.record(AUDIT_KIND, str(stored.id), actor, "created", {"name": name})
        return NewApiKey(stored, secret)

    def revoke(self, key_id: int, actor: str = "merchant") -> None:
        if not self._keys.revoke(key_id):
            raise NotFoundError(f"No active API key with id {key_id}.")
        self._audit.record(AUDIT_KIND, str(key_id), actor, "revoked")

    def authenticate(self, secret: str | None) -> StoredApiKey | None:
        """The active key this secret belongs to, or None (missing, unknown and revoked look the same)."""
        if not secret or not secret.startswith(KEY_PREFIX) or len(secret) > 128:
            return None
        return self._keys.use(key_hash(secret))

    def list_keys(self) -> list[StoredApiKey]:
        return self._keys.list_all()
