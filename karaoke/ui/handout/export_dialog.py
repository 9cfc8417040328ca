"""File ▸ Export study pack…: the PDF of the song (or lesson) on screen, as ``karaoke handout``
writes it.

A small dialog asks for the pack's language, paper, worksheet and answer key; a file dialog
for where to save it (by default ``<title>.pdf`` in the Documents folder). While it is written
the cursor waits; then a message says where it is, with "Open" to see it. Anything that goes
wrong is one message, and the window stays as it was.

The pack is of the window's lesson when one is playing (``window.lesson``, the lesson player,
whose ``lesson.path`` names the file), else of its song.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from karaoke.app.translations import INTERFACE_LANGUAGES
from karaoke.core.errors import SongError
from karaoke.core.package import OpenedSong
from karaoke.ui.handout.pdf import LANGUAGES, PackError, PackOptions, pack_title, write_pack
from karaoke.ui.handout.sources import PackSource, open_lesson_source, song_part

translate = QCoreApplication.translate


class PackWindow(Protocol):
    """What the export needs of the player's window."""

    opened: OpenedSong | None


class StudyPackDialog(QDialog):
    """The pack's choices: language, paper, worksheet, answer key."""

    def __init__(self, title: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("StudyPackDialog", "Export study pack"))
        self.language = QComboBox()
        for code in LANGUAGES:  # each named in its own language, as language menus do
            self.language.addItem(INTERFACE_LANGUAGES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.paper = QComboBox()
        self.paper.addItem(translate("StudyPackDialog", "A4"), "a4")
        self.paper.addItem(translate("StudyPackDialog", "US Letter"), "letter")
        us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        self.paper.setCurrentIndex(1 if us else 0)
        self.worksheet = QCheckBox(
            translate("StudyPackDialog", "Worksheet: fill in the blanks and the questions")
        )
        self.answers = QCheckBox(translate("StudyPackDialog", "Answer key, on pages of its own"))
        form = QFormLayout()
        form.addRow(translate("StudyPackDialog", "Pack of:"), _label(title))
        form.addRow(translate("StudyPackDialog", "Language:"), self.language)
        form.addRow(translate("StudyPackDialog", "Paper:"), self.paper)
        form.addRow("", self.worksheet)
        form.addRow("", self.answers)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("StudyPackDialog", "Save PDF…")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("StudyPackDialog", "Cancel")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self) -> PackOptions:
        return PackOptions(
            self.language.currentData(),
            self.paper.currentData(),
            self.worksheet.isChecked(),
            self.answers.isChecked(),
        )


def _label(text: str) -> QWidget:
    from PySide6.QtWidgets import QLabel

    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def window_source(window: PackWindow) -> PackSource | None:
    """The window's lesson (when one plays), else its song; None when nothing is open."""
    playing = getattr(window, "lesson", None)  # a LessonPlayer while a lesson plays
    lesson_path = getattr(getattr(playing, "lesson", None), "path", None)
    if isinstance(lesson_path, Path):
        return open_lesson_source(lesson_path)
    opened = getattr(window, "opened", None)
    if opened is None:
        return None
    return PackSource((song_part(opened.song),))


def default_file(title: str) -> Path:
    """``<title>.pdf`` in the Documents folder (the home folder when there is none); the title
    without the characters file systems refuse."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).split()).strip(" .")
    name = name or "study-pack"
    return Path(folder or Path.home()) / f"{name}.pdf"


def export_study_pack(window: QWidget) -> Path | None:
    """File ▸ Export study pack…: ask, write, tell. Returns the PDF written, or None."""
    try:
        source = window_source(window)  # type: ignore[arg-type]
    except SongError as error:
        _fail(window, str(error))
        return None
    if source is None:
        _fail(
            window,
            translate(
                "StudyPackDialog",
                "Open a song first: the study pack is made from the song on screen.",
            ),
        )
        return None
    language = source.language if source.language in LANGUAGES else LANGUAGES[0]
    title = pack_title(source, language)
    dialog = StudyPackDialog(title, language, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    options = dialog.options()
    chosen, _filter = QFileDialog.getSaveFileName(
        window,
        translate("StudyPackDialog", "Save the study pack"),
        str(default_file(title)),
        translate("StudyPackDialog", "PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    target = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pages = write_pack(source, options, target)
    except (SongError, PackError, OSError) as error:
        QGuiApplication.restoreOverrideCursor()
        _fail(window, str(error))
        return None
    QGuiApplication.restoreOverrideCursor()
    _done(window, target, pages)
    return target


def _fail(parent: QWidget, message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("StudyPackDialog", "Export study pack"),
        translate("StudyPackDialog", "The study pack could not be made."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(message)
    box.exec()


def _done(parent: QWidget, target: Path, pages: int) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("StudyPackDialog", "Export study pack"),
        "",
        parent=parent,
    )
    box.setText(translate("StudyPackDialog", "Study pack saved (%n page(s)).", "", pages))
    box.setInformativeText(str(target))
    open_button = box.addButton(
        translate("StudyPackDialog", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("StudyPackDialog", "Close"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
