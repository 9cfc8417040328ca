"""The audience view while singing: the video and the lyrics, and beside them only the stanza's
title and key idea, large (the key idea at least 1/30 of the screen height), never scrolling,
hidden with E; the wipe reads by brightness in every theme."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from karaoke.core.model import Song, pick
from karaoke.core.package import open_song
from karaoke.core.timeline import Timeline
from karaoke.ui.present.audience_window import AudienceWindow
from karaoke.ui.shared.theme import THEMES, contrast_ratio
from tests.conftest import BUNDLED
from tests.ui.interface_texts import in_language, keyboard_controls, unnamed_controls

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080), (3840, 2160)]
#: The key idea's font, at least, as a share of the screen height (the back row reads it).
KEY_IDEA_MIN = 1 / 30


@pytest.fixture(scope="module")
def song() -> Song:
    return open_song(BUNDLED).song


def make_window(qtbot, song: Song, size: tuple[int, int], theme: str = "dark") -> AudienceWindow:
    window = AudienceWindow()
    qtbot.addWidget(window)
    window.set_theme(THEMES[theme])
    window.set_song(song, Timeline(song.lines, song.stanzas), False, {})
    window.resize(*size)
    window.fit_to_height(size[1])
    window.show()
    return window


def in_window(window: QWidget, child: QWidget) -> QRect:
    return QRect(child.mapTo(window, QPoint(0, 0)), child.size())


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_key_idea_is_large_and_fits_beside_the_video(qtbot, song, size):
    window = make_window(qtbot, song, size)
    column, height = window.key_idea, size[1]
    video = in_window(window, window.screen_stack)
    # The video first: a 16:9 box as tall as the top 45 % (4:3 screens: 62 % of the width).
    assert video.height() >= height * 0.44
    assert video.width() >= min(video.height() * 16 / 9 - 1, size[0] * 0.6)
    assert not in_window(window, column).intersects(video)  # nothing over the video
    assert not in_window(window, window.lyrics).intersects(video)
    for index, stanza in enumerate(song.stanzas):
        column.show_stanza(song, index, "es")
        assert column.idea.text() == pick(stanza.key_idea, "es")
        assert column.title.text() == pick(stanza.title, "es")
        assert column.idea.font().pixelSize() >= height * KEY_IDEA_MIN, index
        for label in column.labels():
            assert column.rect().contains(label.geometry()), (index, label.text())
            assert label.height() >= label.heightForWidth(label.width()), (index, label.text())
    assert window.findChildren(QAbstractScrollArea) == []  # no scroll bar can appear


def test_a_stanza_without_a_key_idea_shows_its_title_alone_as_large(qtbot, song):
    stanza = dataclasses.replace(song.stanzas[0], key_idea={})
    bare = dataclasses.replace(song, stanzas=(stanza, *song.stanzas[1:]))
    window = make_window(qtbot, bare, (1366, 768))
    window.key_idea.show_stanza(bare, 0, "es")
    assert window.key_idea.text() == pick(stanza.title, "es")
    assert window.key_idea.title.font().pixelSize() >= 768 * KEY_IDEA_MIN


def test_the_explanation_and_the_notes_are_not_projected_while_singing(qtbot, song):
    window = make_window(qtbot, song, (1920, 1080))
    for index, stanza in enumerate(song.stanzas):
        window.key_idea.show_stanza(song, index, "es")
        shown = window.key_idea.text()
        assert pick(stanza.notes, "es")[:40] not in shown
        assert pick(stanza.explanation, "es").strip()[:60] not in shown


def test_the_side_column_hides_and_the_video_takes_its_width(qtbot, song):
    window = make_window(qtbot, song, (1920, 1080))
    assert window.side_column_visible
    window.toggle_side_column()
    assert not window.side_column_visible and not window.key_idea.isVisible()
    assert window.screen_stack.width() == 1920
    window.set_side_column_visible(True)
    assert window.key_idea.isVisible() and window.screen_stack.width() < 1920


def painted_colours(widget: QWidget, rect: QRect) -> Counter[str]:
    """How many pixels of each colour ``widget`` paints in ``rect`` (every other pixel)."""
    image = widget.grab().toImage()
    return Counter(
        image.pixelColor(QPoint(x, y)).name()
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
    )


@pytest.mark.parametrize("name", THEMES)
def test_the_wipe_reads_by_brightness_in_every_theme(qtbot, song, name):
    window = make_window(qtbot, song, (1920, 1080), name)
    line = song.lines[0]
    window.lyrics.set_position((line.start_ms + line.end_ms) // 2)  # half sung
    rect = next(r for index, r in window.lyrics.placed_lines() if index == 0)
    colours = painted_colours(window.lyrics, rect)
    del colours[THEMES[name].background]
    # The two colours most painted: the glyphs' insides, sung and unsung (edges are blends).
    (first, _), (second, _) = colours.most_common(2)
    background = THEMES[name].background
    sung, unsung = sorted((first, second), key=lambda c: -contrast_ratio(c, background))
    assert contrast_ratio(sung, unsung) >= 3.0, (sung, unsung)
    assert contrast_ratio(unsung, background) >= 4.5  # dimmed, still readable
    assert {sung, unsung} == {THEMES[name].sung, THEMES[name].unsung}


def test_the_window_names_itself_and_says_the_current_line_in_the_interface_language(qtbot, song):
    window = make_window(qtbot, song, (1366, 768))
    assert window.accessibleName() == "Audience view"
    assert window.windowTitle().endswith("audience view")
    general = window.accessibleDescription()
    window.describe_line("Con mi burrito sabanero\nvoy entrenando")
    assert window.accessibleDescription() == "Con mi burrito sabanero / voy entrenando"
    with in_language("es"):
        assert window.accessibleName() == "Vista del público"
        assert window.windowTitle().endswith("vista del público")
        assert window.accessibleDescription() == "Con mi burrito sabanero / voy entrenando"
    window.describe_line("")
    assert window.accessibleDescription() == general != ""
    assert unnamed_controls(window) == []
    # Nothing on the projector takes the focus (no focus frame in front of the class).
    assert keyboard_controls(window) == []
