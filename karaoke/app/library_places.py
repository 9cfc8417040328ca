"""Where the song library lives on disk: the user's songs folder (imports go there) and the
index cache, in the per-user data location Qt's ``QStandardPaths`` gives
(``~/.local/share/karaoke-ciencia/`` on Linux, ``$XDG_DATA_HOME`` when set)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

#: The folder under the desktop's data location (the same name as the settings' organisation).
APP_FOLDER = "karaoke-ciencia"


def data_folder() -> Path:
    """The app's per-user data folder (not created here)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base) / APP_FOLDER


def user_songs_folder() -> Path:
    """The songs folder of the library: ``karaoke import`` unpacks a package into it (one
    sub-folder per song). Not created here."""
    return data_folder() / "songs"


def library_cache_file() -> Path:
    """Where the library's index is cached between runs (see :mod:`karaoke.core.library`)."""
    return data_folder() / "library-index.json"
