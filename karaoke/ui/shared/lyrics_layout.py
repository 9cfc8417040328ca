"""Laying a lyrics line out and measuring its karaoke wipe, for :mod:`karaoke.ui.shared.lyrics_view`.

A line is a ``QTextLayout`` centred in a width, wrapped at word boundaries into rows; the wipe is
a number of pixels summed over those rows.

The current line's wipe geometry (:class:`Wipe`) is measured once, when the line is laid out:
the x of every character boundary of every row. Each frame then works on those plain numbers
(how far the wipe is, which strips to repaint, where to clip the sung rendering) without asking
the layout again: a call into Qt through the bindings costs far more than the arithmetic, and
the layout's answers do not change until the line is laid out again.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import cast

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QFont, QTextLayout, QTextLine, QTextOption

#: A rectangle as plain numbers: (x, y, width, height), in the widget's pixels.
Box = tuple[int, int, int, int]
#: The same with fractional pixels, for clipping.
BoxF = tuple[float, float, float, float]


@dataclass(slots=True)
class Placed:
    """A line laid out at a place in the widget."""

    index: int
    layout: QTextLayout
    top: float
    rect: QRect
    kind: str
    #: ``rect``'s corners (left, top, right, bottom; inclusive, as ``QRect.getCoords``), so a
    #: repaint can test it against the dirty rectangle without calling into Qt.
    corners: tuple[int, int, int, int] = field(init=False)

    def __post_init__(self) -> None:
        self.corners = cast(tuple[int, int, int, int], self.rect.getCoords())


def layout_line(text: str, font: QFont, left: float, width: float) -> QTextLayout:
    """Lay ``text`` out centred in ``width``, wrapping at word boundaries, keeping its line breaks."""
    # QTextLayout wraps but does not break at "\n"; U+2028 is its line separator.
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.setPosition(QPointF(left, 0))
    layout.beginLayout()
    y = 0.0
    while True:
        row = layout.createLine()
        if not row.isValid():
            break
        row.setLineWidth(width)
        row.setPosition(QPointF(0, y))
        y += row.height()
    layout.endLayout()
    return layout


def rows(layout: QTextLayout) -> Iterator[QTextLine]:
    """The layout's visual rows, top to bottom."""
    return (layout.lineAt(i) for i in range(layout.lineCount()))


@dataclass(frozen=True, slots=True)
class WipeRow:
    """One visual row of a laid-out line, measured once.

    ``xs[i]`` is ``QTextLine.cursorToX(start + i)`` for every character boundary from ``start``
    to ``end`` (pixels from the layout's left); ``y`` and ``height`` are the row's, in pixels
    from the layout's top.
    """

    start: int
    end: int
    xs: tuple[float, ...]
    y: float
    height: float

    @property
    def width(self) -> float:
        """The row's text width in pixels."""
        return self.xs[-1] - self.xs[0]

    def sung_width(self, sung_chars: float) -> float:
        """Pixels of the row already sung when ``sung_chars`` characters of the line are: between
        two boundaries, the share of the character sung."""
        start, xs = self.start, self.xs
        if sung_chars <= start:
            return 0.0
        left = xs[0]
        if sung_chars >= self.end:
            return xs[-1] - left
        whole = int(sung_chars)
        x0 = xs[whole - start]
        x1 = xs[whole + 1 - start]
        return x0 + (x1 - x0) * (sung_chars - whole) - left


def measure_row(row: QTextLine) -> WipeRow:
    """The row's wipe geometry: one ``cursorToX`` per character boundary."""
    start = row.textStart()
    end = start + row.textLength()
    xs = tuple(_cursor_x(row, cursor) for cursor in range(start, end + 1))
    return WipeRow(start, end, xs, row.y(), row.height())


@dataclass(frozen=True, slots=True)
class Wipe:
    """The wipe geometry of a placed line (the current one), measured when it is laid out."""

    placed: Placed
    #: The layout's left in the widget (its ``position().x()``), in pixels.
    left: float
    rows: tuple[WipeRow, ...]
    #: The placed rectangle as (x, y, width, height).
    box: Box

    def pixels(self, sung_chars: float) -> int:
        """How far the wipe has gone when ``sung_chars`` characters are sung, in whole pixels
        summed over the rows."""
        total = 0.0
        for row in self.rows:
            total += row.sung_width(sung_chars)
        return math.floor(total)

    def strips(self, from_px: int, to_px: int) -> list[Box]:
        """Rectangles (x, y, width, height) covering the wipe between two positions (pixels
        summed over the rows), 3 px wider each side for the glyphs' antialiased edges; the whole
        line when ``from_px`` or ``to_px`` is negative (nothing painted yet)."""
        low, high = sorted((from_px, to_px))
        if low < 0:
            return [self.box]
        strips = []
        offset = 0.0
        top = self.placed.top
        for row in self.rows:
            start = row.xs[0]
            width = row.xs[-1] - start
            a, b = max(low - offset, 0.0), min(high - offset, width)
            if a <= b:
                strips.append(
                    _aligned(self.left + start + a - 3, top + row.y, b - a + 6, row.height)
                )
            offset += width
            if offset > high:
                break
        return strips

    def sung_clips(self, sung_chars: float) -> list[BoxF]:
        """Where the sung rendering shows, one rectangle per row reached, in widget pixels."""
        clips = []
        top = self.placed.top
        for row in self.rows:
            width = row.sung_width(sung_chars)
            if width <= 0:
                break
            clips.append((self.left + row.xs[0], top + row.y, width, row.height))
        return clips


def measure_wipe(placed: Placed) -> Wipe:
    """Measure ``placed``'s rows once (see :class:`Wipe`)."""
    layout = placed.layout
    rect = placed.rect
    box = (rect.x(), rect.y(), rect.width(), rect.height())
    return Wipe(placed, layout.position().x(), tuple(map(measure_row, rows(layout))), box)


def _cursor_x(row: QTextLine, cursor: int) -> float:
    """``row.cursorToX(cursor)``'s x (the bindings return it with the cursor, as a tuple)."""
    x, _cursor = cast(tuple[float, int], row.cursorToX(cursor))
    return x


def _aligned(x: float, y: float, width: float, height: float) -> Box:
    """The smallest whole-pixel rectangle holding the given one, as ``QRectF.toAlignedRect``."""
    left, top = math.floor(x), math.floor(y)
    return left, top, math.ceil(x + width) - left, math.ceil(y + height) - top
