"""Writing a study pack into a ``QTextDocument``: headings, paragraphs, safe Markdown, boxes and
pictures, with the marks the page layout needs (page breaks, what must stay together).

Lengths are in the layout's logical pixels, 96 to the inch (:data:`PX_PER_MM`): the document
is laid out on the PDF writer, and Qt scales frame margins, fixed lengths and image sizes from
96 dpi to the writer's resolution.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from karaoke.ui.handout.texts import say

#: Logical pixels (96 dpi) per millimetre.
PX_PER_MM = 96 / 25.4
#: The body text's size in points; headings and notes are sized from it.
BODY_POINTS = 11.0
GREY = QColor("#555555")
BOX_BACKGROUND = QColor("#eeeeee")
#: The scheme of the pictures the pack puts in its document itself (QR codes): every other
#: image a Markdown text names is dropped, so nothing is loaded from a disk or the network.
OWN_IMAGES = "pack"


@dataclass(slots=True)
class KeepTogether:
    """What the page layout must not split: tables (a box, a reference, a question), blocks
    kept ``whole`` on one page (a sentence to fill in), and blocks kept ``with_next``: on the
    page of the next block's first line (a heading, a sung line above its translation)."""

    tables: list[QTextTable] = field(default_factory=list)
    whole: list[QTextBlock] = field(default_factory=list)
    with_next: list[QTextBlock] = field(default_factory=list)


