"""Save a picture of the presenter console presenting a two-item lesson (its running order).

    .venv/bin/python tools/lesson_console_screenshot.py [OUT.png] [LANGUAGE]

As tools/console_screenshot.py: Qt's offscreen platform with two simulated 1920×1080 screens
(presenting needs a projector), the lyrics-only clock, the console window grabbed. The lesson
(the bundled song's stanzas 1-2 without teaching pauses, then 9-10 with them and one question)
starts 2 s before its first item ends; the picture is taken 3 s into the second item, so it
shows the switch made: item 2 marked, its notes under the running order.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080},
        {"name": "projector", "x": 1920, "y": 0, "width": 1920, "height": 1080},
    ]
}
LESSON = """\
kind = "lesson"
title.es = "GPT-3 en Navidad"
title.en = "GPT-3 at Christmas"

[[item]]
song = "{song}"
stanzas = "1-2"
teaching_pauses = false
notes.es = "Preguntar qué es un token antes de empezar"
notes.en = "Ask what a token is before starting"

[[item]]
song = "{song}"
stanzas = "9-10"
questions = ["s9q1"]
notes.es = "Terminar con la pregunta del perro cansado"
notes.en = "End with the question about the tired dog"
"""


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/console-lesson.png")
    folder = Path(tempfile.mkdtemp())
    config = folder / "screens.json"
    config.write_text(json.dumps(SCREENS))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from karaoke.app.session import lyrics_only_player
    from karaoke.app.settings import Settings
    from karaoke.app.translations import install_language, interface_language
    from karaoke.core.lesson import read_lesson
    from karaoke.resources import bundled_song
    from karaoke.ui.player.lesson_player import LessonPlayer
    from karaoke.ui.player.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    install_language(sys.argv[2] if len(sys.argv) > 2 else interface_language(None))
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    lesson = folder / "lesson.toml"
    lesson.write_text(LESSON.format(song=bundled_song()), encoding="utf-8")
    window = MainWindow(lambda song: (lyrics_only_player(song), None), settings)
    player = LessonPlayer(window, read_lesson(lesson))
    player.start(0, 33_700, present=True, screen=1)
    assert window.presentation is not None
    console = window.presentation.console
    console.resize(1880, 1040)

    def shoot() -> None:
        console.grab().save(str(out))
        print(out)
        app.quit()

    player.run.item_started.connect(lambda index: index == 1 and QTimer.singleShot(3000, shoot))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
