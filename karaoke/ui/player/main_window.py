"""The main window: video, lyrics and transport in the middle, the explanation panel at the side.

It owns the widgets and the menus; playback logic lives in :class:`PlaybackSession`. Songs are
opened through a ``PlayerFactory`` so tests can give it the fake player.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from karaoke import __version__
from karaoke.app.players import PlayerFactory
from karaoke.app.session import PlaybackSession
from karaoke.app.settings import TEXT_SCALE_RANGE, Settings
from karaoke.core.clock import PlaybackClock
from karaoke.core.errors import SongError
from karaoke.core.formats import READERS, read_lyrics
from karaoke.core.media import MEDIA_EXTENSIONS, is_audio_only
from karaoke.core.model import Song
from karaoke.core.package import OpenedSong, open_song
from karaoke.core.translation import align_translation
from karaoke.player.base import Player
from karaoke.ui.shared.explanation_panel import ExplanationPanel, ui_text
from karaoke.ui.shared.lyrics_view import LyricsView
from karaoke.ui.shared.shortcuts import SHORTCUTS, shortcuts_html
from karaoke.ui.shared.theme import THEMES, Theme, apply_palette, theme_named
from karaoke.ui.shared.transport import Transport
from karaoke.ui.shared.widgets import Banner, MediaScreen

APP_NAME = "Karaoke de ciencia"
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
OFFSET_STEP_MS = 50
TEXT_SCALE_STEP = 1.15
LANGUAGES = {"es": "Español", "en": "English"}


class MainWindow(QMainWindow):
    def __init__(
        self,
        make_player: PlayerFactory,
        settings: Settings,
        language: str | None = None,
        make_clock: Callable[[], PlaybackClock] = PlaybackClock,
    ) -> None:
        super().__init__()
        self.make_player = make_player
        self.make_clock = make_clock
        self.settings = settings
        self.session: PlaybackSession | None = None
        self.presentation = None  # a karaoke.ui.present.presentation.Presentation while presenting
        self.teaching = False
        self.translation: str | None = None
        self.opened: OpenedSong | None = None
        self.language = language or settings.language
        self.theme: Theme = theme_named(settings.theme)
        self.text_scale = settings.text_scale

        self.banner = Banner()
        self.screen_stack = MediaScreen()
        self.video, self.card = self.screen_stack.video, self.screen_stack.card
        self.lyrics = LyricsView()
        self.lyrics.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.lyrics.line_clicked.connect(self._on_line_clicked)
        self.lyrics.set_text_scale(self.text_scale)
        self.transport = Transport()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.screen_stack)
        self.splitter.addWidget(self.lyrics)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.transport)
        self.setCentralWidget(central)

        self.panel = ExplanationPanel()
        self.panel.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dock = QDockWidget(self.tr("Explanation"), self)
        self.dock.setObjectName("explanationDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

        self._connect_transport()
        self._build_actions()
        self._build_menus()
        self.setWindowTitle(APP_NAME)
        self._first_layout()
        if geometry := settings.geometry():
            self.restoreGeometry(geometry)
        if state := settings.window_state():
            self.restoreState(state)
        self.dock.setVisible(settings.panel_visible)
        self.transport.show_volume(settings.volume)
        self.apply_theme(self.theme.name)
        self.act_wide.setChecked(settings.wide_spacing)
        self.lyrics.set_wide_spacing(settings.wide_spacing)
        self.lyrics.set_message(self.tr("Open a song with File ▸ Open (Ctrl+O)."))
        self.lyrics.setFocus()

    def _first_layout(self) -> None:
        """Sizes for a first run: most of the screen, video over lyrics 3:2, the panel a third."""
        screen = self.screen().availableGeometry()
        width, height = int(screen.width() * 0.85), int(screen.height() * 0.85)
        self.resize(width, height)
        self.move(screen.center() - self.rect().center())
        self.splitter.setSizes([height * 3 // 5, height * 2 // 5])
        self.dock.setMinimumWidth(280)
        self.resizeDocks([self.dock], [max(320, width // 3)], Qt.Orientation.Horizontal)

    # Songs --------------------------------------------------------------------------------------

    def load(
        self,
        opened: OpenedSong,
        *,
        start_ms: int = 0,
        play: bool = True,
        offset_ms: int | None = None,
    ) -> None:
        """Show and play ``opened``; replaces the current song."""
        if self.session is not None:
            self.session.close()
        song = opened.song
        self.opened = opened
        self.banner.dismiss()
        player, warning = self.make_player(song)
        session = PlaybackSession(song, player, self.make_clock())
        self.session = session
        session.position_changed.connect(self._on_position)
        session.playing_changed.connect(self.transport.set_playing)
        session.length_changed.connect(self._on_length)
        session.problem.connect(self._on_playback_problem)
        # Offscreen (tests, benchmarks) there is no native window to draw into; attaching one
        # would also override libvlc's --vout choice (set_xwindow resets it).
        if player.has_video_output and QGuiApplication.platformName() not in HEADLESS_PLATFORMS:
            player.attach_video(int(self.video.winId()))
        self._show_screen(song, player, warning)
        if warning:
            self.banner.show_message(warning)
        for problem in opened.problems:
            if "media file not found" in problem.message:
                self.banner.show_message(str(problem))

        key = song.manifest_path or song.lyrics_path
        session.set_offset(
            self.settings.offset_for(key, song.offset_ms) if offset_ms is None else offset_ms
        )
        if offset_ms is not None:
            self.settings.set_offset(key, offset_ms)  # --offset is remembered like G/H
        session.offset_changed.connect(self._on_offset_changed)  # from now on: the user's nudges
        session.set_volume(self.transport.volume.value())
        session.set_rate(self.transport.speed.currentData())
        self.lyrics.set_timeline(session.timeline)
        self.lyrics.set_translations(self._translations(song))
        session.set_teaching(self.teaching)
        self.panel.set_song(song)
        self.panel.set_language(self._language_for(song))
        self.dock.setWindowTitle(ui_text(self._language_for(song), "panel"))
        self._on_length(session.length_ms)
        self.transport.seek.set_marks(
            [song.lines[s.first_line].start_ms + session.offset_ms for s in song.stanzas],
            self.theme.accent,
        )
        self.setWindowTitle(f"{song.title} — {APP_NAME}")
        self.settings.add_recent(key)
        self._refresh_recent()
        if start_ms:
            session.seek(start_ms)
        session.tick()
        self._on_position(session.position_ms())
        if play:
            session.play()

    def _translations(self, song: Song) -> dict[int, str]:
        path = song.translations.get(self.translation) if self.translation else None
        if path is None:
            return {}
        try:
            return align_translation(song.lines, read_lyrics(path).lines)
        except SongError as error:
            self.banner.show_message(str(error))
            return {}

    def set_translation(self, language: str | None) -> None:
        self.translation = language
        if self.session is not None:
            self.lyrics.set_translations(self._translations(self.session.song))

    def set_teaching(self, on: bool) -> None:
        self.teaching = on
        self.act_teach.setChecked(on)
        if self.session is not None:
            self.session.set_teaching(on)
        self.statusBar().showMessage(
            self.tr("Teaching pauses on") if on else self.tr("Teaching pauses off"), 2500
        )

    def set_wide_spacing(self, on: bool) -> None:
        self.settings.wide_spacing = on
        self.lyrics.set_wide_spacing(on)

    # Presenting -----------------------------------------------------------------------------------

    def start_presenting(
        self,
        screen_index: int | None = None,
        *,
        start_ms: int = 0,
        play: bool = True,
        offset_ms: int | None = None,
    ) -> None:
        """Hand the song to the audience window and the presenter console, where it was (or at
        ``start_ms`` when nothing plays yet)."""
        if self.opened is None or self.presentation is not None:
            return
        if self.session is not None:
            start_ms, play = self.session.position_ms(), self.session.playing
            self.session.close()
            self.session = None
        from karaoke.ui.present.presentation import Presentation  # start-up need not pay for it

        self.hide()
        self.presentation = Presentation(
            self.opened,
            self.make_player,
            self.settings,
            make_clock=self.make_clock,
            screen_index=screen_index,
            teaching=self.teaching,
            translation=self.translation,
            language=self.language,
            offset_ms=offset_ms,
        )
        self.presentation.finished.connect(self._presentation_finished)
        self.presentation.start(start_ms, play=play)

    def _presentation_finished(self, position_ms: int) -> None:
        self.presentation = None
        self.show()
        if self.opened is not None:
            self.load(self.opened, start_ms=position_ms, play=False)

    def _show_screen(self, song: Song, player: Player, warning: str | None) -> None:
        video = player.has_video_output and song.media is not None and not is_audio_only(song.media)
        note = ""
        if song.media is None or not player.has_video_output:
            note = self.tr("Lyrics only")
        self.card.set_text(song.title, song.subtitle, note)
        self.screen_stack.show_video(video)

    def _language_for(self, song: Song) -> str:
        return self.language or (song.language if song.language in LANGUAGES else "en")

    def open_path(self, path: Path, lyrics: Path | None = None) -> bool:
        """Open a song from the File menu; a bad file gives a message and keeps the current song."""
        try:
            opened = open_song(path, lyrics=lyrics)
            if opened.errors:
                raise opened.errors[0].as_error()
        except SongError as error:
            QMessageBox.warning(self, self.tr("Cannot open this song"), str(error))
            return False
        self.load(opened)
        return True

    # Position, once per frame -----------------------------------------------------------------

    def _on_position(self, media_ms: int) -> None:
        session = self.session
        if session is None:
            return
        lyrics_ms = media_ms - session.offset_ms
        self.lyrics.set_position(lyrics_ms)
        self.transport.show_position(media_ms)
        self.panel.follow(session.timeline.stanza_of_line(self.lyrics.current_line))

    def _on_length(self, length_ms: int) -> None:
        self.transport.set_length(length_ms)

    def _on_playback_problem(self, message: str) -> None:
        self.banner.show_message(message + " " + self.tr("The lyrics go on without it."))
        self.screen_stack.setCurrentWidget(self.card)
        self.card.set_text(
            self.session.song.title if self.session else "", "", self.tr("Lyrics only")
        )

    def _on_line_clicked(self, index: int) -> None:
        if self.session:
            self.session.seek_line(index)

    def _on_offset_changed(self, offset_ms: int) -> None:
        if self.session is None:
            return
        song = self.session.song
        self.settings.set_offset(song.manifest_path or song.lyrics_path, offset_ms)
        self.statusBar().showMessage(self.tr("Lyrics offset: {0:+d} ms").format(offset_ms), 2500)

    # Commands (menus, keys, transport) --------------------------------------------------------

    def _session_call(self, method: str, *args) -> None:
        if self.session is not None:
            getattr(self.session, method)(*args)

    def _connect_transport(self) -> None:
        t = self.transport
        t.play_pause_clicked.connect(lambda: self._session_call("toggle"))
        t.seek_requested.connect(lambda ms: self._session_call("seek", ms))
        t.previous_line_clicked.connect(lambda: self._session_call("previous_line"))
        t.next_line_clicked.connect(lambda: self._session_call("next_line"))
        t.previous_stanza_clicked.connect(lambda: self._session_call("previous_stanza"))
        t.next_stanza_clicked.connect(lambda: self._session_call("next_stanza"))
        t.volume_changed.connect(self._set_volume)
        t.rate_changed.connect(self.set_rate)

    def _set_volume(self, volume: int) -> None:
        self.settings.volume = volume
        self._session_call("set_volume", volume)

    def set_rate(self, rate: float) -> None:
        if self.session is not None:
            rate = self.session.set_rate(rate)
        self.transport.show_rate(rate)
        self.statusBar().showMessage(self.tr("Speed: {0:g}×").format(rate), 2000)

    def nudge_offset(self, delta_ms: int) -> None:
        if self.session is not None:
            self.session.set_offset(self.session.offset_ms + delta_ms)

    def change_text_size(self, factor: float | None) -> None:
        low, high = TEXT_SCALE_RANGE
        self.text_scale = 1.0 if factor is None else max(low, min(high, self.text_scale * factor))
        self.settings.text_scale = self.text_scale
        self.lyrics.set_text_scale(self.text_scale)

    def toggle_fullscreen(self) -> None:
        self.set_fullscreen(not self.isFullScreen())

    def set_fullscreen(self, on: bool) -> None:
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        self.showFullScreen() if on else self.showNormal()

    def apply_theme(self, name: str) -> None:
        self.theme = theme_named(name)
        self.settings.theme = self.theme.name
        apply_palette(self.theme)
        self.lyrics.set_theme(self.theme)
        self.transport.set_icon_color("#e8e8e8" if self.theme.dark else "#2b2b2b")
        self.card.theme = self.theme
        self.card.update()
        if self.session is not None:
            self.transport.seek.set_marks(self.transport.seek._marks_ms, self.theme.accent)
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == self.theme.name)

    def set_language(self, language: str) -> None:
        self.language = language
        self.settings.language = language
        self.panel.set_language(language)
        self.dock.setWindowTitle(ui_text(language, "panel"))
        for action in self.language_actions.actions():
            action.setChecked(action.data() == language)

    def _build_actions(self) -> None:
        def action(text: str, keys, slot, *, checkable: bool = False) -> QAction:
            item = QAction(text, self)
            if keys:
                sequences = keys if isinstance(keys, list) else [keys]
                item.setShortcuts([QKeySequence(k) for k in sequences])
            item.setCheckable(checkable)
            item.triggered.connect(slot)
            # Added to the window too, so shortcuts work in fullscreen with the menu bar hidden.
            self.addAction(item)
            return item

        s = SHORTCUTS
        self.act_open = action(self.tr("&Open song…"), s["open"], self._open_song_dialog)
        self.act_open_media = action(self.tr("Open &media…"), None, self._open_media_dialog)
        self.act_open_lyrics = action(self.tr("Open &lyrics…"), None, self._open_lyrics_dialog)
        self.act_time_lyrics = action(self.tr("&Time lyrics…"), None, self._time_lyrics)
        self.act_quit = action(self.tr("&Quit"), s["quit"], self.close)
        self.act_play = action(
            self.tr("&Play / pause"), s["play"], lambda: self._session_call("toggle")
        )
        self.act_back = action(
            self.tr("Back 5 s"), s["back"], lambda: self._session_call("seek_relative", -5000)
        )
        self.act_forward = action(
            self.tr("Forward 5 s"), s["forward"], lambda: self._session_call("seek_relative", 5000)
        )
        self.act_prev_line = action(
            self.tr("Previous line"),
            s["previous_line"],
            lambda: self._session_call("previous_line"),
        )
        self.act_next_line = action(
            self.tr("Next line"), s["next_line"], lambda: self._session_call("next_line")
        )
        self.act_prev_stanza = action(
            self.tr("Previous stanza"),
            s["previous_stanza"],
            lambda: self._session_call("previous_stanza"),
        )
        self.act_next_stanza = action(
            self.tr("Next stanza"), s["next_stanza"], lambda: self._session_call("next_stanza")
        )
        self.act_slower = action(
            self.tr("Slower"),
            s["slower"],
            lambda: self.set_rate((self.session.rate if self.session else 1.0) - 0.1),
        )
        self.act_faster = action(
            self.tr("Faster"),
            s["faster"],
            lambda: self.set_rate((self.session.rate if self.session else 1.0) + 0.1),
        )
        self.act_normal_speed = action(
            self.tr("Normal speed"), s["normal_speed"], lambda: self.set_rate(1.0)
        )
        self.act_offset_down = action(
            self.tr("Lyrics earlier (−50 ms)"),
            s["offset_down"],
            lambda: self.nudge_offset(-OFFSET_STEP_MS),
        )
        self.act_offset_up = action(
            self.tr("Lyrics later (+50 ms)"),
            s["offset_up"],
            lambda: self.nudge_offset(OFFSET_STEP_MS),
        )
        self.act_panel = self.dock.toggleViewAction()
        self.act_panel.setText(self.tr("&Explanation panel"))
        self.act_panel.setShortcuts([QKeySequence(k) for k in s["panel"]])
        self.act_panel.toggled.connect(lambda on: setattr(self.settings, "panel_visible", on))
        self.addAction(self.act_panel)
        self.act_fullscreen = action(
            self.tr("&Fullscreen"), s["fullscreen"], self.toggle_fullscreen
        )
        self.act_leave_fullscreen = action(
            self.tr("Leave fullscreen"), s["leave_fullscreen"], lambda: self.set_fullscreen(False)
        )
        self.act_bigger = action(
            self.tr("Bigger text"), s["bigger"], lambda: self.change_text_size(TEXT_SCALE_STEP)
        )
        self.act_smaller = action(
            self.tr("Smaller text"),
            s["smaller"],
            lambda: self.change_text_size(1 / TEXT_SCALE_STEP),
        )
        self.act_reset_text = action(
            self.tr("Normal text size"), s["reset_text"], lambda: self.change_text_size(None)
        )
        self.act_present = action(
            self.tr("&Present to a class"), s["present"], lambda: self.start_presenting()
        )
        self.act_teach = action(
            self.tr("&Teaching pauses"),
            s["teaching"],
            lambda: self.set_teaching(not self.teaching),
            checkable=True,
        )
        self.act_wide = action(
            self.tr("&Wider spacing"),
            None,
            lambda on=False: self.set_wide_spacing(self.act_wide.isChecked()),
            checkable=True,
        )
        self.act_shortcuts = action(self.tr("&Keyboard shortcuts"), s["help"], self._show_shortcuts)
        self.act_about = action(self.tr("&About"), None, self._show_about)

        self.theme_actions = QActionGroup(self)
        for theme in THEMES.values():
            item = QAction(self.tr(theme.label), self.theme_actions, checkable=True)
            item.setData(theme.name)
            item.triggered.connect(lambda _=False, name=theme.name: self.apply_theme(name))
        self.language_actions = QActionGroup(self)
        for code, label in LANGUAGES.items():
            item = QAction(label, self.language_actions, checkable=True)
            item.setData(code)
            item.setChecked(code == self.language)
            item.triggered.connect(lambda _=False, c=code: self.set_language(c))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_open, self.act_open_media, self.act_open_lyrics])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        file_menu.addSeparator()
        file_menu.addAction(self.act_time_lyrics)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        play_menu = bar.addMenu(self.tr("&Playback"))
        play_menu.addActions([self.act_play, self.act_back, self.act_forward])
        play_menu.addSeparator()
        play_menu.addActions(
            [self.act_prev_line, self.act_next_line, self.act_prev_stanza, self.act_next_stanza]
        )
        play_menu.addSeparator()
        play_menu.addActions([self.act_slower, self.act_faster, self.act_normal_speed])
        play_menu.addSeparator()
        play_menu.addActions([self.act_offset_down, self.act_offset_up])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.act_present, self.act_teach])
        view_menu.addSeparator()
        view_menu.addActions([self.act_panel, self.act_fullscreen])
        view_menu.addSeparator()
        view_menu.addActions([self.act_bigger, self.act_smaller, self.act_reset_text])
        view_menu.addAction(self.act_wide)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        theme_menu.addActions(self.theme_actions.actions())
        language_menu = view_menu.addMenu(self.tr("Explanation &language"))
        language_menu.addActions(self.language_actions.actions())
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.settings.recent:
            item = self.recent_menu.addAction(entry)
            item.triggered.connect(lambda _=False, p=entry: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent))

    # Dialogs ---------------------------------------------------------------------------------------

    def _open_song_dialog(self) -> None:
        lyrics = " ".join(f"*{ext}" for ext in sorted(READERS))
        media = " ".join(f"*{ext}" for ext in sorted(MEDIA_EXTENSIONS))
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open song"),
            "",
            self.tr("Songs (song.toml {0} {1});;All files (*)").format(lyrics, media),
        )
        if name:
            self.open_path(Path(name))

    def _open_media_dialog(self) -> None:
        media = " ".join(f"*{ext}" for ext in sorted(MEDIA_EXTENSIONS))
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open media"), "", self.tr("Media ({0})").format(media)
        )
        if name:
            self.open_path(Path(name))

    def _open_lyrics_dialog(self) -> None:
        lyrics = " ".join(f"*{ext}" for ext in sorted(READERS))
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open lyrics"), "", self.tr("Lyrics ({0})").format(lyrics)
        )
        if not name:
            return
        media = self.session.song.media if self.session else None
        # With media playing, new lyrics go with it; otherwise the lyrics open on their own.
        self.open_path(media, lyrics=Path(name)) if media else self.open_path(Path(name))

    def _time_lyrics(self) -> None:
        """File ▸ Time lyrics…: the timing editor, in its own window (the song here pauses)."""
        from karaoke.ui.timing.editor_window import open_sync_dialogs

        self._session_call("pause")
        open_sync_dialogs(self, self.make_player, self.make_clock)

    def _show_shortcuts(self) -> None:
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), shortcuts_html())

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {0}").format(APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            + self.tr("<p>A karaoke player for science songs: the video, the lyrics word by word, "
                      "and the science behind each verse with its sources.</p>"
                      "<p>Video and audio by libvlc; window by Qt.</p>"),
        )  # fmt: skip

    # Window events -----------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.change_text_size(
                TEXT_SCALE_STEP if event.angleDelta().y() > 0 else 1 / TEXT_SCALE_STEP
            )
            event.accept()
            return
        super().wheelEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
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
