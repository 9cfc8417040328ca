"""The timing editor's logic, without a widget: tap, fix, loop, play, save.

A :class:`TimingController` owns the tapping session (:class:`~karaoke.core.tapping.TapSession`,
journaled by :class:`~karaoke.core.journal.JournaledTaps`), the playback
(:class:`~karaoke.app.session.PlaybackSession` on the player its factory makes) and the reading
of the waveform. Every change of the times goes through :meth:`TimingController.apply`, which
writes it to the autosave journal before anything else happens. Media time comes from
:meth:`PlaybackSession.position_ms` — the smooth clock, exact between libvlc's coarse updates
and at any speed — never from the player's raw time. All times are media ms.

What a person should see comes out as signals: sentences for the status line and the banner,
as :data:`~karaoke.app.timing_sentences.Text` makers that speak the interface's language of the
moment they are called (context ``TimingController``; a window says them again after a
language change), and "show it again" when the taps, the chosen line or the line being sung
change. A window (or a phone page) renders them and sends commands in;
:meth:`TimingController.commands` maps each :class:`~karaoke.app.timing_commands.TimingCommand`
that needs no widget to the method that does it. Taps, journal, saving: the base class.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTimer, Signal

from karaoke.app.commands import RATE_STEP, SEEK_STEP_MS
from karaoke.app.players import PlayerFactory
from karaoke.app.session import PlaybackSession
from karaoke.app.timing_commands import TimingCommand
from karaoke.app.timing_document import ResumeOffer, TimingDocument
from karaoke.app.timing_sentences import Text, arg, edge_at, word_at
from karaoke.app.translations import current_language
from karaoke.app.waveform_loader import WaveformLoader
from karaoke.core.clock import PlaybackClock
from karaoke.core.model import Lyrics, Song
from karaoke.core.paths import title_from_name
from karaoke.core.tapping import Edge
from karaoke.player.decode import Decoder, decode_envelope

NUDGE_MS, BIG_NUDGE_MS = 10, 100
#: R (and a double-click) plays from this long before the line, to catch the beat.
PREROLL_MS = 2_000
#: L loops from this long before the chosen line's start, to hear whether it starts on time.
LOOP_LEAD_MS = 300
#: How often a loop checks whether its line has ended, in ms.
LOOP_POLL_MS = 10
#: Tapping speeds: slower helps with fast lines; times are media times whatever the speed.
SPEEDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0)

#: What each nudge command moves, and by how many ms.
NUDGES: dict[TimingCommand, tuple[Edge, int]] = {
    TimingCommand.START_EARLIER: (Edge.START, -NUDGE_MS),
    TimingCommand.START_LATER: (Edge.START, NUDGE_MS),
    TimingCommand.START_EARLIER_MORE: (Edge.START, -BIG_NUDGE_MS),
    TimingCommand.START_LATER_MORE: (Edge.START, BIG_NUDGE_MS),
    TimingCommand.END_EARLIER: (Edge.END, -NUDGE_MS),
    TimingCommand.END_LATER: (Edge.END, NUDGE_MS),
    TimingCommand.END_EARLIER_MORE: (Edge.END, -BIG_NUDGE_MS),
    TimingCommand.END_LATER_MORE: (Edge.END, BIG_NUDGE_MS),
}


def rate_text(rate: float) -> str:
    """A speed as people read it in the interface's language: "0.75×", "0,75×"."""
    return QLocale(current_language()).toString(rate, "g", 3) + "×"


