"""A lesson: songs, or ranges of their stanzas, played in order (``lesson.toml``).

See ``docs/lesson-format.md`` for the file. Reading a lesson (:func:`read_lesson`) checks the
file itself and finds each item's song on disk, without opening the songs: a lesson of ten songs
opens at once. What needs the songs (an item's stanzas exist, its question ids are the song's)
is :func:`check_lesson`, which ``karaoke check`` runs and a player may run as it opens each item.

Invariants of a :class:`Lesson` read from a file: at least one item; an item's ``stanzas`` is
``(first, end)`` with ``0 <= first < end`` (0-based, half-open; the file says 1-based and
inclusive, ``"1-4"``); its ``song`` path existed when it was read.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from karaoke.core.errors import Problem, ProblemCode, SongError
from karaoke.core.lesson_file import LESSON_KIND, MAX_LESSON_BYTES
from karaoke.core.lesson_file import is_lesson_file as is_lesson_file  # still importable here
from karaoke.core.manifest import LineFinder, localized, read_toml_file
from karaoke.core.manifest_stanza import is_text_table
from karaoke.core.model import Localized, Question, Song
from karaoke.core.package import MANIFEST_NAME, OpenedSong
from karaoke.core.package_writer import toml_key, toml_localized_rows, toml_string

LESSON_SCHEMA = 1
_TOP_KEYS = frozenset({"schema", "kind", "title", "audience", "objectives", "item"})
_ITEM_KEYS = frozenset({"song", "stanzas", "teaching_pauses", "questions", "notes"})
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")

#: Finds a song by its folder name (the lesson was made on another computer): a path, or None.
FindSong = Callable[[str], Path | None]


@dataclass(frozen=True, slots=True)
class LessonItem:
    """One song of the lesson, or a range of its stanzas."""

    song: Path  # where the song is (as resolved)
    stanzas: tuple[int, int] | None = None  # 0-based half-open (first, end) indexes; None: all
    teaching_pauses: bool = True
    questions: tuple[str, ...] | None = None  # question ids to ask; None: every one in range
    notes: Localized = field(default_factory=dict)  # for the teacher only
    source_line: int = 0  # line of its [[item]] header in the file (0: not from a file)


@dataclass(frozen=True, slots=True)
class Lesson:
    title: Localized
    items: tuple[LessonItem, ...]
    audience: Localized = field(default_factory=dict)
    objectives: tuple[Localized, ...] = ()
    path: Path | None = None


@dataclass(slots=True)
class OpenedLesson:
    lesson: Lesson
    problems: list[Problem]
    #: Line numbers in the file, for :func:`check_lesson`'s messages (None: not from a file).
    finder: LineFinder | None = None


def stanzas_text(stanzas: tuple[int, int] | None) -> str:
    """How the file writes a range: ``(0, 4)`` → ``"1-4"``, ``(2, 3)`` → ``"3"``; None → ``""``."""
    if stanzas is None:
        return ""
    first, end = stanzas
    return str(first + 1) if end == first + 1 else f"{first + 1}-{end}"


def read_lesson(path: Path, find_song: FindSong | None = None) -> OpenedLesson:
    """The lesson in ``path`` and its problems (unknown keys). Raises :class:`SongError` (with
    the file and line) when it cannot be used: unreadable, not TOML, not a lesson, no items, a
    value of the wrong type, a song that neither exists nor ``find_song`` finds."""
    text, table = read_toml_file(path, MAX_LESSON_BYTES, "lesson file")
    reader = _LessonReader(path, table, LineFinder(text), find_song)
    return OpenedLesson(reader.read(), reader.problems, reader.finder)


class _LessonReader:
    def __init__(
        self, path: Path, table: dict[str, Any], finder: LineFinder, find_song: FindSong | None
    ) -> None:
        self.path = path
        self.table = table
        self.finder = finder
        self.find_song = find_song
        self.problems: list[Problem] = []

    def fail(
        self, line: int | None, message: str, code: ProblemCode = ProblemCode.BAD_VALUE
    ) -> SongError:
        return SongError(self.path, message, line, code=code)

    def unknown_keys(self, table: Mapping[str, Any], known: frozenset[str], at: int) -> None:
        for key in sorted(set(table) - known):
            line = self.finder.key_line(key, start=at) if at else self.finder.key_line(key)
            where = "" if at == 1 else "item: "
            self.problems.append(
                Problem(
                    str(self.path),
                    line or at,
                    f"{where}unknown key '{key}' (ignored)",
                    ProblemCode.UNKNOWN_KEY,
                )
            )

    def read(self) -> Lesson:
        kind = self.table.get("kind")
        if kind != LESSON_KIND:
            said = f"it says kind = {kind!r}" if "kind" in self.table else "it has no kind"
            raise self.fail(
                self.finder.key_line("kind"),
                f'not a lesson: a lesson file says kind = "{LESSON_KIND}" ({said})',
                ProblemCode.NOT_A_LESSON,
            )
        schema = self.table.get("schema", LESSON_SCHEMA)
        if type(schema) is not int or schema != LESSON_SCHEMA:
            raise self.fail(
                self.finder.key_line("schema"),
                f"schema {schema!r} is not supported (this app reads {LESSON_SCHEMA})",
                ProblemCode.UNSUPPORTED_SCHEMA,
            )
        self.unknown_keys(self.table, _TOP_KEYS, 1)
        title = self.texts("title", self.table.get("title"), self.finder.key_line("title"))
        if not any(text.strip() for text in title.values()):
            raise self.fail(self.finder.key_line("title"), "a lesson needs a title")
        return Lesson(
            title=title,
            items=self.items(),
            audience=self.texts(
                "audience", self.table.get("audience"), self.finder.key_line("audience")
            ),
            objectives=self.objectives(),
            path=self.path,
        )

    def texts(self, key: str, value: Any, line: int | None) -> Localized:
        if value is not None and not is_text_table(value):
            raise self.fail(line, f"'{key}' must be a text, or texts by language ({key}.es = …)")
        return localized(value)

    def objectives(self) -> tuple[Localized, ...]:
        value = self.table.get("objectives", [])
        line = self.finder.key_line("objectives")
        message = "'objectives' must be a list of texts, or lists by language (objectives.es = […])"
        if isinstance(value, list):
            if not all(isinstance(text, str) for text in value):
                raise self.fail(line, message)
            return tuple({"": text} for text in value)
        if not isinstance(value, dict) or not all(
            isinstance(texts, list) and all(isinstance(text, str) for text in texts)
            for texts in value.values()
        ):
            raise self.fail(line, message)
        # objectives.es = [a, b] / objectives.en = [c, d] → ({es: a, en: c}, {es: b, en: d})
        count = max((len(texts) for texts in value.values()), default=0)
        return tuple(
            {str(code): texts[n] for code, texts in value.items() if n < len(texts)}
            for n in range(count)
        )

    def items(self) -> tuple[LessonItem, ...]:
        entries = self.table.get("item", [])
        headers = self.finder.table_lines("item")
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise self.fail(self.finder.key_line("item"), "'item' must be tables [[item]]")
        if not entries:
            raise self.fail(
                None, "a lesson needs at least one [[item]] with a song", ProblemCode.LESSON_EMPTY
            )
        return tuple(
            self.item(entry, headers[n] if n < len(headers) else 0)
            for n, entry in enumerate(entries)
        )

    def item(self, entry: dict[str, Any], at: int) -> LessonItem:
        def line(key: str) -> int | None:
            return (self.finder.key_line(key, start=at) if at else None) or at or None

        self.unknown_keys(entry, _ITEM_KEYS, at)
        song = entry.get("song")
        if not isinstance(song, str) or not song.strip():
            raise self.fail(line("song"), 'each [[item]] needs song = "path/to/the/song"')
        pauses = entry.get("teaching_pauses", True)
        if not isinstance(pauses, bool):
            raise self.fail(line("teaching_pauses"), "'teaching_pauses' must be true or false")
        questions = entry.get("questions")
        if questions is not None and not (
            isinstance(questions, list) and all(isinstance(q, str) for q in questions)
        ):
            raise self.fail(line("questions"), "'questions' must be a list of question ids")
        return LessonItem(
            song=self.song_path(song, line("song")),
            stanzas=self.stanzas(entry.get("stanzas"), line("stanzas")),
            teaching_pauses=pauses,
            questions=None if questions is None else tuple(q.strip() for q in questions),
            notes=self.texts("notes", entry.get("notes"), line("notes")),
            source_line=at,
        )

    def stanzas(self, value: Any, line: int | None) -> tuple[int, int] | None:
        if value is None:
            return None
        match = _RANGE.match(str(value)) if isinstance(value, (str, int)) else None
        first, last = (
            (int(match.group(1)), int(match.group(2) or match.group(1))) if match else (0, 0)
        )
        if not 1 <= first <= last:
            raise self.fail(
                line,
                f'\'stanzas\' must look like "3" or "1-4" (stanza numbers from 1), not {value!r}',
            )
        return (first - 1, last)

    def song_path(self, written: str, line: int | None) -> Path:
        """The song ``written`` names, relative to the lesson's folder; if nothing is there, the
        one ``find_song`` finds by its folder name."""
        path = Path(os.path.normpath(self.path.parent / os.path.expanduser(written)))
        if os.path.lexists(path):
            return path
        name = path.parent.name if path.name == MANIFEST_NAME else path.name
        found = self.find_song(name) if self.find_song and name else None
        if found is not None:
            return found
        raise self.fail(
            line,
            f"song not found: {path} (nor a song folder named '{name}' in the library)",
            ProblemCode.LESSON_SONG_NOT_FOUND,
        )


# What needs the songs ---------------------------------------------------------------------------


def item_stanzas(item: LessonItem, song: Song) -> range:
    """The stanza indexes the item plays: its range cut to the song's stanzas (all of them when
    the item names none; empty when the range lies past the song's end)."""
    count = len(song.stanzas)
    if item.stanzas is None:
        return range(count)
    first, end = item.stanzas
    return range(min(first, count), min(end, count))


