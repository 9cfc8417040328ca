"""The command line: bad input gives one clear line on stderr and exit 2."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from karaoke.cli.main import COMMANDS, main, open_for_playing, play_parser
from karaoke.core.errors import ProblemCode, SongError
from karaoke.ui import launch
from karaoke.ui.launch import StartOptions
from tests.conftest import BUNDLED, REPO, SCREENS_JSON


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "karaoke", *args], capture_output=True, text=True, timeout=60
    )


def run_in_process(monkeypatch, capsys, *args: str) -> tuple[int, str, list[StartOptions]]:
    """``karaoke ARGS`` in this process: its exit status, its stderr, and the options a window
    would have been opened with (none is: ``run_window`` only records them)."""
    started: list[StartOptions] = []

    def run_window(read, options, read_first=False) -> int:  # reads the song as the real one
        if isinstance(opened := read(), str):
            print(f"karaoke: {opened}", file=sys.stderr)
            return 2
        started.append(options)
        return 0

    monkeypatch.setattr(launch, "run_window", run_window)
    try:
        status = main(list(args))
    except SystemExit as exited:
        status = exited.code if isinstance(exited.code, int) else 1
    return status, capsys.readouterr().err, started


#: --companion-interface's refusals of an address no interface has.
EVERY_NETWORK = "one network interface's address (0.0.0.0 and :: mean every network; e.g. 192."
MULTICAST = "one network interface's address (a multicast group is no interface's; e.g. 192."

#: (arguments, the option, what the one line says after "karaoke: --OPTION: 'VALUE' is not ").
BAD_VALUES = [
    (("--start", "soon"), "--start", "a time from the start of the song (seconds, M:SS"),
    (("--start", "-5"), "--start", "a time from the start of the song"),
    (("--start", "1:2:3:4"), "--start", "a time from the start of the song"),
    (
        ("--start", "1:75"),
        "--start",
        "a time: the seconds must be below 60 when minutes are given (1:75 would be 2:15)\n",
    ),
    (("--start", "0:99"), "--start", "a time: the seconds must be below 60 when minutes are"),
    (("--start", "1:60:00"), "--start", "a time: the minutes must be below 60 when hours are"),
    (("--offset", "abc"), "--offset", "a time offset in milliseconds within ±3600000 (e.g. 250"),
    (("--offset", "3600001"), "--offset", "a time offset in milliseconds within ±3600000"),
    (("--offset", "1.5"), "--offset", "a time offset in milliseconds"),
    (("--rate", "3"), "--rate", "a speed from 0.5 to 1.5"),
    (("--rate", "fast"), "--rate", "a speed from 0.5 to 1.5"),
    (("--volume", "101"), "--volume", "a volume from 0 to 100"),
    (("--volume", "loud"), "--volume", "a volume from 0 to 100"),
    (("--screen", "two"), "--screen", "a screen number (0, 1, …; see karaoke --list-screens)"),
    (("--screen", "-1"), "--screen", "a screen number"),
    (("--lang", "fr"), "--lang", "a language of the explanations (es or en)"),
    (("--encoding", "klingon"), "--encoding", "a text encoding Python knows (e.g. utf-8"),
    (("check", "--encoding", "klingon"), "--encoding", "a text encoding Python knows"),
    (("sync", "a.mp4", "b.txt", "--rate", "2"), "--rate", "a tapping speed from 0.5 to 1.0"),
    (("sync", "a.mp4", "b.txt", "--encoding", "?"), "--encoding", "a text encoding Python"),
    (("convert", "a.srt", "b.lrc", "--shift", "x"), "--shift", "a shift in milliseconds within ±8"),
    (("convert", "a.srt", "b.lrc", "--scale", "0"), "--scale", "a scale factor above 0 (e.g."),
    (("convert", "a.srt", "b.lrc", "--scale", "1/0"), "--scale", "a scale factor above 0"),
    (("convert", "a.srt", "b.lrc", "--encoding", "x"), "--encoding", "a text encoding Python"),
    (("--translation", "fr"), "--translation", "a translation of this song (it has: en)"),
    (("--companion-port", "70000"), "--companion-port", "a port from 0 to 65535 (e.g. 8765)"),
    (("--companion-interface", "my-laptop"), "--companion-interface", "an IP address (e.g."),
    (("--companion-interface", "0.0.0.0"), "--companion-interface", EVERY_NETWORK),
    (("--companion-interface", "::"), "--companion-interface", EVERY_NETWORK),
    (("--companion-interface", "224.0.0.1"), "--companion-interface", MULTICAST),
    (("--companion-interface", "ff02::1"), "--companion-interface", MULTICAST),
    (
        ("--companion-interface", "fe80::1"),
        "--companion-interface",
        "one network interface's address (a link-local one needs its interface, e.g. fe80::1%",
    ),
]


@pytest.mark.parametrize(("args", "option", "expected"), BAD_VALUES)
def test_a_bad_value_is_one_line_naming_the_option_and_the_value(
    monkeypatch, capsys, args, option, expected
):
    status, err, started = run_in_process(monkeypatch, capsys, *args)
    assert (status, started) == (2, [])
    prog = " ".join(["karaoke", *args[:1]]) if args[0] in COMMANDS else "karaoke"
    assert err.startswith(f"{prog}: {option}: {args[-1]!r} is not {expected}"), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "_" not in err.split(": ", 2)[2].replace("shift_jis", "")  # no internal names


def test_every_option_that_takes_a_value_has_its_bad_value_tested():
    """A new option with a ``type`` or ``choices`` joins :data:`BAD_VALUES`."""
    from karaoke.cli.main import _check_parser
    from karaoke.cli.sync import convert_parser, sync_parser

    tested = {(args[0] if args[0] in COMMANDS else "", option) for args, option, _ in BAD_VALUES}
    parsers = {"": play_parser(), "check": _check_parser()}
    parsers |= {"sync": sync_parser(), "convert": convert_parser()}
    for command, parser in parsers.items():
        for action in parser._actions:
            parses = action.choices is not None or action.type not in (None, Path)
            if action.option_strings and parses:
                assert (command, action.option_strings[-1]) in tested, (command, action)
    assert ("", "--translation") in tested  # a plain string, checked against the song


def test_usage_errors_of_argparse_point_to_help(monkeypatch, capsys):
    for args, expected in [
        (("--bogus",), "karaoke: unrecognized arguments: --bogus (see karaoke --help)\n"),
        (("--offset",), "karaoke: --offset: expected one argument (see karaoke --help)\n"),
    ]:
        assert run_in_process(monkeypatch, capsys, *args)[:2] == (2, expected)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("/no/such/song",), "karaoke: /no/such/song: no such file or folder"),
        (("{no_cue}",), "no-cue.srt:2: no SubRip cue found"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, args, expected):
    no_cue = tmp_path / "no-cue.srt"
    no_cue.write_text("1\n00:00:01\nA time with no arrow: no player reads it\n")
    result = run(*(arg.format(no_cue=no_cue) for arg in args))
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_start_past_the_end_of_the_video_is_refused_with_its_length(monkeypatch, capsys):
    status, err, started = run_in_process(monkeypatch, capsys, "--start", "9:00")
    assert (status, started) == (2, [])
    assert err == (
        "karaoke: --start: '9:00' is past the end of the song (2:40.800 long); "
        "the latest start is 2:39\n"
    )


def test_start_must_leave_a_second_of_the_song_as_help_says(monkeypatch, capsys):
    """The bundled video is 2:40.8 long: 2:40 is before its end, but leaves nothing to play."""
    assert "at least a second before the end" in " ".join(play_parser().format_help().split())
    status, err, started = run_in_process(monkeypatch, capsys, "--start", "2:40")
    assert (status, started) == (2, [])
    assert err == (
        "karaoke: --start: '2:40' is less than a second before the end of the song "
        "(2:40.800 long); the latest start is 2:39\n"
    )
    status, err, started = run_in_process(monkeypatch, capsys, "--start", "2:39")
    assert (status, err, [options.start_ms for options in started]) == (0, "", [159_000])


def test_start_past_the_end_of_a_lyrics_only_song_names_where_the_lyrics_end(
    monkeypatch, capsys, tmp_path
):
    lyrics = tmp_path / "song.srt"
    lyrics.write_text("1\n00:00:01,000 --> 00:00:05,500\nThe only line\n")
    status, err, started = run_in_process(monkeypatch, capsys, str(lyrics), "--start", "6")
    assert (status, started) == (2, [])
    assert err == (
        "karaoke: --start: '6' is past the end of the lyrics (0:05.500 long); "
        "the latest start is 0:04\n"
    )
    status, err, started = run_in_process(monkeypatch, capsys, str(lyrics), "--start", "0:05")
    assert (status, started) == (2, [])
    assert "'0:05' is less than a second before the end of the lyrics" in err
    status, err, started = run_in_process(monkeypatch, capsys, str(lyrics), "--start", "0:04.5")
    assert (status, [options.start_ms for options in started]) == (0, [4_500])


@pytest.mark.parametrize(
    ("platform", "screen", "expected"),
    [
        ("offscreen", "5", "'5' is not a screen here: there is only 1 screen (0);"),
        (f"offscreen:configfile={SCREENS_JSON}", "4", "there are 4 screens (0 to 3);"),
    ],
)
def test_a_screen_that_is_not_there_is_refused(platform, screen, expected):
    env = {**os.environ, "QT_QPA_PLATFORM": platform}
    result = subprocess.run(
        [sys.executable, "-m", "karaoke", "--present", "--paused", "--screen", screen],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("karaoke: --screen: "), result.stderr
    assert expected in result.stderr
    assert result.stderr.strip().endswith("see karaoke --list-screens")
    assert len(result.stderr.splitlines()) == 1


def test_malformed_cue_refuses_to_play_and_names_the_line(tmp_path):
    lyrics = tmp_path / "song.srt"
    lyrics.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:O3,000 --> 00:00:04,000\nlost\n"
    )
    result = run(str(lyrics))
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"karaoke: {lyrics}:6: malformed cue: invalid time '00:00:O3,000' (expected HH:MM:SS,mmm)"
    )


def test_a_refused_song_keeps_its_code_and_counts_the_rest(tmp_path):
    lyrics = tmp_path / "song.srt"
    good, bad = "00:00:01,000 --> 00:00:02,000", "00:00:O3,000 --> 00:00:04,000"
    lyrics.write_text(f"1\n{good}\nok\n\n2\n{bad}\nlost\n\n3\nno time\n")
    with pytest.raises(SongError) as caught:
        open_for_playing(lyrics, None)
    assert caught.value.code is ProblemCode.MALFORMED_CUE
    assert str(caught.value).endswith(f" (and 1 more: run 'karaoke check {lyrics}')")


def test_encoding_option_reads_the_lyrics_in_it_before_any_window(tmp_path):
    lyrics = tmp_path / "song.srt"
    lyrics.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nЗвёзды\n".encode("koi8-r"))
    assert open_for_playing(lyrics, None, "koi8-r").song.lines[0].text == "Звёзды"
    result = run(str(lyrics), "--encoding", "utf-8")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"karaoke: {lyrics}:3: cannot decode the text as UTF-8 (byte 0xfa)"
    )


def test_version_and_help():
    assert run("--version").stdout.strip().startswith("karaoke ")
    help_text = run("--help").stdout
    for option in (
        "--lyrics",
        "--start",
        "--offset",
        "--rate",
        "--volume",
        "--fullscreen",
        "--paused",
        "--lang",
        "--encoding",
    ):
        assert option in help_text


def test_install_and_uninstall_desktop_entry(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path)}
    installed = subprocess.run(
        [sys.executable, "-m", "karaoke", "install-desktop"],
        capture_output=True, text=True, timeout=60, env={**os.environ, **env},
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    desktop = tmp_path / "applications" / "io.github.karaoke_ciencia.Karaoke.desktop"
    assert f"installed {desktop}" in installed.stdout
    assert "MimeType=application/x-subrip;" in desktop.read_text()
    removed = subprocess.run(
        [sys.executable, "-m", "karaoke", "uninstall-desktop"],
        capture_output=True, text=True, timeout=60, env={**os.environ, **env},
    )  # fmt: skip
    assert removed.returncode == 0 and f"removed {desktop}" in removed.stdout
    assert not desktop.exists()


def test_list_screens_names_each_screen_and_the_default_audience():
    result = run("--list-screens")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 4  # tests/ui/screens.json
    assert lines[0].startswith("0: 0-laptop 1366×768 at 0,0  (primary)")
    assert lines[3].endswith("(audience by default)")


def test_without_a_display_it_says_so_instead_of_aborting():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "karaoke", "--paused"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("karaoke: no graphical display here")
    assert len(result.stderr.strip().splitlines()) == 1


#: What the command line leaves for after the window's frame is on screen: Qt (``karaoke
#: check`` and a bad option need none; loaded after PySide6's module scan is switched off,
#: ``launch.skip_pyside_source_scan``) and the song reader (~50 ms of the start, issue 15).
NOT_BEFORE_THE_FRAME = (
    *("PySide6", "karaoke.core.package", "karaoke.core.manifest"),
    *("karaoke.core.markdown_safety", "karaoke.core.manifest_questions", "tomllib"),
)


def test_parsing_the_command_line_loads_neither_qt_nor_the_song_reader():
    """``karaoke [OPTIONS] [SONG]`` parses its options and asks whether the path is a lesson
    with the standard library and a little of ``karaoke.core``."""
    script = (
        "import sys\n"
        "from karaoke.cli.main import bundled_song, is_lesson_file, play_parser\n"
        "options = play_parser().parse_args(['--start', '0:30', '--encoding', 'utf-8'])\n"
        "assert not is_lesson_file(bundled_song())\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = [m for m in result.stdout.split() if m.split(".")[0] in ("PySide6", "tomllib")]
    loaded += [m for m in result.stdout.split() if m in NOT_BEFORE_THE_FRAME]
    assert loaded == []


def stages_of(result: subprocess.CompletedProcess) -> list[str]:
    """The start-up stages ``KARAOKE_TIMINGS=1`` printed, in order."""
    return [
        " ".join(line.split()[1:-1])
        for line in result.stderr.splitlines()
        if line.startswith("timing ")
    ]


def run_timed(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """``karaoke ARGS`` printing its start-up stages ({no_cue}: a SubRip file with no cue),
    with the settings in ``tmp_path / "config"``."""
    no_cue = tmp_path / "no-cue.srt"
    no_cue.write_text("1\n00:00:01\nA time with no arrow: no player reads it\n")
    return subprocess.run(
        [sys.executable, "-m", "karaoke", *(arg.format(no_cue=no_cue) for arg in args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "KARAOKE_TIMINGS": "1", "XDG_CONFIG_HOME": str(tmp_path / "config")},
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["{no_cue}"], "{no_cue}:2: no SubRip cue found: malformed cue"),
        (["--start", "9:00"], "--start: '9:00' is past the end of the song (2:40.800 long)"),
    ],
)
def test_a_bad_song_is_found_with_the_frame_on_screen_then_said_in_one_line(tmp_path, args, said):
    """The song is read while the window's frame is already up (issue 15): a problem found
    then (in its files, or an option it refuses) hides the frame, says what it is in one line
    and exits 2 — and leaves the settings as they were: closing the frame would store its empty
    layout as the user's (the dock's place and size lost)."""
    stored = tmp_path / "config" / "karaoke-ciencia" / "karaoke.conf"
    stored.parent.mkdir(parents=True)
    stored.write_text("[window]\nstate=@ByteArray(the layout the user left)\n")
    before = stored.read_bytes()
    result = run_timed(tmp_path, *args)
    assert result.returncode == 2, result.stderr
    assert stages_of(result) == ["qt imported", "qapplication", "frame shown", "song read"]
    lines = [line for line in result.stderr.splitlines() if not line.startswith("timing ")]
    assert len(lines) == 1, lines
    assert lines[0].startswith("karaoke: " + said.format(no_cue=tmp_path / "no-cue.srt"))
    assert stored.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["/no/such/song"],
        ["{no_cue}", "--present"],
        ["{no_cue}", "--fullscreen"],
        [str(BUNDLED / "mi-modelito-sabanero.mp4"), "--lyrics", "/no/such.lrc"],
    ],
)
def test_a_missing_path_presenting_or_fullscreen_read_the_song_before_loading_qt(tmp_path, args):
    """No frame first where nothing is to show or the window does not open as a frame: a
    path that is not there (the song's or --lyrics'), presenting, fullscreen (and no display:
    see above)."""
    result = run_timed(tmp_path, *args)
    assert result.returncode == 2, result.stderr
    assert stages_of(result) == ["song read"]
    assert len([line for line in result.stderr.splitlines() if "timing" not in line]) == 1


#: Modules that playing a song does not need before its window opens: other commands', the
#: lesson reader's (with pyphen), the writers' (tempfile, json), the HTML entities (for a line
#: with one) and the other lyrics formats'.
#: (Not ipaddress nor shutil: Python 3.11's pathlib imports the first, through urllib.parse, and
#: argparse's help formatter the second.)
NOT_NEEDED_TO_PLAY = (
    *("karaoke.cli.check", "karaoke.cli.sync", "karaoke.cli.library", "karaoke.cli.packing"),
    *("karaoke.cli.handout", "karaoke.cli.lesson_play", "karaoke.core.lesson"),
    *("karaoke.core.timeline", "karaoke.core.syllables", "pyphen", "importlib.resources"),
    *("karaoke.core.package_writer", "json", "tempfile", "zipfile", "html"),
    *("karaoke.core.formats.ass", "karaoke.core.formats.ultrastar", "fractions", "decimal"),
    *("karaoke.core.formats.lrc", "karaoke.core.formats.webvtt", "karaoke.core.formats.plain"),
)


@pytest.mark.parametrize("given", ["nothing", "a media file", "a lyrics file"])
def test_playing_a_song_imports_only_what_opening_it_needs(tmp_path, given):
    """What ``karaoke [--present …] [SONG]`` does before its window (parse the options, ask
    whether the path is a lesson, open the song), in a fresh interpreter, imports none of
    :data:`NOT_NEEDED_TO_PLAY`: each costs the start-up time (issue 15). The song's own lyrics
    format (SubRip) is imported. Given nothing, it opens the bundled song."""
    lyrics = (BUNDLED / "lyrics.srt").read_bytes()
    (tmp_path / "clip.mp4").write_bytes(b"not really a video")
    (tmp_path / "clip.srt").write_bytes(lyrics)
    (tmp_path / "words.srt").write_bytes(lyrics)
    path = {"nothing": [], "a media file": ["clip.mp4"], "a lyrics file": ["words.srt"]}[given]
    script = (
        "import sys\n"
        "from karaoke.cli.main import bundled_song, is_lesson_file, open_for_playing, play_parser\n"
        "options = play_parser().parse_args(\n"
        "    ['--present', '--start', '0:30', '--encoding', 'utf-8', *sys.argv[1:]])\n"
        "path = options.path or bundled_song()\n"
        "assert not is_lesson_file(path)\n"
        "open_for_playing(path, None, options.encoding)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *path],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = set(result.stdout.split())
    assert "karaoke.core.formats.subrip" in imported
    assert sorted(imported.intersection(NOT_NEEDED_TO_PLAY)) == []
