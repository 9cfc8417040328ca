"""The modules that build and run the main window's contents, each loaded on first use.

:class:`~karaoke.ui.player.main_window.MainWindow` shows its frame before they load
(``show_frame``, then ``build``: docs/performance.md §12), so importing the window costs only
its frame. Type checkers see plain imports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from karaoke.ui.shared.lazy_import import lazy_module

if TYPE_CHECKING:
    from karaoke.app import song_setup
    from karaoke.ui.player import (
        accessibility,
        command_slots,
        dialogs,
        menus,
        package_import,
        presenting,
    )
    from karaoke.ui.player import volume as player_volume
    from karaoke.ui.shared import (
        explanation_panel,
        friendly_errors,
        lyrics_view,
        messages,
        transport,
        video,
        widgets,
    )
else:
    accessibility = lazy_module("karaoke.ui.player.accessibility")
    command_slots = lazy_module("karaoke.ui.player.command_slots")
    dialogs = lazy_module("karaoke.ui.player.dialogs")
    menus = lazy_module("karaoke.ui.player.menus")
    package_import = lazy_module("karaoke.ui.player.package_import")
    presenting = lazy_module("karaoke.ui.player.presenting")
    player_volume = lazy_module("karaoke.ui.player.volume")
    song_setup = lazy_module("karaoke.app.song_setup")
    explanation_panel = lazy_module("karaoke.ui.shared.explanation_panel")
    friendly_errors = lazy_module("karaoke.ui.shared.friendly_errors")
    lyrics_view = lazy_module("karaoke.ui.shared.lyrics_view")
    messages = lazy_module("karaoke.ui.shared.messages")
    transport = lazy_module("karaoke.ui.shared.transport")
    video = lazy_module("karaoke.ui.shared.video")
    widgets = lazy_module("karaoke.ui.shared.widgets")

__all__ = [
    *("accessibility", "command_slots", "dialogs", "menus", "package_import", "presenting"),
    *("player_volume", "song_setup", "explanation_panel", "friendly_errors"),
    *("lyrics_view", "messages", "transport", "video", "widgets"),
]
