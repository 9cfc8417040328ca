"""Timing lyrics by tapping a key while the media plays: the rules of change, no Qt.

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

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from karaoke.core.tap_state import LineText, TapError, TapState
from karaoke.core.timefmt import format_ms

__all__ = ["Edge", "TapError", "TapSession"]


class Edge(StrEnum):
    """Which time of a line a nudge or a placed time moves. The values are the ``"which"`` of
    the journal's events, so an ``Edge`` and its string are interchangeable."""

    START = "start"
    END = "end"


class TapSession(TapState):
    """The times of a song's lines while they are being tapped. See the module doc for rules;
    what the times read as is :class:`~karaoke.core.tap_state.TapState`."""

    def __init__(self, texts: Iterable[LineText], stanza_starts: Iterable[int] = (0,)) -> None:
        super().__init__(texts, stanza_starts)
        self._undo: list[dict[str, Any]] = []  # snapshots before each change, newest last

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
        if which == Edge.START:
            low = self._previous_start(index) or 0
            high = following
            explicit_end = self._ends[index]
            if explicit_end is not None:
                high = explicit_end if high is None else min(high, explicit_end)
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
            elif which == Edge.END and value == low:
                reason = "the line starts there"
            else:
                reason = "the next or previous line is there"
            raise TapError(
                f"line {index + 1}'s {which} cannot move {way} than {format_ms(old)}: {reason}"
            )
        self._push_undo()
        if which == Edge.START:
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

    def _time_of(self, index: int, which: str) -> int:
        if not 0 <= index < len(self):
            raise TapError(f"there is no line {index + 1}")
        if which not in tuple(Edge):
            raise TapError(f"a line has a start and an end, not {which!r}")
        value = self._starts[index] if which == Edge.START else self.end_ms(index)
        if value is None:
            raise TapError(f"line {index + 1} has no time yet: tap it first")
        return value


def _which(event: Mapping[str, Any]) -> str:
    which = event["which"]
    if which not in tuple(Edge):
        raise TapError(f"a line has a start and an end, not {which!r}")
    return which
