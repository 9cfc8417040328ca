"""The presenter console as a presenter view: a state badge, labelled times, the stanzas to jump
to, stanza ticks on the seek bar, and the key idea, notes and content note for the teacher."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace

from PySide6.QtCore import Qt

from karaoke.app.commands import PresentCommand as C
from karaoke.core.model import pick
from karaoke.ui.present.audience_text import AUDIENCE_KEYS, AUDIENCE_TEXT, audience_text
from karaoke.ui.present.console_widgets import (
    CONSOLE_KEYS,
    CONSOLE_TEXT,
    PlayState,
    screen_names,
)
from karaoke.ui.present.presenter_console import NOTES_SCALE
from karaoke.ui.present.stanza_list import CURRENT_MARK
from karaoke.ui.shared.safe_markdown import PackageDocument, SafeTextBrowser
from tests.conftest import BUNDLED
from tests.ui.interface_texts import (
    in_language,
    keyboard_controls,
    shown_texts,
    unnamed_controls,
    untranslated,
)
from tests.ui.present.conftest import play_until_paused, press


def test_the_badge_says_playing_paused_or_teaching_pause(present, qtbot, fake_time):
    presentation = present()
    badge, session = presentation.console.badge, presentation.session
    assert badge.state is PlayState.PAUSED and badge.text() == "PAUSED"
    press(qtbot, presentation, Qt.Key.Key_Space)
    assert badge.state is PlayState.PLAYING and badge.text() == "PLAYING"
    presentation.set_teaching(True)
    play_until_paused(session, fake_time)
    assert badge.state is PlayState.TEACHING
    assert badge.text() == "TEACHING PAUSE — → to continue"
    press(qtbot, presentation, Qt.Key.Key_B)
    assert badge.text().endswith("· audience screen black")
    with in_language("es"):
        assert badge.text() == "PAUSA DIDÁCTICA — → para continuar · pantalla en negro"
    press(qtbot, presentation, Qt.Key.Key_B)
    press(qtbot, presentation, Qt.Key.Key_PageDown)  # continue
    assert badge.state is PlayState.PLAYING
    # Colours differ, so the state reads at a glance.
    assert len({state.value for state in PlayState}) == len(PlayState)


def test_the_console_speaks_the_interface_language_and_the_song_the_explanations(present):
    presentation = present(language="en")  # an English class, a Spanish-speaking teacher
    console, session = presentation.console, presentation.session
    stanza = session.song.stanzas[1]
    session.seek(session.song.lines[stanza.first_line].start_ms + session.offset_ms + 100)
    with in_language("es"):
        assert console.badge.text() == "EN PAUSA"
        assert console.remaining.caption.text() == "Falta"
        assert console.stanza_label.text().startswith("Estrofa 2/10 · ")
        assert console.windowTitle().endswith("consola del presentador")
        assert console.key_idea.text() == pick(stanza.key_idea, "en")  # the song's: English
    assert console.badge.text() == "PAUSED"
    assert console.stanza_label.text() == f"Stanza 2/10 · {pick(stanza.title, 'en')}"


def test_elapsed_remaining_and_clock_are_labelled(present):
    presentation = present()
    console, session = presentation.console, presentation.session
    assert [box.caption.text() for box in (console.elapsed, console.remaining, console.clock)] == [
        "Elapsed",
        "Remaining",
        "Clock",
    ]
    session.seek(47_000)
    assert console.elapsed.value.text() == "0:47"
    length_s = session.length_ms // 1000
    remaining = length_s - 47
    assert console.remaining.value.text() == f"−{remaining // 60}:{remaining % 60:02d}"
    assert ":" in console.clock.value.text()


def test_the_stanza_list_marks_the_current_one_and_a_click_jumps(present, qtbot):
    presentation = present()
    stanzas, session = presentation.console.stanzas, presentation.session
    song = session.song
    assert stanzas.count() == len(song.stanzas) == 10
    assert stanzas.current is None
    session.seek(song.lines[song.stanzas[2].first_line].start_ms + session.offset_ms + 500)
    assert stanzas.current == 2 and stanzas.item(2).text().startswith(CURRENT_MARK)
    assert not stanzas.item(1).text().startswith(CURRENT_MARK)
    assert presentation.console.stanza_label.text().startswith("Stanza 3/10 · ")
    row = stanzas.visualItemRect(stanzas.item(6))
    qtbot.mouseClick(stanzas.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    start = session.timeline.stanza_start_ms(6)
    assert session.lyrics_ms() == start  # at the stanza's start: its first line, whole
    assert stanzas.current == 6


def test_the_seek_bar_has_stanza_ticks_that_move_with_the_offset(present):
    presentation = present()
    seek, session = presentation.console.transport.seek, presentation.session
    starts = list(session.timeline.stanza_starts_ms())
    assert seek._marks_ms == [start + session.offset_ms for start in starts]
    presentation.actions[C.OFFSET_UP].trigger()
    assert seek._marks_ms == [start + session.offset_ms for start in starts]
    assert session.offset_ms == presentation.settings.offset_for(session.song.source_path)


def test_key_idea_and_notes_for_the_current_stanza_in_readable_type(present):
    presentation = present()
    console, session = presentation.console, presentation.session
    stanza = session.song.stanzas[1]
    session.seek(session.song.lines[stanza.first_line].start_ms + session.offset_ms + 100)
    assert console.key_idea.text() == pick(stanza.key_idea, "es")
    assert console.notes.text() == pick(stanza.notes, "es")
    default = console.font().pointSizeF()
    assert console.notes.font().pointSizeF() >= default * NOTES_SCALE - 0.01


def test_the_notes_take_the_height_their_text_needs(present):
    presentation = present()
    console, session = presentation.console, presentation.session
    session.seek(session.song.lines[0].start_ms + 100)
    notes = console.notes
    needed = notes.heightForWidth(notes.width())
    assert needed > 0
    assert notes.height() <= needed * 1.2  # not a half-screen box around a few lines
    assert console.explanation.height() > notes.height() / 2  # the rest goes to the explanation


def test_the_content_note_is_for_the_teacher_only(present):
    presentation = present()
    song = replace(presentation.song, content_note={"es": "Ojo: la estrofa 10 cita un baile."})
    console = presentation.console
    console.set_song(song, presentation.session.timeline, "es")
    assert console.content_note.text() == "Ojo: la estrofa 10 cita un baile."
    assert not console.content_note.isHidden() and not console.content_title.isHidden()
    audience_labels = presentation.audience.findChildren(type(console.content_note))
    assert all("Ojo" not in label.text() for label in audience_labels)
    console.set_song(replace(song, content_note={}), presentation.session.timeline, "es")
    assert console.content_note.isHidden()


def test_a_songs_links_and_file_names_are_never_followed_or_rendered_in_the_console(
    present, monkeypatch
):
    from PySide6.QtCore import QUrl

    from karaoke.ui.present import presenter_console

    console = present().console
    opened = []
    monkeypatch.setattr(presenter_console, "open_link", opened.append)
    assert not console.explanation.openLinks()  # a file:// link would show a local file here
    console.explanation.anchorClicked.disconnect()
    console.explanation.anchorClicked.connect(presenter_console.open_link)
    console.explanation.anchorClicked.emit(QUrl("file:///etc/hostname"))
    assert opened == [QUrl("file:///etc/hostname")]  # handed to open_link, which refuses it
    assert console.status.textFormat() == Qt.TextFormat.PlainText


def test_every_word_of_the_console_is_in_spanish_and_back_in_english(present):
    presentation = present()
    console, song = presentation.console, presentation.song
    english = shown_texts(console)
    with in_language("es"):
        spanish = shown_texts(console)
    # The song's own texts (Spanish explanations) and the screens' names read the same.
    songs_texts = [console.next_line.text(), console.content_note.text()]
    screens = [name.partition(" (")[0] for name in screen_names()]
    # The network interfaces to serve the phones on: an address and a device name ("eth0").
    networks = console.phones.interfaces
    addresses = [networks.itemText(i) for i in range(networks.count())]
    assert untranslated(english, spanish, [*songs_texts, *screens, *addresses]) == []
    assert "Black out (B)" in english.values() and "Pantalla en negro (B)" in spanish.values()
    # Key names as Qt says them in each language (as the menus and F1 do), never hand-written.
    assert "Stop presenting (Esc)" in english.values()
    assert "Dejar de presentar (Escape)" in spanish.values()
    assert "Intro salta al principio de la estrofa elegida" in spanish.values()
    assert shown_texts(console) == english  # English again, live
    assert song.stanzas  # the list was rebuilt from the song, not emptied
    assert console.stanzas.count() == len(song.stanzas)


def test_the_consoles_controls_are_named_reached_by_tab_in_order_and_pressed_with_enter(
    present, qtbot
):
    presentation = present()
    console = presentation.console
    reached = keyboard_controls(console)
    order = [console.stanzas, console.teach, console.blackout, console.screens, console.stop]
    assert all(control in reached for control in order)
    assert unnamed_controls(console) == []
    with in_language("es"):
        assert unnamed_controls(console) == []
        assert console.screens.accessibleName() == "Pantalla del público"
    chain, widget = [], order[0]
    while len(chain) < len(order):  # what Tab visits, from the stanza list on
        if widget in reached:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == order
    # Never by a click: the clicker's keys keep reaching the shortcuts.
    assert all(not control.focusPolicy() & Qt.FocusPolicy.ClickFocus for control in order)
    console.blackout.setFocus()
    qtbot.keyClick(console.blackout, Qt.Key.Key_Return)
    assert presentation.audience.blacked_out and console.blackout.isChecked()


def test_the_stanza_list_takes_the_arrows_while_it_has_the_focus(present, qtbot):
    presentation = present()
    console, session = presentation.console, presentation.session
    stanzas = console.stanzas
    stanzas.setFocus()
    stanzas.setCurrentRow(3)
    line = presentation.audience.lyrics.current_line
    qtbot.keyClick(stanzas, Qt.Key.Key_Down)
    assert stanzas.currentRow() == 4
    assert presentation.audience.lyrics.current_line == line  # not the clicker's next line
    qtbot.keyClick(stanzas, Qt.Key.Key_Return)
    assert session.lyrics_ms() == session.timeline.stanza_start_ms(4)


#: Key names Qt translates, or a letter key in brackets: never written into the console's or the
#: class's words, which take them from Qt (:data:`CONSOLE_KEYS`, :data:`AUDIENCE_KEYS`).
HAND_WRITTEN_KEY = re.compile(
    r"\b(Ctrl|Shift|Alt|Esc|Enter|Return|PgUp|PgDn|PgDown|Space)\b|\([A-Z]\)"
)


def test_no_word_of_the_console_or_the_class_writes_a_key_name_itself():
    texts = [*CONSOLE_TEXT.values(), *AUDIENCE_TEXT.values()]
    assert [text for text in map(str, texts) if HAND_WRITTEN_KEY.search(text)] == []
    filled = {"%1" in str(CONSOLE_TEXT[key]) for key in CONSOLE_KEYS}
    assert filled == {"%1" in str(AUDIENCE_TEXT[key]) for key in AUDIENCE_KEYS} == {True}


def test_the_class_reads_key_names_in_the_explanations_language(qapp):
    assert audience_text("es", "black_on_detail") == "B para que vuelva la imagen"
    assert audience_text("es", "continue") == "→ / Av Pág para continuar"
    with in_language("es"):  # a Spanish interface, English explanations
        assert audience_text("en", "continue") == "→ / PgDown to continue"


def test_the_consoles_explanation_shows_raw_html_as_text_and_images_only_from_the_package(
    present, tmp_path
):
    folder = tmp_path / "song"
    shutil.copytree(BUNDLED, folder)
    manifest = folder / "song.toml"
    start = 'explanation.es = """\n'
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(start, start + "<script>alert(1)</script>\n", 1), "utf-8")
    presentation = present(song=folder)
    console = presentation.console
    assert isinstance(console.explanation, SafeTextBrowser)
    document = console.explanation.document()
    assert isinstance(document, PackageDocument) and document.package_folder == folder
    assert not console.explanation.openLinks() and not console.explanation.openExternalLinks()
    presentation.session.seek(presentation.song.lines[0].start_ms + 100)
    assert console.explanation.toPlainText().startswith("<script>alert(1)</script> Una red")
