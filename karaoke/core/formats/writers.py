"""Writing lyrics: SubRip through pysrt, LRC (plain or enhanced) and plain text.

Times are ms. What each format can hold, and what is lost writing it:

- SubRip: every line's start and end exactly (pysrt's ``SubRipTime`` holds ms); no word timings,
  no stanza breaks.
- LRC: stamps are written ``[mm:ss.xxx]`` with three digits, milliseconds, so that reading the
  file back (``lrc.py`` reads 1, 2 or 3 digits) gives every time to the ms; players that know only
  hundredths read them 0–9 ms early. A line ends where the next one starts, so a line that ends
  earlier gets an empty ``[mm:ss.xxx]`` stamp at its end (the common LRC idiom), and a word-timed
  line ends with a closing ``<mm:ss.xxx>``. A blank line separates stanzas. LRC cannot hold a line
  that overlaps the next one, lasts more than ``MAX_LINE_MS``, spans several text rows or lasts
  0 ms: :func:`lrc_losses` names them. Enhanced LRC adds ``<mm:ss.xxx>`` before each word; a
  word ends where the next one starts and the last word where the line ends; text before the
  first timed word is read back as a word of its own.
- Plain text: the words only, a blank line between stanzas.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path

import pysrt

from karaoke.core.atomic import write_atomic
from karaoke.core.errors import SongError
from karaoke.core.formats.lrc import MAX_LINE_MS
from karaoke.core.model import Line

#: Extensions :func:`write_lyrics` can write.
WRITABLE = (".srt", ".lrc", ".txt")


def subrip_text(lines: Iterable[Line]) -> str:
    """The lines as a SubRip document (cues numbered from 1, ``\\n`` line ends)."""
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


def lrc_stamp(ms: int) -> str:
    """``83456`` → ``"01:23.456"`` (minutes grow past 99 for very long media)."""
    minutes, rest = divmod(max(0, ms), 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{minutes:02d}:{seconds:02d}.{millis:03d}"


def lrc_text(
    lines: Sequence[Line],
    enhanced: bool = False,
    *,
    stanza_starts: Iterable[int] = (0,),
    title: str | None = None,
) -> str:
    """The lines (in time order) as an LRC document; ``enhanced`` writes their word timings.

    ``stanza_starts`` are indices into ``lines``; a blank line goes before each (but the first).
    """
    breaks = set(stanza_starts) - {0}
    rows: list[str] = []
    if title:
        rows += [f"[ti:{_one_row(title)}]", ""]
    for index, line in enumerate(lines):
        if index in breaks:
            rows.append("")
        following = lines[index + 1].start_ms if index + 1 < len(lines) else None
        if enhanced and line.words:
            rows.append(f"[{lrc_stamp(line.start_ms)}]{_stamped_words(line)}")
            continue
        rows.append(f"[{lrc_stamp(line.start_ms)}]{_one_row(line.text)}")
        # An empty stamp ends the line where it ends, unless the next line's start does that
        # (it must not come after the next start: it would end that line instead).
        if following is None or line.start_ms < line.end_ms < following:
            rows.append(f"[{lrc_stamp(line.end_ms)}]")
    return "\n".join(rows) + "\n"


def _one_row(text: str) -> str:
    """LRC has one text row per line: rows are joined by a space (same length, so word
    positions in the text stay valid)."""
    return text.replace("\r", " ").replace("\n", " ")


def _stamped_words(line: Line) -> str:
    text = _one_row(line.text)
    first = line.words[0].char_start
    parts = [text[:first]]
    for word, after in itertools.zip_longest(line.words, line.words[1:]):
        end_char = after.char_start if after is not None else len(text)
        parts.append(f"<{lrc_stamp(word.start_ms)}>{text[word.char_start : end_char]}")
    parts.append(f"<{lrc_stamp(line.end_ms)}>")
    return "".join(parts)


def lrc_losses(lines: Sequence[Line], enhanced: bool = False) -> list[str]:
    """What writing ``lines`` as LRC changes, one sentence per kind (empty: nothing).

    A word-timed line written ``enhanced`` carries its own end, so it may overlap or last 0 ms.
    """

    def own_end(line: Line) -> bool:
        return enhanced and bool(line.words)

    overlaps = [
        i + 1
        for i, (a, b) in enumerate(itertools.pairwise(lines))
        if a.end_ms > b.start_ms and not own_end(a)
    ]
    long = [i + 1 for i, line in enumerate(lines) if line.duration_ms > MAX_LINE_MS]
    rows = [i + 1 for i, line in enumerate(lines) if "\n" in line.text]
    empty = [i + 1 for i, line in enumerate(lines) if line.duration_ms == 0 and not own_end(line)]
    notes = []
    if overlaps:
        notes.append(f"{_lines(overlaps)} end after the next line starts: LRC ends them there")
    if long:
        notes.append(f"{_lines(long)} last over {MAX_LINE_MS // 1000} s: LRC players end them then")
    if rows:
        notes.append(f"{_lines(rows)} have several text rows: LRC joins them with a space")
    if empty:
        notes.append(f"{_lines(empty)} last 0 ms: LRC ends them at the next line's start")
    return notes


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:8])) + (", …" if len(numbers) > 8 else "")
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"


def plain_text(lines: Iterable[Line], *, stanza_starts: Iterable[int] = (0,)) -> str:
    """The words alone: one line per row, a blank row between stanzas."""
    breaks = set(stanza_starts) - {0}
    rows: list[str] = []
    for index, line in enumerate(lines):
        if index in breaks:
            rows.append("")
        rows.append(_one_row(line.text))
    return "\n".join(rows) + "\n"


def lyrics_text(
    path: Path,
    lines: Sequence[Line],
    *,
    stanza_starts: Iterable[int] = (0,),
    title: str | None = None,
    words: bool = True,
) -> str:
    """The document :func:`write_lyrics` would write to ``path`` (chosen by its extension)."""
    extension = path.suffix.lower()
    if extension == ".srt":
        return subrip_text(lines)
    if extension == ".lrc":
        enhanced = words and any(line.words for line in lines)
        return lrc_text(lines, enhanced, stanza_starts=stanza_starts, title=title)
    if extension == ".txt":
        return plain_text(lines, stanza_starts=stanza_starts)
    raise SongError(
        path,
        f"cannot write lyrics as {extension or '(no extension)'!r}: "
        f"use {', '.join(WRITABLE[:-1])} or {WRITABLE[-1]}",
    )


#: The latest time each format can write so that our readers read it back (SRT: 999:59:59.999;
#: LRC: 9999:59.999).
MAX_WRITABLE_MS = {".srt": 1000 * 3_600_000 - 1, ".lrc": 10_000 * 60_000 - 1}


def write_lyrics(
    path: Path,
    lines: Sequence[Line],
    *,
    stanza_starts: Iterable[int] = (0,),
    title: str | None = None,
    words: bool = True,
) -> Path | None:
    """Write ``lines`` (in time order) to ``path`` in the format of its extension, UTF-8,
    atomically (see :mod:`karaoke.core.atomic`). ``.lrc`` is enhanced when the lines have word
    timings and ``words`` is true. Returns the ``NAME.bak`` kept of a replaced file, if any.
    Raises :class:`SongError` for an unknown extension, times the format cannot write (our
    readers would refuse the file), or a failed write."""
    limit = MAX_WRITABLE_MS.get(path.suffix.lower())
    latest = max((line.end_ms for line in lines), default=0)
    if limit is not None and latest > limit:
        raise SongError(path, f"times past {latest // 3_600_000} h do not fit a {path.suffix} file")
    text = lyrics_text(path, lines, stanza_starts=stanza_starts, title=title, words=words)
    return write_atomic(path, text.encode("utf-8"))
