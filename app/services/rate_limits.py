"""Token buckets keyed by client or session, held by the service that owns the limited action (not a global)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class ClientRateLimiter:
    """A token bucket per key (client IP, session…): `per_minute` actions, refilled continuously.

    Held by the routes registered for one app (not a module global); the clock is injectable for tests.
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic, max_clients: int = 10_000) -> None:
        self._capacity = float(max(per_minute, 1))
        self._rate = self._capacity / 60.0  # tokens per second
        self._clock = clock
        self._max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}  # ip -> (tokens, last refill)
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(client, (self._capacity, now))
            tokens = min(self._capacity, tokens + (now - last) * self._rate)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > self._max_clients:
                self._forget_full(now)
            return allowed

    def _forget_full(self, now: float) -> None:
        """Drop buckets that have refilled completely: they hold no information (bounds memory)."""
        full = [ip for ip, (tokens, last) in self._buckets.items() if tokens + (now - last) * self._rate >= self._capacity]
        for ip in full:
            del self._buckets[ip]
