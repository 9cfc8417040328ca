"""The timing editor's waveform strip, and reading the media's audio for it with libvlc.

Decoding: libvlc transcodes the media's audio to an 8 kHz mono 16-bit WAV in a temporary
folder (stream output ``#transcode{acodec=s16l}:std{mux=wav}``), which it does as fast as it
can decode, not in real time: the 2:40 demo video takes about 0.5 s here. No ffmpeg is needed;
libvlc is already the app's player. The work runs on a plain Python thread with its own libvlc
instance, polling the state (never a libvlc call inside a libvlc callback), and the result comes
back to the GUI thread as a queued Qt signal. If it fails the strip says so and the editor works
on without it.

The strip shows a window of the audio around the playhead (30 % from the left, so what comes
next is in view), the lines' spans and starts, the chosen line, and a time scale. Click: seek;
Shift+click: put the chosen line's start there; Ctrl+click: its end; wheel: zoom.
"""

from __future__ import annotations

import contextlib
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, QSize, Qt, Signal
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

from karaoke.core.envelope import Envelope, envelope_from_wav
from karaoke.core.timefmt import format_ms
from karaoke.player.vlc_player import load_libvlc

SAMPLE_RATE = 8000
#: libvlc arguments of the decoding instance: no windows, no sound, no subtitles.
DECODE_ARGS = ("--no-video", "--aout=dummy", "--vout=dummy", "--no-sout-video", "--no-sout-spu")
POLL_S = 0.02
#: Give up on a media whose decoding takes longer than this (a stream, a stuck demuxer).
TIMEOUT_S = 300.0


class DecodeError(Exception):
    """The audio could not be read; the message is a sentence for the strip."""


class Cancelled(Exception):
    """The editor closed before the audio was read."""


def _sout_quoted(path: Path) -> str:
    """A path as a value of VLC's option chain: quoted, with ``\\`` and ``"`` escaped."""
    return '"' + str(path).replace("\\", "\\\\").replace('"', '\\"') + '"'


def decode_envelope(
    media: Path, cancelled: threading.Event, *, timeout_s: float = TIMEOUT_S
) -> Envelope:
    """Read ``media``'s audio into an :class:`Envelope` with libvlc; blocks, so call it on a
    worker thread. Raises :class:`DecodeError`, or :class:`Cancelled` once ``cancelled`` is set."""
    instance, reason = load_libvlc(DECODE_ARGS)
    if instance is None:
        raise DecodeError(reason or "libvlc could not start")
    try:
        with tempfile.TemporaryDirectory(prefix="karaoke-waveform-") as folder:
            wav = Path(folder) / "audio.wav"
            _transcode(instance, media, wav, cancelled, timeout_s)
            if not wav.is_file() or wav.stat().st_size <= 44:  # 44: a WAV header alone
                raise DecodeError("the media has no audio track")
            try:
                return envelope_from_wav(wav)
            except (ValueError, OSError) as error:
                raise DecodeError(f"the decoded audio cannot be read ({error})") from None
    finally:
        instance.release()


def _transcode(
    instance, media: Path, wav: Path, cancelled: threading.Event, timeout_s: float
) -> None:
    medium = instance.media_new_path(str(media))
    medium.add_option(
        ":sout=#transcode{vcodec=none,scodec=none,acodec=s16l,channels=1,"
        f"samplerate={SAMPLE_RATE}}}:std{{access=file,mux=wav,dst={_sout_quoted(wav)}}}"
    )
    medium.add_option(":no-sout-video")
    medium.add_option(":no-sout-spu")
    player = instance.media_player_new()
    try:
        player.set_media(medium)
        player.play()
        states = type(player.get_state())  # vlc.State, without importing vlc here
        deadline = time.monotonic() + timeout_s
        while (state := player.get_state()) not in (states.Ended, states.Error):
            if cancelled.is_set():
                raise Cancelled
            if time.monotonic() > deadline:
                raise DecodeError(f"reading the audio took over {timeout_s:.0f} s")
            time.sleep(POLL_S)
        if state == states.Error:
            raise DecodeError("VLC cannot decode this media's audio")
    finally:
        # stop() closes the WAV (its header gets the length); we are not in a libvlc callback.
        player.stop()
        player.release()
        medium.release()


class WaveformLoader(QObject):
    """Reads a media's envelope on a worker thread; ``ready`` or ``failed`` arrive on the GUI
    thread. ``decode`` is injectable (tests)."""

    ready = Signal(object)  # Envelope
    failed = Signal(str)

    def __init__(
        self,
        decode: Callable[[Path, threading.Event], Envelope] = decode_envelope,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._decode = decode
        self._cancelled = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self, media: Path) -> None:
        self._cancelled = threading.Event()
        self.thread = threading.Thread(
            target=self._run, args=(media, self._cancelled), name="karaoke-waveform", daemon=True
        )
        self.thread.start()

    def cancel(self) -> None:
        self._cancelled.set()

    def _run(self, media: Path, cancelled: threading.Event) -> None:
        try:
            envelope = self._decode(media, cancelled)
        except Cancelled:
            return
        except DecodeError as error:
            self._emit(self.failed, str(error))
        except Exception as error:  # a worker thread must report, never die silently
            self._emit(self.failed, f"the audio could not be read ({error})")
        else:
            if not cancelled.is_set():
                self._emit(self.ready, envelope)

    def _emit(self, signal, value) -> None:
        # RuntimeError: the window (and this object) is already gone; nobody is waiting.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


@dataclass(frozen=True, slots=True)
class StripLine:
    """A line as the strip draws it (media ms; ``number`` is 1-based)."""

    number: int
    start_ms: int
    end_ms: int
    words_ms: tuple[int, ...] = ()  # the starts of its tapped words


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
    place_requested = Signal(int, str)  # media ms, "start" or "end" of the chosen line

    SPAN_RANGE_MS = (2_000, 60_000)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.envelope: Envelope | None = None
        self.message = "Reading the audio…"
        self.position_ms = 0
        self.span_ms = 8_000
        self.lines: Sequence[StripLine] = ()
        self.chosen: int | None = None  # line number
        self._tiles: dict[tuple[int, float, int], QPixmap] = {}
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            "Click: play from there · Shift+click: the chosen line starts there · "
            "Ctrl+click: it ends there · wheel: zoom"
        )

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
        if self.envelope is None and self.message:
            painter.setPen(_LABEL)
            painter.drawText(
                QRectF(0, wave_top, width, wave_height), Qt.AlignmentFlag.AlignCenter, self.message
            )
        painter.end()

    def _visible_lines(self):
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
            self.place_requested.emit(media_ms, "start")
        elif modifiers & Qt.KeyboardModifier.ControlModifier:
            self.place_requested.emit(media_ms, "end")
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
