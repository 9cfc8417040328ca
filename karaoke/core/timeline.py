"""What is sung at a lyrics time: the line, stanza and word, and how far the karaoke wipe is.

Times are lyrics times in ms (the caller subtracts the song's offset from the media time).
Lookups are ``bisect`` over precomputed start times: O(log n), no allocation.

Rules where lyrics are loose, chosen once and kept deterministic:

- The *current* line at ``t`` is the last line (in time order) that has started: it stays current
  through the gap after it ends, until the next line starts, so the screen never goes blank
  mid-song. ``is_sung`` tells whether ``t`` is inside its own times. Before the first line
  there is no current line.
- Overlapping lines: the later-starting one becomes current at its start. Lines that start
  together keep file order, and the last of them is current.
- Progress within a line follows its word timings when it has them; otherwise each syllable
  (see :mod:`syllables`) gets an equal share of the line's time.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from karaoke.core.model import DEFAULT_LANGUAGE, Line, Stanza
from karaoke.core.syllables import syllable_spans, word_spans

#: "Previous line" within this long after a line started restarts that line instead, as the
#: previous-track button of a music player does.
RESTART_GRACE_MS = 1_500


@dataclass(frozen=True, slots=True)
class LineTiming:
    """The wipe of one line as a piecewise-linear map from time (ms) to sung characters.

    ``knot_ms`` is non-decreasing; ``knot_chars`` is non-decreasing from 0 to ``len(text)``.
    ``words`` are ``(char_start, char_end)``; ``word_start_ms`` when each is reached.
    """

    knot_ms: tuple[int, ...]
    knot_chars: tuple[float, ...]
    words: tuple[tuple[int, int], ...]
    word_start_ms: tuple[int, ...]

    def sung_chars(self, t_ms: float) -> float:
        """Characters of the line's text already sung at ``t_ms`` (fractional while mid-way)."""
        knots = self.knot_ms
        k = bisect.bisect_right(knots, t_ms) - 1
        if k < 0:
            return 0.0
        if k >= len(knots) - 1:
            return self.knot_chars[-1]
        span = knots[k + 1] - knots[k]
        fraction = (t_ms - knots[k]) / span if span else 1.0
        return self.knot_chars[k] + fraction * (self.knot_chars[k + 1] - self.knot_chars[k])


