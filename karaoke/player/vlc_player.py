"""The libvlc player: the only module in the project that imports ``vlc``.

``vlc`` is imported lazily inside :func:`load_libvlc`, so the rest of the app (and its tests) runs
on machines without libvlc, and a missing libvlc becomes a sentence for the user, not a traceback.

Threading rules:

- libvlc calls its event callbacks on its own threads, and sometimes synchronously on the
  calling thread (``set_time`` reports the new time before it returns). Our callbacks therefore
  only copy the event's numbers into ``_vlc_event``, a signal connected with an explicit
  ``QueuedConnection``: the work happens later, on the GUI thread, from the event loop, never
  inside a libvlc call. No libvlc function is ever called from a callback (libvlc is not
  re-entrant: ``stop()`` from ``EndReached`` blocked for 12 s).
- Every public method must be called on the GUI thread.

What libvlc 3.0.24 does, and what this adapter does about it (checked here with dummy outputs):

- It reports no error for a damaged file or a text file named ``.mp3``: it "plays" it, adds no
  elementary stream and reaches the end at once. An end without any stream is reported as an
  error here. A missing file is caught in :meth:`VlcPlayer.load`.
- After ``EndReached`` the player sits in ``Ended``; ``play()`` and ``set_time()`` then do
  nothing. :meth:`VlcPlayer.play` restarts it (``stop()`` + ``play()``, on the GUI thread), and a
  seek after the end is remembered and applied when playback starts again.
- A seek while paused moves the time but sends no time event; :meth:`VlcPlayer.seek` reports the
  new time itself.
- The last time event comes 0.3–1.3 s before the length (with the dummy audio output an
  audio-only file even ends about 1 s early); at the end the player reports the length itself.
- python-vlc's ``event_manager()`` methods keep every object asked in a dict, for good (1,000
  songs: 1,000 players and media alive); ``libvlc_*_event_manager`` return a new Python object
  per call, which holds the ctypes trampoline: ours lives as long as its attachment.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from karaoke.player.base import Player, State
from karaoke.player.vlc_audio import SingAlong
from karaoke.player.vlc_instance import (  # noqa: F401 -- where the app has always found them
    ARGS_ENV_VAR,
    DEFAULT_VLC_ARGS,
    INSTALL_HINT,
    load_libvlc,
)
from karaoke.player.vlc_support import (
    STILL_WAIT_MS,
    _Event,
    _Still,
    unreadable_reason,
    video_setter_name,
)


class VlcPlayer(Player):
    """A :class:`Player` backed by a libvlc media player.

    ``instance`` comes from :func:`load_libvlc`; the caller owns it (it may serve several
    players) and releases it, after :meth:`close`. All times are media ms. Call every method
    on the GUI thread; signals are always delivered there, from the event loop.
    """

    has_video_output = True

    # (generation, _Event, value). Queued explicitly: a direct call would run our slot inside
    # the libvlc call that emitted the event when that happens on the GUI thread.
    _vlc_event = Signal(int, int, int)
    # (generation, message): errors found before libvlc sees the file, delivered like VLC's.
    _deferred_error = Signal(int, str)

    def __init__(self, instance: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        import vlc  # already loaded by load_libvlc, which made `instance`

        self._vlc = vlc
        self._instance = instance
        self._mp = instance.media_player_new()
        # Let the app's shortcuts and clicks work over the video window.
        self._mp.video_set_key_input(False)
        self._mp.video_set_mouse_input(False)
        self._sing_along = SingAlong(self._mp)  # vocals off, key shift: live, kept across media
        self._seeked_before_play = False
        self._media: Any | None = None
        self._media_events: Any | None = None  # see _player_events_manager
        self._media_path: str | None = None
        self._state = State.STOPPED
        self._length_ms = 0
        self._last_time_ms = 0
        # A seek asked for while libvlc has no running input (before the first play, after the
        # end): libvlc would ignore it, so it is applied when play() starts the input.
        self._pending_seek_ms: int | None = None
        self._started = False  # play() was called for this media: libvlc has (or had) an input
        self._at_end = False  # EndReached and no play/seek since: the position is the length
        self._volume: int | None = None
        # Showing a still (see show_still): the phase, and the position to be paused at (ms).
        self._still: _Still | None = None
        self._still_ms = 0
        # Bumped whenever the current input is replaced (load, restart after the end): events
        # of the old input that are still queued are then dropped.
        self._generation = 0
        self._streams_seen = False  # since the last Opening: an end without any is an error
        self._closed = False

        self._vlc_event.connect(self._on_vlc_event, Qt.ConnectionType.QueuedConnection)
        self._deferred_error.connect(self._on_deferred_error, Qt.ConnectionType.QueuedConnection)
        ev = vlc.EventType
        self._player_events = {
            ev.MediaPlayerOpening: _Event.OPENING,
            ev.MediaPlayerPlaying: _Event.PLAYING,
            ev.MediaPlayerPaused: _Event.PAUSED,
            ev.MediaPlayerStopped: _Event.STOPPED,
            ev.MediaPlayerEndReached: _Event.END_REACHED,
            ev.MediaPlayerEncounteredError: _Event.ERROR,
            ev.MediaPlayerTimeChanged: _Event.TIME,
            ev.MediaPlayerLengthChanged: _Event.LENGTH,
            ev.MediaPlayerESAdded: _Event.STREAM_ADDED,
        }
        # The ctypes trampoline and the callbacks live on this Python object (not the memoizing
        # event_manager(), see above): kept as long as attached (a collected one leaves libvlc
        # calling freed code), and detaching goes through it.
        self._player_events_manager = vlc.libvlc_media_player_event_manager(self._mp)
        for event_type, kind in self._player_events.items():
            self._player_events_manager.event_attach(event_type, self._on_libvlc_event, kind)

    # libvlc's threads ----------------------------------------------------------------------------

    def _on_libvlc_event(self, event: Any, kind: _Event) -> None:
        """Runs on a libvlc thread (or inside a libvlc call): copy numbers, emit, nothing else."""
        value = 0
        if kind is _Event.TIME:
            value = event.u.new_time
        elif kind is _Event.LENGTH:
            value = event.u.new_length
        elif kind is _Event.DURATION:
            value = event.u.new_duration
        # RuntimeError: the Qt object is already gone (close() was skipped); nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._vlc_event.emit(self._generation, int(kind), int(value))

    # The GUI thread ------------------------------------------------------------------------------

    @Slot(int, int, int)
    def _on_vlc_event(self, generation: int, kind_value: int, value: int) -> None:
        if self._closed or generation != self._generation:
            return
        kind = _Event(kind_value)
        if self._still is not None and self._still_event(kind, value):
            return
        if kind is _Event.TIME:
            if value > 0 and self._sing_along.resync_due:
                if self._seeked_before_play:  # see SingAlong.choose_track
                    self._sing_along.resync()
                self._sing_along.resync_due = False
            self._report_time(max(0, value))
        elif kind in (_Event.LENGTH, _Event.DURATION):
            if value > 0:
                self._report_length(value)
        elif kind is _Event.STREAM_ADDED:
            self._streams_seen = True
            self._sing_along.choose_track()  # an instrumental's track exists from now on
        elif kind is _Event.OPENING:
            self._streams_seen = False
            self._set_state(State.OPENING)
        elif kind is _Event.PLAYING:
            if self._volume is not None:  # an audio output may only exist from now on
                self._mp.audio_set_volume(self._volume)
            self._set_state(State.PLAYING)
        elif kind is _Event.PAUSED:
            self._set_state(State.PAUSED)
        elif kind is _Event.END_REACHED:
            if not self._streams_seen:
                self._fail(self._cannot_play_message())
                return
            if self._pending_seek_ms is not None:
                return  # a seek made since the input ended (before this event came) wins
            self._at_end = True
            if self._length_ms > 0:  # libvlc's last time event is up to 1.3 s short of it
                self._report_time(self._length_ms)
            self._set_state(State.ENDED)
        elif kind is _Event.ERROR:
            self._fail(self._cannot_play_message())
        # _Event.STOPPED is ignored: libvlc sends it after every end and error, and we stop it
        # ourselves only to restart or close, where the state is already what it should be.

    def _still_event(self, kind: _Event, value: int) -> bool:
        """An event while a still is being shown: True when it is handled here (to the UI the
        player stays paused at ``_still_ms``), False when it goes on as usual (the length, the
        streams; an end or an error, which also end the still)."""
        if kind is _Event.OPENING:
            self._streams_seen = False
        elif kind is _Event.PLAYING and self._still is _Still.STARTING:
            self._mp.audio_set_volume(0)  # an audio output may only exist from now on
            self._still = _Still.PLAYING
            generation = self._generation
            QTimer.singleShot(STILL_WAIT_MS, self, lambda: self._pause_still(generation))
        elif kind is _Event.TIME:
            if value == self._still_ms:  # a seek's own report: the UI sees it
                self._report_time(value)
            elif self._still is _Still.PLAYING:  # libvlc moved on: a frame is up
                self._pause_still(self._generation)
        elif kind is _Event.PAUSED:
            if self._still is _Still.PAUSING:
                self._end_still()
        elif kind in (_Event.END_REACHED, _Event.ERROR):
            self._end_still()
            return False
        else:
            return kind not in (_Event.LENGTH, _Event.DURATION, _Event.STREAM_ADDED)
        return True

    def _pause_still(self, generation: int) -> None:
        """A frame is up (or libvlc took too long to say so): pause where the still is."""
        if self._closed or generation != self._generation or self._still is not _Still.PLAYING:
            return
        self._still = _Still.PAUSING
        self._mp.set_pause(1)
        self._mp.set_time(self._still_ms)  # back from where playing muted got to

    def _end_still(self) -> None:
        """The still is over (paused, or played, ended, failed): the volume comes back."""
        self._still = None
        self._mp.audio_set_volume(100 if self._volume is None else self._volume)

    @Slot(int, str)
    def _on_deferred_error(self, generation: int, message: str) -> None:
        if not self._closed and generation == self._generation:
            self._fail(message)

    def _fail(self, message: str) -> None:
        self._set_state(State.ERROR)
        self.error.emit(message)

    def _cannot_play_message(self) -> str:
        path = self._media_path or "the media"
        if self._media_path and not os.path.isfile(self._media_path):
            return f"VLC cannot play {path}: the file is gone."
        return f"VLC cannot play {path}: the file is damaged or in a format VLC does not know."

    def _report_length(self, length_ms: int) -> None:
        if length_ms != self._length_ms:
            self._length_ms = length_ms
            self.length_changed.emit(length_ms)

    def _input_is_over(self) -> bool:
        """True when libvlc's input has ended or failed: it must be restarted to play again."""
        return self._mp.get_state() in (self._vlc.State.Ended, self._vlc.State.Error)

    def _input_running(self) -> bool:
        """True when libvlc has an input that takes seeks: from play() (it queues a seek made
        before the file is open) until the end."""
        return self._started and not self._input_is_over()

    # Player API ----------------------------------------------------------------------------------

    def load(self, media: str | None, instrumental: str | None = None) -> None:
        """Open ``media`` without playing it, with ``instrumental`` as a second audio track
        when it is a readable file (see :mod:`.vlc_audio`); None unloads.

        A missing or unreadable file is not handed to libvlc: ``state_changed("error")`` and
        ``error`` are emitted from the event loop (never during this call), like every other
        error. The length is looked up in the background and reported by ``length_changed``.
        """
        if self._closed:
            return
        self._detach_media()
        old_media = self._media
        self._media = None
        self._media_path = None
        self._started = False
        self._at_end = False
        self._pending_seek_ms = None
        self._last_time_ms = 0
        if self._still is not None:
            self._end_still()
        path = os.fspath(media) if media is not None else None
        problem = unreadable_reason(path) if path is not None else None
        if path is not None and problem is None:
            self._media = self._instance.media_new_path(path)
            self._media_path = path
        elif path is not None:
            self._media_path = path
        # set_media stops the old input synchronously; its events carry the old generation.
        self._mp.set_media(self._media)
        self._generation += 1
        if old_media is not None:
            old_media.release()
        readable = instrumental is not None and unreadable_reason(instrumental) is None
        self._sing_along.use_media(self._media, instrumental if readable else None)
        self._set_state(State.STOPPED)
        self._report_length(0)
        if problem is not None:
            self._deferred_error.emit(self._generation, f"Cannot play {path}: {problem}.")
            return
        if self._media is not None:
            self._media_events = self._vlc.libvlc_media_event_manager(self._media)
            self._media_events.event_attach(
                self._vlc.EventType.MediaDurationChanged, self._on_libvlc_event, _Event.DURATION
            )
            # Local parsing only (no network), in libvlc's background thread; -1: its timeout.
            self._media.parse_with_options(self._vlc.MediaParseFlag.local, -1)

    def play(self) -> None:
        """Start or resume. After the end (or a failure) this plays again from the start, or
        from the position of a seek made since."""
        if self._closed or self._media is None:
            return
        if self._still is not None:  # libvlc plays already (muted): play on from the still
            self._mp.set_pause(0)
            self._mp.set_time(self._still_ms)
            started = self._still is not _Still.STARTING
            self._end_still()
            if started:
                self._set_state(State.PLAYING)  # libvlc said so during the still
            return
        restart = self._input_is_over()
        if restart:
            # Not from a callback: we are on the GUI thread, where stop() returns at once.
            self._mp.stop()
            self._generation += 1
            self._started = False
        self._at_end = False
        self._mp.play()
        self._started = True
        if restart and self._pending_seek_ms is None:
            self._vlc_event.emit(self._generation, int(_Event.TIME), 0)  # back to the start
        self._seeked_before_play = self._pending_seek_ms is not None
        if self._pending_seek_ms is not None:
            # libvlc queues the seek for its new input; it is done before the first frame.
            self._mp.set_time(self._pending_seek_ms)
            self._pending_seek_ms = None

    def show_still(self) -> None:
        """Before the first play, show the picture at the position: libvlc shows none until it
        has played, so it plays muted until a frame is up (see :class:`_Still`), pauses at the
        position and then gives the volume back. To the UI it is ``paused`` throughout (no
        "playing", no times but a seek's); a :meth:`play` meanwhile plays from the position."""
        if self._closed or self._media is None or self._started:
            return
        self._still_ms = self._pending_seek_ms or 0
        self._mp.audio_set_volume(0)  # before play(): not a blip of sound
        self.play()  # its events are queued: none is handled before the still is set
        self._still = _Still.STARTING
        self._set_state(State.PAUSED)

    def pause(self) -> None:
        if self._closed or not self._started or self._input_is_over() or self._still is not None:
            return
        self._mp.set_pause(1)  # not pause(): that toggles

    def seek(self, position_ms: int) -> None:
        """Go to ``position_ms`` (clamped to the media), playing or paused.

        ``time_changed`` reports the new time from the event loop. Before the first play and
        after the end, the seek is remembered and applied by :meth:`play`; after the end the
        state becomes ``paused`` (the player is no longer at the end).
        """
        if self._closed or self._media is None:
            return
        target = max(0, int(position_ms))
        if self._length_ms > 0:
            target = min(target, self._length_ms)
        self._at_end = False
        if self._still is not None:
            self._still_ms = target
        if self._input_running():
            self._mp.set_time(target)
            self._pending_seek_ms = None
        else:
            self._pending_seek_ms = target
            if self._started and self._state != State.ERROR:
                # libvlc's input has ended: we wait at the new position, as if paused there.
                self._set_state(State.PAUSED)
        # Queued like libvlc's own events, so it cannot overtake one already on its way.
        self._vlc_event.emit(self._generation, int(_Event.TIME), target)

    def set_rate(self, rate: float) -> None:
        """Playback speed; VLC's scaletempo filter keeps the pitch. Kept across media."""
        if rate <= 0:
            raise ValueError(f"playback rate must be positive, not {rate}")
        if not self._closed:
            self._mp.set_rate(rate)

    def set_volume(self, volume: int) -> None:
        """0–100; remembered and applied again when playback starts (the audio output may not
        exist before). During a still libvlc plays muted: only remembered, _end_still applies it."""
        self._volume = max(0, min(100, int(volume)))
        if not self._closed and self._still is None:
            self._mp.audio_set_volume(self._volume)

    def _sing_along_changed(self) -> None:
        if not self._closed:
            self._sing_along.apply(self._vocals_off, self._key_shift)

    def vocals_off_problem(self) -> str:
        return "" if self._closed else self._sing_along.problem(self._media)

    def attach_video(self, window_id: int) -> None:
        """Draw video into native window ``window_id`` (``int(widget.winId())``); call before
        :meth:`play`. On X11 the window must come from Qt's xcb platform."""
        if not self._closed:
            getattr(self._mp, video_setter_name())(int(window_id))

    def position_ms(self) -> int:
        """libvlc's own time (coarse, 250–500 ms steps); the length after the end."""
        if self._closed:
            return self._last_time_ms
        if self._pending_seek_ms is not None:
            return self._pending_seek_ms
        if self._still is not None:
            return self._still_ms
        if self._at_end and self._length_ms > 0:
            return self._length_ms
        if not self._started:
            return 0
        return max(0, self._mp.get_time())

    def length_ms(self) -> int:
        return self._length_ms

    def state(self) -> State:
        return self._state

    def close(self) -> None:
        """Detach from libvlc, stop and release the player and its media. Idempotent.

        Call it on the GUI thread; it returns at once, even right after the end (it never runs
        inside a libvlc callback, where ``stop()`` would wait for its own thread).
        """
        if self._closed:
            return
        self._last_time_ms = self.position_ms()
        self._closed = True  # queued events still on their way are dropped from now on
        for event_type in self._player_events:
            self._player_events_manager.event_detach(event_type)
        self._detach_media()
        self._mp.stop()
        if self._media is not None:
            self._media.release()
            self._media = None
        self._mp.release()

    def _detach_media(self) -> None:
        if self._media is not None:
            self._media.parse_stop()
        if self._media_events is not None:
            self._media_events.event_detach(self._vlc.EventType.MediaDurationChanged)
            self._media_events = None
