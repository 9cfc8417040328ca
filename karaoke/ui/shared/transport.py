"""The transport bar: play/pause, line and stanza steps, a seek bar with stanza marks, time,
volume and speed. It only emits what the user asked; the window decides what to do.

Its texts (tool tips, accessible names) are in the interface's language and are set again on
``QEvent.LanguageChange`` (:meth:`Transport.retranslate`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QWidget,
)

from karaoke.app.commands import PlayerCommand
from karaoke.core.timefmt import HOUR_MS, SECOND_MS, format_ms
from karaoke.ui.shared.icons import icon
from karaoke.ui.shared.key_text import key_names

SPEEDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0, 1.1, 1.2, 1.25, 1.3, 1.4, 1.5)
# The seek bar is never narrower than this (px): the window's other controls give way first,
# so that on a 1024×768 projector, with the explanation beside, it is still a bar to click.
SEEK_MIN_WIDTH = 120
# The volume slider's narrowest and widest (px): it narrows before the seek bar does.
VOLUME_MIN_WIDTH, VOLUME_MAX_WIDTH = 48, 90


class SeekSlider(QSlider):
    """A horizontal slider in ms with a tick at each stanza start. Moves only when the user is not
    dragging it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        # The value and the maximum as Qt last reported them (sliderChange), so that following
        # playback at every frame asks Qt only for the width while the handle does not move.
        self._value_ms = self.value()
        self._maximum_ms = self.maximum()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setRange(0, 0)
        self.setSingleStep(5000)
        self.setPageStep(30000)
        self._marks_ms: list[int] = []
        self._mark_color = QColor("#ff7a45")

    def set_marks(self, marks_ms: list[int], color: str) -> None:
        self._marks_ms = marks_ms
        self._mark_color = QColor(color)
        self.update()

    def sliderChange(self, change: QSlider.SliderChange) -> None:
        """Qt's notice of every change of value or range (setValue, setRange, a drag, a click)."""
        super().sliderChange(change)
        if change == QSlider.SliderChange.SliderValueChange:
            self._value_ms = self.value()
        elif change == QSlider.SliderChange.SliderRangeChange:
            self._maximum_ms = self.maximum()

    def show_position(self, position_ms: int) -> None:
        """Follow playback (not while the user drags the handle); repaints only when the handle
        would move by a pixel. Called at every frame."""
        ms_per_pixel = self._maximum_ms / max(1, self.width())
        if abs(position_ms - self._value_ms) < ms_per_pixel or self.isSliderDown():
            return
        self.blockSignals(True)
        self.setValue(position_ms)
        self.blockSignals(False)

    def marks_x(self, marks_ms: Sequence[int]) -> list[int]:
        """x pixel of each of ``marks_ms`` on the groove. The groove and handle are measured
        once for all: the slider is repainted each time its handle moves a pixel (about 9
        times a second for a 2:40 song), and measuring them again for each of a song's
        stanza marks cost more than the rest of the frame."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        span = groove.width() - handle.width()
        left = groove.x() + handle.width() // 2
        low, high = self.minimum(), self.maximum()
        return [left + QStyle.sliderPositionFromValue(low, high, ms, span) for ms in marks_ms]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks_ms or self.maximum() <= 0:
            return
        painter = QPainter(self)
        painter.setPen(self._mark_color)
        top, height = 2, self.height() - 4
        for x in self.marks_x(self._marks_ms):
            painter.fillRect(QRect(x - 1, top, 2, max(4, height // 3)), self._mark_color)

    def mousePressEvent(self, event) -> None:
        # Jump to where the user clicked, rather than paging a step toward it.
        if event.button() == Qt.MouseButton.LeftButton:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            handle = self.style().subControlRect(
                QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
            )
            if not handle.contains(event.position().toPoint()):
                value = QStyle.sliderValueFromPosition(
                    self.minimum(), self.maximum(), int(event.position().x()) - handle.width() // 2,
                    self.width() - handle.width(),
                )  # fmt: skip
                self.setValue(value)
                self.sliderMoved.emit(value)
                self.sliderReleased.emit()
        super().mousePressEvent(event)


class Transport(QWidget):
    """Buttons and sliders; every control is NoFocus so keys always reach the window."""

    play_pause_clicked = Signal()
    seek_requested = Signal(int)  # media ms
    previous_line_clicked = Signal()
    next_line_clicked = Signal()
    previous_stanza_clicked = Signal()
    next_stanza_clicked = Signal()
    volume_changed = Signal(int)
    rate_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        def button(signal: SignalInstance) -> QToolButton:
            widget = QToolButton()
            widget.setAutoRaise(True)
            widget.setIconSize(QSize(26, 26))
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            widget.clicked.connect(signal.emit)
            return widget

        self.previous_stanza = button(self.previous_stanza_clicked)
        self.previous_line = button(self.previous_line_clicked)
        self.play_pause = button(self.play_pause_clicked)
        self.next_line = button(self.next_line_clicked)
        self.next_stanza = button(self.next_stanza_clicked)
        self._icon_color = "#e8e8e8"
        self._playing = False

        self.seek = SeekSlider()
        self.seek.setMinimumWidth(SEEK_MIN_WIDTH)
        self.seek.sliderReleased.connect(lambda: self.seek_requested.emit(self.seek.value()))
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setMinimumWidth(VOLUME_MIN_WIDTH)
        self.volume.setMaximumWidth(VOLUME_MAX_WIDTH)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.valueChanged.connect(self.volume_changed.emit)
        self.volume_icon = QLabel()

        self.speed = QComboBox()
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(lambda i: self.rate_changed.emit(SPEEDS[i]))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (
            self.previous_stanza,
            self.previous_line,
            self.play_pause,
            self.next_line,
            self.next_stanza,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.seek, 1)
        layout.addWidget(self.time_label)
        layout.addWidget(self.volume_icon)
        layout.addWidget(self.volume)
        layout.addWidget(self.speed)
        self._length_ms = 0
        self._fit_time_label()
        # (negative, whole seconds played, whole seconds long) the time label shows.
        self._shown_seconds: tuple[bool, int, int] | None = None
        self.set_icon_color(self._icon_color)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text again in the interface's language. The buttons are named after their
        commands (the same words as the menus) and their tips add the keys, in Qt's names for
        them (translated by Qt's own catalog)."""
        for widget, command in (
            (self.previous_stanza, PlayerCommand.PREVIOUS_STANZA),
            (self.previous_line, PlayerCommand.PREVIOUS_LINE),
            (self.play_pause, PlayerCommand.PLAY),
            (self.next_line, PlayerCommand.NEXT_LINE),
            (self.next_stanza, PlayerCommand.NEXT_STANZA),
        ):
            widget.setAccessibleName(command.help_text)
            widget.setToolTip(f"{command.help_text} ({key_names(command.keys)})")
        translate = QCoreApplication.translate
        self.seek.setAccessibleName(translate("Transport", "Position in the song"))
        self.seek.setToolTip(
            translate("Transport", "Position in the song: click or drag to go there")
        )
        self.time_label.setAccessibleName(translate("Transport", "Time played / length"))
        self.volume.setAccessibleName(translate("Transport", "Volume"))
        self.volume.setToolTip(translate("Transport", "Volume"))
        self.volume_icon.setAccessibleName(translate("Transport", "Volume"))
        self.speed.setAccessibleName(translate("Transport", "Speed"))
        self.speed.setToolTip(translate("Transport", "Speed (pitch kept)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_icon_color(self, color: str) -> None:
        self._icon_color = color
        for name in ("previous_stanza", "previous_line", "next_line", "next_stanza"):
            getattr(self, name).setIcon(icon(name, color))
        self.volume_icon.setPixmap(icon("volume", color).pixmap(20, 20))
        self.set_playing(self._playing)

    def set_playing(self, playing: bool) -> None:
        self._playing = playing
        self.play_pause.setIcon(icon("pause" if playing else "play", self._icon_color))

    def set_length(self, length_ms: int) -> None:
        self._length_ms = length_ms
        self.seek.setRange(0, max(0, length_ms))
        self._fit_time_label()

    def _fit_time_label(self) -> None:
        """Room for the widest time the label can show for this length ("00:00 / 00:00" under
        an hour), not for hours always: on a 1024×768 projector that room is the seek bar's."""
        widest = "-00:00:00 / 00:00:00" if self._length_ms >= HOUR_MS else "-00:00 / 00:00"
        self.time_label.setMinimumWidth(self.time_label.fontMetrics().horizontalAdvance(widest))

    def show_position(self, position_ms: int) -> None:
        """Called at every frame: the label is rewritten only when a shown second changes."""
        self.seek.show_position(position_ms)
        shown = (position_ms < 0, abs(position_ms) // SECOND_MS, self._length_ms // SECOND_MS)
        if shown != self._shown_seconds:
            self._shown_seconds = shown
            played, length = (format_ms(ms, millis=False) for ms in (position_ms, self._length_ms))
            self.time_label.setText(f"{played} / {length}")

    def show_volume(self, volume: int) -> None:
        self.volume.blockSignals(True)
        self.volume.setValue(volume)
        self.volume.blockSignals(False)

    def show_rate(self, rate: float) -> None:
        nearest = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - rate))
        self.speed.blockSignals(True)
        self.speed.setCurrentIndex(nearest)
        self.speed.blockSignals(False)
