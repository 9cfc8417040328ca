"""The timing editor's window on the fake player, driven by a hand-advanced clock: every key,
menu, button and click reaches its controller (tested on its own in
``tests/app/test_timing_controller.py``), and what the controller says shows in the status bar,
the banner, the title, the lines, the strip and the controls."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from karaoke.app.timing import PREROLL_MS, TimingController
from karaoke.app.timing_commands import TimingCommand
from karaoke.cli.check import run_check
from karaoke.core.clock import PlaybackClock
from karaoke.core.envelope import Envelope
from karaoke.core.formats import read_lyrics
from karaoke.core.journal import journal_path, replay
from karaoke.core.paths import default_output
from karaoke.core.tapping import Edge
from karaoke.player.decode import DecodeError
from karaoke.player.fake_player import FakePlayer
from karaoke.ui.timing.editor_window import SyncWindow
from karaoke.ui.timing.keys import mouse_help
from tests.app.timing_support import fake_player_factory, write_song
from tests.conftest import FakeTime


@pytest.fixture
def song(tmp_path: Path) -> tuple[Path, Path]:
    """A (fake) media file and plain-text lyrics of four lines in two stanzas."""
    return write_song(tmp_path)


def make_editor(qtbot, fake_time: FakeTime, media: Path, lyrics: Path, output: Path, **options):
    options.setdefault("unsaved", "close")  # no dialog may open in a test: answer ahead
    options.setdefault("save_partial", True)
    controller = TimingController(
        media,
        read_lyrics(lyrics),
        output,
        make_player=fake_player_factory(fake_time),
        make_clock=lambda: PlaybackClock(fake_time),
        decode=options.pop("decode", None),
    )
    window = SyncWindow(controller, **options)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()  # the keys are window shortcuts: they need the active window
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def editor(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    return make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.srt")


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.centralWidget(), key, modifier)


def play_and_tap_at(qtbot, window, fake_time, media_times, key=Qt.Key.Key_Return):
    """Play from where the media is, and press ``key`` when the *media* reaches each time
    (the wall clock runs slower or faster with the speed)."""
    if not window.controller.session.playing:
        press(qtbot, window, Qt.Key.Key_Space)
    for media_ms in media_times:
        wall_ms = (
            media_ms - window.controller.session.position_ms()
        ) / window.controller.session.rate
        fake_time.advance(wall_ms)
        window.controller.session.player.tick()  # a coarse player update, as libvlc sends
        press(qtbot, window, key)


# Taps ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rate", [1.0, 0.5])
def test_taps_at_known_media_times_give_exact_timings(qtbot, editor, fake_time, rate):
    editor.controller.set_rate(rate)
    play_and_tap_at(qtbot, editor, fake_time, [1_000, 2_437, 5_003, 7_250, 9_999])
    lines = editor.controller.taps.to_lines()
    assert [(ln.start_ms, ln.end_ms) for ln in lines] == [
        (1_000, 2_437),
        (2_437, 5_003),
        (5_003, 7_250),
        (7_250, 9_999),  # the tap after the last start ends it
    ]
    assert editor.controls.speed.currentData() == rate


def test_every_tap_key_taps_like_a_clicker_does(qtbot, editor, fake_time):
    keys = [Qt.Key.Key_Return, Qt.Key.Key_PageDown, Qt.Key.Key_Enter]
    press(qtbot, editor, Qt.Key.Key_Space)
    for number, key in enumerate(keys, start=1):
        fake_time.advance(1000)
        press(qtbot, editor, key)
        assert editor.controller.taps.start_ms(number - 1) == number * 1000


def test_a_tap_while_paused_plays_instead_of_tapping(qtbot, editor):
    assert not editor.controller.session.playing
    press(qtbot, editor, Qt.Key.Key_Return)
    assert editor.controller.session.playing
    assert editor.controller.taps.untimed_count == 4
    assert "tap when line 1 starts" in editor.statusBar().currentMessage().lower()


def test_explicit_end_and_undo_from_the_keyboard(qtbot, editor, fake_time):
    play_and_tap_at(qtbot, editor, fake_time, [1_000])
    play_and_tap_at(qtbot, editor, fake_time, [1_800], key=Qt.Key.Key_E)
    assert editor.controller.taps.to_lines()[0].end_ms == 1_000 + 5_000  # E is not the editor's
    press(qtbot, editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    play_and_tap_at(qtbot, editor, fake_time, [3_000])
    first = editor.controller.taps.to_lines()[0]
    assert (first.start_ms, first.end_ms) == (1_000, 1_800)
    press(qtbot, editor, Qt.Key.Key_Backspace)
    press(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.controller.taps.to_lines()[0].end_ms == 1_000 + 5_000  # back to the implied end
    press(qtbot, editor, Qt.Key.Key_PageUp)  # a clicker's "back"
    assert editor.controller.taps.untimed_count == 4


def test_nudges_from_the_keyboard_move_the_chosen_line(qtbot, editor, fake_time):
    play_and_tap_at(qtbot, editor, fake_time, [1_000, 3_000, 6_000])
    press(qtbot, editor, Qt.Key.Key_Up)  # the tapped line 3 was chosen; now line 2
    assert editor.controller.chosen == 1
    ctrl, alt, shift = (
        Qt.KeyboardModifier.ControlModifier,
        Qt.KeyboardModifier.AltModifier,
        Qt.KeyboardModifier.ShiftModifier,
    )
    press(qtbot, editor, Qt.Key.Key_Left, ctrl)
    assert editor.controller.taps.start_ms(1) == 2_990
    press(qtbot, editor, Qt.Key.Key_Right, ctrl | shift)
    assert editor.controller.taps.start_ms(1) == 3_090
    press(qtbot, editor, Qt.Key.Key_Left, ctrl)
    assert editor.controller.taps.start_ms(1) == 3_080
    press(qtbot, editor, Qt.Key.Key_Left, alt)
    assert editor.controller.taps.end_ms(1) == 5_990
    press(
        qtbot,
        editor,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.controller.taps.end_ms(1) == 6_000  # held at the next start
    press(qtbot, editor, Qt.Key.Key_Down)
    press(qtbot, editor, Qt.Key.Key_Left, ctrl)
    assert editor.controller.taps.start_ms(2) == 5_990
    position = editor.controller.session.position_ms()
    press(qtbot, editor, Qt.Key.Key_Left)  # as in the player: back 5 s, no change of times
    assert editor.controller.session.position_ms() == position - 5_000
    assert editor.controller.taps.start_ms(2) == 5_990


def test_retap_plays_from_before_the_chosen_line_and_taps_from_it(qtbot, editor, fake_time):
    play_and_tap_at(qtbot, editor, fake_time, [4_000, 6_000, 8_000, 10_000])
    editor.controller.session.pause()
    editor.controller.choose(1)
    press(qtbot, editor, Qt.Key.Key_R)
    assert editor.controller.session.playing
    assert editor.controller.session.position_ms() == 6_000 - PREROLL_MS
    assert editor.controller.taps.cursor == 1
    play_and_tap_at(qtbot, editor, fake_time, [6_120])
    assert (
        editor.controller.taps.start_ms(1) == 6_120 and editor.controller.taps.start_ms(2) == 8_000
    )


def test_loop_preview_repeats_the_chosen_line(qtbot, editor, fake_time):
    play_and_tap_at(qtbot, editor, fake_time, [1_000, 2_000, 3_000])
    editor.controller.choose(1)
    press(qtbot, editor, Qt.Key.Key_L)
    assert editor.controller.session.position_ms() == 2_000 - 300
    fake_time.advance(1_400)  # past the line's end (3,000)
    editor.controller.check_loop()
    assert editor.controller.session.position_ms() == 2_000 - 300
    press(qtbot, editor, Qt.Key.Key_Return)  # a tap key stops the loop, without tapping
    assert editor.controller.loop_line is None and editor.controller.taps.cursor == 3


def test_word_mode_taps_words_and_saves_them_in_lrc(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.lrc")
    press(qtbot, window, Qt.Key.Key_W)
    assert window.controller.word_mode and window.controls.words_box.isChecked()
    play_and_tap_at(qtbot, window, fake_time, [1_000, 1_300, 1_600, 2_000, 2_500, 2_900])
    assert window.controller.taps.to_lines()[0].words[-1].start_ms == 2_000
    assert window.controller.save()
    text = (tmp_path / "song.lrc").read_text()
    assert "[00:01.000]<00:01.000>Con <00:01.300>mi <00:01.600>burrito <00:02.000>sabanero" in text


# Saving ------------------------------------------------------------------------------------------


def tap_everything(qtbot, window, fake_time):
    play_and_tap_at(qtbot, window, fake_time, [1_000, 3_000, 6_000, 8_500, 11_000])


def test_a_saved_file_passes_check_and_plays_beside_the_media(
    qtbot, editor, fake_time, song, capsys
):
    media, _ = song
    tap_everything(qtbot, editor, fake_time)
    assert editor.controller.save()
    assert editor.controller.saved_path == media.with_suffix(".srt")
    assert not journal_path(editor.controller.output).exists()  # deleted after a successful save
    assert not editor.controller.dirty and "•" not in editor.windowTitle()
    assert run_check(media) == 0  # karaoke MEDIA finds song.srt beside it
    assert "4 lines" in capsys.readouterr().out
    assert f"karaoke {media}" in editor.statusBar().currentMessage()


def test_saving_with_untimed_lines_leaves_them_out_when_allowed(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.srt", save_partial=False)
    play_and_tap_at(qtbot, window, fake_time, [1_000, 2_000])
    assert not window.controller.save() and not window.controller.output.exists()
    window.save_partial_answer = True
    assert window.controller.save()
    assert [ln.text for ln in read_lyrics(window.controller.output).lines] == [
        "Con mi burrito sabanero",
        "red neuronal",
    ]


def test_nothing_timed_is_nothing_to_save(editor):
    assert not editor.controller.save()
    assert "Nothing is timed yet" in editor.statusBar().currentMessage()


def test_an_unwritable_place_gives_a_clear_message_and_loses_no_tap(
    qtbot, fake_time, song, tmp_path
):
    # Tests run as root: chmod would not stop a write. A path under a regular *file* does.
    media, lyrics = song
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    window = make_editor(qtbot, fake_time, media, lyrics, blocker / "song.srt")
    tap_everything(qtbot, window, fake_time)
    assert "Autosave is not working" in window.banner.label.text()  # told at the first tap
    assert not window.controller.save()
    message = window.banner.label.text()
    assert "Not saved" in message and "part of the path is a file, not a folder" in message
    assert "Your taps are safe" in message
    assert window.controller.dirty and len(window.controller.taps.to_lines()) == 4
    assert window.controller.save_to(tmp_path / "elsewhere.srt")  # and they can go somewhere else
    assert len(read_lyrics(tmp_path / "elsewhere.srt").lines) == 4


def test_a_full_disk_gives_a_clear_message_keeps_the_taps_and_the_journal(
    qtbot, editor, fake_time, monkeypatch
):
    tap_everything(qtbot, editor, fake_time)
    journal = journal_path(editor.controller.output)
    before = journal.read_bytes()

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert not editor.controller.save()
    monkeypatch.undo()
    assert "the disk is full" in editor.banner.label.text()
    assert not editor.controller.output.exists()
    assert journal.read_bytes() == before  # intact
    assert replay(journal).session.to_lines() == editor.controller.taps.to_lines()
    assert editor.controller.save()  # space is back


# Crash, kill and resume ---------------------------------------------------------------------------


def test_an_editor_dropped_mid_session_resumes_with_every_tap(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    first = make_editor(qtbot, fake_time, media, lyrics, output)
    play_and_tap_at(qtbot, first, fake_time, [1_000, 2_500, 4_000])
    first.controller.nudge(Edge.START, -10)
    taps = first.controller.taps.to_lines()
    # The first editor is never closed nor saved (as after a kill); a new one starts.
    second = make_editor(qtbot, fake_time, media, lyrics, output, resume=True)
    assert second.controller.taps.to_lines() == taps
    assert second.controller.taps.cursor == 3 and second.controller.dirty
    assert "(lines timed: 3 of 4)" in second.statusBar().currentMessage()
    play_and_tap_at(qtbot, second, fake_time, [6_000])  # and tapping goes on
    assert second.controller.taps.start_ms(3) == 6_000
    assert replay(journal_path(output)).session.to_lines() == second.controller.taps.to_lines()


def test_closing_without_saving_keeps_the_journal_and_start_over_deletes_it(
    qtbot, fake_time, song, tmp_path
):
    media, lyrics = song
    output = tmp_path / "song.srt"
    first = make_editor(qtbot, fake_time, media, lyrics, output)
    play_and_tap_at(qtbot, first, fake_time, [1_000])
    assert first.close()
    assert journal_path(output).exists()
    again = make_editor(qtbot, fake_time, media, lyrics, output, resume=False)
    assert again.controller.taps.untimed_count == 4
    assert not journal_path(output).exists()


def test_closing_can_save_or_be_cancelled(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.srt", unsaved="cancel")
    play_and_tap_at(qtbot, window, fake_time, [1_000, 2_000, 3_000, 4_000])
    assert not window.close() and window.isVisible()
    window.unsaved_answer = "save"
    assert window.close()
    assert len(read_lyrics(tmp_path / "song.srt").lines) == 4


# Starting, and the waveform -------------------------------------------------------------------


def test_timed_lyrics_open_with_their_times_and_everything_done(qtbot, fake_time, song, tmp_path):
    media, _ = song
    lrc = tmp_path / "words.lrc"
    lrc.write_text(
        "[00:01.000]<00:01.000>uno <00:01.400>dos<00:02.000>\n[00:03.000]tres\n[00:04.000]\n"
    )
    assert default_output(media, read_lyrics(lrc)) == media.with_suffix(".lrc")
    window = make_editor(qtbot, fake_time, media, lrc, tmp_path / "out.lrc")
    assert window.controller.taps.untimed_count == 0 and window.controller.chosen == 1
    assert "All lines are timed" in window.next_panel.next_label.text()
    assert not window.lines.isColumnHidden(3)  # the words column, since there are words


def test_the_waveform_strip_shows_the_envelope_and_clicks_seek_or_place(
    qtbot, fake_time, song, tmp_path
):
    media, lyrics = song
    decoded = threading.Event()

    def decode(_media, _cancelled):
        decoded.set()
        return Envelope(10, bytes(range(256)) * 10)

    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.srt", decode=decode)
    qtbot.waitUntil(lambda: window.strip.envelope is not None, timeout=5000)
    play_and_tap_at(qtbot, window, fake_time, [1_000, 3_000])
    window.controller.session.pause()
    strip = window.strip
    x = round(strip.x_of(2_500))
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, 40))
    assert abs(window.controller.session.position_ms() - 2_500) <= strip.span_ms / strip.width() + 1
    target = strip.time_at(strip.x_of(2_600))
    qtbot.mouseClick(
        strip,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        QPoint(round(strip.x_of(2_600)), 40),
    )
    assert abs(window.controller.taps.start_ms(1) - target) <= strip.span_ms / strip.width() + 1
    strip.grab()  # paints without error, envelope and marks included


def test_a_failed_decode_says_no_waveform_and_the_editor_works_on(qtbot, fake_time, song, tmp_path):
    media, lyrics = song

    def decode(_media, _cancelled):
        raise DecodeError("the media has no audio track")

    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.srt", decode=decode)
    qtbot.waitUntil(lambda: "No waveform" in window.strip.message, timeout=5000)
    assert window.strip.message == "No waveform: the media has no audio track"
    play_and_tap_at(qtbot, window, fake_time, [1_000])
    assert window.controller.taps.start_ms(0) == 1_000
    window.strip.grab()


def test_file_time_lyrics_in_the_main_window_opens_the_editor(qtbot, fake_time, song, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from karaoke.app.commands import PlayerCommand
    from karaoke.player import decode
    from karaoke.ui.timing import editor_window as sync_window
    from tests.ui.conftest import make_settings, make_window

    media, lyrics = song
    main = make_window(qtbot, fake_time, make_settings(media.parent / "settings.ini"))
    time_lyrics = main.action(PlayerCommand.TIME_LYRICS)
    assert time_lyrics in main.menuBar().actions()[0].menu().actions()
    answers = iter([(str(media), ""), (str(lyrics), "")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: next(answers))
    monkeypatch.setattr(decode, "load_libvlc", lambda _args: (None, "not in this test"))
    time_lyrics.trigger()
    (editor,) = sync_window._open_editors
    qtbot.waitUntil(lambda: "not in this test" in editor.strip.message)
    qtbot.addWidget(editor)
    editor.unsaved_answer = "close"
    assert editor.controller.output == media.with_suffix(".srt")
    assert len(editor.controller.taps) == 4 and editor.isVisible()
    assert isinstance(
        editor.controller.session.player, FakePlayer
    )  # the main window's player factory
    editor.close()
    assert not sync_window._open_editors


# Actions, menus, help and controls ----------------------------------------------------------------


def test_every_command_is_an_action_with_its_label_and_keys(editor):
    assert set(editor.command_actions) == set(TimingCommand)
    for command, action in editor.command_actions.items():
        assert action.text() == command.label
        assert [key.toString() for key in action.shortcuts()] == [
            QKeySequence(key).toString() for key in command.keys
        ]
        assert action in editor.actions()  # the keys work with the menu bar hidden, too


def menu_tree(menu) -> list:
    """A menu's entries as labels, "-" for a separator, [title, entries] for a submenu."""
    tree = []
    for action in menu.actions():
        if action.isSeparator():
            tree.append("-")
        elif action.menu() is not None:
            tree.append([action.text(), menu_tree(action.menu())])
        else:
            tree.append(action.text())
    return tree


