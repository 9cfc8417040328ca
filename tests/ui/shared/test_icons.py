"""Transport icons: one QIcon per name and colour, however often a button changes icon."""

from __future__ import annotations

from karaoke.ui.shared.icons import icon
from karaoke.ui.shared.transport import Transport


def test_play_pause_toggles_reuse_two_icons(qtbot):
    """Qt caches an icon's scaled pixmaps under the icon's key: a new icon at every toggle
    filled its pixmap cache with copies (RSS grew ~3 KB a song, up to the cache's 10 MB)."""
    transport = Transport()
    qtbot.addWidget(transport)
    transport.show()
    keys = set()
    for playing in (True, False) * 20:
        transport.set_playing(playing)
        keys.add(transport.play_pause.icon().cacheKey())
    assert len(keys) == 2


def test_a_name_in_another_colour_is_another_icon(qapp):
    assert icon("play", "#ffffff").cacheKey() == icon("play", "#ffffff").cacheKey()
    assert icon("play", "#ffffff").cacheKey() != icon("play", "#000000").cacheKey()
    assert icon("play", "#ffffff").cacheKey() != icon("pause", "#ffffff").cacheKey()
