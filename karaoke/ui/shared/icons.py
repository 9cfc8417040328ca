"""Transport icons drawn as vectors in the theme's text colour, so they read on dark and light
themes alike (the style's stock media icons are dark grey and look disabled on a dark theme)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap

SIZE = 64  # drawn at 64 px; Qt scales down smoothly for the 24-32 px buttons


def _triangle(path: QPainterPath, left: float, right: float, pointing_right: bool) -> None:
    top, bottom, middle = 14.0, 50.0, 32.0
    if pointing_right:
        path.addPolygon([QPointF(left, top), QPointF(right, middle), QPointF(left, bottom)])
    else:
        path.addPolygon([QPointF(right, top), QPointF(left, middle), QPointF(right, bottom)])
    path.closeSubpath()


def _shape(name: str) -> QPainterPath:
    path = QPainterPath()
    if name == "play":
        _triangle(path, 18, 52, True)
    elif name == "pause":
        path.addRoundedRect(QRectF(16, 14, 11, 36), 2, 2)
        path.addRoundedRect(QRectF(37, 14, 11, 36), 2, 2)
    elif name == "next_line":
        _triangle(path, 14, 42, True)
        path.addRect(QRectF(44, 14, 7, 36))
    elif name == "previous_line":
        _triangle(path, 22, 50, False)
        path.addRect(QRectF(13, 14, 7, 36))
    elif name == "next_stanza":
        _triangle(path, 6, 28, True)
        _triangle(path, 28, 50, True)
        path.addRect(QRectF(51, 14, 6, 36))
    elif name == "previous_stanza":
        _triangle(path, 14, 36, False)
        _triangle(path, 36, 58, False)
        path.addRect(QRectF(7, 14, 6, 36))
    elif name == "volume":
        path.addPolygon(
            [
                QPointF(10, 24),
                QPointF(22, 24),
                QPointF(36, 12),
                QPointF(36, 52),
                QPointF(22, 40),
                QPointF(10, 40),
            ]
        )
        path.closeSubpath()
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


@lru_cache(maxsize=64)
def icon(name: str, color: str) -> QIcon:
    """A transport icon: play, pause, previous_line, next_line, previous_stanza, next_stanza, volume.

    The same QIcon each time for the same name and colour: Qt keeps the pixmaps it scales an
    icon to in its pixmap cache under that icon's key, so a new icon at every play/pause filled
    the cache (up to its 10 MB) with copies: ~3 KB of RSS per song loaded or toggled."""
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(_shape(name), QColor(color))
    if name == "volume":
        pen = painter.pen()
        pen.setColor(QColor(color))
        pen.setWidthF(4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(QRectF(30, 20, 16, 24), -60 * 16, 120 * 16)
        painter.drawArc(QRectF(30, 12, 26, 40), -60 * 16, 120 * 16)
    painter.end()
    return QIcon(pixmap)