def test_the_menus_hold_every_command_in_the_same_places_as_before(editor):
    T = TimingCommand
    bar = [[action.text(), menu_tree(action.menu())] for action in editor.menuBar().actions()]
    nudges = [
        T.START_EARLIER, T.START_EARLIER_MORE, T.START_LATER, T.START_LATER_MORE,
        T.END_EARLIER, T.END_EARLIER_MORE, T.END_LATER, T.END_LATER_MORE,
    ]  # fmt: skip
    assert bar == [
        ["&File", [T.SAVE.label, T.SAVE_AS.label, T.SAVE_PACKAGE.label, "-", T.CLOSE.label]],
        [
            "&Timing",
            [
                *(c.label for c in (T.TAP, T.END, T.WORDS, T.UNDO)),
                "-",
                *(c.label for c in (T.CHOOSE_PREVIOUS, T.CHOOSE_NEXT, T.RETAP)),
                ["&Nudge the chosen line", [c.label for c in nudges]],
            ],
        ],
        [
            "&Playback",
            [
                *(c.label for c in (T.PLAY, T.LOOP, T.BACK, T.FORWARD, T.TO_START)),
                "-",
                T.SLOWER.label,
                T.FASTER.label,
                T.NORMAL_SPEED.label,
            ],
        ],
        ["&Help", [T.HELP.label]],
    ]


