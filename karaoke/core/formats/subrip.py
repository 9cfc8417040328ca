"""SubRip (``.srt``): one cue per sung line.

Writing (through pysrt) keeps every line's start and end exactly (pysrt's ``SubRipTime`` holds
ms); SubRip holds no word timings, stanza breaks or title, so those are lost.

Why not pysrt for reading too: it guesses the
encoding wrongly for cp1252 files; by default it drops a malformed cue without a word; its time
parser reads any garbage between the colons as 0; and it costs 4.5 µs a stamp, 90 ms of the
150 ms budget for a 10,000-cue file (``benchmarks/engine.py``). Here the file is split into cues
keeping each cue's line number, every timing row must match a strict pattern, and every
malformed cue becomes a reported problem naming its line. Times follow pysrt's reading of a
stamp (the digits after the comma are milliseconds), which ``tests`` check against pysrt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from karaoke.core.errors import Problem, ProblemCode
from karaoke.core.formats.base import DEFAULT_OPTIONS, LyricsFormat, WriteOptions
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_lyrics
from karaoke.core.formats.markup import strip_markup
from karaoke.core.model import Line, Lyrics
from karaoke.core.timefmt import HOUR_MS

_ARROW = "-->"
_STAMP = r"([0-9]{1,3}):([0-9]{1,2}):([0-9]{1,2})[,.]([0-9]{1,3})"
_TIMESTAMP = re.compile(f"^{_STAMP}$")
#: A timing row: two stamps, then optionally SubRip's display coordinates (ignored).
_TIMING = re.compile(rf"^\s*{_STAMP}\s*-->\s*{_STAMP}(?:\s|$)")


def read_subrip(data: bytes, path: str, encoding: str | None = None) -> Lyrics:
    decoded = decode_lyrics(data, path, encoding)
    text, encoding = decoded.text, decoded.encoding
    problems: list[Problem] = list(decoded.problems)
    raw_lines = [
        raw
        for first_line, rows in _cue_blocks(text)
        if (raw := _read_cue(rows, first_line, path, problems)) is not None
    ]
    return build_lyrics(path, raw_lines, encoding, problems, empty_message="no SubRip cue found")


def _cue_blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blank-line separated blocks as ``(1-based first line, rows)``."""
    blocks: list[tuple[int, list[str]]] = []
    rows: list[str] = []
    first = 0
    for number, row in enumerate(text.split("\n"), start=1):
        if row.strip():
            if not rows:
                first = number
            rows.append(row)
        elif rows:
            blocks.append((first, rows))
            rows = []
    if rows:
        blocks.append((first, rows))
    return blocks


def _read_cue(
    rows: list[str], first_line: int, path: str, problems: list[Problem]
) -> RawLine | None:
    """A cue is an optional index row, a timing row, then text rows."""
    timing_at = 0 if _ARROW in rows[0] else 1 if len(rows) > 1 and _ARROW in rows[1] else None
    if timing_at is None:
        problems.append(
            Problem(
                path,
                first_line,
                "malformed cue: expected a timing line 'HH:MM:SS,mmm --> HH:MM:SS,mmm'",
                ProblemCode.MALFORMED_CUE,
            )
        )
        return None
    match = _TIMING.match(rows[timing_at])
    if match is None:
        problems.append(_bad_timing(rows[timing_at], first_line + timing_at, path))
        return None
    h1, m1, s1, f1, h2, m2, s2, f2 = map(int, match.groups())
    if max(m1, s1, m2, s2) >= 60:
        problems.append(
            Problem(
                path,
                first_line + timing_at,
                "malformed cue: minutes and seconds must be below 60",
                ProblemCode.MALFORMED_CUE,
            )
        )
        return None
    return RawLine(
        text=strip_markup("\n".join(rows[timing_at + 1 :])),
        start_ms=((h1 * 60 + m1) * 60 + s1) * 1000 + f1,
        end_ms=((h2 * 60 + m2) * 60 + s2) * 1000 + f2,
        source_line=first_line,
    )


def _bad_timing(row: str, line: int, path: str) -> Problem:
    """Say which stamp of a timing row is wrong."""
    start, _, rest = row.partition(_ARROW)
    stamps = (start.strip(), (rest.split() or [""])[0])
    bad = next((stamp for stamp in stamps if not _TIMESTAMP.match(stamp)), row.strip())
    return Problem(
        path,
        line,
        f"malformed cue: invalid time {bad!r} (expected HH:MM:SS,mmm)",
        ProblemCode.MALFORMED_CUE,
    )


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
