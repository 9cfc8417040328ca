"""``karaoke lesson.toml`` and ``karaoke --present lesson.toml``: the window on a lesson.

As :func:`karaoke.ui.launch.run_window` for a song, with the lesson's items in order
(:mod:`karaoke.ui.player.lesson_player`): when the lesson was stopped before its end, the
window first offers to resume where the class stopped — unless ``--start`` was given, which
starts the first item at that time.
"""

from __future__ import annotations

import signal
import sys

from karaoke.core.lesson import OpenedLesson
from karaoke.ui.launch import (
    StartOptions,
    _refused_screen,
    application,
    choose_qt_platform,
    skip_pyside_source_scan,
)
from karaoke.ui.start_players import vlc_args


def run_lesson_window(opened: OpenedLesson, options: StartOptions, start_given: bool) -> int:
    """Open the window on ``opened`` and run until it is closed; the exit status (2 with one
    line on stderr when none of its songs can be opened)."""
    choose_qt_platform()
    skip_pyside_source_scan()
    from PySide6.QtCore import QTimer

    from karaoke.app.commands import PlayerCommand
    from karaoke.app.players import player_factory
    from karaoke.app.settings import Settings
    from karaoke.ui.player.lesson_player import LessonPlayer, resume_place
    from karaoke.ui.player.main_window import MainWindow

    app = application()
    if options.screen is not None and (refusal := _refused_screen(options.screen)):
        print(f"karaoke: {refusal}", file=sys.stderr)
        return 2
    window = MainWindow(player_factory(vlc_args()), Settings(), language=options.language)
    if options.volume is not None:
        window.transport.volume.setValue(options.volume)
    if options.rate is not None:
        window.set_rate(options.rate)
    window.translation = options.translation
    index, media_ms = 0, options.start_ms if start_given else None
    if not start_given:
        index, media_ms = resume_place(window.settings, opened.lesson, None)
    if not options.present:
        window.set_fullscreen(True) if options.fullscreen else window.show()
    player = LessonPlayer(window, opened)
    skipped: list[str] = []
    player.run.skipped.connect(skipped.append)
    present = options.present
    if not player.start(
        index, media_ms, play=not options.paused, present=present, screen=options.screen
    ):
        print(
            f"karaoke: {skipped[-1] if skipped else 'the lesson has nothing to play'}",
            file=sys.stderr,
        )
        return 2
    window.action(PlayerCommand.TEACHING).setChecked(window.teaching)
    if options.companion and window.presentation is not None:
        window.presentation.phones.start(options.companion_interface, options.companion_port)
    signal.signal(signal.SIGINT, lambda *_: window.close())
    wake = QTimer()
    wake.start(250)
    wake.timeout.connect(lambda: None)
    return app.exec()
