"""Colour themes for the lyrics and the window. Colours are ``#rrggbb`` strings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    label: str
    background: str  # behind the lyrics
    text: str  # text to read in full (cards, titles); the lyrics' unsung part is ``unsung``
    sung: str  # the current line, already sung (the wipe)
    dim: str  # the previous and next lines
    accent: str  # stanza marks, active stanza on the seek bar
    dark: bool  # whether the window palette should be dark
    #: The unsung text of each singer of a duet (see :func:`singer_slots`), instead of ``unsung``:
    #: each readable on ``background`` (4.5:1 at least) and far from ``sung``, so the wipe shows.
    singers: tuple[str, ...] = ()
    #: The current line's part not yet sung: a mid grey, dimmed against ``sung`` by 3:1 or more
    #: in luminance so the wipe reads by brightness, not hue (colour-blind people, washed-out
    #: projectors), yet 4.5:1 or more on ``background``. The current line is large text (WCAG's
    #: "large": at least 1/12 of a projector's height), for which AAA asks 4.5:1, not 7:1.
    unsung: str = "#808080"


THEMES: dict[str, Theme] = {
    # Duet singers: blue, pink and green, hues far from the wipe's yellow (maroon when light).
    "dark": Theme(
        "dark", "Dark", "#101418", "#f2f2f2", "#fff04d", "#8a939c", "#ff7a45", True,
        singers=("#6cb8ff", "#ff8ac2", "#7ddc8f"), unsung="#858585",
    ),
    "light": Theme(
        "light", "Light", "#fbfaf7", "#1b1b1b", "#5a0000", "#6b7075", "#b45309", False,
        singers=("#1d4ed8", "#a21caf", "#15803d"), unsung="#737373",
    ),
    # Every text colour at least 7:1 against the background (WCAG AAA), for projectors and
    # low vision: white and pure yellow on black.
    "contrast": Theme(
        "contrast", "High contrast", "#000000", "#ffffff", "#ffff00", "#d0d0d0", "#00ffff", True,
        singers=("#66ccff", "#ff99cc", "#66ff66"), unsung="#8c8c8c",
    ),
}  # fmt: skip

DEFAULT_THEME = "dark"


def theme_named(name: str | None) -> Theme:
    return THEMES.get(name or DEFAULT_THEME, THEMES[DEFAULT_THEME])


def singer_slots(singers: Iterable[str]) -> dict[str, int]:
    """Each singer named in ``singers`` (the lines' singers, in time order) → the index of its
    colour in :attr:`Theme.singers`: 0, 1, 2… in the order they first sing, when there are two
    singers or more; empty for a solo (its lines keep the theme's text colour)."""
    slots: dict[str, int] = {}
    for singer in singers:
        if singer and singer not in slots:
            slots[singer] = len(slots)
    return slots if len(slots) > 1 else {}


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
