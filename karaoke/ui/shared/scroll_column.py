"""A column of widgets that scrolls as a whole, and that a keyboard user can scroll too.

Tab gives the scroll area the focus (a click does not: the player keeps its keys); while it has
it, a ring in the palette's highlight colour shows it, and the arrows, Page Up/Down, Home and End
scroll the column instead of being the player's shortcuts (as the presenter console's lists do).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

#: The keys a focused column takes for itself: they scroll it.
SCROLL_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)
#: Width of the focus ring, in device-independent pixels (room kept for it around the area).
RING_PX = 2


class ScrollColumn(QWidget):
    """``column`` in a scroll area with no frame and no horizontal scroll bar, its width the
    panel's; the ring around it shows keyboard focus."""

    def __init__(self, column: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        area = self.area = QScrollArea()
        area.setWidget(column)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        area.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(RING_PX, RING_PX, RING_PX, RING_PX)
        layout.addWidget(area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.area and kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()  # the ring on or off
        elif (
            watched is self.area
            and kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in SCROLL_KEYS
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()  # the area's own key (it scrolls), not the player's shortcut
        elif (
            watched is self.area
            and kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End)
        ):
            bar = self.area.verticalScrollBar()  # QScrollArea scrolls by line and page only
            bar.setValue(bar.minimum() if event.key() == Qt.Key.Key_Home else bar.maximum())
            return True
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.area.hasFocus():
            return
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_PX)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_PX / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
