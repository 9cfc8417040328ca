"""ASS/SSA (``.ass``, ``.ssa``): Advanced SubStation Alpha, karaoke-timed with ``{\\k}`` tags.

Reading (the file decoded by :func:`decoding.decode_lyrics`, its rows read here):

- Each ``Dialogue`` line is a sung line; ``Comment`` lines are not. Karaoke Templater output is
  read as its source: a ``Dialogue`` whose Effect is ``fx`` (one generated line per syllable) is
  skipped, and in a file that has such lines a ``Comment`` whose Effect is ``karaoke`` (the
  templater's commented-out original) is sung.
- ``\\k``, ``\\K``/``\\kf`` and ``\\ko`` each start a syllable: its duration (centiseconds,
  decimals allowed) follows the syllables before it, from the line's start. A syllable is a
  :class:`Word` (its visible text; ``char_start`` in the line's final text). A syllable with no
  visible text is a pause. Text before the first ``\\k`` has no time of its own (libass shows it
  as sung); the wipe crosses it between the line's start and the first syllable.
- ``\\N`` is a line break; ``\\n`` is a space, or a break when ``[Script Info]`` says
  ``WrapStyle: 2`` (as libass and VSFilter do, in SSA v4 files as in ASS: neither looks at
  ``ScriptType`` for it); ``\\h`` is a non-breaking space. Every other ``{…}`` block goes (tags
  and comments alike); text drawn with ``\\p1``…``\\p0`` is a shape, not text. An unclosed
  ``{`` is text.
- A ``Dialogue`` with no visible text (Aegisub's empty new line, a shape, a positioned effect) is
  skipped without a warning. The Name (actor) field is the line's singer; ``Title`` in
  ``[Script Info]`` is the song's title (``metadata["ti"]``, the key the app reads).
- A ``Dialogue`` line without its ten fields or with a malformed time is reported (naming the
  line) and skipped; styles and the ``Format`` lines are not read (nor does pysubs2 read
  ``Format``: fields are in the standard order, as in every file Aegisub writes).
- Events are not checked for file order: files group them by style (romaji, kanji and
  translation tracks one after another), so their order says nothing.

Why the rows are read here and not by pysubs2 (which writes): a row needs only splitting at
its first nine commas and two times converted, which this module checks anyway to name a bad
row's line (pysubs2 keeps no line numbers, refuses a whole file for one bad time where libass
skips the line, and takes a stray ``x[a]`` row for a section heading). Building pysubs2's
events as well cost a fifth of the parse of a 10,000-line file (``benchmarks/engine.py``).
Times are read as pysubs2 reads them (its two patterns; 1–3 fraction digits are a fraction of a
second), which the corpus test checks against pysubs2 itself.

Writing: an ASS v4.00+ file (also for a ``.ssa`` path: Aegisub, libass — VLC, mpv — and VSFilter
read it whatever the name) for 1920×1080 video with one ``Default`` style (bold white, sung
syllables gold, black outline, bottom centre) and a ``Dialogue`` per line. Word-timed lines get
``{\\kf<cs>}`` before each word (``\\kf``: the left-to-right fill sweep most karaoke uses) and
``{\\k<cs>}`` for a pause between words. Times are centiseconds, ASS's precision; what else is
lost is said by :func:`ass_losses`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from karaoke.core.errors import Problem, ProblemCode
from karaoke.core.formats.base import DEFAULT_OPTIONS, LyricsFormat, WriteOptions
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.decoding import decode_lyrics
from karaoke.core.formats.nogc import no_gc
from karaoke.core.formats.timed_text import (
    Mark,
    line_numbers,
    timed_pieces,
    timed_spans,
    timed_words,
)
from karaoke.core.model import Line, Lyrics, Word
from karaoke.core.timefmt import HOUR_MS, MINUTE_MS, SECOND_MS

if TYPE_CHECKING:
    from pysubs2 import SSAStyle

#: The fields of an event line, in the standard order (the last, Text, may hold commas).
_FIELDS = ("Layer", "Start", "End", "Style", "Name", "MarginL", "MarginR", "MarginV", "Effect")
_EVENT_KINDS = ("Dialogue:", "Comment:")
#: pysubs2's two time patterns (``H:MM:SS.cc``, ``H:MM:SS``), here for the whole field.
_TIME = re.compile(r"(\d{1,2}):(\d{1,2}):(\d{1,2})[.,](\d{1,3})|(\d{1,2}):(\d{2}):(\d{2})")
_HEADING = re.compile(r"^\[([^\]]*)\]$")
#: Sections whose lines are not events (pysubs2 reads no event in them either).
_NOT_EVENTS = ("script info", "aegisub", "fonts", "graphics")
_AEGISUB_DEFAULT_TITLE = "Default Aegisub file"

#: An override block, or one of the escapes ``\N`` ``\n`` ``\h``.
_TOKEN = re.compile(r"\{([^}]*)\}|\\([Nnh])")
#: In a block: a karaoke tag and its duration (cs; nine digits are over a year), or ``\pN``.
_KARAOKE = re.compile(r"\\(?:(kf|ko|k|K)\s*(\d{1,9}(?:\.\d{1,3})?)|p\s*(\d{1,9}))")
#: A block that is a karaoke tag alone with a whole duration, ``{\k20}``: most blocks of a
#: karaoke file, read by one split of the line (see :func:`karaoke_text`).
_PLAIN_KARAOKE = re.compile(r"\{\\(?:kf|ko|k|K)(\d{1,9})\}")


class _Event(NamedTuple):
    """A well-formed event row, its fields as pysubs2 would read them."""

    line: int  # 1-based, in the file
    is_comment: bool
    start_ms: int
    end_ms: int
    name: str
    effect: str  # stripped and lower-case
    text: str


def read_ass(data: bytes, path: str, encoding: str | None = None) -> Lyrics:
    with no_gc():  # a syllable a Word: see nogc
        return _read(data, path, encoding)


def _read(data: bytes, path: str, encoding: str | None) -> Lyrics:
    decoded = decode_lyrics(data, path, encoding)
    problems: list[Problem] = list(decoded.problems)
    info, events = _scan(decoded.text.removeprefix("\ufeff"), path, problems)
    hard_breaks = info.get("WrapStyle", "").strip() == "2"
    templated = any(event.effect == "fx" and not event.is_comment for event in events)
    raw_lines = [
        raw
        for event in events
        if _is_sung(event, templated) and (raw := _read_event(event, hard_breaks))
    ]
    title = info.get("Title", "").strip()
    metadata = {"ti": title} if title and title != _AEGISUB_DEFAULT_TITLE else {}
    return build_lyrics(
        path,
        raw_lines,
        decoded.encoding,
        problems,
        metadata=metadata,
        empty_message="no ASS Dialogue line with text found",
        check_order=False,
    )


def _scan(text: str, path: str, problems: list[Problem]) -> tuple[dict[str, str], list[_Event]]:
    """The ``[Script Info]`` values (``Key: value`` rows, read as pysubs2 reads them) and the
    well-formed events; a malformed ``Dialogue`` row is reported."""
    info: dict[str, str] = {}
    events: list[_Event] = []
    section = ""
    for number, row in enumerate(text.split("\n"), start=1):
        row = row.strip()
        if row[:1] == "[" and (heading := _HEADING.match(row)):
            section = heading.group(1).strip().lower()
        elif section == "script info":
            # Read here, not by a parser that would take a row such as "x[a]" for a heading.
            if ":" in row and not row.startswith(";"):
                key, _, value = row.partition(":")
                info[key] = value.strip()
        elif row.startswith(_EVENT_KINDS) and not section.startswith(_NOT_EVENTS):
            event = _event(row, number)
            if isinstance(event, _Event):
                events.append(event)
            elif row.startswith("Dialogue"):  # a damaged comment is no loss
                message = f"malformed Dialogue line: {event}; skipped"
                problems.append(Problem(path, number, message, ProblemCode.MALFORMED_CUE))
    return info, events


def _event(row: str, number: int) -> _Event | str:
    """An event row (``Dialogue: …`` or ``Comment: …``) read, or what is wrong with it."""
    kind, _, rest = row.partition(":")
    fields = rest.strip().split(",", len(_FIELDS))
    if len(fields) <= len(_FIELDS):
        return f"{len(fields)} of its 10 fields ({', '.join(_FIELDS)}, Text)"
    start_ms, end_ms = _time_ms(fields[1]), _time_ms(fields[2])
    if start_ms is None or end_ms is None:
        bad = fields[1] if start_ms is None else fields[2]
        return f"invalid time {bad.strip()!r} (expected H:MM:SS.cc)"
    effect = fields[8].strip().lower()
    return _Event(number, kind == "Comment", start_ms, end_ms, fields[4], effect, fields[9])


def _time_ms(field: str) -> int | None:
    """A Start or End field in ms, as pysubs2 reads it (``0:00:01.5`` is 1.500 s, ``0:00:01``
    is 1 s); None when it is neither of pysubs2's forms."""
    match = _TIME.fullmatch(field.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction, short_h, short_m, short_s = match.groups()
    if fraction is None:
        return int(short_h) * HOUR_MS + int(short_m) * MINUTE_MS + int(short_s) * SECOND_MS
    millis = int(fraction) * 10 ** (3 - len(fraction))
    return int(hours) * HOUR_MS + int(minutes) * MINUTE_MS + int(seconds) * SECOND_MS + millis


def _is_sung(event: _Event, templated: bool) -> bool:
    """A Dialogue line (not Karaoke Templater output), or in a templated file the templater's
    commented-out source line."""
    if event.is_comment:
        return templated and event.effect == "karaoke"
    return event.effect != "fx"


def _read_event(event: _Event, hard_breaks: bool) -> RawLine | None:
    """The event as a line, or None for one with no visible text (skipped without a warning)."""
    text, words = karaoke_text(event.text, event.start_ms, hard_breaks=hard_breaks)
    if not text.strip():
        return None
    return RawLine(
        text=text,
        start_ms=event.start_ms,
        end_ms=event.end_ms,
        source_line=event.line,
        words=words,
        singer=event.name.strip(),
    )


def karaoke_text(
    text: str, start_ms: int, *, hard_breaks: bool = False
) -> tuple[str, tuple[Word, ...]]:
    """An event's Text field → the line's text and its ``\\k`` syllables as words, timed from
    ``start_ms`` (the event's start). ``hard_breaks``: ``\\n`` is a break (WrapStyle 2)."""
    if "{" not in text and "\\" not in text:
        return timed_spans(text, (), (), ())
    # Most karaoke lines: every block a {\kNN}. One split gives the pieces of text and the
    # durations between them; anything else left in the pieces needs the full reading.
    parts = _PLAIN_KARAOKE.split(text)
    pieces = parts[::2]
    raw = "".join(pieces)
    if "{" in raw or "\\" in raw:
        return _karaoke_text_in_full(text, start_ms, hard_breaks)
    # Syllable i is pieces[i + 1], lasting parts[2i + 1] cs after the syllables before it.
    return timed_pieces(pieces, start_ms, map(int, parts[1::2]), unit_ms=10)


def _karaoke_text_in_full(
    text: str, start_ms: int, hard_breaks: bool
) -> tuple[str, tuple[Word, ...]]:
    """:func:`karaoke_text` for any line: escapes, any tags, drawings, decimal durations."""
    raw: list[str] = []
    length = 0
    marks: list[Mark] = []
    elapsed_ms = 0
    drawing = False
    position = 0
    for token in _TOKEN.finditer(text):
        visible = text[position : token.start()]
        block, escape = token.groups()
        if block is None:
            visible += {"N": "\n", "h": "\u00a0"}.get(escape, "\n" if hard_breaks else " ")
        if not drawing:
            raw.append(visible)
            length += len(visible)
        for tag in _KARAOKE.finditer(block or ""):
            if tag.group(3) is not None:
                drawing = int(tag.group(3)) > 0
                continue
            duration_ms = round(float(tag.group(2)) * 10)
            at_ms = start_ms + elapsed_ms
            marks.append(Mark(length, at_ms, at_ms + duration_ms))
            elapsed_ms += duration_ms
        position = token.end()
    if not drawing:
        raw.append(text[position:])
    # Text before the first syllable belongs to no mark: it has no time of its own.
    return timed_words("".join(raw), marks)


# Writing ---------------------------------------------------------------------------------------

_NOTICE = "Karaoke lyrics: each {\\kf} fills one word or syllable as it is sung"
#: Our lines' own break and the braces that ASS would read as a tag block.
_ESCAPES = str.maketrans({"\n": "\\N", "{": "(", "}": ")"})


def _cs(ms: int) -> int:
    """Centiseconds, rounded as pysubs2 and Aegisub round a time they write."""
    return (ms + 5) // 10


def ass_text(lines: Sequence[Line], options: WriteOptions = DEFAULT_OPTIONS) -> str:
    """The lines (in time order) as an ASS document: the title in ``[Script Info]``, one
    ``Dialogue`` per line, and with ``options.words`` the ``\\kf`` syllables of the lines that
    have word timings. Stanza breaks are not written (ASS has no place for them)."""
    import pysubs2

    subs = pysubs2.SSAFile()
    # Aegisub's order; pysubs2 sets ScriptType's value where the key already is.
    title = {"Title": options.title.replace("\n", " ")} if options.title else {}
    subs.info = {
        **title,
        "ScriptType": "v4.00+",
        "WrapStyle": "0",
        "ScaledBorderAndShadow": "yes",
        "YCbCr Matrix": "None",
        "PlayResX": "1920",
        "PlayResY": "1080",
    }
    subs.styles = {"Default": _style()}
    for line in lines:
        text = _stamped(line) if options.words and line.words else line.text.translate(_ESCAPES)
        name = re.sub(r"\s*[,\n]\s*", "; ", line.singer)  # a field holds no comma or break
        subs.events.append(
            pysubs2.SSAEvent(start=line.start_ms, end=line.end_ms, text=text, name=name)
        )
    return subs.to_string("ass", header_notice=_NOTICE)


def _style() -> SSAStyle:
    """The ``Default`` style: readable on any video, unsung text white, sung text gold."""
    import pysubs2

    black = pysubs2.Color(0, 0, 0)
    return pysubs2.SSAStyle(
        fontname="Arial",
        fontsize=72,
        primarycolor=pysubs2.Color(255, 215, 0),  # sung (\k turns a syllable to this)
        secondarycolor=pysubs2.Color(255, 255, 255),  # not yet sung
        outlinecolor=black,
        backcolor=pysubs2.Color(0, 0, 0, 128),
        bold=True,
        outline=4,
        shadow=2,
        alignment=pysubs2.Alignment.BOTTOM_CENTER,
        marginl=80,
        marginr=80,
        marginv=60,
    )


def _stamped(line: Line) -> str:
    """The line's text with ``{\\kf}`` before each word (it runs to the next word) and ``{\\k}``
    for each pause; a word that starts before the one before it ends starts when that ends."""
    text = line.text
    parts = [text[: line.words[0].char_start].translate(_ESCAPES)]
    cursor = _cs(line.start_ms)
    for word, following in itertools.zip_longest(line.words, line.words[1:]):
        start = max(_cs(word.start_ms), cursor)
        if start > cursor:
            parts.append(f"{{\\k{start - cursor}}}")
        end = max(_cs(word.end_ms), start)
        stop = following.char_start if following is not None else len(text)
        parts.append(f"{{\\kf{end - start}}}{text[word.char_start : stop].translate(_ESCAPES)}")
        cursor = end
    return "".join(parts)


def ass_losses(lines: Sequence[Line], words: bool = False) -> list[str]:
    """What writing ``lines`` as ASS changes, one sentence per kind (empty: nothing)."""

    def times(line: Line) -> list[int]:
        word_times = [t for w in line.words for t in (w.start_ms, w.end_ms)] if words else []
        return [line.start_ms, line.end_ms, *word_times]

    rounded = [i + 1 for i, line in enumerate(lines) if any(t % 10 for t in times(line))]
    moved = [i + 1 for i, line in enumerate(lines) if words and _out_of_step(line)]
    braces = [i + 1 for i, line in enumerate(lines) if "{" in line.text or "}" in line.text]
    notes = []
    if rounded:
        notes.append(
            f"times in ms in {line_numbers(rounded)} are rounded to 10 ms: ASS holds centiseconds"
        )
    if moved:
        notes.append(
            f"words of {line_numbers(moved)} that start before their line or before the word "
            "before them ends start later: ASS times syllables one after another"
        )
    if braces:
        notes.append(f"braces in {line_numbers(braces)} become (…): ASS reads {{…}} as tags")
    if len(lines) > 1:
        notes.append("stanza breaks, if any, are not kept: ASS has no blank lines between lines")
    return notes


def _out_of_step(line: Line) -> bool:
    ends = [_cs(line.start_ms), *(_cs(word.end_ms) for word in line.words)]
    return any(_cs(word.start_ms) < end for word, end in zip(line.words, ends, strict=False))


#: The latest time written, 9:59:59.99: pysubs2 and Aegisub write one digit of hours.
LATEST_MS = 10 * HOUR_MS - 10

ASS = LyricsFormat(
    "ASS", (".ass", ".ssa"), read_ass, ass_text, max_time_ms=LATEST_MS, holds_words=True,
    losses=ass_losses,
)  # fmt: skip
