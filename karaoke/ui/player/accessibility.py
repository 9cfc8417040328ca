"""The player window for keyboard and screen-reader users: the focus order and the accessible
names and descriptions of the controls the window itself makes.

The shared widgets (lyrics view, transport, explanation panel) name their own controls; the
window only orders them: lyrics → transport → explanation panel, the way the eye reads them.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

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
    """Tab goes lyrics → transport (in its own order) → explanation panel."""
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
        close.setAccessibleDescription(
            QCoreApplication.translate("MainWindow", "Hide the explanation panel (E)")
        )
    detach = dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton")
    if detach is not None:
        detach.setAccessibleName(QCoreApplication.translate("MainWindow", "Detach"))
        detach.setAccessibleDescription(
            QCoreApplication.translate(
                "MainWindow", "Detach the explanation panel or dock it again"
            )
        )
