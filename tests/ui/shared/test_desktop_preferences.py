"""A desktop asking for high contrast starts with the high-contrast theme."""

from __future__ import annotations

from PySide6.QtCore import Qt

from karaoke.ui.shared import desktop_preferences
from karaoke.ui.shared.desktop_preferences import preferred_theme_name
from karaoke.ui.shared.theme import THEMES


class _Hints:
    def __init__(self, preference: Qt.ContrastPreference) -> None:
        self.preference = preference

    def contrastPreference(self) -> Qt.ContrastPreference:
        return self.preference


def test_high_contrast_desktop_gets_the_contrast_theme(qapp, monkeypatch):
    hints = qapp.styleHints()
    for preference, expected in (
        (Qt.ContrastPreference.HighContrast, "contrast"),
        (Qt.ContrastPreference.NoPreference, "dark"),
    ):
        monkeypatch.setattr(type(hints), "accessibility", lambda _self, p=preference: _Hints(p))
        assert preferred_theme_name("dark") == expected
    assert desktop_preferences.HIGH_CONTRAST_THEME in THEMES
