"""Colour themes for the lyrics and the window. Colours are ``#rrggbb`` strings.

Switching theme, live, in any window — the one way to do it::

    apply_palette(theme)           # the application's palette (or apply_palette(theme, window))

Everything that paints with the palette restyles itself: Qt sends each widget
``QEvent.PaletteChange`` (posted: it arrives once the event loop runs). The explanation panel
recolours its links then, so nothing needs calling there. Widgets that paint with a
:class:`Theme`'s own colours (the lyrics, the audience view, the console's previews) connect to
``theme_notifier().changed``, emitted by :func:`apply_palette` with the new :class:`Theme`
(:func:`current_theme` is the last one applied).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from karaoke.ui.shared.desktop_preferences import preferred_theme_name


@dataclass(frozen=True, slots=True)
class WindowColors:
    """A theme's window palette: menus, dialogs, the explanation panel. Text, links and the
    placeholder are 4.5:1 or more on ``window`` and ``base`` (7:1 in high contrast); white on
    ``highlight`` too (selected items); ``highlight`` draws the keyboard focus, 3:1 or more on
    ``window`` (WCAG's non-text contrast)."""

    window: str  # panels, dialogs, menus
    base: str  # text fields, lists, the explanation's text
    alternate_base: str
    text: str
    button: str
    highlight: str  # selection and focus frames
    highlighted_text: str
    link: str
    link_visited: str
    placeholder: str
    disabled: str  # greyed-out text: no contrast asked (WCAG exempts inactive controls)


DARK_WINDOW = WindowColors(
    "#1d2126", "#15181c", "#23282e", "#e8e8e8", "#2a2f36", "#c2410c", "#ffffff",
    "#ffb366", "#e09a5a", "#8a939c", "#6b737b",
)  # fmt: skip
LIGHT_WINDOW = WindowColors(
    "#efefef", "#ffffff", "#f7f7f7", "#1b1b1b", "#e4e4e4", "#c2410c", "#ffffff",
    "#9a3412", "#7c2d12", "#5f6368", "#9a9a9a",
)  # fmt: skip
#: White on black; yellow selection and focus, cyan links: every text 7:1 or more.
CONTRAST_WINDOW = WindowColors(
    "#000000", "#000000", "#1a1a1a", "#ffffff", "#333333", "#ffff00", "#000000",
    "#00ffff", "#e0b0ff", "#c0c0c0", "#8c8c8c",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    #: English, marked for translation: show ``QCoreApplication.translate("Theme", label)``.
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
    #: The window palette that goes with the theme (:func:`palette_for`).
    window: WindowColors = DARK_WINDOW


THEMES: dict[str, Theme] = {
    # Duet singers: blue, pink and green, hues far from the wipe's yellow (maroon when light).
    "dark": Theme(
        "dark", str(QT_TRANSLATE_NOOP("Theme", "Dark")),
        "#101418", "#f2f2f2", "#fff04d", "#8a939c", "#ff7a45", True,
        singers=("#6cb8ff", "#ff8ac2", "#7ddc8f"), unsung="#858585",
    ),
    "light": Theme(
        "light", str(QT_TRANSLATE_NOOP("Theme", "Light")),
        "#fbfaf7", "#1b1b1b", "#5a0000", "#6b7075", "#b45309", False,
        singers=("#1d4ed8", "#a21caf", "#15803d"), unsung="#737373", window=LIGHT_WINDOW,
    ),
    # Every text colour at least 7:1 against the background (WCAG AAA), for projectors and
    # low vision: white and pure yellow on black.
    "contrast": Theme(
        "contrast", str(QT_TRANSLATE_NOOP("Theme", "High contrast")),
        "#000000", "#ffffff", "#ffff00", "#d0d0d0", "#00ffff", True,
        singers=("#66ccff", "#ff99cc", "#66ff66"), unsung="#8c8c8c", window=CONTRAST_WINDOW,
    ),
}  # fmt: skip

DEFAULT_THEME = "dark"


def theme_named(name: str | None) -> Theme:
    """The theme called ``name``; with none chosen yet (None), the high-contrast theme when the
    desktop asks for high contrast, else :data:`DEFAULT_THEME`."""
    return THEMES.get(name or preferred_theme_name(DEFAULT_THEME), THEMES[DEFAULT_THEME])


def singer_slots(singers: Iterable[str]) -> dict[str, int]:
    """Each singer named in ``singers`` (the lines' singers, in time order) → the index of its
    colour in :attr:`Theme.singers`: 0, 1, 2… in the order they first sing, when there are two
    singers or more; empty for a solo (its lines keep the theme's text colour)."""
    slots: dict[str, int] = {}
    for singer in singers:
        if singer and singer not in slots:
            slots[singer] = len(slots)
    return slots if len(slots) > 1 else {}


def fill_background(widget: QWidget, color: str) -> None:
    """Paint ``widget``'s background in ``color`` (a widget drawn in a theme's own colours, like
    the projector's pages, rather than the window palette's)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(color))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def palette_for(theme: Theme) -> QPalette:
    """The window palette of ``theme``: its :class:`WindowColors` in every role; the shades Fusion
    draws frames and bevels with (light, mid, dark, shadow) computed from the button colour."""
    colors = theme.window
    palette = QPalette(QColor(colors.button), QColor(colors.window))
    role = QPalette.ColorRole
    roles = {
        role.Window: colors.window, role.WindowText: colors.text, role.Base: colors.base,
        role.AlternateBase: colors.alternate_base, role.Text: colors.text,
        role.Button: colors.button, role.ButtonText: colors.text, role.BrightText: colors.link,
        role.Highlight: colors.highlight, role.HighlightedText: colors.highlighted_text,
        role.Link: colors.link, role.LinkVisited: colors.link_visited,
        role.ToolTipBase: colors.button, role.ToolTipText: colors.text,
        role.PlaceholderText: colors.placeholder,
    }  # fmt: skip
    for color_role, color in roles.items():
        palette.setColor(color_role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, color_role, QColor(colors.disabled))
    return palette


class ThemeNotifier(QObject):
    """Tells the widgets that paint with a theme's own colours that the theme changed."""

    changed = Signal(object)  # the new Theme


_notifier: ThemeNotifier | None = None
_current: Theme | None = None


def theme_notifier() -> ThemeNotifier:
    """The one notifier: ``theme_notifier().changed.connect(slot)`` gets each applied Theme."""
    global _notifier
    if _notifier is None:
        _notifier = ThemeNotifier()
    return _notifier


def current_theme() -> Theme:
    """The theme last given to :func:`apply_palette` (the default before any)."""
    return _current or theme_named(None)


def apply_palette(theme: Theme, target: QWidget | None = None) -> None:
    """Switch to ``theme``, live: the Fusion palette of :func:`palette_for` for the whole
    application (or only ``target`` and its children), then ``theme_notifier().changed``."""
    global _current
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    # Fusion follows the palette fully on every platform; native styles may ignore it.
    if app.style().name().lower() != "fusion":
        app.setStyle(QStyleFactory.create("Fusion"))
    if target is None:
        app.setPalette(palette_for(theme))
    else:
        target.setPalette(palette_for(theme))
    _current = theme
    theme_notifier().changed.emit(theme)


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
