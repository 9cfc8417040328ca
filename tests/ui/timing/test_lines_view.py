"""The timing editor's lines: a gap with the stanza's number where a stanza of the words file
begins, and a "Now" row as large as the list and in the window's text colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontInfo, QImage, QPalette

from karaoke.core.tapping import TapSession
from karaoke.ui.shared.theme import THEMES, Theme, contrast_ratio, palette_for
from karaoke.ui.timing.lines_view import (
    STANZA_ROLE,
    TEXT,
    LinesView,
    NextLinePanel,
    stanza_color,
    stanza_gap,
)

#: Two stanzas, as a words file with a blank line between them reads.
TAPS = TapSession.from_texts(
    ["Con mi burrito sabanero", "red neuronal", "del lenguaje natural", "voy entrenando"],
    stanza_starts=(0, 2),
)


def test_a_stanza_break_of_the_words_file_shows_as_a_gap_before_its_first_line(qtbot):
    view = LinesView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show_session(TAPS, 0, words=False)
    view.show()
    qtbot.waitExposed(view)
    heights = [view.visualItemRect(view.topLevelItem(row)).height() for row in range(4)]
    assert heights[2] > heights[1] == heights[3]  # the second stanza's first line: taller
    assert heights[0] == heights[1]  # no gap before the first stanza
    assert [view.topLevelItem(row).data(0, STANZA_ROLE) for row in range(4)] == [0, 0, 2, 0]


def test_the_now_row_is_as_large_as_the_lines_and_reads_clearly(qtbot):
    view, panel = LinesView(), NextLinePanel()
    qtbot.addWidget(view)
    qtbot.addWidget(panel)
    panel.show_state(TAPS, 1, word_mode=False)
    assert "Now 2 · red neuronal" in panel.now_label.text()
    assert "Next ▶ 1" in panel.next_label.text()
    now_px = QFontInfo(panel.now_label.font()).pixelSize()
    assert now_px >= QFontInfo(view.font()).pixelSize()
    assert now_px < QFontInfo(panel.next_label.font()).pixelSize()  # "Next" stays the biggest
    palette = panel.now_label.palette()
    text = palette.color(panel.now_label.foregroundRole()).name()
    background = palette.color(QPalette.ColorRole.Window).name()
    assert contrast_ratio(text, background) >= 4.5
    panel.show_state(TAPS, None, word_mode=False)
    assert panel.now_label.isHidden()  # nothing sung: no empty row


def gap_of_second_stanza(qtbot, theme: Theme) -> tuple[QImage, QRect, QRect, QColor]:
    """The list in ``theme``, drawn: its picture, the gap above the second stanza's first row,
    the text column's span in it, and the list's background colour."""
    view = LinesView()
    qtbot.addWidget(view)
    view.setPalette(palette_for(theme))
    view.resize(600, 400)
    view.show_session(TAPS, 3, words=False)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    row = view.visualItemRect(view.topLevelItem(2))
    gap_height = stanza_gap(view.font()).height
    gap = QRect(row.left(), row.top(), row.width(), gap_height)
    text_column = view.visualRect(view.indexFromItem(view.topLevelItem(2), TEXT))
    return image, gap, text_column, view.palette().color(QPalette.ColorRole.Base)


def inked_rows(image: QImage, gap: QRect, left: int, right: int, base: QColor) -> list[int]:
    """The picture's rows in ``gap`` (y) with a pixel between ``left`` and ``right`` that stands
    out from ``base`` by 3:1 or more."""
    return [
        y
        for y in range(gap.top(), gap.bottom() + 1)
        if any(
            contrast_ratio(image.pixelColor(x, y).name(), base.name()) >= 3.0
            for x in range(left, right)
        )
    ]


@pytest.mark.parametrize("name", list(THEMES))
def test_the_stanza_rule_stands_out_in_every_theme(qtbot, name):
    """The rule across the gap is 3:1 or more against the list (WCAG's non-text contrast)."""
    image, gap, _text, base = gap_of_second_stanza(qtbot, THEMES[name])
    color = stanza_color(palette_for(THEMES[name]))
    assert contrast_ratio(color.name(), base.name()) >= 3.0
    # Drawn: a row of the gap that stands out all the way across (the label's column aside).
    across = [
        y
        for y in range(gap.top(), gap.bottom() + 1)
        if all(
            contrast_ratio(image.pixelColor(x, y).name(), base.name()) >= 3.0
            for x in range(gap.left() + 2, gap.right() - 2, 7)
        )
    ]
    assert across, f"no visible rule in the {name} theme"


@pytest.mark.parametrize("name", list(THEMES))
def test_the_stanza_label_sits_right_above_its_first_line(qtbot, name):
    """ "Stanza 2" is nearer the line it heads than the line before it."""
    image, gap, text, base = gap_of_second_stanza(qtbot, THEMES[name])
    rule_and_label = inked_rows(image, gap, text.left() + 2, text.right() - 2, base)
    across = set(inked_rows(image, gap, gap.left() + 2, text.left() - 2, base))  # the rule
    label = [y for y in rule_and_label if y not in across]
    assert label, f"no stanza label drawn in the {name} theme"
    above = label[0] - gap.top()  # room between the previous row and the label
    below = gap.bottom() - label[-1]  # room between the label and its row
    assert below < above
    layout = stanza_gap(QFont())
    assert layout.height - layout.label_top - layout.label_height < layout.label_top
