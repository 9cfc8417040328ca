"""The player window in English and Spanish: every text translated, live switching with View ▸
Interface language, and menus a keyboard can reach (mnemonics that do not clash)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from karaoke import APP_NAME
from karaoke.app.commands import PlayerCommand as P
from karaoke.app.translations import current_language, install_language
from karaoke.core.package import open_song
from tests.conftest import BUNDLED
from tests.ui.conftest import make_settings, make_window
from tests.ui.interface_texts import in_language, plain, shown_texts, untranslated


@pytest.fixture(autouse=True)
def english_after():
    """Whatever a test installs, the next one starts in English."""
    yield
    install_language("en")
    QApplication.processEvents()


def names(window) -> list[str]:
    """What may read the same in both languages: the app's and the song's names, the
    languages by their own names, and a recent song's title and path."""
    title = window.session.song.title
    recent = window.recent_menu.actions()[0]
    return [
        f"{title} — {APP_NAME}", title, "English", "Español",
        recent.text(), recent.toolTip(),
    ]  # fmt: skip


def menus_of(window) -> list[QMenu]:
    found: list[QMenu] = []

    def walk(menu: QMenu) -> None:
        found.append(menu)
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                walk(action.menu())

    for action in window.menuBar().actions():
        walk(action.menu())
    return found


def test_every_text_of_the_window_is_translated_and_switches_back(window):
    english = shown_texts(window)
    with in_language("es"):
        spanish = shown_texts(window)
        assert window.menuBar().actions()[0].text() == "&Archivo"
        assert window.dock.windowTitle() == "Explicación"
        assert window.action(P.OPEN).text() == "&Abrir canción…"
    assert untranslated(english, spanish, names(window)) == []
    assert len(spanish) >= 80  # every menu was walked, not an empty window
    assert shown_texts(window) == english  # and back to English


def test_a_window_made_while_spanish_is_installed_is_in_spanish(qtbot, fake_time, settings_path):
    english = make_window(qtbot, fake_time, make_settings(settings_path))
    english.load(open_song(BUNDLED), play=False)
    english_texts = shown_texts(english)
    with in_language("es"):
        window = make_window(qtbot, fake_time, make_settings(settings_path))
        window.load(open_song(BUNDLED), play=False)
        spanish = shown_texts(window)
        assert untranslated(english_texts, spanish, names(window)) == []
        view = window.menuBar().actions()[2].menu()
        assert view.title() == "&Ver"
        assert "Idioma de la &interfaz" in [a.text() for a in view.actions()]
    assert shown_texts(window) == english_texts


def test_the_empty_window_says_how_to_open_a_song_in_the_interface_language(
    qtbot, fake_time, settings_path
):
    window = make_window(qtbot, fake_time, make_settings(settings_path))
    assert window.lyrics._message == "Open a song with File ▸ Open song… (Ctrl+O)."
    with in_language("es"):
        # The key as the Spanish menus name it (Qt's catalog), not a hard-coded "Ctrl+O".
        shortcut = window.action(P.OPEN).shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert shortcut == "Control+O"
        assert (
            window.lyrics._message == f"Abre una canción con Archivo ▸ Abrir canción… ({shortcut})."
        )
        assert window.windowTitle() == APP_NAME
    assert window.lyrics._message.startswith("Open a song")


def interface_menu(window) -> QMenu:
    [menu] = [m for m in menus_of(window) if plain(m.title()) in ("Interface language",)]
    return menu


def test_view_interface_language_switches_live_and_is_remembered(
    qtbot, window, settings_path, fake_time
):
    menu = interface_menu(window)
    system, english, spanish = menu.actions()
    assert [english.text(), spanish.text()] == ["&English", "Es&pañol"]
    assert system.text().startswith("&System (") and system.isChecked()
    spanish.trigger()
    QApplication.processEvents()
    assert current_language() == "es"
    assert window.menuBar().actions()[1].text() == "&Reproducción"
    assert spanish.isChecked() and not system.isChecked()
    assert window.settings.interface_language == "es"
    window.close()
    again = make_window(qtbot, fake_time, make_settings(settings_path))
    assert again.interface_actions.checkedAction().data() == "es"
    system.trigger()  # back to the desktop's language: English here
    QApplication.processEvents()
    assert current_language() == "en" and window.settings.interface_language is None
    assert window.menuBar().actions()[1].text() == "&Playback"


def test_explanations_follow_the_interface_unless_chosen(window):
    window.session.seek(window.session.song.lines[7].start_ms)
    assert "attention" in window.panel.displayed_markdown().lower()
    with in_language("es"):
        assert "atención" in window.panel.displayed_markdown().lower()
    assert "attention" in window.panel.displayed_markdown().lower()
    window.set_language("en")  # chosen in View ▸ Explanation language: it stays
    with in_language("es"):
        assert "attention" in window.panel.displayed_markdown().lower()


def mnemonic_clashes(where: str, actions: list[QAction]) -> list[str]:
    """Labels among ``actions`` (a menu's) whose ``&`` letter another one uses too."""
    seen: dict[str, str] = {}
    clashes = []
    for action in actions:
        text = action.text().replace("&&", "")
        if "&" in text[:-1]:
            letter = text[text.index("&") + 1].lower()
            if letter in seen:
                clashes.append(f"{where}: {seen[letter]!r} and {text!r}")
            seen[letter] = text
    return clashes


def test_mnemonics_do_not_clash_in_any_menu_in_either_language(window):
    def clashes() -> list[str]:
        found = mnemonic_clashes("menu bar", window.menuBar().actions())
        for menu in menus_of(window):
            found += mnemonic_clashes(menu.title(), menu.actions())
        return found

    assert clashes() == []
    with in_language("es"):
        assert clashes() == []
    for menu in menus_of(window):  # every submenu can be opened by its letter
        if menu is not window.recent_menu:
            assert "&" in menu.title(), menu.title()
