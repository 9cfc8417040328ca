"""A study pack as a PDF, with Qt's own PDF output (``QPdfWriter`` painting a ``QTextDocument``).

The document is laid out on the PDF writer itself (so text is measured as it will print) in
pages of the chosen paper; what must not be split (a reference and its QR code, a question and
its options, a heading and what follows it) is moved to the next page when it would be; then
each page is painted with a footer. Fonts are embedded by Qt (TrueType subsets): the body is
Atkinson Hyperlegible, bundled with the app. The PDF is written to a temporary file next to the
target and renamed onto it at the end, so a failure leaves no partial PDF behind.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from karaoke.core.model import pick
from karaoke.ui.handout import texts
from karaoke.ui.handout.composer import BODY_POINTS, GREY, PX_PER_MM, Composer, KeepTogether
from karaoke.ui.handout.exercises import (
    make_pack_blanks,
    pack_questions,
    write_answer_key,
    write_references,
    write_worksheet,
)
from karaoke.ui.handout.sections import ReferenceNumbers, has_science, write_cover, write_part
from karaoke.ui.handout.sources import PackSource
from karaoke.ui.shared.reading_font import register_reading_font

#: The paper sizes a pack can be printed on.
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
#: The languages a pack can be written in (those of the explanations).
LANGUAGES = ("es", "en")
#: Page margins in mm; the bottom one holds the footer.
MARGIN_MM = 18.0
BOTTOM_MARGIN_MM = 22.0
#: A box taller than this share of a page is let split: it could not fit on any page whole.
KEEP_AT_MOST = 0.8


class PackError(Exception):
    """The PDF could not be written (the folder, the disk): one message to show."""


@dataclass(frozen=True, slots=True)
class PackOptions:
    language: str
    paper: str = "a4"
    worksheet: bool = False
    answers: bool = False


def pack_title(source: PackSource, language: str) -> str:
    """The lesson's title, else the song's: the PDF's title and the default file name."""
    if source.is_lesson:
        return pick(source.lesson_title, language) or source.parts[0].song.title
    return source.parts[0].song.title