def item_questions(item: LessonItem, song: Song) -> tuple[Question, ...]:
    """The checkpoint questions the item asks, in the song's order: those of its stanzas, only
    the ones it names when it names some."""
    asked = [q for index in item_stanzas(item, song) for q in song.stanzas[index].questions]
    if item.questions is None:
        return tuple(asked)
    chosen = set(item.questions)
    return tuple(question for question in asked if question.id in chosen)


def check_item(opened: OpenedLesson, item: LessonItem, song: Song) -> list[Problem]:
    """What is wrong between ``item`` and its ``song``: stanzas the song does not have, question
    ids it does not have or that are outside the item's stanzas (each at its line in the file)."""
    path = str(opened.lesson.path or "")
    finder = opened.finder

    def line(key: str) -> int | None:
        at = item.source_line
        return ((finder.key_line(key, start=at) if finder and at else None) or at) or None

    problems: list[Problem] = []
    count = len(song.stanzas)
    if item.stanzas is not None and item.stanzas[1] > count:
        problems.append(
            Problem(
                path,
                line("stanzas"),
                f"stanzas {stanzas_text(item.stanzas)}: '{song.title}' has "
                f"{count} stanza{'' if count == 1 else 's'}",
                ProblemCode.LESSON_STANZAS,
            )
        )
    in_song = {q.id: n for n, stanza in enumerate(song.stanzas) for q in stanza.questions}
    in_range = item_stanzas(item, song)
    for question_id in item.questions or ():
        if question_id not in in_song:
            known = ", ".join(in_song) or "none"
            message = f"'{song.title}' has no question '{question_id}' (its questions: {known})"
        elif in_song[question_id] not in in_range:
            message = (
                f"question '{question_id}' is in stanza {in_song[question_id] + 1}, outside "
                f"this item's stanzas {stanzas_text(item.stanzas)}"
            )
        else:
            continue
        problems.append(Problem(path, line("questions"), message, ProblemCode.LESSON_QUESTION))
    return problems


