"""The times of a song's lines while they are being tapped, and what they read as; no rules.

:class:`TapState` holds, for every line, its start, its explicit end (if one was tapped) and
its words' starts, all media ms (``None``: not tapped yet), plus the two cursors that say what
the next tap does. It answers every question the editor and the writers ask — the end a line
will be saved with, what is sung at a time, the timed lines — and turns itself into JSON-able
data and back (the autosave journal's header and the state an ``undo`` event carries).

How the times *change* — taps, nudges, undo, the events the journal replays — is
:class:`~karaoke.core.tapping.TapSession`, a subclass; the split keeps each module readable in
one sitting. Invariants kept by both: lines never overlap (an end is held at the next start),
an explicit end is never before its start, and ``0 <= cursor <= len(self)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Self

from karaoke.core.formats.lrc import LAST_LINE_MS, MAX_LINE_MS
from karaoke.core.model import Line, Lyrics, Word

STATE_VERSION = 1
_WORD = re.compile(r"\S+")


class TapError(ValueError):
    """A tap or edit that cannot be done; the message is a sentence for the person tapping."""


@dataclass(frozen=True, slots=True)
class LineText:
    """A line's text and its words as ``(char_start, text)`` (never changes during a session)."""

    text: str
    words: tuple[tuple[int, str], ...]


def _split_words(line: Line) -> tuple[tuple[int, str], ...]:
    """The line's own word spans when it has word timings (they may be syllables), else one
    per whitespace-separated token."""
    if line.words:
        return tuple((word.char_start, word.text) for word in line.words)
    return tuple((match.start(), match.group()) for match in _WORD.finditer(line.text))


