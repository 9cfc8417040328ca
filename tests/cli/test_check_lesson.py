"""``karaoke check lesson.toml``: the lesson, its songs and each item against its song."""

from __future__ import annotations

import subprocess
import sys

from karaoke.cli.main import main
from tests.conftest import BUNDLED

LESSON = f"""\
kind = "lesson"
title = "Dos partes"

[[item]]
song = "{BUNDLED}"
stanzas = "1-2"

[[item]]
song = "{BUNDLED}"
stanzas = "9-10"
teaching_pauses = false
questions = ["s9q1"]
"""


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "karaoke", *args], capture_output=True, text=True, timeout=60
    )


def test_a_good_lesson_exits_0_listing_its_items(write, capsys):
    assert main(["check", str(write("lesson.toml", LESSON))]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Dos partes: 2 items",
        "  1. Mi Modelito Sabanero: 26 lines, 10 stanzas, 2:35.700, UTF-8 — ok; "
        "stanzas 1-2, teaching pauses",
        "  2. Mi Modelito Sabanero: 26 lines, 10 stanzas, 2:35.700, UTF-8 — ok; "
        "stanzas 9-10, no teaching pauses",
        "ok",
    ]


def test_items_that_do_not_fit_their_song_are_problems_at_their_line(write, capsys):
    text = LESSON.replace('"9-10"', '"9-12"').replace('"s9q1"', '"s1q1", "s77q1"')
    path = write("lesson.toml", text + "colour = 'red'\n")
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[:4] == [
        f"{path}:13: warning: item: unknown key 'colour' (ignored)",
        f"{path}:10: warning: stanzas 9-12: 'Mi Modelito Sabanero' has 10 stanzas",
        f"{path}:12: warning: question 's1q1' is in stanza 1, outside this item's stanzas 9-12",
        f"{path}:12: warning: 'Mi Modelito Sabanero' has no question 's77q1' (its questions: "
        "s1q1, s2q1, s3q1, s4q1, s5q1, s6q1, s7q1, s8q1, s9q1, s10q1)",
    ]


def test_a_problem_in_an_items_song_is_reported_in_the_songs_file(write, capsys):
    write("song/lyrics.srt", "1\n00:00:01,000 --> 00:00:02,000\nuno\n\n")
    song = write("song/song.toml", "title = 's'\nlyrics = 'lyrics.srt'\ncolour = 1\n")
    lesson = write("lesson.toml", 'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "song"\n')
    assert main(["check", str(lesson)]) == 1
    out = capsys.readouterr().out
    assert f"{song}:3: warning: unknown key 'colour' (ignored)" in out


def test_a_bad_lesson_is_one_line_exit_2_and_no_traceback(write):
    for text, said in [
        ('kind = "lesson"\ntitle = "x"\n', "lesson.toml: a lesson needs at least one [[item]]"),
        (
            'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "gone"\n',
            "lesson.toml:4: song not found",
        ),
        ('kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "."\n', "has no song.toml"),
    ]:
        result = run("check", str(write("lesson.toml", text)))
        assert result.returncode == 2, result
        assert result.stderr.startswith("karaoke check: ")
        assert said in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stdout == ""
