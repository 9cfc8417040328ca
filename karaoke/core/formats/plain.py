"""Plain text: one sung line per text line, a blank line between stanzas, no times.

It feeds the timing editor. So that such lyrics can still be shown, each line gets a placeholder
slot of ``PLACEHOLDER_LINE_MS`` and the result says ``timed=False``. Writing keeps the words and
the stanza breaks only: every time is lost (there is no time to limit, hence no
``max_time_ms``), and a line's text rows are joined by a space.
"""

from __future__ import annotations

from collections.abc import Sequence

from karaoke.core.errors import Problem
from karaoke.core.formats.base import DEFAULT_OPTIONS, LyricsFormat, WriteOptions
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_lyrics
from karaoke.core.formats.markup import one_row, strip_markup
from karaoke.core.model import Line, Lyrics

PLACEHOLDER_LINE_MS = 4_000


def read_plain(data: bytes, path: str, encoding: str | None = None) -> Lyrics:
    decoded = decode_lyrics(data, path, encoding)
    text, encoding = decoded.text, decoded.encoding
    raw_lines: list[RawLine] = []
    after_blank = False
    for number, row in enumerate(text.split("\n"), start=1):
        sung = strip_markup(row)
        if not sung:
            after_blank = True
            continue
        start_ms = len(raw_lines) * PLACEHOLDER_LINE_MS
        raw_lines.append(
            RawLine(
                sung, start_ms, start_ms + PLACEHOLDER_LINE_MS, number, starts_stanza=after_blank
            )
        )
        after_blank = False
    problems: list[Problem] = list(decoded.problems)
    return build_lyrics(
        path, raw_lines, encoding, problems, timed=False, empty_message="the file has no text"
    )


def plain_text(lines: Sequence[Line], options: WriteOptions = DEFAULT_OPTIONS) -> str:
    """The words alone: one line per row, a blank row between stanzas (the title and word
    timings are left out: plain text has no place for them)."""
    breaks = set(options.stanza_starts) - {0}
    rows: list[str] = []
    for index, line in enumerate(lines):
        if index in breaks:
            rows.append("")
        rows.append(one_row(line.text))
    return "\n".join(rows) + "\n"


PLAIN = LyricsFormat("plain text", (".txt",), read_plain, plain_text, timed=False)
