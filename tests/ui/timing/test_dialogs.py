"""The timing editor's dialogs: a words file that cannot be read is said plainly (the headline
over the file:line detail), in the interface's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from karaoke.ui.timing import editor_window
from karaoke.ui.timing.editor_window import open_sync_dialogs
from tests.ui.interface_texts import in_language


def while_open(look) -> list:
    """Run ``look(box)`` on the modal message box once it shows, then close it."""
    seen: list = []

    def inspect() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not shown yet
            QTimer.singleShot(10, inspect)
            return
        seen.append(look(box))
        box.reject()

    QTimer.singleShot(0, inspect)
    return seen


@pytest.fixture
def broken_words(tmp_path: Path, monkeypatch) -> Path:
    """File ▸ Time lyrics… answered with a media and a malformed SubRip file."""
    media, lyrics = tmp_path / "song.mp4", tmp_path / "broken.srt"
    media.write_bytes(b"\0")
    lyrics.write_text("garbage\nmore garbage\n", encoding="utf-8")
    monkeypatch.setattr(editor_window, "choose_media_and_lyrics", lambda _parent: (media, lyrics))
    return lyrics


def open_broken(qtbot) -> tuple[str, str, str]:
    seen = while_open(lambda box: (box.windowTitle(), box.text(), box.informativeText()))
    assert open_sync_dialogs(None, make_player=lambda _song: (None, "")) is None
    qtbot.waitUntil(lambda: bool(seen))
    [shown] = seen
    return shown


def test_unreadable_words_give_a_plain_headline_over_the_detail(qtbot, broken_words):
    title, headline, detail = open_broken(qtbot)
    assert (title, headline) == ("Time lyrics", "This lyrics file can't be read")
    assert "broken.srt:1:" in detail  # file and line, for whoever fixes it
    assert "cue" not in headline  # no developer's words in the headline


def test_the_headline_follows_the_interface_language(qtbot, broken_words):
    with in_language("es"):
        title, headline, detail = open_broken(qtbot)
    assert (title, headline) == (
        "Sincronizar la letra",
        "Este archivo de letra no se puede leer",
    )
    assert "broken.srt:1:" in detail
