"""Presenting to a class, on simulated screens (tests/ui/screens.json): placement, sizes that a
back row can read, clicker keys, teaching pauses and black-out, an unplugged projector."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from karaoke.app.commands import PresentCommand
from karaoke.core.errors import ProblemCode
from karaoke.core.model import pick
from karaoke.ui.shared.friendly_errors import MEDIA_MISSING, friendly_playback, headline
from karaoke.ui.shared.reading_font import LETTER_SPACING_PERCENT, easy_reading_font
from karaoke.ui.shared.theme import THEMES, apply_palette, contrast_ratio
from tests.conftest import BUNDLED
from tests.ui.conftest import make_settings
from tests.ui.interface_texts import in_language
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
    assert not lyrics.easy_reading and not presentation.audience.key_idea.easy_reading


def test_the_easy_reading_font_reaches_the_lyrics_the_key_idea_and_the_slide(
    present, settings_path
):
    settings = make_settings(settings_path)
    settings.easy_reading = True
    settings.sync()
    presentation = present()
    audience = presentation.audience
    assert audience.lyrics.easy_reading
    presentation.set_teaching(True)
    audience.show_teaching(presentation.song, 1, "es")
    wanted = easy_reading_font(QFont()).families()[0]
    for label in (audience.key_idea.idea, audience.teaching.title, *audience.teaching.points):
        assert label.font().families()[0] == wanted, label.text()
        assert label.font().letterSpacing() == LETTER_SPACING_PERCENT
    audience.set_reading(wide_spacing=False, easy_reading=False)  # and back to the usual font
    assert audience.teaching.title.font().letterSpacing() == 100
    assert audience.teaching.title.font().families()[0] != wanted or wanted in QFont().families()


def colour_at(widget, x: int = 3, y: int = 3) -> str:
    """The colour ``widget`` paints at (x, y), as the class would see it."""
    return widget.grab().toImage().pixelColor(x, y).name()


def link_colours(document) -> set[str]:
    block, found = document.begin(), set()
    while block.isValid():
        for part in block.textFormats():
            if part.format.isAnchor():
                found.add(part.format.foreground().color().name())
        block = block.next()
    return found


def test_a_theme_switch_restyles_the_console_and_the_audience_live(present, qtbot):
    presentation = present()
    audience, console, session = presentation.audience, presentation.console, presentation.session
    # A stanza whose explanation links to its source (the bundled song's cite theirs apart).
    stanzas = list(presentation.song.stanzas)
    stanzas[1] = replace(stanzas[1], explanation={"es": "Lee [la fuente](https://example.org)."})
    song = replace(presentation.song, stanzas=tuple(stanzas))
    console.set_song(song, session.timeline, "es")
    console.show_state(stanzas[1].first_line, 1, 0, session.length_ms)
    stanza = 1
    assert link_colours(console.explanation.document()) == {THEMES["dark"].window.link}
    try:
        for name in ("contrast", "light"):
            theme = THEMES[name]
            apply_palette(theme)  # as View ▸ Theme does, wherever it is chosen
            QApplication.processEvents()
            assert colour_at(audience.key_idea) == theme.background
            assert colour_at(audience.lyrics) == theme.background
            assert theme.accent in audience.key_idea.title.styleSheet()
            assert theme.accent in presentation.notice.styleSheet()
            assert console.palette().color(QPalette.ColorRole.Window).name() == theme.window.window
            assert colour_at(console.centralWidget()) == theme.window.window
            assert link_colours(console.explanation.document()) == {theme.window.link}
            audience.show_teaching(presentation.song, stanza, "es")
            assert colour_at(audience.teaching) == theme.background
            assert theme.text in audience.teaching.title.styleSheet()
    finally:
        apply_palette(THEMES["dark"])


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


def test_v_shift_j_k_reach_the_song_and_the_console_says_why_vocals_off_cannot_work(
    present, qtbot, monkeypatch
):
    presentation = present()
    session = presentation.session
    monkeypatch.setattr(session.player, "vocals_off_problem", lambda: "its sound is mono")
    press(qtbot, presentation, Qt.Key.Key_V)
    press(qtbot, presentation, Qt.Key.Key_K, Qt.KeyboardModifier.ShiftModifier)
    assert session.vocals_off and session.player.key_shift == 1
    said = "Vocals off does not work for this song: its sound is mono."
    assert presentation.console.status.text() == said
    with in_language("es"):  # said again in the new language
        assert presentation.console.status.text() not in ("", said)
    assert presentation.console.status.text() == said
    press(qtbot, presentation, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, presentation, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert session.player.key_shift == -1


def test_a_screen_reader_hears_the_line_and_the_keys_in_the_interface_language(present):
    presentation = present()
    audience, session, song = presentation.audience, presentation.session, presentation.song
    line = song.lines[5]
    session.seek(line.start_ms + session.offset_ms + 100)
    assert audience.accessibleDescription() == line.text.replace("\n", " / ")
    blackout = presentation.actions[PresentCommand.BLACKOUT]
    assert blackout.text() == PresentCommand.BLACKOUT.text
    with in_language("es"):
        assert blackout.text() == PresentCommand.BLACKOUT.text != "Black out"
    assert blackout.text() == "Black out"
    assert [key.toString() for key in blackout.shortcuts()] == ["B", "."]


def package_without_media(folder: Path) -> Path:
    """A copy of the bundled song whose ``song.toml`` names a media file that is not there."""
    shutil.copytree(BUNDLED, folder)
    manifest = folder / "song.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        re.sub(r'^media = ".*"$', 'media = "missing.mp4"', text, flags=re.M), encoding="utf-8"
    )
    return folder


def test_a_missing_media_file_is_said_plainly_on_the_console_and_again_in_english(
    present, tmp_path
):
    with in_language("es"):
        presentation = present(song=package_without_media(tmp_path / "song"))
        status = presentation.console.status
        spanish = headline(ProblemCode.MEDIA_NOT_FOUND)
        assert spanish != MEDIA_MISSING  # the catalog has it
        first, detail, *_instrumental = status.text().split("\n")
        assert first == spanish
        assert "song.toml:6" in detail and "missing.mp4" in detail  # for whoever fixes it
    # A language change says it again, in English now; the detail stays as the core wrote it.
    assert status.text().split("\n")[:2] == [MEDIA_MISSING, detail]


def test_media_that_cannot_play_gets_a_headline_over_the_players_words(present):
    presentation = present()
    status = presentation.console.status
    presentation.session.problem.emit("VLC could not open the file")
    assert status.text() == "This video or audio can't be played\nVLC could not open the file"
    with in_language("es"):
        first, detail = status.text().split("\n")
        assert first == headline_of_unplayable() != "This video or audio can't be played"
        assert detail == "VLC could not open the file"
    presentation.session.play()  # playing again: the line clears, also for the next language
    with in_language("es"):
        assert status.text() == ""


def headline_of_unplayable() -> str:
    return friendly_playback("")[0]
