"""Starting the window as the command line asks (karaoke/ui/launch.py), on the fake player; and
the whole app offscreen, on libvlc."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from karaoke.core.clock import PlaybackClock
from karaoke.core.package import open_song
from karaoke.player.base import State
from karaoke.player.fake_player import FakePlayer
from karaoke.ui import launch
from karaoke.ui.launch import StartOptions, start_song
from karaoke.ui.player.main_window import MainWindow
from tests.conftest import BUNDLED
from tests.ui.conftest import make_settings
from tests.ui.xvfb import xvfb_display

LENGTH_MS = 160_800


def test_paused_shows_the_length_once_the_player_knows_it_and_stays_paused(
    qtbot, fake_time, settings_path
):
    """``karaoke --paused --start 30``: like libvlc, the fake player learns the length after
    loading (parsing the file); the transport then says "0:30 / 2:40", and nothing plays."""
    players: list[FakePlayer] = []

    def unparsed_player(_song):
        players.append(FakePlayer(0, now_ns=fake_time))
        return players[-1], None

    window = MainWindow(
        unparsed_player,
        make_settings(settings_path),
        make_clock=lambda: PlaybackClock(fake_time),
    )
    qtbot.addWidget(window)
    playing: list[bool] = []
    start_song(window, open_song(BUNDLED), StartOptions(start_ms=30_000, paused=True))
    assert window.session is not None
    window.session.playing_changed.connect(playing.append)
    assert window.transport.time_label.text() == "0:30 / 0:00"  # the length is not known yet
    players[0].set_length(LENGTH_MS)
    assert window.transport.time_label.text() == "0:30 / 2:40"
    assert window.transport.seek.maximum() == LENGTH_MS
    assert window.transport.seek.value() == 30_000
    fake_time.advance(5_000)
    window.session.tick()
    assert players[0].state() == State.PAUSED and not window.session.playing
    assert playing == [] and window.transport.time_label.text() == "0:30 / 2:40"


def test_playing_from_the_start_option_plays(qtbot, fake_time, settings_path):
    window = MainWindow(
        lambda song: (FakePlayer(LENGTH_MS, now_ns=fake_time), None),
        make_settings(settings_path),
        make_clock=lambda: PlaybackClock(fake_time),
    )
    qtbot.addWidget(window)
    start_song(window, open_song(BUNDLED), StartOptions(start_ms=30_000))
    assert window.session is not None and window.session.playing
    fake_time.advance(1_000)
    window.session.tick()
    assert window.transport.time_label.text() == "0:31 / 2:40"


@pytest.mark.vlc
def test_offscreen_libvlc_opens_no_video_output_of_its_own(tmp_path):
    """``QT_QPA_PLATFORM=offscreen karaoke``: Qt gives libvlc no window there, and libvlc used
    to open its own video output, colour ASCII art on the terminal, which crashed the app. It
    now plays until the window is ready (``KARAOKE_TIMINGS=exit`` then quits) and leaves the
    terminal alone."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KARAOKE_TIMINGS": "exit",
        "KARAOKE_VLC_ARGS": "--aout=dummy",
        "XDG_CONFIG_HOME": str(tmp_path),  # the settings of this run only
    }
    result = subprocess.run(
        [sys.executable, "-m", "karaoke", "--volume", "0"],
        capture_output=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert b"timing playing" in result.stderr  # libvlc played the video
    assert b"\x1b" not in result.stdout  # no terminal escape codes: no caca output


def test_pyside_reads_no_source_of_the_modules_imported_after_its_scan_is_skipped():
    """PySide6 read the whole source of each module imported after it (to look for
    "PySide6", for its ``__feature__`` switches) and ``linecache`` kept every line: ~7 MB and
    ~35 ms of each start. After :func:`skip_pyside_source_scan` the window's modules are
    imported without being read, and the lines read while PySide6 itself loaded are dropped.
    In a process of its own: this one has imported them all."""
    script = (
        "import linecache, sys\n"
        "from karaoke.ui.launch import skip_pyside_source_scan\n"
        "skip_pyside_source_scan()\n"
        "import karaoke.ui.player.main_window\n"
        "from karaoke.ui.shared.lyrics_view import LyricsView\n"
        "assert 'PySide6.QtWidgets' in sys.modules\n"
        "print(sorted(linecache.cache))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


#: ``karaoke ARGS`` in a fresh interpreter that answers every message box it shows, printing
#: what each said (its text, then its detail) on stdout, one box a line.
ANSWER_DIALOGS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from karaoke.cli.main import main
from karaoke.ui import launch

made = launch.application

def application(*args, **kwargs):
    app = made(*args, **kwargs)

    def answer():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        print(box.text(), '|', box.informativeText(), flush=True)
        box.accept()

    QTimer.singleShot(0, answer)
    return app

launch.application = application
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.xvfb
@pytest.mark.parametrize(
    ("args", "detail"),
    [
        (["{no_cue}"], "{no_cue}:2: no SubRip cue found"),  # read with the frame up
        (["/no/such/song.srt"], "/no/such/song.srt: no such file or folder"),  # read first
    ],
)
def test_started_from_the_desktop_a_song_that_cannot_play_is_said_in_a_dialog(
    tmp_path, args, detail
):
    """From the desktop menu (its entry passes --from-desktop) no terminal shows stderr: the
    problem is said in a message box too, in the interface's language, then karaoke exits 2
    with its one line as from a terminal. Without the option no box opens (the command line's
    tests would hang on one). On a real X server: on a headless platform no box opens."""
    no_cue = tmp_path / "no-cue.srt"
    no_cue.write_text("1\n00:00:01\nA time with no arrow: no player reads it\n")
    args = [arg.format(no_cue=no_cue) for arg in args]
    with xvfb_display("1024x768") as display:
        env = {**os.environ, "LANG": "es_ES.UTF-8", "LANGUAGE": "es", "DISPLAY": display}
        env["QT_QPA_PLATFORM"] = "xcb"
        for from_desktop in (True, False):
            options = ["--from-desktop"] * from_desktop
            result = subprocess.run(
                [sys.executable, "-c", ANSWER_DIALOGS, *options, *args],
                capture_output=True,
                text=True,
                timeout=60,
                env=env,
            )
            assert result.returncode == 2, result.stderr[-2000:]
            lines = result.stderr.splitlines()
            assert len(lines) == 1, result.stderr
            assert lines[0].startswith(f"karaoke: {detail.format(no_cue=no_cue)}")
            said = result.stdout.splitlines()
            if from_desktop:
                assert len(said) == 1, said
                text, shown_detail = said[0].split(" | ")
                assert text == "Esta canción no se puede reproducir."
                assert shown_detail == lines[0].removeprefix("karaoke: ")
            else:
                assert said == []


@pytest.mark.parametrize(
    ("environ", "can"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "minimal:enable_fonts"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, False),  # Qt would abort: no display to connect to
        ({}, False),
    ],
)
def test_a_dialog_is_shown_only_where_a_window_can_open(environ, can):
    assert launch._can_show_a_window(environ) is can


def test_started_from_the_desktop_on_a_headless_platform_it_exits_without_a_dialog(tmp_path):
    """Offscreen no one could answer a box: the one line and exit 2, no wait."""
    no_cue = tmp_path / "no-cue.srt"
    no_cue.write_text("1\n00:00:01\nA time with no arrow: no player reads it\n")
    for args in ([str(no_cue)], ["/no/such/song.srt"]):
        result = subprocess.run(
            [sys.executable, "-c", ANSWER_DIALOGS, "--from-desktop", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "DISPLAY": ":99"},  # offscreen, from tests/conftest.py
        )
        assert result.returncode == 2, result.stderr[-2000:]
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stdout == ""
