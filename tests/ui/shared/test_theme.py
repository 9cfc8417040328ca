"""Themes: a duet's singer colours are readable on every theme and unlike the wipe's colour;
the window palette of each theme readable (text, links, selection, focus) and applied live."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from karaoke.ui.shared.theme import (
    THEMES,
    Theme,
    apply_palette,
    contrast_ratio,
    current_theme,
    palette_for,
    singer_slots,
    theme_named,
    theme_notifier,
)
from tests.ui.interface_texts import in_language


@pytest.fixture
def restore_palette(qapp):
    """The application's palette as it was before the test."""
    before = QPalette(QApplication.palette())
    yield
    QApplication.setPalette(before)


def _distance(a: str, b: str) -> float:
    """Euclidean distance of two ``#rrggbb`` colours in RGB (0-441)."""
    channels = [(int(a[i : i + 2], 16), int(b[i : i + 2], 16)) for i in (1, 3, 5)]
    return sum((x - y) ** 2 for x, y in channels) ** 0.5


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_each_singer_colour_is_readable_and_unlike_the_wipe(theme: Theme):
    assert len(theme.singers) >= 3
    for color in theme.singers:
        assert contrast_ratio(color, theme.background) >= 4.5, color
        # The unsung part in a singer's colour, the sung part in theme.sung: far apart.
        assert _distance(color, theme.sung) >= 140, color
    for a, b in itertools.combinations(theme.singers, 2):
        assert _distance(a, b) >= 100, (a, b)


def test_the_high_contrast_theme_keeps_7_to_1_for_singers_too():
    theme = THEMES["contrast"]
    assert all(contrast_ratio(color, theme.background) >= 7.0 for color in theme.singers)


def test_singer_slots_number_singers_as_they_first_sing_and_only_in_a_duet():
    assert singer_slots(["Beto", "", "Ana", "Beto", "Ana & Beto"]) == {
        "Beto": 0,
        "Ana": 1,
        "Ana & Beto": 2,
    }
    assert singer_slots(["Ana", "Ana", ""]) == {}  # one singer: a solo
    assert singer_slots([]) == {}


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_the_wipe_reads_by_brightness(theme: Theme):
    """Unsung a mid grey, sung in full colour: 3:1 or more apart in luminance, so the wipe shows
    without telling hues apart; the unsung part still readable on the background."""
    assert contrast_ratio(theme.sung, theme.unsung) >= 3.0
    assert contrast_ratio(theme.unsung, theme.background) >= 4.5
    # The wipe brightens on a dark theme and darkens on a light one: it moves away from the
    # background.
    assert contrast_ratio(theme.sung, theme.background) > contrast_ratio(
        theme.unsung, theme.background
    )


# The window palette: what menus, dialogs and the explanation panel are painted with. -----------


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_window_text_and_links_are_readable_on_the_window_and_on_the_text_background(theme: Theme):
    colors = theme.window
    least = 7.0 if theme.name == "contrast" else 4.5  # WCAG AAA for the high-contrast theme
    for background in (colors.window, colors.base):
        for foreground in (colors.text, colors.link, colors.link_visited):
            assert contrast_ratio(foreground, background) >= least, (foreground, background)
    assert contrast_ratio(colors.placeholder, colors.base) >= 4.5
    assert contrast_ratio(colors.highlighted_text, colors.highlight) >= 4.5  # selected items
    # The focus frame is drawn in the highlight colour: 3:1 on the window (non-text contrast).
    assert contrast_ratio(colors.highlight, colors.window) >= 3.0


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_the_palette_carries_the_themes_window_colours(qapp, theme: Theme):
    palette = palette_for(theme)
    role = QPalette.ColorRole
    assert palette.color(role.Window).name() == theme.window.window
    assert palette.color(role.Base).name() == theme.window.base
    assert palette.color(role.Text).name() == theme.window.text
    assert palette.color(role.WindowText).name() == theme.window.text
    assert palette.color(role.Link).name() == theme.window.link
    assert palette.color(role.Highlight).name() == theme.window.highlight
    disabled = palette.color(QPalette.ColorGroup.Disabled, role.Text).name()
    assert disabled == theme.window.disabled != theme.window.text


def test_the_themes_are_told_apart_by_their_palettes(qapp):
    """Each theme its own window colours (high contrast was the dark palette before)."""
    backgrounds = {
        palette_for(theme).color(QPalette.ColorRole.Base).name() for theme in THEMES.values()
    }
    assert len(backgrounds) == len(THEMES)


def test_applying_a_theme_sets_the_palette_and_tells_the_listeners(qapp, restore_palette):
    heard: list[Theme] = []
    theme_notifier().changed.connect(heard.append)
    try:
        apply_palette(THEMES["light"])
        assert (
            QApplication.palette().color(QPalette.ColorRole.Link).name()
            == THEMES["light"].window.link
        )
        apply_palette(THEMES["contrast"])
    finally:
        theme_notifier().changed.disconnect(heard.append)
    assert [theme.name for theme in heard] == ["light", "contrast"]
    assert current_theme() is THEMES["contrast"]
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == "#000000"


def test_a_theme_can_be_given_to_one_window_only(qapp, restore_palette):
    apply_palette(THEMES["dark"])
    window = QWidget()
    apply_palette(THEMES["light"], window)
    assert window.palette().color(QPalette.ColorRole.Window).name() == THEMES["light"].window.window
    assert (
        QApplication.palette().color(QPalette.ColorRole.Window).name()
        == THEMES["dark"].window.window
    )


def test_theme_names_are_marked_for_translation(qapp):
    """The labels are English sources of the "Theme" context, translated where shown."""
    with in_language("es"):
        shown = [QCoreApplication.translate("Theme", theme.label) for theme in THEMES.values()]
    assert shown == ["Oscuro", "Claro", "Alto contraste"]


def test_a_first_run_on_a_high_contrast_desktop_starts_in_the_high_contrast_theme(monkeypatch):
    from karaoke.ui.shared import desktop_preferences

    assert theme_named(None).name == "dark"
    monkeypatch.setattr(desktop_preferences, "wants_high_contrast", lambda: True)
    assert theme_named(None).name == "contrast"
    assert theme_named("light").name == "light"  # a theme the user chose stays chosen
