"""The waveform strip draws the envelope, the lines and the playhead where the times say, and
turns clicks into seeks and placed starts and ends; the wheel zooms within its range."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent

from karaoke.core.envelope import Envelope
from karaoke.core.tapping import Edge
from karaoke.ui.timing.waveform import StripLine, WaveformStrip

WAVE = QColor("#5fb3d9")
PLAYHEAD = QColor("#ff7a45")
CHOSEN_MARK = QColor("#ffc233")


@pytest.fixture
def strip(qtbot) -> WaveformStrip:
    strip = WaveformStrip()
    qtbot.addWidget(strip)
    strip.resize(800, 110)
    strip.set_position(4_000)
    return strip


def colours_in_column(image, x: int) -> set[str]:
    return {image.pixelColor(x, y).name() for y in range(image.height())}


def test_times_and_pixels_are_each_others_inverse(strip):
    assert strip.view_start_ms() == 4_000 - 0.3 * strip.span_ms  # the playhead at 30 %
    for media_ms in (1_600, 4_000, 9_000):
        assert abs(strip.time_at(strip.x_of(media_ms)) - media_ms) <= 1
    assert strip.time_at(-10_000) == 0  # never before the media's start


def test_it_draws_the_wave_the_playhead_and_the_chosen_lines_mark(strip):
    strip.set_envelope(Envelope(10, bytes([255]) * 1_000))  # 10 s of loud sound
    strip.set_lines([StripLine(1, 2_000, 3_000), StripLine(2, 5_000, 6_000, (5_000, 5_500))], 2)
    image = strip.grab().toImage()
    assert PLAYHEAD.name() in colours_in_column(image, round(strip.x_of(4_000)))
    assert CHOSEN_MARK.name() in colours_in_column(image, round(strip.x_of(5_000)))
    assert WAVE.name() in colours_in_column(image, round(strip.x_of(7_000)))


def test_without_an_envelope_it_says_why(strip):
    assert strip.message == ""  # "Reading the audio…" is drawn
    strip.set_envelope(None, "No waveform: the media has no audio track")
    assert strip.envelope is None and strip.message.endswith("no audio track")
    image = strip.grab().toImage()
    assert WAVE.name() not in colours_in_column(image, round(strip.x_of(7_000)))


@pytest.mark.parametrize(
    ("modifier", "expected"),
    [
        (Qt.KeyboardModifier.NoModifier, ("seek", None)),
        (Qt.KeyboardModifier.ShiftModifier, ("place", Edge.START)),
        (Qt.KeyboardModifier.ControlModifier, ("place", Edge.END)),
    ],
)
def test_clicks_seek_or_place_the_chosen_lines_start_or_end(qtbot, strip, modifier, expected):
    asked = []
    strip.seek_requested.connect(lambda ms: asked.append(("seek", None, ms)))
    strip.place_requested.connect(lambda ms, which: asked.append(("place", which, ms)))
    x = round(strip.x_of(6_000))
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, modifier, QPoint(x, 40))
    ((kind, which, media_ms),) = asked
    assert (kind, which) == expected
    assert media_ms == strip.time_at(x)
    assert abs(media_ms - 6_000) <= strip.span_ms / strip.width() + 1


def wheel(strip: WaveformStrip, delta: int) -> None:
    event = QWheelEvent(
        QPointF(10, 10),
        QPointF(strip.mapToGlobal(QPoint(10, 10))),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    strip.wheelEvent(event)


def test_the_wheel_zooms_within_its_range(strip):
    low, high = strip.SPAN_RANGE_MS
    wheel(strip, 120)
    assert strip.span_ms == 8_000 * 0.8  # towards the wave
    for _ in range(30):
        wheel(strip, 120)
    assert strip.span_ms == low
    for _ in range(30):
        wheel(strip, -120)
    assert strip.span_ms == high
