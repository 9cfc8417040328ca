"""File ▸ Library (Ctrl+L): find a song of the library and open it, present it or remove it.

A search box over a table (title, language, length, stanzas, questions). Typing filters at
once; ↓/↑ and Page Down/Up in the search box move in the table, Return opens the selected song
(double-click or Return in the table too); Esc closes. "Present" opens the song and starts
presenting it. "Remove" does what :class:`karaoke.app.library.Library` says removing means
(delete a song of the user's songs folder, forget an added folder; a bundled song cannot be
removed), after asking. "Add folder…" adds a folder of songs. The dialog's size is remembered.

The dialog itself only chooses (:attr:`LibraryDialog.choice`); :func:`show_library` opens the
choice in the main window once the dialog has closed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from karaoke.app.library import Library, Removal, RemovalPlan
from karaoke.core.errors import SongError
from karaoke.core.library import LibraryEntry
from karaoke.ui.library.library_model import TITLE, LibraryModel, LibrarySearch
from karaoke.ui.library.song_table import SearchKeys, fit_columns, song_table

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow

CONTEXT = "LibraryDialog"
GEOMETRY_KEY = "library/dialog_geometry"


class LibraryDialog(QDialog):
    """The library's window. ``store``: where its size is remembered (default: the library's
    settings). After it closes, :attr:`choice` is ``(song folder, present?)`` or None."""

    def __init__(
        self, library: Library, parent: QWidget | None = None, store: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDialog")
        self.library = library
        self.store = store if store is not None else library.store
        self.choice: tuple[Path, bool] | None = None
        self.model = LibraryModel(self)
        self.search_model = LibrarySearch(self)
        self.search_model.setSourceModel(self.model)
        self._build()
        self.retranslate()
        self.reload()
        self._restore_size()

    # Building -----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_label = QLabel(self)
        self.search = _named(QLineEdit(self), "librarySearch")
        self.search_label.setBuddy(self.search)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.table = song_table(
            self, self.search_model, "libraryTable", lambda: self.choose(present=False)
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.search_keys = SearchKeys(self.search, self.table, lambda: self.choose(present=False))
        self.count = _named(QLabel(self), "libraryCount")
        self.detail = _named(QLabel(self), "libraryDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # a song's subtitle is not markup
        self.open_button = self._button("openButton", lambda: self.choose(present=False))
        self.present_button = self._button("presentButton", lambda: self.choose(present=True))
        self.remove_button = self._button("removeButton", self.remove_current)
        self.add_button = self._button("addFolderButton", self.add_folder)
        self.close_button = self._button("closeButton", self.reject)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.present_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

    def _button(self, name: str, slot) -> QPushButton:
        button = _named(QPushButton(self), name)
        button.setAutoDefault(False)  # Return belongs to the table and the search box
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("LibraryDialog", "Song library"))
        self.search_label.setText(QCoreApplication.translate("LibraryDialog", "&Search:"))
        self.search.setPlaceholderText(
            QCoreApplication.translate("LibraryDialog", "Title, subtitle or language")
        )
        self.search.setAccessibleName(
            QCoreApplication.translate("LibraryDialog", "Search the library")
        )
        self.search.setAccessibleDescription(
            QCoreApplication.translate(
                "LibraryDialog",
                "Shows the songs whose title, subtitle or language hold every word typed",
            )
        )
        self.table.setAccessibleName(QCoreApplication.translate("LibraryDialog", "Songs"))
        self.table.setAccessibleDescription(
            QCoreApplication.translate("LibraryDialog", "Return or a double click opens the song")
        )
        texts = {
            self.open_button: (
                QCoreApplication.translate("LibraryDialog", "&Open"),
                QCoreApplication.translate(
                    "LibraryDialog", "Open the selected song in this window"
                ),
            ),
            self.present_button: (
                QCoreApplication.translate("LibraryDialog", "&Present"),
                QCoreApplication.translate(
                    "LibraryDialog", "Open the selected song and present it"
                ),
            ),
            self.remove_button: (
                QCoreApplication.translate("LibraryDialog", "&Remove…"),
                QCoreApplication.translate(
                    "LibraryDialog", "Remove the selected song from the library"
                ),
            ),
            self.add_button: (
                QCoreApplication.translate("LibraryDialog", "&Add folder…"),
                QCoreApplication.translate("LibraryDialog", "Add a folder of songs to the library"),
            ),
            self.close_button: (
                QCoreApplication.translate("LibraryDialog", "Close"),
                QCoreApplication.translate("LibraryDialog", "Close the library"),
            ),
        }
        for button, (text, description) in texts.items():
            button.setText(text)
            button.setAccessibleDescription(description)
        self.model.retranslate()
        fit_columns(self.table)
        self._update_count()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # The list -----------------------------------------------------------------------------------

    def reload(self, select: Path | None = None) -> None:
        """Read the library again (the cache makes it quick) and select ``select``, or the
        first row."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            index = self.library.index()
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.model.set_entries(index.entries)
        fit_columns(self.table)
        self._select(select)
        self._update_count()

    def _select(self, path: Path | None = None) -> None:
        rows = range(self.search_model.rowCount())
        row = next((r for r in rows if path and self._entry_at(r).path == path), 0)
        if rows:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.search_model.index(row, TITLE))
        self._update_buttons()

    def _entry_at(self, row: int) -> LibraryEntry:
        return self.model.entry(
            self.search_model.mapToSource(self.search_model.index(row, 0)).row()
        )

    def current_entry(self) -> LibraryEntry | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self._entry_at(index.row())

    def _on_search(self, text: str) -> None:
        self.search_model.set_search(text)
        self._select()
        self._update_count()

    def _update_count(self) -> None:
        # Songs only: a folder that failed to open is a row, not a song.
        songs = sum(entry.ok for entry in self.model.entries())
        shown = sum(self._entry_at(row).ok for row in range(self.search_model.rowCount()))
        # Two forms in code: English and Spanish plurals differ only at one.
        many = (
            QCoreApplication.translate("LibraryDialog", "1 song")
            if songs == 1
            else QCoreApplication.translate("LibraryDialog", "%2 songs")
        )
        text = many if shown == songs else QCoreApplication.translate("LibraryDialog", "%1 of %2")
        self.count.setText(text.replace("%1", str(shown)).replace("%2", str(songs)))

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        playable = entry is not None and entry.ok
        self.open_button.setEnabled(playable)
        self.present_button.setEnabled(playable)
        plan = self.library.removal(entry) if entry is not None else None
        self.remove_button.setEnabled(plan is not None and plan.kind is not Removal.NOT_ALLOWED)
        self.remove_button.setToolTip(
            QCoreApplication.translate(
                "LibraryDialog", "A song that comes with the app cannot be removed"
            )
            if plan is not None and plan.kind is Removal.NOT_ALLOWED
            else ""
        )
        self.detail.setText(_detail(entry))

    # Doing --------------------------------------------------------------------------------------

    def choose(self, *, present: bool) -> None:
        """Close with the selected song as :attr:`choice` (nothing for a folder that failed
        to open)."""
        entry = self.current_entry()
        if entry is None or not entry.ok:
            return
        self.choice = (entry.path, present)
        self.accept()

    def remove_current(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        plan = self.library.removal(entry)
        if plan.kind is Removal.NOT_ALLOWED or not self._confirm(entry, plan):
            return
        try:
            self.library.remove(entry)
        except SongError as error:
            _warn(
                self,
                QCoreApplication.translate("LibraryDialog", "Cannot remove this song"),
                str(error),
            )
        self.reload()

    def _confirm(self, entry: LibraryEntry, plan: RemovalPlan) -> bool:
        if plan.kind is Removal.DELETE:
            text = QCoreApplication.translate(
                "LibraryDialog", "Delete “%1” from your songs folder?"
            ).replace("%1", entry.title)
            detail = QCoreApplication.translate(
                "LibraryDialog", "Its folder is deleted from the disk:\n%1"
            ).replace("%1", str(plan.target))
        else:
            text = QCoreApplication.translate("LibraryDialog", "Forget the folder “%1”?").replace(
                "%1", str(plan.target)
            )
            detail = (
                QCoreApplication.translate(
                    "LibraryDialog", "Its song leaves the library. Nothing is deleted."
                )
                if plan.songs == 1
                else QCoreApplication.translate(
                    "LibraryDialog", "Its %1 songs leave the library. Nothing is deleted."
                )
            ).replace("%1", str(plan.songs))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("LibraryDialog", "Remove from the library"),
            text,
        )
        box.setParent(self, box.windowFlags())
        box.setObjectName("confirmRemoval")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(detail)
        remove = box.addButton(
            QCoreApplication.translate("LibraryDialog", "Remove"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is remove

    def add_folder(self) -> None:
        dialog = QFileDialog(
            self, QCoreApplication.translate("LibraryDialog", "Add a folder of songs")
        )
        dialog.setObjectName("addFolderDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        chosen = dialog.selectedFiles() if dialog.exec() else []
        dialog.deleteLater()
        if not chosen:
            return
        try:
            folder = self.library.add_folder(Path(chosen[0]))
        except SongError as error:
            _warn(
                self,
                QCoreApplication.translate("LibraryDialog", "Cannot add this folder"),
                str(error),
            )
            return
        self.search.clear()
        self.reload()
        first = next((e.path for e in self.model.entries() if e.folder == folder), None)
        self._select(first)

    # Size ---------------------------------------------------------------------------------------

    def _restore_size(self) -> None:
        geometry = self.store.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(760, 480)

    def done(self, result: int) -> None:
        self.store.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _detail(entry: LibraryEntry | None) -> str:
    if entry is None:
        return ""
    if not entry.ok:
        return QCoreApplication.translate("LibraryDialog", "Cannot open this song: %1").replace(
            "%1", entry.problem
        )
    return " — ".join(part for part in (entry.subtitle, str(entry.path)) if part)


def _warn(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok)
    box.setParent(parent, box.windowFlags())
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def show_library(window: MainWindow) -> None:
    """File ▸ Library: the dialog; the song chosen opens in ``window`` (and is presented when
    asked) once the dialog has closed."""
    dialog = LibraryDialog(Library(window.settings.store), window)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    if choice is None:
        return
    folder, present = choice
    if window.open_path(folder) and present:
        window.start_presenting()
