"""``karaoke handout SONG_OR_LESSON -o FILE.pdf``: a printable study pack.

    karaoke handout lyrics/mi-modelito-sabanero -o pack.pdf --worksheet --answers

The pack's language is the song's (a lesson's: its first song's) unless ``--lang`` says
otherwise. Unusable input (no such song or lesson, a folder that cannot be written to, a bad
option) is one line on stderr and exit status 2, and no PDF is left behind.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from karaoke.cli.common import EXIT_OK, EXIT_UNUSABLE, Parser, one_of
from karaoke.core.errors import SongError

PROG = "karaoke handout"
LANGUAGES = ("es", "en")  # karaoke.ui.handout.pdf.LANGUAGES (not imported: Qt would load first)
PAPERS = ("a4", "letter")


def handout_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description="Make a printable study pack (PDF) of a song or a lesson: a cover, the lyrics "
        "with their translation, each stanza's key idea, explanation and glossary, and the "
        "references with QR codes.",
    )
    parser.add_argument(
        "path",
        type=Path,
        help="a song (folder, song.toml, lyrics or media file) or a lesson's .toml",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help="the PDF to write (replaced if it exists)",
    )
    parser.add_argument(
        "--lang",
        type=one_of(LANGUAGES, "a language of the explanations"),
        metavar="LANG",
        help="the pack's language, es or en (default: the song's)",
    )
    parser.add_argument(
        "--paper",
        type=one_of(PAPERS, "a paper size"),
        default="a4",
        metavar="SIZE",
        help="a4 (default) or letter",
    )
    parser.add_argument(
        "--worksheet",
        action="store_true",
        help="add a worksheet: fill in the blanks and the checkpoint questions",
    )
    parser.add_argument(
        "--answers", action="store_true", help="add the answer key, on pages of its own at the end"
    )
    return parser


def unwritable(target: Path) -> str | None:
    """Why ``target`` cannot be written, or None."""
    folder = target.parent
    if target.is_dir():
        return f"{target}: is a folder, not a file name"
    if not folder.is_dir():
        return f"{folder}: no such folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder}: cannot write there (permission denied)"
    if target.exists() and not os.access(target, os.W_OK):
        return f"{target}: cannot replace it (permission denied)"
    return None


def _ensure_gui() -> None:
    """A QGuiApplication for fonts and pictures. Off-screen unless QT_QPA_PLATFORM says
    otherwise: a PDF needs no window, and a display that is named but not there (DISPLAY set
    over ssh) would abort Qt instead."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication([PROG])


def run_handout(args: list[str]) -> int:
    options = handout_parser().parse_args(args)
    target: Path = options.output
    if why := unwritable(target):
        print(f"{PROG}: {why}", file=sys.stderr)
        return EXIT_UNUSABLE
    _ensure_gui()
    from karaoke.ui.handout.pdf import PackError, PackOptions, write_pack
    from karaoke.ui.handout.sources import open_pack_source

    try:
        source = open_pack_source(options.path)
        language = options.lang or source.language
        if language not in LANGUAGES:
            language = LANGUAGES[0]
        pack = PackOptions(language, options.paper, options.worksheet, options.answers)
        pages = write_pack(source, pack, target)
    except (SongError, PackError) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    print(f"wrote {target} ({pages} pages, {language}, {options.paper})")
    return EXIT_OK
