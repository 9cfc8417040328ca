"""Laying a lyrics line out and measuring its karaoke wipe, for :mod:`karaoke.ui.shared.lyrics_view`.

A line is a ``QTextLayout`` centred in a width, wrapped at word boundaries into rows; the wipe is
a number of pixels summed over those rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption


@dataclass(slots=True)
class Placed:
    """A line laid out at a place in the widget."""

    index: int
    layout: QTextLayout
    top: float
    rect: QRect
    kind: str


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


def rows(layout: QTextLayout):
    return (layout.lineAt(i) for i in range(layout.lineCount()))


def wipe_strips(placed: Placed, from_px: int, to_px: int) -> list[QRect]:
    """Rectangles covering the wipe between two positions (pixels summed over the rows)."""
    low, high = sorted((from_px, to_px))
    if low < 0:
        return [placed.rect]
    strips = []
    offset = 0.0
    left = placed.layout.position().x()
    for row in rows(placed.layout):
        start = row.cursorToX(row.textStart())[0]
        width = row.cursorToX(row.textStart() + row.textLength())[0] - start
        a, b = max(low - offset, 0.0), min(high - offset, width)
        if a <= b:
            x = left + start + a
            strips.append(
                QRectF(x - 3, placed.top + row.y(), b - a + 6, row.height()).toAlignedRect()
            )
        offset += width
        if offset > high:
            break
    return strips


def row_sung_width(row, sung_chars: float) -> float:
    """Pixels of ``row`` already sung when ``sung_chars`` characters of the line are."""
    start = row.textStart()
    end = start + row.textLength()
    if sung_chars <= start:
        return 0.0
    left = row.cursorToX(start)[0]
    if sung_chars >= end:
        return row.cursorToX(end)[0] - left
    whole = int(sung_chars)
    x0 = row.cursorToX(whole)[0]
    x1 = row.cursorToX(whole + 1)[0]
    return x0 + (x1 - x0) * (sung_chars - whole) - left
