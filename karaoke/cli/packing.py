"""``karaoke pack`` and ``karaoke import``: one file to share a song, and taking one in.

    karaoke pack SONG -o NAME.karaoke [--no-media]
    karaoke import NAME.karaoke [--to FOLDER]

A refusal is one line on stderr (``karaoke import: NAME.karaoke: entry '../x': …``) and exit
status 2; nothing is written then. Success prints where the file or the song went.
``karaoke NAME.karaoke`` asks in a window first (:func:`imported_song`). See docs/packages.md
and :mod:`karaoke.core.archive`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from karaoke.cli.common import EXIT_OK, EXIT_UNUSABLE, Parser
from karaoke.core.archive import SUFFIX
from karaoke.core.archive_read import import_package
from karaoke.core.archive_write import pack_song
from karaoke.core.errors import SongError


def pack_parser() -> Parser:
    parser = Parser(
        prog="karaoke pack",
        description="Pack a song package (a folder with song.toml) into one .karaoke file to "
        "share: the manifest and the files it names (lyrics, translations, media, instrumental).",
    )
    parser.add_argument("song", type=Path, help="the song package folder (or its song.toml)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="NAME.karaoke",
        help=f"the file to write ({SUFFIX} is added if missing)",
    )
    parser.add_argument(
        "--no-media",
        action="store_true",
        help="leave the video/audio and the instrumental out (a small file; add them later)",
    )
    return parser


def import_parser() -> Parser:
    parser = Parser(
        prog="karaoke import",
        description="Import a .karaoke file (a song shared as one file) into your song library. "
        "A file that could harm your computer (paths leaving the song, links, too large, "
        "a zip bomb…) is refused with nothing written.",
    )
    parser.add_argument("archive", type=Path, metavar="NAME.karaoke", help="the file to import")
    parser.add_argument(
        "--to",
        type=Path,
        metavar="FOLDER",
        help="the folder to put the song in, one sub-folder per song (default: your library's "
        "songs folder)",
    )
    return parser


def run_pack(args: list[str]) -> int:
    options = pack_parser().parse_args(args)
    try:
        result = pack_song(options.song, options.output, media=not options.no_media)
    except SongError as error:
        print(f"karaoke pack: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    for note in result.notes:
        print(f"note: {note}")
    print(f"packed {len(result.entries)} files into {result.archive}")
    return EXIT_OK


def run_import(args: list[str]) -> int:
    options = import_parser().parse_args(args)
    if options.to is None:
        from karaoke.app.library_places import user_songs_folder

        destination = user_songs_folder()
    else:
        destination = options.to
    try:
        result = import_package(options.archive, destination)
    except SongError as error:
        print(f"karaoke import: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    for note in result.notes:
        print(f"note: {note}")
    if result.renamed:
        print(
            f"note: a song folder named like it was there already (left as it was), so this "
            f"one is {result.folder.name}"
        )
    print(f"imported '{result.title}' into {result.folder}")
    return EXIT_OK


def imported_song(archive: Path) -> Path | int:
    """``karaoke NAME.karaoke``: the window's question (Import / Cancel) before any window
    opens, then the imported song's folder to play; else the exit status: 0 when cancelled, 2
    when refused (shown in a box, and said on stderr)."""
    from karaoke.ui.launch import application, choose_qt_platform
    from karaoke.ui.player.package_import import ImportCancelled, offer_import

    choose_qt_platform()
    application()
    try:
        return offer_import(None, archive)
    except ImportCancelled:
        return EXIT_OK
    except SongError as error:
        print(f"karaoke: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
