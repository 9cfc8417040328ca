"""VlcPlayer against the real libvlc, with dummy audio and video outputs (no mocks).

What every player does (play, pause, seek, rate, the end, errors, close) is checked on this player
too, by ``test_contract.py``; here is what only libvlc does: loading libvlc, the length from
parsing, the ``opening`` state, its error messages, and the demo video. Media are made by the
fixtures (``conftest.py``); libvlc plays in real time. Without libvlc, deselect with ``-m "not vlc"``.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import weakref

import pytest

from karaoke.player.base import State
from karaoke.player.vlc_player import ARGS_ENV_VAR, VlcPlayer, load_libvlc
from tests.conftest import REPO
from tests.player.helpers import DUMMY_OUTPUTS, Recorder
from tests.player.helpers import write_tone as write_tone  # tests/ui import it from here

pytestmark = pytest.mark.vlc

DEMO_VIDEO = REPO / "lyrics" / "mi-modelito-sabanero" / "mi-modelito-sabanero.mp4"


@pytest.fixture
def player(qapp, instance):
    vlc_player = VlcPlayer(instance)
    yield vlc_player
    vlc_player.close()


@pytest.fixture
def rec(player) -> Recorder:
    return Recorder(player)


def start(qtbot, player: VlcPlayer, rec: Recorder, path) -> None:
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


def test_length_comes_from_parsing_and_play_opens_first(qtbot, player, rec, tone_3s):
    player.load(str(tone_3s))
    # The length comes from parsing the file, before anything plays.
    qtbot.waitUntil(lambda: bool(rec.lengths), timeout=3000)
    assert abs(rec.lengths[-1] - 3000) <= 50
    assert player.state() is State.STOPPED
    player.play()
    qtbot.waitUntil(lambda: len(rec.times) >= 2, timeout=3000)
    assert rec.states[:2] == ["opening", "playing"]
    assert rec.off_gui_thread == 0


def test_play_without_media_does_nothing(qtbot, player, rec):
    player.play()
    player.pause()
    player.seek(1000)
    player.load(None)
    player.play()
    with qtbot.assertNotEmitted(player.state_changed, wait=300):
        pass
    assert player.state() is State.STOPPED
    assert player.position_ms() == 0
    assert rec.times == rec.errors == []


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


# Memory ---------------------------------------------------------------------------------------------


def test_a_closed_player_keeps_no_libvlc_object_alive(qtbot, instance, tone_3s):
    """python-vlc's ``event_manager()`` memoizes its answer in a dict keyed by the object, for
    good: every media player and media the app made stayed alive (1,000 loads, 1,000 of each)."""
    vlc_player = VlcPlayer(instance)
    rec = Recorder(vlc_player)
    start(qtbot, vlc_player, rec, tone_3s)
    first_media = weakref.ref(vlc_player._media)
    vlc_player.load(str(tone_3s))  # the next song's media replaces the first
    media_player = weakref.ref(vlc_player._mp)
    vlc_player.close()
    del vlc_player, rec
    gc.collect()
    assert first_media() is None
    assert media_player() is None
