"""The player window handing its song to a presentation and taking it back (kept out of
:mod:`.main_window` so that it stays small); a lesson playing goes along (see
:mod:`.lesson_player`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from karaoke.app.song_setup import SongSetup
from karaoke.ui.present import handover
from karaoke.ui.present.handover import PlaybackState

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow


def start_presenting(
    window: MainWindow,
    screen_index: int | None = None,
    *,
    start_ms: int = 0,
    play: bool = True,
    offset_ms: int | None = None,
    setup: SongSetup | None = None,
) -> None:
    """Hand the window's song to the audience window and the presenter console exactly as it
    plays there (or as asked when nothing plays yet): see :mod:`karaoke.ui.present.handover`.
    ``setup``: the song's player and session made already (a lesson's item), else made now."""
    if window.opened is None or window.presentation is not None:
        return
    from karaoke.ui.present.presentation import Presentation  # start-up need not pay for it

    volume, rate = window.volume.hand_over(), window.transport.speed.currentData()
    asked = PlaybackState(start_ms, play, rate, volume, offset_ms, window.teaching)
    state, window.session = handover.leave(window.session, volume, asked), None
    window.hide()
    window.presentation = presentation = Presentation(
        setup or window.set_up(window.opened, state.offset_ms),
        window.settings,
        screen_index=screen_index,
        teaching=state.teaching,
        problems=window.opened.problems,
    )
    presentation.finished.connect(lambda state: presentation_finished(window, state))
    if window.lesson is not None:
        window.lesson.follow_presentation(presentation)
    presentation.resume(state)


def presentation_finished(window: MainWindow, state: PlaybackState) -> None:
    """Back exactly where the class was; active, so that the first key works."""
    window.presentation = None
    window.show()
    window.activateWindow()
    if window.opened is not None:
        if state.teaching != window.teaching:  # its status message only when it changed
            window.set_teaching(state.teaching)
        window.load(window.opened, play=False, offset_ms=state.offset_ms)
        handover.resume_with_transport(window.session, state, window.transport)
        if window.lesson is not None and window.session is not None:
            window.lesson.follow_window()
