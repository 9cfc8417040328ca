"""A line's visible text with timing marks in it → its text as shown and its :class:`Word`\\ s.

ASS (``{\\k}`` syllables) and WebVTT (``<00:00:08.600>`` timestamps) both time spans of a line's
text that runs on from one mark to the next. Their readers collect the visible text (markup
gone, entities decoded, breaks as ``\\n``) and a :class:`Mark` where each timed span starts;
:func:`timed_words` tidies the text the way every reader does (see :func:`markup.strip_markup`:
runs of spaces folded, each row stripped, blank rows dropped) and moves the marks with it.

Invariants of the result: every word's text is ``text[char_start:char_end]``, has no whitespace
at either end and no line break; words are in text order; ``start_ms <= end_ms``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from karaoke.core.model import Word

#: Spaces folded into one inside a row (as :func:`markup.strip_markup` does); not ``\xa0``,
#: which a file puts there on purpose (ASS's ``\h``, WebVTT's ``&nbsp;``).
_FOLDED = frozenset(" \t\f\v")


class Mark(NamedTuple):
    """A timed span of the raw text: from ``char`` (an index into the raw visible text) up to
    the next mark's ``char`` (or the end), sung from ``start_ms`` to ``end_ms``."""

    char: int
    start_ms: int
    end_ms: int


def timed_words(raw: str, marks: Sequence[Mark]) -> tuple[str, tuple[Word, ...]]:
    """The tidied text and a word for each mark's span that has visible text.

    ``marks`` are in text order. A span that crosses a line break gives a word for each row it
    has text in, all with the span's times (a syllable cannot be timed across a break). A span
    of only spaces gives no word: it is a pause. An end before its start is made the start.
    """
    chars = [mark.char for mark in marks]
    starts_ms = [mark.start_ms for mark in marks]
    return timed_spans(raw, chars, starts_ms, [mark.end_ms for mark in marks])


def timed_spans(
    raw: str, chars: Sequence[int], starts_ms: Sequence[int], ends_ms: Sequence[int]
) -> tuple[str, tuple[Word, ...]]:
    """:func:`timed_words` for marks given as three parallel sequences (the i-th mark starts at
    ``chars[i]``, sung from ``starts_ms[i]`` to ``ends_ms[i]``): a syllable-timed file has a
    hundred thousand marks, and building no :class:`Mark` for each saves a tenth of its parse."""
    if _is_tidy(raw):
        # Most lines: one row, spaces right; the text is ``raw`` and its indexes stay.
        return raw, _words_in_row(raw, chars, starts_ms, ends_ms)
    text, new_index = _tidy(raw)
    words: list[Word] = []
    bounds = [*chars[1:], len(raw)] if chars else []
    for char, raw_end, start_ms, end_ms in zip(chars, bounds, starts_ms, ends_ms, strict=True):
        first, last = new_index[min(char, len(raw))], new_index[min(raw_end, len(raw))]
        end_ms = max(end_ms, start_ms)
        offset = first
        for row in text[first:last].split("\n"):
            word = row.strip()
            if word:
                words.append(Word(word, start_ms, end_ms, offset + (len(row) - len(row.lstrip()))))
            offset += len(row) + 1
    return text, tuple(words)


def timed_pieces(
    pieces: Sequence[str], start_ms: int, durations: Iterable[int], unit_ms: int = 1
) -> tuple[str, tuple[Word, ...]]:
    """:func:`timed_spans` for spans sung one after another, from ``start_ms``: ``pieces[0]`` is
    the untimed text before the first span, then ``pieces[i + 1]`` is span i, lasting
    ``durations[i]`` units of ``unit_ms`` (ASS's ``{\\k}`` syllables: centiseconds; a negative
    duration counts as none). A reader
    that splits its line at the marks has the spans already; in a tidy text they are the words."""
    raw = "".join(pieces)
    if not _is_tidy(raw):
        chars = list(itertools.accumulate(map(len, pieces[:-1])))
        steps_ms = (max(duration * unit_ms, 0) for duration in durations)
        times_ms = list(itertools.accumulate(steps_ms, initial=start_ms))
        return timed_spans(raw, chars, times_ms[:-1], times_ms[1:])
    words: list[Word] = []
    char = len(pieces[0])
    at_ms = start_ms
    for piece, duration in zip(pieces[1:], durations, strict=True):
        step_ms = duration * unit_ms
        end_ms = at_ms + step_ms if step_ms > 0 else at_ms
        word = piece.strip()
        if word:
            # strip() gives back the piece itself when it had no space to lose (most do).
            lead = 0 if word is piece else len(piece) - len(piece.lstrip())
            words.append(_word(Word, (word, at_ms, end_ms, char + lead)))
        char += len(piece)
        at_ms = end_ms
    return raw, tuple(words)


#: Builds a :class:`Word` from its four fields without the NamedTuple's Python-level
#: ``__new__``: half the cost, for the hundred thousand syllables of a long karaoke file.
_word = tuple.__new__


def _is_tidy(raw: str) -> bool:
    """Whether :func:`_tidy` would leave ``raw`` as it is: one row (``isprintable`` is False for
    a break, a tab or a no-break space), no double space, none at either end."""
    return raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " "


def _words_in_row(
    text: str, chars: Sequence[int], starts_ms: Sequence[int], ends_ms: Sequence[int]
) -> tuple[Word, ...]:
    """The words of a tidy one-row ``text`` (see :func:`_is_tidy`): each span stripped."""
    words: list[Word] = []
    bounds = [*chars[1:], len(text)] if chars else []
    for char, stop, start_ms, end_ms in zip(chars, bounds, starts_ms, ends_ms, strict=True):
        span = text[char:stop]
        word = span.strip()
        if word:
            lead = len(span) - len(span.lstrip())
            words.append(
                Word(word, start_ms, end_ms if end_ms > start_ms else start_ms, char + lead)
            )
    return tuple(words)


def _tidy(raw: str) -> tuple[str, list[int]]:
    """``raw`` tidied, and for each raw index (and ``len(raw)``) the index in the tidied text of
    the first character kept at or after it."""
    kept_at: list[int | None] = [None] * len(raw)
    out: list[str] = []
    row_start = 0
    for row in raw.split("\n"):
        first = row_start
        last = row_start + len(row)
        while first < last and raw[first].isspace():
            first += 1
        while last > first and raw[last - 1].isspace():
            last -= 1
        if first < last:
            if out:  # the break before this row stands for any blank rows dropped before it
                kept_at[row_start - 1] = len(out)
                out.append("\n")
            for index in range(first, last):
                char = raw[index]
                if char in _FOLDED:
                    if out[-1:] == [" "]:
                        continue
                    char = " "
                kept_at[index] = len(out)
                out.append(char)
        row_start += len(row) + 1
    new_index = [0] * (len(raw) + 1)
    following = len(out)
    new_index[len(raw)] = following
    for index in range(len(raw) - 1, -1, -1):
        at = kept_at[index]
        if at is not None:
            following = at
        new_index[index] = following
    return "".join(out), new_index


def line_numbers(numbers: Sequence[int]) -> str:
    """``[3]`` → ``"line 3"``; ``[1, 2, …]`` → ``"lines 1, 2, …"`` (at most eight shown), for
    what writing loses."""
    shown = ", ".join(map(str, numbers[:8])) + (", …" if len(numbers) > 8 else "")
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"
