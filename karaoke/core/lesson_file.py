"""Whether a file is a lesson (``kind = "lesson"``), without the lesson reader.

``karaoke PATH`` asks this of every path before opening it as a song; the reader
(:mod:`karaoke.core.lesson`, which re-exports these names) is imported only for a lesson.
"""

from __future__ import annotations

import os
from pathlib import Path

from karaoke.core.package_paths import MANIFEST_NAME

LESSON_KIND = "lesson"
#: A lesson is a few dozen lines; a bigger ``.toml`` is something else.
MAX_LESSON_BYTES = 1_000_000


def is_lesson_file(path: Path) -> bool:
    """A readable ``.toml`` file whose top level says ``kind = "lesson"``."""
    # A song's manifest is never a lesson: no need to parse it twice (it is opened next).
    if path.suffix.lower() != ".toml" or path.name == MANIFEST_NAME or not os.path.isfile(path):
        return False
    import tomllib  # here: a song folder, media or lyrics file is told apart without it (~4 ms)

    try:
        if path.stat().st_size > MAX_LESSON_BYTES:
            return False
        table = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return table.get("kind") == LESSON_KIND
