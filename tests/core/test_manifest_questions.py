"""Checkpoint questions in song.toml (``[[stanza.question]]``): parsed into ``Question`` with
ids ``s<stanza>q<question>`` and a 0-based ``correct``; every rule reported at its line, a
malformed question left out while the song still plays; what the writer writes reads back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karaoke.cli.check import run_check
from karaoke.core.convert import convert
from karaoke.core.errors import ProblemCode
from karaoke.core.manifest_questions import (
    MAX_OPTION_CHARS,
    MAX_OPTIONS,
    MAX_PROMPT_CHARS,
    MAX_WHY_CHARS,
    MIN_OPTIONS,
)
from karaoke.core.model import Question, Song, Stanza
from karaoke.core.package import OpenedSong, open_song
from karaoke.core.package_writer import manifest_text
from tests.conftest import BUNDLED

C = ProblemCode
SRT = "1\n00:00:01,000 --> 00:00:02,000\nuno\n\n2\n00:00:03,000 --> 00:00:04,000\ndos\n"
HEAD = 'title = "t"\nlyrics = "lyrics.srt"\n\n[[stanza]]\nlines = "1-2"\nexplanation = "e"\nkey_idea = "k"\n'
GOOD = """
[[stanza.question]]
prompt.es = "  ¿Qué predice?  "
prompt.en = "What does it predict?"
options = [
  { es = "La siguiente palabra", en = "The next word" },
  { es = "El tiempo", en = "The weather" },
  "GPT-3",
]
correct = 1
why.es = "Se entrena para eso."
why.en = "It is trained to."
"""


def open_manifest(tmp_path: Path, questions: str, head: str = HEAD) -> OpenedSong:
    (tmp_path / "lyrics.srt").write_text(SRT, encoding="utf-8")
    (tmp_path / "song.toml").write_text(head + questions, encoding="utf-8")
    return open_song(tmp_path)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``HEAD + text`` where ``needle`` first appears."""
    rows = (HEAD + text).split("\n")
    return next(number for number, row in enumerate(rows, 1) if needle in row)


def test_a_question_is_read_with_its_id_a_0_based_answer_and_stripped_texts(tmp_path):
    opened = open_manifest(tmp_path, GOOD)
    assert opened.problems == []
    (question,) = opened.song.stanzas[0].questions
    assert question == Question(
        id="s1q1",
        prompt={"es": "¿Qué predice?", "en": "What does it predict?"},
        options=(
            {"es": "La siguiente palabra", "en": "The next word"},
            {"es": "El tiempo", "en": "The weather"},
            {"": "GPT-3"},  # one text for every language
        ),
        correct=0,  # the file's `correct = 1` names the first option
        why={"es": "Se entrena para eso.", "en": "It is trained to."},
        source_line=line_of(GOOD, "[[stanza.question]]"),
    )


def test_ids_count_stanzas_and_questions_as_written_even_past_a_question_left_out(tmp_path):
    head = HEAD.replace('"1-2"', '"1"')
    second = '\n[[stanza]]\nlines = "2"\nexplanation = "e"\nkey_idea = "k"\n'
    broken = GOOD.replace("correct = 1", "correct = 9")
    opened = open_manifest(tmp_path, GOOD + second + broken + GOOD, head=head)
    assert [[q.id for q in s.questions] for s in opened.song.stanzas] == [["s1q1"], ["s2q2"]]
    assert [p.code for p in opened.problems] == [C.QUESTION_ANSWER]
    assert opened.problems[0].message.startswith("stanza 2, question 1: 'correct = 9'")


def test_questions_written_inline_are_read_too(tmp_path):
    inline = (
        'question = [{ prompt = "Sí o no?", options = ["sí", "no"], correct = 2, why = "no." }]\n'
    )
    opened = open_manifest(tmp_path, inline)
    assert opened.problems == []
    (question,) = opened.song.stanzas[0].questions
    assert (question.id, question.correct, question.source_line) == ("s1q1", 1, 8)


def _set(key: str, value: str) -> str:
    """GOOD without ``key``'s rows, then with ``key = value`` as its last row (none for "")."""
    kept, in_array = [], False
    for row in GOOD.split("\n"):
        if in_array:
            in_array = row != "]"
        elif row.startswith((f"{key} =", f"{key}.")):
            in_array = row.endswith("[")
        else:
            kept.append(row)
    return "\n".join(kept) + (f"{key} = {value}\n" if value else "")


