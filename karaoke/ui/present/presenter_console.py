"""The teacher's console on the laptop, a presenter view (as PowerPoint's presenter view or
OpenLP's stage view): what the class sees now (a big state badge), the stanza and its place
("Stanza 2/10"), elapsed, remaining and the clock, each labelled; the lines sung now and next;
the stanza's key idea, the teacher's notes and the song's content note (never shown to the
class); the stanzas to jump to; the whole explanation; the transport (stanza ticks on its seek
bar) and every control. The console's own words follow the interface language, retranslated
live (:meth:`PresenterConsole.retranslate`); the song's texts on it, the explanation language.

Its controls take the focus by Tab only (never by a click), so the clicker's keys keep reaching
the shortcuts; a control reached by Tab is pressed with Enter (Space is play / pause), and the
stanza list and the screen list take the arrows while they have the focus."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from karaoke import APP_NAME
from karaoke.core.model import Song, pick
from karaoke.core.timefmt import format_ms
from karaoke.core.timeline import Timeline
from karaoke.ui.present.checkpoints import CheckpointButtons
from karaoke.ui.present.console_widgets import (
    FitScroll,
    PlayState,
    StateBadge,
    StatusLine,
    TimeBox,
    console_text,
    scaled_font,
    screen_names,
)
from karaoke.ui.present.phones_panel import PhonesPanel
from karaoke.ui.present.stanza_list import StanzaList
from karaoke.ui.shared.links import open_link
from karaoke.ui.shared.safe_markdown import SafeTextBrowser, package_folder
from karaoke.ui.shared.theme import Theme
from karaoke.ui.shared.transport import Transport

#: Type sizes relative to the desktop's: the line being sung, the next one, the notes and the
#: key idea (read at a glance from a step away), the explanation.
CURRENT_SCALE, NEXT_SCALE, NOTES_SCALE, EXPLANATION_SCALE = 2.2, 1.5, 1.5, 1.15


def _label(scale: float = 1.0, *, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setFont(scaled_font(label.font(), scale, bold=bold))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # notes may hold "<" and "&"
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class PresenterConsole(QMainWindow):
    teaching_toggled = Signal(bool)
    blackout_toggled = Signal(bool)
    screen_chosen = Signal(int)
    stanza_chosen = Signal(int)
    stop_requested = Signal()
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.badge = StateBadge()
        self.stanza_label = _label(1.5, bold=True)
        self.elapsed, self.remaining, self.clock = TimeBox(), TimeBox(), TimeBox()
        self.status = StatusLine()  # problems (the video cannot play, …), said plainly
        self.current_line = _label(CURRENT_SCALE, bold=True)
        self.next_line = _label(NEXT_SCALE)
        self.transport = Transport()
        self.checkpoint = CheckpointButtons()  # ask, reveal, close a stanza's question

        central = QWidget()
        column = QVBoxLayout(central)
        column.addLayout(self._build_top())
        column.addWidget(self.status)
        column.addWidget(self.current_line)
        column.addWidget(self.next_line)
        column.addWidget(self._build_middle(), 1)
        column.addWidget(self.checkpoint)
        column.addWidget(self.transport)
        column.addLayout(self._build_controls())
        self.setCentralWidget(central)

        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick_clock)
        self._clock_timer.start(1000)
        self._tick_clock()
        self._song: Song | None = None
        self._timeline: Timeline | None = None
        self._language = "en"
        self._shown_stanza: int | None = -1
        self._audience_index = 0
        self._keys = _KeyboardReach(self)
        phones = (self.phones.toggle, self.phones.interfaces)
        for widget in (self.stanzas, self.teach, self.blackout, self.screens, self.stop, *phones):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            widget.installEventFilter(self._keys)
        for button in self.checkpoint.buttons:  # Tab reaches them, Enter presses them
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.installEventFilter(self._keys)
        for first, second in zip(
            (self.stanzas, self.teach, self.blackout, self.screens),
            (self.teach, self.blackout, self.screens, self.stop),
            strict=True,
        ):
            self.setTabOrder(first, second)
        self.retranslate()

    def _build_top(self) -> QHBoxLayout:
        """The badge, "Stanza 2/10 · title", and the three labelled times."""
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addSpacing(16)
        top.addWidget(self.stanza_label, 1)
        for box in (self.elapsed, self.remaining, self.clock):
            top.addWidget(box)
        return top

    def _build_middle(self) -> QSplitter:
        """Left, what the teacher reads: the key idea, the notes and the content note, each
        taking the height its text needs and no more, then the whole explanation in the rest;
        right, the stanzas to jump to."""
        self.key_idea_title, self.key_idea = _label(bold=True), _label(NOTES_SCALE, bold=True)
        self.notes_title, self.notes = _label(bold=True), _label(NOTES_SCALE)
        # Said once for the whole song, before class: it need not shout on every stanza.
        self.content_title, self.content_note = _label(bold=True), _label()
        self.explanation_title = _label(bold=True)
        # No raw HTML, images only from the package; a link opens in the browser (http(s) only,
        # see open_link), never inside the console: a file:// link would show a local file there.
        self.explanation = SafeTextBrowser()
        self.explanation.anchorClicked.connect(open_link)
        self.explanation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.explanation.setFrameShape(QFrame.Shape.NoFrame)
        explanation_font = scaled_font(self.explanation.font(), EXPLANATION_SCALE)
        self.explanation.setFont(explanation_font)
        self.explanation.document().setDefaultFont(explanation_font)  # Markdown keeps its own
        texts = QWidget()
        text_column = QVBoxLayout(texts)
        text_column.setContentsMargins(0, 0, 0, 0)
        for label in (
            self.key_idea_title, self.key_idea, self.notes_title, self.notes,
            self.content_title, self.content_note,
        ):  # fmt: skip
            text_column.addWidget(label)
        text_column.addStretch(1)
        for caption in (self.key_idea_title, self.notes_title, self.content_title):
            caption.setContentsMargins(0, 10, 0, 0)
        self.teacher_texts = FitScroll(texts)
        teacher = QWidget()
        left = QVBoxLayout(teacher)
        left.setContentsMargins(0, 0, 8, 0)
        left.addWidget(self.teacher_texts)
        left.addWidget(self.explanation_title)
        left.addWidget(self.explanation, 1)
        self.explanation.setMinimumHeight(60)

        self.stanzas_title = _label(bold=True)
        self.stanzas = StanzaList()
        self.stanzas.stanza_chosen.connect(self.stanza_chosen.emit)
        overview = QWidget()
        right = QVBoxLayout(overview)
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(self.stanzas_title)
        right.addWidget(self.stanzas, 1)
        self.phones = PhonesPanel()  # the phones' server: its toggle, network, teacher's QR code
        right.addWidget(self.phones)

        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(teacher)
        middle.addWidget(overview)
        middle.setStretchFactor(0, 2)
        middle.setStretchFactor(1, 1)
        middle.setSizes([2000, 1000])  # the stretch applies to resizes only
        return middle

    def _build_controls(self) -> QHBoxLayout:
        """Teaching pauses, black-out, the audience screen and stop (reached by Tab only)."""
        self.teach = QCheckBox()
        self.teach.toggled.connect(self.teaching_toggled.emit)
        self.blackout = QPushButton()
        self.blackout.setCheckable(True)
        self.blackout.toggled.connect(self.blackout_toggled.emit)
        self.screens = QComboBox()
        self.screens.activated.connect(self.screen_chosen.emit)
        self.screen_caption = QLabel()
        self.screen_caption.setBuddy(self.screens)
        self.stop = QPushButton()
        self.stop.clicked.connect(self.stop_requested.emit)
        controls = QHBoxLayout()
        for widget in (self.teach, self.blackout, self.screen_caption, self.screens):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.stop)
        return controls

    def set_language(self, language: str) -> None:
        """The language of the song's texts shown here (the explanation language)."""
        self._language = language
        self._redo_stanza()

    def retranslate(self) -> None:
        """Every word of the console's own in the interface language (at start and on
        ``LanguageChange``), with what it shows now."""
        self.setWindowTitle(console_text("title", app=APP_NAME))
        self.elapsed.caption.setText(console_text("elapsed"))
        self.remaining.caption.setText(console_text("remaining"))
        self.clock.caption.setText(console_text("clock"))
        for label, key in (
            (self.key_idea_title, "key_idea"), (self.notes_title, "notes"),
            (self.content_title, "content_note"), (self.stanzas_title, "stanzas"),
            (self.explanation_title, "explanation"), (self.screen_caption, "screen"),
        ):  # fmt: skip
            label.setText(console_text(key))
        for control, key in (
            (self.teach, "teach"), (self.blackout, "blackout"), (self.stop, "stop"),
        ):  # fmt: skip
            control.setText(console_text(key))
            control.setAccessibleDescription(console_text(f"{key}_help"))
        self.screens.setAccessibleName(console_text("screen").rstrip(":"))
        self.screens.setAccessibleDescription(console_text("screen_help"))
        self.stanzas.setAccessibleName(console_text("stanzas"))
        self.stanzas.setAccessibleDescription(console_text("stanzas_help"))
        self.explanation.setAccessibleName(console_text("explanation"))
        if self._song is not None and self._timeline is not None:
            self.stanzas.set_song(self._song, self._timeline, self._language)
        self._redo_stanza()
        if self.screens.count():
            self.set_screens(self._audience_index)

    def apply_theme(self, theme: Theme) -> None:
        """Restyle what does not follow the application's palette by itself: the transport's
        icons, and the explanation, whose links took the palette's link colour when it was
        rendered (left as they were, the dark theme's links would sit on the light theme)."""
        self.transport.set_icon_color(theme.window.text)
        self._redo_stanza()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    def _tick_clock(self) -> None:
        self.clock.set_value(QDateTime.currentDateTime().toString("HH:mm"))

    def set_song(self, song: Song, timeline: Timeline, language: str) -> None:
        self._song, self._timeline, self._language = song, timeline, language
        self.explanation.set_package_folder(package_folder(song))
        self.stanzas.set_song(song, timeline, language)
        note = pick(song.content_note, language)
        self.content_note.setText(note)
        self.content_title.setVisible(bool(note))
        self.content_note.setVisible(bool(note))
        self._shown_stanza = -1
        self._show_stanza(None)
        self.teacher_texts.refit()

    def show_playback(self, state: PlayState, blacked_out: bool = False) -> None:
        self.badge.show_state(state, blacked_out)

    def show_state(
        self, line: int | None, stanza: int | None, position_ms: int, length_ms: int
    ) -> None:
        """Once a frame: the lines, the times, and (when it changes) the stanza."""
        song = self._song
        if song is None:
            return
        lines = song.lines
        current = lines[line].text if line is not None else ""
        following = line + 1 if line is not None else 0
        upcoming = lines[following].text if following < len(lines) else ""
        self._set_text(self.current_line, current.replace("\n", " / "))
        self._set_text(self.next_line, ("→ " + upcoming.replace("\n", " / ")) if upcoming else "")
        self.elapsed.set_value(format_ms(position_ms, millis=False))
        self.remaining.set_value("−" + format_ms(max(0, length_ms - position_ms), millis=False))
        if stanza != self._shown_stanza:
            self._show_stanza(stanza)

    def _show_stanza(self, stanza: int | None) -> None:
        """The stanza's place and title, key idea, notes and explanation; its row marked."""
        song, language = self._song, self._language
        if song is None:
            return
        self._shown_stanza = stanza
        self.stanzas.set_current(stanza)
        if stanza is None:
            self.stanza_label.setText(console_text("intro"))
            for label in (self.key_idea_title, self.key_idea, self.notes_title, self.notes):
                label.hide()
            self.explanation.setMarkdown("")
            return
        item = song.stanzas[stanza]
        place = console_text("stanza", number=stanza + 1, total=len(song.stanzas))
        title = pick(item.title, language)
        self.stanza_label.setText(f"{place} · {title}" if title else place)
        idea = pick(item.key_idea, language)
        self.key_idea.setText(idea)
        self.key_idea_title.setVisible(bool(idea))
        self.key_idea.setVisible(bool(idea))
        notes = pick(item.notes, language)
        self.notes.setText(notes or console_text("no_notes"))
        self.notes_title.show()
        self.notes.show()
        self.explanation.setMarkdown(pick(item.explanation, language))
        self.teacher_texts.refit()

    def _redo_stanza(self) -> None:
        """Show the current stanza again (its words changed language)."""
        stanza, self._shown_stanza = self._shown_stanza, -1
        self._show_stanza(stanza if stanza != -1 else None)

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def set_screens(self, audience_index: int) -> None:
        """List the screens (in the interface language), screen ``audience_index`` chosen."""
        self._audience_index = audience_index
        self.screens.blockSignals(True)
        self.screens.clear()
        self.screens.addItems(screen_names())
        self.screens.setCurrentIndex(audience_index)
        self.screens.blockSignals(False)


class _KeyboardReach(QObject):
    """The console's controls by keyboard: Enter presses the focused button or check box (Space
    is the clicker's play / pause everywhere); the arrows, Home and End move within the focused
    stanza list or screen list (elsewhere they are the clicker's line steps); Enter on the
    stanza list jumps to the stanza."""

    def __init__(self, console: PresenterConsole) -> None:
        super().__init__(console)
        self.console = console

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.modifiers() not in _PLAIN:
            return False
        key, enter = event.key(), event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.type() == QEvent.Type.ShortcutOverride:
            lists = (self.console.stanzas, self.console.screens)
            if key in _LIST_KEYS and watched in lists:
                event.accept()  # the widget's own key, not the clicker's shortcut
            return False
        if event.type() != QEvent.Type.KeyPress or not enter:
            return False
        if isinstance(watched, QAbstractButton):
            watched.click()
            return True
        if watched is self.console.stanzas and self.console.stanzas.currentRow() >= 0:
            self.console.stanza_chosen.emit(self.console.stanzas.currentRow())
            return True
        return False


_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
_LIST_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End)
