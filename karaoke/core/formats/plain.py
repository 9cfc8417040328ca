"""Plain text reader: one sung line per text line, a blank line between stanzas, no times.

It feeds the timing editor. So that such lyrics can still be shown, each line gets a placeholder
slot of ``PLACEHOLDER_LINE_MS`` and the result says ``timed=False``.
"""

from __future__ import annotations

from karaoke.core.errors import Problem
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_text
from karaoke.core.formats.markup import plain_text
from karaoke.core.model import Lyrics

PLACEHOLDER_LINE_MS = 4_000


def read_plain(data: bytes, path: str) -> Lyrics:
    text, encoding = decode_text(data, path)
    raw_lines: list[RawLine] = []
    after_blank = False
    for number, row in enumerate(text.split("\n"), start=1):
        sung = plain_text(row)
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
    problems: list[Problem] = []
    return build_lyrics(
        path, raw_lines, encoding, problems, timed=False, empty_message="the file has no text"
    )
