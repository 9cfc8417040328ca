"""``karaoke library``: the listing, ``add`` and ``remove``, one line and exit 2 on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from karaoke.app.library import Library
from karaoke.cli.library import run_library
from karaoke.core.package import open_song
from karaoke.core.timefmt import format_ms
from karaoke.resources import bundled_song
from tests.core.test_library import make_song


@pytest.fixture
def library(tmp_path: Path) -> Library:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return Library(store, songs_folder=tmp_path / "songs", cache_file=tmp_path / "index.json")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "karaoke", "library", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_listing_has_a_row_per_song_then_the_problems(library, tmp_path, capsys) -> None:
    make_song(library.songs_folder / "atomo", "El átomo", lines=40, questions=True)
    (library.songs_folder / "roto").mkdir()
    (library.songs_folder / "roto" / "song.toml").write_text("title = \n", encoding="utf-8")
    assert run_library([], library) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["TITLE", "LANGUAGE", "LENGTH", "STANZAS", "QUESTIONS", "PATH"]
    atom = next(line for line in lines if line.startswith("El átomo"))
    assert atom.split()[2:] == ["es", "1:20", "2", "yes", str(library.songs_folder / "atomo")]
    bundled = next(line for line in lines if line.startswith("Mi Modelito Sabanero"))
    length = format_ms(open_song(bundled_song()).song.duration_ms, millis=False)  # lyrics' end
    assert bundled.split()[3:] == ["es", length, "10", "yes", str(bundled_song())]
    # the columns line up: every row's language starts where the header's does
    assert atom.index(" es ") + 1 == lines[0].index("LANGUAGE")
    problems = lines.index("1 folder could not be opened:")
    assert lines[problems + 1].startswith(f"{library.songs_folder / 'roto'}: ")
    assert "not valid TOML" in lines[problems + 1]
    assert lines[-1] == "2 songs"


def test_add_then_list_then_remove(library, tmp_path, capsys) -> None:
    make_song(tmp_path / "class" / "a", "Primera")
    make_song(tmp_path / "class" / "b", "Segunda")
    assert run_library(["add", str(tmp_path / "class")], library) == 0
    assert capsys.readouterr().out == f"added {tmp_path / 'class'}: 2 songs\n"
    run_library([], library)
    assert "Segunda" in capsys.readouterr().out
    assert run_library(["remove", str(tmp_path / "class")], library) == 0
    assert "nothing was deleted" in capsys.readouterr().out
    assert library.added_folders() == []
    assert (tmp_path / "class" / "a" / "song.toml").is_file()


def test_add_refuses_a_missing_path_or_a_file(library, tmp_path, capsys) -> None:
    assert run_library(["add", str(tmp_path / "nowhere")], library) == 2
    err = capsys.readouterr().err
    assert err == f"karaoke library add: {tmp_path / 'nowhere'}: no such folder\n"
    (tmp_path / "song.srt").write_text("x")
    assert run_library(["add", str(tmp_path / "song.srt")], library) == 2
    assert capsys.readouterr().err.endswith("song.srt: not a folder\n")
    assert library.added_folders() == []


def test_remove_refuses_a_folder_that_was_not_added(library, tmp_path, capsys) -> None:
    assert run_library(["remove", str(tmp_path)], library) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a folder added to the library (added: none)" in err


def test_the_command_line_keeps_the_added_folder_between_runs(tmp_path) -> None:
    """Through ``python -m karaoke``: the settings and cache in this test run's XDG folders."""
    make_song(tmp_path / "mine" / "song", "Solo mía")
    added = run("add", str(tmp_path / "mine"))
    assert (added.returncode, added.stderr) == (0, "")
    listed = run()
    assert listed.returncode == 0 and "Solo mía" in listed.stdout
    assert run("remove", str(tmp_path / "mine")).returncode == 0
    assert "Solo mía" not in run().stdout


def test_usage_errors_are_one_line(tmp_path) -> None:
    missing = run("add")
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert missing.stderr.startswith("karaoke library add: ")
    bad = run("add", str(tmp_path / "none"))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
