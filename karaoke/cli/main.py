"""The ``karaoke`` command: argument parsing and wiring, nothing else.

    karaoke [PATH] [options]          play a song or a lesson (default: the bundled song)
    karaoke check [PATH] [--show]     validate a song or a lesson
    karaoke sync MEDIA LYRICS [-o OUT]   time lyrics to a media with the keyboard
    karaoke convert IN OUT [--shift MS] [--scale F]   convert lyrics and song packages
    karaoke library [add PATH | remove PATH]   list the song library, add or remove a folder
    karaoke pack SONG -o NAME.karaoke [--no-media]   one file to share a song
    karaoke import NAME.karaoke       import a shared song into the library
    karaoke handout SONG_OR_LESSON -o FILE.pdf   a printable study pack
    karaoke install-desktop           add the app to the desktop menu ("Open with" for .srt/.lrc)
    karaoke uninstall-desktop         remove it again

Bad input prints one line to stderr and exits 2. A song is read once the window's frame is on
screen (``karaoke.ui.launch.run_window``): a problem in its files hides the frame again first.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from karaoke import __version__
from karaoke.cli.common import (
    EXIT_UNUSABLE,
    Parser,
    add_encoding_option,
    bad_value,
    number,
    one_of,
    parsed,
)
from karaoke.core.archive import SUFFIX as PACKAGE_SUFFIX
from karaoke.core.errors import SongError
from karaoke.core.formats import readable_extensions
from karaoke.core.lesson_file import is_lesson_file
from karaoke.core.rate import RATE_MAX, RATE_MIN
from karaoke.core.timefmt import (
    MAX_OFFSET_MS,
    SECOND_MS,
    ClockRangeError,
    format_ms,
    parse_time_ms,
)
from karaoke.resources import bundled_song

if TYPE_CHECKING:
    from karaoke.core.model import Song
    from karaoke.core.package import OpenedSong
    from karaoke.ui.launch import StartOptions

COMMANDS = (
    *("check", "sync", "convert", "library", "pack", "import", "handout"),
    *("install-desktop", "uninstall-desktop"),
)
#: The languages the explanations can be shown in (``--lang``).
EXPLANATION_LANGUAGES = ("es", "en")
#: What ``--start`` takes, said when it is given something else.
START_TIME = "a time from the start of the song (seconds, M:SS or H:MM:SS, e.g. 90 or 1:30)"
#: How much of the song ``--start`` must leave to play, in ms: a start closer to the end would
#: show nothing but the end (libvlc's last time report comes up to 1.3 s before it anyway).
START_BEFORE_END_MS = SECOND_MS
#: The phones' server's port by default: ``karaoke.companion.server.DEFAULT_PORT`` (not imported
#: here: aiohttp would slow every start; a test keeps the two equal).
COMPANION_PORT = 8765


#: What ``--companion-interface`` takes, said when it is given something else.
INTERFACE_ADDRESS = "an IP address (e.g. 192.168.1.20)"


def _interface_address(text: str) -> str:
    """``--companion-interface``: one interface's IP address (v4 or v6) as the standard library
    writes it. Refused, saying why: 0.0.0.0 and ``::`` (every network at once, where the
    server must listen on the class's network only), a multicast address (no interface's) and
    a link-local IPv6 address without its ``%interface`` (every interface has one)."""
    import ipaddress  # here: only this option needs it, and it costs every start ~2 ms

    address = ipaddress.ip_address(text.strip())
    why = ""
    if address.is_unspecified:
        why = "0.0.0.0 and :: mean every network; e.g. 192.168.1.20"
    elif address.is_multicast:
        why = "a multicast group is no interface's; e.g. 192.168.1.20"
    elif isinstance(address, ipaddress.IPv6Address) and address.is_link_local:
        why = "" if address.scope_id else "a link-local one needs its interface, e.g. fe80::1%eth0"
    if why:
        raise bad_value(text, f"one network interface's address ({why})")
    return str(address)


def _start_time(text: str) -> str:
    """``--start``: ``text`` when it is a time from the song's start (never negative), kept as
    typed so that a time past the end can be named as the user wrote it. "1:75" is refused
    with what is wrong in it (see :class:`ClockRangeError`), not only with the forms to use."""
    if text.strip().startswith("-"):
        raise ValueError(text)
    try:
        parse_time_ms(text)
    except ClockRangeError as error:
        raise bad_value(text, f"a time: {error}") from None
    return text.strip()


def play_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="karaoke",
        description="Play a science song: its video, the lyrics lit word by word, and the science "
        "behind each verse. Other commands: 'karaoke check PATH' validates a song; "
        "'karaoke sync MEDIA LYRICS' times lyrics with the keyboard; 'karaoke convert IN OUT' "
        "converts lyrics and song packages; 'karaoke library' lists the song library; "
        "'karaoke pack SONG -o NAME.karaoke' / 'karaoke import NAME.karaoke' share a song as one "
        "file; 'karaoke handout SONG_OR_LESSON -o FILE.pdf' makes a printable study pack; "
        "'karaoke install-desktop' / 'uninstall-desktop' add or remove the desktop menu entry.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a song folder or its song.toml; a media file (with a same-named lyrics file beside "
        f"it, or --lyrics); or a lyrics file alone ({' '.join(readable_extensions())}). "
        "Default: the bundled song",
    )
    parser.add_argument("--lyrics", type=Path, metavar="FILE", help="lyrics for a media file")
    add_encoding_option(parser)
    parser.add_argument(
        "--start",
        type=parsed(_start_time, START_TIME),
        default="0",
        metavar="TIME",
        help="start at TIME (seconds, M:SS or H:MM:SS), at least a second before the end of "
        "the song",
    )
    parser.add_argument(
        "--offset",
        type=number(
            int, "a time offset in milliseconds", -MAX_OFFSET_MS, MAX_OFFSET_MS, "250 or -120"
        ),
        metavar="MS",
        help="lyrics delay in ms (positive: lyrics later); remembered per song",
    )
    parser.add_argument(
        "--rate",
        type=number(float, "a speed", RATE_MIN, RATE_MAX, "0.75 or 1"),
        metavar="X",
        help=f"speed, {RATE_MIN} to {RATE_MAX} (pitch kept)",
    )
    parser.add_argument(
        "--volume",
        type=number(int, "a volume", 0, 100, "80"),
        metavar="0-100",
        help="volume, remembered",
    )
    parser.add_argument(
        "--fullscreen", action="store_true", help="start fullscreen (F or F11 toggles, Esc leaves)"
    )
    parser.add_argument(
        "--paused",
        action="store_true",
        help="open the song paused, on its picture at the start (or at --start)",
    )
    parser.add_argument(
        "--lang",
        type=one_of(EXPLANATION_LANGUAGES, "a language of the explanations"),
        metavar="LANG",
        help=f"language of the explanations: {' or '.join(EXPLANATION_LANGUAGES)} (default: the "
        "interface's)",
    )
    _add_desktop_option(parser)
    _add_presenting_options(parser.add_argument_group("presenting to a class"))
    parser.add_argument("--version", action="version", version=f"karaoke {__version__}")
    return parser


def _add_desktop_option(parser: argparse.ArgumentParser) -> None:
    """``--from-desktop``, which the desktop menu's entry passes (assets/desktop)."""
    parser.add_argument(
        "--from-desktop",
        action="store_true",
        help="started from the desktop menu (its entry passes it): a song that cannot be "
        "played is also said in a dialog, where no terminal shows the message",
    )


