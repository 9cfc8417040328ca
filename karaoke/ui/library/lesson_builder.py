"""File ▸ New lesson: build a lesson from the library's songs and save it as a ``lesson.toml``.

On the left, the library's songs with the library's search (Return, a double click or "Add to
lesson" adds the selected song); on the right, the lesson: title, audience, objectives (one a
line), and its running order, whose items move up and down, go, and each say which stanzas
they play, whether they pause to teach and the teacher's notes. "Save as…" writes the file with
:func:`karaoke.core.lesson.lesson_toml` (in the data folder's ``lessons`` by default; song
paths relative to the file when inside its folder), then offers to present the lesson or open
it in the window. Texts are kept language-neutral (``title = "…"``): the teacher writes them in
the language of the class.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from karaoke.app.library import Library
from karaoke.app.library_places import data_folder
from karaoke.core.atomic import write_atomic
from karaoke.core.errors import SongError
from karaoke.core.lesson import Lesson, lesson_toml
from karaoke.core.library import LibraryEntry
from karaoke.ui.library.lesson_items import ItemEditor, RunningOrder
from karaoke.ui.library.library_model import LibraryModel, LibrarySearch
from karaoke.ui.library.song_table import SearchKeys, fit_columns, song_table

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow

GEOMETRY_KEY = "library/lesson_builder_geometry"
#: The folder under the app's data folder that "Save as…" starts in.
LESSONS_FOLDER = "lessons"


#: Each control's accessible name and description, by attribute.
_DESCRIBED = {
    "search": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Search the library"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Shows the songs holding every word typed"),
    ),
    "table": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Songs"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Return or a double click adds the song to the lesson"),
    ),
    "title": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Title"),
        QT_TRANSLATE_NOOP("LessonBuilder", "The lesson's title"),
    ),
    "audience": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Audience"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Who the lesson is for"),
    ),
    "objectives": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Objectives"),
        QT_TRANSLATE_NOOP("LessonBuilder", "What the class will learn, one a line"),
    ),
    "order": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Running order"),
        QT_TRANSLATE_NOOP("LessonBuilder", "The songs of the lesson, in the order played"),
    ),
}
#: Each button's text and accessible description, by attribute.
_BUTTONS = {
    "add_button": (
        QT_TRANSLATE_NOOP("LessonBuilder", "&Add to lesson"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Add the selected song to the lesson"),
    ),
    "up_button": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Mo&ve up"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Play the selected item earlier"),
    ),
    "down_button": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Move do&wn"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Play the selected item later"),
    ),
    "remove_button": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Re&move"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Take the selected item out of the lesson"),
    ),
    "save_button": (
        QT_TRANSLATE_NOOP("LessonBuilder", "&Save as…"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Save the lesson as a file"),
    ),
    "close_button": (
        QT_TRANSLATE_NOOP("LessonBuilder", "Close"),
        QT_TRANSLATE_NOOP("LessonBuilder", "Close without saving"),
    ),
}


def _tr(source: object) -> str:
    """A source of the tables above, marked with ``QT_TRANSLATE_NOOP``, translated."""
    return QCoreApplication.translate("LessonBuilder", str(source))


def lessons_folder() -> Path:
    return data_folder() / LESSONS_FOLDER


def file_name(title: str) -> str:
    """A file name for a lesson titled ``title``: "Luz y color" → "luz-y-color.toml"."""
    words = re.findall(r"\w+", title.casefold())
    return "-".join(words)[:60].strip("-") + ".toml" if words else "lesson.toml"


class LessonBuilder(QDialog):
    """After it closes: :attr:`saved` is the file written (or None) and :attr:`then` what the
    teacher chose to do with it: "present", "open" or None."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonBuilder")
        self.library = library
        self.saved: Path | None = None
        self.then: str | None = None
        self.model = LibraryModel(self)
        self.search_model = LibrarySearch(self)
        self.search_model.setSourceModel(self.model)
        self.model.set_entries(library.index().songs)
        self._build()
        self.retranslate()
        self._update()
        geometry = library.store.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(980, 600)

    def _build(self) -> None:
        self.songs_box = QGroupBox(self)
        self.search = QLineEdit(self.songs_box)
        self.search.setObjectName("lessonSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.search_model.set_search)
        self.table = song_table(self.songs_box, self.search_model, "lessonSongs", self.add_current)
        self.search_keys = SearchKeys(self.search, self.table, self.add_current)
        self.add_button = self._button("addToLesson", self.add_current)
        songs = QVBoxLayout(self.songs_box)
        songs.addWidget(self.search)
        songs.addWidget(self.table, 1)
        songs.addWidget(self.add_button)

        self.lesson_box = QGroupBox(self)
        self.title = QLineEdit(self.lesson_box)
        self.audience = QLineEdit(self.lesson_box)
        self.objectives = QPlainTextEdit(self.lesson_box)
        self.objectives.setTabChangesFocus(True)
        self.objectives.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.order = RunningOrder(self.lesson_box)
        self.editor = ItemEditor(self.lesson_box)
        self.up_button = self._button("moveUp", lambda: self.order.move_current(-1))
        self.down_button = self._button("moveDown", lambda: self.order.move_current(1))
        self.remove_button = self._button("removeItem", self.order.remove_current)
        self.title.textChanged.connect(self._update)
        self.order.currentRowChanged.connect(self._on_item)
        self.editor.changed.connect(lambda: self.order.refresh())
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]  # title, audience, objectives, order
        fields = (self.title, self.audience, self.objectives, self.order)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(button)
        moves.addStretch(1)
        self.form.addRow("", moves)
        self.form.addRow("", self.editor)
        self.lesson_box.setLayout(self.form)

        self.save_button = self._button("saveLesson", self.save_as)
        self.close_button = self._button("closeBuilder", self.reject)
        columns = QHBoxLayout()
        columns.addWidget(self.songs_box, 1)
        columns.addWidget(self.lesson_box, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Return adds a song, in the search box and the table
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("LessonBuilder", "New lesson"))
        self.songs_box.setTitle(QCoreApplication.translate("LessonBuilder", "Songs in the library"))
        self.lesson_box.setTitle(QCoreApplication.translate("LessonBuilder", "The lesson"))
        self.search.setPlaceholderText(
            QCoreApplication.translate("LessonBuilder", "Search by title, subtitle or language")
        )
        labels = (
            QCoreApplication.translate("LessonBuilder", "&Title:"),
            QCoreApplication.translate("LessonBuilder", "A&udience:"),
            QCoreApplication.translate("LessonBuilder", "&Objectives:"),
            QCoreApplication.translate("LessonBuilder", "&Running order:"),
        )
        for label, label_text in zip(self.labels, labels, strict=True):
            label.setText(label_text)
        self.audience.setPlaceholderText(
            QCoreApplication.translate("LessonBuilder", "e.g. 4th year of secondary school")
        )
        self.objectives.setPlaceholderText(
            QCoreApplication.translate("LessonBuilder", "One objective a line")
        )
        for attribute, (name, description) in _DESCRIBED.items():
            widget = getattr(self, attribute)
            widget.setAccessibleName(_tr(name))
            widget.setAccessibleDescription(_tr(description))
        for attribute, (text, description) in _BUTTONS.items():
            button = getattr(self, attribute)
            button.setText(_tr(text))
            button.setAccessibleDescription(_tr(description))
        self.editor.retranslate()
        self.model.retranslate()
        fit_columns(self.table)
        self.order.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Building -----------------------------------------------------------------------------------

    def selected_song(self) -> LibraryEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(self.search_model.mapToSource(index).row())

    def add_current(self) -> None:
        """Add the selected song (the first one shown when none is) to the lesson's end."""
        if not self.table.currentIndex().isValid() and self.search_model.rowCount():
            self.table.selectRow(0)
        if (entry := self.selected_song()) is not None:
            self.order.add(entry)
            self._update()

    def _on_item(self, _row: int) -> None:
        self.editor.show_draft(self.order.current())
        self._update()

    def _update(self) -> None:
        count, row = len(self.order.drafts), self.order.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(0 <= row < count)
        self.save_button.setEnabled(bool(self.title.text().strip()) and count > 0)

    def lesson(self) -> Lesson:
        """The lesson as built so far."""
        objectives = [line.strip() for line in self.objectives.toPlainText().splitlines()]
        audience = self.audience.text().strip()
        return Lesson(
            title={"": self.title.text().strip()},
            items=tuple(draft.item() for draft in self.order.drafts),
            audience={"": audience} if audience else {},
            objectives=tuple({"": line} for line in objectives if line),
        )

    # Saving -------------------------------------------------------------------------------------

    def save_as(self) -> None:
        path = self._choose_file()
        if path is None:
            return
        try:
            write_atomic(path, lesson_toml(self.lesson(), path.parent).encode("utf-8"))
        except SongError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("LessonBuilder", "Cannot save the lesson"),
                str(error),
            )
            box.setParent(self, box.windowFlags())
            box.exec()
            return
        self.saved = path
        self.then = self._ask_what_next(path)
        self.accept()

    def _choose_file(self) -> Path | None:
        folder = lessons_folder()
        folder.mkdir(parents=True, exist_ok=True)
        dialog = QFileDialog(self, QCoreApplication.translate("LessonBuilder", "Save the lesson"))
        dialog.setObjectName("saveLessonDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([QCoreApplication.translate("LessonBuilder", "Lessons (*.toml)")])
        dialog.setDefaultSuffix("toml")
        dialog.setDirectory(str(folder))
        dialog.selectFile(file_name(self.title.text()))
        chosen = dialog.selectedFiles() if dialog.exec() else []
        dialog.deleteLater()
        return Path(chosen[0]) if chosen else None

    def _ask_what_next(self, path: Path) -> str | None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("LessonBuilder", "Lesson saved"),
            str(path),
        )
        box.setParent(self, box.windowFlags())
        box.setObjectName("lessonSaved")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name, not markup
        box.setInformativeText(
            QCoreApplication.translate("LessonBuilder", "Present it to the class now?")
        )
        present = box.addButton(
            QCoreApplication.translate("LessonBuilder", "Present"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        open_it = box.addButton(
            QCoreApplication.translate("LessonBuilder", "Open"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(
            QCoreApplication.translate("LessonBuilder", "Later"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(present)
        box.exec()
        clicked = box.clickedButton()
        return "present" if clicked is present else "open" if clicked is open_it else None

    def done(self, result: int) -> None:
        self.library.store.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)


def new_lesson(window: MainWindow) -> None:
    """File ▸ New lesson: the builder; a saved lesson is then presented or opened in
    ``window`` when the teacher asked, once the builder has closed."""
    builder = LessonBuilder(Library(window.settings.store), window)
    builder.exec()
    saved, then = builder.saved, builder.then
    builder.deleteLater()
    if saved is not None and then is not None and window.open_path(saved) and then == "present":
        window.start_presenting()