ONE = '{ es = "a", en = "a" }'
RULES = {
    # name: (questions text, code, the row the problem points at, question kept)
    "one option": (_set("options", f"[{ONE}]"), C.QUESTION_OPTIONS, "options =", False),
    "five options": (
        _set("options", f"[{', '.join([ONE] * 5)}]"),
        C.QUESTION_OPTIONS,
        "options =",
        False,
    ),
    "no options": (_set("options", ""), C.QUESTION_OPTIONS, "[[stanza.question]]", False),
    "options not a list": (_set("options", '"a, b"'), C.QUESTION_OPTIONS, "options =", False),
    "correct 0": (_set("correct", "0"), C.QUESTION_ANSWER, "correct =", False),
    "correct past the options": (_set("correct", "4"), C.QUESTION_ANSWER, "correct =", False),
    "correct as text": (_set("correct", '"2"'), C.QUESTION_ANSWER, "correct =", False),
    "correct as a fraction": (_set("correct", "2.0"), C.QUESTION_ANSWER, "correct =", False),
    "correct as true": (_set("correct", "true"), C.QUESTION_ANSWER, "correct =", False),
    "no correct": (_set("correct", ""), C.QUESTION_ANSWER, "[[stanza.question]]", False),
    "option without English": (
        GOOD.replace('{ es = "El tiempo", en = "The weather" }', '{ es = "El tiempo" }'),
        C.QUESTION_LANGUAGE,
        "options =",
        False,
    ),
    "why without English": (
        GOOD.replace('why.en = "It is trained to."', ""),
        C.QUESTION_LANGUAGE,
        "why.es",
        True,
    ),
    "no why": (_set("why", ""), C.QUESTION_EMPTY, "[[stanza.question]]", True),
    "no prompt": (_set("prompt", ""), C.QUESTION_EMPTY, "[[stanza.question]]", False),
    "blank prompt": (
        GOOD.replace("What does it predict?", "  "),
        C.QUESTION_EMPTY,
        "prompt.en",
        False,
    ),
    "blank option": (GOOD.replace('"GPT-3"', '""'), C.QUESTION_EMPTY, "options =", False),
    "blank why": (GOOD.replace("It is trained to.", ""), C.QUESTION_EMPTY, "why.en", True),
    "prompt not text": (_set("prompt", "3"), C.BAD_VALUE, "prompt =", False),
    "option not text": (GOOD.replace('"GPT-3"', "3"), C.BAD_VALUE, "options =", False),
    "long prompt": (
        GOOD.replace("What does it predict?", "x" * (MAX_PROMPT_CHARS + 1)),
        C.QUESTION_TOO_LONG,
        "prompt.en",
        True,
    ),
    "long option": (
        GOOD.replace('"GPT-3"', f'"{"x" * (MAX_OPTION_CHARS + 1)}"'),
        C.QUESTION_TOO_LONG,
        "options =",
        True,
    ),
    "long why": (
        GOOD.replace("It is trained to.", "x" * (MAX_WHY_CHARS + 1)),
        C.QUESTION_TOO_LONG,
        "why.en",
        True,
    ),
    "unknown key": (GOOD + 'hint = "…"\n', C.UNKNOWN_KEY, "hint =", True),
    "not an array of tables": (
        GOOD.replace("[[stanza.question]]", "[stanza.question]"),
        C.BAD_VALUE,
        "[[stanza]]",
        False,
    ),
}


@pytest.mark.parametrize(("text", "code", "row", "kept"), RULES.values(), ids=RULES.keys())
def test_each_rule_is_reported_at_its_line_and_a_malformed_question_left_out(
    tmp_path, text, code, row, kept
):
    opened = open_manifest(tmp_path, text)
    assert [(p.code, p.line) for p in opened.problems] == [(code, line_of(text, row))]
    message = opened.problems[0].message
    assert message.startswith(("stanza 1, question 1: ", "stanza 1: "))
    assert message.endswith("(the question is left out)") is not kept
    assert len(opened.song.stanzas[0].questions) == int(kept)
    # The song still plays: its lines and stanza are all there, and nothing refuses it.
    assert len(opened.song.lines) == 2 and opened.song.stanzas[0].explanation == {"": "e"}
    opened.refuse_errors(tmp_path)


def test_texts_at_the_length_limits_are_fine(tmp_path):
    text = (
        GOOD.replace("What does it predict?", "p" * MAX_PROMPT_CHARS)
        .replace('"GPT-3"', f'"{"o" * MAX_OPTION_CHARS}"')
        .replace("It is trained to.", "w" * MAX_WHY_CHARS)
    )
    assert open_manifest(tmp_path, text).problems == []


