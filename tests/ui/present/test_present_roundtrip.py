"""Entering and leaving presenting keeps where the class was: position, playing or paused, rate,
volume, lyrics offset, teaching pauses, vocals off and the key; back in the main window the length is known, the seek
bar is at the position and the first Space works. Once on the fake player (exact), once through
real libvlc with dummy outputs (behaviour, with a generous margin for its timing), and once on
a real X server, where the video must show and the main window must take the keys back."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from karaoke.app.players import player_factory
from karaoke.core.package import open_song
from karaoke.core.timefmt import format_ms
from karaoke.player.base import State
from karaoke.ui.player.main_window import MainWindow
from tests.conftest import BUNDLED, REPO
from tests.ui.conftest import make_settings
from tests.ui.present.roundtrip_probe import lit_share
from tests.ui.test_runtime_failures import DUMMY
from tests.ui.xvfb import xvfb_display

#: libvlc's time comes in 250–500 ms steps and the hand-over takes a moment: allow this much.
MARGIN_MS = 1_500


def leave_with_esc(qtbot, window: MainWindow) -> None:
    presentation = window.presentation
    assert presentation is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presentation.audience)
    qtbot.keyClick(presentation.audience, Qt.Key.Key_Escape)
    assert window.presentation is None


def test_presenting_and_back_keeps_everything_on_the_fake_player(window, qtbot):
    session = window.session
    window.set_teaching(True)
    window.set_rate(0.75)
    window.transport.volume.setValue(40)
    session.seek(47_000)
    session.set_offset(session.offset_ms - 100)
    session.set_vocals_off(True)
    session.set_key_shift(-2)
    offset = session.offset_ms

    window.start_presenting()
    presenting = window.presentation.session
    assert presenting is not session and not presenting.playing
    assert presenting.position_ms() == 47_000
    assert (presenting.rate, presenting.offset_ms, presenting.teaching) == (0.75, offset, True)
    assert (presenting.vocals_off, presenting.key_shift) == (True, -2)
    assert window.presentation.console.transport.speed.currentData() == 0.75
    assert window.presentation.console.transport.volume.value() == 40
    presenting.seek(52_000)
    presenting.set_offset(offset - 50)  # G while presenting
    presenting.set_key_shift(-1)  # K

    leave_with_esc(qtbot, window)
    back = window.session
    assert back is not presenting and not back.playing
    assert back.position_ms() == 52_000
    assert (back.rate, back.offset_ms, back.teaching) == (0.75, offset - 50, True)
    assert (back.vocals_off, back.key_shift) == (True, -1)
    assert window.teaching and window.transport.volume.value() == 40
    assert window.transport.time_label.text() == f"0:52 / {format_ms(back.length_ms, millis=False)}"
    assert window.transport.seek.value() == 52_000
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.lyrics, Qt.Key.Key_Space)  # the first Space plays
    assert back.playing


@pytest.fixture
def vlc_window(qtbot, settings_path):
    window = MainWindow(player_factory(DUMMY), make_settings(settings_path))
    qtbot.addWidget(window)
    window.show()
    window.load(open_song(BUNDLED), start_ms=20_000)
    session = window.session
    qtbot.waitUntil(lambda: session.player.state() == State.PLAYING, timeout=15_000)
    qtbot.waitUntil(lambda: session.length_ms > 0, timeout=15_000)
    yield window
    window.close()


@pytest.mark.vlc
@pytest.mark.parametrize("playing", [True, False], ids=["playing", "paused"])
def test_presenting_and_back_through_libvlc(vlc_window, qtbot, playing):
    window = vlc_window
    window.set_rate(1.25)
    window.nudge_offset(-100)
    window.transport.volume.setValue(40)
    offset = window.session.offset_ms
    if not playing:
        window.session.pause()

    window.start_presenting()
    presenting = window.presentation.session
    assert presenting.playing is playing
    assert (presenting.rate, presenting.offset_ms) == (1.25, offset)
    wanted = State.PLAYING if playing else State.PAUSED  # paused: after showing its frame
    qtbot.waitUntil(lambda: presenting.player.state() == wanted, timeout=15_000)
    at_esc = presenting.position_ms()

    leave_with_esc(qtbot, window)
    back = window.session
    assert back.playing is playing
    assert abs(back.position_ms() - at_esc) < MARGIN_MS
    assert (back.rate, back.offset_ms) == (1.25, offset)
    assert window.settings.volume == 40 and window.transport.volume.value() == 40
    qtbot.waitUntil(lambda: back.player.state() == wanted, timeout=15_000)
    length = format_ms(160_800, millis=False)  # the demo video's, known once libvlc read it
    qtbot.waitUntil(lambda: window.transport.time_label.text().endswith(f"/ {length}"))
    assert abs(window.transport.seek.value() - back.position_ms()) < MARGIN_MS
    assert window.transport.seek.maximum() == back.length_ms > 0
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    qtbot.keyClick(window.lyrics, Qt.Key.Key_Space)  # one toggle
    assert back.playing is not playing
    toggled = State.PAUSED if playing else State.PLAYING
    qtbot.waitUntil(lambda: back.player.state() == toggled, timeout=15_000)


@pytest.mark.xvfb
@pytest.mark.vlc
@pytest.mark.parametrize("paused", [False, True], ids=["playing", "paused"])
def test_on_a_real_screen_esc_comes_back_to_the_video_and_space_works(tmp_path, paused):
    shot = tmp_path / "screen.png"
    with xvfb_display("1366x768") as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
        env.pop("WAYLAND_DISPLAY", None)
        args = [sys.executable, "-m", "tests.ui.present.roundtrip_probe", str(shot)]
        run = subprocess.run(
            args + (["--paused"] if paused else []),
            cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    info = json.loads(run.stdout.strip().splitlines()[-1])
    assert info["presented"]
    assert info["active"], "the main window must take the keys back"
    assert info["playing"] is not paused
    assert info["playing_after_space"] is paused  # the first Space toggled
    assert info["time"].endswith("/ 2:40"), info["time"]  # the length is known
    value, maximum = info["seek"]
    assert maximum > 0 and abs(value - info["position_ms"]) < MARGIN_MS
    image = QImage(str(shot))
    assert lit_share(image, info["video"]) > 0.5, "the video is black"