class Composer:
    """Appends to ``document`` in the pack's ``language``; ``keep`` collects what the page
    layout must keep together."""

    def __init__(self, document: QTextDocument, language: str) -> None:
        self.document = document
        self.language = language
        self.cursor = QTextCursor(document)
        self.keep = KeepTogether()
        self._fresh = True  # the cursor's block is empty and unused: fill it, add none
        self._images = 0

    def say(self, source: str, *arguments: object) -> str:
        return say(self.language, source, *arguments)

    # Blocks ------------------------------------------------------------------------------------

    def block(
        self,
        text: str = "",
        *,
        points: float = BODY_POINTS,
        bold: bool = False,
        italic: bool = False,
        color: QColor | None = None,
        page_break: bool = False,
        space_before_mm: float = 0.0,
        space_after_mm: float = 1.5,
        indent_mm: float = 0.0,
        center: bool = False,
    ) -> QTextBlock:
        """A paragraph of ``text`` (one format throughout); returns its block."""
        block_format = QTextBlockFormat()
        block_format.setTopMargin(space_before_mm * PX_PER_MM)
        block_format.setBottomMargin(space_after_mm * PX_PER_MM)
        block_format.setLeftMargin(indent_mm * PX_PER_MM)
        if center:
            block_format.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if page_break:
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        char_format = self.char_format(points=points, bold=bold, italic=italic, color=color)
        self._new_block(block_format, char_format)
        self.cursor.insertText(text, char_format)
        return self.cursor.block()

    def char_format(
        self,
        *,
        points: float = BODY_POINTS,
        bold: bool = False,
        italic: bool = False,
        color: QColor | None = None,
    ) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setFontPointSize(points)
        char_format.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        char_format.setFontItalic(italic)
        char_format.setForeground(QBrush(color or QColor("black")))
        return char_format

    def text(self, text: str, **style: object) -> None:
        """``text`` added to the current block in its own format (``bold``, ``italic``…)."""
        self.cursor.insertText(text, self.char_format(**style))  # type: ignore[arg-type]

    def heading(self, text: str, level: int = 2, *, page_break: bool = False) -> QTextBlock:
        """A heading (1: the pack's title, 2: a section, 3: a stanza), kept with what follows."""
        points = {1: 24.0, 2: 17.0, 3: 13.5}.get(level, 12.0)
        before = {1: 0.0, 2: 4.0, 3: 5.0}.get(level, 3.0)
        block = self.block(
            text, points=points, bold=True, page_break=page_break, space_before_mm=before
        )
        self.keep.with_next.append(block)
        return block

    def markdown(self, markdown: str) -> None:
        """``markdown`` rendered without raw HTML (Qt's ``MarkdownNoHTML``: tags show as text,
        nothing runs or loads); images it names are dropped (see :data:`OWN_IMAGES`)."""
        self._new_block(QTextBlockFormat(), self.char_format())
        start = self.cursor.position()
        self.cursor.insertMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownNoHTML)
        _drop_foreign_images(self.document, start, self.cursor.position())

    def bullets(self, items: Iterable[str]) -> None:
        """A bulleted list of plain texts."""
        for item in items:
            self.block(f"•\u00a0{item}", indent_mm=4.0, space_after_mm=1.0)

    def page_break(self) -> None:
        """Start the next block on a new page."""
        self._new_block(QTextBlockFormat(), self.char_format())
        block_format = self.cursor.blockFormat()
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        self.cursor.setBlockFormat(block_format)
        self._fresh = True

    def _new_block(self, block_format: QTextBlockFormat, char_format: QTextCharFormat) -> None:
        if self._fresh:
            # Keep a page break asked for by page_break() on this block.
            policy = self.cursor.blockFormat().pageBreakPolicy()
            if policy != QTextFormat.PageBreakFlag.PageBreak_Auto:
                block_format.setPageBreakPolicy(policy)
            self.cursor.setBlockFormat(block_format)
            # A cell's first block's char format is the cell's own (its background): kept.
            if self.cursor.currentTable() is None:
                self.cursor.setBlockCharFormat(char_format)
            self._fresh = False
        else:
            self.cursor.insertBlock(block_format, char_format)

    # Boxes and pictures ---------------------------------------------------------------------

    def table(
        self, rows: int, columns: int, widths_mm: Iterable[float] = (), *, shaded: bool = False
    ) -> QTextTable:
        """A borderless table the full width of the page (fixed column widths when given), kept
        on one page; write in it with :meth:`in_cell`, then :meth:`after_table`."""
        table_format = QTextTableFormat()
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
        table_format.setBorder(0)
        table_format.setCellSpacing(0)
        table_format.setCellPadding(2.5 * PX_PER_MM if shaded else 1.0 * PX_PER_MM)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setTopMargin(1.5 * PX_PER_MM)
        table_format.setBottomMargin(1.5 * PX_PER_MM)
        widths = [QTextLength(QTextLength.Type.FixedLength, w * PX_PER_MM) for w in widths_mm]
        if widths:
            widths += [QTextLength(QTextLength.Type.VariableLength, 0)] * (columns - len(widths))
            table_format.setColumnWidthConstraints(widths)
        if self._fresh:
            # A table is inserted before the empty block it stands on, which stays after it.
            self._fresh = False
        table = self.cursor.insertTable(rows, columns, table_format)
        if shaded:  # the cells' background: Qt paints no table background in its layout
            for row in range(rows):
                for column in range(columns):
                    cell = table.cellAt(row, column)
                    cell_format = cell.format().toTableCellFormat()
                    cell_format.setBackground(QBrush(BOX_BACKGROUND))
                    cell.setFormat(cell_format)
        self.keep.tables.append(table)
        return table

    def in_cell(self, table: QTextTable, row: int, column: int) -> None:
        """Write into a cell next: its first (empty) block is used by the next block added."""
        self.cursor = table.cellAt(row, column).firstCursorPosition()
        self._fresh = True

    def after_table(self) -> None:
        """Write after the last table again: in the empty block that follows it."""
        self.cursor = QTextCursor(self.document)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self._fresh = True

    def image(self, image: QImage, width_mm: float) -> None:
        """``image`` in the current block, ``width_mm`` wide (its height to scale)."""
        self._images += 1
        name = f"{OWN_IMAGES}:{self._images}"
        self.document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        image_format = QTextImageFormat()
        image_format.setName(name)
        image_format.setWidth(width_mm * PX_PER_MM)
        image_format.setHeight(width_mm * PX_PER_MM * image.height() / max(1, image.width()))
        if self._fresh:
            self._new_block(QTextBlockFormat(), self.char_format())
        self.cursor.insertImage(image_format)


def _drop_foreign_images(document: QTextDocument, start: int, end: int) -> None:
    """Remove every image between ``start`` and ``end`` that is not one of the pack's own."""
    cursor = QTextCursor(document)
    position = end - 1
    while position >= start:
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        char_format = cursor.charFormat()
        if char_format.isImageFormat():
            name = char_format.toImageFormat().name()
            if not name.startswith(f"{OWN_IMAGES}:"):
                cursor.removeSelectedText()
        position -= 1
