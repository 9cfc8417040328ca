"""The timing editor: play a media, tap a key as each line starts, fix what is off, save.

The window owns widgets and keys; the rules of tapping live in
:class:`~karaoke.core.tapping.TapSession`, and every change goes through :meth:`SyncWindow.apply`,
which also writes it to the autosave journal (:mod:`karaoke.core.journal`) before anything else
happens. Media time comes from :meth:`PlaybackSession.position_ms` — the smooth clock, exact
between libvlc's coarse updates and at any speed — never from the player's raw time.

Questions that would open a dialog (resume a journal? save before closing? save with untimed
lines?) can be answered in advance through the constructor, which is how tests run them.
See ``docs/timing-editor.md`` for the person's side.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from karaoke.app.players import PlayerFactory
from karaoke.app.session import PlaybackSession
from karaoke.core.clock import PlaybackClock
from karaoke.core.envelope import Envelope
from karaoke.core.errors import SongError
from karaoke.core.formats import read_lyrics, write_lyrics
from karaoke.core.journal import Journal, JournaledTaps, journal_path, replay
from karaoke.core.media import is_audio_only
from karaoke.core.model import Lyrics, Song
from karaoke.core.package_writer import new_package
from karaoke.core.tapping import TapError, TapSession
from karaoke.core.timefmt import format_ms
from karaoke.ui.shared.widgets import Banner, MediaScreen
from karaoke.ui.timing.controls import SPEEDS, SyncControls
from karaoke.ui.timing.dialogs import (
    ask_resume,
    ask_unsaved,
    choose_media_and_lyrics,
    choose_output,
    choose_package_folder,
    confirm_partial,
)
from karaoke.ui.timing.keys import KEY_HINT, SYNC_SHORTCUTS, sync_keys_html
from karaoke.ui.timing.lines_view import LinesView, NextLinePanel
from karaoke.ui.timing.waveform import StripLine, WaveformLoader, WaveformStrip, decode_envelope

Decoder = Callable[[Path, threading.Event], Envelope]

APP_NAME = "Karaoke de ciencia"
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
NUDGE_MS, BIG_NUDGE_MS = 10, 100
SEEK_STEP_MS = 5_000
#: R plays from this long before the chosen line, so there is time to catch the beat.
PREROLL_MS = 2_000
#: L loops from this long before the chosen line's start, to hear whether it starts on time.
LOOP_LEAD_MS = 300
LOOP_POLL_MS = 10

#: Editors opened from the main window, kept alive until they close (they have no parent).
_open_editors: set[SyncWindow] = set()


def default_output(media: Path, lyrics: Lyrics) -> Path:
    """Where ``karaoke sync`` saves unless told: beside the media, with the media's name, so
    ``karaoke MEDIA`` finds the lyrics by itself; ``.lrc`` when the lyrics have word timings."""
    words = any(line.words for line in lyrics.lines) if lyrics.timed else False
    return media.with_suffix(".lrc" if words else ".srt")


class SyncWindow(QMainWindow):
    """The editor for one media and one set of lyrics, saving to ``output`` (.srt or .lrc).

    ``resume``: what to do with an autosave journal left by an earlier session (None: ask).
    ``unsaved``: closing with unsaved taps — "save", "close" (the journal stays, so the next
    start offers to resume) or "cancel" (None: ask). ``save_partial``: save when some lines
    have no time yet, leaving them out (None: ask). ``decode``: reads the waveform on a worker
    thread; None shows no waveform.
    """

    saved = Signal(Path)  # the file (or a package's song.toml) just written

    def __init__(
        self,
        media: Path,
        lyrics: Lyrics,
        output: Path,
        *,
        make_player: PlayerFactory | None = None,
        make_clock: Callable[[], PlaybackClock] = PlaybackClock,
        resume: bool | None = None,
        unsaved: str | None = None,
        save_partial: bool | None = None,
        decode: Decoder | None = decode_envelope,
    ) -> None:
        super().__init__()
        self.media = media
        self.lyrics_path = Path(lyrics.path)
        self.output = output
        # A song's title: the lyrics' own, else the media's name (more often the song's name
        # than "lyrics.txt" is), as a package's title and the LRC [ti:].
        self.title = lyrics.metadata.get("ti") or _title_from_name(media.stem)
        self.unsaved_answer = unsaved
        self.save_partial_answer = save_partial
        self.saved_path: Path | None = None
        self.dirty = False
        self.word_mode = False
        self.chosen = 0
        self._sung: int | None = None
        self._loop_line: int | None = None
        self._lyrics_lines = lyrics.lines
        self.autosave = JournaledTaps(
            TapSession.from_lyrics(lyrics), Journal(journal_path(output)), self._journal_header()
        )
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._resume_or_start(resume)
        self._start_playback(make_player, make_clock)
        self.loader: WaveformLoader | None = None
        if decode is not None:
            self.loader = WaveformLoader(decode)
            self.loader.ready.connect(self.strip.set_envelope)
            self.loader.failed.connect(
                lambda why: self.strip.set_envelope(None, f"No waveform: {why}")
            )
            self.loader.start(media)
        else:
            self.strip.set_envelope(None, "No waveform")
        self.chosen = min(self.taps.cursor, len(self.taps) - 1)
        self._refresh()
        self._first_layout()
        self.centralWidget().setFocus()

    @property
    def taps(self) -> TapSession:
        return self.autosave.taps

    @property
    def journal(self) -> Journal:
        return self.autosave.journal

    # Building ------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.banner = Banner()
        self.screen_stack = MediaScreen()
        self.video, self.card = self.screen_stack.video, self.screen_stack.card
        self.next_panel = NextLinePanel()
        self.strip = WaveformStrip()
        self.strip.seek_requested.connect(self._seek)
        self.strip.place_requested.connect(self._place)

        self.controls = SyncControls()
        self.controls.play_clicked.connect(self.toggle_play)
        self.controls.rate_chosen.connect(self.set_rate)
        self.controls.word_mode_toggled.connect(self.set_word_mode)
        self.controls.save_clicked.connect(self.save)
        self.controls.package_clicked.connect(self._save_package_dialog)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.screen_stack, 1)
        column.addWidget(self.next_panel)
        column.addWidget(self.strip)
        column.addWidget(self.controls)

        self.lines = LinesView()
        self.lines.line_chosen.connect(self.choose)
        self.lines.line_activated.connect(self._play_from_line)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.lines)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.hint = QLabel(KEY_HINT)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(10, 4, 10, 4)

        central = QWidget()
        central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.hint)
        self.setCentralWidget(central)
        self.progress = QLabel()
        self.statusBar().addPermanentWidget(self.progress)
        self._loop_timer = QTimer(self)
        self._loop_timer.setInterval(LOOP_POLL_MS)
        self._loop_timer.timeout.connect(self._check_loop)

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}

        def action(name: str, text: str, slot) -> QAction:
            item = QAction(text, self)
            item.setShortcuts([QKeySequence(key) for key in SYNC_SHORTCUTS[name]])
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            item.triggered.connect(lambda _=False: slot())
            self.addAction(item)  # works with the menu bar hidden, too
            self.actions_by_name[name] = item
            return item

        action("tap", "&Tap: next line starts", self.tap)
        action("end", "&End the current line", self.tap_end)
        action("words", "&Word mode", lambda: self.set_word_mode(not self.word_mode))
        action("undo", "&Undo", self.undo)
        action("choose_previous", "Choose the line above", lambda: self.choose(self.chosen - 1))
        action("choose_next", "Choose the line below", lambda: self.choose(self.chosen + 1))
        action("retap", "&Re-tap from the chosen line", self.retap)
        action("start_earlier", "Start 10 ms earlier", lambda: self.nudge("start", -NUDGE_MS))
        action("start_later", "Start 10 ms later", lambda: self.nudge("start", NUDGE_MS))
        action(
            "start_earlier_more", "Start 100 ms earlier", lambda: self.nudge("start", -BIG_NUDGE_MS)
        )
        action("start_later_more", "Start 100 ms later", lambda: self.nudge("start", BIG_NUDGE_MS))
        action("end_earlier", "End 10 ms earlier", lambda: self.nudge("end", -NUDGE_MS))
        action("end_later", "End 10 ms later", lambda: self.nudge("end", NUDGE_MS))
        action("end_earlier_more", "End 100 ms earlier", lambda: self.nudge("end", -BIG_NUDGE_MS))
        action("end_later_more", "End 100 ms later", lambda: self.nudge("end", BIG_NUDGE_MS))
        action("loop", "&Loop the chosen line", self.toggle_loop)
        action("play", "&Play / pause", self.toggle_play)
        action("back", "Back 5 s", lambda: self._seek(self.session.position_ms() - SEEK_STEP_MS))
        action(
            "forward", "Forward 5 s", lambda: self._seek(self.session.position_ms() + SEEK_STEP_MS)
        )
        action("to_start", "To the start", lambda: self._seek(0))
        action("slower", "Slower", lambda: self.set_rate(self.session.rate - 0.1))
        action("faster", "Faster", lambda: self.set_rate(self.session.rate + 0.1))
        action("save", "&Save", self.save)
        action("save_as", "Save &as…", self._save_as_dialog)
        action("save_package", "Save as song &package…", self._save_package_dialog)
        action("help", "&Keys", self._show_keys)
        action("close", "&Close", self.close)

    def _build_menus(self) -> None:
        a = self.actions_by_name
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([a["save"], a["save_as"], a["save_package"]])
        file_menu.addSeparator()
        file_menu.addAction(a["close"])
        edit = bar.addMenu("&Timing")
        edit.addActions([a["tap"], a["end"], a["words"], a["undo"]])
        edit.addSeparator()
        edit.addActions([a["choose_previous"], a["choose_next"], a["retap"]])
        nudges = edit.addMenu("&Nudge the chosen line")
        nudges.addActions(
            [a[f"{which}_{way}{more}"] for which in ("start", "end")
             for way in ("earlier", "later") for more in ("", "_more")]
        )  # fmt: skip
        play = bar.addMenu("&Playback")
        play.addActions([a["play"], a["loop"], a["back"], a["forward"], a["to_start"]])
        play.addSeparator()
        play.addActions([a["slower"], a["faster"]])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(a["help"])

    def _first_layout(self) -> None:
        screen = self.screen().availableGeometry()
        width, height = int(screen.width() * 0.85), int(screen.height() * 0.85)
        self.resize(width, height)
        self.move(screen.center() - self.rect().center())
        self.splitter.setSizes([width * 3 // 5, width * 2 // 5])

    # Starting ------------------------------------------------------------------------------------

    def _resume_or_start(self, resume: bool | None) -> None:
        """Offer to resume an earlier session's journal; otherwise start from the lyrics."""
        if not self.journal.exists():
            return
        try:
            resumed = replay(self.journal.path)
        except SongError as error:
            self.banner.show_message(
                f"An autosave journal was found but cannot be read ({error}); starting afresh."
            )
            return
        timed = len(resumed.session) - resumed.session.untimed_count
        if resume is None:
            changed = time.localtime(self.journal.path.stat().st_mtime)
            resume = ask_resume(
                self.output, time.strftime("%d %b %H:%M", changed), timed, len(resumed.session)
            )
        if not resume:
            self.journal.discard()
            return
        self.autosave.taps = resumed.session
        self.dirty = True
        lost = f" ({resumed.skipped} unreadable entries skipped)" if resumed.skipped else ""
        self.statusBar().showMessage(
            f"Resumed: {timed} of {len(self.taps)} lines timed, as before the editor closed{lost}.",
            8000,
        )
        self.autosave.restart()
        self._report_autosave(was_failing=False)

    def _start_playback(
        self, make_player: PlayerFactory | None, make_clock: Callable[[], PlaybackClock]
    ) -> None:
        if make_player is None:
            from karaoke.app.players import player_factory

            make_player = player_factory()
        song = Song(
            title=self.title,
            lines=self._lyrics_lines,  # only for the internal clock's length without VLC
            stanzas=(),
            lyrics_path=self.lyrics_path,
            media=self.media,
        )
        player, warning = make_player(song)
        self.session = PlaybackSession(song, player, make_clock())
        self.session.position_changed.connect(self._on_position)
        self.session.playing_changed.connect(self._on_playing)
        self.session.length_changed.connect(lambda _ms: self._show_time())
        self.session.problem.connect(self._on_problem)
        if player.has_video_output and QGuiApplication.platformName() not in HEADLESS_PLATFORMS:
            player.attach_video(int(self.video.winId()))
        # The video shows from the first play on; until then (VLC draws nothing while stopped)
        # the card says how to begin.
        self._video = player.has_video_output and not is_audio_only(self.media)
        note = "Space plays; then tap Space as each line starts · F1: every key"
        self.card.set_text(self.title, self.media.name, note)
        self.screen_stack.setCurrentWidget(self.card)
        if warning:
            self.banner.show_message(warning)
        self._on_playing(False)

    # Commands ------------------------------------------------------------------------------------

    def apply(self, event: Mapping[str, Any]) -> Any:
        """Perform one tapping event (journaled before anything else), refresh. Returns what
        the event returns, or None after telling the person why it could not be done."""
        was_failing = self.autosave.failure is not None
        try:
            result = self.autosave.apply(event)
        except TapError as error:
            message = str(error)
            self.say(message[:1].upper() + message[1:], warn=True)
            return None
        self._report_autosave(was_failing)
        self.dirty = True
        self._refresh()
        return result if result is not None else True

    def _report_autosave(self, was_failing: bool) -> None:
        """Say once that autosave stopped working (the taps stay in memory), and when it is back."""
        failure = self.autosave.failure
        if failure is not None and not was_failing:
            self.banner.show_message(
                f"Autosave is not working — {failure}. Your taps are kept while the editor is "
                "open: save them (Ctrl+S), or elsewhere with File ▸ Save as…"
            )
        elif failure is None and was_failing:
            self.say("Autosave works again.")

    def _journal_header(self) -> dict[str, str]:
        return {
            "media": str(self.media),
            "lyrics": str(self.lyrics_path),
            "output": str(self.output),
        }

    def _can_tap(self) -> bool:
        """Taps need the media playing: while paused a tap key plays; while looping it stops."""
        if self._loop_line is not None:
            self.stop_loop()
            self.say("Loop stopped. Tap again to mark.")
            return False
        if not self.session.playing:
            self.play()
            self.say(self._tap_prompt())
            return False
        return True

    def _tap_prompt(self) -> str:
        return f"Playing. {self._next_tap()}"

    def _next_tap(self) -> str:
        if self.taps.cursor >= len(self.taps):
            return "Tap when the last line ends, or choose a line and press R."
        return f"Tap when line {self.taps.cursor + 1} starts."

    def tap(self) -> None:
        if not self._can_tap():
            return
        media_ms = self.session.position_ms()
        if self.word_mode:
            result = self.apply({"op": "word", "ms": media_ms})
            if result:
                line, word = result
                what = "ends" if word < 0 else f"word {word + 1} starts" if word else "starts"
                self._after_tap(line, f"Line {line + 1} {what} at {format_ms(media_ms)}")
            return
        was_done = self.taps.cursor >= len(self.taps)
        line = self.apply({"op": "tap", "ms": media_ms})
        if line is not None:
            verb = "ends" if was_done else "starts"
            self._after_tap(line, f"Line {line + 1} {verb} at {format_ms(media_ms)}")

    def tap_end(self) -> None:
        if not self._can_tap():
            return
        media_ms = self.session.position_ms()
        line = self.apply({"op": "end", "ms": media_ms})
        if line is not None:
            self._after_tap(line, f"Line {line + 1} ends at {format_ms(media_ms)}")

    def _after_tap(self, line: int, message: str) -> None:
        self.choose(line)  # so that a nudge right after a tap fixes that tap
        self.say(message)

    def undo(self) -> None:
        if self.apply({"op": "undo"}) is not None:
            if self.taps.current is not None:
                self.choose(self.taps.current)
            self.say(f"Undone. {self._next_tap()}")

    def choose(self, index: int) -> None:
        self.chosen = max(0, min(len(self.taps) - 1, index))
        self.lines.choose(self.chosen)
        self._refresh_strip()

    def retap(self) -> None:
        line = self.chosen
        if self.apply({"op": "retap", "line": line}) is None:
            return
        previous = [self.taps.start_ms(i) for i in range(line + 1)]
        anchor = next((ms for ms in reversed(previous) if ms is not None), 0)
        self.stop_loop()
        self._seek(anchor - PREROLL_MS)
        self.play()
        self.say(f"Re-tapping from line {line + 1}: tap when it starts.")

    def nudge(self, which: str, delta_ms: int) -> None:
        line = self.chosen
        value = self.apply({"op": "nudge", "line": line, "which": which, "delta": delta_ms})
        if value is not None:
            self.say(f"Line {line + 1} {which}s at {format_ms(value)} ({delta_ms:+d} ms)")

    def _place(self, media_ms: int, which: str) -> None:
        line = self.chosen
        value = self.apply({"op": "set", "line": line, "which": which, "ms": media_ms})
        if value is not None:
            self.say(f"Line {line + 1} {which}s at {format_ms(value)}")

    def set_word_mode(self, on: bool) -> None:
        self.word_mode = on
        self.controls.show_word_mode(on)
        self.say("Word mode: each tap starts the next word." if on else "Line mode.")
        if on and self.output.suffix.lower() != ".lrc":
            self.banner.show_message(
                "Word timings are saved in .lrc files only: save with File ▸ Save as… and a "
                "name ending in .lrc (or as a song package) to keep them."
            )
        self._refresh()

    # Playback ------------------------------------------------------------------------------------

    def play(self) -> None:
        self.session.play()

    def toggle_play(self) -> None:
        if self._loop_line is not None:
            self.stop_loop()
            self.session.pause()
            return
        self.session.toggle()

    def set_rate(self, rate: float) -> None:
        rate = round(max(SPEEDS[0], min(SPEEDS[-1], rate)), 2)
        rate = self.session.set_rate(rate)
        self.controls.show_rate(rate)
        self.say(f"Speed {rate:g}× — times stay media times.")

    def _seek(self, media_ms: int) -> None:
        self.session.seek(max(0, media_ms))

    def _play_from_line(self, index: int) -> None:
        self.choose(index)
        start = self.taps.start_ms(index)
        if start is None:
            self.say(f"Line {index + 1} has no time yet.", warn=True)
            return
        self.stop_loop()
        self._seek(start - PREROLL_MS)
        self.play()

    def toggle_loop(self) -> None:
        if self._loop_line is not None:
            self.stop_loop()
            self.say("Loop stopped.")
            return
        if not self.taps.is_timed(self.chosen):
            self.say(f"Line {self.chosen + 1} has no time yet: nothing to loop.", warn=True)
            return
        self._loop_line = self.chosen
        self._loop_timer.start()
        self._restart_loop()
        self.play()
        self.say(f"Looping line {self.chosen + 1}: nudge with [ ] and {{ }}; L stops.")

    def stop_loop(self) -> None:
        self._loop_line = None
        self._loop_timer.stop()

    def _restart_loop(self) -> None:
        start = self.taps.start_ms(self._loop_line) if self._loop_line is not None else None
        if start is not None:
            self._seek(start - LOOP_LEAD_MS)

    def _check_loop(self) -> None:
        """While looping: back to the line's start once its end is reached (it follows the
        chosen line, and nudges, as they happen)."""
        if self._loop_line is None:
            return
        if self._loop_line != self.chosen and self.taps.is_timed(self.chosen):
            self._loop_line = self.chosen
            self._restart_loop()
            return
        end = self.taps.end_ms(self._loop_line)
        if end is None or self.session.position_ms() >= end:
            self._restart_loop()

    # Saving --------------------------------------------------------------------------------------

    def save(self) -> bool:
        return self.save_to(self.output)

    def save_to(self, path: Path) -> bool:
        """Write the timed lines to ``path`` (.srt or .lrc). A failure says why in the banner and
        keeps every tap (in memory and in the journal)."""
        lines = self._lines_to_save()
        if lines is None:
            return False
        try:
            backup = write_lyrics(
                path, lines, stanza_starts=self.taps.timed_stanza_starts(), title=self.title
            )
        except SongError as error:
            self._save_failed(error)
            return False
        note = f"; the old file is kept as {backup.name}" if backup else ""
        if any(line.words for line in lines) and path.suffix.lower() != ".lrc":
            note += ". Word timings are not in a SubRip file: Save as… .lrc keeps them"
        if path != self.output:
            self.output = path
            self.autosave.move(Journal(journal_path(path)), self._journal_header())
        self._saved(
            path, f"Saved {path.name} ({len(lines)} lines){note}. Play it: {self._play_hint(path)}"
        )
        return True

    def save_package(self, folder: Path) -> bool:
        """Write a new song package in ``folder`` (see :func:`new_package`)."""
        lines = self._lines_to_save()
        if lines is None:
            return False
        try:
            manifest = new_package(
                folder,
                title=self.title,
                lines=lines,
                stanza_starts=self.taps.timed_stanza_starts(),
                media=self.media,
            )
        except SongError as error:
            self._save_failed(error)
            return False
        self._saved(
            manifest,
            f"Song package saved in {folder}. Write the stanza explanations in {manifest.name}; "
            f"'karaoke check {folder}' lists what is missing. Play it: karaoke {folder}",
        )
        return True

    def _lines_to_save(self):
        lines = self.taps.to_lines()
        if not lines:
            self.say(
                "Nothing is timed yet: play (P) and tap (Space) as each line starts.", warn=True
            )
            return None
        untimed = self.taps.untimed_count
        if untimed and not (
            self.save_partial_answer
            if self.save_partial_answer is not None
            else confirm_partial(self, untimed)
        ):
            return None
        return lines

    def _save_failed(self, error: SongError) -> None:
        journal = "" if self.autosave.failure else " and in the autosave journal"
        self.banner.show_message(
            f"Not saved — {error}. Your taps are safe (in memory{journal}): free some space, or "
            "choose another place with File ▸ Save as…"
        )
        self.say("Not saved.", warn=True)

    def _saved(self, path: Path, message: str) -> None:
        self.autosave.saved()
        self.dirty = False
        self.saved_path = path
        self.banner.dismiss()
        self.say(message, timeout_ms=15000)
        self._refresh_title()
        self.saved.emit(path)

    def _play_hint(self, path: Path) -> str:
        if path.parent == self.media.parent and path.stem == self.media.stem:
            return f"karaoke {self.media}"
        return f"karaoke {self.media} --lyrics {path}"

    def _save_as_dialog(self) -> None:
        path = choose_output(self, self.output)
        if path is not None:
            self.save_to(path)

    def _save_package_dialog(self) -> None:
        folder = choose_package_folder(self, self.media)
        if folder is not None:
            self.save_package(folder)

    def _show_keys(self) -> None:
        QMessageBox.information(self, "Timing editor keys", sync_keys_html())

    # Showing -------------------------------------------------------------------------------------

    def say(self, message: str, *, warn: bool = False, timeout_ms: int = 5000) -> None:
        """A message in the status bar (warnings also beep)."""
        if warn:
            QApplication.beep()
        self.statusBar().showMessage(message, timeout_ms)

    def _refresh(self) -> None:
        self.lines.show_session(
            self.taps, self.chosen, words=self.word_mode or self.taps.has_word_timings
        )
        self.next_panel.show_state(self.taps, self._sung, word_mode=self.word_mode)
        self._refresh_strip()
        timed = len(self.taps) - self.taps.untimed_count
        self.progress.setText(f"{timed} of {len(self.taps)} lines timed")
        self._refresh_title()

    def _refresh_strip(self) -> None:
        strip_lines = [
            StripLine(
                index + 1,
                start,
                self.taps.end_ms(index) or start,
                tuple(ms for ms in self.taps.word_starts_ms(index) if ms is not None),
            )
            for index in range(len(self.taps))
            if (start := self.taps.start_ms(index)) is not None
        ]
        self.strip.set_lines(strip_lines, self.chosen + 1)

    def _refresh_title(self) -> None:
        mark = "• " if self.dirty else ""
        self.setWindowTitle(f"{mark}{self.output.name} — Timing editor — {APP_NAME}")

    def _on_position(self, media_ms: int) -> None:
        self.strip.set_position(media_ms)
        self._show_time(media_ms)
        sung = self.taps.line_at(media_ms)
        if sung != self._sung:
            self._sung = sung
            self.lines.set_sung(sung, self.taps)
            self.next_panel.show_state(self.taps, sung, word_mode=self.word_mode)

    def _show_time(self, media_ms: int | None = None) -> None:
        position = self.session.position_ms() if media_ms is None else media_ms
        self.controls.show_time(position, self.session.length_ms)

    def _on_playing(self, playing: bool) -> None:
        self.controls.show_playing(playing)
        if playing and self._video and self.screen_stack.currentWidget() is self.card:
            self.screen_stack.setCurrentWidget(self.video)
        elif playing and not self._video:
            self.card.set_text(self.title, self.media.name, "Audio only")

    def _on_problem(self, message: str) -> None:
        self.banner.show_message(f"{message} The clock goes on without sound.")
        self._video = False
        self.card.set_text(self.title, self.media.name, "The media cannot play")
        self.screen_stack.setCurrentWidget(self.card)

    # Closing -------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self._may_close():
            event.ignore()
            return
        self.stop_loop()
        if self.loader is not None:
            self.loader.cancel()
        self.session.close()
        _open_editors.discard(self)
        super().closeEvent(event)

    def _may_close(self) -> bool:
        answer = self.unsaved_answer or ask_unsaved(self, self.output)
        if answer == "save":
            return self.save()
        return answer == "close"


def _title_from_name(stem: str) -> str:
    """``mi-modelito_sabanero`` → ``Mi modelito sabanero``."""
    words = stem.replace("_", " ").replace("-", " ").split()
    text = " ".join(words) or stem
    return text[:1].upper() + text[1:]


def open_sync_dialogs(
    parent: QWidget | None,
    make_player: PlayerFactory | None = None,
    make_clock: Callable[[], PlaybackClock] = PlaybackClock,
) -> SyncWindow | None:
    """File ▸ Time lyrics…: ask for the media and the lyrics, then open the editor on them."""
    chosen = choose_media_and_lyrics(parent)
    if chosen is None:
        return None
    media, lyrics_path = chosen
    try:
        lyrics = read_lyrics(lyrics_path)
    except SongError as error:
        QMessageBox.warning(parent, "Cannot read these lyrics", str(error))
        return None
    window = SyncWindow(
        media,
        lyrics,
        default_output(media, lyrics),
        make_player=make_player,
        make_clock=make_clock,
    )
    _open_editors.add(window)
    window.show()
    return window
