"""Small widgets of the main window: the video surface, the title card, the banner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from karaoke.ui.shared.theme import Theme, theme_named


class VideoSurface(QFrame):
    """A black native window that libvlc draws into (see Player.attach_video).

    VLC's window paints over any Qt child, so nothing is ever placed on top of this widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        self.setMinimumSize(160, 90)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("VideoSurface", "Video"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(960, 540)


class TitleCard(QWidget):
    """Shown instead of video for audio-only media and lyrics-only songs: the song's title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.subtitle = ""
        self.note = ""
        self.theme: Theme = theme_named(None)
        self.setMinimumSize(160, 90)

    def sizeHint(self) -> QSize:
        return QSize(960, 540)

    def set_text(self, title: str, subtitle: str = "", note: str = "") -> None:
        self.title, self.subtitle, self.note = title, subtitle, note
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.theme.background).darker(130))
        height = self.height()
        font = QFont(self.font())
        font.setPixelSize(max(14, height // 7))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(self.theme.sung))
        top = self.rect().adjusted(20, 0, -20, -height // 2 + font.pixelSize() // 2)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
            self.title,
        )
        font.setPixelSize(max(11, height // 16))
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor(self.theme.text))
        bottom = self.rect().adjusted(20, height // 2 + font.pixelSize(), -20, -10)
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            "\n".join(t for t in (self.subtitle, self.note) if t),
        )


class MediaScreen(QStackedWidget):
    """Where the video plays — or the song's title card when there is no video to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.video = VideoSurface()
        self.card = TitleCard()
        self.addWidget(self.video)
        self.addWidget(self.card)

    def show_video(self, on: bool) -> None:
        self.setCurrentWidget(self.video if on else self.card)


class Banner(QFrame):
    """A dismissible message across the top of the window (warnings that need no dialog)."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(
            "#banner { background: #fff3bf; border-bottom: 1px solid #e0c060; }"
            "#banner QLabel { color: #3d2f00; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """The close button's texts in the interface's language (the message is the sender's:
        it shows a new one when the language changes, if it wants)."""
        self.close_button.setToolTip(QCoreApplication.translate("Banner", "Dismiss"))
        self.close_button.setAccessibleName(
            QCoreApplication.translate("Banner", "Dismiss this message")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_message(self, text: str) -> None:
        current = self.label.text()
        if self.isVisible() and current and text not in current.split("\n"):
            text = f"{current}\n{text}"
        self.label.setText(text)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.label.clear()
        self.dismissed.emit()


def tight_column(*rows: QWidget | tuple[QWidget, int]) -> QWidget:
    """A widget holding ``rows`` top to bottom, edge to edge (no margins, no spacing); a row
    given as ``(widget, stretch)`` takes a share of the spare height."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for row in rows:
        widget, stretch = row if isinstance(row, tuple) else (row, 0)
        layout.addWidget(widget, stretch)
    return column
