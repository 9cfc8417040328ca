"""``karaoke sync`` and ``karaoke convert``: argument parsing and wiring, nothing else.

    karaoke sync MEDIA LYRICS [-o OUT]      time LYRICS to MEDIA with the keyboard (a window)
    karaoke convert IN OUT [--shift MS] [--scale F] [--no-words]

Bad input prints one line to stderr and exits 2, before any window opens. Every line a command
prints to stderr starts with its name, as argparse's own do: ``karaoke sync: …``,
``karaoke convert: …``.
"""

from __future__ import annotations

import argparse
import sys
from fractions import Fraction
from pathlib import Path

from karaoke.cli.common import EXIT_UNUSABLE, Parser, add_encoding_option, number, parsed
from karaoke.core.convert import Retiming, convert, parse_scale
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.formats import (
    FORMATS,
    format_for,
    read_lyrics,
    readable_extensions,
    writable_extensions,
)
from karaoke.core.model import Lyrics
from karaoke.core.paths import default_output
from karaoke.core.timefmt import HOUR_MS

SYNC_RATE_RANGE = (0.5, 1.0)
#: How far ``convert --shift`` may move times, in ms either way: a day is more than any song
#: needs, and a larger shift fails later with a message that does not name the option.
MAX_SHIFT_MS = 24 * HOUR_MS

#: What ``karaoke sync --help`` and ``karaoke convert --help`` say the commands do.
SYNC_DESCRIPTION = (
    "Time lyrics to a video or song with the keyboard: Space plays, you tap Return as each line "
    "starts (Backspace undoes, F1 lists every key), then save. Your taps are autosaved as you go. "
    "See docs/timing-editor.md."
)
#: Every lyrics format, as ``--help`` lists them: "SubRip (.srt), …, UltraStar (.txt, read only)".
FORMAT_LIST = ", ".join(
    f"{each.name} ({' '.join(each.extensions)}{'' if each.writable else ', read only'})"
    for each in FORMATS
)
CONVERT_DESCRIPTION = (
    f"Convert lyrics between {FORMAT_LIST} and song packages (a folder with song.toml), keeping "
    "word timings wherever the target can hold them. Times: new = old × scale + shift."
)


def sync_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="karaoke sync", description=SYNC_DESCRIPTION)
    parser.add_argument("media", type=Path, help="the video or audio to time against")
    parser.add_argument(
        "lyrics",
        type=Path,
        help="the words: plain text (.txt: a line per sung line, a blank line between stanzas), "
        f"or timed lyrics ({' '.join(readable_extensions())}: their times are kept until you "
        "re-tap them)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="where to save: .srt, or .lrc to keep word timings (default: beside the media, with "
        "its name, so 'karaoke MEDIA' finds it)",
    )
    parser.add_argument(
        "--rate",
        type=number(float, "a tapping speed", *SYNC_RATE_RANGE, "0.75"),
        metavar="X",
        help="tapping speed, 0.5 to 1 (times stay media times)",
    )
    parser.add_argument("--words", action="store_true", help="start in word mode")
    add_encoding_option(parser)
    resume = parser.add_mutually_exclusive_group()
    resume.add_argument(
        "--resume",
        dest="resume",
        action="store_const",
        const=True,
        help="resume unsaved taps from the autosave journal without asking",
    )
    resume.add_argument(
        "--start-over",
        dest="resume",
        action="store_const",
        const=False,
        help="ignore (and delete) an autosave journal",
    )
    return parser


def convert_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="karaoke convert", description=CONVERT_DESCRIPTION)
    parser.add_argument(
        "source",
        type=Path,
        metavar="IN",
        help=f"a lyrics file ({' '.join(readable_extensions())}) or a song",
    )
    parser.add_argument(
        "target",
        type=Path,
        metavar="OUT",
        help=f"a lyrics file ({' '.join(writable_extensions())}), or a folder (or song.toml) "
        "for a song package",
    )
    parser.add_argument(
        "--shift",
        type=number(
            int, "a shift in milliseconds", -MAX_SHIFT_MS, MAX_SHIFT_MS, example="500 or -250"
        ),
        default=0,
        metavar="MS",
        help="add MS milliseconds (negative: earlier), at most a day (86400000) either way",
    )
    parser.add_argument(
        "--scale",
        type=parsed(parse_scale, "a scale factor above 0 (e.g. 1.25 or 25/23.976)"),
        default=Fraction(1),
        metavar="F",
        help="multiply times by F, for a video at another speed (e.g. 1.25 or 25/23.976)",
    )
    parser.add_argument("--no-words", action="store_true", help="drop word timings (plain LRC)")
    add_encoding_option(parser)
    return parser


