"""LRC: ``[mm:ss.xx]`` lyrics, including the enhanced word-timed forms.

Reading supports, with the rules we chose where the format is loose (docs/song-format.md says
the same for people):

- Stamps ``[mm:ss]``, ``[mm:ss.x]``, ``[mm:ss.xx]`` (hundredths), ``[mm:ss.xxx]`` (ms); ``:`` may
  stand for ``.``. Several stamps before the text repeat the line (a chorus; "compressed" LRC).
  An invalid stamp (seconds of 60 or more) is reported and left out; the line keeps its valid
  stamps, and is left out only when it has none.
- Metadata ``[ar:…]``, ``[ti:…]``, ``[al:…]``, ``[by:…]``, ``[length:…]``, … kept in ``metadata``,
  also when they start the row of a timed line (``[offset:102][00:00.17]text``).
  ``[offset:+500]`` shows the lyrics 500 ms *sooner* (the LRC convention): time = stamp − offset,
  never below 0.
- Word timing, both enhanced forms: ``<mm:ss.xx>`` before each word (a last stamp ends the last
  word), or ``[mm:ss.xx]`` stamps inside the line after the first word; the text and words are
  read as :mod:`karaoke.core.formats.lrc_words` says. Words of a repeated line are shifted with
  it, from the stamp nearest their first word stamp.
- A second line with the same stamp as a line is its translation (``Line.translation``), the
  convention of Chinese and Japanese LRC files, wherever it is in the file (the same text twice
  is no translation); a third or later one is reported and left out.
- A line ends where the next stamp starts (a stamp with no text only ends the line before it),
  but lasts at most ``MAX_LINE_MS``; the last line lasts ``LAST_LINE_MS``. A word-timed line
  lasts until its last word ends, however long: at its closing stamp, else where the first stamp
  after its last word starts, at most ``MAX_LINE_MS`` after it (``LAST_LINE_MS`` when none).
- Lines are checked for file order, except those written with several stamps: a compressed file
  is not in time order.
- A blank line starts a new stanza. A text line with no stamp is an error naming its line.

Writing is :mod:`karaoke.core.formats.lrc_write`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from karaoke.core.errors import Problem, ProblemCode
from karaoke.core.formats.base import LyricsFormat
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_lyrics
from karaoke.core.formats.lrc_words import (
    LAST_LINE_MS,
    MAX_LINE_MS,
    TIME,
    BadStamp,
    Body,
    read_body,
    stamp_ms,
    timed_words,
)
from karaoke.core.formats.lrc_write import LATEST_MS, lrc_losses, lrc_stamp, lrc_text
from karaoke.core.model import Lyrics
from karaoke.core.timefmt import format_ms

__all__ = [
    "LAST_LINE_MS",
    "LATEST_MS",
    "LRC",
    "MAX_LINE_MS",
    "lrc_losses",
    "lrc_stamp",
    "lrc_text",
    "read_lrc",
]

_LEADING_STAMP = re.compile(r"\s*\[" + TIME + r"\]")
_LEADING_TAG = re.compile(r"\s*\[([A-Za-z#][\w#-]*)\s*:([^\]]*)\]")
_OFFSET = re.compile(r"^[+-]?\d{1,9}$")


@dataclass(slots=True)
class _Entry:
    """One timed text line of the file, possibly repeated at several stamps.

    ``stamps_ms`` are distinct, in file order. The word times in ``body`` are as written, for
    the stamp ``anchor_ms``; a repeat at another stamp moves them by the difference.
    """

    stamps_ms: list[int]
    body: Body
    source_line: int
    after_blank: bool
    anchor_ms: int


@dataclass(slots=True)
class _Sung:
    """A line to sing: ``entry`` at ``stamp_ms`` (as written), with its translation."""

    stamp_ms: int
    entry: _Entry
    translation: str


def read_lrc(data: bytes, path: str, encoding: str | None = None) -> Lyrics:
    decoded = decode_lyrics(data, path, encoding)
    problems: list[Problem] = list(decoded.problems)
    metadata: dict[str, str] = {}
    entries, markers_ms = _read_rows(decoded.text, path, metadata, problems)
    sung = _pair_translations(entries, path, problems)
    offset_ms = _offset_ms(metadata.get("offset", "0"), path, problems)
    early = sum(line.stamp_ms < offset_ms for line in sung)
    if early:
        problems.append(
            Problem(
                path,
                None,
                f"[offset:{offset_ms:+d}] moves {early} line(s) before 0:00; they start at 0:00",
                ProblemCode.OFFSET_BEFORE_START,
            )
        )
    starts = sorted({stamp for entry in entries for stamp in entry.stamps_ms} | set(markers_ms))
    return build_lyrics(
        path,
        [_raw_line(line, starts, offset_ms) for line in sung],
        decoded.encoding,
        problems,
        metadata=metadata,
        empty_message="no timed LRC line found",
    )


def _read_rows(
    text: str, path: str, metadata: dict[str, str], problems: list[Problem]
) -> tuple[list[_Entry], list[int]]:
    """The file's timed text lines, in file order, and its stamps with no text (which only end
    the line before them); ``metadata`` and ``problems`` get what the rows say."""
    entries: list[_Entry] = []
    markers_ms: list[int] = []
    after_blank = False
    for number, row in enumerate(text.split("\n"), start=1):
        if not row.strip():
            after_blank = True
            continue
        position = 0
        while tag := _LEADING_TAG.match(row, position):
            metadata[tag.group(1).lower()] = tag.group(2).strip()
            position = tag.end()
        if position and not row[position:].strip():
            continue  # a row of metadata only
        entry = _parse_row(row, position, number, after_blank, path, problems)
        if entry is None:
            continue
        if entry.body.text:
            entries.append(entry)
            after_blank = False
        else:
            markers_ms.extend(entry.stamps_ms)
    return entries, markers_ms


def _parse_row(
    row: str, position: int, number: int, after_blank: bool, path: str, problems: list[Problem]
) -> _Entry | None:
    """The row's line from ``position`` on; None (reported) when it has no valid stamp."""
    stamps_ms: list[int] = []
    bad: list[str] = []
    while match := _LEADING_STAMP.match(row, position):
        position = match.end()
        try:
            stamp = stamp_ms(*match.groups())
        except BadStamp as error:
            bad.append(str(error))
            continue
        if stamp not in stamps_ms:
            stamps_ms.append(stamp)
    kept = "; the line keeps its other stamp(s)" if stamps_ms else ""
    for message in bad:
        problems.append(Problem(path, number, message + kept, ProblemCode.MALFORMED_STAMP))
    if not stamps_ms:
        if not bad:
            message = "text without a [mm:ss.xx] time stamp"
            problems.append(Problem(path, number, message, ProblemCode.MISSING_STAMP))
        return None
    body = read_body(row[position:], stamps_ms[0])
    for message in body.bad_stamps:
        message = f"{message} (a word stamp): left out, its text joins the word before"
        problems.append(Problem(path, number, message, ProblemCode.MALFORMED_STAMP))
    anchor = stamps_ms[0]
    if body.first_stamp_ms is not None and len(stamps_ms) > 1:
        first_word_ms = body.first_stamp_ms
        anchor = min(stamps_ms, key=lambda stamp: abs(stamp - first_word_ms))
        if body.leading_word:  # text before the first word stamp starts with the line
            body.word_starts_ms[0] = anchor
    return _Entry(stamps_ms, body, number, after_blank, anchor)


