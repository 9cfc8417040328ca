"""The timing editor's lines: a gap with the stanza's number where a stanza of the words file
begins, and a "Now" row as large as the list and in the window's text colour."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QPalette

from karaoke.core.tapping import TapSession
from karaoke.ui.shared.theme import contrast_ratio
from karaoke.ui.timing.lines_view import STANZA_ROLE, LinesView, NextLinePanel

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
