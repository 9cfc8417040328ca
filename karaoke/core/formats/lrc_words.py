"""LRC time stamps and the text after a line's leading stamps: its words and their times.

Rules (see :mod:`karaoke.core.formats.lrc` for the whole format):

- A stamp is ``mm:ss``, ``mm:ss.x``, ``mm:ss.xx`` (hundredths) or ``mm:ss.xxx`` (ms), in ``[…]``
  before the text or in ``<…>`` or ``[…]`` inside it; ``:`` may stand for ``.``. Seconds of 60
  or more make a stamp invalid (:class:`BadStamp`).
- Each stamp inside the text starts a new word (a timed piece: a syllable, a word or several
  words), even right after a letter with no space. A ``<…>`` stamp keeps the text as the file
  spells it, glued or not: inside a word it times its syllables (``Hel<…>lo``). A ``[…]`` stamp
  inside the text is a line stamp that starts a new phrase, so ``be[02:01.40]ADLIB`` reads
  "be ADLIB" (two words, never glued) — except between CJK characters, which take no spaces.
- Text before the first stamp inside the text is a word starting with the line. A last stamp
  with no text after it is the *closing* stamp: it ends the last word.
- An invalid stamp inside the text is left out (its text joins the word before) and reported.
- White space at the ends of the text goes, and a run of several white-space characters (left
  where stamps were removed, ``Hello <…> world``) becomes one space; word positions follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from unicodedata import east_asian_width

from karaoke.core.model import Word

#: The longest a line without words stays lit when the next stamp is far away (an instrumental
#: break); the longest the last word of a line without a closing stamp lasts.
MAX_LINE_MS = 10_000
#: How long the last line (or its last word) lasts when nothing says when it ends.
LAST_LINE_MS = 5_000

TIME = r"(\d{1,4}):(\d{1,2})(?:[.:](\d{1,3}))?"
_WORD_STAMP = re.compile(r"[<\[]" + TIME + r"[>\]]")
_RUN = re.compile(r"\s{2,}")

_FRACTION_SCALE = (0, 100, 10, 1)  # ms per unit of a 0-, 1-, 2- or 3-digit fraction


class BadStamp(ValueError):
    """A stamp shaped like one but not a time (seconds of 60 or more); the message says why."""


def stamp_ms(minutes: str, seconds: str, fraction: str | None) -> int:
    """The time of a stamp's three parts, in ms. Raises :class:`BadStamp`."""
    whole_seconds = int(seconds)
    if whole_seconds >= 60:
        raise BadStamp(f"invalid time {minutes}:{seconds}: seconds must be below 60")
    ms = (int(minutes) * 60 + whole_seconds) * 1000
    return ms + int(fraction) * _FRACTION_SCALE[len(fraction)] if fraction else ms


@dataclass(slots=True)
class Body:
    """A line's text and its words as written (times as the file gives them, for the line's
    stamp ``line_ms`` the body was read with).

    ``word_starts_ms[i]`` is when ``word_texts[i]`` starts, at ``word_chars[i]`` in ``text``.
    ``closing_ms`` ends the last word (None: the file does not say). ``leading_word`` tells that
    the first word is text before any stamp (it starts with the line, whatever its stamp);
    ``first_stamp_ms`` is the first valid stamp inside the text (None: there is none).
    ``bad_stamps`` are the messages of the invalid stamps left out.
    """

    text: str
    word_texts: list[str] = field(default_factory=list)
    word_chars: list[int] = field(default_factory=list)
    word_starts_ms: list[int] = field(default_factory=list)
    closing_ms: int | None = None
    leading_word: bool = False
    first_stamp_ms: int | None = None
    bad_stamps: list[str] = field(default_factory=list)


