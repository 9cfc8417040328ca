"""Writing LRC (the reader is :mod:`karaoke.core.formats.lrc`).

Stamps are ``[mm:ss.xxx]`` with three digits, milliseconds, so that reading the file back gives
every time to the ms; players that know only hundredths read them 0–9 ms early. A line ends where
the next one starts, so a line that ends earlier gets an empty ``[mm:ss.xxx]`` stamp at its end
(the common LRC idiom). A line's translation is written on the row after it, with the same stamp
(the convention the reader reads back). A blank line separates stanzas.

Enhanced LRC adds ``<mm:ss.xxx>`` before each word and a closing ``<mm:ss.xxx>`` that ends the
last word and the line: at the line's end, or at its last word's end when the words go on later
(never a word stamp after the closing one). A word ends where the next one starts; text before
the first timed word is read back as a word of its own.

LRC cannot hold a line that overlaps the next one, lasts more than ``MAX_LINE_MS``, spans
several text rows, lasts 0 ms or starts with the line before (it would read back as that line's
translation): :func:`lrc_losses` names them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from karaoke.core.formats.base import DEFAULT_OPTIONS, WriteOptions
from karaoke.core.formats.lrc_words import MAX_LINE_MS
from karaoke.core.formats.markup import one_row
from karaoke.core.model import Line
from karaoke.core.timefmt import MINUTE_MS, SECOND_MS

#: The latest time written, 9999:59.999: the reader takes at most four digits of minutes.
LATEST_MS = 10_000 * MINUTE_MS - 1


def lrc_stamp(ms: int) -> str:
    """``83456`` → ``"01:23.456"`` (minutes grow past 99 for very long media)."""
    minutes, rest = divmod(max(0, ms), MINUTE_MS)
    seconds, millis = divmod(rest, SECOND_MS)
    return f"{minutes:02d}:{seconds:02d}.{millis:03d}"


def lrc_text(lines: Sequence[Line], options: WriteOptions = DEFAULT_OPTIONS) -> str:
    """The lines (in time order) as an LRC document: the title as ``[ti:]``, a blank line
    before each stanza (but the first), each line's translation under it, and with
    ``options.words`` the word timings of the lines that have them (enhanced LRC)."""
    breaks = set(options.stanza_starts) - {0}
    rows: list[str] = []
    if options.title:
        rows += [f"[ti:{one_row(options.title)}]", ""]
    for index, line in enumerate(lines):
        if index in breaks:
            rows.append("")
        stamp = f"[{lrc_stamp(line.start_ms)}]"
        worded = options.words and bool(line.words)
        rows.append(stamp + (_stamped_words(line) if worded else one_row(line.text)))
        if line.translation:
            rows.append(stamp + one_row(line.translation))
        following = lines[index + 1].start_ms if index + 1 < len(lines) else None
        # An empty stamp ends the line where it ends, unless the next line's start does that
        # (it must not come after the next start: it would end that line instead).
        if not worded and (following is None or line.start_ms < line.end_ms < following):
            rows.append(f"[{lrc_stamp(line.end_ms)}]")
    return "\n".join(rows) + "\n"


def _closing_ms(line: Line) -> int:
    """Where a word-timed line's closing stamp goes: its end, or later if its words go on."""
    return max(line.end_ms, *(max(word.start_ms, word.end_ms) for word in line.words))


def _stamped_words(line: Line) -> str:
    text = one_row(line.text)
    first = line.words[0].char_start
    parts = [text[:first]]
    for word, after in itertools.zip_longest(line.words, line.words[1:]):
        end_char = after.char_start if after is not None else len(text)
        parts.append(f"<{lrc_stamp(word.start_ms)}>{text[word.char_start : end_char]}")
    parts.append(f"<{lrc_stamp(_closing_ms(line))}>")
    return "".join(parts)


def lrc_losses(lines: Sequence[Line], words: bool = False) -> list[str]:
    """What writing ``lines`` as LRC changes, one sentence per kind (empty: nothing).

    Written with ``words``, a word-timed line carries its own end (its closing stamp), so it may
    overlap, last 0 ms or more than ``MAX_LINE_MS``; but it lasts until its words end.
    """

    def own_end(line: Line) -> bool:
        return words and bool(line.words)

    pairs = list(itertools.pairwise(lines))
    overlaps = [i + 1 for i, (a, b) in enumerate(pairs) if a.end_ms > b.start_ms and not own_end(a)]
    long = [i + 1 for i, ln in enumerate(lines) if ln.duration_ms > MAX_LINE_MS and not own_end(ln)]
    rows = [i + 1 for i, line in enumerate(lines) if "\n" in line.text]
    empty = [i + 1 for i, line in enumerate(lines) if line.duration_ms == 0 and not own_end(line)]
    late = [i + 1 for i, ln in enumerate(lines) if own_end(ln) and _closing_ms(ln) > ln.end_ms]
    twins = [i + 2 for i, (a, b) in enumerate(pairs) if a.start_ms == b.start_ms]
    notes = []
    if overlaps:
        notes.append(f"{_lines(overlaps)} end after the next line starts: LRC ends them there")
    if long:
        notes.append(
            f"{_lines(long)} last over {MAX_LINE_MS // SECOND_MS} s: LRC players end them then"
        )
    if rows:
        notes.append(f"{_lines(rows)} have several text rows: LRC joins them with a space")
    if empty:
        notes.append(f"{_lines(empty)} last 0 ms: LRC ends them at the next line's start")
    if late:
        notes.append(
            f"{_lines(late)} have words after their end: LRC ends them with their last word"
        )
    if twins:
        notes.append(
            f"{_lines(twins)} start with the line before: LRC reads them as its translation"
        )
    return notes


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:8])) + (", …" if len(numbers) > 8 else "")
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"
