"""Presenting to a class, on simulated screens (tests/ui/screens.json): placement, sizes that a
back row can read, clicker keys, teaching pauses and black-out, an unplugged projector."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from karaoke.app.commands import PresentCommand
from karaoke.core.model import pick
from karaoke.ui.shared.theme import THEMES, contrast_ratio
from tests.ui.conftest import make_settings
from tests.ui.present.conftest import press


def screen(name: str):
    return next(s for s in QGuiApplication.screens() if s.name() == name)


def test_audience_goes_to_the_largest_other_screen_and_the_console_to_the_laptop(present):
    presentation = present()
    assert presentation.audience_screen.name() == "3-uhd"
    assert presentation.audience.isFullScreen()
    assert presentation.audience.geometry() == screen("3-uhd").geometry()
    assert presentation.console.isVisible()
    assert screen("0-laptop").geometry().contains(presentation.console.geometry().center())


def test_screen_can_be_chosen_by_number_and_from_the_console(present):
    presentation = present(screen_index=2)
    assert presentation.audience.geometry() == screen("2-fhd").geometry()
    presentation.console.screen_chosen.emit(1)
    assert presentation.audience.geometry() == screen("1-hd").geometry()
    assert presentation.console.screens.count() == 4


@pytest.mark.parametrize("name", ["1-hd", "2-fhd", "3-uhd"])
def test_every_line_fits_and_is_a_twelfth_of_the_screen(present, name):
    presentation = present(screen_index=[s.name() for s in QGuiApplication.screens()].index(name))
    height = screen(name).geometry().height()
    lyrics = presentation.audience.lyrics
    session = presentation.session
    for index, line in enumerate(session.song.lines):
        session.seek(line.start_ms + 10)
        assert lyrics.current_line == index
        assert lyrics.current_pixel_size >= height / 12, (index, lyrics.current_pixel_size)
        for _, rect in lyrics.placed_lines():
            assert lyrics.rect().contains(rect.adjusted(2, 2, -2, -2)), (index, rect)
    assert presentation.audience.key_idea.idea_pixels >= height / 30


def test_long_lines_wrap_and_shrink_only_as_far_as_needed(present, qtbot):
    presentation = present(screen_index=1)
    lyrics = presentation.audience.lyrics
    session = presentation.session
    session.seek(session.song.lines[6].start_ms + 10)  # the longest line of the song
    wanted = lyrics.current_font().pixelSize()
    lyrics.set_text_scale(4.0)  # far too big for the screen: must shrink, not cut
    assert lyrics.current_pixel_size < lyrics.current_font().pixelSize()
    assert lyrics.current_pixel_size >= wanted
    for _, rect in lyrics.placed_lines():
        assert lyrics.rect().contains(rect.adjusted(2, 2, -2, -2))


def test_clicker_keys_drive_lines_blackout_and_stop(present, qtbot):
    presentation = present()
    assert set(presentation.actions) == set(PresentCommand)
    finished = []
    presentation.finished.connect(finished.append)
    lyrics = presentation.audience.lyrics
    press(qtbot, presentation, Qt.Key.Key_PageDown)
    assert lyrics.current_line == 0
    press(qtbot, presentation, Qt.Key.Key_Right)
    press(qtbot, presentation, Qt.Key.Key_PageDown)
    assert lyrics.current_line == 2
    press(qtbot, presentation, Qt.Key.Key_PageUp)
    assert lyrics.current_line == 1
    press(qtbot, presentation, Qt.Key.Key_B)
    assert presentation.audience.page == "black"
    press(qtbot, presentation, Qt.Key.Key_B)
    assert presentation.audience.page == "song"
    press(qtbot, presentation, Qt.Key.Key_Period)
    assert presentation.audience.page == "black" and presentation.console.blackout.isChecked()
    press(qtbot, presentation, Qt.Key.Key_Period)
    press(qtbot, presentation, Qt.Key.Key_F5)
    assert presentation.session.playing
    press(qtbot, presentation, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert not presentation.session.playing
    press(qtbot, presentation, Qt.Key.Key_Escape)
    assert len(finished) == 1
    assert not presentation.audience.isVisible() and not presentation.console.isVisible()


def test_teaching_pause_shows_the_explanation_and_a_click_continues(present, qtbot, fake_time):
    presentation = present()
    press(qtbot, presentation, Qt.Key.Key_T)
    session = presentation.session
    assert session.teaching and presentation.console.teach.isChecked()
    session.play()
    while session.playing:
        fake_time.advance(16)
        session.player.tick()
        session.tick()
    assert presentation.audience.page == "teaching"
    stanza = session.song.stanzas[0]
    assert pick(stanza.title, "es") in presentation.audience.teaching.title.text()
    assert presentation.audience.teaching.sources.codes  # QR codes of its sources
    press(qtbot, presentation, Qt.Key.Key_PageDown)  # the clicker's next: continue
    assert session.playing and presentation.audience.page == "song"
    assert presentation.audience.lyrics.current_line == 1  # continued, did not skip a line


def test_teacher_notes_only_on_the_console(present):
    presentation = present()
    session = presentation.session
    session.seek(session.song.lines[0].start_ms + 10)
    notes = pick(session.song.stanzas[0].notes, "es")
    assert presentation.console.notes.text() == notes
    presentation.audience.show_teaching(session.song, 0, "es")
    audience_text = presentation.audience.key_idea.text() + presentation.audience.teaching.text()
    assert notes[:40] not in audience_text


def test_unplugged_projector_brings_the_audience_back_to_the_laptop(present, monkeypatch, qtbot):
    presentation = present()
    projector = presentation.audience_screen
    remaining = [s for s in QGuiApplication.screens() if s is not projector]
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: remaining))
    presentation._screen_removed(projector)
    qtbot.waitUntil(lambda: presentation.audience_screen is remaining[0])
    qtbot.waitUntil(lambda: presentation.audience.geometry() == remaining[0].geometry())
    assert presentation.audience.isFullScreen()


def test_text_size_is_remembered_per_screen(present, qtbot):
    presentation = present()
    before = presentation.audience.lyrics.current_font().pixelSize()
    press(qtbot, presentation, Qt.Key.Key_Plus)
    assert presentation.audience.lyrics.current_font().pixelSize() > before
    assert presentation.settings.present_text_scale("3-uhd") > 1.0
    assert presentation.settings.present_text_scale("2-fhd") == 1.0


def test_high_contrast_theme_meets_wcag_aaa():
    theme = THEMES["contrast"]
    for color in (theme.text, theme.sung, theme.dim):
        assert contrast_ratio(color, theme.background) >= 7.0


def test_translation_line_under_the_current_line(present):
    presentation = present(translation="en")
    session = presentation.session
    session.seek(session.song.lines[7].start_ms + 10)
    kinds = presentation.audience.lyrics.placed_kinds()
    assert (7, "translation") in [(index, kind) for index, kind, _ in kinds]


def test_reading_options_reach_the_audience(present, settings_path):
    settings = make_settings(settings_path)
    settings.theme = "contrast"
    settings.wide_spacing = True
    settings.sync()
    presentation = present()
    lyrics = presentation.audience.lyrics
    assert lyrics._theme is THEMES["contrast"]
    assert lyrics.current_font().letterSpacing() > 100


def test_the_audience_explanation_renders_once_per_stanza_not_per_frame(present, fake_time):
    presentation = present()
    rendered = []
    idea = presentation.audience.key_idea.idea
    original = idea.setText
    idea.setText = lambda text: (rendered.append(text), original(text))
    session = presentation.session
    session.play()
    for _ in range(30):  # the intro, before any stanza, then into the first line
        fake_time.advance(400)
        session.player.tick()
        session.tick()
    assert session.lyrics_ms() > session.song.lines[0].start_ms
    assert len(rendered) == 1  # the first stanza, once; the intro was already shown


def test_e_hides_the_key_idea_and_s_pages_the_sources_of_a_teaching_pause(present, qtbot):
    presentation = present()
    audience = presentation.audience
    press(qtbot, presentation, Qt.Key.Key_E)
    assert not audience.side_column_visible
    press(qtbot, presentation, Qt.Key.Key_E)
    assert audience.side_column_visible
    song = presentation.session.song
    busy = next(i for i, s in enumerate(song.stanzas) if len(s.references) > 2)
    audience.show_teaching(song, busy, "es")
    first = audience.teaching.sources.urls()
    press(qtbot, presentation, Qt.Key.Key_S)
    assert audience.teaching.sources.urls() != first
    assert audience.teaching.sources.urls()[0] == song.stanzas[busy].references[2].url


def test_v_j_k_reach_the_song_and_the_console_says_why_vocals_off_cannot_work(
    present, qtbot, monkeypatch
):
    presentation = present()
    session = presentation.session
    monkeypatch.setattr(session.player, "vocals_off_problem", lambda: "its sound is mono")
    press(qtbot, presentation, Qt.Key.Key_V)
    press(qtbot, presentation, Qt.Key.Key_K)
    assert session.vocals_off and session.player.key_shift == 1
    assert presentation.console.status.text() == (
        "Vocals off does not work for this song: its sound is mono."
    )
    press(qtbot, presentation, Qt.Key.Key_J)
    press(qtbot, presentation, Qt.Key.Key_J)
    assert session.player.key_shift == -1
