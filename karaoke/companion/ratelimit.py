"""A per-connection rate limit: a token bucket, and a second one that notices abuse.

Each message takes one token from a bucket that refills at ``rate`` tokens per second up to
``burst``. A message without a token is dropped; each drop adds a point to a *penalty* bucket
that drains at the same rate. When the penalties pass ``burst`` the sender has been over the
limit for a while (not just one burst), and the connection is closed (WebSocket code 1008).

The clock is injected (seconds, monotonic) so tests drive it. Pure, not thread-safe.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

#: Messages per second a page may send on average, and in a burst. A page sends a ping every
#: few seconds and an answer now and then; a person tapping fast stays far below.
DEFAULT_RATE = 20.0
DEFAULT_BURST = 40.0


class Verdict(enum.Enum):
    ACCEPT = "accept"
    DROP = "drop"  # over the limit: ignore this message
    CLOSE = "close"  # over the limit for too long: close the connection


class RateLimiter:
    def __init__(
        self,
        now: Callable[[], float],
        rate: float = DEFAULT_RATE,
        burst: float = DEFAULT_BURST,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self._now = now
        self.rate = rate
        self.burst = burst
        self._tokens = burst
        self._penalty = 0.0
        self._last = now()
        self.dropped = 0  # messages dropped so far, for the log

    def admit(self) -> Verdict:
        """Whether the message arriving now may be handled."""
        now = self._now()
        elapsed = max(0.0, now - self._last)
        self._last = now
        self._tokens = min(self.burst, self._tokens + elapsed * self.rate)
        self._penalty = max(0.0, self._penalty - elapsed * self.rate)
        if self._tokens >= 1:
            self._tokens -= 1
            return Verdict.ACCEPT
        self.dropped += 1
        self._penalty += 1
        return Verdict.CLOSE if self._penalty > self.burst else Verdict.DROP
