"""What goes wrong at run time keeps the window usable: no libvlc, media VLC cannot play,
audio-only media; and closing always ends the process promptly. Real libvlc, dummy outputs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from karaoke.app.players import player_factory
from karaoke.core.package import open_song
from karaoke.player.fake_player import FakePlayer
from karaoke.ui.player.main_window import MainWindow
from tests.conftest import BUNDLED, REPO
from tests.player.test_vlc_player import write_tone
from tests.ui.conftest import make_settings

DUMMY = ("--aout=dummy", "--vout=dummy")
SRT = "1\n00:00:00,500 --> 00:00:02,500\nuno dos tres\n\n2\n00:00:03,000 --> 00:00:05,000\ncuatro\n"


@pytest.fixture
def real_window(qtbot, settings_path):
    def make(factory):
        window = MainWindow(factory, make_settings(settings_path))
        qtbot.addWidget(window)
        window.show()
        return window

    yield make


def test_without_libvlc_the_window_opens_lyrics_only_with_a_banner(qtbot, real_window, monkeypatch):
    monkeypatch.setitem(sys.modules, "vlc", None)  # `import vlc` now fails, as with no libvlc
    window = real_window(player_factory(DUMMY))
    window.load(open_song(BUNDLED))
    assert isinstance(window.session.player, FakePlayer)
    assert window.banner.isVisible()
    assert "VLC" in window.banner.label.text() and "apt" in window.banner.label.text()
    assert window.screen_stack.currentWidget() is window.card
    start = window.session.position_ms()
    qtbot.waitUntil(lambda: window.session.position_ms() > start + 300, timeout=5000)


@pytest.mark.vlc
def test_media_vlc_cannot_play_gives_a_message_and_the_lyrics_go_on(qtbot, real_window, tmp_path):
    media = tmp_path / "clip.mp4"
    media.write_bytes(os.urandom(40_000))
    (tmp_path / "clip.srt").write_text(SRT)
    window = real_window(player_factory(DUMMY))
    window.load(open_song(media))
    qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
    assert "cannot play" in window.banner.label.text()
    assert isinstance(window.session.player, FakePlayer)
    assert window.session.playing
    qtbot.waitUntil(lambda: window.lyrics.current_line == 0, timeout=5000)
    window.session.next_line()
    assert window.lyrics.current_line == 1


@pytest.mark.vlc
def test_audio_only_media_shows_the_title_card(qtbot, real_window, tmp_path):
    media = write_tone(tmp_path / "tune.wav", seconds=6)
    (tmp_path / "tune.srt").write_text(SRT)
    window = real_window(player_factory(DUMMY))
    window.load(open_song(media))
    assert window.screen_stack.currentWidget() is window.card
    assert window.card.title == "tune"
    qtbot.waitUntil(lambda: window.lyrics.current_line == 0, timeout=5000)
    assert not window.banner.isVisible()


@pytest.mark.vlc
def test_closing_ends_the_process_promptly(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KARAOKE_VLC_ARGS": " ".join(DUMMY),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "karaoke"], cwd=REPO, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(3)  # let it open the window and start playing
    assert app.poll() is None, app.stderr.read()
    app.send_signal(signal.SIGINT)  # closes the window, like the close button
    _, stderr = app.communicate(timeout=15)
    assert app.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert (tmp_path / "karaoke-ciencia" / "karaoke.conf").is_file()  # settings were saved
