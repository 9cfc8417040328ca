"""The bridge between a :class:`~karaoke.app.session.PlaybackSession` and the phones' server.

Out: the playback state goes to every page on each *change* — play/pause, a seek, a new line or
stanza, a rate change, a teaching pause, a black-out, the lyrics offset (``--offset``, the one
remembered for the song, G/H while presenting: each state carries the session's) — never on a
timer: the pages run the wipe themselves from the server clock between messages. In: the server calls ``on_command`` and
``on_answers`` and ``on_students`` in its own thread; they are re-emitted here as Qt signals,
which reach receivers in the GUI thread queued (Qt queues a signal emitted from another thread), so no slot ever runs
in the server thread.

QtCore only: the presentation (ui) maps the commands to its own slots.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from karaoke.app.session import PlaybackSession
from karaoke.companion.server import DEFAULT_PORT, CompanionServer

#: A position this far (ms, media time) from where the last published state predicts it is a
#: seek, published at once. Larger than the smooth clock's corrections (a few ms), smaller than
#: any step a person makes (a line, 5 s).
SEEK_TOLERANCE_MS = 150


class CompanionBridge(QObject):
    """Owns a :class:`CompanionServer` for one session while it runs.

    ``blackout`` says whether the audience screen is black now (the presentation knows); call
    :meth:`publish` when it changes. Signals carry what the pages sent, in the GUI thread.
    """

    #: A teacher page's command: a name of :data:`karaoke.companion.protocol.COMMANDS`.
    command_from_phone = Signal(str)
    #: The live answer counts of the open question (the server's ``results`` dict).
    answers_changed = Signal(object)
    #: How many students' pages are connected (after each change; 0 once stopped).
    students_changed = Signal(int)
    #: The server started (True) or stopped (False).
    running_changed = Signal(bool)

    def __init__(
        self,
        session: PlaybackSession,
        song_payload: dict[str, Any],
        *,
        host: str,
        port: int = DEFAULT_PORT,
        blackout: Callable[[], bool] = lambda: False,
        token: str | None = None,
        now_ns: Callable[[], int] = time.monotonic_ns,
    ) -> None:
        """``now_ns``: the session clock's time source (monotonic ns), to predict positions."""
        super().__init__()
        self.session = session
        self._now_ns = now_ns
        self._blackout = blackout
        self.server = CompanionServer(
            song_payload,
            host=host,
            port=port,
            token=token,
            on_command=self.command_from_phone.emit,
            on_answers=self.answers_changed.emit,
            on_students=self.students_changed.emit,
        )
        # What was published last: (playing, line, stanza, rate, blackout, teaching pause), the
        # media position and the monotonic time (ns) it was published at.
        self._last: tuple[object, ...] | None = None
        self._last_position_ms = 0
        self._last_at_ns = 0

    @property
    def running(self) -> bool:
        return self.server.running

    def start(self, *, announce: bool = True) -> None:
        """Start the server (``OSError`` naming the address if it cannot bind) and publish the
        state now; prints ``Students: http://ADDR:PORT/`` on stderr with ``announce``."""
        self.server.start(announce=announce)
        session = self.session
        session.position_changed.connect(self._on_position)
        session.playing_changed.connect(self.publish)
        session.teaching_paused.connect(self.publish)
        session.offset_changed.connect(self.publish)
        self.publish()
        self.running_changed.emit(True)

    def stop(self) -> None:
        """Stop the server (every page is disconnected); idempotent."""
        if not self.server.running:
            return
        session = self.session
        session.position_changed.disconnect(self._on_position)
        session.playing_changed.disconnect(self.publish)
        session.teaching_paused.disconnect(self.publish)
        session.offset_changed.disconnect(self.publish)
        self.server.stop()
        self._last = None
        self.running_changed.emit(False)

    def publish(self, _changed: object = None) -> None:
        """Send the session's state to every page now (any change: call it freely)."""
        if not self.server.running:
            return
        session = self.session
        position_ms = session.position_ms()
        self._last = state = self._state(position_ms)
        playing, line, stanza, rate, blackout, teaching_pause = state
        self._last_position_ms, self._last_at_ns = position_ms, self._now_ns()
        self.server.publish_state(
            playing,
            position_ms,
            rate,
            line,
            stanza,
            blackout,
            teaching_pause,
            offset_ms=session.offset_ms,
        )

    def _state(self, position_ms: int) -> tuple[bool, int | None, int | None, float, bool, bool]:
        """What the pages are told at media ``position_ms``: playing, line and stanza (indices
        into the song's lists), rate, black-out, teaching pause."""
        session = self.session
        line = session.timeline.line_at(position_ms - session.offset_ms)
        stanza = session.timeline.stanza_of_line(line)
        teaching_pause = session.waiting_after is not None
        return session.playing, line, stanza, session.rate, self._blackout(), teaching_pause

    def _on_position(self, position_ms: int) -> None:
        """Each frame: publish only when something the pages cannot predict happened."""
        if (
            self._state(position_ms) != self._last
            or abs(position_ms - self._predicted_ms()) > SEEK_TOLERANCE_MS
        ):
            self.publish()

    def _predicted_ms(self) -> float:
        """Where the last published state says playback is now (media ms)."""
        if self._last is None or not self._last[0]:
            return self._last_position_ms
        elapsed_ms = (self._now_ns() - self._last_at_ns) / 1_000_000
        return self._last_position_ms + elapsed_ms * self.session.rate
