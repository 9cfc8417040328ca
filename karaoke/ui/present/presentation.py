"""Presenting to a class: the audience window on the projector, the console on the laptop, one
playback session, and keys that presentation clickers send.

Clicker keys (most clickers send PgDn/PgUp; some →/←, B or '.', F5/Shift+F5 and Esc):

- Next (PgDn, →, ↓): the next line — or, during a teaching pause, continue.
- Previous (PgUp, ←, ↑): the previous line.
- B or '.': black out the audience screen, and back.
- F5 / Shift+F5: play / pause (in the main window they start presenting). Esc: stop presenting.

Every key says what it did on the audience view itself (:mod:`.notices`): on one screen, or a
laptop mirrored to the projector, that is all the teacher sees. Playback comes in and goes back
out as a :class:`~.handover.PlaybackState` (position, playing, rate, volume, offset, teaching).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from karaoke.app.commands import PresentCommand as C
from karaoke.app.settings import Settings, clamp_text_scale
from karaoke.app.song_setup import SongSetup
from karaoke.core.errors import Problem
from karaoke.core.model import pick
from karaoke.core.timefmt import format_ms
from karaoke.ui.present import controls, handover
from karaoke.ui.present.audience_window import AudienceWindow
from karaoke.ui.present.checkpoints import Checkpoints
from karaoke.ui.present.console_widgets import PlayState
from karaoke.ui.present.handover import PlaybackState
from karaoke.ui.present.notices import Notice, Shown, StatusMarks, announcement, notice_text
from karaoke.ui.present.phones import Phones
from karaoke.ui.present.presenter_console import PresenterConsole
from karaoke.ui.present.screens import audience_screen, console_screen
from karaoke.ui.shared.actions import bind_actions, describe_action
from karaoke.ui.shared.friendly_errors import friendly_notices, friendly_playback
from karaoke.ui.shared.theme import Theme, apply_palette, theme_named, theme_notifier
from karaoke.ui.shared.video import attach_video


class Presentation(QObject):
    """Runs until :meth:`stop`; ``finished`` then gives the :class:`PlaybackState` to resume
    from (where the class was)."""

    finished = Signal(object)
    #: The "next stanza" command ran (a lesson moves on from its item's last stanza).
    next_stanza_done = Signal()
    previous_stanza_done = Signal()

    def __init__(
        self,
        setup: SongSetup,
        settings: Settings,
        *,
        screen_index: int | None = None,
        teaching: bool = False,
        problems: Sequence[Problem] = (),
    ) -> None:
        """Present the song of ``setup`` (made by :func:`set_up_song`: the same set-up as the
        player window's, so offset, translation and language are chosen in one place);
        ``problems``: the song's (``OpenedSong.problems``), for the notices' plain headlines."""
        super().__init__()
        self._stopped = False
        self.song = setup.session.song
        self.settings = settings
        self.audience = AudienceWindow()
        self.console = PresenterConsole()
        # Not in the audience window's layout: over it, placed over the lyrics area.
        self.notice = Notice(self.audience)
        self.marks = StatusMarks(self.audience.lyrics)
        self.session, self.language = setup.session, setup.language
        # A theme switch anywhere (apply_palette) restyles both windows, live.
        theme_notifier().changed.connect(self.apply_theme)
        self._show_song(setup, problems)
        self._connect_session()
        self._connect_windows()
        controls.connect_console(self)
        self.checkpoints = Checkpoints(self)  # a stanza's question: console, remote, report
        self.actions = bind_actions(
            self.audience,
            controls.command_slots(self),
            # Whichever of the two windows has focus, a clicker's key must work.
            context=Qt.ShortcutContext.ApplicationShortcut,
        )
        for command, action in self.actions.items():  # after the command's own slot
            action.triggered.connect(lambda _=False, command=command: self._announce(command))
        self.phones = Phones(self, setup.translations)  # started by start_phones / the console
        self.checkpoints.follow(self.phones)
        self.set_teaching(teaching)
        self.audience_screen = audience_screen(screen_index)
        self.place_windows()
        attach_video(self.session.player, self.audience.video)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)  # windows exist, so a GUI application does
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screen_removed)
        self._on_position(self.session.position_ms())

    def _show_song(self, setup: SongSetup, problems: Sequence[Problem]) -> None:
        """The song, the theme and the reading options on both windows; what went wrong in the
        console's status line."""
        settings, session = self.settings, self.session
        self.audience.set_reading(
            wide_spacing=settings.wide_spacing, easy_reading=settings.easy_reading
        )
        self.audience.set_song(self.song, session.timeline, setup.video, setup.translations)
        self.console.set_song(self.song, session.timeline, self.language)
        self.console.transport.set_length(session.length_ms)
        apply_palette(theme_named(settings.theme))
        self.console.transport.show_volume(settings.volume)
        # A plain headline over its file:line detail, never the core's developer sentence alone.
        self.console.status.say(*friendly_notices(setup.notices, list(problems)))

    def _connect_session(self) -> None:
        session = self.session
        session.position_changed.connect(self._on_position)
        # The session shows the position again itself when the length arrives while paused.
        session.length_changed.connect(self.console.transport.set_length)
        session.offset_changed.connect(self._show_stanza_marks)
        session.playing_changed.connect(self._on_playing)
        session.teaching_paused.connect(self._on_teaching_pause)
        session.problem.connect(self._on_playback_problem)
        session.vocals_off_changed.connect(self._show_sing_along)
        session.key_shift_changed.connect(self._show_sing_along)

    def _connect_windows(self) -> None:
        self.audience.text_scale_wheel.connect(self.scale_text)
        self.audience.closed.connect(self.stop)
        self.console.closed.connect(self.stop)
        # Qt sends LanguageChange to every widget: the audience window's, for its actions.
        self.audience.installEventFilter(self)

    def change_song(self, setup: SongSetup, problems: Sequence[Problem] = ()) -> None:
        """Present the song of ``setup`` in the same windows, keys, console and phones (a
        lesson's next item); the song presented until now is closed."""
        old = self.session
        old.blockSignals(True)  # nothing it says from now on reaches the windows
        old.close()
        self.session, self.language, self.song = setup.session, setup.language, setup.session.song
        self._show_song(setup, problems)
        self._connect_session()
        self.checkpoints.change_song(self)
        self.phones.change_song(setup.translations)
        attach_video(self.session.player, self.audience.video)
        self.set_teaching(self.session.teaching)
        self.audience.show_song()  # off a teaching slide of the song before (unless blacked out)
        self._on_position(self.session.position_ms())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The interface language changed: the actions' labels (F1, screen readers) again. What
        the class reads keeps the explanation language."""
        if watched is self.audience and event.type() == QEvent.Type.LanguageChange:
            for command, action in self.actions.items():
                describe_action(action, command)
        return False

    def apply_theme(self, theme: Theme) -> None:
        """Restyle both windows live in ``theme``: on every :func:`apply_palette` (the player
        window's View ▸ Theme), whose palette the console's widgets follow by themselves.

        The audience view follows the theme rather than staying dark: the teacher picks it for
        the room — light for a bright room where a projector washes out dark backgrounds, high
        contrast for low-vision students and weak projectors."""
        self.theme = theme
        for styled in (self.audience, self.notice, self.marks):
            styled.set_theme(theme)
        self.console.apply_theme(theme)
        self._show_stanza_marks()

    # Windows and screens ---------------------------------------------------------------------

    def place_windows(self) -> None:
        screen = self.audience_screen
        self.audience.fit_to(screen, self.settings.present_text_scale(screen.name()))
        self.audience.place_on(screen)
        self.notice.set_screen_height(screen.geometry().height())
        self.marks.set_screen_height(screen.geometry().height())
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
        self.console.set_screens(index)

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
        """Play from ``start_ms`` (or wait there paused, the frame shown), as set up."""
        session, volume = self.session, self.settings.volume
        self.resume(PlaybackState(
            start_ms, play, session.rate, volume, session.offset_ms, session.teaching
        ))  # fmt: skip

    def resume(self, state: PlaybackState) -> None:
        """Carry on exactly where ``state`` says (where the class was in the main window)."""
        handover.resume(self.session, state)
        self.set_teaching(state.teaching)
        self.console.transport.show_rate(state.rate)
        self.console.transport.show_volume(state.volume)
        self._on_position(self.session.position_ms())
        self._show_playback()

    def _on_position(self, media_ms: int) -> None:
        session = self.session
        lyrics_ms = media_ms - session.offset_ms
        self.audience.lyrics.set_position(lyrics_ms)
        line = self.audience.lyrics.current_line
        self.audience.describe_line(self.song.lines[line].text if line is not None else "")
        stanza = session.timeline.stanza_of_line(line)
        if self.audience.page != "teaching":
            self.audience.key_idea.show_stanza(self.song, stanza, self.language)
        self.console.show_state(line, stanza, media_ms, session.length_ms)
        self.console.transport.show_position(media_ms)
        counter = f"{stanza + 1}/{len(self.song.stanzas)}" if stanza is not None else ""
        self.marks.show_state(not session.playing, counter)
        self._show_playback()  # a seek ends a teaching pause without a signal

    def _show_playback(self) -> None:
        """The console's badge: playing, paused or in a teaching pause; black-out or not."""
        session = self.session
        state = PlayState.PLAYING if session.playing else PlayState.PAUSED
        if session.waiting_after is not None:
            state = PlayState.TEACHING
        self.console.show_playback(state, self.audience.blacked_out)

    def _on_playing(self, playing: bool) -> None:
        self.console.transport.set_playing(playing)
        self._show_playback()
        self.marks.show_state(not playing, self.marks.counter)
        if playing:
            self.console.status.clear()
            self.audience.show_song()  # unless blacked out

    def _on_teaching_pause(self, stanza: int) -> None:
        self.audience.show_teaching(self.song, stanza, self.language)
        self._show_playback()

    def next(self) -> None:
        """A clicker's next: continue after a teaching pause, else the next line."""
        if self.session.waiting_after is not None:
            self.session.play()
            self._announce(C.PLAY)
        else:
            self.session.next_line()

    def next_stanza(self) -> None:
        self.session.next_stanza()
        self.next_stanza_done.emit()

    def previous_stanza(self) -> None:
        self.session.previous_stanza()
        self.previous_stanza_done.emit()

    def set_teaching(self, on: bool) -> None:
        self.session.set_teaching(on)
        self.console.teach.blockSignals(True)
        self.console.teach.setChecked(on)
        self.console.teach.blockSignals(False)

    def _show_sing_along(self, _changed: object = None) -> None:
        """Why vocals off cannot take the voice out of this song, on the console's status line
        (the change itself is announced on the audience view)."""
        if self.session.vocals_off_problem():
            self.console.status.say(self.session.sing_along_message)

    def _on_playback_problem(self, message: str) -> None:
        """The media cannot play (``message`` is the player's sentence): a plain headline on the
        console over the player's words."""
        self.console.status.say(lambda: "\n".join(friendly_playback(message)))

    def toggle_blackout(self) -> None:
        self.set_blackout(not self.audience.blacked_out)

    def set_blackout(self, on: bool) -> None:
        self.audience.set_blackout(on, teaching=self.session.waiting_after is not None)
        self.console.blackout.blockSignals(True)
        self.console.blackout.setChecked(on)
        self.console.blackout.blockSignals(False)
        self._show_playback()
        self.phones.publish()

    def scale_text(self, factor: float) -> None:
        name = self.audience_screen.name()
        scale = clamp_text_scale(self.settings.present_text_scale(name) * factor)
        self.settings.set_present_text_scale(name, scale)
        self.audience.fit_to(self.audience_screen, scale)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        state = handover.capture(self.session, self.settings.volume)
        self.notice.dismiss()
        theme_notifier().changed.disconnect(self.apply_theme)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.disconnect(self._screens_changed)
        app.screenRemoved.disconnect(self._screen_removed)
        self.session.close()
        # Whoever resumes shows its window first, so closing ours never leaves the app windowless.
        self.finished.emit(state)
        self.audience.close()
        self.console.close()

    # Controls ---------------------------------------------------------------------------------

    def toggle_fullscreen(self) -> None:
        """F: the audience view fullscreen on its screen, or in a window there (so that a
        teacher on one screen can reach the desktop)."""
        if not self.audience.isFullScreen():
            self.audience.place_on(self.audience_screen)
            return
        area = self.audience_screen.availableGeometry()
        self.audience.showNormal()
        self.audience.setGeometry(
            area.adjusted(area.width() // 8, area.height() // 8, -area.width() // 8, -20)
        )

    def toggle_notes(self) -> None:
        """N: the current stanza's teacher notes and the time on the audience view for a few
        seconds — only when asked; N again hides them."""
        if self.notice.showing_notes:
            self.notice.dismiss()
            return
        session, language = self.session, self.language
        stanza = session.timeline.stanza_at(session.lyrics_ms())
        notes = pick(self.song.stanzas[stanza].notes, language) if stanza is not None else ""
        time = notice_text(
            language,
            "time",
            elapsed=format_ms(session.position_ms(), millis=False),
            length=format_ms(session.length_ms, millis=False),
            clock=QTime.currentTime().toString("HH:mm"),
        )
        self.notice.place(self._lyrics_area())
        self.notice.show_notes(
            notice_text(language, "notes"), notes or notice_text(language, "no_notes"), time
        )

    # What the audience view says back ------------------------------------------------------------

    def _lyrics_area(self) -> QRect:
        """Where notices may go: the lyrics, in the audience window's coordinates (never the
        video, which libvlc paints over any Qt widget)."""
        lyrics = self.audience.lyrics
        return QRect(lyrics.mapTo(self.audience, QPoint(0, 0)), lyrics.size())

    def _shown(self) -> Shown:
        session, song = self.session, self.song
        stanza = session.timeline.stanza_at(session.lyrics_ms())
        title = pick(song.stanzas[stanza].title, self.language) if stanza is not None else ""
        return Shown(
            playing=session.playing,
            teaching=session.teaching,
            offset_ms=session.offset_ms,
            text_percent=round(self.settings.present_text_scale(self.audience_screen.name()) * 100),
            blacked_out=self.audience.blacked_out,
            fullscreen=self.audience.isFullScreen(),
            side_column=self.audience.side_column_visible,
            vocals_off=session.vocals_off,
            key_shift=session.key_shift,
            stanza=stanza,
            stanzas=len(song.stanzas),
            stanza_title=title,
        )

    def _announce(self, command: C) -> None:
        """The notice for ``command``, which has just run (none for those that show for
        themselves)."""
        said = announcement(command, self._shown(), self.language)
        if said is not None:
            self.notice.place(self._lyrics_area())
            self.notice.announce(*said)

    def _show_stanza_marks(self, _offset_ms: int = 0) -> None:
        """Each stanza's start on the console's seek bar, in media ms: they move with the
        offset."""
        session = self.session
        marks = [start + session.offset_ms for start in session.timeline.stanza_starts_ms()]
        self.console.transport.seek.set_marks(marks, self.theme.accent)

    def windows(self) -> list[QWidget]:
        return [self.audience, self.console]
