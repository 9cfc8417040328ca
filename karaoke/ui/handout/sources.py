"""What a study pack is made of: a song, or a lesson's songs each cut to the item's stanzas.

:func:`open_pack_source` opens what ``karaoke handout`` or the export dialog is given (a song
folder, ``song.toml``, lyrics or media file, or a lesson's ``.toml``) and raises
:class:`SongError` with one clear message when it cannot be used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from karaoke.app.lesson_songs import open_lesson
from karaoke.app.song_setup import own_translations, read_translation
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.lesson import is_lesson_file, item_questions, item_stanzas, stanzas_text
from karaoke.core.model import Localized, Question, Song, Stanza
from karaoke.core.package import open_song


@dataclass(frozen=True, slots=True)
class PackPart:
    """One song of the pack: the stanzas it shows (indexes into ``song.stanzas``) and the
    checkpoint questions of its worksheet."""

    song: Song
    stanzas: range
    questions: tuple[Question, ...]

    def chosen_stanzas(self) -> list[tuple[int, Stanza]]:
        """(index, stanza) of each stanza shown. A song without stanzas is one stanza of all
        its lines."""
        stanzas = self.song.stanzas or (Stanza(0, len(self.song.lines)),)
        return [(index, stanzas[index]) for index in self.stanzas if index < len(stanzas)]


@dataclass(frozen=True, slots=True)
class PackSource:
    """A song (one part, no lesson fields) or a lesson (its title, audience, objectives)."""

    parts: tuple[PackPart, ...]
    lesson_title: Localized = field(default_factory=dict)
    audience: Localized = field(default_factory=dict)
    objectives: tuple[Localized, ...] = ()
    is_lesson: bool = False

    @property
    def language(self) -> str:
        """The pack's language by default: its (first) song's."""
        return self.parts[0].song.language


def song_part(song: Song) -> PackPart:
    """The whole of ``song``: every stanza and every question."""
    count = len(song.stanzas) or 1
    questions = tuple(question for stanza in song.stanzas for question in stanza.questions)
    return PackPart(song, range(count), questions)


def open_song_source(path: Path) -> PackSource:
    """The pack of the song at ``path``; :class:`SongError` when it cannot be played."""
    opened = open_song(path)
    opened.refuse_errors(path)
    if not opened.song.lines:
        raise SongError(path, "the song has no lyrics to print")
    return PackSource((song_part(opened.song),))


def open_pack_source(path: Path) -> PackSource:
    """The pack of ``path``: a lesson when it is a lesson file, else a song."""
    if not path.exists():
        raise SongError(path, "no such file or folder")
    if is_lesson_file(path):
        return open_lesson_source(path)
    return open_song_source(path)


def open_lesson_source(path: Path) -> PackSource:
    """The pack of the lesson at ``path``: each item's song cut to its stanzas and questions
    (a song not where the lesson says is looked up in the library by its folder name)."""
    lesson = open_lesson(path).lesson
    parts = []
    for item in lesson.items:
        opened = open_song(item.song)
        opened.refuse_errors(item.song)
        song = opened.song
        stanzas = item_stanzas(item, song)
        if not stanzas:
            count = len(song.stanzas)
            raise SongError(
                path,
                f"stanzas {stanzas_text(item.stanzas)}: '{song.title}' has {count} "
                f"stanza{'' if count == 1 else 's'}",
                item.source_line or None,
                code=ProblemCode.LESSON_STANZAS,
            )
        parts.append(PackPart(song, stanzas, item_questions(item, song)))
    return PackSource(
        tuple(parts),
        lesson_title=lesson.title,
        audience=lesson.audience,
        objectives=tuple(lesson.objectives),
        is_lesson=True,
    )


def translation_for(song: Song, language: str) -> tuple[str, dict[int, str]]:
    """The translation printed under the sung lines: the language and line index → text. The
    translation file in the pack's ``language`` when the song is sung in another, else one in
    any language other than the song's; else the lines' own (an LRC's second rows); else none.
    A translation file that cannot be read gives none rather than no pack."""
    others: Sequence[str] = sorted(code for code in song.translations if code != song.language)
    for code in sorted(others, key=lambda code: code != language):
        try:
            aligned = read_translation(song, code)
        except SongError:
            continue
        if aligned:
            return code, aligned
    own = own_translations(song)
    return ("", own) if own else ("", {})
