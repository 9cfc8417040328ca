"""SubRip (``.srt``): one cue per sung line.

Writing (through pysrt) keeps every line's start and end exactly (pysrt's ``SubRipTime`` holds
ms); SubRip holds no word timings, stanza breaks or title, so those are lost.

Why not pysrt for reading too: it guesses the
encoding wrongly for cp1252 files; by default it drops a malformed cue without a word; its time
parser reads any garbage between the colons as 0; and it costs 4.5 µs a stamp, 90 ms of the
150 ms budget for a 10,000-cue file (``benchmarks/engine.py``). Here the file is split into cues
keeping each cue's line number, every timing row must match a pattern, and every malformed cue
becomes a reported problem naming its line.

Reading rules (decided the way VLC, ExoPlayer, mpv/FFmpeg and the ``srt`` library read files):

- A stamp is ``HH:MM:SS,mmm``. Also read, each with a LOOSE_TIME warning naming the first timing
  row of that form (and how many more there are): ``.`` for ``,`` (VLC, mpv, srt); no
  milliseconds, ``00:00:02`` (VLC, ExoPlayer, srt); three digits of seconds, ``00:00:013,567``
  (VLC, ExoPlayer, srt); no hours, ``00:02,500``, read as minutes:seconds (ExoPlayer); one or two
  digits after the comma, which count milliseconds (``,04`` and ``,4`` are 4 ms) as VLC, mpv,
  the srt library and pysrt read them (pysubs2 alone reads a fraction; ExoPlayer refuses).
- Still refused, naming the row (MALFORMED_CUE): letters or a sign in a stamp, four digits after
  the comma, minutes or seconds of 60 or more, a time without ``-->`` and an end.
- A blank line inside a cue: the rows after it belong to the cue above unless they start a cue
  (a timing row first, or after one row, the cue number; or a row that is only a time, which
  is reported above). Kept with a BLANK_IN_CUE warning, as the srt library and pysubs2 do (VLC
  and ExoPlayer drop those rows).
- ASS codes in the text, left by conversions from ASS: ``\\N`` and ``\\n`` are line breaks,
  ``\\h`` a space. Tags go (:mod:`markup`); the clean-up of every format follows
  (:func:`common.build_lyrics`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from karaoke.core.errors import Problem, ProblemCode
from karaoke.core.formats.base import DEFAULT_OPTIONS, LyricsFormat, WriteOptions
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_lyrics
from karaoke.core.formats.loose_time import TimeReport
from karaoke.core.formats.markup import strip_markup
from karaoke.core.model import Line, Lyrics
from karaoke.core.timefmt import HOUR_MS, MINUTE_MS, SECOND_MS

_ARROW = "-->"
#: The standard stamp (1–3 digits of hours; 1–2 of minutes and seconds; 3 of milliseconds).
_STRICT = r"([0-9]{1,3}):([0-9]{1,2}):([0-9]{1,2}),([0-9]{3})"
#: What players also read (see the module docstring); groups: hours, minutes, seconds, the
#: separator and the digits after it.
_LOOSE = r"(?:([0-9]{1,3}):)?([0-9]{1,2}):([0-9]{1,3})(?:([,.])([0-9]{1,3}))?"
#: A timing row: two stamps, then optionally SubRip's display coordinates (ignored).
_TIMING = re.compile(rf"^\s*{_STRICT}\s*-->\s*{_STRICT}(?:\s|$)")
_LOOSE_TIMING = re.compile(rf"^\s*{_LOOSE}\s*-->\s*{_LOOSE}(?:\s|$)")
_LOOSE_STAMP = re.compile(f"^{_LOOSE}$")
#: A row that is nothing but a time: a timing row gone wrong, never sung text.
_TIME_ONLY = re.compile(r"^\s*[0-9]{1,3}(?::[0-9]{1,3}){1,2}(?:[,.][0-9]*)?\s*$")


def read_subrip(data: bytes, path: str, encoding: str | None = None) -> Lyrics:
    decoded = decode_lyrics(data, path, encoding)
    text, encoding = decoded.text, decoded.encoding
    report = TimeReport(path, list(decoded.problems))
    raw_lines = [raw for cue in _cues(text) if (raw := _read_cue(cue, report)) is not None]
    report.finish()
    return build_lyrics(
        path, raw_lines, encoding, report.problems, empty_message="no SubRip cue found"
    )


@dataclass(slots=True)
class _Cue:
    """A cue's rows (its blank rows left out) and the 1-based line of its first row."""

    first_line: int
    rows: list[str]
    #: The first line of each run of rows after a blank line inside the cue.
    continued_at: list[int] = field(default_factory=list)


