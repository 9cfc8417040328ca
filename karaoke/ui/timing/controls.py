"""The timing editor's control bar: play, the media time to the ms, speed, word mode, saving.

Like the main window's transport it only says what the person asked for; the editor's
controller decides (:mod:`karaoke.app.timing`, which also holds the speeds offered).
Every control takes no focus, so keys always reach the editor's shortcuts (and every control
has a key and a menu entry). Texts in the interface's language: :meth:`SyncControls.retranslate`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from karaoke.app.timing import SPEEDS, rate_text
from karaoke.core.timefmt import format_ms
from karaoke.ui.shared.icons import icon
from karaoke.ui.timing.keys import key_name

ICON_COLOR = "#e8e8e8"


class SyncControls(QWidget):
    """Play/pause, the media time (ms), the tapping speed, word mode and the save buttons."""

    play_clicked = Signal()
    rate_chosen = Signal(float)
    word_mode_toggled = Signal(bool)
    save_clicked = Signal()
    package_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.play_button = QToolButton()
        self.play_button.setAutoRaise(True)
        self.play_button.clicked.connect(self.play_clicked.emit)
        self.time_label = QLabel("0:00.000")
        font = self.time_label.font()
        font.setPointSizeF(max(font.pointSizeF(), 9) * 1.3)
        font.setBold(True)
        self.time_label.setFont(font)
        self.speed = QComboBox()
        for rate in SPEEDS:
            self.speed.addItem(rate_text(rate), rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(lambda i: self.rate_chosen.emit(SPEEDS[i]))
        self.words_box = QCheckBox()
        self.words_box.toggled.connect(self.word_mode_toggled.emit)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_clicked.emit)
        self.package_button = QPushButton()
        self.package_button.clicked.connect(self.package_clicked.emit)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.play_button)
        layout.addWidget(self.time_label)
        layout.addSpacing(16)
        self.speed_label = QLabel()
        self.speed_label.setBuddy(self.speed)
        layout.addWidget(self.speed_label)
        layout.addWidget(self.speed)
        layout.addSpacing(16)
        layout.addWidget(self.words_box)
        layout.addStretch(1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.package_button)
        controls = (self.play_button, self.speed, self.words_box)
        for widget in (*controls, self.save_button, self.package_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._playing = False
        self.retranslate()

    def retranslate(self) -> None:
        """Every text, tool tip and accessible name in the interface's language."""
        self.speed_label.setText(QCoreApplication.translate("SyncControls", "Speed"))
        self.speed.setToolTip(
            QCoreApplication.translate(
                "SyncControls", "Tapping speed (pitch kept; [ ] and =); times stay media times"
            )
        )
        self.speed.setAccessibleName(QCoreApplication.translate("SyncControls", "Tapping speed"))
        for index, rate in enumerate(SPEEDS):
            self.speed.setItemText(index, rate_text(rate))
        self.words_box.setText(QCoreApplication.translate("SyncControls", "Word mode (W)"))
        self.words_box.setToolTip(
            QCoreApplication.translate("SyncControls", "Each tap starts the next word")
        )
        self.save_button.setText(QCoreApplication.translate("SyncControls", "Save"))
        self.save_button.setToolTip(
            QCoreApplication.translate("SyncControls", "Save (%1)").replace(
                "%1", key_name("Ctrl+S")
            )
        )
        self.package_button.setText(
            QCoreApplication.translate("SyncControls", "Save as song package…")
        )
        self.package_button.setToolTip(
            QCoreApplication.translate(
                "SyncControls", "A folder with song.toml, ready for explanations (%1)"
            ).replace("%1", key_name("Ctrl+Shift+P"))
        )
        self.time_label.setAccessibleName(QCoreApplication.translate("SyncControls", "Media time"))
        self.show_playing(self._playing)

    def show_playing(self, playing: bool) -> None:
        self._playing = playing
        self.play_button.setIcon(icon("pause" if playing else "play", ICON_COLOR))
        if playing:
            name = QCoreApplication.translate("SyncControls", "Pause")
        else:
            name = QCoreApplication.translate("SyncControls", "Play")
        self.play_button.setAccessibleName(name)
        self.play_button.setToolTip(
            QCoreApplication.translate("SyncControls", "Play / pause (%1)").replace(
                "%1", key_name("Space")
            )
        )

    def show_time(self, position_ms: int, length_ms: int) -> None:
        total = f" / {format_ms(length_ms, millis=False)}" if length_ms else ""
        self.time_label.setText(f"{format_ms(position_ms)}{total}")

    def show_rate(self, rate: float) -> None:
        nearest = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - rate))
        self.speed.blockSignals(True)
        self.speed.setCurrentIndex(nearest)
        self.speed.blockSignals(False)

    def show_word_mode(self, on: bool) -> None:
        self.words_box.blockSignals(True)
        self.words_box.setChecked(on)
        self.words_box.blockSignals(False)
