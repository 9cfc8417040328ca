"""``karaoke check PATH``: validate a song package, lyrics file or lesson and report like a
compiler.

Exit status: 0 clean, 1 problems found, 2 unusable input. A lesson (``kind = "lesson"``) is
unusable when the lesson file is, or when one of its songs is (that song's error is the line).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from karaoke.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE, count_of
from karaoke.core.errors import Problem, SongError
from karaoke.core.lesson import (
    LessonItem,
    OpenedLesson,
    check_lesson,
    is_lesson_file,
    stanzas_text,
)
from karaoke.core.model import Question, Song, pick
from karaoke.core.package import OpenedSong, open_song
from karaoke.core.timefmt import format_ms
from karaoke.core.timeline import Timeline

Checked = tuple[LessonItem, OpenedSong | SongError, list[Problem]]


def run_check(
    path: Path,
    *,
    show: bool = False,
    lyrics: Path | None = None,
    encoding: str | None = None,
    out: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    if lyrics is None and is_lesson_file(path):
        return run_check_lesson(path, out)
    try:
        opened = open_song(path, lyrics=lyrics, encoding=encoding)
    except SongError as error:
        print(f"karaoke check: {error}", file=sys.stderr)  # the prefix of its usage errors too
        return EXIT_UNUSABLE
    for problem in opened.problems:
        print(f"{problem.where}: {problem.severity.value}: {problem.message}", file=out)
    if show:
        _show(opened.song, out)
    print(summary(opened), file=out)
    return EXIT_PROBLEMS if opened.problems else EXIT_OK


def run_check_lesson(path: Path, out: TextIO) -> int:
    """Check the lesson in ``path``: the file, each item's song (as ``karaoke check SONG``
    does, its summary indented under the item) and each item against its song."""
    from karaoke.app.lesson_songs import open_lesson

    try:
        opened = open_lesson(path)
        checked = check_lesson(opened, open_song)
    except SongError as error:
        print(f"karaoke check: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    refused = next((song for _, song, _ in checked if isinstance(song, SongError)), None)
    if refused is not None:
        print(f"karaoke check: {refused}", file=sys.stderr)
        return EXIT_UNUSABLE
    problems: list[Problem] = list(opened.problems)
    for _, song, item_problems in checked:
        assert isinstance(song, OpenedSong)  # refused songs returned above
        problems += [*song.problems, *item_problems]
    for problem in problems:
        print(f"{problem.where}: {problem.severity.value}: {problem.message}", file=out)
    print(_lesson_summary(opened, checked, len(problems)), file=out)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _lesson_summary(opened: OpenedLesson, checked: list[Checked], count: int) -> str:
    """The lesson's title and items (each its song's summary, stanzas and pauses), then the
    verdict."""
    lesson = opened.lesson
    rows = [f"{pick(lesson.title, 'es')}: {count_of(len(lesson.items), 'item')}"]
    for number, (item, song, _) in enumerate(checked, start=1):
        stanzas = stanzas_text(item.stanzas) or "all"
        pauses = "teaching pauses" if item.teaching_pauses else "no teaching pauses"
        said = summary(song) if isinstance(song, OpenedSong) else str(song)
        rows.append(f"  {number}. {said}; stanzas {stanzas}, {pauses}")
    rows.append(count_of(count, "problem") if count else "ok")
    return "\n".join(rows)


def summary(opened: OpenedSong) -> str:
    song = opened.song
    count = len(opened.problems)
    timing = format_ms(song.duration_ms) if song.timed else "untimed"
    verdict = count_of(count, "problem") if count else "ok"
    return (
        f"{song.title}: {count_of(len(song.lines), 'line')}, {count_of(len(song.stanzas), 'stanza')}, "
        f"{timing}, {song.encoding} — {verdict}"
    )


def _show(song: Song, out: TextIO) -> None:
    """Every line as read (number, start → end, text), a header before each stanza's first:
    its number and key idea (its title when it has none), in the song's language; after its
    last, the stanza's checkpoint questions."""
    timeline = Timeline(song.lines, song.stanzas, song.language)
    width = len(str(len(song.lines)))
    for index, line in enumerate(song.lines):
        stanza = timeline.stanza_of_line(index)
        if stanza is not None and timeline.starts_stanza(index):
            found = song.stanzas[stanza]
            heading = pick(found.key_idea, song.language) or pick(found.title, song.language)
            heading = " ".join(heading.split())
            print(f"-- stanza {stanza + 1}" + (f": {heading}" if heading else ""), file=out)
        times = (
            f"{format_ms(line.start_ms)} → {format_ms(line.end_ms)}" if song.timed else "untimed"
        )
        text = line.text.replace("\n", " / ")
        print(f"{index + 1:>{width}}  {times}  {text}", file=out)
        if stanza is not None and index == song.stanzas[stanza].end_line - 1:
            _show_questions(song.stanzas[stanza].questions, song.language, out)


def _show_questions(questions: Sequence[Question], language: str, out: TextIO) -> None:
    """Each question asked at the stanza's pause, in ``language``: its id, prompt and options,
    numbered from 1 as the file counts them, the right one marked with ``*``."""
    for question in questions:
        print(f"   ? {question.id}: {' '.join(pick(question.prompt, language).split())}", file=out)
        for number, option in enumerate(question.options, start=1):
            mark = "*" if number - 1 == question.correct else " "
            print(f"     {mark} {number}. {pick(option, language)}", file=out)
