"""File ▸ New lesson with real widgets: pick songs from the library, order and edit them,
save the lesson, read it back, present it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from karaoke.app.library import Library
from karaoke.core.lesson import Lesson, LessonItem, read_lesson
from karaoke.ui.library import lesson_builder
from karaoke.ui.library.lesson_builder import LessonBuilder, file_name, lessons_folder
from tests.ui.interface_texts import in_language, shown_texts, unnamed_controls, untranslated
from tests.ui.library.test_library_dialog import click, when_modal


@pytest.fixture
def builder(qtbot, library: Library) -> LessonBuilder:
    builder = LessonBuilder(library)
    qtbot.addWidget(builder)
    builder.show()
    qtbot.waitExposed(builder)
    return builder


def add(qtbot, builder: LessonBuilder, search: str) -> None:
    builder.search.clear()
    qtbot.keyClicks(builder.search, search)
    qtbot.keyClick(builder.search, Qt.Key.Key_Return)


def labels(builder: LessonBuilder) -> list[str]:
    return [builder.order.item(row).text() for row in range(builder.order.count())]


def build_two_songs(qtbot, builder: LessonBuilder) -> None:
    """Two songs: the átomo's second stanza without pauses, with notes; the célula whole."""
    # setText for the accented texts: QTest types ASCII only.
    builder.title.setText("Átomos y células")
    builder.audience.setText("4.º de ESO")
    builder.objectives.setPlainText("Saber qué es un átomo\n\nSaber qué es una célula\n")
    add(qtbot, builder, "atomo")
    add(qtbot, builder, "celula")
    builder.order.setCurrentRow(0)
    builder.editor.first.setValue(2)
    builder.editor.pauses.setChecked(False)
    builder.editor.notes.setText("Preguntar por el núcleo")


def save(builder: LessonBuilder, path: Path, then: str = "Later") -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        assert Path(dialog.directory().absolutePath()) == lessons_folder()
        dialog.selectFile(str(path))
        when_modal(QMessageBox, lambda box: click(box, then))
        dialog.accept()

    when_modal(QFileDialog, fill)
    builder.save_button.click()


def test_a_two_song_lesson_saved_reads_back_the_same(qtbot, builder, library, tmp_path) -> None:
    build_two_songs(qtbot, builder)
    assert labels(builder) == [
        "1. El átomo — stanza 2, no teaching pauses",
        "2. La célula",
    ]
    path = tmp_path / "lessons" / "atomos.toml"
    path.parent.mkdir()
    save(builder, path)
    assert builder.saved == path and builder.then is None
    read = read_lesson(path).lesson
    expected = Lesson(
        title={"": "Átomos y células"},
        items=(
            LessonItem(
                library.songs_folder / "atomo",
                stanzas=(1, 2),
                teaching_pauses=False,
                notes={"": "Preguntar por el núcleo"},
            ),
            LessonItem(library.songs_folder / "celula"),
        ),
        audience={"": "4.º de ESO"},
        objectives=({"": "Saber qué es un átomo"}, {"": "Saber qué es una célula"}),
    )
    items = tuple(replace(item, source_line=0) for item in read.items)
    assert replace(read, items=items, path=None) == expected == builder.lesson()


def test_songs_move_up_and_down_and_go(qtbot, builder) -> None:
    for song in ("atomo", "celula", "sabanero"):
        add(qtbot, builder, song)
    assert builder.order.currentRow() == 2  # the song added is selected
    builder.up_button.click()
    assert labels(builder) == ["1. El átomo", "2. Mi Modelito Sabanero", "3. La célula"]
    builder.order.setCurrentRow(0)
    assert not builder.up_button.isEnabled()
    builder.down_button.click()
    assert [label[3:] for label in labels(builder)] == [
        "Mi Modelito Sabanero",
        "El átomo",
        "La célula",
    ]
    builder.remove_button.click()
    assert [label[3:] for label in labels(builder)] == ["Mi Modelito Sabanero", "La célula"]


def test_arrows_in_the_search_box_pick_the_song_return_adds(qtbot, builder) -> None:
    builder.search.setFocus()
    qtbot.keyClick(builder.search, Qt.Key.Key_Return)  # nothing chosen yet: the first
    qtbot.keyClick(builder.search, Qt.Key.Key_Down)
    qtbot.keyClick(builder.search, Qt.Key.Key_Return)
    assert labels(builder) == ["1. El átomo", "2. La célula"]


def test_the_stanza_range_stays_inside_the_song(qtbot, builder) -> None:
    add(qtbot, builder, "sabanero")
    editor = builder.editor
    assert (editor.first.maximum(), editor.last.value()) == (10, 10)
    editor.last.setValue(3)
    editor.first.setValue(5)  # past the last: the last follows
    assert (editor.first.value(), editor.last.value()) == (5, 5)
    assert builder.order.current().item().stanzas == (4, 5)
    editor.first.setValue(1)
    editor.last.setValue(10)
    assert builder.order.current().item().stanzas is None  # all of them


def test_saving_needs_a_title_and_a_song(qtbot, builder) -> None:
    assert not builder.save_button.isEnabled()
    add(qtbot, builder, "atomo")
    assert not builder.save_button.isEnabled()
    qtbot.keyClicks(builder.title, "Una")
    assert builder.save_button.isEnabled()


def test_a_file_name_from_the_title() -> None:
    assert file_name("Luz y color: ¡la óptica!") == "luz-y-color-la-óptica.toml"
    assert file_name("  ") == "lesson.toml"


def test_new_lesson_saves_then_presents_it(qtbot, window, library, tmp_path) -> None:
    window.settings.store.setValue("library/added_folders", [str(library.songs_folder)])
    path = tmp_path / "clase.toml"

    def build(dialog: QWidget) -> None:
        assert isinstance(dialog, LessonBuilder)
        build_two_songs(qtbot, dialog)
        save(dialog, path, then="Present")

    when_modal(LessonBuilder, build)
    lesson_builder.new_lesson(window)
    try:
        assert path.is_file()
        assert window.presentation is not None
        assert window.opened.song.title == "El átomo"  # the lesson's first item
    finally:
        if window.presentation is not None:
            window.presentation.stop()


def test_every_text_of_the_builder_is_spanish_in_spanish(qtbot, builder) -> None:
    add(qtbot, builder, "atomo")
    builder.editor.pauses.setChecked(False)
    english = shown_texts(builder)
    with in_language("es"):
        spanish = shown_texts(builder)
        assert builder.windowTitle() == "Nueva lección"
        assert labels(builder) == ["1. El átomo — sin pausas didácticas"]
    same = ["El átomo", "La célula", "Mi Modelito Sabanero", "es", "en", "No"]
    assert untranslated(english, spanish, same) == []
    assert unnamed_controls(builder) == []
