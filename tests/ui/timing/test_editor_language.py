"""The timing editor in Spanish and back in English, live (every menu, action, label, button,
tool tip, accessible name, the reminder, the lines' header, the card and the status line), and
what a keyboard and a screen reader meet in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from karaoke import APP_NAME
from karaoke.app.timing_commands import TimingCommand
from tests.app.timing_support import WORDS, write_song
from tests.ui.interface_texts import in_language, shown_texts, unnamed_controls, untranslated
from tests.ui.timing.test_editor_window import make_editor, play_and_tap_at

#: What reads the same in both languages: names, the song's own words, file names, formats.
SAME_IN_BOTH = [
    APP_NAME,
    *(line for line in WORDS.splitlines() if line),
    "song.mp4",
    "#",
    "Song",  # the card's title: the media's name
]


@pytest.fixture
def editor(qtbot, fake_time, tmp_path: Path):
    media, lyrics = write_song(tmp_path)
    window = make_editor(qtbot, fake_time, media, lyrics, tmp_path / "song.srt")
    play_and_tap_at(qtbot, window, fake_time, [1_000, 2_000])  # a "Now" line and progress
    qtbot.waitUntil(lambda: window.controller.sung == 1)  # the position's tick reached it
    window.controller.session.pause()  # nothing changes between the two languages' walks
    return window


def test_every_text_of_the_editor_is_spanish_in_spanish(editor):
    english = shown_texts(editor)
    with in_language("es"):
        spanish = shown_texts(editor)
        assert editor.windowTitle() == f"Sincronizar la letra — • song.srt — {APP_NAME}"
        assert editor.menuBar().actions()[0].text() == "&Archivo"
        assert editor.progress.text() == "Líneas con tiempo: 2 de 4"
        # The status line says its last sentence again, in Spanish (not something else).
        assert editor.statusBar().currentMessage() == "La línea 2 empieza en 0:02.000"
        assert "Siguiente ▶ 3" in editor.next_panel.next_label.text()
        assert "Ahora 2" in editor.next_panel.now_label.text()
        assert editor.lines.headerItem().text(1) == "Inicio"
        assert "<b>Retorno</b> marcar" in editor.hint.text()
    assert untranslated(english, spanish, SAME_IN_BOTH) == []
    assert len(spanish) >= len(english) - 2  # nothing went missing (a name may coincide)


def test_the_texts_come_back_in_english(editor):
    english = shown_texts(editor)
    with in_language("es"):
        pass
    assert shown_texts(editor) == english
    assert editor.menuBar().actions()[0].text() == "&File"
    assert "Next ▶ 3" in editor.next_panel.next_label.text()


def test_what_the_controller_says_follows_the_language(editor, qtbot):
    with in_language("es"):
        qtbot.keyClick(editor.centralWidget(), Qt.Key.Key_Backspace)
        assert editor.statusBar().currentMessage() == "Deshecho. Marca cuando empiece la línea 2."
        editor.controller.set_rate(0.75)
        assert editor.controls.speed.currentText() == "0,75×"


def test_every_control_a_keyboard_reaches_has_a_name_and_a_description(editor):
    assert unnamed_controls(editor) == []
    with in_language("es"):
        assert unnamed_controls(editor) == []


def test_the_keys_reach_the_editor_wherever_the_focus_is(editor):
    """The controls take no focus (each has a key and a menu entry), so Tab leaves the focus on
    the editor and every key works; nothing can be reached only with the mouse."""
    central = editor.centralWidget()
    assert QApplication.focusWidget() is central
    for control in (editor.controls.speed, editor.controls.save_button, editor.lines):
        assert control.focusPolicy() == Qt.FocusPolicy.NoFocus
    in_menus = {
        action
        for menu_action in editor.menuBar().actions()
        for action in _all_actions(menu_action.menu())
    }
    assert set(editor.command_actions.values()) <= in_menus
    assert set(editor.command_actions) == set(TimingCommand)


def _all_actions(menu) -> list:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found += _all_actions(action.menu())
    return found


def test_the_status_line_and_the_banner_say_the_same_again_in_the_new_language(editor, qtbot):
    """A language change makes what is shown again (not a new sentence); a status message that
    timed out stays gone."""
    qtbot.keyClick(editor.centralWidget(), Qt.Key.Key_W)  # word mode on a .srt: a banner too
    assert editor.statusBar().currentMessage() == "Word mode: each tap starts the next word."
    assert editor.banner.label.text().startswith("Word timings are saved in .lrc files only")
    with in_language("es"):
        assert editor.statusBar().currentMessage() == (
            "Modo palabra: cada marca inicia la palabra siguiente."
        )
        assert editor.banner.label.text().startswith(
            "Los tiempos por palabra solo se guardan en archivos .lrc"
        )
    assert editor.statusBar().currentMessage() == "Word mode: each tap starts the next word."
    assert editor.banner.label.text().startswith("Word timings are saved in .lrc files only")
    editor.statusBar().clearMessage()  # as when it times out
    editor.banner.dismiss()
    with in_language("es"):
        assert editor.statusBar().currentMessage() == ""
        assert editor.banner.isHidden()


def test_sentences_name_keys_as_the_menus_do(editor, qtbot):
    """No hand-written "Ctrl+S" or "Ctrl+click": Qt's own key names, in Spanish "Control"."""
    editor.controller.choose(0)
    with in_language("es"):
        qtbot.keyClick(editor.centralWidget(), Qt.Key.Key_L)  # loop the first line
        said = editor.statusBar().currentMessage()
        assert "Control+←/→" in said and "Alt+←/→" in said and "Ctrl" not in said
        assert "Control+S" in editor.controls.save_button.toolTip()
        assert "Control+clic" in editor.strip.toolTip()
        assert "Mayúsculas+clic" in editor.strip.toolTip()
    assert "Ctrl+S" in editor.controls.save_button.toolTip()
    assert "Ctrl+click" in editor.strip.toolTip()
