"""A player without media: "silence" on a clock, for lyrics-only songs and for logic tests.

It behaves like the libvlc player as the UI sees it: coarse ``time_changed`` updates every
``tick_ms`` while playing (libvlc sends one every 250–500 ms), an immediate one on seek, and the
same states (``playing``, ``paused``, ``ended`` when it reaches a known length). So the UI's
pipeline — coarse times into a :class:`~karaoke.core.clock.PlaybackClock` — is the same for both.

Tests drive it exactly: inject ``now_ns`` (a clock they advance by hand) and call :meth:`tick`,
which does what the timer does. Use it on the GUI thread only, like every player.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from karaoke.player.base import Player, State

#: ``_last_time_ms`` before any report: below every media time, so the first one (0 too) is sent.
_NOT_REPORTED_MS = -1


class FakePlayer(Player):
    """A clock-driven player; all times are media ms.

    ``length_ms`` 0 means "unknown": it then plays on forever. ``now_ns`` returns monotonic
    nanoseconds (injected by tests). ``tick_ms`` is the period of ``time_changed`` while playing.
    """

    has_video_output = False

    def __init__(
        self,
        length_ms: int = 0,
        now_ns: Callable[[], int] = time.monotonic_ns,
        tick_ms: int = 250,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now_ns = now_ns
        self._length_ms = max(0, int(length_ms))
        self._state = State.STOPPED
        self._rate = 1.0
        self._volume = 100
        # Position = anchor_ms + (now - anchor_ns) * rate while playing; anchor_ms otherwise.
        self._anchor_ms = 0.0
        self._anchor_ns = now_ns()
        self._last_time_ms = _NOT_REPORTED_MS
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(tick_ms)))
        self._timer.timeout.connect(self.tick)

    # Position ------------------------------------------------------------------------------------

    def _position_now(self) -> float:
        """Unclamped position in float ms."""
        if self._closed or self._state != State.PLAYING:
            return self._anchor_ms
        return self._anchor_ms + (self._now_ns() - self._anchor_ns) / 1_000_000 * self._rate

    def _clamped(self, position_ms: float) -> float:
        position_ms = max(0.0, position_ms)
        if self._length_ms > 0:
            position_ms = min(position_ms, float(self._length_ms))
        return position_ms

    def _anchor(self, position_ms: float) -> None:
        self._anchor_ms = position_ms
        self._anchor_ns = self._now_ns()

    def tick(self) -> None:
        """What the timer does every ``tick_ms`` while playing: report the time, detect the end.

        Public so tests can call it after advancing their injected clock.
        """
        if self._closed or self._state != State.PLAYING:
            return
        position = self._position_now()
        if self._length_ms > 0 and position >= self._length_ms:
            self._timer.stop()
            self._anchor(float(self._length_ms))
            # The same order as the libvlc player: the final time, then the state.
            self._report_time(self._length_ms)
            self._set_state(State.ENDED)
            return
        self._report_time(int(position))

    # Player API ----------------------------------------------------------------------------------

    def load(self, media: str | None, instrumental: str | None = None) -> None:
        """Start over at 0, stopped. ``media`` and ``instrumental`` are ignored: there is nothing
        to decode (vocals off and the key shift are kept as asked, nothing else)."""
        if self._closed:
            return
        self._timer.stop()
        self._anchor(0.0)
        self._last_time_ms = _NOT_REPORTED_MS
        self._set_state(State.STOPPED)

    def set_length(self, length_ms: int) -> None:
        """Set the length later (0: unknown, plays forever); emits ``length_changed``."""
        length_ms = max(0, int(length_ms))
        if length_ms != self._length_ms:
            self._length_ms = length_ms
            self.length_changed.emit(length_ms)

    def play(self) -> None:
        """Start or resume; after the end, play again from the start."""
        if self._closed or self._state == State.PLAYING:
            return
        if self._state == State.ENDED:
            self._anchor(0.0)
            self._report_time(0)
        else:
            self._anchor(self._anchor_ms)
        self._set_state(State.PLAYING)
        self._timer.start()

    def show_still(self) -> None:
        """Wait paused where it is, as the libvlc player does (there is no picture to show)."""
        if not self._closed and self._state == State.STOPPED:
            self._set_state(State.PAUSED)

    def pause(self) -> None:
        if self._closed or self._state != State.PLAYING:
            return
        self._anchor(self._clamped(self._position_now()))
        self._timer.stop()
        self._set_state(State.PAUSED)

    def seek(self, position_ms: int) -> None:
        """Jump to ``position_ms`` (clamped to the length) and report it at once.

        After the end, the player waits there, paused, like the libvlc player.
        """
        if self._closed:
            return
        target = self._clamped(float(position_ms))
        self._anchor(target)
        if self._state == State.ENDED:
            self._set_state(State.PAUSED)
        self._report_time(int(target))
        if self._state == State.PLAYING:
            self.tick()  # a seek to the very end ends at once, as libvlc does

    def set_rate(self, rate: float) -> None:
        """Playback speed; re-anchors so the position does not jump."""
        if rate <= 0:
            raise ValueError(f"playback rate must be positive, not {rate}")
        self._anchor(self._clamped(self._position_now()))
        self._rate = rate

    def set_volume(self, volume: int) -> None:
        """Remembered, nothing else: silence stays silent."""
        self._volume = max(0, min(100, int(volume)))

    def position_ms(self) -> int:
        return int(self._clamped(self._position_now()))

    def length_ms(self) -> int:
        return self._length_ms

    def state(self) -> State:
        return self._state

    def close(self) -> None:
        """Stop the timer; idempotent."""
        if self._closed:
            return
        self._timer.stop()
        self._anchor(self._clamped(self._position_now()))
        self._closed = True
