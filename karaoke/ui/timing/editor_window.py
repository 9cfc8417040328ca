"""The timing editor's window: play a media, tap a key as each line starts, fix what is off, save.

The window only builds widgets, sends what the person does to its
:class:`~karaoke.app.timing.TimingController` and shows what the controller signals: the rules
of tapping, the journal, saving and every sentence live there. Its keys and menus are made from
the :class:`~karaoke.app.timing_commands.TimingCommand` table. Every text is in the interface's
language and set in :meth:`SyncWindow.retranslate`, again on each language change.

Questions that would open a dialog (resume a journal? save before closing? save with untimed
lines?) can be answered in advance through the constructor, which is how tests run them.
See ``docs/timing-editor.md`` for the person's side.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from karaoke import APP_NAME
from karaoke.app.players import PlayerFactory
from karaoke.app.timing import TimingController
from karaoke.app.timing_commands import TimingCommand
from karaoke.app.timing_document import ResumeOffer
from karaoke.app.timing_sentences import Text, arg
from karaoke.core.clock import PlaybackClock
from karaoke.core.errors import SongError
from karaoke.core.formats import read_lyrics
from karaoke.core.media import is_audio_only
from karaoke.core.paths import default_output
from karaoke.ui.shared.actions import bind_actions, describe_action
from karaoke.ui.shared.key_sheet import show_key_sheet
from karaoke.ui.shared.messages import Messages
from karaoke.ui.shared.video import attach_video
from karaoke.ui.shared.widgets import Banner, MediaScreen, tight_column
from karaoke.ui.timing.controls import SyncControls
from karaoke.ui.timing.dialogs import (
    ask_resume,
    ask_unsaved,
    choose_media_and_lyrics,
    choose_output,
    choose_package_folder,
    confirm_partial,
    show_lyrics_error,
)
from karaoke.ui.timing.keys import key_hint, key_name, mouse_help
from karaoke.ui.timing.lines_view import LinesView, NextLinePanel
from karaoke.ui.timing.waveform import WaveformStrip, strip_lines

T = TimingCommand
#: A menu entry: a command, None for a separator, or (title, entries) for a submenu.
MenuItem = TimingCommand | None | tuple[str, tuple["MenuItem", ...]]
NUDGE_MENU: tuple[MenuItem, ...] = (
    T.START_EARLIER, T.START_EARLIER_MORE, T.START_LATER, T.START_LATER_MORE,
    T.END_EARLIER, T.END_EARLIER_MORE, T.END_LATER, T.END_LATER_MORE,
)  # fmt: skip
TIMING_MENU: tuple[MenuItem, ...] = (
    T.TAP, T.END, T.WORDS, T.UNDO, None,
    T.CHOOSE_PREVIOUS, T.CHOOSE_NEXT, T.RETAP,
    (str(QT_TRANSLATE_NOOP("SyncWindow", "&Nudge the chosen line")), NUDGE_MENU),
)  # fmt: skip
PLAYBACK_MENU: tuple[MenuItem, ...] = (
    T.PLAY, T.LOOP, T.BACK, T.FORWARD, T.TO_START, None, T.SLOWER, T.FASTER, T.NORMAL_SPEED,
)  # fmt: skip
#: The menu bar; titles are English sources, translated in context ``SyncWindow``.
MENUS: tuple[tuple[str, tuple[MenuItem, ...]], ...] = (
    (
        str(QT_TRANSLATE_NOOP("SyncWindow", "&File")),
        (T.SAVE, T.SAVE_AS, T.SAVE_PACKAGE, None, T.CLOSE),
    ),
    (str(QT_TRANSLATE_NOOP("SyncWindow", "&Timing")), TIMING_MENU),
    (str(QT_TRANSLATE_NOOP("SyncWindow", "&Playback")), PLAYBACK_MENU),
    (str(QT_TRANSLATE_NOOP("SyncWindow", "&Help")), (T.HELP,)),
)
#: What the card over the video says until the first play (and when there is no picture).
CARD_START = str(
    QT_TRANSLATE_NOOP("SyncWindow", "%1 plays; then tap %2 as each line starts · %3: every key")
)
CARD_AUDIO = str(QT_TRANSLATE_NOOP("SyncWindow", "Audio only"))
CARD_CANNOT_PLAY = str(QT_TRANSLATE_NOOP("SyncWindow", "The media cannot play"))


def _tr(source: str) -> str:
    """A string of :data:`MENUS` or the card (marked where it is written) translated; the
    card's ``%1``… are the keys it names, as the menus name them."""
    keys = ("Space", "Return", "F1")
    return arg(QCoreApplication.translate("SyncWindow", source), *map(key_name, keys))


