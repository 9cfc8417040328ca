"""Opening a one-file song package (``NAME.karaoke``): the player offers to import it.

``karaoke NAME.karaoke`` (through :func:`karaoke.cli.packing.imported_song`), a double-click
on one (``install-desktop`` registers the type) and File ▸ Open all come here. The question names the song ("Import «Title» into your library?",
Import / Cancel) in the interface's language; on Import the package is unpacked into the
library's songs folder by the same core code as ``karaoke import``
(:func:`karaoke.core.archive_read.import_package`) and the song opens. An archive the import
refuses (unsafe, damaged, not a song) gives one message box and nothing is written; the window
keeps what it was showing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from karaoke.core.archive import SUFFIX
from karaoke.core.archive_read import import_package, package_title
from karaoke.core.errors import SongError
from karaoke.ui.shared.friendly_errors import show_error_box

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow


def is_package_file(path: Path) -> bool:
    """Whether ``path`` names a one-file song package (by its ending, as the desktop does)."""
    return path.suffix.lower() == SUFFIX


class ImportQuestion(QMessageBox):
    """ "Import «Title» into your library?" with Import (the default) and Cancel."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("packageImportQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(QCoreApplication.translate("PackageImport", "Import a song"))
        self.setTextFormat(Qt.TextFormat.PlainText)  # the title comes from someone else's file
        self.setText(
            QCoreApplication.translate("PackageImport", "Import «%1» into your library?").replace(
                "%1", title
            )
        )
        self.setInformativeText(
            QCoreApplication.translate(
                "PackageImport",
                "A copy goes into your songs folder; the file itself stays where it is.",
            )
        )
        self.import_button = self.addButton(
            QCoreApplication.translate("PackageImport", "Import"), QMessageBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.addButton(
            QCoreApplication.translate("PackageImport", "Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.import_button)
        self.setEscapeButton(self.cancel_button)

    def accepted_import(self) -> bool:
        clicked: QAbstractButton | None = self.clickedButton()
        return clicked is self.import_button


def show_refusal(parent: QWidget | None, error: SongError) -> None:
    """One warning box: the plain headline, the archive and entry (the core's message) below."""
    title = QCoreApplication.translate("PackageImport", "Cannot import this song package")
    show_error_box(parent, title, error, name="packageImportRefused")


def offer_import(parent: QWidget | None, archive: Path, library: Path | None = None) -> Path:
    """Ask, then import ``archive`` into ``library`` (default: the library's songs folder).
    Returns the song's new folder. Raises :class:`SongError` after showing it (refused) and
    :class:`ImportCancelled` when the person says Cancel; nothing is written in either case."""
    try:
        title = package_title(archive)
    except SongError as error:
        show_refusal(parent, error)
        raise
    question = ImportQuestion(parent, title)
    question.exec()
    if not question.accepted_import():
        raise ImportCancelled(archive)
    if library is None:
        from karaoke.app.library_places import user_songs_folder

        library = user_songs_folder()
    try:
        return import_package(archive, library).folder
    except SongError as error:
        show_refusal(parent, error)
        raise


class ImportCancelled(Exception):
    """The person chose Cancel: nothing was imported."""


def open_package(window: MainWindow, archive: Path) -> bool:
    """File ▸ Open (or a drop) of a ``.karaoke``: offer the import, then open the song there.
    False, with the window as it was, when refused or cancelled."""
    try:
        folder = offer_import(window, archive)
    except (SongError, ImportCancelled):
        return False
    return window.open_path(folder)
