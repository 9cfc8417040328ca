"""Giving a player a widget to draw its video into, in one place for every window."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from karaoke.player.base import Player
from karaoke.ui.shared.qt_platforms import HEADLESS_PLATFORMS


def attach_video(player: Player, widget: QWidget) -> bool:
    """Let ``player`` draw into ``widget``'s native window; False when it cannot or need not.

    Offscreen there is no native window to draw into, and attaching one would override
    libvlc's ``--vout`` choice (``set_xwindow`` resets it), so nothing is attached there."""
    if not player.has_video_output or QGuiApplication.platformName() in HEADLESS_PLATFORMS:
        return False
    player.attach_video(int(widget.winId()))
    return True