def read_body(body: str, line_ms: int) -> Body:
    """The text after a line's leading stamps, read as the module doc says."""
    if "<" not in body and "[" not in body:
        return Body(fold_text(body))
    pieces: list[tuple[int, str]] = [(line_ms, "")]  # (start ms, text) of each timed piece
    bad: list[str] = []
    first_stamp: int | None = None
    position = 0
    for match in _WORD_STAMP.finditer(body):
        before = body[position : match.start()]
        if match.group(0).startswith("[") and _glued(body, match.start(), match.end()):
            before += " "  # a new phrase: never glue it to the word before
        pieces[-1] = (pieces[-1][0], pieces[-1][1] + before)
        position = match.end()
        try:
            ms = stamp_ms(*match.groups())
        except BadStamp as error:
            bad.append(str(error))
            continue
        first_stamp = ms if first_stamp is None else first_stamp
        pieces.append((ms, ""))
    pieces[-1] = (pieces[-1][0], pieces[-1][1] + body[position:])
    closing = None
    if len(pieces) > 1 and not pieces[-1][1].strip():
        closing = pieces[-1][0]
    if first_stamp is None:  # only invalid stamps: a line without word timing
        return Body(fold_spaces("".join(text for _, text in pieces))[0], bad_stamps=bad)
    return _words(pieces, closing, first_stamp, bad)


def _glued(body: str, start: int, end: int) -> bool:
    """Whether the stamp at ``body[start:end]`` stands between two letters that would run
    together without it (not spaces, not CJK characters, which are written without spaces)."""
    if start == 0 or end >= len(body):
        return False
    before, after = body[start - 1], body[end]
    return not (
        before.isspace()
        or after.isspace()
        or east_asian_width(before) in "WF"
        or east_asian_width(after) in "WF"
    )


def _words(
    pieces: list[tuple[int, str]], closing: int | None, first_stamp: int, bad: list[str]
) -> Body:
    raw = "".join(text for _, text in pieces)
    text, where = fold_spaces(raw)
    result = Body(text, closing_ms=closing, first_stamp_ms=first_stamp, bad_stamps=bad)
    result.leading_word = bool(pieces[0][1].strip())
    length = 0
    for start_ms, piece in pieces:
        word = piece.strip()
        if word:
            result.word_texts.append(fold_text(word))
            result.word_chars.append(where[length + piece.index(word[0])])
            result.word_starts_ms.append(start_ms)
        length += len(piece)
    return result


def fold_text(raw: str) -> str:
    """The text of :func:`fold_spaces` alone, without the index map (most lines need no map)."""
    return _RUN.sub(" ", raw.strip())


def fold_spaces(raw: str) -> tuple[str, list[int]]:
    """``raw`` stripped, each run of several white-space characters made one space; and for
    each index of ``raw``, its index in the result (exact for the characters kept)."""
    stripped = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    if not _RUN.search(stripped):
        return stripped, [index - lead for index in range(len(raw))]
    where = [0] * len(raw)
    parts: list[str] = []
    removed = 0  # characters of ``stripped`` left out before ``position``
    position = 0
    for run in _RUN.finditer(stripped):
        for index in range(position, run.start() + 1):  # up to the run's first: kept
            where[lead + index] = index - removed
        for index in range(run.start() + 1, run.end()):  # the rest of the run: left out
            where[lead + index] = run.start() - removed
        parts += [stripped[position : run.start()], " "]
        removed += run.end() - run.start() - 1
        position = run.end()
    for index in range(position, len(stripped)):
        where[lead + index] = index - removed
    parts.append(stripped[position:])
    return "".join(parts), where


def timed_words(body: Body, delta_ms: int, last_end_ms: int) -> tuple[Word, ...]:
    """The body's words moved by ``delta_ms`` (never before 0): each ends where the next starts
    (never before its own start), the last at ``last_end_ms`` (already moved)."""
    if not body.word_starts_ms:
        return ()
    starts = [max(0, start + delta_ms) for start in body.word_starts_ms]
    ends = [*starts[1:], max(0, last_end_ms)]
    return tuple(
        Word(text, start, max(start, end), char)
        for text, start, end, char in zip(
            body.word_texts, starts, ends, body.word_chars, strict=True
        )
    )
