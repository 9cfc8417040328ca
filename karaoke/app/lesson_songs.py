"""Finding a lesson's songs: where the file says, else in the song library by folder name.

A lesson made on another teacher's computer names songs at paths that do not exist here;
:func:`library_song_finder` gives :func:`karaoke.core.lesson.read_lesson` the ``find_song`` that
looks them up in this computer's library. The library's index is built only when a song is
missing (most lessons never need it), and once for all the items.
"""

from __future__ import annotations

from pathlib import Path

from karaoke.core.lesson import FindSong, OpenedLesson, read_lesson
from karaoke.core.library import LibraryIndex


def library_song_finder() -> FindSong:
    """A ``find_song`` backed by the user's library (its index built at the first call)."""
    index: LibraryIndex | None = None

    def find(name: str) -> Path | None:
        nonlocal index
        if index is None:
            from karaoke.app.library import Library

            index = Library().index()
        return index.by_name(name)

    return find


def open_lesson(path: Path) -> OpenedLesson:
    """The lesson in ``path``, its missing songs looked up in the library. Raises
    :class:`~karaoke.core.errors.SongError`."""
    return read_lesson(path, find_song=library_song_finder())
