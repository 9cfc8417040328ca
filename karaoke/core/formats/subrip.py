"""SubRip (``.srt``) reader: one cue per sung line, through pysrt.

We split the file into cues ourselves, keeping each cue's line number, and let pysrt parse the
times (``SubRipTime``). pysrt alone would guess the encoding wrongly for cp1252 files and,
by default, drop a malformed cue without a word; here every malformed cue becomes a reported
problem naming its line. pysrt reads any garbage between the colons as 0, so timestamps are checked
against a strict pattern first.
"""

from __future__ import annotations

import re

import pysrt

from karaoke.core.errors import Problem, Severity
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_text
from karaoke.core.formats.markup import plain_text
from karaoke.core.model import Lyrics

_ARROW = "-->"
_TIMESTAMP = re.compile(r"^[0-9]{1,3}:[0-9]{1,2}:[0-9]{1,2}[,.][0-9]{1,3}$")


def read_subrip(data: bytes, path: str) -> Lyrics:
    text, encoding = decode_text(data, path)
    problems: list[Problem] = []
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
    timing_at = next((i for i, row in enumerate(rows[:2]) if _ARROW in row), None)
    if timing_at is None:
        problems.append(
            Problem(
                path,
                first_line,
                "malformed cue: expected a timing line 'HH:MM:SS,mmm --> HH:MM:SS,mmm'",
                Severity.ERROR,
            )
        )
        return None
    timing_line = first_line + timing_at
    start_text, _, rest = rows[timing_at].partition(_ARROW)
    stamps = (start_text.strip(), (rest.split() or [""])[0])
    for stamp in stamps:
        if not _TIMESTAMP.match(stamp):
            problems.append(
                Problem(
                    path,
                    timing_line,
                    f"malformed cue: invalid time {stamp!r} (expected HH:MM:SS,mmm)",
                    Severity.ERROR,
                )
            )
            return None
    start_ms, end_ms = (pysrt.SubRipTime.from_string(stamp).ordinal for stamp in stamps)
    return RawLine(
        text=plain_text("\n".join(rows[timing_at + 1 :])),
        start_ms=start_ms,
        end_ms=end_ms,
        source_line=first_line,
    )
