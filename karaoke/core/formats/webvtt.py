"""WebVTT (``.vtt``): the web's subtitles, one cue per sung line, word times as inline
timestamps.

Reading, with the rules we chose where browsers, ExoPlayer and VLC differ or the spec is strict:

- The first line is ``WEBVTT``, alone or followed by a space or tab and any text (a byte-order
  mark before it is fine); anything else is not a WebVTT file (SongError, as browsers refuse
  it). The header's other lines (``Kind: captions``, ``Language: es``) are skipped.
- Blocks are separated by blank lines. ``NOTE``, ``STYLE`` and ``REGION`` blocks are skipped. A
  cue is an optional identifier row, a timing row ``start --> end`` and text rows. A row with
  ``-->`` inside a cue's text starts the next cue (the spec's rule for a missing blank line).
- Times are ``hh:mm:ss.ttt`` or ``mm:ss.ttt``: minutes and seconds two digits below 60, three
  digits of ms after a ``.``, hours one to three digits (so 999:59:59.999 is the latest).
  Cue settings after the end time (``align:start position:10%``) are ignored. A block with a
  bad timing row, or none, is reported naming its line and skipped.
- Also read, where browsers drop the cue, with a LOOSE_TIME warning per form (at its first
  timing row, naming the rows after it; :mod:`loose_time`, as the SubRip reader does): no
  milliseconds, ``00:01:39`` (ExoPlayer reads it); one or two digits after the ``.``, which
  count milliseconds as VLC, FFmpeg (mpv) and ExoPlayer read them (``.04`` and ``.4`` are
  4 ms, as in SubRip). Inline timestamps stay strict.
- Text: ``<v Name>`` … ``</v>`` spans give the line's singer (several voices in one cue are
  joined with " & "); ``<c.x>``, ``<i>``, ``<b>``, ``<u>``, ``<lang>`` and ``<ruby>`` tags go and
  their text stays, except ``<rt>`` text (the ruby reading above the base text, which is what
  is sung). Entities (``&amp;``, ``&lt;``, ``&nbsp;``, …) are decoded after the tags are gone
  (by :func:`common.build_lyrics`, as for every format), in the text and in voice names. Only
  things shaped like tags go: a ``<`` not followed by a letter, ``/`` or digit stays text.
- Inline timestamps ``<00:00:08.600>`` time the text: the text from one timestamp to the next is
  a :class:`Word` starting at that time and ending at the next timestamp (the last at the cue's
  end); the text before the first timestamp is a word from the cue's start. A timestamp tag
  that is not a valid time is dropped. Text is tidied as in every format (spaces folded, rows
  stripped, blank rows dropped).

Writing: ``WEBVTT``, then a cue per line (no identifiers), times ``hh:mm:ss.ttt`` to the ms, the
singer as a ``<v>`` span, ``&``/``<``/``>`` escaped, and with word timings a timestamp before
each word and one after a word that ends before the next starts (a pause). WebVTT holds no
title and no stanza breaks; :func:`webvtt_losses` says what else is lost.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Sequence

from karaoke.core.errors import Problem, ProblemCode, SongError
from karaoke.core.formats.base import DEFAULT_OPTIONS, LyricsFormat, WriteOptions
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_lyrics
from karaoke.core.formats.loose_time import TimeReport
from karaoke.core.formats.timed_text import Mark, line_numbers, timed_words
from karaoke.core.model import Line, Lyrics, Word
from karaoke.core.timefmt import HOUR_MS, MINUTE_MS, SECOND_MS

_ARROW = "-->"
_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
_SKIPPED_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t]|$)")
_STAMP = r"(?:([0-9]{1,3}):)?([0-9]{2}):([0-9]{2})\.([0-9]{3})"
_TIMESTAMP = re.compile(f"^{_STAMP}$")
#: A stamp of a timing row: also without milliseconds, or with 1-2 digits of them (see above).
_LOOSE = r"(?:([0-9]{1,3}):)?([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,3}))?"
_LOOSE_STAMP = re.compile(f"^{_LOOSE}$")
#: A timing row: two stamps, then optionally cue settings (ignored).
_TIMING = re.compile(rf"^\s*{_LOOSE}\s*-->\s*{_LOOSE}(?:\s|$)")
#: Each way a stamp can be loose: what the warning says about it (after the stamp).
_LOOSE_FORMS = {
    "milliseconds": "has no milliseconds (browsers drop the cue)",
    "digits": (
        "has fewer than 3 digits after the '.' (browsers drop the cue; they count milliseconds, "
        "as VLC, FFmpeg and ExoPlayer read them: a tenth of a second is .100)"
    ),
}
#: A tag: a timestamp (anything starting with a digit), an end tag or a start tag.
_TAG = re.compile(r"<([0-9][^<>\n]*)>|</([A-Za-z][^<>\n]*)>|<([A-Za-z][^<>\n]*)>")


def read_webvtt(data: bytes, path: str, encoding: str | None = None) -> Lyrics:
    decoded = decode_lyrics(data, path, encoding)
    rows = decoded.text.removeprefix("\ufeff").split("\n")
    if not _HEADER.match(rows[0]):
        raise SongError(
            path,
            "not a WebVTT file: its first line must be 'WEBVTT'",
            1,
            code=ProblemCode.MISSING_HEADER,
        )
    report = TimeReport(path, list(decoded.problems))
    raw_lines = [
        raw
        for first_line, block in _blocks(rows)
        if (raw := _read_block(block, first_line, report)) is not None
    ]
    report.finish()
    return build_lyrics(
        path, raw_lines, decoded.encoding, report.problems, empty_message="no WebVTT cue found"
    )


def _blocks(rows: list[str]) -> list[tuple[int, list[str]]]:
    """The blocks after the header as ``(1-based first line, rows)``: blank rows separate them,
    and a row with ``-->`` after a block's first two rows (its timing row, after an identifier)
    starts a block of its own. The header block ends at a blank row or a row with ``-->``."""
    blocks: list[tuple[int, list[str]]] = []
    block: list[str] = []
    first = 0
    in_header = True
    for number, row in enumerate(rows[1:], start=2):
        if not row.strip():
            if block and not in_header:
                blocks.append((first, block))
            block, in_header = [], False
            continue
        if in_header and _ARROW not in row:
            continue
        in_header = False
        # Only a block's first row, or its second after an identifier, is its timing row.
        if block and _ARROW in row and (len(block) > 1 or _ARROW in block[0]):
            blocks.append((first, block))
            block = []
        if not block:
            first = number
        block.append(row)
    if block and not in_header:
        blocks.append((first, block))
    return blocks


def _read_block(block: list[str], first_line: int, report: TimeReport) -> RawLine | None:
    """A cue as a line; None for a skipped block (NOTE, STYLE, REGION) or a malformed one
    (reported)."""
    if _SKIPPED_BLOCK.match(block[0]):
        return None
    timing_at = 0 if _ARROW in block[0] else 1 if len(block) > 1 and _ARROW in block[1] else None
    if timing_at is None:
        message = "malformed cue: expected a timing line 'mm:ss.ttt --> mm:ss.ttt'"
        report.problems.append(Problem(report.path, first_line, message, ProblemCode.MALFORMED_CUE))
        return None
    row, line = block[timing_at], first_line + timing_at
    match = _TIMING.match(row)
    times = None if match is None else _times_ms(match.groups())
    if match is None or times is None:
        report.problems.append(_bad_timing(row, line, report.path))
        return None
    start_ms, end_ms = times
    _loose_times(report, line, row, match.groups(), times)
    text, words, singer = cue_text("\n".join(block[timing_at + 1 :]), start_ms, end_ms)
    return RawLine(text, start_ms, end_ms, first_line, words, singer=singer)


def _times_ms(groups: Sequence[str | None]) -> tuple[int, int] | None:
    """The two stamps of a timing row in ms; None when minutes or seconds are 60 or more."""
    start, end = _stamp_ms(groups[:4]), _stamp_ms(groups[4:])
    return None if start is None or end is None else (start, end)


def _loose_times(
    report: TimeReport,
    line: int,
    row: str,
    groups: Sequence[str | None],
    times: tuple[int, int],
) -> None:
    """Warn of each loose stamp of timing row ``row`` (``groups``: its ``_TIMING`` groups)."""
    start, _, rest = row.partition(_ARROW)
    stamps = (start.strip(), rest.split()[0])
    for stamp, millis, ms in zip(stamps, groups[3::4], times, strict=True):
        form = "milliseconds" if millis is None else "digits" if len(millis) < 3 else None
        if form is not None:
            message = f"time {stamp!r} {_LOOSE_FORMS[form]}: read as {vtt_stamp(ms)}"
            report.loose(line, form, message)


def _stamp_ms(groups: Sequence[str | None]) -> int | None:
    """A stamp's groups (hours, minutes, seconds, ms digits; ``None`` for an absent part) in ms;
    None when minutes or seconds are 60 or more. The ms digits count milliseconds, however
    few."""
    hours, minutes, seconds, millis = (int(group or 0) for group in groups)
    if minutes >= 60 or seconds >= 60:
        return None
    return hours * HOUR_MS + minutes * MINUTE_MS + seconds * SECOND_MS + millis


def _bad_timing(row: str, line: int, path: str) -> Problem:
    """Say which stamp of a timing row is wrong."""
    start, _, rest = row.partition(_ARROW)
    stamps = (start.strip(), (rest.split() or [""])[0])
    bad = next((stamp for stamp in stamps if not _is_stamp(stamp)), row.strip())
    return Problem(
        path,
        line,
        f"malformed cue: invalid time {bad!r} (expected hh:mm:ss.ttt or mm:ss.ttt)",
        ProblemCode.MALFORMED_CUE,
    )


def _is_stamp(text: str) -> bool:
    match = _LOOSE_STAMP.match(text)
    return match is not None and _stamp_ms(match.groups()) is not None


def cue_text(payload: str, start_ms: int, end_ms: int) -> tuple[str, tuple[Word, ...], str]:
    """A cue's text rows → the line's text, its words (from inline timestamps; see the module
    rules) and its singer (the voices, or ``""``)."""
    raw: list[str] = []
    length = 0
    stamps: list[tuple[int, int]] = []  # (char in the raw text, ms)
    voices: list[str] = []
    in_reading = False  # inside <rt>: the ruby text is not sung
    position = 0
    for tag in _TAG.finditer(payload):
        if not in_reading:
            # Entities stay: build_lyrics decodes them for every format (markup.clean_text).
            piece = payload[position : tag.start()]
            raw.append(piece)
            length += len(piece)
        stamp, end_tag, start_tag = tag.groups()
        if stamp is not None:
            match = _TIMESTAMP.match(stamp)
            ms = None if match is None else _stamp_ms(match.groups())
            if ms is not None:
                stamps.append((length, ms))
        elif end_tag is not None:
            in_reading = in_reading and _tag_name(end_tag) not in ("rt", "ruby")
        else:
            name = _tag_name(start_tag)
            in_reading = in_reading or name == "rt"
            voice = _annotation(start_tag) if name == "v" else ""
            if voice and voice not in voices:
                voices.append(voice)
        position = tag.end()
    if not in_reading:
        raw.append(payload[position:])
    text, words = timed_words("".join(raw), _marks(stamps, start_ms, end_ms))
    return text, words, " & ".join(voices)


def _annotation(tag: str) -> str:
    """``"v.loud Esme Smith"`` → ``"Esme Smith"`` (entities decoded)."""
    parts = re.split(r"\s", tag, maxsplit=1)
    return html.unescape(parts[1]).strip() if len(parts) > 1 else ""


def _tag_name(tag: str) -> str:
    """``"v.loud Esme"`` → ``"v"``; ``"c.red"`` → ``"c"``."""
    return re.split(r"[\s.]", tag, maxsplit=1)[0].lower()


def _marks(stamps: list[tuple[int, int]], start_ms: int, end_ms: int) -> list[Mark]:
    """A mark from the cue's start, then one per timestamp; each ends at the next timestamp,
    the last at the cue's end. No timestamps: no marks (a line without word timings)."""
    if not stamps:
        return []
    starts = [(0, start_ms), *stamps]
    ends = [ms for _, ms in stamps] + [end_ms]
    return [Mark(char, ms, end) for (char, ms), end in zip(starts, ends, strict=True)]


