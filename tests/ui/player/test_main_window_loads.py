"""Song after song in one window: nothing of the song it left stays alive (its session, its
player, libvlc's media player and media wrappers), so a day of classes does not grow the
process. Real window, real libvlc (dummy outputs); ``python -m benchmarks.loads`` measures it."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from karaoke.app.players import player_factory
from karaoke.core.package import open_song
from karaoke.player.base import State
from karaoke.player.vlc_player import VlcPlayer
from karaoke.ui.player.lesson_player import LessonPlayer
from karaoke.ui.player.main_window import MainWindow
from tests.conftest import BUNDLED
from tests.player.helpers import DUMMY_OUTPUTS, write_tone
from tests.ui.conftest import make_settings

pytestmark = pytest.mark.vlc

SRT = "1\n00:00:00,500 --> 00:00:02,500\nuno dos tres\n\n2\n00:00:03,000 --> 00:00:05,000\ncuatro\n"


@pytest.fixture
def window(qtbot, settings_path) -> MainWindow:
    window = MainWindow(player_factory(DUMMY_OUTPUTS), make_settings(settings_path))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def tone_song(tmp_path) -> Path:
    write_tone(tmp_path / "tune.wav", seconds=6)
    (tmp_path / "tune.srt").write_text(SRT, encoding="utf-8")
    return tmp_path / "tune.srt"


def references(window: MainWindow) -> list[weakref.ref]:
    """Weak references to what the window's current song is played with."""
    session = window.session
    assert session is not None
    player = session.player
    assert isinstance(player, VlcPlayer)
    return [weakref.ref(o) for o in (session, player, player._mp, player._media)]


def wait_playing(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: window.session is not None and window.session.player.state() == State.PLAYING,
        timeout=10_000,
    )


def alive(refs: list[weakref.ref]) -> list[str]:
    """The names of what is still alive, after deferred deletes and a garbage collection."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return [type(ref()).__name__ for ref in refs if ref() is not None]


def test_the_next_song_leaves_nothing_of_the_previous_one_alive(qtbot, window, tone_song):
    window.load(open_song(BUNDLED))
    wait_playing(qtbot, window)
    previous = references(window)
    window.load(open_song(tone_song))
    wait_playing(qtbot, window)
    assert alive(previous) == []


def test_a_lesson_switching_items_leaves_nothing_of_the_first_item_alive(
    qtbot, window, tone_song, tmp_path
):
    lesson = tmp_path / "lesson.toml"
    lesson.write_text(
        f'schema = 1\nkind = "lesson"\ntitle = "Two"\n\n[[item]]\nsong = "{BUNDLED}"\n'
        f'stanzas = "1"\n\n[[item]]\nsong = "{tone_song}"\n',
        encoding="utf-8",
    )
    from karaoke.app.lesson_songs import open_lesson

    player = LessonPlayer(window, open_lesson(lesson))
    assert player.start(0)
    wait_playing(qtbot, window)
    first = references(window)
    assert player.run.next_item()
    wait_playing(qtbot, window)
    assert window.session is not None and window.session.song.title == "tune"
    assert alive(first) == []
