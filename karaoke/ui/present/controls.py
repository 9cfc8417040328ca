"""What the presentation's keys and the presenter console's controls do.

Every slot looks the session up when it runs (``p.session``), never when it is connected: a
lesson changes the song, and with it the session, under the same windows and keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from karaoke.app.commands import OFFSET_STEP_MS
from karaoke.app.commands import PresentCommand as C
from karaoke.app.settings import TEXT_SCALE_STEP

if TYPE_CHECKING:
    from karaoke.ui.present.presentation import Presentation


def connect_console(p: Presentation) -> None:
    """The console's transport, check boxes, screen list, stanza list and stop button."""
    console = p.console
    t = console.transport
    t.play_pause_clicked.connect(lambda: p.session.toggle())
    t.seek_requested.connect(lambda media_ms: p.session.seek(media_ms))
    t.previous_line_clicked.connect(lambda: p.session.previous_line())
    t.next_line_clicked.connect(p.next)
    t.previous_stanza_clicked.connect(p.previous_stanza)
    t.next_stanza_clicked.connect(lambda: p.next_stanza())
    t.volume_changed.connect(lambda volume: set_volume(p, volume))
    t.rate_changed.connect(lambda rate: t.show_rate(p.session.set_rate(rate)))
    console.teaching_toggled.connect(p.set_teaching)
    console.blackout_toggled.connect(p.set_blackout)
    console.screen_chosen.connect(p.choose_screen)
    console.stanza_chosen.connect(lambda index: go_to_stanza(p, index))
    console.stop_requested.connect(p.stop)


def set_volume(p: Presentation, volume: int) -> None:
    p.settings.volume = volume
    p.session.set_volume(volume)


def go_to_stanza(p: Presentation, index: int) -> None:
    """The console's stanza list: to the start of stanza ``index``."""
    p.session.seek_lyrics(p.session.timeline.stanza_start_ms(index))


def command_slots(p: Presentation) -> dict[C, Callable[[], object]]:
    """Every presentation command → what it does."""

    def nudge_offset(delta_ms: int) -> None:
        p.session.set_offset(p.session.offset_ms + delta_ms)

    return {
        C.NEXT: p.next,
        C.PREVIOUS: lambda: p.session.previous_line(),
        C.NEXT_STANZA: p.next_stanza,
        C.PREVIOUS_STANZA: p.previous_stanza,
        C.PLAY: lambda: p.session.toggle(),
        C.BLACKOUT: p.toggle_blackout,
        C.TEACHING: lambda: p.set_teaching(not p.session.teaching),
        C.STOP: p.stop,
        C.BIGGER: lambda: p.scale_text(TEXT_SCALE_STEP),
        C.SMALLER: lambda: p.scale_text(1 / TEXT_SCALE_STEP),
        C.OFFSET_DOWN: lambda: nudge_offset(-OFFSET_STEP_MS),
        C.OFFSET_UP: lambda: nudge_offset(OFFSET_STEP_MS),
        C.VOCALS_OFF: lambda: p.session.set_vocals_off(not p.session.vocals_off),
        C.KEY_DOWN: lambda: p.session.set_key_shift(p.session.key_shift - 1),
        C.KEY_UP: lambda: p.session.set_key_shift(p.session.key_shift + 1),
        C.NOTES: p.toggle_notes,
        C.FULLSCREEN: p.toggle_fullscreen,
        C.SIDE_COLUMN: p.audience.toggle_side_column,
        C.NEXT_SOURCES: p.audience.teaching.next_sources_page,
        C.JOIN: lambda: p.phones.toggle_join(),
        C.QUESTION: lambda: p.checkpoints.step(),
    }
