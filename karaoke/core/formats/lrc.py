"""LRC: ``[mm:ss.xx]`` lyrics, including the enhanced word-timed forms.

Reading supports, with the rules we chose where the format is loose:

- Stamps ``[mm:ss]``, ``[mm:ss.x]``, ``[mm:ss.xx]`` (hundredths), ``[mm:ss.xxx]`` (ms); ``:`` may
  stand for ``.``. Several stamps before the text repeat the line (a chorus).
- Metadata ``[ar:…]``, ``[ti:…]``, ``[al:…]``, ``[by:…]``, ``[length:…]``, … kept in ``metadata``.
  ``[offset:+500]`` shows the lyrics 500 ms *sooner* (the LRC convention): time = stamp − offset,
  never below 0.
- Word timing, both enhanced forms: ``<mm:ss.xx>`` before each word (a last stamp ends the last
  word), or ``[mm:ss.xx]`` stamps inside the line after the first word. Words of a repeated line
  are shifted with it.
- A line ends where the next one starts (a stamp with no text only ends the line before it), or at
  its last word stamp, but lasts at most ``MAX_LINE_MS``; the last line lasts ``LAST_LINE_MS``.
- A blank line starts a new stanza. A text line with no stamp is an error naming its line.

Writing: stamps are ``[mm:ss.xxx]`` with three digits, milliseconds, so that reading the file
back gives every time to the ms; players that know only hundredths read them 0–9 ms early. A line
ends where the next one starts, so a line that ends earlier gets an empty ``[mm:ss.xxx]`` stamp at
its end (the common LRC idiom), and a word-timed line ends with a closing ``<mm:ss.xxx>``. A blank
line separates stanzas. LRC cannot hold a line that overlaps the next one, lasts more than
``MAX_LINE_MS``, spans several text rows or lasts 0 ms: :func:`lrc_losses` names them. Enhanced
LRC adds ``<mm:ss.xxx>`` before each word; a word ends where the next one starts and the last
word where the line ends; text before the first timed word is read back as a word of its own.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from karaoke.core.errors import Problem, ProblemCode
from karaoke.core.formats.base import DEFAULT_OPTIONS, LyricsFormat, WriteOptions
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_lyrics
from karaoke.core.formats.markup import one_row
from karaoke.core.model import Line, Lyrics, Word
from karaoke.core.timefmt import MINUTE_MS, SECOND_MS

#: The longest a line stays lit when the next stamp is far away (an instrumental break).
MAX_LINE_MS = 10_000
#: How long the last line lasts when nothing says when it ends.
LAST_LINE_MS = 5_000

_TIME = r"(\d{1,4}):(\d{1,2})(?:[.:](\d{1,3}))?"
_LEADING_STAMP = re.compile(r"\s*\[" + _TIME + r"\]")
_WORD_STAMP = re.compile(r"[<\[]" + _TIME + r"[>\]]")
_METADATA = re.compile(r"^\s*\[([A-Za-z#][\w#-]*)\s*:([^\]]*)\]\s*$")
_OFFSET = re.compile(r"^[+-]?\d{1,9}$")


class _BadStamp(ValueError):
    pass


_FRACTION_SCALE = (0, 100, 10, 1)  # ms per unit of a 0-, 1-, 2- or 3-digit fraction


def _stamp_ms(minutes: str, seconds: str, fraction: str | None) -> int:
    whole_seconds = int(seconds)
    if whole_seconds >= 60:
        raise _BadStamp(f"invalid time {minutes}:{seconds}: seconds must be below 60")
    ms = (int(minutes) * 60 + whole_seconds) * 1000
    return ms + int(fraction) * _FRACTION_SCALE[len(fraction)] if fraction else ms


@dataclass(slots=True)
class _Entry:
    """One timed text line of the file, possibly repeated at several stamps.

    Word times are as written, for the first stamp; ``word_ends_ms`` ends the last word at
    ``last_word_end_ms`` or, when that is None, at the line's end (filled in later).
    """

    stamps_ms: list[int]
    text: str
    word_texts: list[str]
    word_chars: list[int]
    word_starts_ms: list[int]
    last_word_end_ms: int | None
    source_line: int
    after_blank: bool


def read_lrc(data: bytes, path: str, encoding: str | None = None) -> Lyrics:
    decoded = decode_lyrics(data, path, encoding)
    text, encoding = decoded.text, decoded.encoding
    problems: list[Problem] = list(decoded.problems)
    metadata: dict[str, str] = {}
    entries: list[_Entry] = []
    markers_ms: list[int] = []  # stamps with no text: they only end the line before
    after_blank = False
    for number, row in enumerate(text.split("\n"), start=1):
        if not row.strip():
            after_blank = True
            continue
        if meta := _METADATA.match(row):
            metadata[meta.group(1).lower()] = meta.group(2).strip()
            continue
        try:
            entry = _parse_row(row, number, after_blank)
        except _BadStamp as error:
            problems.append(Problem(path, number, str(error), ProblemCode.MALFORMED_STAMP))
            continue
        if entry is None:
            problems.append(
                Problem(
                    path,
                    number,
                    "text without a [mm:ss.xx] time stamp",
                    ProblemCode.MISSING_STAMP,
                )
            )
            continue
        if entry.text:
            entries.append(entry)
            after_blank = False
        else:
            markers_ms.extend(entry.stamps_ms)

    offset_ms = _offset_ms(metadata.get("offset", "0"), path, problems)
    early = sum(stamp < offset_ms for entry in entries for stamp in entry.stamps_ms)
    if early:
        problems.append(
            Problem(
                path,
                None,
                f"[offset:{offset_ms:+d}] moves {early} line(s) before 0:00; they start at 0:00",
                ProblemCode.OFFSET_BEFORE_START,
            )
        )
    raw_lines = _timed_lines(entries, markers_ms, offset_ms)
    return build_lyrics(
        path,
        raw_lines,
        encoding,
        problems,
        metadata=metadata,
        empty_message="no timed LRC line found",
    )


def _parse_row(row: str, number: int, after_blank: bool) -> _Entry | None:
    stamps_ms: list[int] = []
    position = 0
    while match := _LEADING_STAMP.match(row, position):
        stamps_ms.append(_stamp_ms(*match.groups()))
        position = match.end()
    if not stamps_ms:
        return None
    entry = _Entry(stamps_ms, "", [], [], [], None, number, after_blank)
    _split_words(row[position:], entry)
    return entry


def _split_words(body: str, entry: _Entry) -> None:
    """Fill ``entry``'s text and words from the text after the leading stamps.

    Text before the first word stamp starts with the line. A final stamp with no text after it
    ends the last word.
    """
    if "<" not in body and "[" not in body:
        entry.text = body.strip()
        return
    # split() with the stamp's three groups gives: text, m, s, fraction, text, m, s, fraction, text…
    parts = _WORD_STAMP.split(body)
    if len(parts) == 1:
        entry.text = body.strip()
        return
    pieces = parts[::4]
    piece_starts_ms = [entry.stamps_ms[0], *map(_stamp_ms, parts[1::4], parts[2::4], parts[3::4])]
    start_ms = piece_starts_ms[-1]
    if not pieces[-1].strip():
        entry.last_word_end_ms = start_ms

    length = 0
    for piece, piece_ms in zip(pieces, piece_starts_ms, strict=True):
        word = piece.strip()
        if word:
            entry.word_texts.append(word)
            entry.word_chars.append(length + piece.index(word[0]))
            entry.word_starts_ms.append(piece_ms)
        length += len(piece)
    raw_text = "".join(pieces)
    entry.text = raw_text.strip()
    lead = len(raw_text) - len(raw_text.lstrip())
    if lead:
        entry.word_chars = [char - lead for char in entry.word_chars]


def _offset_ms(value: str, path: str, problems: list[Problem]) -> int:
    if _OFFSET.match(value.strip()):
        return int(value)
    problems.append(
        Problem(
            path,
            None,
            f"[offset:{value}] is not a whole number of ms; ignored",
            ProblemCode.BAD_OFFSET,
        )
    )
    return 0


def _timed_lines(entries: list[_Entry], markers_ms: list[int], offset_ms: int) -> list[RawLine]:
    """Expand repeated stamps, give each line its end and its words theirs, apply the offset."""
    starts = sorted({stamp for entry in entries for stamp in entry.stamps_ms} | set(markers_ms))
    raw_lines: list[RawLine] = []
    for entry in entries:
        first = entry.stamps_ms[0]
        for stamp in entry.stamps_ms:
            following = bisect.bisect_right(starts, stamp)
            if entry.last_word_end_ms is not None:
                end = entry.last_word_end_ms + stamp - first
            elif following < len(starts):
                end = starts[following]
            else:
                end = stamp + LAST_LINE_MS
            end = min(end, stamp + MAX_LINE_MS)
            raw_lines.append(
                RawLine(
                    text=entry.text,
                    start_ms=max(0, stamp - offset_ms),
                    end_ms=max(0, end - offset_ms),
                    source_line=entry.source_line,
                    words=_timed_words(entry, stamp - first - offset_ms, end - stamp + first),
                    starts_stanza=entry.after_blank,
                    is_repeat=stamp != first,
                )
            )
    return raw_lines


def _timed_words(entry: _Entry, delta_ms: int, line_end_ms: int) -> tuple[Word, ...]:
    """The entry's words moved by ``delta_ms``; ``line_end_ms`` (as written) ends the last one."""
    starts = entry.word_starts_ms
    if not starts:
        return ()
    ends = [*starts[1:], line_end_ms]
    if delta_ms >= 0:  # the usual case: no clamping at 0 needed
        return tuple(
            Word(text, start + delta_ms, (end if end > start else start) + delta_ms, char)
            for text, start, end, char in zip(
                entry.word_texts, starts, ends, entry.word_chars, strict=False
            )
        )
    return tuple(
        Word(text, max(0, start + delta_ms), max(0, max(start, end) + delta_ms), char)
        for text, start, end, char in zip(
            entry.word_texts, starts, ends, entry.word_chars, strict=False
        )
    )