def line_timing(line: Line, language: str) -> LineTiming:
    """Build the wipe map of ``line``: from its words' times, else from its syllables."""
    words = word_spans(line.text)
    if line.words:
        knot_ms: list[int] = []
        knot_chars: list[float] = []
        for word in line.words:
            knot_ms += [word.start_ms, word.end_ms]
            knot_chars += [float(word.char_start), float(word.char_end)]
        knot_ms = [line.start_ms, *knot_ms, line.end_ms]
        knot_chars = [0.0, *knot_chars, float(len(line.text))]
    else:
        spans = syllable_spans(line.text, language) or [(0, len(line.text))]
        count = len(spans)
        duration = line.end_ms - line.start_ms
        knot_ms = [line.start_ms + duration * i // count for i in range(count)] + [line.end_ms]
        knot_chars = [float(start) for start, _ in spans] + [float(len(line.text))]
        knot_chars[0] = 0.0
    # Malformed word times must not make the map go backwards.
    for i in range(1, len(knot_ms)):
        knot_ms[i] = max(knot_ms[i], knot_ms[i - 1])
        knot_chars[i] = max(knot_chars[i], knot_chars[i - 1])
    timing = LineTiming(tuple(knot_ms), tuple(knot_chars), tuple(words), ())
    reach = [_time_reaching(timing, start) for start, _ in words]
    return LineTiming(timing.knot_ms, timing.knot_chars, timing.words, tuple(reach))


def _time_reaching(timing: LineTiming, chars: float) -> int:
    """First knot time at which the wipe has reached ``chars``."""
    k = bisect.bisect_left(timing.knot_chars, chars)
    return timing.knot_ms[min(k, len(timing.knot_ms) - 1)]


class Timeline:
    """Answers questions about a fixed list of lines and stanzas at lyrics time ``t_ms``."""

    def __init__(
        self,
        lines: Sequence[Line],
        stanzas: Sequence[Stanza] = (),
        language: str = DEFAULT_LANGUAGE,
    ):
        self.lines = tuple(lines)
        self.stanzas = tuple(stanzas)
        self.language = language
        self._starts = [line.start_ms for line in self.lines]
        self._stanza_of_line: list[int | None] = [None] * len(self.lines)
        for index, stanza in enumerate(self.stanzas):
            for line_index in range(stanza.first_line, min(stanza.end_line, len(self.lines))):
                self._stanza_of_line[line_index] = index
        self._stanza_starts = [self.lines[s.first_line].start_ms for s in self.stanzas]
        # A stanza ends when the last of its lines ends (lines may overlap: not always the last).
        self._stanza_ends = [
            max(line.end_ms for line in self.lines[s.first_line : s.end_line]) for s in self.stanzas
        ]
        self._stanza_first_lines = frozenset(s.first_line for s in self.stanzas)
        self._timings: list[LineTiming | None] = [None] * len(self.lines)

    # What is current -------------------------------------------------------------------------

    def line_at(self, t_ms: float) -> int | None:
        """Index of the current line at ``t_ms`` (see the module rules), or None before the first."""
        index = bisect.bisect_right(self._starts, t_ms) - 1
        return index if index >= 0 else None

    def is_sung(self, line_index: int, t_ms: float) -> bool:
        line = self.lines[line_index]
        return line.start_ms <= t_ms < line.end_ms

    def stanza_of_line(self, line_index: int | None) -> int | None:
        return None if line_index is None else self._stanza_of_line[line_index]

    def stanza_at(self, t_ms: float) -> int | None:
        return self.stanza_of_line(self.line_at(t_ms))

    # Stanza geometry (lyrics ms), computed once --------------------------------------------------

    def stanza_start_ms(self, stanza: int) -> int:
        """When the stanza's first line starts."""
        return self._stanza_starts[stanza]

    def stanza_end_ms(self, stanza: int) -> int:
        """When the last of the stanza's lines ends."""
        return self._stanza_ends[stanza]

    def stanza_starts_ms(self) -> tuple[int, ...]:
        """Every stanza's start, in stanza order (e.g. the marks on a seek bar)."""
        return tuple(self._stanza_starts)

    def starts_stanza(self, line_index: int) -> bool:
        """Whether the line is the first of a stanza. O(1)."""
        return line_index in self._stanza_first_lines

    def timing(self, line_index: int) -> LineTiming:
        """The wipe map of a line, built on first use (cheap, but a 10,000-line film needn't pay)."""
        timing = self._timings[line_index]
        if timing is None:
            timing = self._timings[line_index] = line_timing(self.lines[line_index], self.language)
        return timing

    def prepare(self) -> None:
        """Load now what the wipe of a line without word times needs: the hyphenation dictionary
        of the song's language (pyphen's Spanish one takes ~30 ms to load), which would
        otherwise load on the frame where the first such line starts, stalling its wipe for two
        frames. Does nothing when every line has word times; cheap once loaded."""
        if any(not line.words for line in self.lines):
            syllable_spans("", self.language)

    def sung_chars(self, line_index: int, t_ms: float) -> float:
        return self.timing(line_index).sung_chars(t_ms)

    def progress(self, line_index: int, t_ms: float) -> float:
        """0.0 before the line starts, 1.0 once it is sung; the wipe's share of the text between."""
        length = len(self.lines[line_index].text)
        return self.sung_chars(line_index, t_ms) / length if length else 1.0

    def word_at(self, line_index: int, t_ms: float) -> int | None:
        """Index of the word being sung (among the line's whitespace-separated words), or None
        outside the line's times."""
        if not self.is_sung(line_index, t_ms):
            return None
        index = bisect.bisect_right(self.timing(line_index).word_start_ms, t_ms) - 1
        return index if index >= 0 else None

    # Where to seek -----------------------------------------------------------------------------

    def next_line_start(self, t_ms: float) -> int | None:
        """Start of the first line that starts after ``t_ms``; None after the last."""
        index = bisect.bisect_right(self._starts, t_ms)
        return self._starts[index] if index < len(self._starts) else None

    def previous_line_start(self, t_ms: float) -> int | None:
        """Start of the current line if it started over ``RESTART_GRACE_MS`` ago, else of the line
        before it; the first line's start at the beginning; None before any line."""
        return _previous(self._starts, t_ms)

    def next_stanza_start(self, t_ms: float) -> int | None:
        index = bisect.bisect_right(self._stanza_starts, t_ms)
        return self._stanza_starts[index] if index < len(self._stanza_starts) else None

    def previous_stanza_start(self, t_ms: float) -> int | None:
        """Like :meth:`previous_line_start`, by stanzas."""
        return _previous(self._stanza_starts, t_ms)


def _previous(starts: list[int], t_ms: float) -> int | None:
    current = bisect.bisect_right(starts, t_ms) - 1
    if current < 0:
        return None
    first_at_that_time = bisect.bisect_left(starts, starts[current])
    if t_ms - starts[current] > RESTART_GRACE_MS or first_at_that_time == 0:
        return starts[current]
    return starts[first_at_that_time - 1]
