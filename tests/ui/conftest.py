"""A main window on the fake player, driven by a hand-advanced clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from karaoke.app.session import LYRICS_ONLY_TAIL_MS
from karaoke.app.settings import Settings
from karaoke.core.clock import PlaybackClock
from karaoke.core.package import open_song
from karaoke.player.fake_player import FakePlayer
from karaoke.ui.player.main_window import MainWindow
from tests.conftest import BUNDLED, FakeTime


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


def make_settings(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def make_window(qtbot, fake_time: FakeTime, settings: Settings) -> MainWindow:
    def fake_player(song):
        return FakePlayer(song.duration_ms + LYRICS_ONLY_TAIL_MS, now_ns=fake_time), None

    window = MainWindow(fake_player, settings, make_clock=lambda: PlaybackClock(fake_time))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


@pytest.fixture
def window(qtbot, fake_time, settings_path) -> MainWindow:
    """The bundled song, loaded paused at 0 on the fake player."""
    window = make_window(qtbot, fake_time, make_settings(settings_path))
    window.load(open_song(BUNDLED), play=False)
    return window
