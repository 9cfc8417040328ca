"""Carrying playback from one window to the next when presenting starts and when it ends.

Each window plays through a player of its own (made by :func:`set_up_song`) and the state the
class was at is carried over exactly: position, playing or paused, rate, volume, lyrics offset,
teaching pauses, vocals off and the key. Why not hand the one player over: libvlc 3 keeps a
media player's video output across ``set_media`` and applies ``set_xwindow`` only when it
creates one, so the picture would stay in the hidden window until that player is stopped — and
a stopped player has lost its position, its length and its paused frame. A fresh player, told
where to be, has none of those problems; the old one is closed by its window.

A paused libvlc player shows no picture until it has played, so a paused hand-over plays the
new one muted for a moment, then pauses it where the class was (:class:`StillFrame`): the
window shows the frame, never a black video.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer

from karaoke.app.session import PlaybackSession
from karaoke.player.base import State
from karaoke.ui.shared.transport import Transport

#: A paused hand-over shows its frame after libvlc's first new time, or after this long (ms).
FRAME_WAIT_MS = 1_000


@dataclass(frozen=True, slots=True)
class PlaybackState:
    """Where the class is. ``position_ms`` is media ms; ``rate`` the speed (pitch kept);
    ``volume`` 0–100; ``offset_ms`` the lyrics offset (lyrics ms = media ms − offset), None for
    the one the song's set-up chose (nothing played yet); ``key_shift`` in semitones."""

    position_ms: int
    playing: bool
    rate: float = 1.0
    volume: int = 100
    offset_ms: int | None = None
    teaching: bool = False
    vocals_off: bool = False
    key_shift: int = 0  # semitones


def capture(session: PlaybackSession, volume: int) -> PlaybackState:
    """The state of ``session``. The session cannot tell its volume (libvlc may not have an
    audio output yet), so the caller gives it: the one it last set, which the settings keep."""
    return PlaybackState(
        session.position_ms(),
        session.playing,
        session.rate,
        volume,
        session.offset_ms,
        session.teaching,
        session.vocals_off,
        session.key_shift,
    )


def leave(session: PlaybackSession | None, volume: int, otherwise: PlaybackState) -> PlaybackState:
    """The state a window hands on: its ``session``'s, which is closed (the window gives it up;
    ``volume`` as for :func:`capture`), or ``otherwise`` when nothing plays there yet."""
    if session is None:
        return otherwise
    state = capture(session, volume)
    session.close()
    return state


def resume(session: PlaybackSession, state: PlaybackState) -> None:
    """Put a paused ``session`` where ``state`` says, playing or showing the paused frame."""
    offset_ms = session.offset_ms if state.offset_ms is None else state.offset_ms
    if offset_ms != session.offset_ms:  # a change is remembered and announced: real ones only
        session.set_offset(offset_ms)
    session.set_rate(state.rate)
    session.set_volume(state.volume)
    if state.vocals_off != session.vocals_off:
        session.set_vocals_off(state.vocals_off)
    if state.key_shift != session.key_shift:
        session.set_key_shift(state.key_shift)
    session.seek(state.position_ms)
    # After the seek: stanzas behind the position are not paused at again, the current one is.
    session.set_teaching(state.teaching)
    if state.playing:
        session.play()
    else:
        show_still(session, state.volume)


def resume_with_transport(
    session: PlaybackSession | None, state: PlaybackState, transport: Transport
) -> None:
    """:func:`resume`, with ``transport`` showing it: rate, volume, playing or paused, and the
    position against the length once libvlc has read it (paused, no frame would show it).
    Nothing without a session (a window whose song could not be set up)."""
    if session is None:
        return
    transport.show_rate(state.rate)
    transport.show_volume(state.volume)
    resume(session, state)
    transport.set_playing(session.playing)
    transport.show_position(session.position_ms())


def show_still(session: PlaybackSession, volume: int) -> None:
    """Show the video frame at the paused position of ``session`` (whose volume is ``volume``);
    see :class:`StillFrame`."""
    if session.player.has_video_output and not session.playing:
        StillFrame(session, volume)


class StillFrame(QObject):
    """Plays a paused session's player muted until a frame is surely up — libvlc says
    "playing" and then reports a new time (or :data:`FRAME_WAIT_MS` has passed) — then pauses
    it where the session is and gives the volume back. The session stays paused throughout (its
    clock ignores the player's times while paused); a play or a seek asked for meanwhile wins.
    Pausing at "playing" itself sometimes leaves libvlc without a picture to show."""

    def __init__(self, session: PlaybackSession, volume: int) -> None:
        super().__init__(session)  # no longer than the session
        self.session, self.player, self.volume = session, session.player, volume
        self.settled = False
        self._waiting_for_time = False
        self.player.state_changed.connect(self._on_state)
        self.player.set_volume(0)
        self.player.play()

    def _on_state(self, state: str) -> None:
        if state == State.OPENING or self._waiting_for_time:
            return
        if state == State.PLAYING and not self.session.playing:
            self._waiting_for_time = True
            self.player.time_changed.connect(self._settle)
            QTimer.singleShot(FRAME_WAIT_MS, self, self._settle)
            return
        self._settle()  # it failed, ended, or the session plays now

    def _settle(self, _time_ms: int = 0) -> None:
        if self.settled:
            return
        self.settled = True
        self.player.state_changed.disconnect(self._on_state)
        if self._waiting_for_time:
            self.player.time_changed.disconnect(self._settle)
        if not self.session.playing and self.session.player is self.player:
            self.player.pause()
            self.player.seek(self.session.position_ms())  # a seek made since included
        self.player.set_volume(self.volume)
        self.deleteLater()
