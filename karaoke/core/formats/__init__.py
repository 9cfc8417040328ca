"""Lyrics readers, one module per format, chosen by file extension.

To add a format: write ``read_xxx(data: bytes, path: str) -> Lyrics`` that decodes with
:func:`decoding.decode_text`, collects :class:`~karaoke.core.errors.Problem` for what it skips,
raises :class:`~karaoke.core.errors.SongError` when nothing usable is left, and ends with
:func:`common.build_lyrics`; then register its extensions in ``READERS``.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from karaoke.core.errors import SongError
from karaoke.core.formats.lrc import read_lrc
from karaoke.core.formats.plain import read_plain
from karaoke.core.formats.subrip import read_subrip
from karaoke.core.model import Lyrics

Reader = Callable[[bytes, str], Lyrics]

READERS: dict[str, Reader] = {
    ".srt": read_subrip,
    ".lrc": read_lrc,
    ".txt": read_plain,
}

#: Lyrics files larger than this are not lyrics (a 3-hour film's subtitles are ~150 kB).
MAX_LYRICS_BYTES = 16 * 1024 * 1024


def is_lyrics_file(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_lyrics(path: Path) -> Lyrics:
    """Read a lyrics file by its extension. Raises :class:`SongError` for anything unusable."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise SongError(
            path, f"unknown lyrics format {path.suffix or '(no extension)'!r}; known: {known}"
        )
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise SongError(path, "not a regular file (a pipe or a device?)")
        if info.st_size > MAX_LYRICS_BYTES:
            raise SongError(path, f"too large for a lyrics file (over {MAX_LYRICS_BYTES >> 20} MB)")
        data = path.read_bytes()
    except IsADirectoryError:
        raise SongError(path, "is a folder, not a lyrics file") from None
    except FileNotFoundError:
        raise SongError(path, "no such file") from None
    except OSError as error:
        raise SongError(path, f"cannot read: {error.strerror or error}") from None
    return reader(data, str(path))