def _pair_translations(entries: list[_Entry], path: str, problems: list[Problem]) -> list[_Sung]:
    """The lines to sing, in file order: at each stamp the first line written with it; the
    second is its translation; later ones are reported and left out."""
    at: dict[int, list[_Entry]] = {}
    for entry in entries:
        for stamp in entry.stamps_ms:
            at.setdefault(stamp, []).append(entry)
    sung: list[_Sung] = []
    for entry in entries:
        for stamp in entry.stamps_ms:
            group = at[stamp]
            if group[0] is not entry:
                continue
            translation = group[1].body.text if len(group) > 1 else ""
            if translation == entry.body.text:  # a line written twice, not translated
                translation = ""
            sung.append(_Sung(stamp, entry, translation))
            for extra in group[2:]:
                message = (
                    f"a third line at {format_ms(stamp)}: line {entry.source_line} is sung "
                    f"then and line {group[1].source_line} is its translation; left out"
                )
                problems.append(
                    Problem(path, extra.source_line, message, ProblemCode.EXTRA_TRANSLATION)
                )
    return sung


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


def _end_after(starts: list[int], ms: int) -> int:
    """Where something starting at ``ms`` ends: at the next of ``starts``, at most
    ``MAX_LINE_MS`` later; ``LAST_LINE_MS`` later when no stamp follows."""
    following = bisect.bisect_right(starts, ms)
    if following < len(starts):
        return min(starts[following], ms + MAX_LINE_MS)
    return ms + LAST_LINE_MS


def _raw_line(line: _Sung, starts: list[int], offset_ms: int) -> RawLine:
    """The sung line with its end and its words' times (see the module doc), offset applied."""
    entry, stamp = line.entry, line.stamp_ms
    body = entry.body
    delta_ms = stamp - entry.anchor_ms
    end = _end_after(starts, stamp)
    last_word_end = end
    if body.word_starts_ms:
        last_start = max(body.word_starts_ms) + delta_ms
        if body.closing_ms is not None:  # the line's own end, as the writer writes it
            end = last_word_end = max(body.closing_ms + delta_ms, last_start)
        else:
            last_word_end = max(_end_after(starts, body.word_starts_ms[-1] + delta_ms), last_start)
            end = max(end, last_word_end)
    return RawLine(
        text=body.text,
        start_ms=max(0, stamp - offset_ms),
        end_ms=max(0, end - offset_ms),
        source_line=entry.source_line,
        words=timed_words(body, delta_ms - offset_ms, last_word_end - offset_ms),
        starts_stanza=entry.after_blank,
        is_repeat=len(entry.stamps_ms) > 1,
        translation=line.translation,
    )


LRC = LyricsFormat(
    "LRC", (".lrc",), read_lrc, lrc_text, max_time_ms=LATEST_MS, holds_words=True, losses=lrc_losses
)
