"""Playback of one song: the player, the smooth clock and the timeline, wired together.

The window shows what this object says; it holds no widgets, so its logic is tested against the
fake player. Positions are media ms; the lyrics time is ``media_ms - offset_ms``.

The frame tick runs only while playing: nothing happens while paused. If the media cannot be
played, playback carries on with the internal clock (a FakePlayer), so the lyrics go on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from karaoke.app.commands import KEY_SHIFT_MAX, RATE_MAX, RATE_MIN
from karaoke.core.clock import PlaybackClock
from karaoke.core.model import Song
from karaoke.core.timeline import Timeline
from karaoke.player.base import Player, State
from karaoke.player.fake_player import FakePlayer

#: Frame tick while playing, in ms (about 60 Hz; a PreciseTimer keeps it steady).
FRAME_MS = 16
#: Start the clock anyway if the player has not said "playing" after this long.
CLOCK_START_TIMEOUT_MS = 1_000
#: Between sung lines nothing moves but the clock on screen: a frame every this many ms.
IDLE_FRAME_MS = 250
#: Lyrics-only songs play on this long past their last line.
LYRICS_ONLY_TAIL_MS = 2_000


def lyrics_only_player(song: Song) -> FakePlayer:
    """The internal clock for a song without (playable) media: runs past the last line a little."""
    return FakePlayer(song.duration_ms + LYRICS_ONLY_TAIL_MS)


class PlaybackSession(QObject):
    """Commands in (play, seek, …), a smooth ``position_changed`` out."""

    position_changed = Signal(int)  # media ms, at most once per frame, only when it moved
    playing_changed = Signal(bool)
    length_changed = Signal(int)
    problem = Signal(str)  # a sentence for the banner: the media could not be played, …
    offset_changed = Signal(int)
    teaching_paused = Signal(int)  # teaching mode stopped at the end of this stanza
    vocals_off_changed = Signal(bool)  # after every set_vocals_off: what the player does now
    key_shift_changed = Signal(int)  # semitones, after every set_key_shift

    def __init__(self, song: Song, player: Player, clock: PlaybackClock | None = None) -> None:
        super().__init__()
        self.song = song
        self.timeline = Timeline(song.lines, song.stanzas, song.language)
        self.clock = clock or PlaybackClock()
        self.offset_ms = song.offset_ms
        self._length_ms = 0
        self._last_emitted = -1
        self._ended = False
        self._playing = False  # asked to play (the clock may be waiting for the player)
        self._clock_waits = False
        # Teaching mode: pause at the end of each stanza (lyrics ms), once per pass.
        self.teaching = False
        self._taught: set[int] = set()
        self.waiting_after: int | None = None  # the stanza a teaching pause is explaining
        self._tick = QTimer(self)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.setInterval(FRAME_MS)
        self._tick.timeout.connect(self.tick)
        self.player: Player = player
        self._connect(player)
        instrumental = str(song.instrumental) if song.instrumental else None
        player.load(str(song.media) if song.media else None, instrumental)
        self._set_length(player.length_ms())

    def _connect(self, player: Player) -> None:
        player.time_changed.connect(self._on_player_time)
        player.length_changed.connect(self._set_length)
        player.state_changed.connect(self._on_player_state)
        player.error.connect(self._on_player_error)

    # What is shown ---------------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        """Whether playback was asked for (the clock itself may still wait for the player)."""
        return self._playing

    @property
    def length_ms(self) -> int:
        return self._length_ms

    @property
    def rate(self) -> float:
        return self.clock.rate

    def position_ms(self) -> int:
        return self.clock.position_ms()

    def lyrics_ms(self, media_ms: int | None = None) -> int:
        return (self.position_ms() if media_ms is None else media_ms) - self.offset_ms

    def tick(self) -> None:
        """One frame: emit the smooth position if it moved."""
        position = self.clock.position_ms()
        if self._length_ms and position > self._length_ms:
            position = self._length_ms
        if position != self._last_emitted:
            self._last_emitted = position
            self.position_changed.emit(position)
            if self.teaching and self.clock.playing:
                self._maybe_teaching_pause(position - self.offset_ms)
        if self._tick.isActive():
            self._tick.setInterval(self._next_frame_ms(position - self.offset_ms))

    def _next_frame_ms(self, lyrics_ms: int) -> int:
        """Every frame while a line is being sung (the wipe moves); between lines only as often as
        the clock on screen needs, waking exactly when the next line starts."""
        line = self.timeline.line_at(lyrics_ms)
        if line is not None and self.timeline.is_sung(line, lyrics_ms):
            return FRAME_MS
        upcoming = self.timeline.next_line_start(lyrics_ms)
        until_ms = IDLE_FRAME_MS if upcoming is None else (upcoming - lyrics_ms) / self.clock.rate
        return int(max(FRAME_MS, min(IDLE_FRAME_MS, until_ms)))

    def _maybe_teaching_pause(self, lyrics_ms: int) -> None:
        """Pause at the first frame after the current stanza's last line ends (≤ one frame late)."""
        stanza = self.timeline.stanza_at(lyrics_ms)
        if (
            stanza is None
            or stanza in self._taught
            or lyrics_ms < self.timeline.stanza_end_ms(stanza)
        ):
            return
        self._taught.add(stanza)
        # In the teaching pause before pausing: the frame pause() shows (time went on since
        # this one) and playing_changed already say so, e.g. to a lesson waiting for this
        # pause before its next item, which would otherwise take it for the teacher's own.
        self.waiting_after = stanza
        self.pause()
        self.teaching_paused.emit(stanza)

    def set_teaching(self, on: bool) -> None:
        self.teaching = on
        self.waiting_after = None
        # Stanzas already behind us are not paused at again; the current one still is.
        lyrics_ms = self.lyrics_ms()
        ends = (self.timeline.stanza_end_ms(i) for i in range(len(self.timeline.stanzas)))
        self._taught = {i for i, end in enumerate(ends) if end < lyrics_ms - FRAME_MS}

    # Commands ---------------------------------------------------------------------------------

    def play(self) -> None:
        if self._playing:
            return
        self._playing = True
        self.waiting_after = None
        if self._ended:
            self._ended = False
            self.seek(0)
        self.player.play()
        if self.player.state() == State.PLAYING:
            self.clock.play()
        else:
            # libvlc's media time starts some 30-60 ms after play(), and its first time update
            # comes only 250-500 ms later: start the clock when the player says it is playing,
            # not before (or after a second, whatever happens).
            self._clock_waits = True
            QTimer.singleShot(CLOCK_START_TIMEOUT_MS, self._start_clock)
        self._tick.start()
        self.playing_changed.emit(True)

    def _start_clock(self) -> None:
        if self._clock_waits and self._playing:
            self._clock_waits = False
            self.clock.play()

    def pause(self) -> None:
        if not self._playing:
            return
        self._playing = False
        self._clock_waits = False
        self.player.pause()
        self.clock.pause()
        self._tick.stop()
        self.tick()
        self.playing_changed.emit(False)

    def show_still(self) -> None:
        """Opened paused (``karaoke --paused``): show the media's picture at the position, which
        a video player shows only once it has played; the session stays paused."""
        if not self._playing:
            self.player.show_still()

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def seek(self, media_ms: int) -> None:
        upper = self._length_ms or max(media_ms, 0)
        target = max(0, min(media_ms, upper))
        self._ended = False
        self.waiting_after = None
        # Stanzas ahead of the new position will be paused at again.
        lyrics_ms = target - self.offset_ms
        self._taught = {i for i in self._taught if self.timeline.stanza_end_ms(i) < lyrics_ms}
        self.player.seek(target)
        self.clock.seek(target)
        self.tick()

    def seek_relative(self, delta_ms: int) -> None:
        self.seek(self.position_ms() + delta_ms)

    def seek_lyrics(self, lyrics_ms: int | None) -> None:
        if lyrics_ms is not None:
            self.seek(lyrics_ms + self.offset_ms)

    def seek_line(self, index: int) -> None:
        self.seek_lyrics(self.timeline.lines[index].start_ms)

    def next_line(self) -> None:
        self.seek_lyrics(self.timeline.next_line_start(self.lyrics_ms()))

    def previous_line(self) -> None:
        self.seek_lyrics(self.timeline.previous_line_start(self.lyrics_ms()))

    def next_stanza(self) -> None:
        self.seek_lyrics(self.timeline.next_stanza_start(self.lyrics_ms()))

    def previous_stanza(self) -> None:
        self.seek_lyrics(self.timeline.previous_stanza_start(self.lyrics_ms()))

    def set_rate(self, rate: float) -> float:
        rate = min(RATE_MAX, max(RATE_MIN, round(rate, 2)))
        self.player.set_rate(rate)
        self.clock.set_rate(rate)
        return rate

    def set_volume(self, volume: int) -> None:
        self.player.set_volume(max(0, min(100, volume)))

    @property
    def vocals_off(self) -> bool:
        return self.player.vocals_off

    def set_vocals_off(self, on: bool) -> None:
        """Sing along: the song's instrumental, or the voice filtered out; the position holds."""
        self.player.set_vocals_off(on)
        self.vocals_off_changed.emit(self.player.vocals_off)

    @property
    def key_shift(self) -> int:
        return self.player.key_shift

    def set_key_shift(self, semitones: int) -> int:
        """Shift the key by ``semitones``, clamped to ±``KEY_SHIFT_MAX``; returns the shift."""
        semitones = max(-KEY_SHIFT_MAX, min(KEY_SHIFT_MAX, int(semitones)))
        self.player.set_key_shift(semitones)
        self.key_shift_changed.emit(semitones)
        return semitones

    def vocals_off_problem(self) -> str:
        """Why vocals off, asked for, cannot take the voice out of this song; "" otherwise."""
        return self.player.vocals_off_problem() if self.vocals_off else ""

    def sing_along_message(self) -> str:
        """A line for a status bar after vocals off or the key changed: what plays now, or why
        vocals off cannot take the voice out of this song."""
        if problem := self.vocals_off_problem():
            # The player's reason stays as it says it (technical, often English).
            return QCoreApplication.translate(
                "PlaybackSession", "Vocals off does not work for this song: %1."
            ).replace("%1", problem)
        if self.vocals_off:
            parts = [QCoreApplication.translate("PlaybackSession", "Vocals off (sing along)")]
        else:
            parts = [QCoreApplication.translate("PlaybackSession", "Vocals on")]
        if self.key_shift:
            # Two strings rather than %n: English is the source language and has no catalog to
            # choose a plural form from; Spanish counts 1 / other the same way.
            if abs(self.key_shift) == 1:
                key = QCoreApplication.translate("PlaybackSession", "key %1 semitone")
            else:
                key = QCoreApplication.translate("PlaybackSession", "key %1 semitones")
            parts.append(key.replace("%1", f"{self.key_shift:+d}".replace("-", "−")))
        return ", ".join(parts)

    def set_offset(self, offset_ms: int) -> None:
        self.offset_ms = offset_ms
        self.offset_changed.emit(offset_ms)
        self._last_emitted = -1
        self.tick()

    def close(self) -> None:
        self._tick.stop()
        self.player.close()

    # Player events ----------------------------------------------------------------------------

    def _on_player_time(self, player_ms: int) -> None:
        self.clock.on_player_time(player_ms)

    def _set_length(self, length_ms: int) -> None:
        if length_ms > 0 and length_ms != self._length_ms:
            self._length_ms = length_ms
            self.length_changed.emit(length_ms)
            if not self._playing:  # no frame tick will show "0:42 / 2:40" with the new length
                self._last_emitted = -1
                self.tick()

    def _on_player_state(self, state: str) -> None:
        if state == State.PLAYING:
            self._start_clock()
            # Once playing (the window painted, the first line usually seconds away), so that
            # neither the first paint nor the first line's wipe waits for it.
            QTimer.singleShot(0, self.timeline.prepare)
        elif state == State.ENDED:
            self._ended = True
            self._playing = self._clock_waits = False
            self.clock.pause()
            self.clock.seek(self._length_ms)
            self._tick.stop()
            self.tick()
            self.playing_changed.emit(False)

    def _on_player_error(self, message: str) -> None:
        """The media cannot play: tell the user and go on with the lyrics on the internal clock."""
        self.problem.emit(message)
        if not self.player.has_video_output:
            return  # already on the internal clock
        position = self.clock.position_ms()
        was_playing = self._playing
        self._playing = False
        old = self.player
        old.time_changed.disconnect(self._on_player_time)
        old.length_changed.disconnect(self._set_length)
        old.state_changed.disconnect(self._on_player_state)
        old.error.disconnect(self._on_player_error)
        # Not closed here: we may be inside its signal; close it once the event loop is back.
        QTimer.singleShot(0, old.close)
        fallback = lyrics_only_player(self.song)
        self._set_length(fallback.length_ms())
        self.player = fallback
        self._connect(fallback)
        fallback.load(None)
        fallback.set_vocals_off(old.vocals_off)  # still asked for, should the media come back
        fallback.set_key_shift(old.key_shift)
        fallback.seek(position)
        if was_playing:
            self.play()
