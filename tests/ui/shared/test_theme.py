"""Themes: a duet's singer colours are readable on every theme and unlike the wipe's colour."""

from __future__ import annotations

import itertools

import pytest

from karaoke.ui.shared.theme import THEMES, Theme, contrast_ratio, singer_slots


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
