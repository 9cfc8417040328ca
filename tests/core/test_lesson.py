"""Reading, checking and writing lesson files (karaoke.core.lesson) on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.lesson import (
    Lesson,
    LessonItem,
    check_item,
    check_lesson,
    is_lesson_file,
    item_questions,
    item_stanzas,
    item_title,
    lesson_toml,
    read_lesson,
    stanzas_text,
)
from karaoke.core.package import open_song
from tests.conftest import BUNDLED

C = ProblemCode
GOOD = f"""\
schema = 1
kind = "lesson"
title.es = "GPT-3 en Navidad"
title.en = "GPT-3 at Christmas"
audience = "4.º de ESO"
objectives.es = ["Saber qué es un modelo", "Qué es un token"]
objectives.en = ["Know what a model is", "What a token is"]

[[item]]
song = "{BUNDLED}"
stanzas = "1-4"
questions = ["s1q1", "s3q1"]
notes = "Preguntar qué es un token"

[[item]]
song = "{BUNDLED / "song.toml"}"
stanzas = "9"
teaching_pauses = false
"""


def _lesson(write, text: str) -> Path:
    return write("clase/lesson.toml", text)


def _error(path: Path) -> SongError:
    with pytest.raises(SongError) as caught:
        read_lesson(path)
    return caught.value


def test_a_good_lesson_reads_without_opening_its_songs(write, monkeypatch):
    path = _lesson(write, GOOD)
    opened = read_lesson(path)
    lesson = opened.lesson
    assert opened.problems == []
    assert lesson.title == {"es": "GPT-3 en Navidad", "en": "GPT-3 at Christmas"}
    assert lesson.audience == {"": "4.º de ESO"}
    assert lesson.objectives == (
        {"es": "Saber qué es un modelo", "en": "Know what a model is"},
        {"es": "Qué es un token", "en": "What a token is"},
    )
    first, second = lesson.items
    assert first == LessonItem(
        song=BUNDLED,
        stanzas=(0, 4),
        questions=("s1q1", "s3q1"),
        notes={"": "Preguntar qué es un token"},
        source_line=9,
    )
    assert second.song == BUNDLED / "song.toml"
    assert (second.stanzas, second.teaching_pauses, second.questions) == ((8, 9), False, None)
    assert lesson.path == path
    assert is_lesson_file(path)


def test_what_an_item_plays_and_asks():
    song = open_song(BUNDLED).song
    item = LessonItem(BUNDLED, stanzas=(0, 4), questions=("s3q1", "s1q1"))
    assert item_stanzas(item, song) == range(0, 4)
    assert [q.id for q in item_questions(item, song)] == ["s1q1", "s3q1"]
    every = LessonItem(BUNDLED, stanzas=(8, 10))
    assert [q.id for q in item_questions(every, song)] == ["s9q1", "s10q1"]
    assert item_stanzas(LessonItem(BUNDLED), song) == range(10)
    assert item_questions(LessonItem(BUNDLED, questions=()), song) == ()
    assert item_stanzas(LessonItem(BUNDLED, stanzas=(8, 12)), song) == range(8, 10)


def test_a_good_lesson_checks_clean(write):
    opened = read_lesson(_lesson(write, GOOD))
    checked = check_lesson(opened, open_song)
    assert [problems for _, _, problems in checked] == [[], []]


def test_the_written_file_reads_back_the_same_lesson(tmp_path):
    lesson = Lesson(
        # A pasted title may carry control characters TOML strings must escape (DEL among them).
        title={"es": 'Clase "uno"\x7f\x01', "en": "Class one"},
        items=(
            LessonItem(BUNDLED, stanzas=(2, 3), teaching_pauses=False, questions=()),
            LessonItem(tmp_path / "songs" / "otra", notes={"es": "línea\nnueva"}),
        ),
        audience={"": "4.º"},
        objectives=({"": "uno"}, {"": "dos"}),
    )
    (tmp_path / "songs" / "otra").mkdir(parents=True)
    text = lesson_toml(lesson, tmp_path)
    assert 'song = "songs/otra"' in text  # inside the folder: relative
    assert f'song = "{BUNDLED}"' in text  # outside: absolute
    path = tmp_path / "lesson.toml"
    path.write_text(text, encoding="utf-8")
    read = read_lesson(path).lesson
    assert read.title == lesson.title and read.audience == lesson.audience
    assert read.objectives == lesson.objectives
    assert [(i.song, i.stanzas, i.teaching_pauses, i.questions, i.notes) for i in read.items] == [
        (i.song, i.stanzas, i.teaching_pauses, i.questions, i.notes) for i in lesson.items
    ]
    assert stanzas_text((0, 4)) == "1-4" and stanzas_text((2, 3)) == "3"


def test_a_song_not_where_the_file_says_is_found_in_the_library_by_its_folder_name(write):
    path = _lesson(write, GOOD.replace(str(BUNDLED), "/elsewhere/mi-modelito-sabanero"))
    asked: list[str] = []

    def find(name: str) -> Path | None:
        asked.append(name)
        return BUNDLED if name == "mi-modelito-sabanero" else None

    items = read_lesson(path, find_song=find).lesson.items
    assert [item.song for item in items] == [BUNDLED, BUNDLED]
    assert asked == ["mi-modelito-sabanero", "mi-modelito-sabanero"]


# Bad lessons: each one says where (file and line) -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ('kind = "lesson"\ntitle = = "x"\n', C.INVALID_TOML, 2),
        ('schema = 1\ntitle = "x"\n[[item]]\nsong = "."\n', C.NOT_A_LESSON, None),
        ('title = "x"\nkind = "song"\n', C.NOT_A_LESSON, 2),
        ('kind = "lesson"\ntitle = "x"\n', C.LESSON_EMPTY, None),
        ('kind = "lesson"\nschema = 2\n', C.UNSUPPORTED_SCHEMA, 2),
        ('kind = "lesson"\n[[item]]\nsong = "."\n', C.BAD_VALUE, None),
        ('kind = "lesson"\ntitle = "x"\n[[item]]\nstanzas = "1"\n', C.BAD_VALUE, 3),
        ('kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "."\nstanzas = "4-2"\n', C.BAD_VALUE, 5),
        ('kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "."\nstanzas = "0"\n', C.BAD_VALUE, 5),
        (
            'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "."\nteaching_pauses = "no"\n',
            C.BAD_VALUE,
            5,
        ),
        (
            'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "."\nquestions = "s1q1"\n',
            C.BAD_VALUE,
            5,
        ),
        (
            'kind = "lesson"\ntitle = "x"\n\n[[item]]\nsong = "no-such-song"\n',
            C.LESSON_SONG_NOT_FOUND,
            5,
        ),
    ],
    ids=[
        "not TOML",
        "kind missing",
        "kind not lesson",
        "no items",
        "schema",
        "no title",
        "item without song",
        "stanzas backwards",
        "stanza 0",
        "pauses not a boolean",
        "questions not a list",
        "song not found",
    ],
)
def test_an_unusable_lesson_says_what_and_where(write, text, code, line):
    path = _lesson(write, text)
    error = _error(path)
    assert (error.code, error.line, error.path) == (code, line, str(path))
    assert str(error).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_unknown_keys_are_reported_at_their_line(write):
    path = _lesson(write, GOOD.replace("audience =", "colour = 'red'\naudience =") + "tempo = 2\n")
    problems = read_lesson(path).problems
    assert [(p.code, p.line, p.path) for p in problems] == [
        (C.UNKNOWN_KEY, 5, str(path)),
        (C.UNKNOWN_KEY, 20, str(path)),
    ]
    assert "unknown key 'colour'" in problems[0].message
    assert "item: unknown key 'tempo'" in problems[1].message


def test_stanzas_outside_the_song_and_unknown_questions_are_problems_at_their_line(write):
    text = GOOD.replace('"1-4"', '"8-12"').replace('"s1q1", "s3q1"', '"s9q1", "s1q1", "s99q1"')
    path = _lesson(write, text)
    opened = read_lesson(path)
    song = open_song(BUNDLED).song
    problems = check_item(opened, opened.lesson.items[0], song)
    assert [(p.code, p.line, p.path) for p in problems] == [
        (C.LESSON_STANZAS, 11, str(path)),
        (C.LESSON_QUESTION, 12, str(path)),
        (C.LESSON_QUESTION, 12, str(path)),
    ]
    assert "has 10 stanzas" in problems[0].message
    assert "outside this item's stanzas 8-12" in problems[1].message
    assert "no question 's99q1'" in problems[2].message


def test_a_song_that_cannot_be_opened_is_its_own_error(write, tmp_path):
    (tmp_path / "empty-folder").mkdir()
    path = _lesson(write, 'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "../empty-folder"\n')
    [(_item, result, problems)] = check_lesson(read_lesson(path), open_song)
    assert isinstance(result, SongError) and result.code is C.NO_MANIFEST
    assert problems == []


def test_other_toml_files_are_not_lessons(write):
    assert not is_lesson_file(BUNDLED / "song.toml")
    assert not is_lesson_file(write("broken.toml", "kind = = 1"))
    assert not is_lesson_file(write("lesson.txt", 'kind = "lesson"'))
    assert is_lesson_file(write("l.toml", 'kind = "lesson"'))


def test_an_items_title_is_read_without_opening_its_song(write, tmp_path):
    assert item_title(LessonItem(BUNDLED)) == "Mi Modelito Sabanero"
    assert item_title(LessonItem(BUNDLED / "song.toml")) == "Mi Modelito Sabanero"
    assert item_title(LessonItem(write("mi canción.srt", "x"))) == "mi canción"
    assert item_title(LessonItem(write("bad/song.toml", "title = = 1"))) == "bad"
