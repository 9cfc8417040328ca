"""The teacher's console on the laptop: what is sung now and next, the explanation with the
teacher's notes (never shown to the class), the times and the clock, and every control."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from karaoke import APP_NAME
from karaoke.core.model import Song, pick
from karaoke.core.timefmt import format_ms
from karaoke.ui.shared.explanation_panel import ExplanationPanel
from karaoke.ui.shared.transport import Transport

NOTES_TITLE = {"es": "Notas para el profesor (solo aquí)", "en": "Teacher's notes (only here)"}


class PresenterConsole(QMainWindow):
    teaching_toggled = Signal(bool)
    blackout_toggled = Signal(bool)
    screen_chosen = Signal(int)
    stop_requested = Signal()
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} — presenter console")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.current_line = QLabel()
        self.current_line.setFont(big)
        self.current_line.setWordWrap(True)
        self.next_line = QLabel()
        medium = QFont(self.font())
        medium.setPointSizeF(medium.pointSizeF() * 1.5)
        self.next_line.setFont(medium)
        self.next_line.setWordWrap(True)
        self.status = QLabel()
        self.status.setStyleSheet("color: #e8590c; font-weight: bold;")

        self.elapsed = QLabel()
        self.remaining = QLabel()
        self.clock = QLabel()
        for label in (self.elapsed, self.remaining, self.clock):
            label.setFont(medium)
        times = QHBoxLayout()
        times.addWidget(self.elapsed)
        times.addStretch(1)
        times.addWidget(self.remaining)
        times.addStretch(1)
        times.addWidget(self.clock)

        central = QWidget()
        column = QVBoxLayout(central)
        column.addWidget(self.current_line)
        column.addWidget(self.next_line)
        column.addWidget(self.status)
        column.addLayout(times)
        column.addWidget(self._build_explanation(), 1)
        self.transport = Transport()
        column.addWidget(self.transport)
        column.addLayout(self._build_controls())
        self.setCentralWidget(central)

        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick_clock)
        self._clock_timer.start(1000)
        self._tick_clock()
        self._song: Song | None = None
        self._language = "es"
        self._notes_for: int | None = -1

    def _build_explanation(self) -> QSplitter:
        """The explanation beside the teacher's notes."""
        self.panel = ExplanationPanel()
        self.panel.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_title = QLabel()
        self.notes = QTextBrowser()
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        notes_font = self.notes.font()
        notes_font.setPointSizeF(notes_font.pointSizeF() * 1.3)
        self.notes.setFont(notes_font)
        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes_title)
        notes_layout.addWidget(self.notes, 1)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.panel)
        middle.addWidget(notes_box)
        middle.setSizes([600, 400])
        return middle

    def _build_controls(self) -> QHBoxLayout:
        """Teaching pauses, black-out, the audience screen and stop: none takes the focus, so
        a clicker's keys always reach the shortcuts."""
        self.teach = QCheckBox("Teaching pauses (T)")
        self.teach.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.teach.toggled.connect(self.teaching_toggled.emit)
        self.blackout = QPushButton("Black out (B)")
        self.blackout.setCheckable(True)
        self.blackout.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.blackout.toggled.connect(self.blackout_toggled.emit)
        self.screens = QComboBox()
        self.screens.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.screens.setToolTip("Screen for the audience")
        self.screens.activated.connect(self.screen_chosen.emit)
        stop = QPushButton("Stop presenting (Esc)")
        stop.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        stop.clicked.connect(self.stop_requested.emit)
        controls = QHBoxLayout()
        for widget in (self.teach, self.blackout, QLabel("Audience screen:"), self.screens):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(stop)
        return controls

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    def _tick_clock(self) -> None:
        self.clock.setText(QDateTime.currentDateTime().toString("HH:mm"))

    def set_song(self, song: Song, language: str) -> None:
        self._song = song
        self._language = language
        self.panel.set_song(song)
        self.panel.set_language(language)
        self.notes_title.setText(f"<b>{NOTES_TITLE.get(language, NOTES_TITLE['en'])}</b>")
        self._notes_for = -1

    def show_state(
        self, line: int | None, stanza: int | None, position_ms: int, length_ms: int
    ) -> None:
        song = self._song
        if song is None:
            return
        lines = song.lines
        current = lines[line].text if line is not None else ""
        upcoming = lines[line + 1].text if line is not None and line + 1 < len(lines) else ""
        if line is None and lines:
            upcoming = lines[0].text
        self._set_text(self.current_line, current.replace("\n", " / "))
        self._set_text(self.next_line, ("→ " + upcoming.replace("\n", " / ")) if upcoming else "")
        self._set_text(self.elapsed, f"▶ {format_ms(position_ms, millis=False)}")
        self._set_text(
            self.remaining, f"−{format_ms(max(0, length_ms - position_ms), millis=False)}"
        )
        self.panel.follow(stanza)
        if stanza != self._notes_for:
            self._notes_for = stanza
            notes = pick(song.stanzas[stanza].notes, self._language) if stanza is not None else ""
            self.notes.setPlainText(notes)

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def set_screens(self, names: list[str], audience_index: int) -> None:
        self.screens.blockSignals(True)
        self.screens.clear()
        self.screens.addItems(names)
        self.screens.setCurrentIndex(audience_index)
        self.screens.blockSignals(False)
