"""Run by test_embedded_video.py in its own process, on a real X server (xcb): the real window
plays the bundled song through libvlc, embedded, then saves a screenshot of the whole screen and
prints where the video and the current line are, as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from karaoke.app.players import player_factory
from karaoke.app.settings import Settings
from karaoke.core.package import open_song
from karaoke.resources import bundled_song
from karaoke.ui.player.main_window import MainWindow

START_MS = 10_000  # inside the first sung line (9.6 s - 14.1 s)
SHOOT_AT_MS = 12_000
GIVE_UP_AFTER_MS = 30_000


def main(out: Path) -> int:
    app = QApplication(sys.argv[:1])
    settings = Settings(QSettings(str(out.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = MainWindow(player_factory(("--aout=dummy",)), settings)
    window.show()
    window.load(open_song(bundled_song()), start_ms=START_MS)
    result: dict = {}

    def rect_of(widget, local: QRect) -> list[int]:
        top_left = widget.mapToGlobal(local.topLeft())
        return [top_left.x(), top_left.y(), local.width(), local.height()]

    def poll() -> None:
        session = window.session
        if session is None or session.position_ms() < SHOOT_AT_MS:
            return
        timer.stop()
        window.screen().grabWindow(0).save(str(out))
        placed = dict(window.lyrics.placed_lines())
        result.update(
            video=rect_of(window.video, QRect(QPoint(0, 0), window.video.size())),
            current_line=window.lyrics.current_line,
            current_rect=rect_of(window.lyrics, placed[window.lyrics.current_line]),
            sung_color=window.theme.sung,
            showing_video=window.screen_stack.currentWidget() is window.video,
            position_ms=session.position_ms(),
        )
        window.close()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    QTimer.singleShot(GIVE_UP_AFTER_MS, app.quit)
    app.exec()
    print(json.dumps(result))
    return 0 if result else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
