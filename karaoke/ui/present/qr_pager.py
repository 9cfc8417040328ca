"""The sources of a teaching pause as large QR codes a class can scan from their seats, one or
two at a time, each with a caption of a few words ("Nature, 2015"); a key pages through them.

Codes are painted from the QR matrix at a whole number of pixels per module, so the squares stay
crisp at any size (a scanner reads sharp edges best) and never smaller than the side asked for
by more than one module.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from karaoke.core.model import Reference
from karaoke.ui.present.slide_text import short_caption
from karaoke.ui.present.text_fit import set_pixel_font
from karaoke.ui.shared.safe_markdown import tooltip_text

#: The caption label's property holding its reference's whole title (the tooltip is escaped).
TITLE_PROPERTY = "referenceTitle"
#: Codes shown at once: two large codes fit beside the text on a 4:3 screen.
PAGE_SIZE = 2
#: White modules around the code (the QR standard's quiet zone is four).
QUIET_MODULES = 4
#: Rows a caption may take; its font shrinks to this share of its size before it is elided.
CAPTION_ROWS = 2
CAPTION_MIN_SHARE = 0.8


@lru_cache(maxsize=64)
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of ``url`` as rows of dark (True) and light modules, quiet zone included."""
    import segno  # imported on first use: it pulls in urllib and email (~40 ms at start-up)

    try:
        code = segno.make(url, error="m")
    except segno.DataOverflowError:  # longer than any QR code holds: no code (check warns)
        return ()
    return tuple(
        tuple(bool(module) for module in row) for row in code.matrix_iter(border=QUIET_MODULES)
    )


class QrCode(QWidget):
    """A square QR code of one URL, as large as the widget (black on white, quiet zone included)."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.setToolTip(tooltip_text(url))  # a song's text: shown as written, never as HTML

    def module_pixels(self) -> int:
        """Pixels per module: the largest whole number that fits the widget's side."""
        return max(1, min(self.width(), self.height()) // (len(qr_modules(self.url)) or 1))

    def code_rect(self) -> QRect:
        """Where the code (with its quiet zone) is painted, centred in the widget."""
        side = self.module_pixels() * len(qr_modules(self.url))
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect, module = self.code_rect(), self.module_pixels()
        painter.fillRect(rect, QColor("white"))
        black = QColor("black")
        for y, row in enumerate(qr_modules(self.url)):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        rect.x() + x * module, rect.y() + y * module, module, module, black
                    )


class QrPager(QWidget):
    """Up to :data:`PAGE_SIZE` codes of a stanza's sources, stacked, each captioned; a hint line
    says which page this is and which key shows the next. Its owner places it and calls
    :meth:`arrange` with the sizes; the codes and captions are then placed inside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.references: tuple[Reference, ...] = ()
        self.page = 0
        self.codes: list[QrCode] = []
        self.captions: list[QLabel] = []
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._hint = ("{key}: {page}/{pages}", "")
        self._sizes = (0, 12)
        self._color = "#ffffff"

    # Content ----------------------------------------------------------------------------------

    def set_references(self, references: tuple[Reference, ...]) -> None:
        """The sources to show, from the first page; those without a URL have no code."""
        self.references = tuple(ref for ref in references if ref.url)
        self.page = 0
        self._rebuild()

    @property
    def page_count(self) -> int:
        return -(-len(self.references) // PAGE_SIZE)

    def shown(self) -> tuple[Reference, ...]:
        """The sources on the current page."""
        return self.references[self.page * PAGE_SIZE : (self.page + 1) * PAGE_SIZE]

    def next_page(self) -> bool:
        """Show the next page (after the last, the first again); False when there is only one."""
        if self.page_count <= 1:
            return False
        self.page = (self.page + 1) % self.page_count
        self._rebuild()
        return True

    def set_text_color(self, color: str) -> None:
        self._color = color
        for label in [*self.captions, self.hint]:
            label.setStyleSheet(f"color: {color};")

    def _rebuild(self) -> None:
        for widget in [*self.codes, *self.captions]:
            widget.hide()  # at once: deleteLater waits for the event loop, and grab() would show it
            widget.deleteLater()
        self.codes, self.captions = [], []
        for reference in self.shown():
            self.codes.append(QrCode(reference.url, self))
            caption = QLabel(short_caption(reference.title), self)
            caption.setTextFormat(Qt.TextFormat.PlainText)  # a song's text, never markup
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            caption.setWordWrap(True)
            caption.setToolTip(tooltip_text(reference.title))
            caption.setProperty(TITLE_PROPERTY, reference.title)  # re-fitted from it (arrange)
            self.captions.append(caption)
        self.set_text_color(self._color)
        template, key = self._hint
        self.hint.setText(template.format(key=key, page=self.page + 1, pages=self.page_count))
        self.hint.setVisible(self.page_count > 1)
        self.arrange(*self._sizes)
        for widget in [*self.codes, *self.captions]:
            widget.show()

    # Sizes ------------------------------------------------------------------------------------

    @staticmethod
    def reserved_height(side: int, caption_pixels: int, paged: bool) -> int:
        """The height :meth:`arrange` needs for a full page of codes ``side`` pixels square."""
        row = _row_height(caption_pixels)
        gap = caption_pixels // 2
        return PAGE_SIZE * (side + CAPTION_ROWS * row + gap) + (row + gap if paged else 0)

    def arrange(self, side: int, caption_pixels: int) -> None:
        """Place the codes ``side`` pixels square and their captions (``caption_pixels`` high,
        shrunk or elided to fit their rows) top to bottom; the hint goes last."""
        self._sizes = (side, caption_pixels)
        if side <= 0:
            return
        row, gap = _row_height(caption_pixels), caption_pixels // 2
        x = (self.width() - side) // 2
        y = 0
        for code, caption in zip(self.codes, self.captions, strict=True):
            code.setGeometry(x, y, side, side)
            y += side
            caption.setGeometry(0, y, self.width(), CAPTION_ROWS * row)
            title = str(caption.property(TITLE_PROPERTY))
            _fit_caption(caption, short_caption(title), caption_pixels)
            y += CAPTION_ROWS * row + gap
        font = QFont(self.font())
        font.setPixelSize(caption_pixels)
        self.hint.setFont(font)
        self.hint.setGeometry(0, y, self.width(), row)

    def set_hint(self, template: str, key: str) -> None:
        """The hint's words: ``template`` with ``{key}`` (the key that pages), ``{page}`` and
        ``{pages}``; shown only when there is more than one page."""
        self._hint = (template, key)
        self.hint.setText(template.format(key=key, page=self.page + 1, pages=self.page_count))

    def urls(self) -> list[str]:
        """The URLs on the current page, top to bottom."""
        return [code.url for code in self.codes]


def _row_height(pixels: int) -> int:
    return round(pixels * 1.3)


def _fit_caption(label: QLabel, text: str, pixels: int) -> None:
    """Show ``text`` in ``label`` in a font that fits its rectangle: shrink down to
    :data:`CAPTION_MIN_SHARE` of ``pixels``, then drop words from the end (with "…")."""
    label.setText(text)
    smallest = round(pixels * CAPTION_MIN_SHARE)
    for size in range(pixels, smallest - 1, -1):
        set_pixel_font(label, size)
        if label.heightForWidth(label.width()) <= label.height():
            return
    words = text.split()
    while len(words) > 1 and label.heightForWidth(label.width()) > label.height():
        words.pop()
        label.setText(" ".join(words).rstrip(",.;:") + "…")
