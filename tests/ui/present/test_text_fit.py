"""Fitting text: the largest scale that fits, shrinking in small steps, never to nothing."""

from __future__ import annotations

from karaoke.ui.present.text_fit import LAST_RESORT, SHRINK_STEP, fit_scale


def test_text_that_fits_keeps_its_size():
    assert fit_scale(lambda scale: round(100 * scale), 100, 1.0) == 1.0
    assert fit_scale(lambda scale: round(100 * scale), 500, 1.5) == 1.5  # the user's scale


def test_text_shrinks_only_as_far_as_needed():
    scale = fit_scale(lambda s: round(100 * s), 80, 1.0)
    assert 80 * SHRINK_STEP / 100 < scale <= 0.8


def test_text_never_shrinks_below_the_last_resort():
    assert fit_scale(lambda s: 10_000, 10, 2.0) == LAST_RESORT * 2.0
