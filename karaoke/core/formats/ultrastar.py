"""UltraStar ``.txt``: the songs of the singing games (UltraStar Deluxe, Vocaluxe, Performous),
read only. Headers, then one note (a sung syllable) per row::

    #TITLE:Mi modelito          #ARTIST, #LANGUAGE, #MP3 or #AUDIO, #VIDEO: kept in metadata
    #BPM:276,5                  beats per minute (a decimal comma is allowed)
    #GAP:9600                   ms before beat 0
    : 0 4 12 Con                type, start beat, length in beats, pitch, syllable
    * 4 2 12  mi                a syllable that starts with a space starts a new word
    - 10                        a line break
    E                           the end

Times: a beat is a quarter note, ``60000 / (BPM × 4)`` ms; a note at beat ``b`` starts at
``GAP + b × beat`` ms, rounded half up to the ms, never below 0 (``B beat bpm`` rows change the
tempo from that beat on). ``#RELATIVE:YES`` counts each line's beats from the second number of
the line break before it. Each syllable is a :class:`~karaoke.core.model.Word` (its text without
the spaces around it); the line's text is the syllables joined as written, without spaces at its
ends; the line lasts from its first note's start to its last note's end. ``~`` marks a note held
on from the syllable before it: it is not shown, and that syllable's time extends to the held
note's end (so does a note with no text). Normal ``:``, golden ``*``, freestyle ``F``, rap ``R``
and golden rap ``G`` notes are all sung lines: only a game's scoring tells them apart; the pitch
is read (it must be a number) and not kept.

Duets: ``P1``/``P2`` (or ``P 1``) rows switch the singer; a line keeps its singer in
:attr:`~karaoke.core.model.Line.singer`, named by ``#P1:``/``#P2:`` (or ``#DUETSINGERP1:``…),
else ``"P1"``/``"P2"``. A line both sing (the same text at the same times in both parts) is kept
once, sung by ``"P1 & P2"``.

Repairs, each a warning naming the row: a note without its numbers is skipped (MALFORMED_NOTE);
a row that is no header, note, line break, player or end is skipped (UNKNOWN_LINE); a ``#GAP``,
``#RELATIVE`` or ``#ENCODING`` value not understood is ignored (BAD_HEADER). No usable ``#BPM`` is
an error (MISSING_BPM): no beat would have a time. Rows after ``E`` are ignored, as the games do.

Encoding: the user's choice, else a byte-order mark, else ``#ENCODING:`` (``UTF8``, ``CP1252``…),
else detected as for every format (:mod:`decoding`).
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import math
import operator
import re
from collections.abc import Callable, Sequence
from fractions import Fraction

from karaoke.core.errors import Problem, ProblemCode, SongError
from karaoke.core.formats.base import LyricsFormat
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import Decoded, decode_lyrics
from karaoke.core.formats.nogc import no_gc
from karaoke.core.formats.ultrastar_notes import Body, NoteParser, Timing
from karaoke.core.model import Lyrics
from karaoke.core.timefmt import format_ms

#: ms of a beat at 1 BPM: UltraStar's beats are quarter notes, so ``60000 / 4``.
BEAT_MS_AT_ONE_BPM = Fraction(60_000, 4)

_HEADER = re.compile(r"\s*#\s*([^:]*?)\s*:(.*)$")
_DECIMAL = re.compile(r"\s*([+-]?\d{1,12})(?:[.,](\d{1,12}))?\s*$")
_ENCODING = re.compile(rb"^[ \t]*#ENCODING[ \t]*:([^\r\n]*)", re.IGNORECASE | re.MULTILINE)
_AUTOMATIC = {"auto", "locale", ""}  # UltraStar Deluxe's names for "detect it"
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_ultrastar(data: bytes, path: str, encoding: str | None = None) -> Lyrics:
    with no_gc():  # a note a Word: see nogc
        return _read_song(data, path, encoding)


def _read_song(data: bytes, path: str, encoding: str | None) -> Lyrics:
    problems: list[Problem] = []
    decoded = _decode(data, path, encoding, problems)
    problems[:0] = decoded.problems
    headers, body = _read(decoded.text, path, problems)
    names = (
        (headers.get("P1") or headers.get("DUETSINGERP1") or "P1"),
        (headers.get("P2") or headers.get("DUETSINGERP2") or "P2"),
    )
    if body.duet:
        for name, lines in zip(names, body.lines, strict=True):
            for raw in lines:
                raw.singer = name
    raw_lines = sorted(itertools.chain(*body.lines), key=_SOURCE_LINE_OF)  # file order
    _check_order(path, raw_lines, problems)
    metadata = {name.lower(): value for name, value in headers.items()}
    if "AUDIO" not in headers and "MP3" in headers:
        metadata["audio"] = headers["MP3"]
    if body.duet:
        raw_lines = _sung_once(raw_lines, names[0])
    # In time order already: the parts of a duet are written one after the other, which is
    # no reason for build_lyrics to report lines out of order (_check_order did, per part).
    # By end, then by start: stable sorts, so in (start, end) order without a key tuple a line.
    raw_lines.sort(key=_END_MS_OF)
    raw_lines.sort(key=_START_MS_OF)
    return build_lyrics(
        path,
        raw_lines,
        decoded.encoding,
        problems,
        metadata=metadata,
        empty_message="no UltraStar notes found",
    )


def _read(text: str, path: str, problems: list[Problem]) -> tuple[dict[str, str], Body]:
    """The headers of ``text`` and its body. Notes are timed as they are read, so tempo changes
    (``B`` rows, rare) are known only at the end: a body that has some is read again with
    them."""
    rows = text.split("\n")
    headers, header_rows, body_start = _headers(rows)
    tempo = _tempo(headers, header_rows, path, problems)
    relative = _relative(headers, header_rows, path, problems)
    body = NoteParser(path, relative, tempo.timing()).read(rows, body_start)
    if body.bpm_changes:
        timing = _with_changes(tempo, body.bpm_changes).timing()
        body = NoteParser(path, relative, timing).read(rows, body_start)
    problems.extend(body.problems)
    return headers, body


# Lines ------------------------------------------------------------------------------------------


_SOURCE_LINE_OF = operator.attrgetter("source_line")
_START_MS_OF, _END_MS_OF = operator.attrgetter("start_ms"), operator.attrgetter("end_ms")


def _check_order(path: str, raw_lines: list[RawLine], problems: list[Problem]) -> None:
    """Report a line that starts before the line above it in the same part (lines are in file
    order)."""
    last: dict[str, RawLine] = {}
    for raw in raw_lines:
        before = last.get(raw.singer)
        if before is not None and raw.start_ms < before.start_ms:
            message = (
                f"starts ({format_ms(raw.start_ms)}) before the line above it "
                f"(line {before.source_line}, {format_ms(before.start_ms)}); "
                "lines play in time order"
            )
            problems.append(Problem(path, raw.source_line, message, ProblemCode.OUT_OF_ORDER))
        last[raw.singer] = raw


def _sung_once(raw_lines: list[RawLine], first_part: str) -> list[RawLine]:
    """The lines, with a line both parts of a duet sing (the same text and times) kept once,
    its singer ``"P1 & P2"`` (the parts' names, ``first_part``'s first)."""
    first_of: dict[tuple[str, int, int], RawLine] = {}
    kept: list[RawLine] = []
    for raw in sorted(raw_lines, key=lambda raw: raw.singer != first_part):
        same = first_of.setdefault((raw.text, raw.start_ms, raw.end_ms), raw)
        if same is not raw and same.singer and raw.singer not in same.singer.split(" & "):
            same.singer = f"{same.singer} & {raw.singer}"
            continue
        kept.append(raw)
    return kept


# Headers ---------------------------------------------------------------------------------------


def _headers(rows: list[str]) -> tuple[dict[str, str], dict[str, int], int]:
    """The headers (upper-case name → value; a repeated one keeps its last value, as UltraStar
    Deluxe does), the row number of each, and the index of the first row after them. Headers
    are the ``#`` rows (and blank rows) before the first other row."""
    headers: dict[str, str] = {}
    numbers: dict[str, int] = {}
    index = 0
    while index < len(rows) and (not rows[index].strip() or rows[index].lstrip().startswith("#")):
        if match := _HEADER.match(rows[index]):
            name = match.group(1).strip().upper()
            if value := match.group(2).strip():  # an empty value says nothing
                headers[name], numbers[name] = value, index + 1
        index += 1
    return headers, numbers, index


