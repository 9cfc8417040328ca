"""What the desktop tells Qt about how the user wants to read: its contrast preference.

Text sizes need nothing here: the lyrics are sized from the widget (and never below the
application font, which follows the desktop's font scaling), and the rest of the interface uses
Qt's fonts, which already follow it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

#: The theme (karaoke.ui.shared.theme.THEMES) for a desktop that asks for high contrast.
HIGH_CONTRAST_THEME = "contrast"


def wants_high_contrast() -> bool:
    """Whether the desktop asks for high contrast (Qt 6.10+ reads it from the platform: Windows'
    contrast themes, macOS's "Increase contrast", GNOME's high-contrast setting)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    hints = app.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt < 6.10 has no such hints
    if accessibility is None:
        return False
    preference = accessibility().contrastPreference()
    return preference == Qt.ContrastPreference.HighContrast


def preferred_theme_name(default: str) -> str:
    """The theme to start with when the user has never chosen one: the high-contrast theme when
    the desktop asks for high contrast, else ``default``."""
    return HIGH_CONTRAST_THEME if wants_high_contrast() else default
