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

from collections.abc import Sequence
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
    text, new_index = _tidy(raw)
    words: list[Word] = []
    bounds = [mark.char for mark in marks[1:]] + [len(raw)] if marks else []
    for mark, raw_end in zip(marks, bounds, strict=True):
        first, last = new_index[min(mark.char, len(raw))], new_index[min(raw_end, len(raw))]
        end_ms = max(mark.end_ms, mark.start_ms)
        offset = first
        for row in text[first:last].split("\n"):
            word = row.strip()
            if word:
                char = offset + (len(row) - len(row.lstrip()))
                words.append(Word(word, mark.start_ms, end_ms, char))
            offset += len(row) + 1
    return text, tuple(words)


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
