"""The ``karaoke`` command: argument parsing and wiring, nothing else.

``karaoke check PATH`` validates a song. Every other first argument is taken as a song to play.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from karaoke import __version__
from karaoke.check import run_check
from karaoke.resources import bundled_song


def _check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="karaoke check",
        description="Validate a song package or lyrics file. Prints each problem as "
        "file:line: message, then a summary. Exit 0 clean, 1 problems found, 2 unusable input.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=None,
        help="song folder, song.toml, lyrics (.srt .lrc .txt) or media file (default: the bundled song)",
    )
    parser.add_argument("--lyrics", type=Path, help="lyrics file for a media file")
    parser.add_argument(
        "--show", action="store_true", help="also list every line as read: start, end, text"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--version"]:
        print(f"karaoke {__version__}")
        return 0
    if args[:1] == ["check"]:
        options = _check_parser().parse_args(args[1:])
        return run_check(options.path or bundled_song(), show=options.show, lyrics=options.lyrics)
    print("karaoke: the player is not built yet; use 'karaoke check PATH'", file=sys.stderr)
    return 2