def _cues(text: str) -> list[_Cue]:
    """Blank-line separated blocks; a block that does not start a cue is the rest of the cue
    above it (a blank line inside the cue's text), unless there is no cue above."""
    cues: list[_Cue] = []
    rows: list[str] = []
    first = 0
    for number, row in enumerate(text.split("\n"), start=1):
        if row.strip():
            if not rows:
                first = number
            rows.append(row)
        elif rows:
            _add_block(cues, first, rows)
            rows = []
    if rows:
        _add_block(cues, first, rows)
    return cues


def _add_block(cues: list[_Cue], first: int, rows: list[str]) -> None:
    if _starts_cue(rows) or not cues or not _starts_cue(cues[-1].rows):
        cues.append(_Cue(first, rows))
    else:
        cues[-1].rows.extend(rows)
        cues[-1].continued_at.append(first)


def _starts_cue(rows: list[str]) -> bool:
    """A timing row (or a row that is only a time) first, or after one row (the cue number)."""
    if _ARROW in rows[0] or (len(rows) > 1 and _ARROW in rows[1]):
        return True  # the usual cue: decided without a regex
    return any(_TIME_ONLY.match(row) for row in rows[:2])


def _read_cue(cue: _Cue, report: TimeReport) -> RawLine | None:
    """A cue is an optional index row, a timing row, then text rows."""
    rows, first_line = cue.rows, cue.first_line
    timing_at = 0 if _ARROW in rows[0] else 1 if len(rows) > 1 and _ARROW in rows[1] else None
    if timing_at is None:
        report.problems.append(_no_timing(rows, first_line, report.path))
        return None
    times = _timing_ms(rows[timing_at], first_line + timing_at, report)
    for line in cue.continued_at:
        message = (
            f"blank line inside the cue at line {first_line}: "
            "the text after it is kept as part of that cue"
        )
        report.problems.append(Problem(report.path, line, message, ProblemCode.BLANK_IN_CUE))
    if times is None:
        return None
    return RawLine(
        text=strip_markup("\n".join(rows[timing_at + 1 :]), ass_codes=True),
        start_ms=times[0],
        end_ms=times[1],
        source_line=first_line,
    )


def _timing_ms(row: str, line: int, report: TimeReport) -> tuple[int, int] | None:
    """The start and end of a timing row; None (reported) when it cannot be read."""
    if match := _TIMING.match(row):
        h1, m1, s1, f1, h2, m2, s2, f2 = map(int, match.groups())
    elif match := _LOOSE_TIMING.match(row):
        groups = match.groups()
        h1, m1, s1, f1 = _loose_parts(groups[:5])
        h2, m2, s2, f2 = _loose_parts(groups[5:])
    else:
        report.problems.append(_bad_timing(row, line, report.path))
        return None
    if max(m1, s1, m2, s2) >= 60:
        message = "malformed cue: minutes and seconds must be below 60"
        report.problems.append(Problem(report.path, line, message, ProblemCode.MALFORMED_CUE))
        return None
    start_ms = ((h1 * 60 + m1) * 60 + s1) * 1000 + f1
    end_ms = ((h2 * 60 + m2) * 60 + s2) * 1000 + f2
    if match.re is _LOOSE_TIMING:
        start, _, rest = row.partition(_ARROW)
        _loose_time(report, line, start.strip(), start_ms, match.groups()[:5])
        _loose_time(report, line, rest.split()[0], end_ms, match.groups()[5:])
    return start_ms, end_ms