def check_lesson(
    opened: OpenedLesson, open_song: Callable[[Path], OpenedSong]
) -> list[tuple[LessonItem, OpenedSong | SongError, list[Problem]]]:
    """Open each item's song with ``open_song`` (e.g. :func:`karaoke.core.package.open_song`)
    and check the item against it: per item, the opened song (or the error that refuses it) and
    the item's problems from :func:`check_item`. The songs' own problems stay in each
    :class:`OpenedSong`."""
    checked: list[tuple[LessonItem, OpenedSong | SongError, list[Problem]]] = []
    for item in opened.lesson.items:
        try:
            song = open_song(item.song)
        except SongError as error:
            checked.append((item, error, []))
            continue
        checked.append((item, song, check_item(opened, item, song.song)))
    return checked


# Writing ---------------------------------------------------------------------------------------


def _objectives_rows(objectives: tuple[Localized, ...]) -> list[str]:
    if not objectives:
        return []
    codes = list(dict.fromkeys(code for texts in objectives for code in texts))
    if codes == [""]:
        return [f"objectives = [{', '.join(toml_string(t['']) for t in objectives)}]"]
    return [
        f"objectives.{toml_key(code)} = [{', '.join(toml_string(t[code]) for t in objectives if code in t)}]"
        for code in codes
        if code
    ]


