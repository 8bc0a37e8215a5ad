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


def test_the_login_check_accepts_only_the_right_pair() -> None:
    check = async_login_check(MerchantCredentials("merchant", hash_password("right-password-1", iterations=1_000)))
    assert _run(check("merchant", "right-password-1")) is True
    assert _run(check("merchant", "guess")) is False
    assert _run(check("someone", "right-password-1")) is False


def test_failures_past_the_free_ones_lock_with_growing_delays() -> None:
    clock = Clock()
    throttle = LoginThrottle(free_failures=3, base_delay_s=30, max_delay_s=100, clock=clock)
    for _ in range(3):
        throttle.record("merchant", "203.0.113.9", False)
    assert throttle.retry_after("merchant", "203.0.113.9") == 0
    throttle.record("merchant", "203.0.113.9", False)
    assert throttle.retry_after("merchant", "203.0.113.9") == 30
    clock.now += 31
    throttle.record("merchant", "203.0.113.9", False)
    assert throttle.retry_after("merchant", "203.0.113.9") == 60
    clock.now += 61
    throttle.record("merchant", "203.0.113.9", False)
    assert throttle.retry_after("merchant", "203.0.113.9") == 100  # capped


def test_a_stranger_locking_themselves_out_does_not_lock_the_merchant_out() -> None:
    throttle = LoginThrottle(free_failures=2, clock=Clock())
    for _ in range(10):
        throttle.record("merchant", "198.51.100.7", False)
    assert throttle.retry_after("merchant", "198.51.100.7") > 0
    assert throttle.retry_after("merchant", "192.0.2.10") == 0


def test_a_success_clears_earlier_failures() -> None:
    throttle = LoginThrottle(free_failures=1, clock=Clock())
    throttle.record("merchant", "192.0.2.10", False)
    throttle.record("merchant", "192.0.2.10", True)
    throttle.record("merchant", "192.0.2.10", False)
    assert throttle.retry_after("merchant", "192.0.2.10") == 0
