"""Colour themes for the lyrics and the window. Colours are ``#rrggbb`` strings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    label: str
    background: str  # behind the lyrics
    text: str  # the current line, not yet sung
    sung: str  # the current line, already sung (the wipe)
    dim: str  # the previous and next lines
    accent: str  # stanza marks, active stanza on the seek bar
    dark: bool  # whether the window palette should be dark


THEMES: dict[str, Theme] = {
    "dark": Theme("dark", "Dark", "#101418", "#f2f2f2", "#ffc233", "#8a939c", "#ff7a45", True),
    "light": Theme("light", "Light", "#fbfaf7", "#1b1b1b", "#c2410c", "#6b7075", "#b45309", False),
    # Every text colour at least 7:1 against the background (WCAG AAA), for projectors and
    # low vision: white and pure yellow on black.
    "contrast": Theme(
        "contrast", "High contrast", "#000000", "#ffffff", "#ffff00", "#d0d0d0", "#00ffff", True
    ),
}

DEFAULT_THEME = "dark"


def theme_named(name: str | None) -> Theme:
    return THEMES.get(name or DEFAULT_THEME, THEMES[DEFAULT_THEME])


def apply_palette(theme: Theme) -> None:
    """Give the whole application a light or dark Fusion palette to match ``theme``."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    # Fusion follows the palette fully on every platform; native styles may ignore it.
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    palette = QPalette()
    if theme.dark:
        role = QPalette.ColorRole
        colors = {
            role.Window: "#1d2126", role.WindowText: "#e8e8e8", role.Base: "#15181c",
            role.AlternateBase: "#23282e", role.Text: "#e8e8e8", role.Button: "#2a2f36",
            role.ButtonText: "#e8e8e8", role.Highlight: "#e8590c", role.HighlightedText: "#ffffff",
            role.Link: "#ffb366", role.LinkVisited: "#e09a5a", role.ToolTipBase: "#2a2f36",
            role.ToolTipText: "#e8e8e8", role.PlaceholderText: "#8a939c",
        }  # fmt: skip
        for color_role, color in colors.items():
            palette.setColor(color_role, QColor(color))
    else:
        palette = app.style().standardPalette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#c2410c"))
        palette.setColor(QPalette.ColorRole.Link, QColor("#9a3412"))
    app.setPalette(palette)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
