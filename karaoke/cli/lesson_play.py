"""``karaoke lesson.toml [--present]``: play a lesson (its file read and refused here, with
one line on stderr, before any window opens)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from karaoke.cli.common import EXIT_UNUSABLE
from karaoke.core.errors import SongError

if TYPE_CHECKING:
    from karaoke.ui.launch import StartOptions


def play_lesson(path: Path, options: StartOptions, *, start_given: bool) -> int:
    """Read the lesson (its missing songs looked up in the library) and open the window on it;
    ``start_given``: ``--start`` was on the command line (no resume offer then)."""
    from karaoke.app.lesson_songs import open_lesson

    try:
        opened = open_lesson(path)
    except SongError as error:
        print(f"karaoke: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    from karaoke.ui.lesson_launch import run_lesson_window

    return run_lesson_window(opened, options, start_given)