# Writing ---------------------------------------------------------------------------------------


def lrc_stamp(ms: int) -> str:
    """``83456`` → ``"01:23.456"`` (minutes grow past 99 for very long media)."""
    minutes, rest = divmod(max(0, ms), MINUTE_MS)
    seconds, millis = divmod(rest, SECOND_MS)
    return f"{minutes:02d}:{seconds:02d}.{millis:03d}"


def lrc_text(lines: Sequence[Line], options: WriteOptions = DEFAULT_OPTIONS) -> str:
    """The lines (in time order) as an LRC document: the title as ``[ti:]``, a blank line
    before each stanza (but the first), and with ``options.words`` the word timings of the
    lines that have them (enhanced LRC)."""
    breaks = set(options.stanza_starts) - {0}
    rows: list[str] = []
    if options.title:
        rows += [f"[ti:{one_row(options.title)}]", ""]
    for index, line in enumerate(lines):
        if index in breaks:
            rows.append("")
        following = lines[index + 1].start_ms if index + 1 < len(lines) else None
        if options.words and line.words:
            rows.append(f"[{lrc_stamp(line.start_ms)}]{_stamped_words(line)}")
            continue
        rows.append(f"[{lrc_stamp(line.start_ms)}]{one_row(line.text)}")
        # An empty stamp ends the line where it ends, unless the next line's start does that
        # (it must not come after the next start: it would end that line instead).
        if following is None or line.start_ms < line.end_ms < following:
            rows.append(f"[{lrc_stamp(line.end_ms)}]")
    return "\n".join(rows) + "\n"


