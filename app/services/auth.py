"""Merchant console login: PBKDF2-SHA256 password hashes from settings, constant-time comparison."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
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
    """Slows password guessing per (user name, client address): after `free_failures` failures, each further one
    locks that pair out for a delay that doubles (base_delay_s, 2x, 4x… up to max_delay_s).

    Keyed by the pair, so strangers failing from their own addresses never lock the merchant out of theirs.
    Held by the app instance, not a module global; the clock is injectable for tests.
    """

    def __init__(
        self,
        free_failures: int = 5,
        base_delay_s: float = 30.0,
        max_delay_s: float = 3600.0,
        forget_after_s: float = 86_400.0,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 50_000,
    ) -> None:
        self._free = free_failures
        self._base = base_delay_s
        self._max = max_delay_s
        self._forget_after = forget_after_s
        self._clock = clock
        self._max_keys = max_keys
        self._state: dict[tuple[str, str], tuple[int, float]] = {}  # key -> (failures, locked until)
        self._lock = threading.Lock()

    def retry_after(self, username: str, client: str) -> float:
        """Seconds until this pair may try again (0: now)."""
        with self._lock:
            _failures, until = self._state.get((username, client), (0, 0.0))
            return max(0.0, until - self._clock())

    def record(self, username: str, client: str, success: bool) -> None:
        key = (username, client)
        with self._lock:
            if success:
                self._state.pop(key, None)
                return
            now = self._clock()
            failures, until = self._state.get(key, (0, 0.0))
            if until and now - until > self._forget_after:
                failures = 0
            failures += 1
            over = failures - self._free
            delay = min(self._max, self._base * 2 ** (over - 1)) if over > 0 else 0.0
            self._state[key] = (failures, now + delay if delay else until)
            if len(self._state) > self._max_keys:
                self._forget_stale(now)

    def _forget_stale(self, now: float) -> None:
        stale = [k for k, (_f, until) in self._state.items() if now - until > self._forget_after]
        for key in stale or list(self._state)[: len(self._state) // 2]:
            del self._state[key]


def async_login_check(credentials: MerchantCredentials) -> Callable[[str, str], Awaitable[bool]]:
    """Gradio awaits an async auth callback: PBKDF2 runs in a worker thread, so a stream of login
    attempts cannot stall every buyer's chat on the event loop. Throttling is LoginGuard's (it knows the client)."""

    async def check(username: str, password: str) -> bool:
        return bool(await anyio.to_thread.run_sync(credentials.check, username, password))

    return check
