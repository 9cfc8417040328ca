"""A presentation of the bundled song on the fake player and the simulated screens, paused at 0:
``present(**options)`` makes one (explained in Spanish; ``language="en"`` for English,
``screen_index``, ``teaching``, ``song`` for another package's path); ``press(qtbot,
presentation, key)`` sends a key to the audience window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from karaoke.app.session import LYRICS_ONLY_TAIL_MS
from karaoke.app.song_setup import set_up_song
from karaoke.core.clock import PlaybackClock
from karaoke.core.package import open_song
from karaoke.player.fake_player import FakePlayer
from karaoke.ui.present.presentation import Presentation
from tests.conftest import BUNDLED
from tests.ui.conftest import make_settings


@pytest.fixture
def present(qtbot, fake_time, settings_path):
    made = []

    def start(**options) -> Presentation:
        def fake_player(song):
            return FakePlayer(song.duration_ms + LYRICS_ONLY_TAIL_MS, now_ns=fake_time), None

        settings = make_settings(settings_path)
        opened = open_song(options.pop("song", BUNDLED))
        setup = set_up_song(
            opened,
            fake_player,
            settings,
            make_clock=lambda: PlaybackClock(fake_time),
            translation=options.pop("translation", None),
            language=options.pop("language", "es"),
        )
        presentation = Presentation(setup, settings, problems=opened.problems, **options)
        for window in presentation.windows():
            qtbot.addWidget(window)
        presentation.start(0, play=False)
        made.append(presentation)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is presentation.audience)
        return presentation

    yield start
    for presentation in made:
        presentation.stop()


def press(qtbot, presentation, name, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(presentation.audience, name, modifier)


def play_until_paused(session, fake_time, step_ms: int = 16) -> None:
    """Advance the fake time until the session pauses by itself (a teaching pause, the end)."""
    while session.playing:
        fake_time.advance(step_ms)
        session.player.tick()
        session.tick()