def _stamped_words(line: Line) -> str:
    text = one_row(line.text)
    first = line.words[0].char_start
    parts = [text[:first]]
    for word, after in itertools.zip_longest(line.words, line.words[1:]):
        end_char = after.char_start if after is not None else len(text)
        parts.append(f"<{lrc_stamp(word.start_ms)}>{text[word.char_start : end_char]}")
    parts.append(f"<{lrc_stamp(line.end_ms)}>")
    return "".join(parts)


def lrc_losses(lines: Sequence[Line], words: bool = False) -> list[str]:
    """What writing ``lines`` as LRC changes, one sentence per kind (empty: nothing).

    Written with ``words``, a word-timed line carries its own end, so it may overlap or last 0 ms.
    """

    def own_end(line: Line) -> bool:
        return words and bool(line.words)

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
        notes.append(
            f"{_lines(long)} last over {MAX_LINE_MS // SECOND_MS} s: LRC players end them then"
        )
    if rows:
        notes.append(f"{_lines(rows)} have several text rows: LRC joins them with a space")
    if empty:
        notes.append(f"{_lines(empty)} last 0 ms: LRC ends them at the next line's start")
    return notes


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:8])) + (", …" if len(numbers) > 8 else "")
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"


#: The latest time written, 9999:59.999: the reader takes at most four digits of minutes.
LATEST_MS = 10_000 * MINUTE_MS - 1

LRC = LyricsFormat(
    "LRC", (".lrc",), read_lrc, lrc_text, max_time_ms=LATEST_MS, holds_words=True, losses=lrc_losses
)
