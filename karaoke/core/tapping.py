"""Timing lyrics by tapping a key while the media plays: the session's data and rules, no Qt.

All times are media ms (the media's own clock, whatever the playback speed).

The rules, which the editor's help and ``docs/timing-editor.md`` repeat:

- The *cursor* is the next line to start. :meth:`TapSession.tap` starts it at the given time
  and moves on. A line ends where the next one starts, unless an explicit end was tapped
  (:meth:`~TapSession.tap_end`); an end beyond the next start is cut there, so lines never
  overlap. A line whose next start is more than ``MAX_LINE_MS`` away (an instrumental break)
  ends ``MAX_LINE_MS`` after its start; the last line lasts ``LAST_LINE_MS`` unless ended. Once
  every line has started, a tap ends the last one.
- Word mode (:meth:`~TapSession.tap_word`): each tap starts the next word; the first word's tap
  starts its line. A word ends where the next starts, the last one where its line ends. A line's
  word timings are kept only when every word of it was tapped.
- Taps go forward in time: a tap before the previous line's start is refused (:class:`TapError`).
  Re-tapping a line (:meth:`~TapSession.retap_from`, then taps) keeps the later lines' times,
  except those that now start before the re-tapped line: they are cleared, to be tapped again.
- Nudges and set times stay between the neighbours' starts.
- :meth:`~TapSession.undo` takes back the last change of any kind, as often as wanted.

Every change is also an *event*, a small JSON-able dict (``{"op": "tap", "ms": 1234}``) that
:meth:`~TapSession.apply` performs: the editor applies events, and the autosave journal
(:mod:`karaoke.core.journal`) replays the same events after a crash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from karaoke.core.formats.lrc import LAST_LINE_MS, MAX_LINE_MS
from karaoke.core.model import Line, Lyrics, Word
from karaoke.core.timefmt import format_ms

STATE_VERSION = 1
_WORD = re.compile(r"\S+")


class TapError(ValueError):
    """A tap or edit that cannot be done; the message is a sentence for the person tapping."""


@dataclass(frozen=True, slots=True)
class _Text:
    """A line's text and its words as ``(char_start, text)`` (never changes during a session)."""

    text: str
    words: tuple[tuple[int, str], ...]


def _split_words(line: Line) -> tuple[tuple[int, str], ...]:
    """The line's own word spans when it has word timings (they may be syllables), else one
    per whitespace-separated token."""
    if line.words:
        return tuple((word.char_start, word.text) for word in line.words)
    return tuple((match.start(), match.group()) for match in _WORD.finditer(line.text))


