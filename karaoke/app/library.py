"""The song library as the app keeps it: its three kinds of folders and what removing means.

- the bundled songs (``karaoke.resources.lyrics_dir()``): always there, never removed;
- the user's songs folder (``library_places.user_songs_folder()``; ``karaoke import`` unpacks
  into it): a song removed from it is deleted from the disk (after the window asks);
- folders the user added (File ▸ Library ▸ Add folder…, ``karaoke library add PATH``), kept in
  QSettings under ``library/added_folders``: removing a song found in one forgets that folder
  (every song in it leaves the list); nothing on the disk is deleted.

The index itself is :mod:`karaoke.core.library`'s, cached at ``library_places.library_cache_file()``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings

from karaoke.app.library_places import library_cache_file, user_songs_folder
from karaoke.core.atomic import describe_os_error
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.library import (
    LibraryEntry,
    LibraryFolder,
    LibraryIndex,
    Source,
    build_index,
    song_folders,
)
from karaoke.resources import lyrics_dir

#: The settings' organisation and application (as ``karaoke.ui.launch`` sets them), so that the
#: command line reads the same settings file as the window without a QCoreApplication.
ORGANIZATION, APPLICATION = "karaoke-ciencia", "karaoke"
ADDED_KEY = "library/added_folders"


class Removal(Enum):
    """What removing a song from the library does."""

    NOT_ALLOWED = "not-allowed"  # a bundled song
    DELETE = "delete"  # a song in the user's songs folder: its folder is deleted
    FORGET = "forget"  # a song in an added folder: that folder is forgotten, nothing deleted


@dataclass(frozen=True, slots=True)
class RemovalPlan:
    """What :meth:`Library.remove` would do with a song: ``target`` is the folder deleted
    (DELETE) or forgotten (FORGET); ``songs`` how many songs leave the list with it."""

    kind: Removal
    target: Path | None = None
    songs: int = 1


def settings_store() -> QSettings:
    """The app's settings file, as the window opens it."""
    return QSettings(ORGANIZATION, APPLICATION)


class Library:
    """The library's folders and index. ``store``: where the added folders are kept (default:
    the app's settings); ``songs_folder``, ``bundled`` and ``cache_file`` default to the
    app's places (tests give their own)."""

    def __init__(
        self,
        store: QSettings | None = None,
        *,
        songs_folder: Path | None = None,
        bundled: Path | None = None,
        cache_file: Path | None = None,
    ) -> None:
        self.store = store if store is not None else settings_store()
        self.songs_folder = songs_folder or user_songs_folder()
        self.bundled = bundled or lyrics_dir()
        self.cache_file = cache_file or library_cache_file()

    # Added folders ------------------------------------------------------------------------------

    def added_folders(self) -> list[Path]:
        value = self.store.value(ADDED_KEY, [])
        if isinstance(value, str):  # QSettings gives a lone item back as a plain string
            value = [value]
        if not isinstance(value, Iterable):
            return []
        return [Path(str(item)) for item in value if str(item)]

    def _set_added(self, folders: list[Path]) -> None:
        self.store.setValue(ADDED_KEY, [str(folder) for folder in folders])
        self.store.sync()

    def add_folder(self, folder: Path) -> Path:
        """Add ``folder`` (made absolute) and return it. Raises :class:`SongError` when it is
        not an existing folder; adding it again changes nothing."""
        folder = Path(os.path.abspath(folder))
        if not os.path.exists(folder):
            raise SongError(folder, "no such folder", code=ProblemCode.FILE_NOT_FOUND)
        if not os.path.isdir(folder):
            raise SongError(folder, "not a folder", code=ProblemCode.NOT_A_FOLDER)
        added = self.added_folders()
        if not any(_same(folder, known) for known in added):
            self._set_added([*added, folder])
        return folder

    def forget_folder(self, folder: Path) -> bool:
        """Forget an added folder (nothing is deleted); False when it was not added."""
        added = self.added_folders()
        kept = [known for known in added if not _same(folder, known)]
        if len(kept) == len(added):
            return False
        self._set_added(kept)
        return True

    # The index ----------------------------------------------------------------------------------

    def folders(self) -> list[LibraryFolder]:
        """Where songs are looked for, in this order (a song found twice counts as the first)."""
        return [
            LibraryFolder(self.bundled, Source.BUNDLED),
            LibraryFolder(self.songs_folder, Source.USER),
            *(LibraryFolder(folder, Source.ADDED) for folder in self.added_folders()),
        ]

    def index(self) -> LibraryIndex:
        """The index now: the cache's entries for unchanged songs, the others read again."""
        return build_index(self.folders(), self.cache_file)

    # Removing -----------------------------------------------------------------------------------

    def removal(self, entry: LibraryEntry) -> RemovalPlan:
        """What removing ``entry`` would do (see the module's doc)."""
        if entry.source is Source.BUNDLED:
            return RemovalPlan(Removal.NOT_ALLOWED)
        if entry.source is Source.USER:
            return RemovalPlan(Removal.DELETE, entry.path)
        folder = entry.folder or entry.path
        return RemovalPlan(Removal.FORGET, folder, max(1, len(list(song_folders(folder)))))

    def remove(self, entry: LibraryEntry) -> RemovalPlan:
        """Do :meth:`removal`'s plan. Raises :class:`SongError` when a deletion fails or the
        song is not inside the songs folder after all (nothing is deleted then)."""
        plan = self.removal(entry)
        if plan.kind is Removal.FORGET and plan.target is not None:
            self.forget_folder(plan.target)
        elif plan.kind is Removal.DELETE:
            self._delete(entry.path)
        return plan

    def _delete(self, folder: Path) -> None:
        """Delete a song folder of the user's songs folder; a symbolic link is unlinked, never
        followed."""
        inside = os.path.realpath(self.songs_folder)
        parent = os.path.realpath(folder.parent)
        if not (parent == inside or parent.startswith(inside + os.sep)):
            raise SongError(folder, "not in the library's songs folder: not deleted")
        try:
            if folder.is_symlink():
                folder.unlink()
            else:
                shutil.rmtree(folder)
        except OSError as error:
            raise SongError(
                folder, f"cannot delete: {describe_os_error(error)}", code=ProblemCode.WRITE_FAILED
            ) from None


def _same(one: Path, other: Path) -> bool:
    return os.path.realpath(one) == os.path.realpath(other)
