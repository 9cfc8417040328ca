"""The main window: video, lyrics and transport in the middle, the explanation panel at the side.

It owns the widgets; playback logic lives in :class:`PlaybackSession`, song set-up in
:func:`set_up_song`, the commands in :class:`PlayerCommand` (what each does:
:mod:`.command_slots`; menus: :mod:`.menus`; dialogs: :mod:`.dialogs`; focus order:
:mod:`.accessibility`). Songs are opened through a ``PlayerFactory`` so tests can give it the
fake player. Every text is set in :meth:`MainWindow.retranslate`, again on a language change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QSplitter

from karaoke import APP_NAME
from karaoke.app.commands import PlayerCommand as P
from karaoke.app.settings import TEXT_SCALE_STEP, Settings, clamp_text_scale
from karaoke.app.translations import install_language, interface_language
from karaoke.core.clock import PlaybackClock
from karaoke.core.lesson_file import is_lesson_file
from karaoke.core.media import is_audio_only
from karaoke.ui.player import window_parts as parts  # each loaded on first use: see build
from karaoke.ui.shared.theme import Theme, apply_palette, theme_named

if TYPE_CHECKING:
    from karaoke.app.players import PlayerFactory
    from karaoke.app.session import PlaybackSession
    from karaoke.app.song_setup import SongSetup
    from karaoke.core.package import OpenedSong
    from karaoke.ui.player.lesson_player import LessonPlayer
    from karaoke.ui.present.presentation import Presentation


class MainWindow(QMainWindow):
    theme_actions: QActionGroup  # these five: made by menus.build_menu_bar
    language_actions: QActionGroup
    interface_actions: QActionGroup
    recent_menu: QMenu
    titled_menus: list[tuple[QMenu, str]]  # each menu and its English title, to retranslate

    def __init__(
        self,
        make_player: PlayerFactory,
        settings: Settings,
        language: str | None = None,
        make_clock: Callable[[], PlaybackClock] = PlaybackClock,
        *,
        build: bool = True,
    ) -> None:
        """The window, built; with ``build=False`` only its frame (show_frame, then build)."""
        super().__init__()
        self.make_player = make_player
        self.make_clock = make_clock
        self.settings = settings
        self.session: PlaybackSession | None = None
        self.presentation: Presentation | None = None  # while presenting
        self.teaching = False
        self.translation: str | None = None
        self.opened: OpenedSong | None = None
        self.lesson: LessonPlayer | None = None  # the lesson playing, if any (.lesson_player)
        self.language = language or settings.language
        self.theme: Theme = theme_named(settings.theme)
        self.text_scale = settings.text_scale
        self._lyrics_only = False  # the title card says "Lyrics only"
        self.setWindowTitle(APP_NAME)
        if build:
            self.build()

    def show_frame(self) -> None:
        """Put the window on screen empty (theme colours, its coming size and place) while the
        modules that make its contents load (docs/performance.md §12). Call build() next."""
        apply_palette(self.theme)
        self._place()
        self.show()
        self.repaint()  # its background now, not what was on the screen there
        QGuiApplication.sync()  # the window system gets the request now, not at the next event

    def build(self) -> None:
        """Make the window's contents: widgets, actions, menus, the layout the user left."""
        self.volume = parts.player_volume.Volume(self)
        self._build_widgets()
        self.actions_by_command = parts.command_slots.build_actions(self)
        parts.menus.build_menu_bar(self)
        if self.isVisible():  # after show_frame, parts added would show at the next event:
            for part in (self.menuBar(), self.centralWidget(), self.statusBar()):
                if part is not None:  # shown now, so the dock is sized with them in place
                    part.show()
        self._restore_layout()
        self.apply_theme(self.theme.name)  # not stored: unset, the desktop's contrast decides
        self.retranslate()
        parts.accessibility.set_tab_order(self)
        self.lyrics.setFocus()

    def _build_widgets(self) -> None:
        self.banner = parts.widgets.Banner()
        self.screen_stack = parts.widgets.MediaScreen()
        self.video, self.card = self.screen_stack.video, self.screen_stack.card
        self.lyrics = parts.lyrics_view.LyricsView()
        self.lyrics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.lyrics.line_clicked.connect(self._on_line_clicked)
        self.lyrics.set_text_scale(self.text_scale)
        self.transport = parts.transport.Transport()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.screen_stack)
        self.splitter.addWidget(self.lyrics)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(
            parts.widgets.tight_column(self.banner, (self.splitter, 1), self.transport)
        )

        self.panel = parts.explanation_panel.ExplanationPanel()
        self.panel.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dock = QDockWidget(self)
        self.dock.setObjectName("explanationDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.messages = parts.messages.Messages(self.statusBar(), self.banner)
        parts.command_slots.connect_transport(self)

    def _first_size(self) -> tuple[int, int]:
        """The window's size on a first run, in pixels: most of its screen."""
        screen = self.screen().availableGeometry()
        return int(screen.width() * 0.85), int(screen.height() * 0.85)

    def _place(self) -> None:
        """A first run's size, centred on the screen; then where the user left the window."""
        self.resize(*self._first_size())
        self.move(self.screen().availableGeometry().center() - self.rect().center())
        if geometry := self.settings.geometry():
            self.restoreGeometry(geometry)

    def _restore_layout(self) -> None:
        """Sizes for a first run (most of the screen, video over lyrics 3:2, the panel a third),
        then what the user left last time."""
        width, height = self._first_size()
        if not self.isVisible():  # else show_frame placed it
            self._place()
        self.splitter.setSizes([height * 3 // 5, height * 2 // 5])
        self.dock.setMinimumWidth(280)
        self.resizeDocks([self.dock], [max(320, width // 3)], Qt.Orientation.Horizontal)
        settings, panel_visible = self.settings, self.settings.panel_visible  # before: restoring
        if state := settings.window_state():  # a shown window's state toggles the panel's action
            self.restoreState(state)
        self.dock.setVisible(panel_visible)
        self.transport.show_volume(settings.volume)
        self.actions_by_command[P.WIDE_SPACING].setChecked(settings.wide_spacing)
        self.lyrics.set_wide_spacing(settings.wide_spacing)
        self.actions_by_command[P.EASY_READING].setChecked(settings.easy_reading)
        self.set_easy_reading(settings.easy_reading)

    # Songs --------------------------------------------------------------------------------------

    def load(
        self,
        opened: OpenedSong,
        *,
        start_ms: int = 0,
        play: bool = True,
        offset_ms: int | None = None,
        setup: SongSetup | None = None,
    ) -> None:
        """Show and play ``opened`` (its ``setup`` made already, or made now); replaces the
        current song."""
        if self.session is not None:
            self.session.close()
        song = opened.song
        self.opened = opened
        self.banner.dismiss()
        setup = setup or self.set_up(opened, offset_ms)
        session = self.session = setup.session
        session.position_changed.connect(self._on_position)
        session.playing_changed.connect(self.transport.set_playing)
        session.length_changed.connect(self.transport.set_length)
        session.problem.connect(self._on_playback_problem)
        session.offset_changed.connect(self._on_offset_changed)  # from now on: the user's nudges
        session.vocals_off_changed.connect(lambda _on: parts.menus.show_sing_along(self))
        session.key_shift_changed.connect(lambda _semitones: parts.menus.show_sing_along(self))
        parts.menus.show_sing_along(self, changed=False)
        parts.video.attach_video(session.player, self.video)
        self._show_screen(setup.video)
        for notice in parts.friendly_errors.friendly_notices(setup.notices, opened.problems):
            self.messages.show_banner(notice)
        session.set_rate(self.transport.speed.currentData())
        session.set_volume(self.volume.audible())  # muted stays muted from song to song
        session.set_teaching(self.teaching)
        self.lyrics.set_timeline(session.timeline)
        self.lyrics.set_translations(setup.translations)
        self.panel.set_song(song)
        self.panel.set_language(setup.language)
        self.transport.set_length(session.length_ms)
        self._show_stanza_marks()
        self.setWindowTitle(f"{song.title} — {APP_NAME}")  # names: the same in every language
        self.settings.add_recent(song.source_path)
        parts.menus.refresh_recent(self)
        if start_ms:
            session.seek(start_ms)
        session.tick()
        self._on_position(session.position_ms())
        if play:
            session.play()

    def set_up(self, opened: OpenedSong, offset_ms: int | None = None) -> SongSetup:
        """The song's player and session, as this window's choices say (shared by the
        presentation, which takes over the song)."""
        return parts.song_setup.set_up_song(
            opened,
            self.make_player,
            self.settings,
            make_clock=self.make_clock,
            offset_ms=offset_ms,
            translation=self.translation,
            language=self.language,
        )

    def _show_stanza_marks(self) -> None:
        """Where each stanza starts, on the seek bar: media ms, so they move with the offset."""
        session = self.session
        if session is None:
            return
        marks = [start + session.offset_ms for start in session.timeline.stanza_starts_ms()]
        self.transport.seek.set_marks(marks, self.theme.accent)

    def _show_screen(self, video: bool) -> None:
        assert self.session is not None
        song = self.session.song
        self._lyrics_only = not (self.session.player.has_video_output and song.media)
        self._show_card()
        self.screen_stack.show_video(
            video and song.media is not None and not is_audio_only(song.media)
        )

    def _show_card(self) -> None:
        """The title card: the song's title and subtitle, and "Lyrics only" without video."""
        if self.session is not None:
            song = self.session.song
            only = QCoreApplication.translate("MainWindow", "Lyrics only")
            note = only if self._lyrics_only else ""
            self.card.set_text(song.title, song.subtitle, note)

    def open_path(self, path: Path, lyrics: Path | None = None) -> bool:
        """Open a song or a lesson from the File menu; a bad file gives a message and keeps the
        current song."""
        if lyrics is None and is_lesson_file(path):
            from karaoke.ui.player.lesson_player import open_lesson

            return open_lesson(self, path)
        package = parts.package_import
        if lyrics is None and package.is_package_file(path):  # a .karaoke: offer to import it
            return package.open_package(self, path)
        opened = parts.dialogs.open_or_explain(self, path, lyrics)
        if opened is None:
            return False
        if self.lesson is not None:
            self.lesson.end()  # a song of its own now: the lesson's place is kept for later
        self.load(opened)
        return True

    def set_teaching(self, on: bool) -> None:
        self.teaching = on
        self.actions_by_command[P.TEACHING].setChecked(on)
        if self.session is not None:
            self.session.set_teaching(on)
        on_text = QT_TRANSLATE_NOOP("MainWindow", "Teaching pauses on")
        off_text = QT_TRANSLATE_NOOP("MainWindow", "Teaching pauses off")
        self.messages.status(lambda: parts.menus.tr(on_text if on else off_text), 2500)

    def set_wide_spacing(self, on: bool) -> None:
        self.settings.wide_spacing = on
        self.lyrics.set_wide_spacing(on)

    def set_easy_reading(self, on: bool) -> None:
        """The easy-reading (dyslexia-friendly) font, remembered; the presentation reads the
        setting too, like wide spacing."""
        self.settings.easy_reading = on
        self.lyrics.set_easy_reading(on)

    # Texts, in the interface's language ----------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the window in the interface's language: called once when built and on
        each LanguageChange, so no text is set in two places. What the status line and banner
        say now is said again; explanations that follow the interface follow it."""
        if self.opened is None:
            self.setWindowTitle(APP_NAME)
            self.lyrics.set_message(parts.menus.open_song_hint())
        self.dock.setWindowTitle(QCoreApplication.translate("MainWindow", "Explanation"))
        parts.command_slots.describe_actions(self)
        parts.menus.retranslate_menus(self)
        parts.accessibility.describe_controls(self)
        self._show_card()
        self.messages.say_again()
        if self.language is None and self.session is not None:
            self.panel.set_language(parts.song_setup.explanation_language(self.session.song, None))

    # Presenting -----------------------------------------------------------------------------------

    def start_presenting(
        self,
        screen_index: int | None = None,
        *,
        start_ms: int = 0,
        play: bool = True,
        offset_ms: int | None = None,
    ) -> None:
        """Present the song (see :func:`.presenting.start_presenting`)."""
        parts.presenting.start_presenting(
            self, screen_index, start_ms=start_ms, play=play, offset_ms=offset_ms
        )

    # Position, once per frame -----------------------------------------------------------------

    def _on_position(self, media_ms: int) -> None:
        session = self.session
        if session is None:
            return
        self.lyrics.set_position(media_ms - session.offset_ms)
        self.transport.show_position(media_ms)
        self.panel.follow(session.timeline.stanza_of_line(self.lyrics.current_line))

    def _on_playback_problem(self, message: str) -> None:
        def text() -> str:
            headline, detail = parts.friendly_errors.friendly_playback(message)
            going_on = QCoreApplication.translate("MainWindow", "The lyrics go on without it.")
            return f"{headline}. {going_on}\n{detail}"

        self.messages.show_banner(text)
        self.screen_stack.setCurrentWidget(self.card)
        self._lyrics_only = True
        self._show_card()

    def _on_line_clicked(self, index: int) -> None:
        if self.session:
            self.session.seek_line(index)

    def _on_offset_changed(self, offset_ms: int) -> None:
        self._show_stanza_marks()
        text = QT_TRANSLATE_NOOP("MainWindow", "Lyrics offset: %1 ms")
        self.messages.status(lambda: parts.menus.tr(text).replace("%1", f"{offset_ms:+d}"), 2500)

    # Commands (menus, keys, transport): what each does is in :mod:`.command_slots` ------------

    def action(self, command: P) -> QAction:
        return self.actions_by_command[command]

    def rate(self) -> float:
        """The playback speed (1.0: normal), also without a song."""
        return self.session.rate if self.session else 1.0

    def set_volume(self, volume: int) -> None:
        """The transport's slider: ``volume`` in percent, remembered (ends a mute)."""
        self.volume.set_level(volume)

    def set_rate(self, rate: float) -> None:
        if self.session is not None:
            rate = self.session.set_rate(rate)
        self.transport.show_rate(rate)
        text = QT_TRANSLATE_NOOP("MainWindow", "Speed: %1×")
        self.messages.status(
            lambda: parts.menus.tr(text).replace("%1", QLocale().toString(rate)), 2000
        )

    def nudge_offset(self, delta_ms: int) -> None:
        if self.session is not None:
            self.session.set_offset(self.session.offset_ms + delta_ms)

    def change_text_size(self, factor: float | None) -> None:
        self.text_scale = 1.0 if factor is None else clamp_text_scale(self.text_scale * factor)
        self.settings.text_scale = self.text_scale
        self.lyrics.set_text_scale(self.text_scale)

    def set_fullscreen(self, on: bool) -> None:
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        self.showFullScreen() if on else self.showNormal()

    def choose_theme(self, name: str) -> None:
        """View ▸ Theme: ``name`` applied and remembered. Only a choice is stored: until
        then the setting stays unset and each start follows the desktop's contrast."""
        self.settings.theme = name
        self.apply_theme(name)

    def apply_theme(self, name: str | None) -> None:
        """Show theme ``name`` (None: the desktop's choice) everywhere, without storing it."""
        self.theme = theme_named(name)
        apply_palette(self.theme)
        self.lyrics.set_theme(self.theme)
        self.transport.set_icon_color(self.theme.window.text)
        self.card.theme = self.theme
        self.card.update()
        self._show_stanza_marks()
        # apply_palette tells theme_notifier(): the panel and a presentation restyle themselves.
        parts.menus.check_data(self.theme_actions, self.theme.name)

    def set_interface_language(self, code: str) -> None:
        """View ▸ Interface language: ``code`` ("": the desktop's) remembered and installed now;
        Qt then sends every window a LanguageChange and each retranslates itself."""
        self.settings.interface_language = code
        parts.menus.check_data(self.interface_actions, code)
        install_language(interface_language(code or None))

    def set_language(self, language: str) -> None:
        """View ▸ Explanation language: the explanations' own, independent of the interface's;
        "" (Same as the interface) clears the choice, and they follow the interface again."""
        self.language = language or None
        self.settings.language = language  # "" is stored as unset
        parts.menus.check_data(self.language_actions, language)
        if self.session is not None:
            self.panel.set_language(
                parts.song_setup.explanation_language(self.session.song, self.language)
            )

    # Window events -----------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            up = event.angleDelta().y() > 0
            self.change_text_size(TEXT_SCALE_STEP if up else 1 / TEXT_SCALE_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "lyrics"):  # built
            self.retranslate()
        if event.type() == QEvent.Type.WindowStateChange and not self.isFullScreen():
            self.menuBar().setVisible(True)
            self.statusBar().setVisible(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.isFullScreen():
            self.settings.set_geometry(self.saveGeometry(), self.saveState())
        self.settings.sync()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)
        # Make sure the process ends even if a stray top-level (a dialog) is still around.
        QTimer.singleShot(0, QApplication.quit)