def _song_text(song: Path, folder: Path) -> str:
    """Relative (with ``/``) when ``song`` is inside ``folder``, else absolute."""
    absolute = Path(os.path.abspath(song))
    try:
        return absolute.relative_to(os.path.abspath(folder)).as_posix()
    except ValueError:
        return str(absolute)


def lesson_toml(lesson: Lesson, folder: Path) -> str:
    """The text of a lesson file to be saved in ``folder`` (song paths relative to it when
    inside it, else absolute); :func:`read_lesson` reads back the same lesson."""
    rows = [f"schema = {LESSON_SCHEMA}", f'kind = "{LESSON_KIND}"']
    rows += toml_localized_rows("title", lesson.title)
    if lesson.audience:
        rows += toml_localized_rows("audience", lesson.audience)
    rows += _objectives_rows(lesson.objectives)
    for item in lesson.items:
        rows += ["", "[[item]]", f"song = {toml_string(_song_text(item.song, folder))}"]
        if item.stanzas is not None:
            rows.append(f"stanzas = {toml_string(stanzas_text(item.stanzas))}")
        if not item.teaching_pauses:
            rows.append("teaching_pauses = false")
        if item.questions is not None:
            rows.append(f"questions = [{', '.join(toml_string(q) for q in item.questions)}]")
        if item.notes:
            rows += toml_localized_rows("notes", item.notes)
    return "\n".join(rows) + "\n"


def item_song(item: LessonItem, song: Song) -> Song:
    """``song`` as the item plays it: every stanza kept (the console lists them all), but only
    the questions the item asks (:func:`item_questions`) left in its stanzas."""
    asked = {question.id for question in item_questions(item, song)}
    stanzas = tuple(
        replace(stanza, questions=tuple(q for q in stanza.questions if q.id in asked))
        for stanza in song.stanzas
    )
    return replace(song, stanzas=stanzas)


def item_title(item: LessonItem) -> str:
    """The title of the item's song for a running order, without opening the song: its
    ``song.toml``'s title (a text), else its file or folder name."""
    path = item.song
    manifest = path / MANIFEST_NAME if os.path.isdir(path) else path
    if manifest.suffix.lower() == ".toml":
        try:
            if manifest.stat().st_size <= MAX_LESSON_BYTES:
                title = tomllib.loads(manifest.read_bytes().decode("utf-8-sig")).get("title")
                if isinstance(title, str) and title.strip():
                    return " ".join(title.split())
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            pass
    if path.name == MANIFEST_NAME:
        return path.parent.name
    return path.stem if os.path.isfile(path) else path.name
