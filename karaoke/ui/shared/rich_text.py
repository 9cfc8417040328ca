"""Rendered text that follows the palette, and a text view as tall as its text.

Qt bakes the link colour into a document when it parses HTML or Markdown (the application
palette's ``Link`` at that moment), so a theme switched later would leave the old colour behind:
:func:`color_links` paints the anchors again with the colour a widget's palette has now.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QColor,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFragment,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from karaoke.ui.shared.safe_markdown import SafeTextBrowser


def anchor_fragments(document: QTextDocument) -> Iterator[QTextFragment]:
    """Every fragment of ``document`` that is (part of) an anchor, in document order. A fragment
    is a run of characters with one format: a link with a bold word in it is three."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().isAnchor():
                yield fragment
            fragments += 1
        block = block.next()


def color_links(document: QTextDocument, color: QColor) -> int:
    """Give every anchor (link) of ``document`` the colour ``color``; returns how many fragments
    it recoloured."""
    # Where they are, first: recolouring while walking may merge the fragments being walked.
    spans = [(fragment.position(), fragment.length()) for fragment in anchor_fragments(document)]
    cursor = QTextCursor(document)
    recolour = QTextCharFormat()
    recolour.setForeground(color)
    for position, length in spans:
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(recolour)
    return len(spans)


class FittedTextBrowser(SafeTextBrowser):
    """A text browser that never scrolls: it is as tall as its document at its width, so it sits
    in a column that scrolls as a whole (one scroll bar, not one per part). Its links take the
    palette's ``Link`` colour, again whenever the palette changes. Its Markdown is a song's, so it
    is safe as :class:`SafeTextBrowser` makes it (no raw HTML, images only from the package)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setUndoRedoEnabled(False)  # read only: recolouring is no edit to undo
        layout = self.document().documentLayout()
        if layout is not None:
            layout.documentSizeChanged.connect(lambda _size: self._fit())

    def setMarkdown(self, markdown: str) -> None:
        super().setMarkdown(markdown)
        self._after_new_text()

    def _after_new_text(self) -> None:
        color_links(self.document(), self.palette().color(QPalette.ColorRole.Link))
        self._fit()

    def _fit(self) -> None:
        """Height = the document's laid-out height (at the viewport's width) plus the frame and
        margins, so nothing is left to scroll and no space is left empty."""
        document_height = math.ceil(self.document().size().height())
        margins = self.contentsMargins()
        height = document_height + margins.top() + margins.bottom()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            color_links(self.document(), self.palette().color(QPalette.ColorRole.Link))
