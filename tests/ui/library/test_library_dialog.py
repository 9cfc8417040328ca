"""File ▸ Library with real widgets: search as you type, keys, open, present, remove, add."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from karaoke.app.library import Library
from karaoke.resources import bundled_song
from karaoke.ui.library import library_dialog
from karaoke.ui.library.library_dialog import LibraryDialog
from tests.core.test_library import make_song


def make_dialog(qtbot, library: Library) -> LibraryDialog:
    dialog = LibraryDialog(library)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def dialog(qtbot, library: Library) -> LibraryDialog:
    return make_dialog(qtbot, library)


def rows(dialog: LibraryDialog) -> list[list[str]]:
    model = dialog.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def when_modal(kind: type, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the modal window of ``kind`` once it shows."""

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not isinstance(widget, kind):
            QTimer.singleShot(10, look)
            return
        act(widget)

    QTimer.singleShot(0, look)


def click(box: QWidget, text: str) -> None:
    """Click the message box's button that says ``text``."""
    assert isinstance(box, QMessageBox)
    next(button for button in box.buttons() if button.text() == text).click()


def test_the_table_lists_each_song_with_its_figures(dialog) -> None:
    assert rows(dialog) == [
        ["El átomo", "es", "0:12", "2", "Yes"],
        ["La célula", "en", "0:08", "2", "No"],
        ["Mi Modelito Sabanero", "es", rows(dialog)[2][2], "10", "Yes"],
    ]
    assert dialog.count.text() == "3 songs"
    assert dialog.current_entry().title == "El átomo"  # the first is selected
    assert "songs/atomo" in dialog.detail.text()


def test_typing_filters_at_once_ignoring_case_and_accents(qtbot, dialog) -> None:
    qtbot.keyClicks(dialog.search, "CELULA")
    assert [row[0] for row in rows(dialog)] == ["La célula"]
    assert dialog.count.text() == "1 of 3"
    assert dialog.current_entry().title == "La célula"
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "nada de nada")
    assert rows(dialog) == [] and not dialog.open_button.isEnabled()


def test_clicking_a_header_sorts_by_it(qtbot, dialog) -> None:
    dialog.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # the length
    assert [row[0] for row in rows(dialog)] == ["Mi Modelito Sabanero", "El átomo", "La célula"]


def test_arrows_in_the_search_box_move_and_return_opens(qtbot, dialog) -> None:
    dialog.search.setFocus()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.current_entry().title == "La célula"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.result() == LibraryDialog.DialogCode.Accepted
    assert dialog.choice == (dialog.library.songs_folder / "celula", False)


def test_return_in_the_table_opens_the_song(qtbot, dialog) -> None:
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.choice == (dialog.library.songs_folder / "celula", False)


def test_present_chooses_the_song_to_present(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.present_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == (dialog.library.songs_folder / "atomo", True)


def test_a_bundled_song_cannot_be_removed(qtbot, dialog) -> None:
    qtbot.keyClicks(dialog.search, "modelito")
    assert not dialog.remove_button.isEnabled()
    assert "cannot be removed" in dialog.remove_button.toolTip()


def test_remove_deletes_a_users_song_after_asking(qtbot, dialog) -> None:
    asked: list[str] = []

    def answer(box: QWidget, button: str) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(f"{box.text()} {box.informativeText()}")
        click(box, button)

    when_modal(QMessageBox, lambda box: answer(box, "Cancel"))
    dialog.remove_current()
    assert (dialog.library.songs_folder / "atomo").is_dir()
    when_modal(QMessageBox, lambda box: answer(box, "Remove"))
    dialog.remove_current()
    assert not (dialog.library.songs_folder / "atomo").exists()
    assert [row[0] for row in rows(dialog)] == ["La célula", "Mi Modelito Sabanero"]
    assert asked[0].startswith("Delete “El átomo” from your songs folder?")
    assert "songs/atomo" in asked[0]


def test_add_folder_adds_its_songs_and_remove_forgets_it(qtbot, dialog, tmp_path) -> None:
    make_song(tmp_path / "clase" / "luz", "La luz")

    def pick(file_dialog: QWidget) -> None:
        assert isinstance(file_dialog, QFileDialog)
        file_dialog.setDirectory(str(tmp_path / "clase"))
        file_dialog.accept()

    when_modal(QFileDialog, pick)
    dialog.add_folder()
    assert dialog.library.added_folders() == [tmp_path / "clase"]
    assert dialog.current_entry().title == "La luz"  # what was added is selected
    when_modal(QMessageBox, lambda box: click(box, "Remove"))
    dialog.remove_current()
    assert dialog.library.added_folders() == []
    assert "La luz" not in [row[0] for row in rows(dialog)]
    assert (tmp_path / "clase" / "luz" / "song.toml").is_file()


def test_a_song_that_cannot_open_is_listed_and_says_why(qtbot, library) -> None:
    broken = library.songs_folder / "rota"
    broken.mkdir()
    (broken / "song.toml").write_text('title = "Rota"\nlyrics = "nada.srt"\n', encoding="utf-8")
    dialog = make_dialog(qtbot, library)
    assert rows(dialog)[-1] == ["rota", "—", "", "", ""]
    assert dialog.count.text() == "3 songs"  # the folder that failed is no song
    qtbot.keyClicks(dialog.search, "rota")
    assert not dialog.open_button.isEnabled() and dialog.remove_button.isEnabled()
    assert "lyrics file not found" in dialog.detail.text()
    dialog.choose(present=False)
    assert dialog.choice is None and dialog.isVisible()


def test_the_size_is_remembered(qtbot, library) -> None:
    dialog = make_dialog(qtbot, library)
    dialog.resize(900, 620)
    dialog.reject()
    again = make_dialog(qtbot, library)
    assert (again.width(), again.height()) == (900, 620)


def test_file_library_opens_the_chosen_song_in_the_window(qtbot, window, library) -> None:
    window.settings.store.setValue("library/added_folders", [str(library.songs_folder)])

    def open_cell(dialog: QWidget) -> None:
        assert isinstance(dialog, LibraryDialog)
        qtbot.keyClicks(dialog.search, "celula")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    when_modal(LibraryDialog, open_cell)
    library_dialog.show_library(window)
    assert window.opened.song.title == "La célula"


def test_present_opens_the_song_and_presents_it(qtbot, window, library) -> None:
    def present(dialog: QWidget) -> None:
        assert isinstance(dialog, LibraryDialog)
        qtbot.keyClicks(dialog.search, "sabanero")
        dialog.present_button.click()

    when_modal(LibraryDialog, present)
    library_dialog.show_library(window)
    try:
        assert window.presentation is not None
        assert window.opened.song.manifest_path == bundled_song() / "song.toml"
    finally:
        window.presentation.stop()


def test_a_song_naming_itself_in_html_shows_as_text(qtbot, library) -> None:
    """A song from another teacher is untrusted: its texts are never read as markup."""
    make_song(
        library.songs_folder / "html", "<b>Negrita</b>", subtitle="<img src='http://x/y.png'>"
    )
    dialog = make_dialog(qtbot, library)
    qtbot.keyClicks(dialog.search, "negrita")
    entry = dialog.current_entry()
    assert entry is not None and entry.title == "<b>Negrita</b>"
    assert dialog.detail.textFormat() == Qt.TextFormat.PlainText
    assert dialog.detail.text().startswith("<img src='http://x/y.png'> — ")
    tip = dialog.table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"<p>{library.songs_folder / 'html'}</p>"
    assert rows(dialog)[0][0] == "<b>Negrita</b>"  # a table cell is plain text
