"""Run by test_present_roundtrip.py in its own process, on a real X server (xcb, no window
manager): the main window plays the bundled song through libvlc, F5 presents it, Esc comes
back; then it saves a screenshot and prints, as JSON, what the main window shows, and whether
the first Space toggled playback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from karaoke.app.players import player_factory
from karaoke.app.settings import Settings
from karaoke.core.package import open_song
from karaoke.resources import bundled_song
from karaoke.ui.player.main_window import MainWindow

START_MS = 10_000
#: Each step waits this long for the one before to settle (libvlc opening, windows mapping).
STEP_MS = 2_000
GIVE_UP_AFTER_MS = 40_000


def main(out: Path, paused: bool) -> int:
    app = QApplication(sys.argv[:1])
    settings = Settings(QSettings(str(out.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = MainWindow(player_factory(("--aout=dummy",)), settings)
    window.show()
    window.load(open_song(bundled_song()), start_ms=START_MS)
    result: dict = {}

    def present() -> None:
        if paused and window.session is not None:
            window.session.pause()
        window.activateWindow()
        QTimer.singleShot(300, lambda: QTest.keyClick(window.lyrics, Qt.Key.Key_F5))

    def leave() -> None:
        presentation = window.presentation
        result["presented"] = presentation is not None
        if presentation is not None:
            QTest.keyClick(presentation.audience, Qt.Key.Key_Escape)

    def look() -> None:
        session = window.session
        window.screen().grabWindow(0).save(str(out))
        video = window.video
        top_left = video.mapToGlobal(QPoint(0, 0))
        result.update(
            video=[top_left.x(), top_left.y(), video.width(), video.height()],
            time=window.transport.time_label.text(),
            seek=[window.transport.seek.value(), window.transport.seek.maximum()],
            playing=session.playing if session else None,
            position_ms=session.position_ms() if session else None,
            active=QApplication.activeWindow() is window,
        )
        QTest.keyClick(window.lyrics, Qt.Key.Key_Space)
        result["playing_after_space"] = session.playing if session else None
        window.close()

    for at, step in ((STEP_MS, present), (3 * STEP_MS, leave), (5 * STEP_MS, look)):
        QTimer.singleShot(at, step)
    QTimer.singleShot(GIVE_UP_AFTER_MS, app.quit)
    app.exec()
    print(json.dumps(result))
    return 0 if "active" in result else 1


def lit_share(image, rect: list[int], step: int = 7) -> float:
    """The share of ``rect``'s pixels in ``image`` that are not black."""
    x0, y0, width, height = rect
    points = [(x, y) for x in range(x0, x0 + width, step) for y in range(y0, y0 + height, step)]
    lit = sum(image.pixelColor(QPoint(x, y)).value() > 40 for x, y in points)
    return lit / max(1, len(points))


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), paused="--paused" in sys.argv))
