"""A smooth playback position from the player's coarse time updates.

libvlc 3 publishes its time only every 250–500 ms; a highlight that polls it jumps and lags.
This clock keeps an anchor (player time, monotonic time when it was seen) and extrapolates with
the playback rate. Rules:

- A new player time re-anchors the clock. While playing, the *shown* position never moves
  backwards: a small error (under ``SLEW_LIMIT_MS``) is slewed away — the shown position runs at
  between 0 and 2× the rate until it meets the player's line — and a larger one jumps forward,
  or, if backwards, is taken as the player having jumped (a seek we did not ask for).
- :meth:`seek` jumps at once, either way. :meth:`pause` holds still; player times that arrive
  while paused are ignored until :meth:`play`, except by :meth:`seek`.
- :meth:`set_rate` re-anchors at the current position, so speed changes never jump.
- A seek while playing holds the shown position at the target for as long as the player has
  recently taken to start again after a seek (its *seek latency*, learned: the error at the first
  new time after each seek says how late the player really started, and the median of the last
  few is used), so the highlight does not run ahead of a picture that has not moved yet.
  Measured on a real display, libvlc's time starts 25–60 ms after ``set_time`` and its first
  new time comes 0.3–0.4 s later; without the hold the highlight ran that far ahead until then
  (``benchmarks/display_sync.py``). A player without latency (the fake one) teaches 0.

The time source is injected (``now_ns``, monotonic nanoseconds) so tests drive it exactly.
Positions are in media ms; internal arithmetic is in float ms for sub-ms smoothness.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Errors below this are slewed; above it the clock jumps to the player's time.
SLEW_LIMIT_MS = 1_000.0
#: While slewing, the shown position moves at ``rate * (1 ± SLEW_GAIN)``: an error of e ms is
#: gone after about ``e / SLEW_GAIN`` ms of playback.
SLEW_GAIN = 1.0
#: Seek latencies (ms) beyond this are not learned: the player stalled, it was not the seek.
SEEK_LATENCY_MAX_MS = 250.0
#: How many recent seek latencies the hold is the median of.
SEEK_LATENCY_SAMPLES = 5


class PlaybackClock:
    """Media position for the UI: call :meth:`position_ms` as often as you like (it is cheap)."""

    def __init__(self, now_ns: Callable[[], int] = time.monotonic_ns) -> None:
        self._now_ns = now_ns
        self._playing = False
        self._rate = 1.0
        # Player line: position = anchor_ms + (now - anchor_now) * rate.
        self._anchor_ms = 0.0
        self._anchor_now_ms = self._now()
        # Shown = player line + correction; correction shrinks toward 0 at SLEW_GAIN * rate.
        self._correction_ms = 0.0
        self._last_shown_ms = 0.0
        # After a seek while playing: (target ms, hold ms) until the player's first new time.
        self._seek_pending: tuple[float, float] | None = None
        self._seek_latencies: list[float] = []

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def rate(self) -> float:
        return self._rate

    def _now(self) -> float:
        return self._now_ns() / 1_000_000

    def _player_line_ms(self, now_ms: float) -> float:
        if not self._playing:
            return self._anchor_ms
        return self._anchor_ms + (now_ms - self._anchor_now_ms) * self._rate

    def _correction_at(self, now_ms: float) -> float:
        if not self._playing or not self._correction_ms:
            return self._correction_ms
        decay = (now_ms - self._anchor_now_ms) * self._rate * SLEW_GAIN
        if self._correction_ms > 0:
            return max(0.0, self._correction_ms - decay)
        return min(0.0, self._correction_ms + decay)

    def _shown_ms(self, now_ms: float) -> float:
        return self._player_line_ms(now_ms) + self._correction_at(now_ms)

    def position_ms(self) -> int:
        """The position to show now, in media ms; non-decreasing while playing."""
        shown = self._shown_ms(self._now())
        if self._playing:
            shown = max(shown, self._last_shown_ms)
        self._last_shown_ms = shown
        return int(shown)

    def _anchor(self, position_ms: float, now_ms: float, correction_ms: float = 0.0) -> None:
        self._anchor_ms = position_ms
        self._anchor_now_ms = now_ms
        self._correction_ms = correction_ms

    # Events from the player --------------------------------------------------------------------

    def on_player_time(self, player_ms: int) -> None:
        """The player reported a new time (call it only when that time changed)."""
        if not self._playing:
            return
        now = self._now()
        if self._seek_pending is not None:
            target, hold = self._seek_pending
            if player_ms == target:  # the player repeating the seek's target: not playback yet
                return
            self._seek_pending = None
            self._learn_seek_latency(hold, self._shown_ms(now) - player_ms)
        shown = max(self._shown_ms(now), self._last_shown_ms)
        error = shown - player_ms  # > 0: we were ahead
        if abs(error) > SLEW_LIMIT_MS:
            self._jump(player_ms, now)
        else:
            self._anchor(float(player_ms), now, correction_ms=error)

    def _jump(self, position_ms: float, now_ms: float) -> None:
        self._anchor(position_ms, now_ms)
        self._last_shown_ms = position_ms

    # Commands (what the app asked the player to do) --------------------------------------------

    def play(self) -> None:
        if not self._playing:
            now = self._now()
            self._anchor(self._last_shown_ms, now)
            self._playing = True

    def pause(self) -> None:
        self._seek_pending = None  # the next new time after a resume says nothing of seeks
        if self._playing:
            now = self._now()
            held = max(self._shown_ms(now), self._last_shown_ms)
            self._playing = False
            self._jump(held, now)

    def seek(self, position_ms: int) -> None:
        """Jump to ``position_ms`` at once, playing or paused; while playing, the position then
        holds there for the player's learned seek latency before it moves on."""
        target, now = float(max(0, position_ms)), self._now()
        self._jump(target, now)
        self._seek_pending = None
        if self._playing:
            hold = self.seek_latency_ms
            self._anchor_now_ms = now + hold  # the line starts later; position_ms holds till then
            self._seek_pending = (target, hold)

    @property
    def seek_latency_ms(self) -> float:
        """How long the player has recently taken to start playing after a seek (0 until one
        has been seen): the median of the last :data:`SEEK_LATENCY_SAMPLES`."""
        ordered = sorted(self._seek_latencies)
        return ordered[len(ordered) // 2] if ordered else 0.0

    def _learn_seek_latency(self, hold_ms: float, error_ms: float) -> None:
        """The first new time after a seek: we were ``error_ms`` ahead of the player having
        held ``hold_ms``, so the player started ``hold_ms + error_ms`` (media ms / rate) late."""
        latency = hold_ms + error_ms / self._rate
        if -SEEK_LATENCY_MAX_MS <= latency <= SEEK_LATENCY_MAX_MS:
            latency = max(0.0, latency)  # started at once (within the updates' own noise)
            self._seek_latencies = [*self._seek_latencies, latency][-SEEK_LATENCY_SAMPLES:]

    def set_rate(self, rate: float) -> None:
        if rate <= 0:
            raise ValueError(f"playback rate must be positive, not {rate}")
        now = self._now()
        self._anchor(self._player_line_ms(now), now, self._correction_at(now))
        self._rate = rate
