"""Save a picture of the presenter console at 1920×1080 for the docs (docs/console.png).

    .venv/bin/python tools/console_screenshot.py [OUT.png] [SECONDS] [LANGUAGE]

Runs a real presentation of the bundled song on Qt's offscreen platform with two simulated
1920×1080 screens, lets it play SECONDS (default 12) with the lyrics-only clock, and grabs the
console window, in LANGUAGE (default: the desktop's, as the app chooses it: ``LANG=es_ES.UTF-8``
gives Spanish). (The audience view with its video is captured on a real X server instead:
``../shared/tools/screenshot -s 1366x768 docs/audience-singing-1366.png -- .venv/bin/karaoke
--present --start 0:40``, and ``--teach --start 0:17`` for docs/teaching-pause-1366.png.)
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


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/console.png")
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 12.0
    config = Path(tempfile.mkdtemp()) / "screens.json"
    config.write_text(json.dumps(SCREENS))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from karaoke.app.session import lyrics_only_player
    from karaoke.app.settings import Settings
    from karaoke.app.song_setup import set_up_song
    from karaoke.app.translations import install_language, interface_language
    from karaoke.core.package import open_song
    from karaoke.resources import bundled_song
    from karaoke.ui.present.presentation import Presentation

    app = QApplication(sys.argv[:1])
    install_language(sys.argv[3] if len(sys.argv) > 3 else interface_language(None))
    settings = Settings(QSettings(str(config.with_suffix(".ini")), QSettings.Format.IniFormat))
    setup = set_up_song(
        open_song(bundled_song()),
        lambda song: (lyrics_only_player(song), None),
        settings,
        translation="en",
    )
    presentation = Presentation(setup, settings, teaching=True)
    presentation.console.resize(1880, 1040)
    presentation.start(int(seconds * 1000) - 2000)

    def shoot() -> None:
        presentation.console.grab().save(str(out))
        print(out)
        app.quit()

    QTimer.singleShot(2000, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
