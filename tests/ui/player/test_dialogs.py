"""The player window's dialogs: open dialogs in the songs folders, errors said plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTreeView

from karaoke.app.commands import PlayerCommand as P
from karaoke.resources import lyrics_dir
from karaoke.ui.player import dialogs
from tests.ui.interface_texts import in_language, shown_texts, untranslated


def while_open(kind, look) -> list:
    """Run ``look(dialog)`` on the modal ``kind`` dialog once it shows, then close it."""
    seen: list = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):  # not shown yet
            QTimer.singleShot(10, inspect)
            return
        seen.append(look(dialog))
        dialog.reject()

    QTimer.singleShot(0, inspect)
    return seen


def folder(url: QUrl) -> Path:
    return Path(url.toLocalFile()).resolve()


@pytest.mark.parametrize("user_folder_exists", [False, True])
def test_ctrl_o_starts_in_the_songs_folder_with_both_in_the_sidebar(
    window, tmp_path, monkeypatch, user_folder_exists
):
    user = tmp_path / "songs"
    if user_folder_exists:
        user.mkdir()
    monkeypatch.setattr(dialogs, "user_songs_dir", lambda: user)
    seen = while_open(
        QFileDialog,
        lambda d: (Path(d.directory().absolutePath()), [folder(u) for u in d.sidebarUrls()]),
    )
    window.action(P.OPEN).trigger()
    [(start, sidebar)] = seen
    bundled = lyrics_dir().resolve()
    assert start.resolve() == (user if user_folder_exists else bundled).resolve()
    assert bundled in sidebar
    assert (user.resolve() in sidebar) == user_folder_exists
    assert not user.exists() or user_folder_exists  # opening a dialog creates nothing


def test_the_open_dialog_speaks_the_interface_language(window):
    seen = while_open(QFileDialog, lambda d: (d.windowTitle(), d.nameFilters()))
    with in_language("es"):
        window.action(P.OPEN).trigger()
    [(title, filters)] = seen
    assert title == "Abrir canción"
    assert filters[0].startswith("Canciones (song.toml ") and "*.srt" in filters[0]
    assert filters[1:] == ["Lecciones (*.toml)", "Todos los archivos (*)"]


def open_broken_srt(window, write) -> tuple[str, str, str]:
    path = write("broken.srt", "garbage\nmore garbage\n")
    seen = while_open(QMessageBox, lambda b: (b.windowTitle(), b.text(), b.informativeText()))
    assert not window.open_path(path)
    [shown] = seen
    return shown


def test_a_malformed_srt_gives_a_plain_headline_over_the_detail(window, write):
    title, headline, detail = open_broken_srt(window, write)
    assert (title, headline) == ("Cannot open this song", "This lyrics file can't be read")
    assert "broken.srt:1:" in detail  # file and line, for whoever fixes it
    assert window.session.song.title == "Mi Modelito Sabanero"  # the song playing stays


def test_the_headline_follows_the_interface_language(window, write):
    with in_language("es"):
        title, headline, detail = open_broken_srt(window, write)
    assert (title, headline) == (
        "No se puede abrir esta canción",
        "Este archivo de letra no se puede leer",
    )
    assert "broken.srt:1:" in detail


def file_dialog_texts(dialog: QFileDialog) -> dict[str, str] | None:
    """What the open ``dialog`` shows (:func:`shown_texts`), with its file list's column headers
    and each entry's Type ("Folder", "srt File": Qt's words); None until the folder is read."""
    tree = dialog.findChild(QTreeView, "treeView")
    model, root = tree.model(), tree.rootIndex()
    if model.rowCount(root) < 2:
        return None
    texts = shown_texts(dialog)
    for column in range(model.columnCount(root)):
        texts[f"column {column}"] = str(model.headerData(column, Qt.Orientation.Horizontal))
    for row in range(model.rowCount(root)):
        name = model.index(row, 0, root).data()
        texts[f"type of {name}"] = str(model.index(row, 2, root).data())
    return texts


def texts_while_open(command: P, window) -> dict[str, str]:
    """:func:`file_dialog_texts` of the file dialog ``command`` opens, then closed."""
    seen: list[dict[str, str]] = []
    tries = iter(range(500))  # a few seconds; then the test says the folder never showed

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        texts = file_dialog_texts(dialog) if isinstance(dialog, QFileDialog) else None
        if texts is None and next(tries, None) is not None:  # not shown, or folder not read
            QTimer.singleShot(10, inspect)
            return
        if texts is not None:
            seen.append(texts)
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, inspect)
    window.action(command).trigger()
    [texts] = seen
    return texts


@pytest.mark.parametrize("command", [P.OPEN, P.OPEN_MEDIA, P.OPEN_LYRICS])
def test_each_file_dialog_is_all_spanish_in_spanish(window, tmp_path, monkeypatch, command):
    """Qt's own catalog leaves "Look in:", "Files of type:" and the Type "Folder" English and
    says "fichero": karaoke/ui/shared/qt_strings.py translates them in ours."""
    songs = tmp_path / "songs"
    (songs / "una-canción").mkdir(parents=True)
    (songs / "coro.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nhola\n")
    (songs / "coro.mp3").write_bytes(b"")  # each dialog lists a folder and a file it opens
    monkeypatch.setattr(dialogs, "user_songs_dir", lambda: songs)
    english = texts_while_open(command, window)
    with in_language("es"):
        spanish = texts_while_open(command, window)
    paths = [text for where, text in spanish.items() if where.startswith("QComboBox lookInCombo")]
    assert untranslated(english, spanish, paths) == []
    assert spanish["type of una-canción"] == "Carpeta"
    assert not [text for text in spanish.values() if "fichero" in text.lower()]  # "archivo"