def test_karaoke_check_lists_question_problems_as_file_line(tmp_path):
    text = _set("correct", "0")
    open_manifest(tmp_path, text)
    out = io.StringIO()
    assert run_check(tmp_path, out=out) == 1
    rows = out.getvalue().splitlines()
    where = f"{tmp_path / 'song.toml'}:{line_of(text, 'correct =')}"
    assert rows[0] == (
        f"{where}: warning: stanza 1, question 1: 'correct = 0' names no option: count them "
        "from 1 to 3 (the question is left out)"
    )
    assert rows[-1].endswith("— 1 problem")


# What the package writer writes reads back ------------------------------------------------

_text = (
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)
_languages = st.sampled_from([("",), ("es",), ("es", "en"), ("en", "es", "pt")])


@st.composite
def questions(draw: st.DrawFn) -> Question:
    languages = draw(_languages)

    def localized(codes: tuple[str, ...]) -> dict[str, str]:
        return {code: draw(_text) for code in codes}

    count = draw(st.integers(MIN_OPTIONS, MAX_OPTIONS))
    options = tuple(localized(draw(st.sampled_from([languages, ("",)]))) for _ in range(count))
    return Question(
        id="s1q1",
        prompt=localized(languages),
        options=options,
        correct=draw(st.integers(0, count - 1)),
        why=localized(languages),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(questions(), min_size=1, max_size=3))
def test_any_question_the_writer_writes_reads_back_the_same(tmp_path_factory, written):
    folder = tmp_path_factory.mktemp("q")
    written = [
        Question(f"s1q{n}", q.prompt, q.options, q.correct, q.why) for n, q in enumerate(written, 1)
    ]
    stanza = Stanza(0, 2, explanation={"": "e"}, key_idea={"": "k"}, questions=tuple(written))
    (folder / "lyrics.srt").write_text(SRT, encoding="utf-8")
    text = manifest_text(title="t", lyrics="lyrics.srt", stanzas=[stanza])
    (folder / "song.toml").write_text(text, encoding="utf-8")
    opened = open_song(folder)
    assert opened.problems == []
    read = opened.song.stanzas[0].questions
    assert [q.source_line > 0 for q in read] == [True] * len(written)
    assert [(q.id, q.prompt, q.options, q.correct, q.why) for q in read] == [
        (q.id, q.prompt, q.options, q.correct, q.why) for q in written
    ]


# The bundled song ------------------------------------------------------------------------------


def test_the_bundled_song_asks_one_question_per_stanza_in_spanish_and_english():
    song = open_song(BUNDLED).song
    assert len(song.stanzas) == 10
    for number, stanza in enumerate(song.stanzas, start=1):
        (question,) = stanza.questions
        assert question.id == f"s{number}q1"
        assert 3 <= len(question.options) <= MAX_OPTIONS, number
        for text in (question.prompt, question.why, *question.options):
            assert set(text) == {"es", "en"}, (number, text)
        for language in ("es", "en"):
            options = [option[language] for option in question.options]
            assert len(set(options)) == len(options), (number, language)  # one right answer
    # The right answer is not always in the same place.
    assert len({stanza.questions[0].correct for stanza in song.stanzas}) >= 3


def test_karaoke_check_finds_nothing_wrong_with_the_bundled_questions():
    out = io.StringIO()
    run_check(BUNDLED, out=out)
    # The demo media is made by a script, so a checkout without it reports only that.
    rows = out.getvalue().splitlines()
    assert [
        row for row in rows[:-1] if "media-not-found" not in row and "file not found" not in row
    ] == []
    assert not any("question" in row for row in rows)


def test_karaoke_convert_keeps_the_questions_of_a_package(tmp_path):
    convert(BUNDLED, tmp_path / "copy")
    original, copy = open_song(BUNDLED).song, open_song(tmp_path / "copy").song

    def asked(song: Song) -> list[tuple[object, ...]]:
        return [
            (q.id, q.prompt, q.options, q.correct, q.why) for s in song.stanzas for q in s.questions
        ]

    assert asked(copy) == asked(original) and len(asked(copy)) == 10


def test_the_documented_example_reads_as_documented(tmp_path):
    doc = (BUNDLED.parents[1] / "docs" / "song-format.md").read_text(encoding="utf-8")
    section = doc.split("### Checkpoint questions", 1)[1]
    toml = section.split("```toml\n", 1)[1].split("```", 1)[0]
    example = toml.split("\n\n")[1]  # the first question, after the stanza
    assert example.startswith("[[stanza.question]]\n")
    opened = open_manifest(tmp_path, "\n" + example + "\n")
    assert opened.problems == []
    (question,) = opened.song.stanzas[0].questions
    assert question.options[question.correct]["en"] == "Predict the next word of a text"