class TapState:
    """The times of a song's lines (media ms) and the tapping cursors. See the module doc."""

    def __init__(self, texts: Iterable[LineText], stanza_starts: Iterable[int] = (0,)) -> None:
        self._texts: tuple[LineText, ...] = tuple(texts)
        if not self._texts:
            raise TapError("there are no lines to time")
        count = len(self._texts)
        self.stanza_starts: tuple[int, ...] = tuple(
            sorted({0, *(i for i in stanza_starts if 0 <= i < count)})
        )
        self._starts: list[int | None] = [None] * count
        self._ends: list[int | None] = [None] * count  # explicit ends only
        self._word_starts: list[list[int | None]] = [[None] * len(t.words) for t in self._texts]
        self.cursor = 0  # the next line to start
        self.word_cursor = 0  # word mode: the next word of line ``cursor - 1`` (0: none tapped)

    # Building ----------------------------------------------------------------------------------

    @classmethod
    def from_texts(cls, texts: Iterable[str], stanza_starts: Iterable[int] = (0,)) -> Self:
        """Untimed lines from their texts."""
        return cls(
            (LineText(text, _split_words(Line(text, 0, 0))) for text in texts), stanza_starts
        )

    @classmethod
    def from_lyrics(cls, lyrics: Lyrics) -> Self:
        """The lines of any lyrics file. Timed lyrics keep their times (an end that is not the
        next line's start becomes an explicit end, word timings are kept); the cursor is then
        at the first line without a time, or past the end when every line has one."""
        session = cls(
            (LineText(line.text, _split_words(line)) for line in lyrics.lines), lyrics.stanza_starts
        )
        if not lyrics.timed:
            return session
        for index, line in enumerate(lyrics.lines):
            session._starts[index] = line.start_ms
            if line.words:
                session._word_starts[index] = [word.start_ms for word in line.words]
        for index, line in enumerate(lyrics.lines):
            if line.end_ms != session._implied_end(index):
                session._ends[index] = line.end_ms
        session.cursor = len(lyrics.lines)
        return session

    # Reading -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._texts)

    def text(self, index: int) -> str:
        return self._texts[index].text

    def words(self, index: int) -> tuple[tuple[int, str], ...]:
        """The words of a line as ``(char_start, text)``."""
        return self._texts[index].words

    def start_ms(self, index: int) -> int | None:
        return self._starts[index]

    def is_timed(self, index: int) -> bool:
        return self._starts[index] is not None

    def has_explicit_end(self, index: int) -> bool:
        return self._ends[index] is not None

    def end_ms(self, index: int) -> int | None:
        """The end the line will be saved with (None while it has no start)."""
        start = self._starts[index]
        if start is None:
            return None
        following = self._next_start(index)
        explicit = self._ends[index]
        if explicit is not None:
            end = explicit if following is None else min(explicit, following)
        else:
            end = self._implied_end(index)
        return max(start, end)

    def words_tapped(self, index: int) -> int:
        return sum(start is not None for start in self._word_starts[index])

    def word_starts_ms(self, index: int) -> tuple[int | None, ...]:
        return tuple(self._word_starts[index])

    @property
    def current(self) -> int | None:
        """The line most recently started (what an explicit end ends), or None."""
        index = self.cursor - 1
        return index if index >= 0 and self._starts[index] is not None else None

    @property
    def untimed_count(self) -> int:
        return sum(start is None for start in self._starts)

    @property
    def has_word_timings(self) -> bool:
        return any(self._all_words_tapped(i) for i in range(len(self)))

    def line_at(self, media_ms: int) -> int | None:
        """The last timed line that has started at ``media_ms`` (what is being sung), or None."""
        found = None
        for index, start in enumerate(self._starts):
            if start is not None and start <= media_ms:
                found = index
            elif start is not None:
                break
        return found

    def to_lines(self) -> tuple[Line, ...]:
        """The timed lines, in order, with their ends and (fully tapped) word timings.

        Lines without a start are left out; :meth:`timed_stanza_starts` gives the stanza breaks
        as indices into this result.
        """
        lines: list[Line] = []
        for index, start in enumerate(self._starts):
            if start is None:
                continue
            end = self.end_ms(index)
            assert end is not None
            lines.append(
                Line(
                    self._texts[index].text,
                    start,
                    end,
                    self._timed_words(index, start, end),
                )
            )
        return tuple(lines)

    def timed_stanza_starts(self) -> tuple[int, ...]:
        """Stanza breaks as indices into :meth:`to_lines` (a stanza of untimed lines vanishes)."""
        starts: list[int] = []
        position = 0
        breaks = set(self.stanza_starts)
        pending = False
        for index, start in enumerate(self._starts):
            pending = pending or index in breaks
            if start is None:
                continue
            if pending and position not in starts:
                starts.append(position)
            pending = False
            position += 1
        return tuple(starts) or (0,)

    # Saving and restoring ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The whole state (not the undo history) as JSON-able data."""
        return {
            "version": STATE_VERSION,
            "lines": [
                {"text": t.text, "words": [[char, word] for char, word in t.words]}
                for t in self._texts
            ],
            "stanza_starts": list(self.stanza_starts),
            **self.snapshot(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Rebuild a session from :meth:`to_dict`'s data. Raises :class:`TapError` if it is not."""
        try:
            if data["version"] != STATE_VERSION:
                raise TapError(f"state version {data['version']!r} is not {STATE_VERSION}")
            texts = [
                LineText(str(item["text"]), tuple((int(c), str(w)) for c, w in item["words"]))
                for item in data["lines"]
            ]
            session = cls(texts, (int(i) for i in data["stanza_starts"]))
            session._restore(data)
        except (KeyError, TypeError, ValueError) as error:
            if isinstance(error, TapError):
                raise
            raise TapError(f"not a tapping session: {error!r}") from None
        return session

    def snapshot(self) -> dict[str, Any]:
        """The times and cursors as JSON-able data: what an ``undo`` event carries."""
        return {
            "starts": list(self._starts),
            "ends": list(self._ends),
            "word_starts": [list(starts) for starts in self._word_starts],
            "cursor": self.cursor,
            "word_cursor": self.word_cursor,
        }

    def _restore(self, state: Mapping[str, Any]) -> None:
        count = len(self)
        starts = [_optional_ms(v) for v in state["starts"]]
        ends = [_optional_ms(v) for v in state["ends"]]
        word_starts = [[_optional_ms(v) for v in row] for row in state["word_starts"]]
        shapes = [len(t.words) for t in self._texts]
        if len(starts) != count or len(ends) != count or [len(r) for r in word_starts] != shapes:
            raise TapError("the saved times do not match the lines")
        cursor, word_cursor = int(state["cursor"]), int(state["word_cursor"])
        if not 0 <= cursor <= count or word_cursor < 0:
            raise TapError("the saved cursor is out of range")
        self._starts, self._ends, self._word_starts = starts, ends, word_starts
        self.cursor, self.word_cursor = cursor, word_cursor

    # Internals ---------------------------------------------------------------------------------

    def _previous_start(self, index: int) -> int | None:
        for earlier in range(index - 1, -1, -1):
            if self._starts[earlier] is not None:
                return self._starts[earlier]
        return None

    def _next_start(self, index: int) -> int | None:
        for later in range(index + 1, len(self)):
            if self._starts[later] is not None:
                return self._starts[later]
        return None

    def _implied_end(self, index: int) -> int:
        start = self._starts[index]
        assert start is not None
        following = self._next_start(index)
        if following is None:
            return start + LAST_LINE_MS
        return min(following, start + MAX_LINE_MS)

    def _all_words_tapped(self, index: int) -> bool:
        starts = self._word_starts[index]
        return bool(starts) and all(start is not None for start in starts)

    def _timed_words(self, index: int, start: int, end: int) -> tuple[Word, ...]:
        if self._starts[index] is None or not self._all_words_tapped(index):
            return ()
        texts = self._texts[index].words
        clamped: list[int] = []
        for value in self._word_starts[index]:
            assert value is not None
            clamped.append(min(end, max(start, value, clamped[-1] if clamped else start)))
        ends = [*clamped[1:], end]
        return tuple(
            Word(text, word_start, word_end, char)
            for (char, text), word_start, word_end in zip(texts, clamped, ends, strict=True)
        )


def _optional_ms(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TapError(f"not a time in ms: {value!r}")
    return value
