"""VlcPlayer against the real libvlc, with dummy audio and video outputs (no mocks).

Media are made here (a WAV tone with the ``wave`` module, a damaged file, a text file) plus the
demo video of the bundled song. Waits are on signals; libvlc plays in real time, so the module
takes some seconds. Without libvlc, deselect it with ``-m "not vlc"``.
"""

from __future__ import annotations

import math
import os
import struct
import sys
import threading
import time
import wave
from pathlib import Path

import pytest

from karaoke.player.base import State
from karaoke.player.vlc_player import ARGS_ENV_VAR, VlcPlayer, load_libvlc
from tests.conftest import REPO

pytestmark = pytest.mark.vlc

DEMO_VIDEO = REPO / "assets" / "demo" / "mi-modelito-sabanero.mp4"
DUMMY_OUTPUTS = ("--aout=dummy", "--vout=dummy")


def write_tone(path: Path, seconds: float, rate: int = 8000) -> Path:
    """A 440 Hz mono 16-bit tone of ``seconds``."""
    frames = b"".join(
        struct.pack("<h", int(12_000 * math.sin(2 * math.pi * 440 * i / rate)))
        for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


class Recorder:
    """What a player emitted, and whether every signal reached the GUI (main) thread."""

    def __init__(self, player: VlcPlayer) -> None:
        self.times: list[int] = []
        self.lengths: list[int] = []
        self.states: list[str] = []
        self.errors: list[str] = []
        self.off_gui_thread = 0
        player.time_changed.connect(lambda ms: self._add(self.times, ms))
        player.length_changed.connect(lambda ms: self._add(self.lengths, ms))
        player.state_changed.connect(lambda state: self._add(self.states, state))
        player.error.connect(lambda message: self._add(self.errors, message))

    def _add(self, into: list, value) -> None:
        if threading.current_thread() is not threading.main_thread():
            self.off_gui_thread += 1
        into.append(value)


def is_state(expected: str):
    return lambda state: state == expected


def at_least(ms: int):
    return lambda time_ms: time_ms >= ms


@pytest.fixture(scope="module")
def instance():
    vlc_instance, problem = load_libvlc(DUMMY_OUTPUTS)
    assert vlc_instance is not None, problem
    yield vlc_instance
    vlc_instance.release()


@pytest.fixture
def player(qapp, instance):
    vlc_player = VlcPlayer(instance)
    yield vlc_player
    vlc_player.close()


@pytest.fixture
def rec(player) -> Recorder:
    return Recorder(player)


@pytest.fixture(scope="module")
def media(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="module")
def tone_3s(media) -> Path:
    return write_tone(media / "tone-3s.wav", 3)


@pytest.fixture(scope="module")
def tone_10s(media) -> Path:
    # Seek tests use a longer file: libvlc 3 reads a file of a few seconds to its end at once,
    # and a seek after that (dummy output or not) may end playback early.
    return write_tone(media / "tone-10s.wav", 10)


def start(qtbot, player: VlcPlayer, rec: Recorder, path: Path) -> None:
    """Load and play ``path``; return once libvlc has reported a time after the start."""
    player.load(str(path))
    player.play()
    qtbot.waitUntil(lambda: any(t > 0 for t in rec.times), timeout=5000)


# Loading libvlc -----------------------------------------------------------------------------------


def test_load_libvlc_without_python_vlc_explains_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "vlc", None)  # `import vlc` raises ImportError
    vlc_instance, problem = load_libvlc(DUMMY_OUTPUTS)
    assert vlc_instance is None
    assert "apt install vlc-plugin-base libvlc5" in problem
    assert "videolan.org" in problem


def test_load_libvlc_reports_an_argument_libvlc_refuses(monkeypatch):
    monkeypatch.setenv(ARGS_ENV_VAR, "--volume-step=2 --no-such-vlc-option")
    vlc_instance, problem = load_libvlc(DUMMY_OUTPUTS)
    assert vlc_instance is None
    assert "--no-such-vlc-option" in problem
    assert ARGS_ENV_VAR in problem
    assert "apt install" in problem


def test_load_libvlc_takes_arguments_from_the_environment(monkeypatch):
    monkeypatch.setenv(ARGS_ENV_VAR, "--volume-step=2")
    vlc_instance, problem = load_libvlc(DUMMY_OUTPUTS)
    assert problem is None
    vlc_instance.release()


