"""A stanza's explanation for the audience: title, Markdown text and QR codes of its sources,
sized from the screen so a class can read it. No teacher notes here, ever."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from karaoke.core.model import Song, pick
from karaoke.ui.shared.explanation_panel import ui_text
from karaoke.ui.shared.qr import qr_pixmap
from karaoke.ui.shared.theme import Theme

#: The body text shrinks to fit down to this share of its wanted size, and no further.
MIN_FIT_SHARE = 0.75


class StanzaCard(QWidget):
    """Shows one stanza at a text size given in pixels (:meth:`set_text_pixels`)."""

    def __init__(self, parent: QWidget | None = None, *, with_codes: bool = True) -> None:
        super().__init__(parent)
        self.with_codes = with_codes
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setOpenLinks(False)
        self.body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.codes = QVBoxLayout()  # beside the text, so the text keeps the whole height
        self.codes.addStretch(1)
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.addWidget(self.body, 1)
        row.addLayout(self.codes)
        layout.addLayout(row, 1)
        self.text_pixels = 24
        self.body_pixels = 24
        self.shown: tuple[int, str] | None = None
        self._song: Song | None = None

    def set_theme(self, theme: Theme) -> None:
        palette = self.palette()
        for role, color in (
            (QPalette.ColorRole.Window, theme.background),
            (QPalette.ColorRole.Base, theme.background),
            (QPalette.ColorRole.Text, theme.text),
            (QPalette.ColorRole.WindowText, theme.text),
        ):
            palette.setColor(role, QColor(color))
        self.setPalette(palette)
        self.body.setPalette(palette)
        self.setAutoFillBackground(True)
        self.title.setStyleSheet(f"color: {theme.sung};")

    def set_text_pixels(self, pixels: int) -> None:
        """The wanted text size; the body shrinks below it only if the text would not fit."""
        self.text_pixels = max(12, pixels)
        self._apply_sizes(self.text_pixels)
        if self.shown is not None and self._song is not None:
            self.show_stanza(self._song, *self.shown, force=True)

    def _apply_sizes(self, pixels: int) -> None:
        body = QFont(self.font())
        body.setPixelSize(pixels)
        self.body.setFont(body)
        self.body.document().setDefaultFont(body)
        title = QFont(body)
        title.setPixelSize(round(self.text_pixels * 1.35))
        title.setBold(True)
        self.title.setFont(title)
        margin = round(self.text_pixels * 1.2)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)

    def fit(self) -> None:
        """Shrink the body text, as little as needed, until the whole explanation shows."""
        pixels = self.text_pixels
        self._apply_sizes(pixels)
        document, viewport = self.body.document(), self.body.viewport()
        if not self.isVisible() or viewport.height() < 50:
            return
        smallest = max(12, round(self.text_pixels * MIN_FIT_SHARE))
        fits = True
        while True:
            document.setTextWidth(viewport.width())
            fits = document.size().height() <= viewport.height()
            if fits or pixels <= smallest:
                break
            pixels = max(smallest, int(pixels * 0.93))
            self._apply_sizes(pixels)
        self.body_pixels = pixels
        # Still too long at the smallest readable size: let it scroll rather than shrink further.
        self.body.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()

    def show_stanza(
        self, song: Song, index: int | None, language: str, *, force: bool = False
    ) -> None:
        if index is not None and not 0 <= index < len(song.stanzas):
            index = None
        shown = None if index is None else (index, language)
        # Called every frame while playing: render only when the stanza really changes.
        if not force and self.shown == shown and self._song is song:
            return
        self._song, self.shown = song, shown
        if index is None:
            self.title.setText(song.title)
            self.body.setMarkdown(f"*{song.subtitle}*" if song.subtitle else "")
            self._set_codes([])
            return
        stanza = song.stanzas[index]
        self.title.setText(
            pick(stanza.title, language) or f"{ui_text(language, 'stanza')} {index + 1}"
        )
        self.body.setMarkdown(pick(stanza.explanation, language))
        references = [ref for ref in stanza.references if ref.url] if self.with_codes else []
        self._set_codes([(ref.title, ref.url) for ref in references])
        self.fit()

    def _set_codes(self, references: list[tuple[str, str]]) -> None:
        """A QR code per source, captioned with its title, so a class can scan it."""
        while self.codes.count() > 1:
            item = self.codes.takeAt(1)
            if item is not None and (widget := item.widget()):
                widget.deleteLater()
        scale = max(2, self.text_pixels // 9)
        caption_font = QFont(self.font())
        caption_font.setPixelSize(max(11, round(self.text_pixels * 0.5)))
        for title, url in references[:4]:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            code = QLabel()
            code.setPixmap(qr_pixmap(url, scale))
            code.setToolTip(url)
            code.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption = QLabel(title)
            caption.setFont(caption_font)
            caption.setWordWrap(True)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption.setMaximumWidth(round(code.pixmap().width() * 1.6))
            column.addWidget(code)
            column.addWidget(caption)
            self.codes.addWidget(box)

    def markdown(self) -> str:
        return self.body.toMarkdown()
