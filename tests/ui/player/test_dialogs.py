"""The player window's dialogs: open dialogs in the songs folders, errors said plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from karaoke.app.commands import PlayerCommand as P
from karaoke.resources import lyrics_dir
from karaoke.ui.player import dialogs
from tests.ui.interface_texts import in_language


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
    assert filters[1] == "Todos los archivos (*)"


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
