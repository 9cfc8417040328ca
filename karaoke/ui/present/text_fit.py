"""Text that fits the projector without scrolling: fonts in pixels from the screen height, and the
one scale factor that makes a block of labels fit its rectangle, shrinking only as far as needed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from karaoke.ui.shared.reading_font import easy_reading_font

#: Each step of shrinking multiplies the text size by this.
SHRINK_STEP = 0.94
#: Below its floor (the smallest size a class can read) text shrinks only so that nothing is
#: cut, never below this share of its wanted size.
LAST_RESORT = 0.3


def set_pixel_font(
    label: QLabel, pixels: int, weight: QFont.Weight = QFont.Weight.Normal, *, easy: bool = False
) -> None:
    """Give ``label`` its font at ``pixels`` (at least 8) and ``weight``: the easy-reading font
    (:func:`~karaoke.ui.shared.reading_font.easy_reading_font`) when ``easy``, else the
    application's family with normal spacing."""
    font = QFont(label.font())
    font.setPixelSize(max(8, pixels))
    font.setWeight(weight)
    if easy:
        font = easy_reading_font(font)
    else:  # undo an earlier easy-reading font: the label's font is the starting point
        font.setFamilies(QApplication.font().families())
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100)
        font.setWordSpacing(0)
    label.setFont(font)


def wrapped_label(parent: QWidget, text: str = "") -> QLabel:
    """A plain-text label (no Markdown or HTML surprises) that wraps at words."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def label_height(label: QLabel, width: int) -> int:
    """The height ``label`` needs at ``width`` with its current font and text (0 when hidden
    or empty)."""
    if label.isHidden() or not label.text():
        return 0
    return label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height()


def fit_scale(measure: Callable[[float], int], available: int, start: float = 1.0) -> float:
    """The largest scale, from ``start`` down by :data:`SHRINK_STEP`, whose ``measure`` (the
    height the block needs at that scale) is at most ``available``; at most down to
    :data:`LAST_RESORT` of ``start``, whatever the content."""
    scale = start
    lowest = LAST_RESORT * start
    while measure(scale) > available and scale > lowest:
        scale = max(lowest, scale * SHRINK_STEP)
    return scale
