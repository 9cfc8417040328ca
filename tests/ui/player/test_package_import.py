"""Opening a ``.karaoke`` in the player: the window asks to import it (in the interface's
language), imports it into the library on Import and opens it; Cancel and a refused archive
leave the window as it was and nothing written."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from karaoke.app.commands import PlayerCommand as P
from karaoke.app.library_places import user_songs_folder
from karaoke.cli.main import main
from karaoke.ui import launch
from karaoke.ui.player.package_import import ImportQuestion
from tests.ui.interface_texts import in_language, shown_texts, untranslated
from tests.ui.player.test_dialogs import while_open

SRT = "1\n00:00:01,000 --> 00:00:02,000\nuno\n\n2\n00:00:03,000 --> 00:00:04,000\ndos\n"
MANIFEST = (
    'title = "La célula"\nlyrics = "lyrics.srt"\n[[stanza]]\nlines = "1-2"\nexplanation = "e"\n'
)


@pytest.fixture(autouse=True)
def own_library(tmp_path, monkeypatch) -> None:
    """This test's own data folder, so that its songs folder starts empty."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def package(path: Path, entries: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as bundle:
        for name, text in (entries or {"song.toml": MANIFEST, "lyrics.srt": SRT}).items():
            bundle.writestr(name, text)
    return path


def when_shown(name: str, act: Callable[[QMessageBox], object]) -> list:
    """Once the message box named ``name`` is the modal one, record ``act(box)`` (which should
    close it)."""
    seen: list = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != name:
            QTimer.singleShot(10, look)
            return
        seen.append((box.text(), box.informativeText(), act(box)))

    QTimer.singleShot(0, look)
    return seen


def songs() -> list[str]:
    folder = user_songs_folder()
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_import_asks_then_imports_into_the_library_and_opens_the_song(window, tmp_path):
    seen = when_shown("packageImportQuestion", lambda box: box.import_button.click())
    assert window.open_path(package(tmp_path / "celula.karaoke"))
    assert seen[0][0] == "Import «La célula» into your library?"
    assert songs() == ["la-celula"]
    assert window.session.song.title == "La célula"
    assert window.session.song.lyrics_path == user_songs_folder() / "la-celula" / "lyrics.srt"


def test_cancel_imports_nothing_and_keeps_the_song(window, tmp_path):
    seen = when_shown("packageImportQuestion", lambda box: box.cancel_button.click())
    assert not window.open_path(package(tmp_path / "celula.karaoke"))
    assert seen and songs() == []
    assert window.session.song.title == "Mi Modelito Sabanero"


@pytest.mark.parametrize(
    ("entries", "detail"),
    [
        ({"song.toml": MANIFEST, "../../evil.sh": "x"}, "entry '../../evil.sh': a '..' part"),
        ({"song.toml": 'title = "T"\nlyrics = "none.srt"\n'}, "lyrics file not found"),
    ],
)
def test_a_refused_archive_says_so_once_and_the_window_stays(window, tmp_path, entries, detail):
    archive = package(tmp_path / "bad.karaoke", entries)
    # The first refusal comes before the question (the listing); the second after Import.
    if "none.srt" in entries["song.toml"]:
        when_shown("packageImportQuestion", lambda box: box.import_button.click())
    refusals = when_shown("packageImportRefused", lambda box: box.accept())
    assert not window.open_path(archive)
    [(headline, informative, _)] = refusals
    assert headline and str(archive) in informative and detail in informative
    assert songs() == [] and window.session.song.title == "Mi Modelito Sabanero"


def test_the_question_speaks_spanish(qtbot):
    english = shown_texts(ImportQuestion(None, "La célula"))
    with in_language("es"):
        question = ImportQuestion(None, "La célula")
        qtbot.addWidget(question)
        spanish = shown_texts(question)
        assert question.text() == "¿Importar «La célula» a tu biblioteca?"
        assert question.import_button.text() == "Importar"
        assert question.cancel_button.text() == "Cancelar"
        assert question.windowTitle() == "Importar una canción"
    assert untranslated(english, spanish, same_in_both=["La célula"]) == []


def test_the_open_dialog_offers_karaoke_files(window):
    seen = while_open(QFileDialog, lambda dialog: dialog.nameFilters()[0])
    window.action(P.OPEN).trigger()
    assert "*.karaoke" in seen[0].split("(")[1]


def test_the_command_line_asks_too_and_says_a_refusal_on_stderr(
    qapp, tmp_path, capsys, monkeypatch
):
    # The test's application stays as it is (application() would rename it for the session).
    monkeypatch.setattr(launch, "application", lambda: qapp)
    cancelled = when_shown("packageImportQuestion", lambda box: box.cancel_button.click())
    assert main([str(package(tmp_path / "celula.karaoke"))]) == 0
    assert cancelled and songs() == []
    archive = package(tmp_path / "evil.karaoke", {"song.toml": MANIFEST, "/etc/x": "x"})
    when_shown("packageImportRefused", lambda box: box.accept())
    assert main([str(archive)]) == 2
    assert capsys.readouterr().err == f"karaoke: {archive}: entry '/etc/x': an absolute path\n"
