"""The player window's menu bar, laid out from its commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from karaoke.app.commands import PlayerCommand as P
from karaoke.app.song_setup import LANGUAGES
from karaoke.ui.shared.theme import THEMES

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow

#: Each menu's commands in order; None is a separator.
FILE_MENU = (P.OPEN, P.OPEN_MEDIA, P.OPEN_LYRICS, "recent", None, P.TIME_LYRICS, None, P.QUIT)
PLAYBACK_MENU = (
    *(P.PLAY, P.BACK, P.FORWARD, None),
    *(P.PREVIOUS_LINE, P.NEXT_LINE, P.PREVIOUS_STANZA, P.NEXT_STANZA, None),
    *(P.SLOWER, P.FASTER, P.NORMAL_SPEED, None),
    *(P.OFFSET_DOWN, P.OFFSET_UP, None),
    *(P.VOCALS_OFF, P.KEY_DOWN, P.KEY_UP, P.ORIGINAL_KEY),
)
VIEW_MENU = (
    *(P.PRESENT, P.TEACHING, None, P.PANEL, P.FULLSCREEN, None),
    *(P.BIGGER, P.SMALLER, P.RESET_TEXT, P.WIDE_SPACING, "themes", "languages"),
)
HELP_MENU = (P.HELP, P.ABOUT)

MenuItem = P | str | None


def build_menu_bar(window: MainWindow) -> None:
    """File, Playback, View and Help, with the theme and language choices and recent songs."""
    window.theme_actions = _choice_group(
        window, {t.name: window.tr(t.label) for t in THEMES.values()}, window.apply_theme
    )
    window.language_actions = _choice_group(window, LANGUAGES, window.set_language)
    check_data(window.language_actions, window.language)
    bar = window.menuBar()
    for title, items in (
        (window.tr("&File"), FILE_MENU),
        (window.tr("&Playback"), PLAYBACK_MENU),
        (window.tr("&View"), VIEW_MENU),
        (window.tr("&Help"), HELP_MENU),
    ):
        _fill(window, bar.addMenu(title), items)
    refresh_recent(window)


def _fill(window: MainWindow, menu: QMenu, items: tuple[MenuItem, ...]) -> None:
    for item in items:
        if item is None:
            menu.addSeparator()
        elif item == "recent":
            window.recent_menu = menu.addMenu(window.tr("Open &recent"))
        elif item == "themes":
            menu.addMenu(window.tr("&Theme")).addActions(window.theme_actions.actions())
        elif item == "languages":
            submenu = menu.addMenu(window.tr("Explanation &language"))
            submenu.addActions(window.language_actions.actions())
        elif isinstance(item, P):
            menu.addAction(window.action(item))


def _choice_group(window: MainWindow, choices: dict[str, str], choose) -> QActionGroup:
    """One checkable action per choice (data → label); triggering one calls ``choose(data)``."""
    group = QActionGroup(window)
    for data, label in choices.items():
        item = QAction(label, group, checkable=True)
        item.setData(data)
        item.triggered.connect(lambda _=False, data=data: choose(data))
    return group


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
        window.statusBar().showMessage(session.sing_along_message(), 5000)


def refresh_recent(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    for entry in window.settings.recent:
        item = menu.addAction(entry)
        item.triggered.connect(lambda _=False, p=entry: window.open_path(Path(p)))
    menu.setEnabled(bool(window.settings.recent))
