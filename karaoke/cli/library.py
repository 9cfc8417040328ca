"""``karaoke library``: list the song library, add a folder to it, forget one.

    karaoke library              one row per song: title, language, length, stanzas,
                                 questions, folder; then the folders that failed to open
    karaoke library add PATH     add a folder (a song, or a folder of songs)
    karaoke library remove PATH  forget a folder added before (nothing is deleted)

Exit status: 0 done (a listing with problems too: it lists them), 2 unusable input (a path that
is not a folder, a folder that was not added), one line on stderr starting ``karaoke library``.
The folders added here are the window's (the same settings file).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from karaoke.app.library import Library
from karaoke.cli.common import EXIT_OK, EXIT_UNUSABLE, Parser, count_of
from karaoke.core.errors import SongError
from karaoke.core.library import LibraryEntry
from karaoke.core.timefmt import format_ms

PROG = "karaoke library"
#: The listing's columns, as its header names them.
HEADER = ("TITLE", "LANGUAGE", "LENGTH", "STANZAS", "QUESTIONS", "PATH")


def _parser(action: str | None) -> argparse.ArgumentParser:
    if action is None:
        parser = Parser(
            prog=PROG,
            description="List the song library: the bundled songs, your songs folder (where "
            "'karaoke import' puts songs) and the folders you added. Also: 'karaoke library add "
            "PATH' adds a folder; 'karaoke library remove PATH' forgets one (deletes nothing).",
        )
        return parser
    parser = Parser(
        prog=f"{PROG} {action}",
        description="Add a folder to the library: a song package (a folder with song.toml) "
        "or a folder of them."
        if action == "add"
        else "Forget a folder added to the library; nothing on the disk is deleted.",
    )
    parser.add_argument("path", type=Path, help="the folder")
    return parser


def run_library(args: list[str], library: Library | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    action = args[0] if args[:1] in (["add"], ["remove"]) else None
    options = _parser(action).parse_args(args[1:] if action else args)
    library = library or Library()
    if action == "add":
        return _add(library, options.path, out)
    if action == "remove":
        return _remove(library, options.path, out)
    _list(library, out)
    return EXIT_OK


def _add(library: Library, path: Path, out: TextIO) -> int:
    try:
        folder = library.add_folder(path)
    except SongError as error:
        print(f"{PROG} add: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    index = library.index()
    found = [entry for entry in index.entries if entry.folder == folder]
    songs = sum(entry.ok for entry in found)
    problems = len(found) - songs
    said = f"added {folder}: {count_of(songs, 'song')}"
    if problems:
        said += f" ({count_of(problems, 'folder')} that could not be opened: run 'karaoke library')"
    print(said, file=out)
    return EXIT_OK


def _remove(library: Library, path: Path, out: TextIO) -> int:
    if not library.forget_folder(path):
        added = library.added_folders()
        known = ", ".join(str(folder) for folder in added) if added else "none"
        print(
            f"{PROG} remove: {path}: not a folder added to the library (added: {known})",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE
    print(f"forgot {path} (nothing was deleted)", file=out)
    return EXIT_OK


def _list(library: Library, out: TextIO) -> None:
    index = library.index()
    rows = [HEADER, *(_row(entry) for entry in index.songs)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADER) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]), file=out)
    if index.problems:
        print(f"\n{count_of(len(index.problems), 'folder')} could not be opened:", file=out)
        for entry in index.problems:
            print(f"{entry.path}: {entry.problem}", file=out)
    print(f"\n{count_of(len(index.songs), 'song')}", file=out)


def _row(entry: LibraryEntry) -> Sequence[str]:
    return (
        entry.title,
        entry.language,
        format_ms(entry.length_ms, millis=False),
        str(entry.stanzas),
        "yes" if entry.has_questions else "no",
        str(entry.path),
    )
