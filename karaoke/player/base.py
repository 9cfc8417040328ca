"""The player interface the UI talks to.

A player reports what libvlc (or a stand-in) does through Qt signals, always delivered on the GUI
thread; the UI never polls it for the time. Times are ``int`` milliseconds of media time.

Signals
    ``time_changed(int)``   the player's own (coarse) time moved; feed it to a PlaybackClock
    ``length_changed(int)`` the media's length became known (0 when unknown)
    ``state_changed(str)``  one of the ``State`` values
    ``error(str)``          the media cannot be played; a sentence for a person

The contract every player keeps (``tests/player/test_contract.py`` runs it on each backend):

- A new player is ``stopped`` at 0 with length 0. After :meth:`Player.load` it is ``stopped`` at
  0; the length is reported by ``length_changed`` once known.
- :meth:`Player.play` reports ``playing`` (``opening`` may come first), then increasing times.
  :meth:`Player.pause` reports ``paused`` and the time holds.
- :meth:`Player.seek` reports the new time (clamped to the media) in every state, whether libvlc
  does or not; a seek before playing is where playing starts.
- :meth:`Player.set_rate` scales media time; a rate of 0 or less raises ``ValueError``.
  :meth:`Player.set_volume` takes any int, at any time.
- At the end: the length as the last time, then ``ended``. ``play()`` then starts again from 0
  (reported as a time of 0); a seek waits there ``paused``.
- Media that cannot be played is an ``error`` signal and the ``error`` state, never an exception.
- :meth:`Player.close` returns promptly, also from a slot of the final ``ended``; it is
  idempotent, and nothing is emitted or done after it.
- :meth:`Player.show_still` before the first play: ``paused`` at the position (0, or a seek
  made before), its picture shown where there is one, the volume as it was; the length is
  reported as after :meth:`Player.load`. A play or a seek meanwhile works as usual.
- :meth:`Player.set_vocals_off` and :meth:`Player.set_key_shift` work in every state, keep the
  position and the state, and hold for the media loaded later, like the rate.

Where the backends differ:

- ``FakePlayer`` opens no media: ``load`` ignores the path and its length is given (constructor,
  ``set_length``), so it never reports an error and never ``opening``. With nothing loaded it
  plays silence (lyrics-only songs); ``VlcPlayer`` then does nothing.
- ``VlcPlayer`` reports ``opening`` before ``playing``, and the length from parsing the file.
  It takes the voice out with the song's instrumental track, else VLC's karaoke filter, and
  shifts the key with VLC's pitch filter (``vlc_audio.py``); ``FakePlayer`` only keeps the state.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal

#: The largest key shift a player takes, in semitones either way (VLC's pitch filter's limit).
KEY_SHIFT_LIMIT = 12


class State(StrEnum):
    STOPPED = "stopped"  # nothing loaded or played yet
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


class Player(QObject):
    """Abstract base: subclasses implement every method below."""

    time_changed = Signal(int)
    length_changed = Signal(int)
    state_changed = Signal(str)
    error = Signal(str)

    #: True for players that show video in a native window (see :meth:`attach_video`).
    has_video_output: bool = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = State.STOPPED
        self._last_time_ms = 0
        self._vocals_off = False
        self._key_shift = 0

    # For subclasses: tell the UI, once per change.

    def _set_state(self, state: State) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def _report_time(self, time_ms: int) -> None:
        # libvlc repeats a time (a seek we report ourselves, then its own event): one is enough.
        if time_ms != self._last_time_ms:
            self._last_time_ms = time_ms
            self.time_changed.emit(time_ms)

    def load(self, media: str | None, instrumental: str | None = None) -> None:
        """Open ``media`` (a file path) without playing it; None for no media. ``instrumental``
        (an audio file in step with it) is what vocals off plays instead of its sound."""
        raise NotImplementedError

    def play(self) -> None:
        raise NotImplementedError

    def show_still(self) -> None:
        """Before the first play: wait ``paused`` at the position, its picture shown (a video
        shows nothing until it has played; see the VLC player). Nothing to show here."""

    def pause(self) -> None:
        raise NotImplementedError

    def seek(self, position_ms: int) -> None:
        """Go to ``position_ms``, clamped to the media; works while paused."""
        raise NotImplementedError

    def set_rate(self, rate: float) -> None:
        """Playback speed, 0.5–1.5 in this app; pitch is kept."""
        raise NotImplementedError

    def set_volume(self, volume: int) -> None:
        """0–100."""
        raise NotImplementedError

    @property
    def vocals_off(self) -> bool:
        """Whether the lead voice is asked to be out (see :meth:`set_vocals_off`)."""
        return self._vocals_off

    def set_vocals_off(self, on: bool) -> None:
        """Take the lead voice out (sing along) or put it back; see :meth:`vocals_off_problem`."""
        self._vocals_off = bool(on)
        self._sing_along_changed()

    @property
    def key_shift(self) -> int:
        """The key shift in semitones (0: the original key)."""
        return self._key_shift

    def set_key_shift(self, semitones: int) -> None:
        """Shift the pitch by ``semitones`` (clamped to ±:data:`KEY_SHIFT_LIMIT`), speed kept."""
        self._key_shift = max(-KEY_SHIFT_LIMIT, min(KEY_SHIFT_LIMIT, int(semitones)))
        self._sing_along_changed()

    def _sing_along_changed(self) -> None:
        """For subclasses: make the sound follow ``vocals_off`` and ``key_shift`` now."""

    def vocals_off_problem(self) -> str:
        """Why vocals off cannot take the voice out of this media (a clause for a person), or
        "" when it can or there is nothing to take it out of."""
        return ""

    def attach_video(self, window_id: int) -> None:
        """Draw video into the native window ``window_id`` (a QWidget's ``winId()``)."""

    def position_ms(self) -> int:
        """The player's own current time (coarse for libvlc: use a PlaybackClock for display)."""
        raise NotImplementedError

    def length_ms(self) -> int:
        """Media length, 0 while unknown."""
        raise NotImplementedError

    def state(self) -> State:
        raise NotImplementedError

    def close(self) -> None:
        """Stop and release everything; the player is unusable afterwards. Must return promptly."""
        raise NotImplementedError
