"""The song model: frozen dataclasses, every time an ``int`` of milliseconds named ``*_ms``.

Invariants (established by the readers and :mod:`karaoke.core.package`):

- ``Song.lines`` is sorted by ``(start_ms, end_ms)``; ties keep file order.
- For every line ``0 <= start_ms <= end_ms``.
- A line's words, when present, lie in the line's text at ``char_start``, are in text order,
  and have ``start_ms <= end_ms``; word times are not forced inside the line's times.
- Stanzas cover disjoint, increasing ranges ``[first_line, end_line)`` of ``Song.lines``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from karaoke.core.errors import Problem

#: Text in several languages, keyed by a language code such as ``"es"`` or ``"en"``.
Localized = Mapping[str, str]
#: Lists of short texts in several languages (a stanza's points), keyed like :data:`Localized`.
LocalizedList = Mapping[str, tuple[str, ...]]

#: The sung language of a song that names none, and the language :func:`pick` falls back to:
#: this app's songs are Spanish first.
DEFAULT_LANGUAGE = "es"


def pick(text: Localized, language: str, fallback: str = DEFAULT_LANGUAGE) -> str:
    """The text in ``language``, else in ``fallback``, else in any language, else ``""``."""
    for code in (language, fallback):
        if text.get(code):
            return text[code]
    return next((value for value in text.values() if value), "")


def pick_list(
    texts: LocalizedList, language: str, fallback: str = DEFAULT_LANGUAGE
) -> tuple[str, ...]:
    """The list in ``language``, else in ``fallback``, else in any language, else ``()``."""
    for code in (language, fallback):
        if texts.get(code):
            return texts[code]
    return next((value for value in texts.values() if value), ())


class Word(NamedTuple):
    """A timed word (or syllable) of a line; ``char_start`` indexes the line's text.

    A NamedTuple rather than a frozen dataclass: word-timed files hold tens of thousands of
    them, and a tuple is built about twice as fast.
    """

    text: str
    start_ms: int
    end_ms: int
    char_start: int

    @property
    def char_end(self) -> int:
        return self.char_start + len(self.text)


@dataclass(frozen=True, slots=True)
class Line:
    """One sung line. ``text`` keeps the file's line breaks, without markup tags.

    ``source_line`` is the 1-based line in the lyrics file where the cue starts, for messages.
    ``singer`` names who sings it where the file says (UltraStar duets ``P1``/``P2``, WebVTT
    voices), else ``""``. ``translation`` is a translation the file itself gives for the line
    (LRC's convention of a second line with the same stamp), else ``""``.
    """

    text: str
    start_ms: int
    end_ms: int
    words: tuple[Word, ...] = ()
    source_line: int = 0
    singer: str = ""
    translation: str = ""

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True, slots=True)
class Reference:
    """A source for an explanation. ``url`` is shown and opened only when it is http(s)."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    term: Localized
    definition: Localized


@dataclass(frozen=True, slots=True)
class Question:
    """A checkpoint question asked at a stanza's teaching pause: multiple choice.

    ``options`` has 2 to 4 entries, each localized like ``prompt``; ``correct`` is the index of
    the right option; ``why`` is one line saying why it is right, shown on the reveal.
    ``id`` is unique within the song (``"s3q1"``: stanza 3, question 1) and is what answers name.
    """

    id: str
    prompt: Localized
    options: tuple[Localized, ...]
    correct: int
    why: Localized = field(default_factory=dict)
    source_line: int = 0


@dataclass(frozen=True, slots=True)
class Stanza:
    """A group of sung lines with the explanation of their science.

    Holds ``Song.lines[first_line:end_line]``. ``explanation`` is Markdown. ``notes`` are for the
    teacher only and never shown to the audience. ``key_idea`` is one sentence of plain text (at
    most 120 characters) to project while the stanza is sung; ``points`` are two to four short
    plain-text points per language for the teaching pause.
    """

    first_line: int
    end_line: int
    title: Localized = field(default_factory=dict)
    explanation: Localized = field(default_factory=dict)
    notes: Localized = field(default_factory=dict)
    references: tuple[Reference, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    source_line: int = 0
    key_idea: Localized = field(default_factory=dict)
    points: LocalizedList = field(default_factory=dict)
    #: Checkpoint questions for the teaching pause after this stanza (most have one).
    questions: tuple[Question, ...] = ()

    def __contains__(self, line_index: object) -> bool:
        return isinstance(line_index, int) and self.first_line <= line_index < self.end_line


@dataclass(frozen=True, slots=True)
class Credit:
    role: Localized
    name: str


@dataclass(frozen=True, slots=True)
class Lyrics:
    """What a lyrics reader returns: the lines, in time order, and what it noticed.

    ``stanza_starts`` are the indices of lines that begin a stanza according to the file itself
    (blank lines in LRC and plain text); ``timed`` is False for plain text, whose times are a
    placeholder tempo.
    """

    path: str
    lines: tuple[Line, ...]
    encoding: str
    stanza_starts: tuple[int, ...] = (0,)
    metadata: Mapping[str, str] = field(default_factory=dict)
    timed: bool = True
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Song:
    """A song ready to play: metadata, the lines in time order and their stanzas.

    ``offset_ms`` delays the lyrics against the media (positive: lyrics later, as VLC's subtitle
    delay): the lyrics time is ``media_ms - offset_ms``. ``instrumental`` is an audio file in step
    with ``media`` without the lead voice (what "vocals off" plays instead of its sound), or None.
    ``media`` is None for a lyrics-only song. ``content_note`` warns the teacher about the song's
    content (a sexualised dance, a swearword in the credits): for the presenter console only,
    never shown to the audience.
    """

    title: str
    lines: tuple[Line, ...]
    stanzas: tuple[Stanza, ...]
    lyrics_path: Path
    media: Path | None = None
    subtitle: str = ""
    language: str = DEFAULT_LANGUAGE
    credits: tuple[Credit, ...] = ()
    offset_ms: int = 0
    encoding: str = "utf-8"
    timed: bool = True
    manifest_path: Path | None = None
    translations: Mapping[str, Path] = field(default_factory=dict)
    instrumental: Path | None = None
    content_note: Localized = field(default_factory=dict)

    @property
    def duration_ms(self) -> int:
        return max((line.end_ms for line in self.lines), default=0)

    @property
    def source_path(self) -> Path:
        """The file that names this song: its manifest, else its lyrics. What the app remembers
        things by (the lyrics offset, the recent songs)."""
        return self.manifest_path or self.lyrics_path