def _add_presenting_options(present: argparse._ArgumentGroup) -> None:
    """``--present`` and the options that go with it."""
    present.add_argument(
        "--present",
        action="store_true",
        help="audience view fullscreen on the projector, presenter console on this screen",
    )
    present.add_argument(
        "--screen",
        type=number(int, "a screen number (0, 1, …; see karaoke --list-screens)", 0),
        metavar="N",
        help="the audience screen (see --list-screens); default: the largest other screen",
    )
    present.add_argument("--list-screens", action="store_true", help="name the screens and exit")
    present.add_argument(
        "--teach", action="store_true", help="pause at the end of each stanza to explain it (T)"
    )
    present.add_argument(
        "--translation",
        metavar="LANG",
        help="show the song's translation under each line (e.g. en)",
    )
    present.add_argument(
        "--companion",
        action="store_true",
        help="presenting, serve pages for the students' phones and a remote for the teacher "
        "(a local web server; prints the students' address). Implies --present",
    )
    present.add_argument(
        "--companion-port",
        type=number(int, "a port", 0, 65535, str(COMPANION_PORT)),
        metavar="N",
        help=f"the phones' server port (default: {COMPANION_PORT}; a free one if it is taken)",
    )
    present.add_argument(
        "--companion-interface",
        type=parsed(_interface_address, INTERFACE_ADDRESS),
        metavar="ADDR",
        help="the address the phones' server listens on (default: this computer's address on "
        "the local network; the presenter console lists the others)",
    )


def _check_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="karaoke check",
        description="Validate a song package, lyrics file or lesson. Prints each problem as "
        "file:line: message, then a summary. Exit 0 clean, 1 problems found, 2 unusable input.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="song folder, song.toml, lyrics or media file, or a lesson's .toml (default: the "
        "bundled song)",
    )
    parser.add_argument("--lyrics", type=Path, metavar="FILE", help="lyrics file for a media file")
    add_encoding_option(parser)
    parser.add_argument(
        "--show", action="store_true", help="also list every line as read: start, end, text"
    )
    return parser


def open_for_playing(path: Path, lyrics: Path | None, encoding: str | None = None) -> OpenedSong:
    """Open a song to play it (its lyrics in ``encoding`` when given): problems that would make
    it play wrong are an error here."""
    # Here, not at the top: the song reader's modules load once the window's frame is up.
    from karaoke.core.package import open_song

    opened = open_song(path, lyrics=lyrics, encoding=encoding)
    opened.refuse_errors(path)
    return opened


