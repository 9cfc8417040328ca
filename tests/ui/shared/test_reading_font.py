"""The easy-reading font: Atkinson Hyperlegible from its package, with wider spacing."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo

from karaoke.ui.shared import reading_font
from karaoke.ui.shared.reading_font import FAMILY, easy_reading_font, register_reading_font


def test_the_font_is_registered_and_used(qapp):
    assert register_reading_font() == FAMILY
    base = QFont("DejaVu Sans")
    base.setPixelSize(40)
    base.setBold(True)
    font = easy_reading_font(base)
    assert QFontInfo(font).family() == FAMILY  # what Qt really draws with
    assert font.pixelSize() == 40 and font.bold()
    assert font.letterSpacingType() == QFont.SpacingType.PercentageSpacing
    assert font.letterSpacing() > 100
    assert font.wordSpacing() > base.wordSpacing()


def test_without_the_package_the_spacing_still_widens(qapp, monkeypatch):
    register_reading_font.cache_clear()
    monkeypatch.setattr(reading_font, "FONT_PACKAGE", "no_such_font_package")
    try:
        base = QFont("DejaVu Sans")
        base.setPixelSize(30)
        font = easy_reading_font(base)
        assert font.families() == base.families()
        assert font.letterSpacing() > 100
    finally:
        register_reading_font.cache_clear()
