"""What the library window and the lesson builder share: the table of songs, and a search box
whose arrow keys move in that table while the typing goes on.

Return in the search box and Return or a double click in the table call the same ``chosen``
(open the song, add it to the lesson).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from karaoke.ui.library.library_model import TITLE, LibrarySearch

#: How many rows fitting a column's width looks at (the header's text counts too).
FIT_ROWS = 50
#: The keys the search box hands to the table (moving through the songs while typing).
MOVE_KEYS = {Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp}


def song_table(
    parent: QWidget, model: LibrarySearch, name: str, chosen: Callable[[], None]
) -> QTableView:
    """A read-only table of ``model``'s rows, one selected at a time, sorted by title; Tab
    leaves it; Return or a double click calls ``chosen``."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
    table.setSortingEnabled(True)
    table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    # The narrow columns are fitted once per fill or language (fit_columns), not kept fitted:
    # ResizeToContents measures every row again at each change of selection.
    header.setResizeContentsPrecision(FIT_ROWS)
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    # Return and a double click both "activate" a row (Qt sends activated for either).
    table.activated.connect(lambda _index: chosen())
    return table


def fit_columns(table: QTableView) -> None:
    """Fit the columns after the title to their header and contents."""
    for column in range(TITLE + 1, table.model().columnCount()):
        table.resizeColumnToContents(column)


class SearchKeys(QObject):
    """Installed on a search box: its ↓/↑/Page keys go to ``table``, its Return to
    ``chosen``."""

    def __init__(self, search: QLineEdit, table: QTableView, chosen: Callable[[], None]) -> None:
        super().__init__(search)
        self.table, self.chosen = table, chosen
        search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in MOVE_KEYS:
                QApplication.sendEvent(self.table, event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.chosen()
                return True
        return super().eventFilter(watched, event)
