"""The recent songs as File ▸ Open recent shows them: by title, read cheaply (no lyrics parsed).

A song package's ``song.toml`` gives its ``title``; any other file (lyrics, media) is shown by
its file name. Files that no longer exist are left out (the settings keep them).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

#: A manifest larger than this is not read for its title (a title is near the top of a few KB).
MAX_MANIFEST_BYTES = 1_000_000


def song_title(path: Path) -> str:
    """The title to list ``path`` under: a package's ``title`` (``path`` is its ``song.toml``
    or its folder), else the file's name. Never raises: a damaged manifest is listed by its
    folder's name (opening it then says what is wrong)."""
    manifest = path / "song.toml" if path.is_dir() else path
    if manifest.name != "song.toml":
        return path.name
    try:
        if manifest.stat().st_size <= MAX_MANIFEST_BYTES:
            with manifest.open("rb") as file:
                title = tomllib.load(file).get("title")
            if isinstance(title, str) and title.strip():
                return " ".join(title.split())
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        pass
    return manifest.parent.name


def recent_entries(recent: Iterable[str]) -> list[tuple[Path, str]]:
    """(path, title) for each recent song that still exists, most recent first. Two songs with
    the same title are told apart by their folder's name."""
    entries = [(path, song_title(path)) for path in map(Path, recent) if path.exists()]
    titles = [title for _, title in entries]
    return [
        (path, f"{title} ({path.parent.name})" if titles.count(title) > 1 else title)
        for path, title in entries
    ]
