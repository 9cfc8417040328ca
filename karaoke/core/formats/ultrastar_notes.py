"""The note rows of an UltraStar file, in beats: :class:`NoteParser` reads them into phrases.

Only syntax here; times, text and singers are made in :mod:`ultrastar`. Rows, as UltraStar
Deluxe reads them (the first character says what a row is):

- a note ``T beat length pitch text``, ``T`` one of ``: * F R G``; the text is everything after
  the one space (or tab) that follows the pitch, spaces kept; a length below 0 is malformed;
- a line break ``- beat`` (``- beat shift`` with ``#RELATIVE:YES``: later beats count from
  ``shift`` more); a line break without notes before it is ignored;
- ``P1``/``P2`` (``P 1``…): the singer of the rows that follow, in a duet;
- ``B beat bpm``: the tempo changes from that beat on;
- ``E``: the end; nothing after it is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from karaoke.core.errors import Problem, ProblemCode

_INT = r"(-?\d{1,9})"
_NOTE = re.compile(r"\s*[:*FRG]\s*" + _INT + r"\s+" + _INT + r"\s+" + _INT + r"(?:[ \t](.*))?$")
#: The notes :meth:`NoteParser.read` takes: _NOTE's rows with a length of 0 or more, the text
#: always a group (``""`` for none): one regular expression decides most rows.
_GOOD_NOTE = re.compile(
    r"\s*[:*FRG]\s*" + _INT + r"\s+(\d{1,9})\s+" + _INT + r"(?:[ \t]|(?=$))(.*)$"
)
#: What makes a row a note (then malformed if _NOTE does not match), not an unknown row: a note
#: type followed by a number, a space or nothing ("Free bird" is not a note).
_NOTE_START = re.compile(r"\s*[:*FRG](?=[\s\d-]|$)")
_BREAK = re.compile(r"\s*-\s*" + _INT + r"?(?:\s+" + _INT + r")?\s*$")
_PLAYER = re.compile(r"\s*P\s*(\d{1,9})\s*$")
_DECIMAL = r"(\d{1,9}(?:[.,]\d{1,9})?)"
_BPM_CHANGE = re.compile(r"\s*B\s+" + _DECIMAL + r"\s+" + _DECIMAL + r"\s*$")
_END = re.compile(r"\s*E(?:\s|$)")


class Part(NamedTuple):
    """The notes of one part, in file order, as three columns: note ``i`` is sung from beat
    ``starts[i]`` (relative mode already applied) for ``lengths[i]`` beats, its text as written
    ``texts[i]`` (spaces kept). Columns, not a tuple per note: songs have thousands of notes, and
    three appends are faster than building a tuple the garbage collector then has to track."""

    starts: list[int]
    lengths: list[int]
    texts: list[str]


#: The notes between two line breaks of one part, as ``(track, source_line, first, stop)``: notes
#: ``first`` to ``stop - 1`` of part ``track`` (0: a solo, or P1; 1: P2); ``source_line`` is the
#: row of its first note. A plain tuple, as a :data:`Part`'s notes are columns.
Phrase = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Body:
    """What the note rows say: the phrases, in file order, and the notes of the parts they
    index; the tempo changes as (beat, BPM); whether there were ``P`` rows."""

    phrases: tuple[Phrase, ...]
    parts: tuple[Part, Part]
    bpm_changes: tuple[tuple[Fraction, Fraction], ...]
    duet: bool


class NoteParser:
    """Reads the note rows (:meth:`read`) into a :class:`Body`. Problems (with their row) go to
    ``problems``."""

    def __init__(self, path: str, problems: list[Problem], relative: bool) -> None:
        self.path = path
        self.problems = problems
        self.relative = relative
        self.track = 0
        self.duet = False
        self.shift = [0, 0]  # relative mode: the beat each part's notes count from
        self.parts = (Part([], [], []), Part([], [], []))
        #: Each part's phrase being added to, as (row of its first note, index of that note).
        self.open: list[tuple[int, int] | None] = [None, None]
        self.phrases: list[Phrase] = []
        self.bpm_changes: list[tuple[Fraction, Fraction]] = []

    def read(self, rows: Sequence[str], start: int) -> Body:
        """Read ``rows[start:]`` (row ``start + 1`` on, in the file's numbering) up to the end
        row (``E``): the body. The loop is written for speed: a song has thousands of notes, so
        what only other rows change (the part, its shift, its open phrase) is kept in locals."""
        note_match = _GOOD_NOTE.match
        track, shift, opened = 0, 0, False
        starts, lengths, texts = self.parts[0]
        for index in range(start, len(rows)):
            note = note_match(rows[index])
            if note is not None:
                if not opened:
                    self.open[track], opened = (index + 1, len(texts)), True
                starts.append(int(note[1]) + shift)
                lengths.append(int(note[2]))
                texts.append(note[4])
            elif rows[index][:1] == "-":  # a line break: the next most common row
                self._line_break(index + 1, rows[index])
                shift, opened = self.shift[track], False
            elif self._other(index + 1, rows[index]):
                track = self.track
                shift, opened = self.shift[track], self.open[track] is not None
                starts, lengths, texts = self.parts[track]
            else:
                break
        for track in (0, 1):
            self._close(track)
        self.phrases.sort(key=lambda phrase: phrase[1])
        return Body(tuple(self.phrases), self.parts, tuple(self.bpm_changes), self.duet)

    def _other(self, number: int, row: str) -> bool:
        """Read row ``number``, no well-formed note; False at the end row (``E``)."""
        first = row.lstrip()[:1]
        if not first:
            return True
        if first == "E" and _END.match(row):
            return False
        if first == "-":
            self._line_break(number, row)
        elif _NOTE_START.match(row):
            self._note(number, row)
        elif match := _PLAYER.match(row):
            self._player(number, int(match.group(1)))
        elif match := _BPM_CHANGE.match(row):
            beat, bpm = (Fraction(value.replace(",", ".")) for value in match.groups())
            if bpm > 0:
                self.bpm_changes.append((beat + self.shift[0], bpm))
            else:
                self._warn(number, "a tempo change to 0 BPM; ignored", ProblemCode.MALFORMED_NOTE)
        else:
            what = "a header after the notes" if first == "#" else f"{row.strip()[:40]!r}"
            message = f"{what} is no note, line break, player or end; ignored"
            self._warn(number, message, ProblemCode.UNKNOWN_LINE)
        return True

    def _warn(self, number: int, message: str, code: ProblemCode) -> None:
        self.problems.append(Problem(self.path, number, message, code))

    def _note(self, number: int, row: str) -> None:
        """A note row that :meth:`read` could not read: malformed."""
        why = "a length below 0" if _NOTE.match(row) else "not 'type beat length pitch text'"
        self._warn(number, f"a note with {why}; skipped", ProblemCode.MALFORMED_NOTE)

    def _line_break(self, number: int, row: str) -> None:
        self._close(self.track)
        match = _BREAK.match(row)
        if match is None:
            message = "a line break with something else than its beats; its beats are ignored"
            self._warn(number, message, ProblemCode.MALFORMED_NOTE)
            return
        if not self.relative:
            return  # a line lasts until its last note ends: the break's beat is not needed
        first, second = match.groups()
        if second is None:
            done = f"shifted by {first}" if first else "not shifted"
            message = f"a relative line break needs two beats ('- beat shift'); {done}"
            self._warn(number, message, ProblemCode.MALFORMED_NOTE)
        self.shift[self.track] += int(second or first or 0)

    def _player(self, number: int, player: int) -> None:
        if player not in (1, 2):
            message = (
                f"P{player}: only P1 and P2 sing in a duet; "
                f"the rows after it stay with P{self.track + 1}"
            )
            self._warn(number, message, ProblemCode.UNKNOWN_LINE)
            return
        self.duet = True
        self.track = player - 1

    def _close(self, track: int) -> None:
        if (phrase := self.open[track]) is not None:
            source_line, first = phrase
            self.phrases.append((track, source_line, first, len(self.parts[track].texts)))
            self.open[track] = None
