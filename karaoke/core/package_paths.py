"""A song package's manifest name, and every path the manifest names stays inside the package.

The name is here, not in the reader (:mod:`karaoke.core.package`), so that the command line can
tell a song from a lesson before it loads the reader (see docs/performance.md §13).

A package shared as one file (``.karaoke``) must carry everything it names, and one from
someone else must not make the player read files elsewhere on this computer: an absolute path
(``/…``, ``C:\\…``, ``\\\\server\\…``) or a name whose real path (``..`` and symbolic links
resolved) is not under the folder's real path is refused by the manifest reader
(:mod:`karaoke.core.package`) with PATH_OUTSIDE_PACKAGE.
"""

from __future__ import annotations

import os
from pathlib import Path, PureWindowsPath

#: The manifest of a song package: the file a song folder is opened by.
MANIFEST_NAME = "song.toml"


def outside_package(folder: Path, name: str) -> str | None:
    """Why ``name`` (a path the manifest in ``folder`` gives) leaves the package, or None when
    it stays inside ``folder``."""
    if os.path.isabs(name) or PureWindowsPath(name).anchor:
        return f"'{name}' is an absolute path: a package names its files relative to itself"
    real_folder = os.path.realpath(folder)
    target = os.path.realpath(folder / name)
    if os.path.commonpath([real_folder, target]) != real_folder:
        return f"'{name}' leaves the song package's folder: keep its files inside it"
    return None