def _loose_parts(groups: Sequence[str | None]) -> tuple[int, int, int, int]:
    """Hours, minutes, seconds and milliseconds of a loose stamp's groups (the digits after
    the separator count milliseconds, as players read them)."""
    hours, minutes, seconds, _, digits = groups
    assert minutes is not None and seconds is not None  # the pattern requires them
    return int(hours or 0), int(minutes), int(seconds), int(digits or 0)


def _no_timing(rows: list[str], first_line: int, path: str) -> Problem:
    for offset, row in enumerate(rows[:2]):
        if _TIME_ONLY.match(row):
            message = f"malformed cue: time {row.strip()!r} without '-->' and an end time"
            return Problem(path, first_line + offset, message, ProblemCode.MALFORMED_CUE)
    message = "malformed cue: expected a timing line 'HH:MM:SS,mmm --> HH:MM:SS,mmm'"
    return Problem(path, first_line, message, ProblemCode.MALFORMED_CUE)


def _bad_timing(row: str, line: int, path: str) -> Problem:
    """Say which stamp of a timing row is wrong."""
    start, _, rest = row.partition(_ARROW)
    stamps = (start.strip(), (rest.split() or [""])[0])
    bad = next((stamp for stamp in stamps if not _LOOSE_STAMP.match(stamp)), row.strip())
    return Problem(
        path,
        line,
        f"malformed cue: invalid time {bad!r} (expected HH:MM:SS,mmm)",
        ProblemCode.MALFORMED_CUE,
    )


#: Each way a stamp can be loose: what the warning says about it (after the stamp).
_LOOSE_FORMS = {
    "hours": "has no hours (taken as minutes:seconds)",
    "seconds": "has three digits of seconds",
    "milliseconds": "has no milliseconds",
    "digits": (
        "has fewer than 3 digits after the comma (they count milliseconds, as VLC, mpv and "
        "the srt library read them: a tenth of a second is ,100)"
    ),
    "dot": "has '.' where SubRip has ','",
}


def _loose_time(
    report: TimeReport, line: int, stamp: str, ms: int, groups: Sequence[str | None]
) -> None:
    """Warn of each way ``stamp`` (of timing row ``line``, read as ``ms``) is loose; ``groups``
    are its ``_LOOSE`` groups."""
    hours, _, seconds, separator, digits = groups
    for form, loose in (
        ("hours", hours is None),
        ("seconds", len(seconds or "") > 2),
        ("milliseconds", digits is None),
        ("digits", digits is not None and len(digits) < 3),
        ("dot", separator == "."),
    ):
        if loose:
            report.loose(line, form, f"time {stamp!r} {_LOOSE_FORMS[form]}: read as {_stamp(ms)}")


def _stamp(ms: int) -> str:
    """``13567`` → ``"00:00:13,567"``."""
    hours, rest = divmod(ms, HOUR_MS)
    minutes, rest = divmod(rest, MINUTE_MS)
    seconds, millis = divmod(rest, SECOND_MS)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"


def subrip_text(lines: Sequence[Line], options: WriteOptions = DEFAULT_OPTIONS) -> str:
    """The lines as a SubRip document (cues numbered from 1, ``\\n`` line ends).

    ``options`` are ignored: SubRip holds neither stanzas, nor a title, nor word timings.
    """
    # Imported here: pysrt (with chardet) costs ~13 ms, which reading lyrics need not pay.
    import pysrt

    document = pysrt.SubRipFile(
        [
            pysrt.SubRipItem(
                index=number,
                start=pysrt.SubRipTime.from_ordinal(line.start_ms),
                end=pysrt.SubRipTime.from_ordinal(line.end_ms),
                text=line.text,
            )
            for number, line in enumerate(lines, start=1)
        ]
    )
    buffer: list[str] = []

    class _Sink:
        write = staticmethod(buffer.append)

    document.write_into(_Sink(), eol="\n")
    return "".join(buffer)


#: The latest time written, 999:59:59,999: the reader takes at most three digits of hours.
LATEST_MS = 1000 * HOUR_MS - 1

SUBRIP = LyricsFormat("SubRip", (".srt",), read_subrip, subrip_text, max_time_ms=LATEST_MS)
