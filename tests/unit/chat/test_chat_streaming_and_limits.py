"""Sentence release points of held-back drafts, and the per-IP session token bucket."""

from __future__ import annotations

import pytest

from app.services.chat.answering import release_point
from app.services.rate_limits import ClientRateLimiter

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("pending", "released"),
    [
        ("It costs 18.00 USD", ""),  # a decimal point is no sentence end
        ("Write to a@b.com for", ""),
        ("First sentence. Second", "First sentence."),
        ("Is it HDR? Yes! And", "Is it HDR? Yes!"),
        ("支持。还有", "支持。"),
        ("対応しています！次", "対応しています！"),
        ("هل تدعم؟ نعم", "هل تدعم؟"),
        ("Line one\nline two", "Line one\n"),
        ("Ends here.", ""),  # the next character decides; the end of the stream releases the rest
    ],
)
def test_release_points_are_sentence_ends_in_every_script(pending: str, released: str) -> None:
    assert pending[: release_point(pending)] == released


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_session_bucket_refuses_past_the_limit_per_ip_and_refills() -> None:
    clock = Clock()
    limiter = ClientRateLimiter(30, clock=clock)
    assert all(limiter.allow("10.0.0.1") for _ in range(30))
    assert not limiter.allow("10.0.0.1")
    assert limiter.allow("10.0.0.2")  # another client has its own bucket
    clock.now += 2.0  # 30 a minute: one more every 2 seconds
    assert limiter.allow("10.0.0.1") and not limiter.allow("10.0.0.1")


def test_the_session_bucket_forgets_idle_clients() -> None:
    clock = Clock()
    limiter = ClientRateLimiter(2, clock=clock, max_clients=3)
    for n in range(3):
        limiter.allow(f"ip{n}")
    clock.now += 120
    limiter.allow("ip9")
    assert len(limiter._buckets) <= 2
