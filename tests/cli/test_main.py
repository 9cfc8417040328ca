"""The command line: bad input gives one clear line on stderr and exit 2, before any window."""

import os
import subprocess
import sys

import pytest

from karaoke.cli.main import open_for_playing
from karaoke.core.errors import ProblemCode, SongError


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "karaoke", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("/no/such/song",), "karaoke: /no/such/song: no such file or folder"),
        (("{no_cue}",), "no-cue.srt:2: no SubRip cue found"),
        (("--bogus",), "karaoke: unrecognized arguments: --bogus (see karaoke --help)"),
        (("--rate", "3"), "speed must be between 0.5 and 1.5, not 3"),
        (("--volume", "101"), "volume must be between 0 and 100"),
        (("--offset", "3600001"), "offset must be within ±3600000 ms, not 3600001"),
        (("--start", "soon"), "not a time: 'soon'"),
        (("--lang", "fr"), "invalid choice: 'fr'"),
        (("--encoding", "klingon"), "argument --encoding: unknown encoding 'klingon'"),
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


def test_unknown_translation_is_refused():
    result = run("--translation", "fr", "--paused")
    assert result.returncode == 2
    assert "no 'fr' translation (it has: en)" in result.stderr


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
