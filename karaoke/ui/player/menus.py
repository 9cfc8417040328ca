"""The player window's menu bar, laid out from its commands, in the interface's language.

Menu titles and the labels of the choice submenus are English sources marked with
``QT_TRANSLATE_NOOP`` (context ``MainWindow``); :func:`retranslate_menus` sets them again after
a language change, so the menus are built once and only their texts change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from karaoke.app.commands import PlayerCommand as P
from karaoke.app.song_setup import LANGUAGES
from karaoke.app.translations import INTERFACE_LANGUAGES, system_language
from karaoke.ui.player.recent import recent_entries
from karaoke.ui.shared.key_text import key_names
from karaoke.ui.shared.theme import THEMES

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow

#: Each menu's commands in order; None is a separator; a string names a submenu (:data:`SUBMENUS`).
FILE_MENU = (
    *(P.OPEN, P.OPEN_MEDIA, P.OPEN_LYRICS, "recent", None),
    *(P.LIBRARY, P.NEW_LESSON, P.EXPORT_STUDY_PACK, None),
    *(P.TIME_LYRICS, None, P.QUIT),
)
PLAYBACK_MENU = (
    *(P.PLAY, P.BACK, P.FORWARD, None),
    *(P.VOLUME_DOWN, P.VOLUME_UP, P.MUTE, None),
    *(P.PREVIOUS_LINE, P.NEXT_LINE, P.PREVIOUS_STANZA, P.NEXT_STANZA, None),
    *(P.SLOWER, P.FASTER, P.NORMAL_SPEED, None),
    *(P.OFFSET_DOWN, P.OFFSET_UP, None),
    *(P.VOCALS_OFF, P.KEY_DOWN, P.KEY_UP, P.ORIGINAL_KEY),
)
VIEW_MENU = (
    *(P.PRESENT, P.TEACHING, None, P.PANEL, P.FULLSCREEN, None),
    *(P.BIGGER, P.SMALLER, P.RESET_TEXT, P.WIDE_SPACING, P.EASY_READING, None),
    *("themes", "languages", "interface"),
)
HELP_MENU = (P.HELP, P.ABOUT)

#: The menu bar: (title, items). Mnemonics (``&``) differ within the bar and within each menu,
#: in every language (a test checks).
MENUS = (
    (QT_TRANSLATE_NOOP("MainWindow", "&File"), FILE_MENU),
    (QT_TRANSLATE_NOOP("MainWindow", "&Playback"), PLAYBACK_MENU),
    (QT_TRANSLATE_NOOP("MainWindow", "&View"), VIEW_MENU),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), HELP_MENU),
)
SUBMENUS = {
    "recent": QT_TRANSLATE_NOOP("MainWindow", "Open &recent"),
    "themes": QT_TRANSLATE_NOOP("MainWindow", "T&heme"),
    "languages": QT_TRANSLATE_NOOP("MainWindow", "Explanation &language"),
    "interface": QT_TRANSLATE_NOOP("MainWindow", "&Interface language"),
}
#: The themes' menu labels (the theme table's labels are English, for the command line).
THEME_LABELS = {
    "dark": QT_TRANSLATE_NOOP("MainWindow", "&Dark"),
    "light": QT_TRANSLATE_NOOP("MainWindow", "&Light"),
    "contrast": QT_TRANSLATE_NOOP("MainWindow", "&High contrast"),
}
#: "Follow the desktop" in View ▸ Interface language; %1 is the desktop's language, by name.
SYSTEM_LANGUAGE = QT_TRANSLATE_NOOP("MainWindow", "&System (%1)")
#: Languages by their own names, the same in every interface language; mnemonics that differ
#: from each other and from "System" in both languages.
LANGUAGE_LABELS = {"en": "&English", "es": "Es&pañol"}
#: The data of the interface-language choice that follows the desktop.
SYSTEM = ""
#: The data of View ▸ Explanation language's first choice, which clears the user's choice: the
#: explanations then follow the interface's language.
SAME_AS_INTERFACE = ""
SAME_AS_INTERFACE_LABEL = QT_TRANSLATE_NOOP("MainWindow", "&Same as the interface")

MenuItem = P | str | None


def tr(source: object) -> str:
    """A source of this module, marked with ``QT_TRANSLATE_NOOP("MainWindow", …)``, translated."""
    return QCoreApplication.translate("MainWindow", str(source))


def open_song_hint() -> str:
    """What the empty window says: how to open a song, with the menu's words and the key as
    the menus show them, in the interface's language."""
    message = QCoreApplication.translate("MainWindow", "Open a song with %1 ▸ %2 (%3).")
    menu, item = tr(MENUS[0][0]).replace("&", ""), P.OPEN.text.replace("&", "")
    return message.replace("%1", menu).replace("%2", item).replace("%3", key_names(P.OPEN.keys))