# Playing --------------------------------------------------------------------------------------------


def test_reports_length_and_advancing_time_on_the_gui_thread(qtbot, player, rec, tone_3s):
    player.load(str(tone_3s))
    # The length comes from parsing the file, before anything plays.
    qtbot.waitUntil(lambda: bool(rec.lengths), timeout=3000)
    assert abs(rec.lengths[-1] - 3000) <= 50
    assert player.length_ms() == rec.lengths[-1]
    assert player.state() is State.STOPPED
    player.play()
    qtbot.waitUntil(lambda: len(rec.times) >= 3, timeout=3000)
    assert rec.times == sorted(rec.times)
    assert len(set(rec.times)) == len(rec.times)
    assert rec.states[:2] == ["opening", "playing"]
    assert player.state() is State.PLAYING
    assert 0 < player.position_ms() <= 3000
    assert rec.off_gui_thread == 0


def test_seek_while_playing_lands(qtbot, player, rec, tone_10s):
    start(qtbot, player, rec, tone_10s)
    with qtbot.waitSignal(
        player.time_changed, timeout=2000, check_params_cb=at_least(1900)
    ) as seek_report:
        player.seek(2000)
    assert seek_report.args == [2000]
    assert 1900 <= player.position_ms() <= 3000
    seen = len(rec.times)
    qtbot.waitUntil(lambda: len(rec.times) > seen, timeout=2000)  # libvlc's own next time
    assert all(1900 <= t <= 3500 for t in rec.times[seen - 1 :])


def test_seek_before_play_is_applied_when_playing(qtbot, player, rec, tone_10s):
    player.load(str(tone_10s))
    with qtbot.waitSignal(player.time_changed, timeout=2000) as seek_report:
        player.seek(4000)
    assert seek_report.args == [4000]
    assert player.position_ms() == 4000
    assert player.state() is State.STOPPED
    player.play()
    qtbot.waitUntil(lambda: rec.times[-1] > 4000, timeout=3000)
    assert min(rec.times) >= 3900  # libvlc may resume a few ms before the target


def test_pause_stops_time_and_seek_works_while_paused(qtbot, player, rec, tone_10s):
    start(qtbot, player, rec, tone_10s)
    with qtbot.waitSignal(player.state_changed, timeout=2000, check_params_cb=is_state("paused")):
        player.pause()
    held = player.position_ms()
    with qtbot.assertNotEmitted(player.time_changed, wait=800):
        pass
    assert player.position_ms() == held
    assert player.state() is State.PAUSED

    # libvlc sends no time event for a paused seek: the player reports it itself.
    with qtbot.waitSignal(player.time_changed, timeout=2000) as seek_report:
        player.seek(6000)
    assert seek_report.args == [6000]
    assert player.position_ms() == 6000
    assert player.state() is State.PAUSED

    with qtbot.waitSignal(player.state_changed, timeout=2000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: rec.times[-1] > 6000, timeout=2000)
    assert rec.times[-1] < 7500


def test_rate_speeds_up_media_time(qtbot, player, rec, tone_10s):
    player.set_rate(2.0)
    player.set_volume(40)  # accepted even before there is an audio output
    stamps: list[tuple[float, int]] = []
    player.time_changed.connect(lambda ms: stamps.append((time.monotonic(), ms)))
    start(qtbot, player, rec, tone_10s)
    qtbot.waitUntil(lambda: bool(stamps) and stamps[-1][0] - stamps[0][0] >= 1.0, timeout=3000)
    (t0, ms0), (t1, ms1) = stamps[0], stamps[-1]
    speed = (ms1 - ms0) / ((t1 - t0) * 1000)
    assert 1.6 <= speed <= 2.5


def test_end_is_reported_at_the_length(qtbot, player, rec, tone_3s):
    player.load(str(tone_3s))
    with qtbot.waitSignal(player.state_changed, timeout=6000, check_params_cb=is_state("ended")):
        player.play()
    assert rec.times[-1] == 3000
    assert player.position_ms() == 3000
    assert player.state() is State.ENDED


