"""The timing editor on the fake player, driven by a hand-advanced clock: taps land on exact
media times at any speed, a killed editor resumes from its journal, saved files pass
``karaoke check``, and a file that cannot be written loses no tap."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from karaoke.cli.check import run_check
from karaoke.core.clock import PlaybackClock
from karaoke.core.envelope import Envelope
from karaoke.core.formats import read_lyrics
from karaoke.core.journal import journal_path, replay
from karaoke.player.fake_player import FakePlayer
from karaoke.ui.timing.editor_window import PREROLL_MS, SyncWindow, default_output
from tests.conftest import REPO, FakeTime

WORDS = "Con mi burrito sabanero\nred neuronal\n\ndel lenguaje natural\nvoy entrenando\n"
MEDIA_LENGTH_MS = 180_000


@pytest.fixture
def song(tmp_path: Path) -> tuple[Path, Path]:
    """A (fake) media file and plain-text lyrics of four lines in two stanzas."""
    media = tmp_path / "song.mp4"
    media.write_bytes(b"the fake player never reads it")
    lyrics = tmp_path / "words.txt"
    lyrics.write_text(WORDS)
    return media, lyrics


def make_editor(qtbot, fake_time: FakeTime, media: Path, lyrics: Path, output: Path, **options):
    def fake_player(_song):
        return FakePlayer(MEDIA_LENGTH_MS, now_ns=fake_time), None

    options.setdefault("unsaved", "close")  # no dialog may open in a test: answer ahead
    options.setdefault("save_partial", True)
    options.setdefault("decode", None)
    window = SyncWindow(
        media,
        read_lyrics(lyrics),
        output,
        make_player=fake_player,
        make_clock=lambda: PlaybackClock(fake_time),
        **options,
    )
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


def play_and_tap_at(qtbot, window, fake_time, media_times, key=Qt.Key.Key_Space):
    """Play from where the media is, and press ``key`` when the *media* reaches each time
    (the wall clock runs slower or faster with the speed)."""
    if not window.session.playing:
        press(qtbot, window, Qt.Key.Key_P)
    for media_ms in media_times:
        wall_ms = (media_ms - window.session.position_ms()) / window.session.rate
        fake_time.advance(wall_ms)
        window.session.player.tick()  # a coarse player update, as libvlc sends
        press(qtbot, window, key)


# Taps ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rate", [1.0, 0.5])
def test_taps_at_known_media_times_give_exact_timings(qtbot, editor, fake_time, rate):
    editor.set_rate(rate)
    play_and_tap_at(qtbot, editor, fake_time, [1_000, 2_437, 5_003, 7_250, 9_999])
    lines = editor.taps.to_lines()
    assert [(ln.start_ms, ln.end_ms) for ln in lines] == [
        (1_000, 2_437),
        (2_437, 5_003),
        (5_003, 7_250),
        (7_250, 9_999),  # the tap after the last start ends it
    ]
    assert editor.controls.speed.currentData() == rate


def test_every_tap_key_taps_like_a_clicker_does(qtbot, editor, fake_time):
    keys = [Qt.Key.Key_Return, Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Enter]
    press(qtbot, editor, Qt.Key.Key_P)
    for number, key in enumerate(keys, start=1):
        fake_time.advance(1000)
        press(qtbot, editor, key)
        assert editor.taps.start_ms(number - 1) == number * 1000


def test_a_tap_while_paused_plays_instead_of_tapping(qtbot, editor):
    assert not editor.session.playing
    press(qtbot, editor, Qt.Key.Key_Space)
    assert editor.session.playing
    assert editor.taps.untimed_count == 4
    assert "tap when line 1 starts" in editor.statusBar().currentMessage().lower()


def test_explicit_end_and_undo_from_the_keyboard(qtbot, editor, fake_time):
    play_and_tap_at(qtbot, editor, fake_time, [1_000])
    play_and_tap_at(qtbot, editor, fake_time, [1_800], key=Qt.Key.Key_E)
    play_and_tap_at(qtbot, editor, fake_time, [3_000])
    first = editor.taps.to_lines()[0]
    assert (first.start_ms, first.end_ms) == (1_000, 1_800)
    press(qtbot, editor, Qt.Key.Key_Backspace)
    press(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.taps.to_lines()[0].end_ms == 1_000 + 5_000  # back to the implied end
    press(qtbot, editor, Qt.Key.Key_PageUp)  # a clicker's "back"
    assert editor.taps.untimed_count == 4


def test_nudges_from_the_keyboard_move_the_chosen_line(qtbot, editor, fake_time):
    play_and_tap_at(qtbot, editor, fake_time, [1_000, 3_000, 6_000])
    press(qtbot, editor, Qt.Key.Key_Up)  # the tapped line 3 was chosen; now line 2
    assert editor.chosen == 1
    press(qtbot, editor, Qt.Key.Key_BracketLeft)
    assert editor.taps.start_ms(1) == 2_990
    press(qtbot, editor, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert editor.taps.start_ms(1) == 3_090
    press(qtbot, editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert editor.taps.start_ms(1) == 3_080
    press(qtbot, editor, Qt.Key.Key_BraceLeft)
    assert editor.taps.end_ms(1) == 5_990
    press(
        qtbot,
        editor,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.taps.end_ms(1) == 6_000  # held at the next start
    press(qtbot, editor, Qt.Key.Key_Down)
    press(qtbot, editor, Qt.Key.Key_BracketLeft)
    assert editor.taps.start_ms(2) == 5_990


def test_retap_plays_from_before_the_chosen_line_and_taps_from_it(qtbot, editor, fake_time):
    play_and_tap_at(qtbot, editor, fake_time, [4_000, 6_000, 8_000, 10_000])
    editor.session.pause()
    editor.choose(1)
    press(qtbot, editor, Qt.Key.Key_R)
    assert editor.session.playing
    assert editor.session.position_ms() == 6_000 - PREROLL_MS
    assert editor.taps.cursor == 1
    play_and_tap_at(qtbot, editor, fake_time, [6_120])
    assert editor.taps.start_ms(1) == 6_120 and editor.taps.start_ms(2) == 8_000


def test_loop_preview_repeats_the_chosen_line(qtbot, editor, fake_time):
    play_and_tap_at(qtbot, editor, fake_time, [1_000, 2_000, 3_000])
    editor.choose(1)
    press(qtbot, editor, Qt.Key.Key_L)
    assert editor.session.position_ms() == 2_000 - 300
    fake_time.advance(1_400)  # past the line's end (3,000)
    editor._check_loop()
    assert editor.session.position_ms() == 2_000 - 300
    press(qtbot, editor, Qt.Key.Key_Space)  # a tap key stops the loop, without tapping
    assert editor._loop_line is None and editor.taps.cursor == 3


def test_word_mode_taps_words_and_saves_them_in_lrc(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.lrc")
    press(qtbot, window, Qt.Key.Key_W)
    assert window.word_mode and window.controls.words_box.isChecked()
    play_and_tap_at(qtbot, window, fake_time, [1_000, 1_300, 1_600, 2_000, 2_500, 2_900])
    assert window.taps.to_lines()[0].words[-1].start_ms == 2_000
    assert window.save()
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
    assert editor.save()
    assert editor.saved_path == media.with_suffix(".srt")
    assert not journal_path(editor.output).exists()  # deleted after a successful save
    assert not editor.dirty and "•" not in editor.windowTitle()
    assert run_check(media) == 0  # karaoke MEDIA finds song.srt beside it
    assert "4 lines" in capsys.readouterr().out
    assert f"karaoke {media}" in editor.statusBar().currentMessage()


def test_saving_again_keeps_the_previous_file_as_bak(qtbot, editor, fake_time):
    tap_everything(qtbot, editor, fake_time)
    editor.save()
    first = editor.output.read_bytes()
    editor.choose(0)
    editor.nudge("start", 10)
    editor.save()
    assert editor.output.with_name("song.srt.bak").read_bytes() == first


def test_saving_with_untimed_lines_leaves_them_out_when_allowed(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.srt", save_partial=False)
    play_and_tap_at(qtbot, window, fake_time, [1_000, 2_000])
    assert not window.save() and not window.output.exists()
    window.save_partial_answer = True
    assert window.save()
    assert [ln.text for ln in read_lyrics(window.output).lines] == [
        "Con mi burrito sabanero",
        "red neuronal",
    ]


def test_save_as_package_makes_a_package_that_check_accepts_but_for_explanations(
    qtbot, editor, fake_time, tmp_path, capsys
):
    tap_everything(qtbot, editor, fake_time)
    assert editor.save_package(tmp_path / "new-song")
    assert editor.saved_path == tmp_path / "new-song" / "song.toml"
    assert run_check(tmp_path / "new-song") == 1
    warnings = [
        row.split(": warning: ")[1]
        for row in capsys.readouterr().out.splitlines()
        if ": warning: " in row
    ]
    assert warnings == ["stanza 1 has no explanation", "stanza 2 has no explanation"]


def test_nothing_timed_is_nothing_to_save(editor):
    assert not editor.save()
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
    assert not window.save()
    message = window.banner.label.text()
    assert "Not saved" in message and "part of the path is a file, not a folder" in message
    assert "Your taps are safe" in message
    assert window.dirty and len(window.taps.to_lines()) == 4
    assert window.save_to(tmp_path / "elsewhere.srt")  # and they can go somewhere else
    assert len(read_lyrics(tmp_path / "elsewhere.srt").lines) == 4


def test_a_full_disk_gives_a_clear_message_keeps_the_taps_and_the_journal(
    qtbot, editor, fake_time, monkeypatch
):
    tap_everything(qtbot, editor, fake_time)
    journal = journal_path(editor.output)
    before = journal.read_bytes()

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert not editor.save()
    monkeypatch.undo()
    assert "the disk is full" in editor.banner.label.text()
    assert not editor.output.exists()
    assert journal.read_bytes() == before  # intact
    assert replay(journal).session.to_lines() == editor.taps.to_lines()
    assert editor.save()  # space is back


# Crash, kill and resume ---------------------------------------------------------------------------


def test_an_editor_dropped_mid_session_resumes_with_every_tap(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    first = make_editor(qtbot, fake_time, media, lyrics, output)
    play_and_tap_at(qtbot, first, fake_time, [1_000, 2_500, 4_000])
    first.nudge("start", -10)
    taps = first.taps.to_lines()
    # The first editor is never closed nor saved (as after a kill); a new one starts.
    second = make_editor(qtbot, fake_time, media, lyrics, output, resume=True)
    assert second.taps.to_lines() == taps
    assert second.taps.cursor == 3 and second.dirty
    assert "Resumed: 3 of 4 lines timed" in second.statusBar().currentMessage()
    play_and_tap_at(qtbot, second, fake_time, [6_000])  # and tapping goes on
    assert second.taps.start_ms(3) == 6_000
    assert replay(journal_path(output)).session.to_lines() == second.taps.to_lines()


def test_a_kill_during_a_write_loses_at_most_that_tap(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    first = make_editor(qtbot, fake_time, media, lyrics, output)
    play_and_tap_at(qtbot, first, fake_time, [1_000, 2_500, 4_000])
    with open(journal_path(output), "ab") as journal:
        journal.write(b'{"op":"tap","ms":55')  # the fourth tap, cut short by the kill
    second = make_editor(qtbot, fake_time, media, lyrics, output, resume=True)
    assert second.taps.to_lines() == first.taps.to_lines()
    play_and_tap_at(qtbot, second, fake_time, [5_500])  # the journal was healed: no merge
    assert replay(journal_path(output)).session.start_ms(3) == 5_500


KILLED_EDITOR = """
import os, signal, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from karaoke.core.clock import PlaybackClock
from karaoke.core.formats import read_lyrics
from karaoke.player.fake_player import FakePlayer
from karaoke.ui.timing.editor_window import SyncWindow

