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
    """(path, title) for each recent song that still exists, most recent first. Songs with the
    same title are told apart by where they are (:func:`distinguishing_folders`)."""
    entries = [(path, song_title(path)) for path in map(Path, recent) if path.exists()]
    by_title: dict[str, list[Path]] = {}
    for path, title in entries:
        by_title.setdefault(title, []).append(path)
    told_apart = {
        path: where
        for paths in by_title.values()
        if len(paths) > 1
        for path, where in distinguishing_folders(paths).items()
    }
    return [
        (path, f"{title} ({told_apart[path]})" if path in told_apart else title)
        for path, title in entries
    ]


def _folder(path: Path) -> Path:
    """The folder a song is in: a package's own folder (``path`` may name it or its manifest),
    else the folder holding the file."""
    return path if path.is_dir() else path.parent


def distinguishing_folders(paths: list[Path]) -> dict[Path, str]:
    """Each of ``paths`` → the shortest end of its folder's path that no other of ``paths``
    shares: ``a`` and ``b`` for ``a/song.toml`` and ``b/song.toml``; for two copies of one
    package (the same folder name), ``usb/mi-canción`` and ``home/mi-canción`` — as many
    folders up as it takes. The whole path when nothing shorter tells them apart."""
    parts = {path: _folder(path).parts for path in paths}
    found: dict[Path, str] = {}
    for path, mine in parts.items():
        others = [theirs for other, theirs in parts.items() if other != path]
        for count in range(1, len(mine) + 1):
            if all(theirs[-count:] != mine[-count:] for theirs in others):
                found[path] = str(Path(*mine[-count:]))
                break
        else:
            found[path] = str(path)
    return found
