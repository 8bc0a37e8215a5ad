"""Merchant console login: PBKDF2-SHA256 password hashes from settings, constant-time comparison."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import anyio

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


class LoginThrottle:
    """Refuses further attempts for a user name after repeated failures (slows password guessing).

    Held by the app instance, not a module global; the clock is injectable for tests.
    """

    def __init__(self, max_failures: int = 5, window_s: float = 300.0, clock: Callable[[], float] = time.monotonic):
        self._max_failures = max_failures
        self._window_s = window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allowed(self, username: str) -> bool:
        with self._lock:
            recent = self._recent(username)
            return len(recent) < self._max_failures

    def record(self, username: str, success: bool) -> None:
        with self._lock:
            if success:
                self._failures.pop(username, None)
            else:
                self._recent(username).append(self._clock())

    def _recent(self, username: str) -> deque[float]:
        failures = self._failures.setdefault(username, deque())
        cutoff = self._clock() - self._window_s
        while failures and failures[0] < cutoff:
            failures.popleft()
        return failures


def async_login_check(
    credentials: MerchantCredentials, throttle: LoginThrottle
) -> Callable[[str, str], Awaitable[bool]]:
    """Gradio awaits an async auth callback: PBKDF2 runs in a worker thread, so a stream of login
    attempts cannot stall every buyer's chat on the event loop."""

    async def check(username: str, password: str) -> bool:
        if not throttle.allowed(username):
            return False
        ok = await anyio.to_thread.run_sync(credentials.check, username, password)
        throttle.record(username, ok)
        return ok

    return check
