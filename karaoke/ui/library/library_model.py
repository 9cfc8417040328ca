"""The library's songs as a table for a view, and the filter that searches them as one types.

:class:`LibraryModel` has a row per :class:`~karaoke.core.library.LibraryEntry`: title,
language, length (m:ss), stanzas, questions; a folder that failed to open is a row in italics
whose tool tip says why. :class:`LibrarySearch` keeps the rows whose title, subtitle or language
hold every word typed, ignoring case and accents (as :meth:`LibraryIndex.search` does); the
entries' folded texts are made once, when the model is filled, so a keystroke costs one pass
of ``in`` tests over the rows.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from karaoke.core.library import LibraryEntry, fold, haystack
from karaoke.core.timefmt import format_ms

CONTEXT = "LibraryDialog"


#: The columns, in order; their titles are translated when shown.
COLUMNS = (
    QT_TRANSLATE_NOOP("LibraryDialog", "Title"),
    QT_TRANSLATE_NOOP("LibraryDialog", "Language"),
    QT_TRANSLATE_NOOP("LibraryDialog", "Length"),
    QT_TRANSLATE_NOOP("LibraryDialog", "Stanzas"),
    QT_TRANSLATE_NOOP("LibraryDialog", "Questions"),
)
TITLE, LANGUAGE, LENGTH, STANZAS, QUESTIONS = range(len(COLUMNS))
#: What a column sorts by: numbers for the numeric columns, folded text for the others.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LibraryEntry] = []
        self._haystacks: list[str] = []
        self._sort_keys: list[tuple[Any, ...]] = []

    def set_entries(self, entries: Sequence[LibraryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._haystacks = [haystack(entry) for entry in self._entries]
        # Sorting asks for a row's key some n·log n times: made once here.
        self._sort_keys = [_sort_keys(entry) for entry in self._entries]
        self.endResetModel()

    def entry(self, row: int) -> LibraryEntry:
        return self._entries[row]

    def entries(self) -> list[LibraryEntry]:
        return list(self._entries)

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, str(COLUMNS[section]))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(entry, column)
        if role == SORT_ROLE:
            return self._sort_keys[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tool_tip(entry)
        if role == Qt.ItemDataRole.FontRole and not entry.ok:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (LENGTH, STANZAS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        """The column titles and yes/no in the interface's language now."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._entries:
            last = self.index(len(self._entries) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)


def _shown(entry: LibraryEntry, column: int) -> str:
    if not entry.ok:
        return entry.title if column == TITLE else ("—" if column == LANGUAGE else "")
    if column == TITLE:
        return entry.title
    if column == LANGUAGE:
        return entry.language
    if column == LENGTH:
        return format_ms(entry.length_ms, millis=False)
    if column == STANZAS:
        return str(entry.stanzas)
    return (
        QCoreApplication.translate("LibraryDialog", "Yes")
        if entry.has_questions
        else QCoreApplication.translate("LibraryDialog", "No")
    )


def _sort_keys(entry: LibraryEntry) -> tuple[Any, ...]:
    """What each column sorts ``entry`` by. Folders that failed to open sort after the songs
    (before them, sorted downwards)."""
    if not entry.ok:
        return (f"1{fold(entry.title)}", "1", -1, -1, -1)
    return (
        f"0{fold(entry.title)}",
        f"0{entry.language}",
        entry.length_ms,
        entry.stanzas,
        int(entry.has_questions),
    )


def _tool_tip(entry: LibraryEntry) -> str:
    """The row's tool tip: its folder, or why it cannot be opened. Escaped into a paragraph:
    Qt shows a tool tip that looks like HTML as HTML, and a song from another teacher may name
    itself ``<img src=…>``."""
    if entry.ok:
        text = str(entry.path)
    else:
        text = QCoreApplication.translate("LibraryDialog", "Cannot open this song: %1")
        text = text.replace("%1", entry.problem)
    return f"<p>{html.escape(text)}</p>"


class LibrarySearch(QSortFilterProxyModel):
    """The rows holding every word of the search, ignoring case and accents; sorted by
    :data:`SORT_ROLE`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        hay = model.haystack(source_row)
        return all(word in hay for word in self._words)