#: Editors opened from the main window, kept alive until they close (they have no parent).
_open_editors: set[SyncWindow] = set()


class SyncWindow(QMainWindow):
    """The editor's window on a :class:`TimingController` (one media, one set of lyrics, the
    file it saves to; the player and the waveform decoder are the controller's).

    ``resume``: what to do with an autosave journal left by an earlier session (None: ask).
    ``unsaved``: closing with unsaved taps — "save", "close" (the journal stays, so the next
    start offers to resume) or "cancel" (None: ask). ``save_partial``: save when some lines
    have no time yet, leaving them out (None: ask).
    """

    def __init__(
        self,
        controller: TimingController,
        *,
        resume: bool | None = None,
        unsaved: str | None = None,
        save_partial: bool | None = None,
    ) -> None:
        super().__init__()
        self.resume_answer = resume
        self.unsaved_answer = unsaved
        self.save_partial_answer = save_partial
        self.controller = controller
        controller.confirm_partial = self._confirm_partial
        controller.key_name = key_name  # its sentences name keys as the menus do
        self._build_widgets()
        self.messages = Messages(self.statusBar(), self.banner)
        self.command_actions = bind_actions(
            self,
            {
                **self.controller.commands(),
                T.SAVE_AS: self._save_as_dialog,
                T.SAVE_PACKAGE: self._save_package_dialog,
                T.HELP: self._show_keys,
                T.CLOSE: self.close,
            },
        )
        self._menus: list[tuple[QMenu, str]] = []
        for title, items in MENUS:
            self._fill_menu(self.menuBar().addMenu(title), title, items)
        self._card_note = CARD_START
        self.retranslate()
        self._connect_controller()
        self.controller.start(self._ask_resume)
        self._show_player()
        self._refresh()
        self._first_layout()
        central = self.centralWidget()
        assert central is not None  # set by _build_widgets
        central.setFocus()

    # Building ------------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.banner = Banner()
        self.screen_stack = MediaScreen()
        self.video, self.card = self.screen_stack.video, self.screen_stack.card
        self.next_panel = NextLinePanel()
        self.strip = WaveformStrip()
        self.controls = SyncControls()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget, stretch in (
            (self.screen_stack, 1), (self.next_panel, 0), (self.strip, 0), (self.controls, 0)
        ):  # fmt: skip
            column.addWidget(widget, stretch)

        self.lines = LinesView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.lines)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(10, 4, 10, 4)

        central = tight_column(self.banner, (self.splitter, 1), self.hint)
        central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCentralWidget(central)
        self.progress = QLabel()
        self.statusBar().addPermanentWidget(self.progress)

    def _fill_menu(self, menu: QMenu, title: str, items: tuple[MenuItem, ...]) -> None:
        self._menus.append((menu, title))
        for item in items:
            if item is None:
                menu.addSeparator()
            elif isinstance(item, tuple):
                self._fill_menu(menu.addMenu(item[0]), item[0], item[1])
            else:
                menu.addAction(self.command_actions[item])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text in the interface's language: menus, actions, the reminder, the
        card, the controls, the lines' header, the title, and what the status line and the
        banner say now (said again, not replaced)."""
        for menu, title in self._menus:
            menu.setTitle(_tr(title))
        for command, action in self.command_actions.items():
            describe_action(action, command)
            action.setStatusTip(command.help_text)
        self.hint.setText(key_hint())
        central = self.centralWidget()
        assert central is not None  # set by _build_widgets
        central.setAccessibleName(QCoreApplication.translate("SyncWindow", "Timing editor"))
        description = QCoreApplication.translate(
            "SyncWindow", "%1 taps as each line starts, %2 plays and pauses; %3 lists every key"
        )
        central.setAccessibleDescription(
            arg(description, *map(key_name, ("Return", "Space", "F1")))
        )
        self.progress.setAccessibleName(QCoreApplication.translate("SyncWindow", "Progress"))
        self.controls.retranslate()
        self.lines.retranslate()
        self.strip.retranslate()
        if hasattr(self, "_video"):  # the player is shown: the texts that follow its state
            self.card.set_text(
                self.controller.title, self.controller.media.name, _tr(self._card_note)
            )
            self._refresh()
            self.messages.say_again()

    def _connect_controller(self) -> None:
        """What the person does goes to the controller; what it says comes back here."""
        c = self.controller
        self.strip.seek_requested.connect(c.seek)
        self.strip.place_requested.connect(c.place)
        self.controls.play_clicked.connect(c.toggle_play)
        self.controls.rate_chosen.connect(c.set_rate)
        self.controls.word_mode_toggled.connect(c.set_word_mode)
        self.controls.save_clicked.connect(c.save)
        self.controls.package_clicked.connect(self._save_package_dialog)
        self.lines.line_chosen.connect(c.choose)
        self.lines.line_activated.connect(c.play_from_line)

        c.changed.connect(self._refresh)
        c.chosen_changed.connect(self._show_chosen)
        c.sung_changed.connect(self._show_sung)
        c.status.connect(self._show_status)
        c.banner.connect(self.messages.show_banner)
        c.banner_cleared.connect(self.banner.dismiss)
        c.saved.connect(lambda _path: self._refresh_title())
        c.rate_changed.connect(self.controls.show_rate)
        c.word_mode_changed.connect(self.controls.show_word_mode)
        c.waveform_ready.connect(self.strip.set_envelope)
        c.session.position_changed.connect(self._on_position)
        c.session.playing_changed.connect(self._on_playing)
        c.session.problem.connect(self._on_problem)

    def _show_player(self) -> None:
        """Put the video in its place; until the first play the card says how to begin."""
        player, media = self.controller.session.player, self.controller.media
        attach_video(player, self.video)
        # The video shows from the first play on; until then (VLC draws nothing while stopped)
        # the card says how to begin.
        self._video = player.has_video_output and not is_audio_only(media)
        self._card_note = CARD_START
        self.card.set_text(self.controller.title, media.name, _tr(self._card_note))
        self.screen_stack.setCurrentWidget(self.card)
        warning = self.controller.player_warning
        if warning:
            self.messages.show_banner(lambda: warning)  # the player's own sentence
        self._on_playing(False)

    def _first_layout(self) -> None:
        screen = self.screen().availableGeometry()
        width, height = int(screen.width() * 0.85), int(screen.height() * 0.85)
        self.resize(width, height)
        self.move(screen.center() - self.rect().center())
        # The lines' list gets nearly half where the controls' row leaves the room.
        self.splitter.setSizes([width * 11 // 20, width * 9 // 20])

    # Questions (answered ahead in tests) ---------------------------------------------------------

    def _ask_resume(self, offer: ResumeOffer) -> bool:
        if self.resume_answer is not None:
            return self.resume_answer
        return ask_resume(offer.output, offer.changed, offer.timed, offer.total)

    def _confirm_partial(self, untimed: int) -> bool:
        if self.save_partial_answer is not None:
            return self.save_partial_answer
        return confirm_partial(self, untimed)

    def _save_as_dialog(self) -> None:
        path = choose_output(self, self.controller.output)
        if path is not None:
            self.controller.save_to(path)

    def _save_package_dialog(self) -> None:
        folder = choose_package_folder(self, self.controller.media)
        if folder is not None:
            self.controller.save_package(folder)

    def _show_keys(self) -> None:
        """F1: the editor's keys and what the mouse does, on a sheet that fits the screen; the
        media pauses while it is open."""
        title = QCoreApplication.translate("SyncWindow", "Timing editor keys")
        sections = [("", TimingCommand)]
        show_key_sheet(self, title, sections, mouse_help(), session=self.controller.session)

    # Showing -------------------------------------------------------------------------------------

    def _show_status(self, text: Text, warn: bool, timeout_ms: int) -> None:
        """A sentence in the status bar (warnings also beep)."""
        if warn:
            QApplication.beep()
        self.messages.status(text, timeout_ms)

    def _refresh(self) -> None:
        c, taps = self.controller, self.controller.taps
        self.lines.show_session(taps, c.chosen, words=c.word_mode or taps.has_word_timings)
        self.next_panel.show_state(taps, c.sung, word_mode=c.word_mode)
        self.strip.set_lines(strip_lines(taps), c.chosen + 1)
        timed = len(taps) - taps.untimed_count
        progress = QCoreApplication.translate("SyncWindow", "Lines timed: %1 of %2")
        self.progress.setText(progress.replace("%1", str(timed)).replace("%2", str(len(taps))))
        self._refresh_title()

    def _show_chosen(self, chosen: int) -> None:
        self.lines.choose(chosen)
        self.strip.set_lines(strip_lines(self.controller.taps), chosen + 1)

    def _show_sung(self, sung: int | None) -> None:
        taps = self.controller.taps
        self.lines.set_sung(sung, taps)
        self.next_panel.show_state(taps, sung, word_mode=self.controller.word_mode)

    def _refresh_title(self) -> None:
        mark = "• " if self.controller.dirty else ""
        title = QCoreApplication.translate("SyncWindow", "Time lyrics — %1")
        self.setWindowTitle(f"{arg(title, mark + self.controller.output.name)} — {APP_NAME}")

    def _on_position(self, media_ms: int) -> None:
        self.strip.set_position(media_ms)
        self._show_time(media_ms)

    def _show_time(self, media_ms: int | None = None) -> None:
        session = self.controller.session
        position = session.position_ms() if media_ms is None else media_ms
        self.controls.show_time(position, session.length_ms)

    def _on_playing(self, playing: bool) -> None:
        self.controls.show_playing(playing)
        title, name = self.controller.title, self.controller.media.name
        if playing and self._video and self.screen_stack.currentWidget() is self.card:
            self.screen_stack.setCurrentWidget(self.video)
        elif playing and not self._video:
            self._card_note = CARD_AUDIO
            self.card.set_text(title, name, _tr(CARD_AUDIO))

    def _on_problem(self, _message: str) -> None:
        """The media cannot play (the controller says so in the banner): show the card."""
        self._video = False
        self._card_note = CARD_CANNOT_PLAY
        self.card.set_text(self.controller.title, self.controller.media.name, _tr(CARD_CANNOT_PLAY))
        self.screen_stack.setCurrentWidget(self.card)

    # Closing -------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller.dirty and not self._may_close():
            event.ignore()
            return
        self.controller.close()
        _open_editors.discard(self)
        super().closeEvent(event)

    def _may_close(self) -> bool:
        answer = self.unsaved_answer or ask_unsaved(self, self.controller.output)
        if answer == "save":
            return self.controller.save()
        return answer == "close"


def open_sync_dialogs(
    parent: QWidget | None,
    make_player: PlayerFactory,
    make_clock: Callable[[], PlaybackClock] = PlaybackClock,
) -> SyncWindow | None:
    """File ▸ Time lyrics…: ask for the media and the lyrics, then open the editor on them,
    playing through the caller's ``make_player``."""
    chosen = choose_media_and_lyrics(parent)
    if chosen is None:
        return None
    media, lyrics_path = chosen
    try:
        lyrics = read_lyrics(lyrics_path)
    except SongError as error:
        show_lyrics_error(parent, error)
        return None
    controller = TimingController(
        media,
        lyrics,
        default_output(media, lyrics),
        make_player=make_player,
        make_clock=make_clock,
    )
    window = SyncWindow(controller)
    _open_editors.add(window)
    window.show()
    return window
