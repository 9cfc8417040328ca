"""Run by test_embedded_video.py in its own process, on a real X server (xcb): the window opens
the bundled song as ``karaoke --paused --start 10`` does, waits for the still to be shown, then
saves a screenshot of the whole screen and prints what the window shows, as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from karaoke.app.players import player_factory
from karaoke.app.settings import Settings
from karaoke.core.package import open_song
from karaoke.resources import bundled_song
from karaoke.ui.launch import StartOptions, start_song
from karaoke.ui.player.main_window import MainWindow

START_MS = 10_000
#: After the player says the still is up: time for the X server to have the frame on screen.
SETTLE_MS = 500
GIVE_UP_AFTER_MS = 30_000


def main(out: Path) -> int:
    app = QApplication(sys.argv[:1])
    settings = Settings(QSettings(str(out.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = MainWindow(player_factory(("--aout=dummy",)), settings)
    start_song(window, open_song(bundled_song()), StartOptions(start_ms=START_MS, paused=True))
    result: dict = {}
    played: list[bool] = []
    assert window.session is not None
    window.session.playing_changed.connect(played.append)

    def shoot() -> None:
        session = window.session
        assert session is not None
        window.screen().grabWindow(0).save(str(out))
        top_left = window.video.mapToGlobal(QPoint(0, 0))
        result.update(
            video=[*top_left.toTuple(), window.video.width(), window.video.height()],
            showing_video=window.screen_stack.currentWidget() is window.video,
            position_ms=session.position_ms(),
            player_state=session.player.state().value,
            playing=session.playing,
            played=played,
            time_label=window.transport.time_label.text(),
        )
        window.close()

    def poll() -> None:
        session = window.session
        if session is not None and getattr(session.player, "_still", True) is None:
            timer.stop()
            QTimer.singleShot(SETTLE_MS, shoot)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    QTimer.singleShot(GIVE_UP_AFTER_MS, app.quit)
    app.exec()
    print(json.dumps(result))
    return 0 if result else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