class TimingController(TimingDocument):
    """The editor for one media and one set of lyrics, saving to ``output`` (.srt or .lrc).

    ``make_player`` makes the player (libvlc, or the internal clock when the media cannot
    play); its warning, if any, is :attr:`player_warning`. ``decode`` reads the waveform on a
    worker thread (None: no waveform). ``confirm_partial`` answers "save although this many
    lines have no time yet?" (the editor asks the person). Nothing is said and no journal is
    touched until :meth:`start`, so the signals can be connected first.

    Invariant: ``0 <= chosen < len(taps)``; ``loop_line`` is None unless a loop is running.
    """

    chosen_changed = Signal(int)  # the chosen line, 0-based
    sung_changed = Signal(object)  # the line being sung (int), or None
    rate_changed = Signal(float)
    word_mode_changed = Signal(bool)
    waveform_ready = Signal(object, str)  # the Envelope, or None and a sentence saying why

    def __init__(
        self,
        media: Path,
        lyrics: Lyrics,
        output: Path,
        *,
        make_player: PlayerFactory,
        make_clock: Callable[[], PlaybackClock] = PlaybackClock,
        decode: Decoder | None = decode_envelope,
        confirm_partial: Callable[[int], bool] | None = None,
    ) -> None:
        # A song's title: the lyrics' own, else the media's name (more often the song's name
        # than "lyrics.txt" is), as a package's title and the LRC [ti:].
        title = lyrics.metadata.get("ti") or title_from_name(media.stem)
        super().__init__(media, lyrics, output, title, confirm_partial)
        self.word_mode = False
        self.chosen = 0
        self.sung: int | None = None
        self.loop_line: int | None = None
        self._decode = decode
        self.loader: WaveformLoader | None = None
        song = Song(
            title=self.title,
            lines=lyrics.lines,  # only for the internal clock's length without VLC
            stanzas=(),
            lyrics_path=self.lyrics_path,
            media=media,
        )
        player, self.player_warning = make_player(song)
        self.session = PlaybackSession(song, player, make_clock())
        self.session.position_changed.connect(self._on_position)
        self.session.problem.connect(self._on_problem)
        self._loop_timer = QTimer(self)
        self._loop_timer.setInterval(LOOP_POLL_MS)
        self._loop_timer.timeout.connect(self.check_loop)

    def start(self, resume: Callable[[ResumeOffer], bool]) -> None:
        """Resume an earlier session's journal if ``resume`` says so, choose the next line to
        tap, and start reading the waveform."""
        self.resume_or_start(resume)
        self.chosen = min(self.taps.cursor, len(self.taps) - 1)
        if self._decode is None:
            self.waveform_ready.emit(
                None, QCoreApplication.translate("TimingController", "No waveform")
            )
            return
        self.loader = WaveformLoader(self._decode, self)
        self.loader.ready.connect(lambda envelope: self.waveform_ready.emit(envelope, ""))
        self.loader.failed.connect(
            lambda why: self.waveform_ready.emit(
                None, arg(QCoreApplication.translate("TimingController", "No waveform: %1"), why)
            )
        )
        self.loader.start(self.media)

    def commands(self) -> dict[TimingCommand, Callable[[], object]]:
        """What each command that needs no widget does (Save as…, Help and Close need one)."""
        nudges = {command: partial(self.nudge, *step) for command, step in NUDGES.items()}
        return {
            TimingCommand.TAP: self.tap,
            TimingCommand.END: self.tap_end,
            TimingCommand.WORDS: self.toggle_word_mode,
            TimingCommand.UNDO: self.undo,
            TimingCommand.CHOOSE_PREVIOUS: partial(self.choose_relative, -1),
            TimingCommand.CHOOSE_NEXT: partial(self.choose_relative, 1),
            TimingCommand.RETAP: self.retap,
            **nudges,
            TimingCommand.LOOP: self.toggle_loop,
            TimingCommand.PLAY: self.toggle_play,
            TimingCommand.BACK: partial(self.seek_relative, -SEEK_STEP_MS),
            TimingCommand.FORWARD: partial(self.seek_relative, SEEK_STEP_MS),
            TimingCommand.TO_START: partial(self.seek, 0),
            TimingCommand.SLOWER: partial(self.change_rate, -RATE_STEP),
            TimingCommand.FASTER: partial(self.change_rate, RATE_STEP),
            TimingCommand.NORMAL_SPEED: partial(self.set_rate, 1.0),
            TimingCommand.SAVE: self.save,
        }

    # Tapping ----------------------------------------------------------------------------------

    def _can_tap(self) -> bool:
        """Taps need the media playing: while paused a tap key plays; while looping it stops."""
        if self.loop_line is not None:
            self.stop_loop()
            self.say(
                lambda: QCoreApplication.translate(
                    "TimingController", "Loop stopped. Tap again to mark."
                )
            )
            return False
        if not self.session.playing:
            self.play()
            then = self.next_tap()
            self.say(
                lambda: arg(QCoreApplication.translate("TimingController", "Playing. %1"), then())
            )
            return False
        return True

    def next_tap(self) -> Text:
        """What the next tap does now, as a sentence (made in the language of the moment it is
        said: the line it names stays the one of now)."""
        if self.taps.cursor >= len(self.taps):
            return lambda: QCoreApplication.translate(
                "TimingController", "Tap when the last line ends, or choose a line and press R."
            )
        line = self.taps.cursor + 1
        return lambda: arg(
            QCoreApplication.translate("TimingController", "Tap when line %1 starts."), line
        )

    def tap(self) -> None:
        """Start the next line (in word mode: the next word) now; after the last: end it."""
        if not self._can_tap():
            return
        media_ms = self.session.position_ms()
        if self.word_mode:
            result = self.apply({"op": "word", "ms": media_ms})
            if result:
                line, word = result
                edge = Edge.END if word < 0 else Edge.START
                if word > 0:
                    said: Text = partial(word_at, line, word, media_ms)
                else:
                    said = partial(edge_at, line, edge, media_ms)
                self._after_tap(line, said)
            return
        was_done = self.taps.cursor >= len(self.taps)
        line = self.apply({"op": "tap", "ms": media_ms})
        if line is not None:
            edge = Edge.END if was_done else Edge.START
            self._after_tap(line, partial(edge_at, line, edge, media_ms))

    def tap_end(self) -> None:
        """End the line most recently started, now."""
        if not self._can_tap():
            return
        media_ms = self.session.position_ms()
        line = self.apply({"op": "end", "ms": media_ms})
        if line is not None:
            self._after_tap(line, partial(edge_at, line, Edge.END, media_ms))

    def _after_tap(self, line: int, message: Text) -> None:
        self.choose(line)  # so that a nudge right after a tap fixes that tap
        self.say(message)

    def undo(self) -> None:
        if self.apply({"op": "undo"}) is not None:
            if self.taps.current is not None:
                self.choose(self.taps.current)
            then = self.next_tap()
            self.say(
                lambda: arg(QCoreApplication.translate("TimingController", "Undone. %1"), then())
            )

    def choose(self, index: int) -> None:
        """Choose the line that R, L, the nudges and a placed time act on (held in range)."""
        self.chosen = max(0, min(len(self.taps) - 1, index))
        self.chosen_changed.emit(self.chosen)

    def choose_relative(self, step: int) -> None:
        self.choose(self.chosen + step)

    def retap(self) -> None:
        """Tap again from the chosen line: play from before the last start up to it."""
        line = self.chosen
        if self.apply({"op": "retap", "line": line}) is None:
            return
        previous = [self.taps.start_ms(i) for i in range(line + 1)]
        anchor = next((ms for ms in reversed(previous) if ms is not None), 0)
        self.stop_loop()
        self.seek(anchor - PREROLL_MS)
        self.play()
        self.say(
            lambda: arg(
                QCoreApplication.translate(
                    "TimingController", "Re-tapping from line %1: tap when it starts."
                ),
                line + 1,
            )
        )

    def nudge(self, which: Edge, delta_ms: int) -> None:
        """Move the chosen line's start or end by ``delta_ms``."""
        line = self.chosen
        value = self.apply({"op": "nudge", "line": line, "which": which, "delta": delta_ms})
        if value is not None:
            edge = Edge(which)
            self.say(lambda: f"{edge_at(line, edge, value)} ({delta_ms:+d} ms)")

    def place(self, media_ms: int, which: str) -> None:
        """Put the chosen line's start or end (an :class:`Edge` or its string) at ``media_ms``."""
        line = self.chosen
        edge = Edge(which)
        value = self.apply({"op": "set", "line": line, "which": edge, "ms": media_ms})
        if value is not None:
            self.say(lambda: edge_at(line, edge, value))

    def set_word_mode(self, on: bool) -> None:
        """Word mode: each tap starts the next word (saved in .lrc files only)."""
        self.word_mode = on
        self.word_mode_changed.emit(on)
        if on:
            self.say(
                lambda: QCoreApplication.translate(
                    "TimingController", "Word mode: each tap starts the next word."
                )
            )
        else:
            self.say(
                lambda: QCoreApplication.translate(
                    "TimingController", "Line mode: each tap starts the next line."
                )
            )
        if on and self.output.suffix.lower() != ".lrc":
            self.banner.emit(
                lambda: QCoreApplication.translate(
                    "TimingController",
                    "Word timings are saved in .lrc files only: save with File ▸ Save as… and "
                    "a name ending in .lrc (or as a song package) to keep them.",
                )
            )
        self.changed.emit()

    def toggle_word_mode(self) -> None:
        self.set_word_mode(not self.word_mode)

    # Playback ---------------------------------------------------------------------------------

    def play(self) -> None:
        self.session.play()

    def toggle_play(self) -> None:
        """Play or pause; while looping, stop the loop and pause."""
        if self.loop_line is not None:
            self.stop_loop()
            self.session.pause()
            return
        self.session.toggle()

    def set_rate(self, rate: float) -> None:
        """Play at ``rate`` (held within :data:`SPEEDS`); the times stay media times."""
        rate = round(max(SPEEDS[0], min(SPEEDS[-1], rate)), 2)
        rate = self.session.set_rate(rate)
        self.rate_changed.emit(rate)
        self.say(
            lambda: arg(
                QCoreApplication.translate(
                    "TimingController", "Speed %1 — times stay media times."
                ),
                rate_text(rate),
            )
        )

    def change_rate(self, step: float) -> None:
        self.set_rate(self.session.rate + step)

    def seek(self, media_ms: int) -> None:
        self.session.seek(max(0, media_ms))

    def seek_relative(self, delta_ms: int) -> None:
        self.seek(self.session.position_ms() + delta_ms)

    def play_from_line(self, index: int) -> None:
        """Choose line ``index`` and play from a little before its start."""
        self.choose(index)
        start = self.taps.start_ms(index)
        if start is None:
            self.say(
                lambda: arg(
                    QCoreApplication.translate("TimingController", "Line %1 has no time yet."),
                    index + 1,
                ),
                warn=True,
            )
            return
        self.stop_loop()
        self.seek(start - PREROLL_MS)
        self.play()

    def toggle_loop(self) -> None:
        """Play the chosen line over and over (from just before its start), or stop doing so."""
        if self.loop_line is not None:
            self.stop_loop()
            self.say(lambda: QCoreApplication.translate("TimingController", "Loop stopped."))
            return
        line = self.chosen + 1
        if not self.taps.is_timed(self.chosen):
            self.say(
                lambda: arg(
                    QCoreApplication.translate(
                        "TimingController", "Line %1 has no time yet: nothing to loop."
                    ),
                    line,
                ),
                warn=True,
            )
            return
        self.loop_line = self.chosen
        self._loop_timer.start()
        self._restart_loop()
        self.play()
        # Key names as the menus show them (Qt's, through the window's ``key_name``).
        start_keys, end_keys = self.key_name("Ctrl+←/→"), self.key_name("Alt+←/→")
        self.say(
            lambda: arg(
                QCoreApplication.translate(
                    "TimingController",
                    "Looping line %1: nudge its start with %2, its end with %3; L stops.",
                ),
                line,
                start_keys,
                end_keys,
            )
        )

    def stop_loop(self) -> None:
        self.loop_line = None
        self._loop_timer.stop()

    def _restart_loop(self) -> None:
        start = self.taps.start_ms(self.loop_line) if self.loop_line is not None else None
        if start is not None:
            self.seek(start - LOOP_LEAD_MS)

    def check_loop(self) -> None:
        """While looping: back to the line's start once its end is reached (it follows the
        chosen line, and nudges, as they happen). Runs every :data:`LOOP_POLL_MS`."""
        if self.loop_line is None:
            return
        if self.loop_line != self.chosen and self.taps.is_timed(self.chosen):
            self.loop_line = self.chosen
            self._restart_loop()
            return
        end = self.taps.end_ms(self.loop_line)
        if end is None or self.session.position_ms() >= end:
            self._restart_loop()

    def _on_problem(self, message: str) -> None:
        """The media cannot play: the session goes on with the internal clock, silently."""
        self.banner.emit(
            lambda: arg(
                QCoreApplication.translate(
                    "TimingController", "%1 The clock goes on without sound."
                ),
                message,
            )
        )

    def _on_position(self, media_ms: int) -> None:
        sung = self.taps.line_at(media_ms)
        if sung != self.sung:
            self.sung = sung
            self.sung_changed.emit(sung)

    # Closing ----------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop looping, stop reading the waveform, release the player."""
        self.stop_loop()
        if self.loader is not None:
            self.loader.cancel()
        self.session.close()
