"""The Qt platform asked for, read before Qt is loaded (libvlc's arguments depend on it)."""

from __future__ import annotations

import pytest

from karaoke.ui.launch import vlc_args_for
from karaoke.ui.shared.qt_platforms import requested_platform


@pytest.mark.parametrize(
    ("value", "platform"),
    [
        ("offscreen", "offscreen"),
        ("xcb", "xcb"),
        ("minimal:enable_fonts", "minimal"),  # a platform's options follow a colon
        ("wayland;xcb", "wayland"),  # a list of fallbacks: the first is tried first
        (" offscreen ", "offscreen"),
    ],
)
def test_the_platform_asked_for(value, platform):
    assert requested_platform({"QT_QPA_PLATFORM": value}) == platform


def test_nothing_asked_is_the_desktops_platform_and_gets_a_video_output():
    assert requested_platform({}) == ""
    assert vlc_args_for(requested_platform({})) == ()
    assert vlc_args_for(requested_platform({"QT_QPA_PLATFORM": "offscreen"})) == ("--vout=dummy",)
