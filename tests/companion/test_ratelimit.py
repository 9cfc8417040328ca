"""The token bucket: a burst passes, a flood is dropped, a sustained flood closes."""

from __future__ import annotations

import pytest

from karaoke.companion.ratelimit import RateLimiter, Verdict


class Clock:
    def __init__(self) -> None:
        self.s = 100.0

    def __call__(self) -> float:
        return self.s


def test_a_burst_passes_then_messages_are_dropped_then_the_sender_is_closed():
    clock = Clock()
    limiter = RateLimiter(clock, rate=20, burst=40)
    verdicts = [limiter.admit() for _ in range(100)]
    assert verdicts[:40] == [Verdict.ACCEPT] * 40
    assert verdicts[40:80] == [Verdict.DROP] * 40  # penalties up to the burst: dropped
    assert verdicts[80] is Verdict.CLOSE  # one more: over the limit for too long
    assert limiter.dropped == 60


def test_the_bucket_refills_at_the_rate():
    clock = Clock()
    limiter = RateLimiter(clock, rate=20, burst=40)
    for _ in range(40):
        assert limiter.admit() is Verdict.ACCEPT
    assert limiter.admit() is Verdict.DROP
    clock.s += 0.5  # 10 tokens back
    assert [limiter.admit() for _ in range(11)] == [Verdict.ACCEPT] * 10 + [Verdict.DROP]


def test_a_steady_sender_at_the_rate_is_never_dropped():
    clock = Clock()
    limiter = RateLimiter(clock, rate=20, burst=40)
    for _ in range(1000):
        clock.s += 0.05
        assert limiter.admit() is Verdict.ACCEPT


def test_short_floods_now_and_then_are_dropped_but_not_closed():
    clock = Clock()
    limiter = RateLimiter(clock, rate=20, burst=40)
    for _ in range(5):
        verdicts = [limiter.admit() for _ in range(60)]  # 20 over the burst
        assert Verdict.CLOSE not in verdicts
        clock.s += 5  # quiet again
    assert limiter.dropped == 100


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        RateLimiter(Clock(), rate=0)
