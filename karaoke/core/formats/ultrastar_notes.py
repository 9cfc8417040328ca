"""The note rows of an UltraStar file → its lines: :class:`NoteParser` reads the rows, times
each note and makes its syllable a :class:`~karaoke.core.model.Word` as it goes (one loop, no
list of notes in between: a song has thousands of them). Headers, the tempo and the singers'
names are read in :mod:`ultrastar`, whose docstring says how a line is made of its notes. Rows,
as UltraStar Deluxe reads them (the first character says what a row is):

- a note ``T beat length pitch text``, ``T`` one of ``: * F R G``; the text is everything after
  the one space (or tab) that follows the pitch, spaces kept; a length below 0 is malformed;
- a line break ``- beat`` (``- beat shift`` with ``#RELATIVE:YES``: later beats count from
  ``shift`` more); a line break without notes before it is ignored;
- ``P1``/``P2`` (``P 1``…): the singer of the rows that follow, in a duet;
- ``B beat bpm``: the tempo changes from that beat on;
- ``E``: the end; nothing after it is read.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

from karaoke.core.errors import Problem, ProblemCode
from karaoke.core.formats.common import RawLine
from karaoke.core.model import Word

_INT = r"(-?\d{1,9})"
_NOTE = re.compile(r"\s*[:*FRG]\s*" + _INT + r"\s+" + _INT + r"\s+" + _INT + r"(?:[ \t](.*))?$")
#: The notes :meth:`NoteParser.read` takes: _NOTE's rows with a length of 0 or more, the text
#: always a group (``""`` for none): one regular expression decides most rows.
_GOOD_NOTE = re.compile(
    r"\s*[:*FRG]\s*" + _INT + r"\s+(\d{1,9})\s+" + _INT + r"(?:[ \t]|(?=$))(.*)$"
)
_NOTE_TYPES = frozenset(":*FRG")  # the first field of a note written one space apart
#: What makes a row a note (then malformed if _NOTE does not match), not an unknown row: a note
#: type followed by a number, a space or nothing ("Free bird" is not a note).
_NOTE_START = re.compile(r"\s*[:*FRG](?=[\s\d-]|$)")
_BREAK = re.compile(r"\s*-\s*" + _INT + r"?(?:\s+" + _INT + r")?\s*$")
_PLAYER = re.compile(r"\s*P\s*(\d{1,9})\s*$")
_DECIMAL = r"(\d{1,9}(?:[.,]\d{1,9})?)"
_BPM_CHANGE = re.compile(r"\s*B\s+" + _DECIMAL + r"\s+" + _DECIMAL + r"\s*$")
_END = re.compile(r"\s*E(?:\s|$)")


class Timing(NamedTuple):
    """When beats start, for :class:`NoteParser`: ``ms(beat)``, in ms; with one tempo (most
    songs) also ``folded``, the integers ``(base, step, divisor)`` of ``ms(t) = max(0, (base + t
    × step) // divisor)``, which the parser's loop computes without a call."""

    ms: Callable[[int], int]
    folded: tuple[int, int, int] | None


#: ``tuple.__new__(Word, (text, start_ms, end_ms, char_start))`` is ``Word(text, …)`` without
#: the Python-level ``__new__`` a NamedTuple adds: a song has a Word for each of its notes.
_tuple_new = tuple.__new__
_START_MS, _END_MS = operator.itemgetter(1), operator.itemgetter(2)


@dataclass(slots=True)
class _Phrase:
    """The line a part is singing, up to the last note read: the row of its first note, its
    notes' texts as shown (``~`` removed), its words, the length of its text so far, and the
    times of its notes before its first word (a line of held notes only has no word: these
    times say when it is sung)."""

    source_line: int = 0
    length: int = 0
    pieces: list[str] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Body:
    """What the note rows say: each part's lines (``lines[0]``: a solo, or P1; ``lines[1]``:
    P2), in file order, singers not set; the tempo changes as (beat, BPM); whether there were
    ``P`` rows; the problems found, each naming its row."""

    lines: tuple[list[RawLine], list[RawLine]]
    bpm_changes: tuple[tuple[Fraction, Fraction], ...]
    duet: bool
    problems: tuple[Problem, ...]


class NoteParser:
    """Reads the note rows (:meth:`read`) into a :class:`Body`, timing notes by ``timing``.
    ``relative``: the file says ``#RELATIVE:YES``."""

    def __init__(self, path: str, relative: bool, timing: Timing) -> None:
        self.path = path
        self.relative = relative
        self.timing = timing
        self.problems: list[Problem] = []
        self.track = 0
        self.duet = False
        self.shift = [0, 0]  # relative mode: the beat each part's notes count from
        self.phrases = (_Phrase(), _Phrase())  # the line each part is singing
        self.lines: tuple[list[RawLine], list[RawLine]] = ([], [])
        self.bpm_changes: list[tuple[Fraction, Fraction]] = []

    def read(self, rows: Sequence[str], start: int) -> Body:
        """Read ``rows[start:]`` (row ``start + 1`` on, in the file's numbering) up to the end
        row (``E``): the body. Written for speed: a note is a split (or a regular expression),
        integer arithmetic and a Word, and what only other rows change (the part, its shift,
        its line) is kept in locals."""
        note_match = _GOOD_NOTE.match
        ms, folded = self.timing
        base, step, divisor = folded or (0, 1, 1)  # (not used without one tempo)
        phrase, shift = self.phrases[0], 0
        pieces, words, length = phrase.pieces, phrase.words, 0
        for index in range(start, len(rows)):
            # Most notes are "T beat length pitch text", one space apart: a split and a look at
            # each number read them faster than _GOOD_NOTE (a match and three groups a row),
            # which gives the same fields for them (tests/…/test_ultrastar.py checks).
            fields = rows[index].split(" ", 4)
            if (
                len(fields) == 5
                and fields[0] in _NOTE_TYPES
                and fields[1].isdecimal()  # \d is a decimal digit (Unicode category Nd) too
                and fields[2].isdecimal()
                and (pitch := fields[3].removeprefix("-")).isdecimal()
                and len(fields[1]) < 10 > len(fields[2])
                and len(pitch) < 10
            ):
                _, beat_digits, length_digits, _, text = fields
            elif note := note_match(rows[index]):
                beat_digits, length_digits, text = note[1], note[2], note[4]
            else:
                phrase.length = length  # the row may end this line or turn to the other part
                if not self._other(index + 1, rows[index]):
                    break
                phrase, shift = self.phrases[self.track], self.shift[self.track]
                pieces, words, length = phrase.pieces, phrase.words, phrase.length
                continue
            beat = int(beat_digits) + shift
            if folded:
                start_ms = (base + beat * step) // divisor
                end_ms = (base + (beat + int(length_digits)) * step) // divisor
                if start_ms < 0:  # before 0:00 (a negative gap or beat): from 0:00
                    start_ms, end_ms = 0, max(end_ms, 0)
            else:
                start_ms, end_ms = ms(beat), ms(beat + int(length_digits))
            if "~" in text:  # a held note's mark is not shown
                text = text.replace("~", "")
            if not pieces:
                phrase.source_line = index + 1
            pieces.append(text)
            if syllable := text.strip():
                # strip() gives the same string when there is nothing to strip: no search then.
                lead = 0 if syllable is text else text.find(syllable)
                words.append(_tuple_new(Word, (syllable, start_ms, end_ms, length + lead)))
            elif words:  # nothing to show: the syllable before is held on
                if end_ms > words[-1].end_ms:
                    words[-1] = words[-1]._replace(end_ms=end_ms)
            else:
                phrase.spans.append((start_ms, end_ms))
            length += len(text)
        for track in (0, 1):
            self._close(track)
        bpm_changes = tuple(self.bpm_changes)
        return Body(self.lines, bpm_changes, self.duet, tuple(self.problems))

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
        """End part ``track``'s line, if it has a note: its syllables joined as written, each a
        word, the line lasting from its first word's start to its last word's end."""
        phrase = self.phrases[track]
        if not phrase.pieces:
            return
        text, words = "".join(phrase.pieces), phrase.words
        if lead := len(text) - len(text.lstrip()):
            words = [word._replace(char_start=word.char_start - lead) for word in words]
        if words:
            start_ms, end_ms = min(map(_START_MS, words)), max(map(_END_MS, words))
        else:
            start_ms = min(start for start, _ in phrase.spans)
            end_ms = max(end for _, end in phrase.spans)
        line = RawLine(text.strip(), start_ms, end_ms, phrase.source_line, tuple(words))
        self.lines[track].append(line)
        phrase.source_line = phrase.length = 0
        phrase.pieces.clear()
        phrase.words.clear()
        phrase.spans.clear()