def run_convert(args: list[str]) -> int:
    options = convert_parser().parse_args(args)
    try:
        result = convert(
            options.source,
            options.target,
            Retiming(options.shift, options.scale),
            words=not options.no_words,
            encoding=options.encoding,
        )
    except SongError as error:
        print(f"karaoke convert: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    words = ", word timings kept" if result.words_kept else ""
    print(f"wrote {result.path}: {result.lines} lines{words}")
    for note in result.notes:
        print(f"karaoke convert: note: {note}", file=sys.stderr)
    return 0


def check_sync_input(
    media: Path, lyrics: Path, output: Path | None, encoding: str | None = None
) -> tuple[Lyrics, Path]:
    """Read what ``karaoke sync`` was given (the lyrics in ``encoding`` when given); raises
    :class:`SongError` with the sentence to show."""
    if not media.exists():
        raise SongError(media, "no such file", code=ProblemCode.FILE_NOT_FOUND)
    if not media.is_file():
        raise SongError(
            media, "is a folder; give the video or song file", code=ProblemCode.NOT_A_FILE
        )
    if format_for(media) is not None or media.suffix.lower() == ".toml":
        raise SongError(
            media,
            "is lyrics, not media: the media comes first (karaoke sync MEDIA LYRICS)",
            code=ProblemCode.NOT_MEDIA,
        )
    words = read_lyrics(lyrics, encoding)
    target = output or default_output(media, words)
    if target.suffix.lower() not in (".srt", ".lrc"):
        raise SongError(
            target,
            "the output must end in .srt or .lrc (a song package can be saved from the editor)",
            code=ProblemCode.NOT_WRITABLE,
        )
    if not target.parent.is_dir():
        raise SongError(
            target,
            f"cannot save there: {target.parent} is not a folder",
            code=ProblemCode.NOT_A_FOLDER,
        )
    if target.is_dir():
        raise SongError(
            target,
            "is a folder; give a file name ending in .srt or .lrc",
            code=ProblemCode.NOT_A_FILE,
        )
    return words, target


def run_sync(args: list[str]) -> int:
    options = sync_parser().parse_args(args)
    try:
        lyrics, output = check_sync_input(
            options.media, options.lyrics, options.output, options.encoding
        )
    except SongError as error:
        print(f"karaoke sync: {error}", file=sys.stderr)
        return EXIT_UNUSABLE

    import signal

    from karaoke.ui.launch import choose_qt_platform

    choose_qt_platform()
    from PySide6.QtCore import QTimer

    from karaoke.app.players import player_factory
    from karaoke.app.settings import Settings
    from karaoke.app.timing import TimingController
    from karaoke.ui.launch import application
    from karaoke.ui.shared.theme import apply_palette, theme_named
    from karaoke.ui.start_players import vlc_args
    from karaoke.ui.timing.editor_window import SyncWindow

    app = application(prog="karaoke sync")
    apply_palette(theme_named(Settings().theme))
    controller = TimingController(
        options.media, lyrics, output, make_player=player_factory(vlc_args())
    )
    window = SyncWindow(controller, resume=options.resume)
    if options.rate is not None:
        window.controller.set_rate(options.rate)
    if options.words:
        window.controller.set_word_mode(True)
    window.show()
    window.raise_()
    window.activateWindow()  # keys go to the editor at once, even without a window manager
    # Ctrl+C in the terminal closes the window properly (asking to save); Python only sees the
    # signal when it runs, so a slow timer gives it the chance.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    wake = QTimer()
    wake.start(250)
    wake.timeout.connect(lambda: None)
    status = app.exec()
    if window.controller.saved_path is not None:
        print(f"saved {window.controller.saved_path}")
    return status
