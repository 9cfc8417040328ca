"""The timing editor's waveform strip: it only draws, and says what the mouse asked for.

The audio is read elsewhere (:mod:`karaoke.player.decode`, on a worker thread through
:class:`karaoke.app.waveform_loader.WaveformLoader`); :meth:`WaveformStrip.set_envelope` gives it
the result, or a sentence saying why there is none, and the editor works on without it.

The strip shows a window of the audio around the playhead (30 % from the left, so what comes
next is in view), the lines' spans and starts, the chosen line, and a time scale. Click: seek;
Shift+click: put the chosen line's start there; Ctrl+click: its end; wheel: zoom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from karaoke.core.envelope import Envelope
from karaoke.core.tap_state import TapState
from karaoke.core.tapping import Edge
from karaoke.core.timefmt import format_ms
from karaoke.ui.timing.keys import modifier_name


@dataclass(frozen=True, slots=True)
class StripLine:
    """A line as the strip draws it (media ms; ``number`` is 1-based)."""

    number: int
    start_ms: int
    end_ms: int
    words_ms: tuple[int, ...] = ()  # the starts of its tapped words


def strip_lines(taps: TapState) -> list[StripLine]:
    """The timed lines of a tapping session as the strip draws them, in order."""
    return [
        StripLine(
            index + 1,
            start,
            taps.end_ms(index) or start,
            tuple(ms for ms in taps.word_starts_ms(index) if ms is not None),
        )
        for index in range(len(taps))
        if (start := taps.start_ms(index)) is not None
    ]


# Colours of an audio editor's dark "scope", on every theme.
_BACKGROUND = QColor("#12161a")
_WAVE = QColor("#5fb3d9")
_GRID = QColor("#2a3138")
_LABEL = QColor("#9aa4ad")
_SPAN = (QColor(255, 255, 255, 18), QColor(255, 255, 255, 34))
_CHOSEN = QColor(255, 194, 51, 60)
_MARK = QColor("#e8e8e8")
_CHOSEN_MARK = QColor("#ffc233")
_PLAYHEAD = QColor("#ff7a45")
_PLAYHEAD_AT = 0.3  # of the width: more of what comes next is in view
TILE_PX = 1024
MAX_TILES = 24


class WaveformStrip(QWidget):
    """See the module doc. Times are media ms."""

    seek_requested = Signal(int)
    place_requested = Signal(int, str)  # media ms, an Edge ("start"/"end") of the chosen line

    SPAN_RANGE_MS = (2_000, 60_000)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.envelope: Envelope | None = None
        self.message = ""  # why there is no envelope (empty while it is being read)
        self.position_ms = 0
        self.span_ms = 8_000
        self.lines: Sequence[StripLine] = ()
        self.chosen: int | None = None  # line number
        self._tiles: dict[tuple[int, float, int], QPixmap] = {}
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.retranslate()

    def retranslate(self) -> None:
        """The tool tip and the accessible name in the interface's language."""
        self.setAccessibleName(QCoreApplication.translate("WaveformStrip", "Waveform"))
        tip = QCoreApplication.translate(
            "WaveformStrip",
            "Click: play from there · %1+click: the chosen line starts there · "
            "%2+click: it ends there · wheel: zoom",
        )
        self.setToolTip(
            tip.replace("%1", modifier_name("Shift")).replace("%2", modifier_name("Ctrl"))
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(800, 110)

    # Data in -------------------------------------------------------------------------------------

    def set_envelope(self, envelope: Envelope | None, message: str = "") -> None:
        self.envelope = envelope
        self.message = message
        self._tiles.clear()
        self.update()

    def set_position(self, media_ms: int) -> None:
        if media_ms != self.position_ms:
            self.position_ms = media_ms
            self.update()

    def set_lines(self, lines: Sequence[StripLine], chosen: int | None) -> None:
        self.lines = lines
        self.chosen = chosen
        self.update()

    # Geometry ------------------------------------------------------------------------------------

    def view_start_ms(self) -> float:
        return self.position_ms - self.span_ms * _PLAYHEAD_AT

    def time_at(self, x: float) -> int:
        """Media ms under pixel column ``x``."""
        return max(0, round(self.view_start_ms() + x * self.span_ms / max(1, self.width())))

    def x_of(self, media_ms: float) -> float:
        return (media_ms - self.view_start_ms()) * self.width() / self.span_ms

    # Drawing -------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _BACKGROUND)
        width, height = self.width(), self.height()
        scale_height = 16
        wave_top, wave_height = scale_height, height - scale_height
        self._draw_spans(painter, wave_top, wave_height)
        self._draw_scale(painter, scale_height, height)
        self._draw_wave(painter, wave_top, wave_height)
        self._draw_marks(painter, wave_top, height)
        x = self.x_of(self.position_ms)
        painter.setPen(QPen(_PLAYHEAD, 2))
        painter.drawLine(QLineF(x, 0, x, height))
        if self.envelope is None:
            message = self.message or QCoreApplication.translate(
                "WaveformStrip", "Reading the audio…"
            )
            painter.setPen(_LABEL)
            painter.drawText(
                QRectF(0, wave_top, width, wave_height), Qt.AlignmentFlag.AlignCenter, message
            )
        painter.end()

    def _visible_lines(self) -> list[StripLine]:
        start, end = self.view_start_ms(), self.view_start_ms() + self.span_ms
        return [line for line in self.lines if line.end_ms >= start and line.start_ms <= end]

    def _draw_spans(self, painter: QPainter, top: float, height: float) -> None:
        for line in self._visible_lines():
            left, right = self.x_of(line.start_ms), self.x_of(max(line.end_ms, line.start_ms))
            color = _CHOSEN if line.number == self.chosen else _SPAN[line.number % 2]
            painter.fillRect(QRectF(left, top, max(1.0, right - left), height), color)

    def _draw_scale(self, painter: QPainter, scale_height: int, height: int) -> None:
        step = 1000 if self.span_ms <= 15_000 else 5000
        first = int(self.view_start_ms() // step + 1) * step
        font = QFont(self.font())
        font.setPixelSize(10)
        painter.setFont(font)
        for tick in range(max(0, first), int(self.view_start_ms() + self.span_ms) + 1, step):
            x = self.x_of(tick)
            painter.setPen(_GRID)
            painter.drawLine(QLineF(x, scale_height, x, height))
            painter.setPen(_LABEL)
            painter.drawText(QPointF(x + 3, 11), format_ms(tick, millis=False))

    def _draw_wave(self, painter: QPainter, top: float, height: float) -> None:
        """Blit the cached tiles that cover the view. A tile is the wave of ``TILE_PX`` columns
        at fixed media times, drawn once per zoom level: scrolling costs a blit, not a redraw,
        and the columns do not shimmer as the view moves."""
        if self.envelope is None:
            return
        ms_per_px = self.span_ms / max(1, self.width())
        tile_ms = TILE_PX * ms_per_px
        first = max(0, int(self.view_start_ms() // tile_ms))
        last = int((self.view_start_ms() + self.span_ms) // tile_ms)
        for index in range(first, last + 1):
            tile = self._tile(index, ms_per_px, int(height))
            if tile is not None:
                painter.drawPixmap(QPointF(self.x_of(index * tile_ms), top), tile)

    def _tile(self, index: int, ms_per_px: float, height: int) -> QPixmap | None:
        key = (index, ms_per_px, height)
        tile = self._tiles.get(key)
        if tile is not None:
            return tile
        envelope = self.envelope
        assert envelope is not None
        start_ms = index * TILE_PX * ms_per_px
        if start_ms >= envelope.duration_ms:
            return None
        tile = QPixmap(TILE_PX, max(1, height))
        tile.fill(Qt.GlobalColor.transparent)
        peaks, bucket = envelope.peaks, envelope.bucket_ms
        middle, half = height / 2, height / 2 - 2
        segments = []
        for x in range(TILE_PX):
            low = int((start_ms + x * ms_per_px) // bucket)
            high = max(low + 1, int((start_ms + (x + 1) * ms_per_px) // bucket))
            if low >= len(peaks):
                break
            extent = max(0.5, max(peaks[low:high]) * half / 255)
            segments.append(QLineF(x + 0.5, middle - extent, x + 0.5, middle + extent))
        painter = QPainter(tile)
        painter.setPen(QPen(_WAVE, 1))
        painter.drawLines(segments)
        painter.end()
        if len(self._tiles) >= MAX_TILES:
            self._tiles.pop(next(iter(self._tiles)))  # the oldest
        self._tiles[key] = tile
        return tile

    def _draw_marks(self, painter: QPainter, top: float, height: float) -> None:
        font = QFont(self.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        for line in self._visible_lines():
            x = self.x_of(line.start_ms)
            chosen = line.number == self.chosen
            painter.setPen(QPen(_CHOSEN_MARK if chosen else _MARK, 2 if chosen else 1))
            painter.drawLine(QLineF(x, top, x, height))
            painter.drawText(QPointF(x + 3, top + 13), str(line.number))
            for word_ms in line.words_ms[1:]:  # the first word starts with the line
                word_x = self.x_of(word_ms)
                painter.drawLine(QLineF(word_x, height - 10, word_x, height))

    # Input ---------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        media_ms = self.time_at(event.position().x())
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.place_requested.emit(media_ms, Edge.START)
        elif modifiers & Qt.KeyboardModifier.ControlModifier:
            self.place_requested.emit(media_ms, Edge.END)
        else:
            self.seek_requested.emit(media_ms)
        event.accept()
        return None

    def wheelEvent(self, event: QWheelEvent) -> None:
        low, high = self.SPAN_RANGE_MS
        factor = 0.8 if event.angleDelta().y() > 0 else 1.25
        self.span_ms = int(max(low, min(high, self.span_ms * factor)))
        self.update()
        event.accept()