class TapSession:
    """The times of a song's lines while they are being tapped. See the module doc for rules."""

    def __init__(self, texts: Iterable[_Text], stanza_starts: Iterable[int] = (0,)) -> None:
        self._texts: tuple[_Text, ...] = tuple(texts)
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
        self._undo: list[dict[str, Any]] = []

    # Building ----------------------------------------------------------------------------------

    @classmethod
    def from_texts(cls, texts: Iterable[str], stanza_starts: Iterable[int] = (0,)) -> TapSession:
        """Untimed lines from their texts."""
        return cls((_Text(text, _split_words(Line(text, 0, 0))) for text in texts), stanza_starts)

    @classmethod
    def from_lyrics(cls, lyrics: Lyrics) -> TapSession:
        """The lines of any lyrics file. Timed lyrics keep their times (an end that is not the
        next line's start becomes an explicit end, word timings are kept); the cursor is then
        at the first line without a time, or past the end when every line has one."""
        session = cls(
            (_Text(line.text, _split_words(line)) for line in lyrics.lines), lyrics.stanza_starts
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
    def can_undo(self) -> bool:
        return bool(self._undo)

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

    # Changing (each public method is one undoable step) -------------------------------------

    def tap(self, media_ms: int) -> int:
        """Start the line at the cursor at ``media_ms``; after the last line has started, end it.
        Returns the index of the line changed."""
        media_ms = self._check_time(media_ms)
        if self.cursor >= len(self):
            return self._end_last(media_ms)
        self._push_undo()
        return self._start_line(media_ms)

    def tap_end(self, media_ms: int) -> int:
        """Explicitly end the line most recently started. Returns its index."""
        media_ms = self._check_time(media_ms)
        index = self.current
        if index is None:
            raise TapError("no line has started yet: tap its start first")
        start = self._starts[index]
        assert start is not None
        if media_ms < start:
            raise TapError(
                f"line {index + 1} cannot end ({format_ms(media_ms)}) before it starts "
                f"({format_ms(start)})"
            )
        self._push_undo()
        self._ends[index] = media_ms
        return index

    def tap_word(self, media_ms: int) -> tuple[int, int]:
        """Word mode: start the next word of the current line, or, when it has no word left (or
        was started in line mode), start the next line with its first word. Returns
        ``(line, word)`` indices; after the last line's last word, ends the line (word -1)."""
        media_ms = self._check_time(media_ms)
        index = self.current
        if index is not None and 0 < self.word_cursor < len(self._texts[index].words):
            word = self.word_cursor
            previous = self._word_starts[index][word - 1]
            if previous is not None and media_ms < previous:
                raise TapError(
                    f"{format_ms(media_ms)} is before the previous word ({format_ms(previous)})"
                )
            self._push_undo()
            self._word_starts[index][word] = media_ms
            self.word_cursor += 1
            return index, word
        if self.cursor >= len(self):
            return self._end_last(media_ms), -1
        self._push_undo()
        index = self._start_line(media_ms)
        if self._texts[index].words:
            self._word_starts[index][0] = media_ms
            self.word_cursor = 1
        return index, 0

    def retap_from(self, index: int) -> None:
        """Move the cursor to line ``index``: the next taps start it and the lines after it."""
        if not 0 <= index < len(self):
            raise TapError(f"there is no line {index + 1}")
        self._push_undo()
        self.cursor = index
        self.word_cursor = 0

    def nudge(self, index: int, which: str, delta_ms: int) -> int:
        """Move line ``index``'s ``"start"`` or ``"end"`` by ``delta_ms``; returns the new time."""
        current = self._time_of(index, which)
        return self.set_time(index, which, current + int(delta_ms))

    def set_time(self, index: int, which: str, media_ms: int) -> int:
        """Set line ``index``'s ``"start"`` or ``"end"`` to ``media_ms``, kept between its
        neighbours (a start between the previous and next starts and before its own explicit
        end; an end between its start and the next start). Returns the time set."""
        old = self._time_of(index, which)
        start = self._starts[index]
        assert start is not None
        following = self._next_start(index)
        if which == "start":
            low = self._previous_start(index) or 0
            high = following
            if self._ends[index] is not None:
                high = self._ends[index] if high is None else min(high, self._ends[index])
        else:
            tapped = [s for s in self._word_starts[index] if s is not None]
            low, high = max([start, *tapped]), following
        value = max(low, int(media_ms))
        if high is not None:
            value = min(high, value)
        if value == old:
            way = "earlier" if media_ms < old else "later"
            if value == 0:
                reason = "that is the start of the media"
            elif which == "end" and value == low:
                reason = "the line starts there"
            else:
                reason = "the next or previous line is there"
            raise TapError(
                f"line {index + 1}'s {which} cannot move {way} than {format_ms(old)}: {reason}"
            )
        self._push_undo()
        if which == "start":
            if self._word_starts[index] and self._word_starts[index][0] == start:
                self._word_starts[index][0] = value
            self._starts[index] = value
        else:
            self._ends[index] = value
        return value

    def undo(self) -> None:
        """Take back the last change."""
        if not self._undo:
            raise TapError("nothing to undo")
        self._restore(self._undo.pop())

    def apply(self, event: Mapping[str, Any]) -> Any:
        """Perform one event (see the module doc); returns what the method it names returns.

        An ``undo`` event may carry the ``state`` it leads to (the journal writes it): that state
        is then restored, even with nothing left to undo here.
        """
        op = event.get("op")
        try:
            if op == "tap":
                return self.tap(event["ms"])
            if op == "end":
                return self.tap_end(event["ms"])
            if op == "word":
                return self.tap_word(event["ms"])
            if op == "retap":
                return self.retap_from(event["line"])
            if op == "nudge":
                return self.nudge(event["line"], _which(event), event["delta"])
            if op == "set":
                return self.set_time(event["line"], _which(event), event["ms"])
            if op == "undo":
                if "state" in event:
                    if self._undo:
                        self._undo.pop()
                    self._restore(event["state"])
                    return None
                return self.undo()
        except (KeyError, TypeError) as error:
            raise TapError(f"malformed {op!r} event: {error}") from None
        raise TapError(f"unknown event {op!r}")

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
    def from_dict(cls, data: Mapping[str, Any]) -> TapSession:
        """Rebuild a session from :meth:`to_dict`'s data. Raises :class:`TapError` if it is not."""
        try:
            if data["version"] != STATE_VERSION:
                raise TapError(f"state version {data['version']!r} is not {STATE_VERSION}")
            texts = [
                _Text(str(item["text"]), tuple((int(c), str(w)) for c, w in item["words"]))
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

    def _push_undo(self) -> None:
        self._undo.append(self.snapshot())

    def _check_time(self, media_ms: int) -> int:
        media_ms = int(media_ms)
        if media_ms < 0:
            raise TapError(f"a time cannot be negative ({media_ms} ms)")
        return media_ms

    def _start_line(self, media_ms: int) -> int:
        index = self.cursor
        previous = self._previous_start(index)
        if previous is not None and media_ms < previous:
            owner = max(i for i in range(index) if self._starts[i] == previous)
            raise TapError(
                f"{format_ms(media_ms)} is before line {owner + 1}'s start ({format_ms(previous)}): "
                f"choose that line and press R to re-tap from it"
            )
        self._starts[index] = media_ms
        self._ends[index] = None
        self._word_starts[index] = [None] * len(self._texts[index].words)
        for later in range(index + 1, len(self)):
            start = self._starts[later]
            if start is not None and start < media_ms:
                self._starts[later] = self._ends[later] = None
                self._word_starts[later] = [None] * len(self._texts[later].words)
        self.cursor = index + 1
        self.word_cursor = 0
        return index

    def _end_last(self, media_ms: int) -> int:
        last = len(self) - 1
        start = self._starts[last]
        if start is None or self._ends[last] is not None:
            raise TapError("every line is timed: choose a line and press R to re-tap from it")
        if media_ms < start:
            raise TapError(f"the last line cannot end before it starts ({format_ms(start)})")
        self._push_undo()
        self._ends[last] = media_ms
        return last

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

    def _time_of(self, index: int, which: str) -> int:
        if not 0 <= index < len(self):
            raise TapError(f"there is no line {index + 1}")
        if which not in ("start", "end"):
            raise TapError(f"a line has a start and an end, not {which!r}")
        value = self._starts[index] if which == "start" else self.end_ms(index)
        if value is None:
            raise TapError(f"line {index + 1} has no time yet: tap it first")
        return value

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


def _which(event: Mapping[str, Any]) -> str:
    which = event["which"]
    if which not in ("start", "end"):
        raise TapError(f"a line has a start and an end, not {which!r}")
    return which


def _optional_ms(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TapError(f"not a time in ms: {value!r}")
    return value
