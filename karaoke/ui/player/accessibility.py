"""The player window for keyboard and screen-reader users: the focus order and the accessible
names and descriptions of the controls the window itself makes.

The shared widgets (lyrics view, transport, explanation panel) name their own controls; the
window only orders them. Tab goes from the lyrics to the explanation panel's controls: the
transport's buttons and sliders take no focus (so Space, the arrows and the rest reach the
window wherever the focus is), and every one of their functions has a key instead (play,
seek, lines, stanzas, speed, volume 9 / 0 / M: F1 lists them).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from karaoke.app.commands import PlayerCommand as P
from karaoke.ui.shared.key_text import key_names

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow


def focus_chain(window: MainWindow) -> list[QWidget]:
    """The window's keyboard-reachable widgets in the order Tab visits them."""
    order: list[QWidget] = [window.lyrics]
    for part in (window.transport, window.panel):
        order += [
            widget
            for widget in [part, *part.findChildren(QWidget)]
            # Not a combo box's popup list: a window of its own.
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.window() is window
        ]
    return order


def set_tab_order(window: MainWindow) -> None:
    """Tab goes lyrics → explanation panel; a transport control that took focus (none does
    today) would come between them, where the eye meets it."""
    chain = focus_chain(window)
    for before, after in pairwise(chain):
        QWidget.setTabOrder(before, after)


def describe_controls(window: MainWindow) -> None:
    """Accessible names and descriptions of what the window makes (again on a language
    change): the explanation dock and its title bar's buttons (Qt names those once, when the
    dock is made, so they would stay in the first language)."""
    dock = window.dock
    dock.setAccessibleName(QCoreApplication.translate("MainWindow", "Explanation"))
    dock.setAccessibleDescription(
        QCoreApplication.translate(
            "MainWindow", "The science behind the stanza being sung, with its sources"
        )
    )
    close = dock.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    if close is not None:
        close.setAccessibleName(QCoreApplication.translate("MainWindow", "Close"))
        hide = QCoreApplication.translate("MainWindow", "Hide the explanation panel (%1)")
        close.setAccessibleDescription(hide.replace("%1", key_names(P.PANEL.keys)))
    detach = dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton")
    if detach is not None:
        detach.setAccessibleName(QCoreApplication.translate("MainWindow", "Detach"))
        detach.setAccessibleDescription(
            QCoreApplication.translate(
                "MainWindow", "Detach the explanation panel or dock it again"
            )
        )
