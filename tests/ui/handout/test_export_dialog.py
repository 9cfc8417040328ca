"""File ▸ Export study pack… on the player's window, with real widgets: the dialog's choices
reach the PDF, the file is where the file dialog said, Open opens it, a failure is one
message; and the dialog in Spanish."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QStandardPaths, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from karaoke.app.commands import PlayerCommand
from karaoke.core.lesson import read_lesson
from karaoke.ui.handout.export_dialog import StudyPackDialog, default_file
from tests.conftest import BUNDLED
from tests.ui.conftest import make_settings, make_window
from tests.ui.handout.pdf_tools import normalised, pdf_text
from tests.ui.interface_texts import in_language, shown_texts, untranslated


def when_modal(kind: type, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the modal window of ``kind`` once it shows."""

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not isinstance(widget, kind):
            QTimer.singleShot(10, look)
            return
        act(widget)

    QTimer.singleShot(0, look)


class press:
    """Press the message box's button that says ``text``; ``seen``: its text and detail."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: list[tuple[str, str]] = []

    def __call__(self, box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        self.seen.append((box.text(), box.informativeText()))
        next(button for button in box.buttons() if button.text() == self.text).click()


def save_as(monkeypatch, chosen: Path) -> list[str]:
    """The file dialog answers ``chosen``; returns where it was asked to start."""
    asked: list[str] = []

    def answer(_parent, _caption, directory, file_filter, *_rest):
        asked.append(directory)
        return str(chosen), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def test_export_writes_the_chosen_pack_and_opens_it(qtbot, window, tmp_path, monkeypatch) -> None:
    asked = save_as(monkeypatch, tmp_path / "pack")  # no suffix: .pdf is added
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, StudyPackDialog)
        assert dialog.language.currentData() == "es"  # the song's language
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.worksheet.setChecked(True)
        dialog.accept()

    when_modal(StudyPackDialog, choose)
    done = press("Open")
    when_modal(QMessageBox, done)
    window.action(PlayerCommand.EXPORT_STUDY_PACK).trigger()

    target = tmp_path / "pack.pdf"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked == [str(Path(documents) / "Mi Modelito Sabanero.pdf")]
    assert done.seen[0][1] == str(target) and "page" in done.seen[0][0]
    assert opened == [QUrl.fromLocalFile(str(target))]
    text = normalised(pdf_text(target))
    assert "Worksheet" in text and "Word bank" in text and "Answer key" not in text
    assert window.isVisible() and window.session is not None


def test_a_failure_is_one_message_and_nothing_is_written(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    save_as(monkeypatch, tmp_path / "missing" / "pack.pdf")
    when_modal(StudyPackDialog, lambda dialog: dialog.accept())  # type: ignore[attr-defined]
    failed = press("OK")
    when_modal(QMessageBox, failed)
    window.action(PlayerCommand.EXPORT_STUDY_PACK).trigger()
    ((headline, detail),) = failed.seen
    assert headline == "The study pack could not be made."
    assert "missing" in detail and "cannot write there" in detail
    assert not (tmp_path / "missing").exists()


def test_a_playing_lesson_gives_the_lesson_s_pack(qtbot, window, tmp_path, monkeypatch) -> None:
    lesson = tmp_path / "lesson.toml"
    lesson.write_text(
        f'schema = 1\nkind = "lesson"\ntitle = "Atención"\n\n[[item]]\nsong = "{BUNDLED}"\n'
        'stanzas = "4"\n',
        encoding="utf-8",
    )
    asked = save_as(monkeypatch, tmp_path / "lesson.pdf")
    # What the lesson player sets while a lesson plays: window.lesson.lesson.path
    monkeypatch.setattr(
        window, "lesson", SimpleNamespace(lesson=read_lesson(lesson).lesson), raising=False
    )
    when_modal(StudyPackDialog, lambda dialog: dialog.accept())  # type: ignore[attr-defined]
    when_modal(QMessageBox, press("Close"))
    window.action(PlayerCommand.EXPORT_STUDY_PACK).trigger()
    assert Path(asked[0]).name == "Atención.pdf"
    text = normalised(pdf_text(tmp_path / "lesson.pdf"))
    assert "Atención, atención, mecanismo de atención" in text
    assert "Con mi burrito sabanero voy entrenando mi modelo" not in text


def test_without_a_song_it_says_to_open_one(qtbot, fake_time, settings_path) -> None:
    empty = make_window(qtbot, fake_time, make_settings(settings_path))
    said = press("OK")
    when_modal(QMessageBox, said)
    empty.action(PlayerCommand.EXPORT_STUDY_PACK).trigger()
    assert "Open a song first" in said.seen[0][1]


def test_the_default_file_name_is_safe() -> None:
    assert default_file('A/B: "c"?').name == "A B c.pdf"
    assert default_file("...").name == "study-pack.pdf"


def test_the_dialog_speaks_spanish(qtbot) -> None:
    english_dialog = StudyPackDialog("Mi Modelito Sabanero", "es")
    qtbot.addWidget(english_dialog)
    english = shown_texts(english_dialog)
    with in_language("es"):
        spanish_dialog = StudyPackDialog("Mi Modelito Sabanero", "es")
        qtbot.addWidget(spanish_dialog)
        spanish = shown_texts(spanish_dialog)
    assert "Exportar material de estudio" in spanish.values()
    same = ["Mi Modelito Sabanero", "A4", "Español", "English"]  # names, languages in their own
    assert untranslated(english, spanish, same) == []
