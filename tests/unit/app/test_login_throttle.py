from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.services.auth import LoginThrottle, MerchantCredentials, async_login_check, hash_password

pytestmark = pytest.mark.unit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _run(coro) -> bool:  # type: ignore[no-untyped-def]
    # A fresh thread: some test tiers leave an event loop running in the main thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return bool(pool.submit(asyncio.run, coro).result())


def test_repeated_failures_lock_the_user_name_until_the_window_passes() -> None:
    clock = Clock()
    throttle = LoginThrottle(max_failures=3, window_s=60, clock=clock)
    creds = MerchantCredentials("merchant", hash_password("right-password-1", iterations=1_000))
    check = async_login_check(creds, throttle)

    for _ in range(3):
        assert _run(check("merchant", "guess")) is False
    # Locked: even the right password is refused while the window lasts.
    assert _run(check("merchant", "right-password-1")) is False
    clock.now += 61
    assert _run(check("merchant", "right-password-1")) is True


def test_a_success_clears_earlier_failures() -> None:
    throttle = LoginThrottle(max_failures=2, window_s=60, clock=Clock())
    throttle.record("merchant", False)
    throttle.record("merchant", True)
    throttle.record("merchant", False)
    assert throttle.allowed("merchant")