def test_play_after_the_end_plays_again_from_the_start(qtbot, player, rec, tone_3s):
    player.load(str(tone_3s))
    with qtbot.waitSignal(player.state_changed, timeout=6000, check_params_cb=is_state("ended")):
        player.play()
    ended_at = len(rec.times)
    with qtbot.waitSignal(player.state_changed, timeout=3000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: any(0 < t < 1500 for t in rec.times[ended_at:]), timeout=3000)
    assert rec.times[ended_at] == 0  # the restart is reported as a jump to the start
    with qtbot.waitSignal(player.state_changed, timeout=6000, check_params_cb=is_state("ended")):
        pass


def test_seek_after_the_end_waits_paused_then_plays_from_there(qtbot, player, rec, tone_3s):
    player.load(str(tone_3s))
    with qtbot.waitSignal(player.state_changed, timeout=6000, check_params_cb=is_state("ended")):
        player.play()
    with qtbot.waitSignal(player.time_changed, timeout=2000) as seek_report:
        player.seek(1000)
    assert seek_report.args == [1000]
    assert player.state() is State.PAUSED
    assert player.position_ms() == 1000
    with qtbot.waitSignal(player.state_changed, timeout=3000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: rec.times[-1] > 1000, timeout=2000)
    assert rec.times[-1] < 2500


# Failing -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("broken.mp4", os.urandom(50_000)),
        ("notes.mp3", b"These are my lyrics, not music.\nNothing to hear here.\n"),
    ],
)
def test_a_file_vlc_cannot_play_is_an_error(qtbot, player, rec, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    player.load(str(path))
    with qtbot.waitSignal(player.error, timeout=5000) as failure:
        player.play()
    message = failure.args[0]
    assert str(path) in message
    assert "damaged or in a format VLC does not know" in message
    assert "error" in rec.states
    assert player.state() is State.ERROR


def test_a_missing_file_is_an_error_from_the_event_loop(qtbot, player, rec, tmp_path):
    missing = tmp_path / "gone" / "song.mp4"
    player.load(str(missing))
    assert rec.errors == []  # not during load(): like every other error
    with qtbot.waitSignal(player.error, timeout=2000) as failure:
        pass
    assert str(missing) in failure.args[0]
    assert "does not exist" in failure.args[0]
    assert rec.states[-1] == "error"
    player.play()  # nothing to play: no crash, no change
    player.seek(1000)
    assert player.state() is State.ERROR


def test_a_new_load_after_an_error_plays(qtbot, player, rec, tmp_path, tone_3s):
    player.load(str(tmp_path / "missing.wav"))
    qtbot.waitUntil(lambda: bool(rec.errors), timeout=2000)
    start(qtbot, player, rec, tone_3s)
    assert player.state() is State.PLAYING


# Closing -----------------------------------------------------------------------------------------


def test_close_right_after_the_end_returns_promptly(qtbot, player, tone_3s):
    took: list[float] = []

    def close_on_end(state: str) -> None:
        if state == "ended":
            started = time.monotonic()
            player.close()
            took.append(time.monotonic() - started)

    player.state_changed.connect(close_on_end)
    player.load(str(tone_3s))
    player.play()
    qtbot.waitUntil(lambda: bool(took), timeout=6000)
    assert took[0] < 2.0  # a hang check: stop() from the EndReached callback took 12 s
    player.close()  # idempotent
    player.play()  # no-ops after close
    player.seek(10)
    assert player.position_ms() == 3000


def test_close_while_playing_returns_promptly(qtbot, player, rec, tone_10s):
    start(qtbot, player, rec, tone_10s)
    started = time.monotonic()
    player.close()
    assert time.monotonic() - started < 2.0
    seen = len(rec.times)
    qtbot.wait(300)  # events already queued by libvlc are dropped, none come later
    assert len(rec.times) == seen


# Video ---------------------------------------------------------------------------------------------


def test_plays_and_seeks_the_demo_video(qtbot, player, rec):
    assert DEMO_VIDEO.is_file(), f"{DEMO_VIDEO} is missing: run tools/make_demo_media.py"
    assert player.has_video_output
    start(qtbot, player, rec, DEMO_VIDEO)
    qtbot.waitUntil(lambda: len([t for t in rec.times if t > 0]) >= 2, timeout=3000)
    length = player.length_ms()
    assert length > 60_000
    middle = length // 2
    player.seek(middle)
    qtbot.waitUntil(lambda: rec.times[-1] > middle, timeout=3000)
    assert middle <= player.position_ms() <= middle + 2000
    started = time.monotonic()
    player.close()
    assert time.monotonic() - started < 2.0