def test_f1_shows_every_key_and_what_the_mouse_does_with_the_media_paused(qtbot, editor, fake_time):
    from karaoke.ui.shared.key_sheet import KeySheet

    play_and_tap_at(qtbot, editor, fake_time, [1_000])
    seen = {}

    def read_and_close() -> None:
        sheet = QApplication.activeModalWidget()
        assert isinstance(sheet, KeySheet)
        seen["title"], seen["footer"] = sheet.windowTitle(), sheet.footer.text()
        seen["entries"] = list(sheet.entries)
        seen["playing"] = editor.controller.session.playing
        sheet.reject()

    QTimer.singleShot(0, read_and_close)
    press(qtbot, editor, Qt.Key.Key_F1)
    assert seen["title"] == "Timing editor keys"
    assert (
        seen["footer"] == mouse_help() and "Shift+click to start the chosen line" in seen["footer"]
    )
    assert seen["entries"] == list(TimingCommand)  # every command has keys
    assert seen["playing"] is False  # paused while the sheet is open…
    assert editor.controller.session.playing  # …and playing on after


def test_the_controls_drive_the_controller_and_follow_it(qtbot, editor, fake_time):
    controls = editor.controls
    controls.speed.setCurrentIndex(controls.speed.findData(0.7))
    assert editor.controller.session.rate == 0.7
    press(qtbot, editor, Qt.Key.Key_BracketLeft)
    assert controls.speed.currentData() == 0.6  # the combo follows the key
    press(qtbot, editor, Qt.Key.Key_Equal)
    assert controls.speed.currentData() == 1.0 and editor.controller.session.rate == 1.0
    controls.words_box.click()
    assert editor.controller.word_mode
    press(qtbot, editor, Qt.Key.Key_W)
    assert not controls.words_box.isChecked()
    qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    assert editor.controller.session.playing
    play_and_tap_at(qtbot, editor, fake_time, [1_000])
    assert editor.windowTitle() == "Time lyrics — • song.srt — Karaoke de ciencia"
    assert editor.progress.text() == "Lines timed: 1 of 4"
    qtbot.mouseClick(controls.save_button, Qt.MouseButton.LeftButton)
    assert editor.controller.output.exists()
    assert editor.windowTitle() == "Time lyrics — song.srt — Karaoke de ciencia"


def test_a_warning_beeps_and_shows_in_the_status_bar(qtbot, editor, monkeypatch):
    from PySide6.QtWidgets import QApplication

    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(True))
    press(qtbot, editor, Qt.Key.Key_L)  # nothing is timed: nothing to loop
    assert beeps == [True]
    assert editor.statusBar().currentMessage() == "Line 1 has no time yet: nothing to loop."