class Time:
    ns = 0
    def __call__(self):
        return self.ns

now = Time()
app = QApplication([])
media, lyrics, output = map(Path, sys.argv[1:4])
window = SyncWindow(media, read_lyrics(lyrics), output, decode=None,
                    make_player=lambda song: (FakePlayer(180_000, now_ns=now), None),
                    make_clock=lambda: PlaybackClock(now))
window.play()
for media_ms in (1_000, 2_000, 3_500):
    now.ns = media_ms * 1_000_000
    window.tap()
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_real_kill_loses_no_tap(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    result = subprocess.run(
        [sys.executable, "-c", KILLED_EDITOR, str(media), str(lyrics), str(output)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -9, result.stderr.decode()
    resumed = make_editor(qtbot, fake_time, media, lyrics, output, resume=True)
    assert [ln.start_ms for ln in resumed.taps.to_lines()] == [1_000, 2_000, 3_500]


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
    assert again.taps.untimed_count == 4
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
    assert window.taps.untimed_count == 0 and window.chosen == 1
    assert "All lines are timed" in window.next_panel.text()
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
    window.session.pause()
    strip = window.strip
    x = round(strip.x_of(2_500))
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, 40))
    assert abs(window.session.position_ms() - 2_500) <= strip.span_ms / strip.width() + 1
    target = strip.time_at(strip.x_of(2_600))
    qtbot.mouseClick(
        strip,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        QPoint(round(strip.x_of(2_600)), 40),
    )
    assert abs(window.taps.start_ms(1) - target) <= strip.span_ms / strip.width() + 1
    strip.grab()  # paints without error, envelope and marks included


def test_a_failed_decode_says_no_waveform_and_the_editor_works_on(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    from karaoke.ui.timing.waveform import DecodeError

    def decode(_media, _cancelled):
        raise DecodeError("the media has no audio track")

    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.srt", decode=decode)
    qtbot.waitUntil(lambda: "No waveform" in window.strip.message, timeout=5000)
    assert window.strip.message == "No waveform: the media has no audio track"
    play_and_tap_at(qtbot, window, fake_time, [1_000])
    assert window.taps.start_ms(0) == 1_000
    window.strip.grab()


def test_file_time_lyrics_in_the_main_window_opens_the_editor(qtbot, fake_time, song, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from karaoke.app.commands import PlayerCommand
    from karaoke.ui.timing import editor_window as sync_window
    from karaoke.ui.timing import waveform
    from tests.ui.conftest import make_settings, make_window

    media, lyrics = song
    main = make_window(qtbot, fake_time, make_settings(media.parent / "settings.ini"))
    time_lyrics = main.action(PlayerCommand.TIME_LYRICS)
    assert time_lyrics in main.menuBar().actions()[0].menu().actions()
    answers = iter([(str(media), ""), (str(lyrics), "")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: next(answers))
    monkeypatch.setattr(waveform, "load_libvlc", lambda _args: (None, "not in this test"))
    time_lyrics.trigger()
    (editor,) = sync_window._open_editors
    qtbot.waitUntil(lambda: "not in this test" in editor.strip.message)
    qtbot.addWidget(editor)
    editor.unsaved_answer = "close"
    assert editor.output == media.with_suffix(".srt")
    assert len(editor.taps) == 4 and editor.isVisible()
    assert isinstance(editor.session.player, FakePlayer)  # the main window's player factory
    editor.close()
    assert not sync_window._open_editors