def build_menu_bar(window: MainWindow) -> None:
    """File, Playback, View and Help, with the theme and language choices and recent songs.
    Texts are set by :func:`retranslate_menus` (the window calls it)."""
    window.titled_menus = []
    window.theme_actions = _choice_group(window, list(THEMES), window.choose_theme)
    window.language_actions = _choice_group(
        window, [SAME_AS_INTERFACE, *LANGUAGES], window.set_language
    )
    check_data(window.language_actions, window.language or SAME_AS_INTERFACE)
    window.interface_actions = _choice_group(
        window, [SYSTEM, *INTERFACE_LANGUAGES], window.set_interface_language
    )
    check_data(window.interface_actions, window.settings.interface_language or SYSTEM)
    bar = window.menuBar()
    for title, items in MENUS:
        _fill(window, _titled(window, bar.addMenu(""), title), items)
    refresh_recent(window)


def _titled(window: MainWindow, menu: QMenu, title: object) -> QMenu:
    window.titled_menus.append((menu, str(title)))
    return menu


def _fill(window: MainWindow, menu: QMenu, items: tuple[MenuItem, ...]) -> None:
    groups = {
        "themes": window.theme_actions,
        "languages": window.language_actions,
        "interface": window.interface_actions,
    }
    for item in items:
        if item is None:
            menu.addSeparator()
        elif isinstance(item, P):
            menu.addAction(window.action(item))
        else:
            submenu = _titled(window, menu.addMenu(""), SUBMENUS[item])
            if item == "recent":
                window.recent_menu = submenu
            else:
                submenu.addActions(groups[item].actions())


def _choice_group(window: MainWindow, choices: list[str], choose: Callable) -> QActionGroup:
    """One checkable action per choice (its data); triggering one calls ``choose(data)``."""
    group = QActionGroup(window)
    for data in choices:
        item = QAction(group, checkable=True)
        item.setData(data)
        item.triggered.connect(lambda _=False, data=data: choose(data))
    return group


def retranslate_menus(window: MainWindow) -> None:
    """Every menu title and choice label in the interface's language (commands' actions are
    described by :func:`karaoke.ui.player.command_slots.describe_actions`)."""
    for menu, title in window.titled_menus:
        menu.setTitle(tr(title))
    for action in window.theme_actions.actions():
        action.setText(tr(THEME_LABELS.get(action.data(), THEMES[action.data()].label)))
    for action in window.language_actions.actions():
        if action.data() == SAME_AS_INTERFACE:
            action.setText(tr(SAME_AS_INTERFACE_LABEL))
        else:
            action.setText(LANGUAGE_LABELS.get(action.data(), LANGUAGES[action.data()]))
    for action in window.interface_actions.actions():
        code = action.data()
        if code == SYSTEM:
            desktop = INTERFACE_LANGUAGES[system_language()]
            action.setText(tr(SYSTEM_LANGUAGE).replace("%1", desktop))
        else:
            action.setText(LANGUAGE_LABELS[code])
    refresh_recent(window)


def check_data(group: QActionGroup, data: str | None) -> None:
    """Check the action of ``group`` whose data is ``data``."""
    for action in group.actions():
        action.setChecked(action.data() == data)


def show_sing_along(window: MainWindow, *, changed: bool = True) -> None:
    """Vocals off's check mark, and a status line saying what plays: after a change, and on
    loading a song that remembers vocals off or a key shift (so no one wonders where the voice
    went)."""
    session = window.session
    if session is None:
        return
    window.action(P.VOCALS_OFF).setChecked(session.vocals_off)
    if changed or session.vocals_off or session.key_shift:
        window.messages.status(session.sing_along_message, 5000)


def refresh_recent(window: MainWindow) -> None:
    """File ▸ Open recent: each song by its title (``&1``… ``&9``, ``1&0`` for the keyboard),
    its path as tool tip and status tip. Songs whose file is gone are left out of the menu but
    kept in the settings: a song on a USB stick comes back when the stick is plugged in."""
    menu = window.recent_menu
    menu.clear()
    menu.setToolTipsVisible(True)
    entries = recent_entries(window.settings.recent)
    for number, (path, title) in enumerate(entries, start=1):
        mnemonic = f"&{number}" if number < 10 else f"1&{number % 10}"
        item = menu.addAction(f"{mnemonic}  {title.replace('&', '&&')}")
        item.setToolTip(str(path))
        item.setStatusTip(str(path))
        item.setData(str(path))
        item.triggered.connect(lambda _=False, p=path: window.open_path(p))
    menu.setEnabled(bool(entries))
