"""The easy-reading font for dyslexic readers: Atkinson Hyperlegible with wider letter and word
spacing, for the lyrics in the main window and on the audience view.

Atkinson Hyperlegible (Braille Institute of America, SIL Open Font License 1.1) tells apart
the letters that are easy to confuse (I l 1, O 0, b d p q); its TTFs and licence come with the
``fontpkg-atkinson-hyperlegible`` package and are registered with Qt once, on first use. If they
cannot be (the package missing, a damaged file), the base font is kept and only the spacing
widens: the option still helps, and nothing fails.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

#: The family the package's files register.
FAMILY = "Atkinson Hyperlegible"
#: The package holding the TTFs (``files/*.ttf``) and their licence (``LICENSE``).
FONT_PACKAGE = "fontpkg_atkinson_hyperlegible"
#: Letter spacing, in percent of the font's own (100: unchanged). British Dyslexia Association
#: style guide: larger inter-letter spacing helps; 110 % keeps long lines from wrapping much more.
LETTER_SPACING_PERCENT = 110
#: Extra space between words, as a share of the font's pixel size (about a third of a space more).
WORD_SPACING_SHARE = 0.12


@cache
def register_reading_font() -> str | None:
    """Register the easy-reading TTFs with Qt (once per process); the family name, or None when
    they could not be registered. Needs a QGuiApplication."""
    try:
        files = resources.files(FONT_PACKAGE).joinpath("files")
        fonts = [item for item in files.iterdir() if item.name.lower().endswith(".ttf")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return None
    families: set[str] = set()
    for item in sorted(fonts, key=lambda item: item.name):
        font_id = QFontDatabase.addApplicationFontFromData(item.read_bytes())
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY in families:
        return FAMILY
    return next(iter(sorted(families)), None)


def easy_reading_font(base: QFont) -> QFont:
    """``base`` (its size, weight and style kept) in the easy-reading family, letters spaced
    :data:`LETTER_SPACING_PERCENT` % and words a little wider. Without the family, ``base``'s
    own family with the same spacing."""
    font = QFont(base)
    family = register_reading_font()
    if family:
        font.setFamilies([family, *base.families()])
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, LETTER_SPACING_PERCENT)
    pixel_size = base.pixelSize() if base.pixelSize() > 0 else QFontInfo(base).pixelSize()
    font.setWordSpacing(pixel_size * WORD_SPACING_SHARE)
    return font
