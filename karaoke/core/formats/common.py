"""What every reader shares: turning the lines it found, in file order, into :class:`Lyrics`.

Rules, the same for every format (documented here once):

- Each line's text (and translation) is cleaned as :mod:`markup` says: control characters
  removed (reported, warning), character references like ``&amp;`` decoded, runs of spaces
  folded; word positions move with the text.
- Lines are sorted by ``(start_ms, end_ms)``; the sort is stable, so equal times keep file order.
  A line that starts before the one above it in the file is reported (warning), unless the
  reader says its format's file order means nothing (``check_order=False``: ASS).
- A line whose text is empty after removing markup is left out and reported (warning).
- A line that ends before it starts is reported (error) and made zero-length.
- A line with text that ends where it starts is reported (warning) and left out: 0 ms can
  never be sung, and such cues hold what players never show (the SubRip capability tester
  hides text in them; VLC shows none).
- A line that starts before the previous one (in time order) ends is reported (warning); both are
  kept: the timeline shows the later-starting one from its start (see ``timeline.py``). Lines
  of two different singers (a duet) may overlap: that is not reported.
- No line at all is unusable: :class:`SongError`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from karaoke.core.errors import Problem, ProblemCode, SongError
from karaoke.core.formats.markup import clean_text, clean_words, control_characters, needs_cleaning
from karaoke.core.model import Line, Lyrics, Word
from karaoke.core.timefmt import format_ms


@dataclass(slots=True)
class RawLine:
    """A line as a reader found it, before sorting and checks."""

    text: str
    start_ms: int
    end_ms: int
    source_line: int
    words: tuple[Word, ...] = ()
    starts_stanza: bool = False
    #: A line written once with several stamps (compressed LRC), at any of them: such files are
    #: not in time order, so it is exempt from the order check.
    is_repeat: bool = False
    singer: str = ""
    translation: str = ""


def build_lyrics(
    path: str,
    raw_lines: Iterable[RawLine],
    encoding: str,
    problems: list[Problem],
    *,
    metadata: Mapping[str, str] | None = None,
    timed: bool = True,
    empty_message: str = "no sung lines found",
    check_order: bool = True,
) -> Lyrics:
    """Sort, check and freeze ``raw_lines``; ``problems`` gets what the checks find.

    ``check_order=False``: the format's file order means nothing (ASS groups events by style),
    so a line written before an earlier one is not reported."""
    kept = _usable(path, raw_lines, problems)
    if not kept:
        if problems:
            first = problems[0]
            raise SongError(
                path, f"{empty_message}: {first.message}", first.line, code=ProblemCode.NO_LINES
            )
        raise SongError(path, empty_message, code=ProblemCode.NO_LINES)
    if check_order:
        _check_file_order(path, kept, problems)
    ordered = sorted(kept, key=lambda raw: (raw.start_ms, raw.end_ms))
    _check_overlaps(path, ordered, problems)
    lines = tuple(
        Line(
            raw.text,
            raw.start_ms,
            raw.end_ms,
            raw.words,
            raw.source_line,
            singer=raw.singer,
            translation=raw.translation,
        )
        for raw in ordered
    )
    stanza_starts = tuple(
        index for index, raw in enumerate(ordered) if index == 0 or raw.starts_stanza
    )
    return Lyrics(
        path=path,
        lines=lines,
        encoding=encoding,
        stanza_starts=stanza_starts,
        metadata=dict(metadata or {}),
        timed=timed,
        problems=tuple(problems),
    )


def _usable(path: str, raw_lines: Iterable[RawLine], problems: list[Problem]) -> list[RawLine]:
    """The lines with text, cleaned, each lasting some time; a reversed one is kept, made
    zero-length (its text may matter; its end was mistyped), a zero-length one left out."""
    kept: list[RawLine] = []
    for raw in raw_lines:
        _clean(path, raw, problems)
        if not raw.text.strip():
            message = "empty line: it has no text to sing"
            problems.append(Problem(path, raw.source_line, message, ProblemCode.EMPTY_LINE))
            continue
        if raw.end_ms < raw.start_ms:
            message = f"ends ({format_ms(raw.end_ms)}) before it starts ({format_ms(raw.start_ms)})"
            problems.append(Problem(path, raw.source_line, message, ProblemCode.ENDS_BEFORE_START))
            raw.end_ms = raw.start_ms
        elif raw.end_ms == raw.start_ms:
            message = (
                f"lasts 0 ms (starts and ends at {format_ms(raw.start_ms)}): it cannot be sung; "
                "left out"
            )
            problems.append(Problem(path, raw.source_line, message, ProblemCode.ZERO_LENGTH))
            continue
        kept.append(raw)
    return kept


def _clean(path: str, raw: RawLine, problems: list[Problem]) -> None:
    """Clean ``raw``'s text, words and translation (:mod:`markup`); report control characters."""
    if not needs_cleaning(raw.text) and not (raw.translation and needs_cleaning(raw.translation)):
        return  # most lines: one search
    controls = control_characters(raw.text + raw.translation)
    if controls:
        message = f"control character(s) {', '.join(controls)} removed from the text"
        problems.append(Problem(path, raw.source_line, message, ProblemCode.CONTROL_CHARACTER))
    raw.text, raw.words = clean_words(raw.text, raw.words)
    raw.translation = clean_text(raw.translation)


def _check_file_order(path: str, kept: list[RawLine], problems: list[Problem]) -> None:
    """Report a line written before a line that starts later (repeats of a line are exempt)."""
    written = [raw for raw in kept if not raw.is_repeat]
    for before, after in itertools.pairwise(written):
        if after.start_ms < before.start_ms:
            message = (
                f"starts ({format_ms(after.start_ms)}) before the line above it "
                f"(line {before.source_line}, {format_ms(before.start_ms)}); "
                "lines play in time order"
            )
            problems.append(Problem(path, after.source_line, message, ProblemCode.OUT_OF_ORDER))


def _check_overlaps(path: str, ordered: list[RawLine], problems: list[Problem]) -> None:
    """Report a line (in time order) that starts before the one before it ends, unless another
    singer sings it (singers answer each other in a duet)."""
    for before, after in itertools.pairwise(ordered):
        if after.start_ms < before.end_ms and before.singer == after.singer:
            message = f"overlaps line {before.source_line} by {before.end_ms - after.start_ms} ms"
            problems.append(Problem(path, after.source_line, message, ProblemCode.OVERLAP))
