"""The library dialog in Spanish: every text it shows, and names for a screen reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from karaoke.ui.library.library_dialog import LibraryDialog
from tests.ui.interface_texts import in_language, shown_texts, unnamed_controls, untranslated
from tests.ui.library.test_library_dialog import make_dialog, rows

#: What reads the same in both languages: the songs' own titles, language codes, "No".
SAME_IN_BOTH = ["El átomo", "La célula", "Mi Modelito Sabanero", "es", "en", "No"]


@pytest.fixture
def dialog(qtbot, library) -> LibraryDialog:
    return make_dialog(qtbot, library)


def test_every_text_of_the_library_is_spanish_in_spanish(dialog: LibraryDialog) -> None:
    dialog.search.setText("atomo")  # "1 of 3": the filtered count shows too
    english = shown_texts(dialog)
    with in_language("es"):
        spanish = shown_texts(dialog)
        assert dialog.windowTitle() == "Biblioteca de canciones"
        assert dialog.count.text() == "1 de 3"
        assert dialog.table.model().headerData(0, Qt.Orientation.Horizontal) == "Título"
        assert rows(dialog)[0][4] == "Sí"
        dialog.search.clear()
        assert dialog.count.text() == "3 canciones"
    path = str(dialog.library.songs_folder / "atomo")  # the detail line: the song's folder
    assert untranslated(english, spanish, [*SAME_IN_BOTH, path]) == []
    assert len(spanish) >= len(english) - 1


def test_the_texts_come_back_in_english(dialog: LibraryDialog) -> None:
    english = shown_texts(dialog)
    with in_language("es"):
        pass
    assert shown_texts(dialog) == english
    assert dialog.open_button.text() == "&Open"


def test_every_control_has_a_name_and_a_description(dialog: LibraryDialog) -> None:
    assert unnamed_controls(dialog) == []
    with in_language("es"):
        assert unnamed_controls(dialog) == []


def test_a_folder_that_cannot_open_says_why_in_spanish(qtbot, library) -> None:
    broken: Path = library.songs_folder / "rota"
    broken.mkdir()
    (broken / "song.toml").write_text('title = "Rota"\nlyrics = "nada.srt"\n', encoding="utf-8")
    dialog = make_dialog(qtbot, library)
    dialog.search.setText("rota")
    with in_language("es"):
        assert dialog.detail.text().startswith("No se puede abrir esta canción: ")
