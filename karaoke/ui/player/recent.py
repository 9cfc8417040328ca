"""The recent songs as File ▸ Open recent shows them: by title, read cheaply (no lyrics parsed).

A song package's ``song.toml`` gives its ``title``; any other file (lyrics, media) is shown by
its file name. Files that no longer exist are left out (the settings keep them).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

#: A manifest larger than this is not read for its title (a title is near the top of a few KB).
MAX_MANIFEST_BYTES = 1_000_000
#: The start of a line that opens a table (``[translations]``, ``[[stanzas]]``): every
#: top-level key, ``title`` among them, comes before the first one.
_TABLE_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


def song_title(path: Path) -> str:
    """The title to list ``path`` under: a package's ``title`` (``path`` is its ``song.toml``
    or its folder), else the file's name. Never raises: a manifest whose top-level keys
    cannot be read is listed by its folder's name (opening it then says what is wrong)."""
    manifest = path / "song.toml" if path.is_dir() else path
    if manifest.name != "song.toml":
        return path.name
    try:
        status = manifest.stat()
        if status.st_size <= MAX_MANIFEST_BYTES:
            title = _manifest_title(str(manifest), status.st_mtime_ns, status.st_size)
            if title:
                return title
    except OSError:
        pass
    return manifest.parent.name


@lru_cache(maxsize=64)
def _manifest_title(manifest: str, _mtime_ns: int, _size: int) -> str | None:
    """The ``title`` of the manifest at ``manifest`` with its spaces tidied, or None. Kept per
    version of the file (its time and size): the menu is refilled at every song opened, and a
    manifest with its explanations (68 KB for the bundled song) took ~8 ms to parse whole.
    Only its top-level part is parsed when that reads on its own; a table header inside a
    multi-line string or array leaves that part unparsable, and then the whole file is read."""
    try:
        with open(manifest, "rb") as file:
            text = file.read().decode()
        title = None
        if (header := _TABLE_HEADER.search(text)) is not None:
            try:
                title = tomllib.loads(text[: header.start()]).get("title")
            except tomllib.TOMLDecodeError:
                header = None
        if header is None:
            title = tomllib.loads(text).get("title")
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    return " ".join(title.split()) if isinstance(title, str) and title.strip() else None


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