def refused_option(options: argparse.Namespace, song: Song) -> str | None:
    """Why an option cannot be done with ``song`` ("--start: '9:00' is past the end of the song
    (2:40.800 long); the latest start is 2:39"), or None. Options that are wrong whatever the
    song are refused by the parser."""
    translations = song.translations
    if options.translation and options.translation not in translations:
        have = f"it has: {', '.join(sorted(translations))}" if translations else "it has none"
        return f"--translation: '{options.translation}' is not a translation of this song ({have})"
    start_ms = parse_time_ms(options.start)
    if start_ms > 0:
        length_ms, what = song_length_ms(song)
        latest_ms = max(0, length_ms - START_BEFORE_END_MS)
        if start_ms > latest_ms:
            where = "past the end" if start_ms >= length_ms else "less than a second before the end"
            length = format_ms(length_ms, millis=length_ms % SECOND_MS != 0)
            latest = format_ms(latest_ms, millis=False)  # whole seconds, rounded down: it fits
            return (
                f"--start: '{options.start}' is {where} of the {what} ({length} long); "
                f"the latest start is {latest}"
            )
    return None


def song_length_ms(song: Song) -> tuple[int, str]:
    """How long ``song`` plays, in ms, and what that is the length of: its media's length as
    libvlc reads it from the file ("song"), else where its lyrics end ("lyrics": a lyrics-only
    song, or media libvlc cannot read, which then plays as lyrics only)."""
    if song.media is not None:
        from karaoke.player.vlc_instance import media_length_ms

        if (length_ms := media_length_ms(song.media)) is not None:
            return length_ms, "song"
    return song.duration_ms, "lyrics"


def _desktop(command: str, args: list[str]) -> int:
    from karaoke.desktop_install import DesktopInstallError, install_desktop, uninstall_desktop

    Parser(
        prog=f"karaoke {command}", description=f"{command.replace('-', ' ')} the desktop menu entry"
    ).parse_args(args)
    try:
        paths = install_desktop() if command == "install-desktop" else uninstall_desktop()
    except DesktopInstallError as error:
        print(f"karaoke {command}: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    verb = "installed" if command == "install-desktop" else "removed"
    for path in paths:
        print(f"{verb} {path}")
    if not paths:
        print("nothing to remove")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # Each sub-command's module is imported when it runs: the player starts without them.
    if args[:1] == ["check"]:
        from karaoke.cli.check import run_check

        options = _check_parser().parse_args(args[1:])
        return run_check(
            options.path or bundled_song(),
            show=options.show,
            lyrics=options.lyrics,
            encoding=options.encoding,
        )
    if args[:1] in (["sync"], ["convert"]):
        from karaoke.cli.sync import run_convert, run_sync

        return (run_sync if args[0] == "sync" else run_convert)(args[1:])
    if args[:1] == ["library"]:
        from karaoke.cli.library import run_library

        return run_library(args[1:])
    if args[:1] in (["pack"], ["import"]):
        from karaoke.cli.packing import run_import, run_pack

        return (run_pack if args[0] == "pack" else run_import)(args[1:])
    if args[:1] == ["handout"]:
        from karaoke.cli.handout import run_handout

        return run_handout(args[1:])
    if args[:1] and args[0] in COMMANDS:
        return _desktop(args[0], args[1:])

    options = play_parser().parse_args(args)
    if options.list_screens:
        from karaoke.ui.launch import list_screens

        return list_screens()
    if options.path is not None and options.path.suffix.lower() == PACKAGE_SUFFIX:
        from karaoke.cli.packing import imported_song  # asks in a window, then plays it

        if isinstance(imported := imported_song(options.path), int):
            return imported
        options.path = imported
    path = options.path or bundled_song()
    if options.lyrics is None and is_lesson_file(path):
        from karaoke.cli.lesson_play import play_lesson

        given = any(arg == "--start" or arg.startswith("--start=") for arg in args)
        return play_lesson(path, start_options(options), start_given=given)
    from karaoke.ui.launch import run_window

    # A path that is not there is said at once; any other problem with the song only shows
    # when it is read, which is done while the window's frame is already on screen.
    missing = any(not os.path.exists(given) for given in (path, options.lyrics) if given)
    return run_window(
        functools.partial(song_to_play, path, options),
        start_options(options),
        read_first=missing,
    )


def song_to_play(path: Path, options: argparse.Namespace) -> OpenedSong | str:
    """The song ``karaoke PATH OPTIONS`` plays, or the one line that says why it cannot
    (the file and line of a problem in it, or the option it refuses)."""
    try:
        opened = open_for_playing(path, options.lyrics, options.encoding)
    except SongError as error:
        return str(error)
    return refused_option(options, opened.song) or opened


def start_options(options: argparse.Namespace) -> StartOptions:
    """What the window is to do at start, from the command line's options."""
    from karaoke.ui.launch import StartOptions

    return StartOptions(
        start_ms=parse_time_ms(options.start),
        offset_ms=options.offset,
        rate=options.rate,
        volume=options.volume,
        fullscreen=options.fullscreen,
        paused=options.paused,
        language=options.lang,
        present=options.present or options.companion,
        screen=options.screen,
        teach=options.teach,
        translation=options.translation,
        companion=options.companion,
        companion_port=options.companion_port,
        companion_interface=options.companion_interface,
        from_desktop=options.from_desktop,
    )
