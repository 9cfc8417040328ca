"""Presenting to a class: the audience window on the projector, the console on the laptop, one
playback session, and keys that presentation clickers send.

Clicker keys (most clickers send PgDn/PgUp; some →/←, B or '.', F5/Shift+F5 and Esc):

- Next (PgDn, →, ↓): the next line — or, during a teaching pause, continue.
- Previous (PgUp, ←, ↑): the previous line.
- B or '.': black out the audience screen, and back.
- F5 / Shift+F5: play / pause (in the main window they start presenting). Esc: stop presenting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from karaoke.app.commands import OFFSET_STEP_MS
from karaoke.app.commands import PresentCommand as C
from karaoke.app.settings import TEXT_SCALE_STEP, Settings, clamp_text_scale
from karaoke.app.song_setup import SongSetup
from karaoke.ui.present.audience_window import AudienceWindow
from karaoke.ui.present.presenter_console import PresenterConsole
from karaoke.ui.present.screens import audience_screen, console_screen, describe_screens
from karaoke.ui.shared.actions import bind_actions
from karaoke.ui.shared.theme import apply_palette, theme_named
from karaoke.ui.shared.video import attach_video


class Presentation(QObject):
    """Runs until :meth:`stop`; ``finished`` then gives the media position to resume from."""

    finished = Signal(int)

    def __init__(
        self,
        setup: SongSetup,
        settings: Settings,
        *,
        screen_index: int | None = None,
        teaching: bool = False,
    ) -> None:
        """Present the song of ``setup`` (made by :func:`set_up_song`: the same set-up as the
        player window's, so offset, translation and language are chosen in one place)."""
        super().__init__()
        self._stopped = False
        self.song = setup.session.song
        self.settings = settings
        self.audience = AudienceWindow()
        self.console = PresenterConsole()
        self.session, self.language = setup.session, setup.language
        self._show_song(setup)
        self._connect_session()
        self._connect_console()
        self.actions = bind_actions(
            self.audience,
            self._command_slots(),
            # Whichever of the two windows has focus, a clicker's key must work.
            context=Qt.ShortcutContext.ApplicationShortcut,
        )
        self.set_teaching(teaching)
        self.audience_screen = audience_screen(screen_index)
        self.place_windows()
        attach_video(self.session.player, self.audience.video)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)  # windows exist, so a GUI application does
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screen_removed)
        self._on_position(self.session.position_ms())

    def _show_song(self, setup: SongSetup) -> None:
        """The song, the theme and the reading options on both windows; what went wrong in the
        console's status line."""
        settings, session = self.settings, self.session
        theme = theme_named(settings.theme)
        apply_palette(theme)
        self.audience.set_theme(theme)
        self.audience.lyrics.set_wide_spacing(settings.wide_spacing)
        self.console.transport.set_icon_color("#e8e8e8" if theme.dark else "#2b2b2b")
        self.audience.set_song(self.song, session.timeline, setup.video, setup.translations)
        self.console.set_song(self.song, self.language)
        self.console.transport.set_length(session.length_ms)
        self.console.transport.show_volume(settings.volume)
        if setup.notices:
            self.console.status.setText(" ".join(setup.notices))

    def _connect_session(self) -> None:
        session = self.session
        session.position_changed.connect(self._on_position)
        session.length_changed.connect(self.console.transport.set_length)
        session.playing_changed.connect(self._on_playing)
        session.teaching_paused.connect(self._on_teaching_pause)
        session.problem.connect(self.console.status.setText)
        self.audience.text_scale_wheel.connect(self.scale_text)
        self.audience.closed.connect(self.stop)
        self.console.closed.connect(self.stop)

    # Windows and screens ---------------------------------------------------------------------

    def place_windows(self) -> None:
        screen = self.audience_screen
        self.audience.fit_to(screen, self.settings.present_text_scale(screen.name()))
        self.audience.place_on(screen)
        laptop = console_screen(screen)
        if laptop is None:
            self.console.hide()  # one screen: the audience view has it, keys do the rest
        else:
            if self.console.windowHandle() is not None:
                self.console.windowHandle().setScreen(laptop)
            area = laptop.availableGeometry()
            self.console.setGeometry(area.adjusted(20, 20, -20, -20))
            self.console.show()
        self._refresh_screen_list()
        # The audience window takes the keys (a clicker talks to whichever window is active);
        # once shown, so that the window system has it to activate.
        QTimer.singleShot(0, self._activate_audience)

    def _activate_audience(self) -> None:
        if not self._stopped:
            self.audience.raise_()
            self.audience.activateWindow()

    def _refresh_screen_list(self) -> None:
        screens = QGuiApplication.screens()
        index = screens.index(self.audience_screen) if self.audience_screen in screens else 0
        self.console.set_screens(describe_screens(), index)

    def choose_screen(self, index: int) -> None:
        screens = QGuiApplication.screens()
        if 0 <= index < len(screens):
            self.audience_screen = screens[index]
            self.place_windows()

    def _screens_changed(self, _screen: QScreen | None = None) -> None:
        self._refresh_screen_list()

    def _screen_removed(self, screen: QScreen) -> None:
        """The projector was unplugged: bring the audience view back to a screen that exists."""
        if screen is self.audience_screen:
            remaining = [s for s in QGuiApplication.screens() if s is not screen]
            self.audience_screen = remaining[0] if remaining else QGuiApplication.primaryScreen()
            # After Qt has finished moving windows off the old screen.
            QTimer.singleShot(0, self.place_windows)
        else:
            QTimer.singleShot(0, self._refresh_screen_list)

    # Playback ----------------------------------------------------------------------------------

    def start(self, start_ms: int = 0, play: bool = True) -> None:
        if start_ms:
            self.session.seek(start_ms)
        if play:
            self.session.play()

    def _on_position(self, media_ms: int) -> None:
        session = self.session
        lyrics_ms = media_ms - session.offset_ms
        self.audience.lyrics.set_position(lyrics_ms)
        line = self.audience.lyrics.current_line
        stanza = session.timeline.stanza_of_line(line)
        if self.audience.page != "teaching":
            self.audience.key_idea.show_stanza(self.song, stanza, self.language)
        self.console.show_state(line, stanza, media_ms, session.length_ms)
        self.console.transport.show_position(media_ms)

    def _on_playing(self, playing: bool) -> None:
        self.console.transport.set_playing(playing)
        if playing:
            self.console.status.clear()
            if not self.audience.blacked_out:
                self.audience.show_song()

    def _on_teaching_pause(self, stanza: int) -> None:
        self.audience.show_teaching(self.song, stanza, self.language)
        self.console.status.setText(
            "Teaching pause: explain the stanza, then press Next to continue."
        )

    def next(self) -> None:
        """A clicker's next: continue after a teaching pause, else the next line."""
        if self.session.waiting_after is not None:
            self.session.play()
        else:
            self.session.next_line()

    def previous(self) -> None:
        self.session.previous_line()

    def set_teaching(self, on: bool) -> None:
        self.session.set_teaching(on)
        self.console.teach.blockSignals(True)
        self.console.teach.setChecked(on)
        self.console.teach.blockSignals(False)

    def toggle_blackout(self) -> None:
        self.set_blackout(not self.audience.blacked_out)

    def set_blackout(self, on: bool) -> None:
        self.audience.set_blackout(on, teaching=self.session.waiting_after is not None)
        self.console.blackout.blockSignals(True)
        self.console.blackout.setChecked(on)
        self.console.blackout.blockSignals(False)

    def scale_text(self, factor: float) -> None:
        name = self.audience_screen.name()
        scale = clamp_text_scale(self.settings.present_text_scale(name) * factor)
        self.settings.set_present_text_scale(name, scale)
        self.audience.fit_to(self.audience_screen, scale)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        position = self.session.position_ms()
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.disconnect(self._screens_changed)
        app.screenRemoved.disconnect(self._screen_removed)
        self.session.close()
        # Whoever resumes shows its window first, so closing ours never leaves the app windowless.
        self.finished.emit(position)
        self.audience.close()
        self.console.close()

    # Controls ---------------------------------------------------------------------------------

    def _connect_console(self) -> None:
        console, session = self.console, self.session
        t = console.transport
        t.play_pause_clicked.connect(session.toggle)
        t.seek_requested.connect(session.seek)
        t.previous_line_clicked.connect(self.previous)
        t.next_line_clicked.connect(self.next)
        t.previous_stanza_clicked.connect(session.previous_stanza)
        t.next_stanza_clicked.connect(session.next_stanza)
        t.volume_changed.connect(self._set_volume)
        t.rate_changed.connect(lambda rate: t.show_rate(session.set_rate(rate)))
        console.teaching_toggled.connect(self.set_teaching)
        console.blackout_toggled.connect(self.set_blackout)
        console.screen_chosen.connect(self.choose_screen)
        console.stop_requested.connect(self.stop)

    def _set_volume(self, volume: int) -> None:
        self.settings.volume = volume
        self.session.set_volume(volume)

    def _command_slots(self) -> dict[C, Callable[[], object]]:
        session = self.session
        return {
            C.NEXT: self.next,
            C.PREVIOUS: self.previous,
            C.NEXT_STANZA: session.next_stanza,
            C.PREVIOUS_STANZA: session.previous_stanza,
            C.PLAY: session.toggle,
            C.BLACKOUT: self.toggle_blackout,
            C.TEACHING: lambda: self.set_teaching(not session.teaching),
            C.STOP: self.stop,
            C.BIGGER: lambda: self.scale_text(TEXT_SCALE_STEP),
            C.SMALLER: lambda: self.scale_text(1 / TEXT_SCALE_STEP),
            C.OFFSET_DOWN: lambda: session.set_offset(session.offset_ms - OFFSET_STEP_MS),
            C.OFFSET_UP: lambda: session.set_offset(session.offset_ms + OFFSET_STEP_MS),
            C.SIDE_COLUMN: self.audience.toggle_side_column,
            C.NEXT_SOURCES: self.audience.teaching.next_sources_page,
        }

    def windows(self) -> list[QWidget]:
        return [self.audience, self.console]
