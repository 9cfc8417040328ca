"""F1: the keys of a window as a sheet that fits the screen it opens on.

Made from the command tables (:mod:`karaoke.app.commands`; the commands with keys, in table
order, as :func:`karaoke.app.key_tables.keyed` lists them): each row is the keys, named as Qt
names them in the interface's language, and the command's help line. The sheet is never larger
than :data:`SCREEN_SHARE` of the screen's available area, scrolls when its rows do not fit, and
lays them out in two columns when it is at least :data:`TWO_COLUMNS_MIN_WIDTH_PX` wide.

While it is open the song pauses (the user is reading, not singing along) and plays on after.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Protocol

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from karaoke.app.commands import Command
from karaoke.app.key_tables import keyed
from karaoke.ui.shared.key_text import key_names

#: The largest share of the screen's available width and height the sheet takes.
SCREEN_SHARE = 0.9
#: From this width (px) the rows are laid out in two columns (a 1366 px laptop gets two).
TWO_COLUMNS_MIN_WIDTH_PX = 1000
#: The width wanted for one and for two columns (px), before fitting to the screen.
ONE_COLUMN_WIDTH_PX, TWO_COLUMNS_WIDTH_PX = 720, 1280
#: The gaps (px): between the two columns, between keys and help, between rows, and above a
#: section heading that follows rows. The rows' gap is set, not inherited: a grid left to
#: inherit takes the columns' 32 px, and 24 rows so spaced need ~1200 px at 14-px text.
COLUMN_GAP_PX, KEYS_GAP_PX, ROW_GAP_PX, HEADING_GAP_PX = 32, 16, 4, 8

#: One entry of the sheet: a section heading (str) or a command row.
Entry = str | Command


class Pausable(Protocol):
    """What the sheet pauses while it is open: a :class:`~karaoke.app.session.PlaybackSession`
    (the timing editor passes its controller's ``session``)."""

    @property
    def playing(self) -> bool: ...

    def pause(self) -> None: ...

    def play(self) -> None: ...


def split_entries(entries: list[Entry], columns: int) -> list[list[Entry]]:
    """``entries`` cut into ``columns`` runs of about equal length, in order; a heading never
    ends a run (it moves on with its rows)."""
    if columns <= 1 or len(entries) < 2:
        return [entries]
    cut = (len(entries) + 1) // 2
    while cut > 1 and isinstance(entries[cut - 1], str):
        cut -= 1
    return [entries[:cut], entries[cut:]]


class KeySheet(QDialog):
    """The sheet: ``sections`` are (heading, command table); ``footer_html`` goes under them
    (what the mouse does, say). Call :meth:`fit_to` with the screen area it must fit."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        sections: Sequence[tuple[str, type[Command]]],
        footer_html: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.entries: list[Entry] = []
        for heading, table in sections:
            if heading:
                self.entries.append(heading)
            self.entries += keyed(table)
        self.columns = 0
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.footer = QLabel(footer_html)
        self.footer.setWordWrap(True)
        self.footer.setVisible(bool(footer_html))
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)
        self.lay_out(1)

    def lay_out(self, columns: int) -> None:
        """Lay the rows out in ``columns`` columns (1 or 2), each a grid of keys and help."""
        if columns == self.columns:
            return
        self.columns = columns
        content = QWidget()
        column_row = QHBoxLayout()
        column_row.setSpacing(COLUMN_GAP_PX)
        for entries in split_entries(self.entries, columns):
            grid = QGridLayout()
            grid.setHorizontalSpacing(KEYS_GAP_PX)
            grid.setVerticalSpacing(ROW_GAP_PX)
            grid.setColumnStretch(1, 1)
            for row, entry in enumerate(entries):
                self._add_entry(grid, row, entry)
            # Spare height goes below the last row, not between rows; the shorter column
            # keeps its rows at the top beside the taller one.
            grid.setRowStretch(len(entries), 1)
            column_row.addLayout(grid, 1)
            column_row.setAlignment(grid, Qt.AlignmentFlag.AlignTop)
        self.content_layout = outer = QVBoxLayout(content)
        outer.addLayout(column_row)
        self.footer.setParent(None)
        outer.addWidget(self.footer)
        outer.addStretch(1)
        self.scroll_area.setWidget(content)  # the old content is deleted

    @staticmethod
    def _add_entry(grid: QGridLayout, row: int, entry: Entry) -> None:
        if isinstance(entry, str):
            heading = QLabel(f"<h3>{escape(entry)}</h3>")
            heading.setTextFormat(Qt.TextFormat.RichText)
            heading.setWordWrap(True)
            heading.setContentsMargins(0, HEADING_GAP_PX if row else 0, 0, 0)
            grid.addWidget(heading, row, 0, 1, 2, Qt.AlignmentFlag.AlignTop)
            return
        keys = QLabel(key_names(entry.keys))
        keys.setTextFormat(Qt.TextFormat.PlainText)
        font = keys.font()
        font.setBold(True)
        keys.setFont(font)
        keys.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        help_line = QLabel(entry.help_text)
        help_line.setTextFormat(Qt.TextFormat.PlainText)
        help_line.setWordWrap(True)
        help_line.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A wrapped label is as tall as its text at the width it gets (height for width),
        # never stretched: the rows stay as tall as their text.
        policy = help_line.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)
        help_line.setSizePolicy(policy)
        grid.addWidget(keys, row, 0)
        grid.addWidget(help_line, row, 1)

    def fit_to(self, available: QRect) -> None:
        """Size and centre the sheet within ``available`` (a screen's available geometry): at
        most :data:`SCREEN_SHARE` of it each way, two columns when that leaves room for them."""
        max_width = int(available.width() * SCREEN_SHARE)
        max_height = int(available.height() * SCREEN_SHARE)
        two = max_width >= TWO_COLUMNS_MIN_WIDTH_PX
        self.lay_out(2 if two else 1)
        width = min(max_width, TWO_COLUMNS_WIDTH_PX if two else ONE_COLUMN_WIDTH_PX)
        self.setMaximumSize(max_width, max_height)
        # The rows' height at this width (help lines wrap), plus the dialog's margins and button row.
        outer = self.layout()
        assert outer is not None
        margins = outer.contentsMargins()
        # Measured beside a vertical scroll bar: were the rows measured at the full width, the bar
        # shown during the first layout would narrow them, wrap a line more and keep itself.
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        inner = width - margins.left() - margins.right() - scroll_bar
        rows = self.content_layout
        rows_height = (
            rows.heightForWidth(inner) if rows.hasHeightForWidth() else rows.sizeHint().height()
        )
        chrome = margins.top() + margins.bottom() + outer.spacing()
        chrome += self.buttons.sizeHint().height()
        height = min(max_height, rows_height + chrome)
        self.resize(width, height)
        self.move(
            available.x() + (available.width() - width) // 2,
            available.y() + (available.height() - height) // 2,
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The user made it wider or narrower: the columns follow.
        self.lay_out(2 if self.width() >= TWO_COLUMNS_MIN_WIDTH_PX else 1)


def show_key_sheet(
    parent: QWidget,
    title: str,
    sections: Sequence[tuple[str, type[Command]]],
    footer_html: str = "",
    session: Pausable | None = None,
) -> None:
    """Show the key sheet over ``parent``, fitted to the screen ``parent`` is on, until the user
    closes it (Close, Esc). A playing ``session`` is paused meanwhile and plays on after."""
    sheet = KeySheet(parent, title, sections, footer_html)
    screen = parent.screen() if parent is not None else sheet.screen()
    sheet.fit_to(screen.availableGeometry())
    was_playing = session is not None and session.playing
    if session is not None and was_playing:
        session.pause()
    try:
        sheet.exec()
    finally:
        sheet.deleteLater()
        if session is not None and was_playing:
            session.play()
