"""Merchant console login: PBKDF2-SHA256 password hashes from settings, constant-time comparison."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

_ALGORITHM = "pbkdf2_sha256"
_ITERATIONS = 310_000


def hash_password(password: str, *, iterations: int = _ITERATIONS, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{_ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        algorithm, iterations, salt_hex, digest_hex = encoded.split("$")
        if algorithm != _ALGORITHM:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)


@dataclass(frozen=True)
class MerchantCredentials:
    username: str
    password_hash: str
    # Set only when the app generated a one-time demo password, so start-up can tell the merchant.
    generated_password: str | None = None

    def check(self, username: str, password: str) -> bool:
        # Hash even for a wrong user name so timing does not reveal which part was wrong.
        ok_password = verify_password(password, self.password_hash)
        return hmac.compare_digest(username.encode(), self.username.encode()) and ok_password


def resolve_credentials(username: str, password_hash: str | None, demo_mode: bool) -> MerchantCredentials | None:
    """Configured hash wins; in demo mode a random password is generated; otherwise the console is closed."""
    if password_hash:
        return MerchantCredentials(username, password_hash)
    if not demo_mode:
        return None
    password = secrets.token_urlsafe(9)
    return MerchantCredentials(username, hash_password(password, iterations=50_000), generated_password=password)
