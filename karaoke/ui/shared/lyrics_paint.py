"""Drawing helpers of :mod:`karaoke.ui.shared.lyrics_view`: a line's cached rendering, the focus
frame, stanza marks, and the plain-number rectangle tests a repaint uses to skip what its dirty
rectangle does not reach.

The view repaints a strip of a few pixels at every frame (60 a second) while a line is sung;
each call into Qt through the bindings costs more than the Python around it, so what can be
decided from numbers is decided without Qt, and what would look the same is not drawn.
"""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from karaoke.ui.shared.lyrics_layout import Placed

#: A rectangle by its inclusive corners (left, top, right, bottom), as ``QRect.getCoords``.
Corners = tuple[int, int, int, int]


def corners(rect: QRect) -> Corners:
    """``rect``'s inclusive corners, in one call into Qt."""
    return cast(Corners, rect.getCoords())


def meet(a: Corners, b: Corners) -> bool:
    """Whether two non-empty rectangles share a pixel: ``QRect.intersects`` without Qt."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@lru_cache(maxsize=64)
def color(name: str) -> QColor:
    """The colour named ``name`` (a theme's), made once: a repaint at every frame need not parse
    the same few names again. Never modified: painters copy what they are given."""
    return QColor(name)


def render_line(placed: Placed, pen: str, background: str, ratio: float) -> QPixmap:
    """``placed``'s layout drawn in ``pen`` on ``background``, the size of its rectangle at the
    device pixel ratio ``ratio``."""
    rect = placed.rect
    pixmap = QPixmap((rect.size().toSizeF() * ratio).toSize())
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(color(background))
    painter = QPainter(pixmap)
    painter.setPen(color(pen))
    placed.layout.draw(painter, QPointF(-rect.left(), placed.top - rect.top()))
    painter.end()
    return pixmap


def focus_width(height: int) -> int:
    """The focus frame's pen width in pixels for a view ``height`` pixels high: at least 2
    (WCAG 2.4.7/2.4.13)."""
    return max(2, round(height / 200))


def reaches_focus_frame(dirty: Corners, width: int, height: int) -> bool:
    """Whether a repaint of ``dirty`` reaches the band along the edges of a ``width`` x
    ``height`` view where the focus frame lies; a strip of the wipe in the middle does not."""
    pen = focus_width(height)
    band = pen // 2 + pen + 3  # the frame's inset, its pen, and a pixel to spare
    left, top, right, bottom = dirty
    return left < band or top < band or right >= width - band or bottom >= height - band


def paint_focus(painter: QPainter, rect: QRect, accent: str) -> None:
    """A frame in ``accent`` just inside ``rect`` (the view's), clear of the centred text."""
    painter.save()
    pen = QPen(color(accent))
    width = focus_width(rect.height())
    pen.setWidth(width)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = width // 2 + 1
    painter.drawRect(rect.adjusted(half, half, -half - 1, -half - 1))
    painter.restore()


def paint_stanza_mark(
    painter: QPainter, placed: Placed, dirty: Corners, size: tuple[int, int], accent: str
) -> None:
    """A short rule in ``accent`` above ``placed`` (a line that starts a stanza), in a view of
    ``size`` (width, height); nothing when the repaint ``dirty`` is more than a pixel away."""
    width, height = size
    pen_width = max(2.0, height / 250)
    y = placed.top - max(6.0, height / 80)
    if y + pen_width + 1 < dirty[1] or y - pen_width - 1 > dirty[3]:
        return
    painter.save()
    mark = QColor(accent)
    mark.setAlpha(170)
    pen = painter.pen()
    pen.setColor(mark)
    pen.setWidthF(pen_width)
    painter.setPen(pen)
    middle = width / 2
    half = width * 0.08
    painter.drawLine(QPointF(middle - half, y), QPointF(middle + half, y))
    painter.restore()