# Writing ---------------------------------------------------------------------------------------


def vtt_stamp(ms: int) -> str:
    """``83456`` → ``"00:01:23.456"`` (hours always written, two digits at least)."""
    hours, rest = divmod(max(0, ms), HOUR_MS)
    minutes, rest = divmod(rest, MINUTE_MS)
    seconds, millis = divmod(rest, SECOND_MS)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt_text(lines: Sequence[Line], options: WriteOptions = DEFAULT_OPTIONS) -> str:
    """The lines (in time order) as a WebVTT document; with ``options.words`` the word timings
    of the lines that have them as inline timestamps. The title and stanzas are not written."""
    rows = ["WEBVTT", ""]
    for line in lines:
        rows.append(f"{vtt_stamp(line.start_ms)} --> {vtt_stamp(line.end_ms)}")
        voice = f"<v {_escape(line.singer)}>" if line.singer else ""
        text = _stamped(line) if options.words and line.words else _escape(line.text)
        rows += [voice + text, ""]
    return "\n".join(rows)


def _stamped(line: Line) -> str:
    """The line's text with a timestamp before each word, and one after a word that ends before
    the next word (or the line) does: the pause after it."""
    text = line.text
    parts = [_escape(text[: line.words[0].char_start])]
    for word, following in itertools.zip_longest(line.words, line.words[1:]):
        stop = following.char_start if following is not None else len(text)
        next_ms = following.start_ms if following is not None else line.end_ms
        parts.append(
            f"<{vtt_stamp(word.start_ms)}>{_escape(text[word.char_start : word.char_end])}"
        )
        if word.end_ms < next_ms:
            parts.append(f"<{vtt_stamp(word.end_ms)}>")
        parts.append(_escape(text[word.char_end : stop]))
    return "".join(parts)


def webvtt_losses(lines: Sequence[Line], words: bool = False) -> list[str]:
    """What writing ``lines`` as WebVTT changes, one sentence per kind (empty: nothing)."""

    def cut(line: Line) -> bool:
        if not line.words:
            return False
        nexts = [*(word.start_ms for word in line.words[1:]), line.end_ms]
        return any(word.end_ms > next_ms for word, next_ms in zip(line.words, nexts, strict=True))

    notes = []
    if words and (late := [i + 1 for i, line in enumerate(lines) if cut(line)]):
        notes.append(
            f"words of {line_numbers(late)} that end after the next word (or their line) "
            "starts end there: a WebVTT word lasts until the next timestamp"
        )
    if len(lines) > 1:
        notes.append("stanza breaks, if any, are not kept: WebVTT has no blank lines between cues")
    return notes


#: The latest time written, 999:59:59.999: the reader takes at most three digits of hours.
LATEST_MS = 1000 * HOUR_MS - 1

WEBVTT = LyricsFormat(
    "WebVTT", (".vtt",), read_webvtt, webvtt_text, max_time_ms=LATEST_MS, holds_words=True,
    losses=webvtt_losses,
)  # fmt: skip
