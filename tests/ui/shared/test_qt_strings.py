"""Qt's file dialog speaks Spanish, in our words: no English left where Qt's catalog lacks a
string, "archivo" and "carpeta" where Qt's says "fichero" and "directorio"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QTreeView

from karaoke.app.translations import translate_to
from karaoke.ui.shared.qt_strings import QT_STRINGS
from tests.ui.interface_texts import in_language, shown_texts, untranslated

TYPE_COLUMN = 2


def _dialog_texts(qtbot, folder: Path, mode: QFileDialog.AcceptMode) -> dict[str, str]:
    """What a non-native file dialog on ``folder`` shows, its file list in detail view
    included (headers, and the name and type of each entry)."""
    dialog = QFileDialog(None, QCoreApplication.translate("QFileDialog", "Open"))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setDirectory(str(folder))
    dialog.show()
    tree = dialog.findChild(QTreeView, "treeView")
    model, root = tree.model(), tree.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) == 2)  # the model fills in from a thread
    texts = shown_texts(dialog)
    for column in range(model.columnCount(root)):
        texts[f"header {column}"] = str(model.headerData(column, Qt.Orientation.Horizontal))
    for row in range(model.rowCount(root)):
        name = model.index(row, 0, root)
        texts[f"name {row}"] = str(name.data())
        if model.isDir(name):  # a file's type is the system's MIME comment, not Qt's
            texts[f"type {row}"] = str(model.index(row, TYPE_COLUMN, root).data())
    dialog.close()
    return texts


def test_a_file_dialog_in_spanish_shows_no_english_and_says_archivo(qtbot, tmp_path):
    (tmp_path / "canciones").mkdir()
    (tmp_path / "letra.srt").write_text("", "utf-8")
    same = ["canciones", "letra.srt", str(tmp_path), tmp_path.name]
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        english = _dialog_texts(qtbot, tmp_path, mode)
        with in_language("es"):
            spanish = _dialog_texts(qtbot, tmp_path, mode)
        assert untranslated(english, spanish, same) == [], mode
        shown = " ".join(spanish.values()).lower()
        assert "fichero" not in shown and "directorio" not in shown
        assert "archivo" in shown
        assert "Carpeta" in spanish.values()  # the Type column of a folder
        assert "Look in:" in english.values()  # and English comes back after


def test_our_catalog_wins_over_qts(qapp):
    """Qt's catalog has "&Nombre de fichero:"; ours is asked first."""
    assert translate_to("es", "QFileDialog", "File &name:") == "&Nombre de archivo:"
    with in_language("es"):
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Nombre de archivo:"


def test_every_listed_qt_string_is_translated_without_fichero(qapp):
    for context, sources in QT_STRINGS.items():
        for source in sources:
            spanish = translate_to("es", context, source)
            assert spanish != source, (context, source)
            assert "fichero" not in spanish.lower(), (context, source)