def build_document(source: PackSource, options: PackOptions) -> tuple[QTextDocument, KeepTogether]:
    """The pack's text, in order: cover, each song's lyrics and science, references, then on
    request the worksheet and the answer key (last, so it can be taken out). A part with
    nothing to say (no science, nothing to ask) is left out rather than printed empty."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    family = register_reading_font()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    composer = Composer(document, options.language)
    blanks = make_pack_blanks(source.parts, options.language)
    questions = pack_questions(source.parts)
    exercises = bool(blanks or questions)
    sections = [texts.LYRICS]
    if science := any(has_science(part) for part in source.parts):
        sections.append(texts.EXPLANATIONS)
    if any(stanza.references for part in source.parts for _i, stanza in part.chosen_stanzas()):
        sections.append(texts.REFERENCES)
    sections += [texts.WORKSHEET] if options.worksheet and exercises else []
    sections += [texts.ANSWER_KEY] if options.answers and exercises else []
    write_cover(composer, source, [composer.say(section) for section in sections])
    numbers = ReferenceNumbers()
    for part in source.parts:
        write_part(composer, part, numbers, source.is_lesson, science=science)
    write_references(composer, numbers.references)
    if texts.WORKSHEET in sections:
        write_worksheet(composer, blanks, questions)
    if texts.ANSWER_KEY in sections:
        write_answer_key(composer, blanks, questions)
    return document, composer.keep


def write_pack(source: PackSource, options: PackOptions, target: Path) -> int:
    """Write the pack of ``source`` to ``target`` (replacing it); returns the number of pages.
    Raises :class:`PackError` when it cannot be written; ``target`` is then left as it was."""
    folder = target.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.close(handle)
    except OSError as error:
        raise PackError(f"{target}: cannot write there ({error.strerror or error})") from None
    try:
        pages = _print(source, options, Path(temporary))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return pages


def _print(source: PackSource, options: PackOptions, path: Path) -> int:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAPERS[options.paper]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    title = pack_title(source, options.language)
    writer.setTitle(title)
    writer.setCreator("karaoke")
    document, keep = build_document(source, options)
    page = QSizeF(writer.width(), writer.height())
    _paginate(document, writer, page)
    _keep_together(document, keep, page.height())
    painter = QPainter()
    if not painter.begin(writer):
        raise PackError(f"{path.parent}: cannot write the PDF there")
    try:
        pages = document.pageCount()
        for number in range(pages):
            if number:
                writer.newPage()
            _paint_page(painter, document, page, number)
            _paint_footer(painter, page, options.language, title, number + 1, pages)
    finally:
        painter.end()
    return pages


def _paginate(document: QTextDocument, writer: QPdfWriter, page: QSizeF) -> None:
    """Lay ``document`` out on ``writer`` in pages of ``page`` (device pixels) with margins."""
    layout = document.documentLayout()
    layout.setPaintDevice(writer)
    document.setPageSize(page)
    frame = document.rootFrame()
    frame_format = frame.frameFormat()
    frame_format.setLeftMargin(MARGIN_MM * PX_PER_MM)
    frame_format.setRightMargin(MARGIN_MM * PX_PER_MM)
    frame_format.setTopMargin(MARGIN_MM * PX_PER_MM)
    frame_format.setBottomMargin(BOTTOM_MARGIN_MM * PX_PER_MM)
    frame.setFrameFormat(frame_format)


def _page_of(y: float, page_height: float) -> int:
    return int(y // page_height)


def _keep_together(document: QTextDocument, keep: KeepTogether, page_height: float) -> None:
    """Start on a new page each box or block that would be split by a page's end, and each
    heading that would be left at the bottom of a page without the first line after it. In
    document order: moving one moves all after it, so each is measured after the moves before."""
    items: list[tuple[int, QTextTable | QTextBlock, bool]] = [
        (table.firstPosition(), table, False) for table in keep.tables
    ]
    items += [(block.position(), block, False) for block in keep.whole]
    items += [(block.position(), block, True) for block in keep.with_next]
    for _position, item, with_next in sorted(items, key=lambda entry: entry[0]):
        if isinstance(item, QTextTable):
            _keep_table(document, item, page_height)
        else:
            _keep_block(document, item, page_height, with_next)


def _relayout(document: QTextDocument) -> None:
    """Lay the whole document out again: Qt's incremental layout after a page break is added
    leaves later blocks unplaced (they would not be painted), so the next measures and the
    painting need a full one."""
    document.markContentsDirty(0, document.characterCount())


def _keep_table(document: QTextDocument, table: QTextTable, page_height: float) -> None:
    rect = document.documentLayout().frameBoundingRect(table)
    split = _page_of(rect.top(), page_height) != _page_of(rect.bottom() - 1, page_height)
    if split and rect.height() < page_height * KEEP_AT_MOST:
        table_format = table.format()
        table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(table_format)
        _relayout(document)


def _lines_bottom(document: QTextDocument, block: QTextBlock, lines: int) -> float | None:
    """Where the first ``lines`` lines of ``block`` end (all of them when more), in document
    coordinates; None when it has none."""
    count = block.layout().lineCount()
    if count == 0:
        return None
    line = block.layout().lineAt(min(lines, count) - 1)
    top = document.documentLayout().blockBoundingRect(block).top()
    return top + line.y() + line.height()


def _next_bottom(document: QTextDocument, after: QTextBlock, page_height: float) -> float | None:
    """Where what must stay with a heading ends: the first line of the block ``after`` it, or
    all of the box it starts (a box is kept whole, so the heading goes with all of it)."""
    if not after.isValid():
        return None
    table = QTextCursor(after).currentTable()
    if table is None:
        return _lines_bottom(document, after, 1)
    rect = document.documentLayout().frameBoundingRect(table)
    return rect.bottom() if rect.height() < page_height * KEEP_AT_MOST else rect.top() + 1


def _keep_block(
    document: QTextDocument, block: QTextBlock, page_height: float, with_next: bool
) -> None:
    top = document.documentLayout().blockBoundingRect(block).top()
    if with_next:
        bottom = _next_bottom(document, block.next(), page_height)
    else:
        bottom = _lines_bottom(document, block, block.layout().lineCount())
    if bottom is None or bottom - top > page_height * KEEP_AT_MOST:
        return
    if _page_of(top, page_height) != _page_of(bottom - 1, page_height):
        cursor = QTextCursor(block)
        block_format = cursor.blockFormat()
        block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(block_format)
        _relayout(document)


def _paint_page(painter: QPainter, document: QTextDocument, page: QSizeF, number: int) -> None:
    painter.save()
    painter.translate(0, -number * page.height())
    document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
    painter.restore()


def _paint_footer(
    painter: QPainter, page: QSizeF, language: str, title: str, number: int, pages: int
) -> None:
    """The pack's title on the left, "Page n of N" on the right, in the bottom margin."""
    scale = painter.device().logicalDpiY() / 96
    margin = MARGIN_MM * PX_PER_MM * scale
    family = register_reading_font()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(8.5)
    painter.setFont(font)
    painter.setPen(GREY)
    top = page.height() - BOTTOM_MARGIN_MM * PX_PER_MM * scale + 6 * PX_PER_MM * scale
    line = QRectF(margin, top, page.width() - 2 * margin, 8 * PX_PER_MM * scale)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
    counted = texts.say(language, texts.PAGE, number, pages)
    painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, counted)