def _decimal(value: str) -> Fraction | None:
    """``"276,5"`` or ``"276.5"`` → an exact Fraction; None for anything else."""
    match = _DECIMAL.match(value)
    if match is None:
        return None
    whole, fraction = match.groups()
    return Fraction(f"{whole}.{fraction}" if fraction else whole)


class _Tempo:
    """Beats → ms: ``gap_ms`` before beat 0, then stretches of constant tempo, each given as
    (first beat, ms per beat), by beat; the first starts at beat 0 and also times the beats
    before 0. Exact: integer arithmetic on each stretch's fractions (a song has thousands of
    notes; :class:`Fraction` arithmetic for each would take seconds)."""

    def __init__(self, gap_ms: Fraction, stretches: Sequence[tuple[Fraction, Fraction]]) -> None:
        self.gap_ms = gap_ms
        self.stretches = tuple(stretches)
        self._firsts = [first for first, _ in self.stretches]
        # Each stretch as integers (a, f_num, f_den, b, unit): the time of beat t in it is
        # (a + (t × f_den − f_num) × b) / unit ms, = start + (t − first) × ms per beat.
        self._exact: list[tuple[int, int, int, int, int]] = []
        start = gap_ms
        for index, (first, beat_ms) in enumerate(self.stretches):
            if index:
                before, before_ms = self.stretches[index - 1]
                start += (first - before) * before_ms
            unit = math.lcm(start.denominator, first.denominator * beat_ms.denominator)
            a = start.numerator * (unit // start.denominator)
            b = beat_ms.numerator * (unit // (first.denominator * beat_ms.denominator))
            self._exact.append((a, first.numerator, first.denominator, b, unit))

    def ms(self, beat: int) -> int:
        """When ``beat`` starts: ms rounded half up, at least 0."""
        index = bisect.bisect_left(self._firsts, beat) - 1 if len(self._firsts) > 1 else 0
        a, f_num, f_den, b, unit = self._exact[max(index, 0)]
        return max(0, (2 * (a + (beat * f_den - f_num) * b) + unit) // (2 * unit))

    def timer(self) -> Callable[[int], int]:
        """:meth:`ms` as a function, the fastest there is for this tempo (one tempo, the usual
        case: one multiplication and one division)."""
        if len(self._exact) > 1:
            return self.ms
        base, step, divisor = self._folded()
        return lambda beat: ms if (ms := (base + beat * step) // divisor) > 0 else 0

    def timing(self) -> Timing:
        """How :class:`NoteParser` times beats: :meth:`ms`, and with one tempo its integers."""
        return Timing(self.ms, None if len(self._exact) > 1 else self._folded())

    def _folded(self) -> tuple[int, int, int]:
        """One tempo's (base, step, divisor): beat ``t`` starts at ``(base + t × step) //
        divisor`` ms, rounded half up (not clamped at 0)."""
        a, f_num, f_den, b, unit = self._exact[0]
        # (2 × (a + (beat × f_den − f_num) × b) + unit) // (2 × unit), its constants folded:
        return 2 * (a - f_num * b) + unit, 2 * f_den * b, 2 * unit


def _tempo(
    headers: dict[str, str], rows: dict[str, int], path: str, problems: list[Problem]
) -> _Tempo:
    """The tempo of ``#BPM`` and ``#GAP``. Raises :class:`SongError` without a usable BPM."""
    if "BPM" not in headers:
        raise SongError(
            path, "no #BPM header: the notes' beats have no times", code=ProblemCode.MISSING_BPM
        )
    bpm = _decimal(headers["BPM"])
    if bpm is None or bpm <= 0:
        raise SongError(
            path,
            f"#BPM:{headers['BPM']} is not a number of beats per minute above 0",
            rows["BPM"],
            code=ProblemCode.MISSING_BPM,
        )
    gap = _decimal(headers.get("GAP", "0"))
    if gap is None:
        message = f"#GAP:{headers['GAP']} is not a number of ms; the notes start from 0:00"
        problems.append(Problem(path, rows["GAP"], message, ProblemCode.BAD_HEADER))
        gap = Fraction(0)
    return _Tempo(gap, ((Fraction(0), BEAT_MS_AT_ONE_BPM / bpm),))


def _with_changes(tempo: _Tempo, changes: tuple[tuple[Fraction, Fraction], ...]) -> _Tempo:
    """``tempo`` with the ``B beat bpm`` changes (a later change at the same beat wins)."""
    if not changes:
        return tempo
    stretches = dict(tempo.stretches)
    for beat, bpm in changes:
        stretches[max(beat, Fraction(0))] = BEAT_MS_AT_ONE_BPM / bpm
    return _Tempo(tempo.gap_ms, tuple(sorted(stretches.items())))


def _relative(
    headers: dict[str, str], rows: dict[str, int], path: str, problems: list[Problem]
) -> bool:
    value = headers.get("RELATIVE", "NO").upper()
    if value not in ("YES", "NO"):
        message = f"#RELATIVE:{headers['RELATIVE']} is neither YES nor NO; read as NO"
        problems.append(Problem(path, rows["RELATIVE"], message, ProblemCode.BAD_HEADER))
    return value == "YES"


def _decode(data: bytes, path: str, encoding: str | None, problems: list[Problem]) -> Decoded:
    """The text in the user's encoding, else by its byte-order mark, else in the encoding its
    ``#ENCODING:`` header names, else detected. A named encoding that is unknown, or that the
    bytes do not fit, is reported and the encoding detected instead."""
    if encoding is not None or data.startswith(_BOMS) or (match := _encoding_row(data)) is None:
        return decode_lyrics(data, path, encoding)
    named = match.group(1).decode("ascii", "replace").strip()
    row = data.count(b"\n", 0, match.start()) + 1
    if named.lower() in _AUTOMATIC:
        return decode_lyrics(data, path)
    codec = "utf-8" if named.replace("-", "").lower() == "utf8" else named
    try:
        # Only an encoding that reads ASCII as ASCII can be the one the header is written in.
        if b"#ENCODING".decode(codec) != "#ENCODING":
            raise LookupError(codec)
        return decode_lyrics(data, path, codec)
    except (LookupError, ValueError, SongError) as error:
        detected = decode_lyrics(data, path)
        why = error.message if isinstance(error, SongError) else "not an encoding we know"
        message = f"#ENCODING:{named}: {why}; read as {detected.encoding}"
        problems.append(Problem(path, row, message, ProblemCode.BAD_HEADER))
        return detected


def _encoding_row(data: bytes) -> re.Match[bytes] | None:
    """The first ``#ENCODING:`` row anywhere in ``data``: ``_ENCODING.search(data)``, but only
    the rows with a ``#`` are tried (a regular expression anchored at each row start would
    look at every byte of a song's thousands of rows)."""
    start = 0  # a row start
    while (hash_at := data.find(b"#", start)) >= 0:
        if match := _ENCODING.match(data, data.rfind(b"\n", 0, hash_at) + 1):
            return match
        start = data.find(b"\n", hash_at) + 1  # the row of this "#" has no header
        if not start:
            break
    return None


# Telling it from plain text --------------------------------------------------------------------

_SNIFFED_BPM = re.compile(r"^[ \t]*#BPM[ \t]*:", re.IGNORECASE | re.MULTILINE)
_SNIFFED_MORE = re.compile(
    r"^[ \t]*(?:#(?:TITLE|ARTIST)[ \t]*:|[:*FRG][ \t]*-?\d+[ \t]+\d+[ \t]+-?\d+)",
    re.IGNORECASE | re.MULTILINE,
)


def sniff_ultrastar(head: bytes) -> bool:
    """Whether a ``.txt`` file that starts with ``head`` is UltraStar, not plain text: it has a
    ``#BPM:`` header (which no song's words have) and a ``#TITLE:``/``#ARTIST:`` header or a
    note row."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", "replace")
    else:  # headers and notes are ASCII in every other encoding UltraStar files use
        text = head.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    return bool(_SNIFFED_BPM.search(text) and _SNIFFED_MORE.search(text))


ULTRASTAR = LyricsFormat("UltraStar", (".txt",), read_ultrastar, sniff=sniff_ultrastar)
