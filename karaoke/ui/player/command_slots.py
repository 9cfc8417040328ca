"""What each of the player window's commands does: the slots behind its actions and its
transport's buttons (the window owns the widgets; this module only wires them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from karaoke.app.commands import OFFSET_STEP_MS, RATE_STEP, SEEK_STEP_MS
from karaoke.app.commands import PlayerCommand as P
from karaoke.app.session import PlaybackSession
from karaoke.app.settings import TEXT_SCALE_STEP
from karaoke.ui.player import dialogs
from karaoke.ui.shared.actions import bind_actions, describe_action

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow

#: A command's work on the session, for commands that need a song.
SessionCommand = Callable[[PlaybackSession], object]
#: The commands whose actions carry a check mark.
CHECKABLE = frozenset({P.TEACHING, P.WIDE_SPACING, P.EASY_READING, P.VOCALS_OFF, P.MUTE})


def on_session(window: MainWindow, command: SessionCommand) -> Callable[[], None]:
    """A slot that does ``command`` to the window's current session, and nothing without a
    song (the session is looked up when the slot runs: songs come and go)."""

    def run() -> None:
        if window.session is not None:
            command(window.session)

    return run


def connect_transport(window: MainWindow) -> None:
    """The transport's buttons, seek bar, volume and speed, to the session."""
    t = window.transport

    def on(command: SessionCommand) -> Callable[[], None]:
        return on_session(window, command)

    t.play_pause_clicked.connect(on(PlaybackSession.toggle))
    t.seek_requested.connect(lambda ms: on(lambda s: s.seek(ms))())
    t.previous_line_clicked.connect(on(PlaybackSession.previous_line))
    t.next_line_clicked.connect(on(PlaybackSession.next_line))
    t.previous_stanza_clicked.connect(on(PlaybackSession.previous_stanza))
    t.next_stanza_clicked.connect(on(PlaybackSession.next_stanza))
    t.volume_changed.connect(window.set_volume)
    t.rate_changed.connect(window.set_rate)


def command_slots(w: MainWindow) -> dict[P, Callable[[], object]]:
    """Every command but the panel's (the dock's own action) → what it does."""

    def on(command: SessionCommand) -> Callable[[], None]:
        return on_session(w, command)

    return {
        P.PLAY: on(PlaybackSession.toggle),
        P.BACK: on(lambda s: s.seek_relative(-SEEK_STEP_MS)),
        P.FORWARD: on(lambda s: s.seek_relative(SEEK_STEP_MS)),
        P.PREVIOUS_LINE: on(PlaybackSession.previous_line),
        P.NEXT_LINE: on(PlaybackSession.next_line),
        P.PREVIOUS_STANZA: on(PlaybackSession.previous_stanza),
        P.NEXT_STANZA: on(PlaybackSession.next_stanza),
        P.SLOWER: lambda: w.set_rate(w.rate() - RATE_STEP),
        P.FASTER: lambda: w.set_rate(w.rate() + RATE_STEP),
        P.NORMAL_SPEED: lambda: w.set_rate(1.0),
        P.OFFSET_DOWN: on(lambda s: s.set_offset(s.offset_ms - OFFSET_STEP_MS)),
        P.OFFSET_UP: on(lambda s: s.set_offset(s.offset_ms + OFFSET_STEP_MS)),
        P.VOCALS_OFF: on(lambda s: s.set_vocals_off(not s.vocals_off)),
        P.KEY_DOWN: on(lambda s: s.set_key_shift(s.key_shift - 1)),
        P.KEY_UP: on(lambda s: s.set_key_shift(s.key_shift + 1)),
        P.ORIGINAL_KEY: on(lambda s: s.set_key_shift(0)),
        P.VOLUME_DOWN: lambda: w.volume.step(-1),
        P.VOLUME_UP: lambda: w.volume.step(1),
        P.MUTE: w.volume.toggle_mute,
        P.FULLSCREEN: lambda: w.set_fullscreen(not w.isFullScreen()),
        P.LEAVE_FULLSCREEN: lambda: w.set_fullscreen(False),
        P.BIGGER: lambda: w.change_text_size(TEXT_SCALE_STEP),
        P.SMALLER: lambda: w.change_text_size(1 / TEXT_SCALE_STEP),
        P.RESET_TEXT: lambda: w.change_text_size(None),
        P.PRESENT: lambda: w.start_presenting(),
        P.TEACHING: lambda: w.set_teaching(not w.teaching),
        P.WIDE_SPACING: lambda: w.set_wide_spacing(w.action(P.WIDE_SPACING).isChecked()),
        P.EASY_READING: lambda: w.set_easy_reading(w.action(P.EASY_READING).isChecked()),
        P.OPEN: lambda: dialogs.open_song_dialog(w),
        P.OPEN_MEDIA: lambda: dialogs.open_media_dialog(w),
        P.OPEN_LYRICS: lambda: dialogs.open_lyrics_dialog(w),
        P.LIBRARY: lambda: _library(w),
        P.NEW_LESSON: lambda: _new_lesson(w),
        P.EXPORT_STUDY_PACK: lambda: _export_study_pack(w),
        P.TIME_LYRICS: lambda: _time_lyrics(w),
        P.QUIT: w.close,
        P.HELP: lambda: dialogs.show_keys(w),
        P.ABOUT: lambda: dialogs.show_about(w),
    }


# The library, lesson, study-pack and timing windows are imported when first asked for: most sessions
# never open them, and the player should start without their modules.
def _library(window: MainWindow) -> None:
    from karaoke.ui.library.library_dialog import show_library

    show_library(window)


def _new_lesson(window: MainWindow) -> None:
    from karaoke.ui.library.lesson_builder import new_lesson

    new_lesson(window)


def _export_study_pack(window: MainWindow) -> None:
    from karaoke.ui.handout.export_dialog import export_study_pack

    export_study_pack(window)


def _time_lyrics(window: MainWindow) -> None:
    """File ▸ Time lyrics…: the timing editor, in its own window (the song here pauses)."""
    from karaoke.ui.timing.editor_window import open_sync_dialogs

    if window.session is not None:
        window.session.pause()
    open_sync_dialogs(window, window.make_player, window.make_clock)


def _remember_panel(window: MainWindow, shown: bool) -> None:
    """Store the panel's visibility when it changed: shown, or hidden itself (its close
    button; the menu and the key are stored as triggered, before the panel hides). The window
    closing hides it too, not itself: storing that hid the panel at every start after a quit."""
    if shown or window.dock.isHidden():
        window.settings.panel_visible = shown


def build_actions(window: MainWindow) -> dict[P, QAction]:
    """One action per :class:`PlayerCommand`, its keys working even with the menu bar hidden."""
    actions = bind_actions(window, command_slots(window), checkable=CHECKABLE)
    # The panel's action is the dock's own, so it follows the dock however it is closed.
    panel = describe_action(window.dock.toggleViewAction(), P.PANEL)
    panel.toggled.connect(lambda on: _remember_panel(window, on))
    panel.triggered.connect(lambda on: setattr(window.settings, "panel_visible", on))
    window.addAction(panel)
    actions[P.PANEL] = panel
    return actions


def describe_actions(window: MainWindow) -> None:
    """Every command's label again, in the interface's language (on a language change)."""
    for command, action in window.actions_by_command.items():
        describe_action(action, command)
