"""QActions made from a command table (:mod:`karaoke.app.commands`): one per command, with its
label and keys, triggering the slot the window gives for it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from karaoke.app.commands import Command

C = TypeVar("C", bound=Command)


def bind_actions(
    owner: QWidget,
    slots: Mapping[C, Callable[[], object]],
    *,
    checkable: frozenset[C] = frozenset(),
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> dict[C, QAction]:
    """An action per command in ``slots``, added to ``owner`` so its keys work even with the menu
    bar hidden (fullscreen). Slots take no arguments; a checkable action's slot reads the action."""
    actions: dict[C, QAction] = {}
    for command, slot in slots.items():
        action = describe_action(QAction(owner), command)
        action.setShortcutContext(context)
        action.setCheckable(command in checkable)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        owner.addAction(action)
        actions[command] = action
    return actions


def describe_action(action: QAction, command: Command) -> QAction:
    """Give an action Qt made (a dock's toggle, say) the label and keys of ``command``."""
    action.setText(command.text)
    action.setShortcuts([QKeySequence(key) for key in command.keys])
    return action
