"""The audience's join page: a big QR code of the students' address and the address itself,
short enough to type (J, and the first seconds of a presentation with phones on).

Its words are the explanations' language (:mod:`.audience_text`): the class reads them. The
address is the server's student URL only — never the teacher's, which carries the token.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from karaoke.ui.present.audience_text import audience_text
from karaoke.ui.shared.qr import qr_pixmap

#: The QR code's side as a share of the screen's height: scannable from the back of a room.
QR_HEIGHT_SHARE = 0.62
#: The heading's and the address's type sizes as shares of the screen's height.
HEADING_SHARE, ADDRESS_SHARE = 1 / 16, 1 / 20


class JoinPage(QWidget):
    """The QR code (left) and, beside it, "Follow the song on your phone" and the address."""

    def __init__(self) -> None:
        super().__init__()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading, self.hint, self.address = QLabel(), QLabel(), QLabel()
        for label in (self.heading, self.hint, self.address):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        words = QVBoxLayout()
        words.addStretch(1)
        for label in (self.heading, self.hint, self.address):
            words.addWidget(label)
        words.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(48, 24, 48, 24)
        row.addWidget(self.qr)
        row.addSpacing(48)
        row.addLayout(words, 1)
        self.url = ""
        self._height = 768

    def show_url(self, url: str, language: str) -> None:
        """Show ``url`` (the students' address) and the words in ``language``."""
        self.url = url
        self.heading.setText(audience_text(language, "join"))
        self.hint.setText(audience_text(language, "join_hint"))
        # Without the scheme: what a student types (browsers add http:// themselves).
        self.address.setText(url.removeprefix("http://").rstrip("/"))
        self.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(url)
        self._fit()

    def set_screen_height(self, height: int) -> None:
        """Size the code and the words for a screen ``height`` pixels high."""
        self._height = max(1, height)
        self._fit()

    def _fit(self) -> None:
        height = self._height
        for label, share, bold in (
            (self.heading, HEADING_SHARE, True),
            (self.hint, ADDRESS_SHARE * 0.8, False),
            (self.address, ADDRESS_SHARE, True),
        ):
            font = QFont(label.font())
            font.setPixelSize(max(12, round(height * share)))
            font.setBold(bold)
            label.setFont(font)
        if self.url:
            side = round(height * QR_HEIGHT_SHARE)
            pixmap = qr_pixmap(self.url, 8)
            self.qr.setPixmap(
                pixmap.scaled(
                    side, side, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,  # sharp modules, no blur
                )
            )  # fmt: skip
