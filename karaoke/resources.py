"""Where the bundled songs and assets are, from a checkout and from an installed wheel alike.

The wheel carries ``lyrics/`` and ``assets/`` as ``karaoke/_data/`` (see pyproject.toml); a
checkout (or an editable install) has them beside the ``karaoke`` package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

BUNDLED_SONG = "mi-modelito-sabanero"


def data_dir() -> Path:
    installed = _PACKAGE / "_data"
    return installed if installed.is_dir() else _PACKAGE.parent


def lyrics_dir() -> Path:
    return data_dir() / "lyrics"


def assets_dir() -> Path:
    return data_dir() / "assets"


def bundled_song() -> Path:
    """The folder of the song that ``karaoke`` plays when given no path."""
    return lyrics_dir() / BUNDLED_SONG
