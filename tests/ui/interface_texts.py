"""What a person sees and hears of a window, for the language and accessibility tests.

:func:`shown_texts` walks a window the way a user would meet it: its title, every menu and
action, label, button, tab, group box, placeholder, tool tip and accessible name. Run a window
once in English and once in Spanish (:func:`in_language`); :func:`untranslated` is what the
Spanish run still shows in English. :func:`unnamed_controls` lists the controls a keyboard
reaches that a screen reader could not name or describe.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtGui import QAccessible, QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from karaoke.app.translations import install_language

#: Text that reads the same in both languages: numbers, times, key names, units, symbols.
_NEUTRAL = re.compile(r"^[\W\d_]*(?:[\d:.,]+\s*(?:ms|s|×|%)?)?[\W\d_]*$")


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Install ``language`` for the block, then English again."""
    install_language(language)
    try:
        QApplication.processEvents()  # the LanguageChange events reach the widgets
        yield
    finally:
        install_language("en")
        QApplication.processEvents()


def plain(text: str) -> str:
    """``text`` as read: rich text to plain, no ``&`` mnemonic marks, spaces collapsed."""
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    text = re.sub(r"&(?=\w)", "", text).replace("&&", "&")
    return " ".join(text.split())


def _actions(root: QWidget) -> Iterable[QAction]:
    seen: set[int] = set()
    for action in [*root.actions(), *root.findChildren(QAction)]:
        if id(action) not in seen:
            seen.add(id(action))
            yield action
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield action
            yield from _menu_actions(action.menu())


def _menu_actions(menu: object) -> Iterable[QAction]:
    if isinstance(menu, QMenu):
        for action in menu.actions():
            yield action
            yield from _menu_actions(action.menu())


def shown_texts(root: QWidget) -> dict[str, str]:
    """Every user-visible string under ``root`` (visible or not: menus and hidden pages count),
    keyed by where it is (class, object name and role). Plain text, as read."""
    found: dict[str, str] = {}

    def add(where: str, text: str) -> None:
        if text := plain(text or ""):
            found[f"{where}: {text}"] = text

    add(f"{type(root).__name__} window title", root.windowTitle())
    for action in _actions(root):
        add("action", action.text())
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            add("action tooltip", action.toolTip())
        add("action status tip", action.statusTip())
        if isinstance(action.menu(), QMenu):
            add("menu", action.menu().title())
    for widget in [root, *root.findChildren(QWidget)]:
        kind = f"{type(widget).__name__} {widget.objectName()}".strip()
        add(f"{kind} tooltip", widget.toolTip())
        add(f"{kind} accessible name", widget.accessibleName())
        add(f"{kind} accessible description", widget.accessibleDescription())
        if isinstance(widget, QLabel | QAbstractButton):
            add(kind, widget.text())
        elif isinstance(widget, QGroupBox):
            add(kind, widget.title())
        elif isinstance(widget, QLineEdit):
            add(f"{kind} placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(f"{kind} item", widget.itemText(index))
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(f"{kind} tab", widget.tabText(index))
        elif isinstance(widget, QDockWidget | QMenu):
            add(f"{kind} title", widget.windowTitle() or getattr(widget, "title", str)())
    return found


def untranslated(
    english: dict[str, str], spanish: dict[str, str], same_in_both: Iterable[str] = ()
) -> list[str]:
    """The Spanish run's strings that the English run shows too: not translated. Numbers, times
    and symbols, and the ``same_in_both`` strings (names, the song's own text), are left out."""
    allowed = {plain(text) for text in same_in_both}
    english_texts = set(english.values())
    return sorted(
        where
        for where, text in spanish.items()
        if text in english_texts and text not in allowed and not _NEUTRAL.match(text)
    )


def keyboard_controls(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` the keyboard can reach (Tab focus), shown and enabled."""
    from PySide6.QtCore import Qt

    return [
        widget
        for widget in [root, *root.findChildren(QWidget)]
        if widget.isVisibleTo(root)
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def unnamed_controls(root: QWidget) -> list[str]:
    """The keyboard-reachable controls whose accessible interface (what a screen reader reads)
    has no name or no description."""
    missing = []
    for widget in keyboard_controls(root):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        description = interface.text(QAccessible.Text.Description) if interface else ""
        if not name.strip() or not description.strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} "
                f"(name {name!r}, description {description!r})"
            )
    return missing
