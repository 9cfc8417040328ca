"""The current line's wipe, measured once per line, gives exactly what asking its QTextLayout at
every frame gave: the same pixels summed over the rows, the same strips to repaint and the same
clips for the sung rendering, for real layouts (wrapped rows, an explicit line break, accents, a
translation under the line, words of no duration)."""

from __future__ import annotations

import math
from typing import cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QTextLine

from karaoke.core.model import Line, Word
from karaoke.core.timeline import Timeline
from karaoke.ui.shared.lyrics_layout import Placed, Wipe, rows
from karaoke.ui.shared.lyrics_view import LyricsView
from karaoke.ui.shared.theme import THEMES

WRAPPED = "Con mi burrito sabanero voy entrenando mi modelo, camino de Belén, más allá del océano"
BROKEN = "Él pidió más café\ny añadió azúcar: ¡qué rico está el corazón, señoría!"
INSTANT = "GPT, GPT, se llama GPT-3"
LINES = (
    Line(WRAPPED, 1000, 9000),
    Line(BROKEN, 10_000, 16_000),
    # Three words of no duration: the wipe jumps over them whole.
    Line(
        INSTANT,
        17_000,
        21_000,
        words=(
            Word("GPT,", 17_000, 17_000, 0),
            Word("GPT,", 17_000, 18_000, 5),
            Word("se", 18_500, 18_500, 10),
            Word("llama", 18_500, 19_500, 13),
            Word("GPT-3", 20_000, 20_000, 19),
        ),
    ),
)
TRANSLATIONS = {
    0: "With my little donkey I am training my model",
    1: "He asked for more coffee",
    2: "GPT, it is called GPT-3",
}


# What the view computed at every frame before the wipe was measured once (the reference).


def x_at(row: QTextLine, cursor: int) -> float:
    return cast(tuple[float, int], row.cursorToX(cursor))[0]


def layout_sung_width(row: QTextLine, sung_chars: float) -> float:
    start = row.textStart()
    end = start + row.textLength()
    if sung_chars <= start:
        return 0.0
    left = x_at(row, start)
    if sung_chars >= end:
        return x_at(row, end) - left
    whole = int(sung_chars)
    x0 = x_at(row, whole)
    x1 = x_at(row, whole + 1)
    return x0 + (x1 - x0) * (sung_chars - whole) - left


def layout_pixels(placed: Placed, sung_chars: float) -> int:
    total = 0.0
    for row in rows(placed.layout):
        total += layout_sung_width(row, sung_chars)
    return math.floor(total)


def layout_strips(placed: Placed, from_px: int, to_px: int) -> list[QRect]:
    low, high = sorted((from_px, to_px))
    if low < 0:
        return [placed.rect]
    strips = []
    offset = 0.0
    left = placed.layout.position().x()
    for row in rows(placed.layout):
        start = x_at(row, row.textStart())
        width = x_at(row, row.textStart() + row.textLength()) - start
        a, b = max(low - offset, 0.0), min(high - offset, width)
        if a <= b:
            x = left + start + a
            strips.append(
                QRectF(x - 3, placed.top + row.y(), b - a + 6, row.height()).toAlignedRect()
            )
        offset += width
        if offset > high:
            break
    return strips


def layout_clips(placed: Placed, sung_chars: float) -> list[QRectF]:
    clips = []
    for row in rows(placed.layout):
        width = layout_sung_width(row, sung_chars)
        if width <= 0:
            break
        x = 0.0 + placed.layout.position().x() + x_at(row, row.textStart())
        clips.append(QRectF(x, placed.top + row.y(), width, row.height()))
    return clips


def _current(qtbot, index: int, width: int, translated: bool) -> tuple[LyricsView, Wipe]:
    view = LyricsView()
    qtbot.addWidget(view)
    view.set_theme(THEMES["dark"])
    view.resize(width, 500)
    view.show()
    view.set_timeline(Timeline(LINES))
    if translated:
        view.set_translations(TRANSLATIONS)
    view.set_position(LINES[index].start_ms)
    assert view.current_line == index and view._wipe is not None
    return view, view._wipe


CASES = [
    pytest.param(0, 520, False, id="wrapped-over-rows"),
    pytest.param(0, 1400, True, id="one-row-with-translation"),
    pytest.param(1, 700, True, id="line-break-accents-translation"),
    pytest.param(2, 600, False, id="words-of-no-duration"),
]
HYPOTHESIS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize(("index", "width", "translated"), CASES)
def test_the_measured_wipe_equals_the_layouts_answers(qtbot, index, width, translated):
    view, wipe = _current(qtbot, index, width, translated)
    placed = wipe.placed
    if index == 0 and width == 520:
        assert len(wipe.rows) >= 3  # it does wrap
    if index == 1:
        assert len(wipe.rows) >= 2  # the line break
    if translated:
        assert any(kind == "translation" for _, kind, _ in view.placed_kinds())
    length = len(LINES[index].text)
    total = wipe.pixels(length)

    @HYPOTHESIS
    @given(
        sung=st.one_of(
            st.floats(-1.0, length + 1.0, allow_nan=False),
            st.integers(0, length).map(float),
        ),
        other_px=st.integers(-1, total + 8),
    )
    def same(sung: float, other_px: int) -> None:
        pixels = wipe.pixels(sung)
        assert pixels == layout_pixels(placed, sung)
        assert [QRect(*box) for box in wipe.strips(other_px, pixels)] == layout_strips(
            placed, other_px, pixels
        )
        assert [QRectF(*clip) for clip in wipe.sung_clips(sung)] == layout_clips(placed, sung)

    same()


@pytest.mark.parametrize(("index", "width", "translated"), CASES)
def test_each_frame_asks_the_view_for_the_same_wipe_and_strips(
    qtbot, monkeypatch, index, width, translated
):
    """Through set_position, as the player calls it at every frame: the wipe's pixels and the
    rectangles handed to update() are the layout's."""
    view, wipe = _current(qtbot, index, width, translated)
    line = LINES[index]
    timeline = view._timeline
    assert timeline is not None
    updated: list[QRect] = []
    monkeypatch.setattr(view, "update", lambda *box: updated.append(QRect(*box)))

    @HYPOTHESIS
    @given(st.integers(line.start_ms, line.end_ms + 500))
    def same(t_ms: int) -> None:
        before = view._wipe_px
        updated.clear()
        view.set_position(t_ms)
        assert view._wipe is wipe  # the same line: measured once, not again
        pixels = layout_pixels(wipe.placed, timeline.sung_chars(index, t_ms))
        assert view._wipe_px == pixels
        expected = [] if pixels == before else layout_strips(wipe.placed, before, pixels)
        assert updated == expected

    same()
