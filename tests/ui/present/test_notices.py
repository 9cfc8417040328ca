"""The audience view talks back: every presenting key that changes something shows a short,
large notice in the explanation language, over the lyrics and never over the video; a pause
mark and a stanza counter stay while they hold; the teacher's notes only when N asks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from karaoke.app.commands import PresentCommand as C
from karaoke.core.model import pick
from karaoke.ui.present.notices import NOTICE_MS, notice_text
from tests.ui.present.conftest import play_until_paused, press

#: Each command that changes something → the notice's headline after one press, and after a
#: second one (toggles), in Spanish (the bundled song's explanation language). Pressed inside
#: the third stanza, paused, fullscreen, with the side column shown.
HEADLINES = {
    C.PLAY: ("Reproduciendo", "En pausa"),
    C.TEACHING: ("Pausas didácticas activadas", "Pausas didácticas desactivadas"),
    C.BLACKOUT: ("Pantalla en negro", "Vuelve la imagen"),
    C.FULLSCREEN: ("En una ventana", "Pantalla completa"),
    C.SIDE_COLUMN: (
        "Idea clave junto al vídeo: desactivada",
        "Idea clave junto al vídeo: activada",
    ),
    C.OFFSET_DOWN: ("Letra 50 ms antes", "Letra 50 ms antes"),
    C.OFFSET_UP: ("Letra 50 ms después", "Letra 50 ms después"),
    C.BIGGER: ("Texto más grande", "Texto más grande"),
    C.SMALLER: ("Texto más pequeño", "Texto más pequeño"),
    C.NEXT_STANZA: ("Estrofa 4/10", "Estrofa 5/10"),
    C.PREVIOUS_STANZA: ("Estrofa 3/10", "Estrofa 2/10"),
    C.VOCALS_OFF: ("Sin voz: a cantar", "Con voz"),
    C.KEY_DOWN: ("Tono más grave", "Tono más grave"),
    C.KEY_UP: ("Tono más agudo", "Tono más agudo"),
    # Outside a teaching pause (at one, the question itself shows: test_checkpoints.py).
    C.QUESTION: ("Aquí no hay pregunta", "Aquí no hay pregunta"),
}
#: The commands whose effect is itself what the screen shows: a line step moves the lyrics, N
#: shows the notes (tested below), Esc ends presenting, S turns the teaching slide's codes.
SHOW_THEMSELVES = {C.NEXT, C.PREVIOUS, C.NOTES, C.STOP, C.NEXT_SOURCES, C.JOIN}


def into_third_stanza(presentation) -> None:
    session = presentation.session
    first = session.song.stanzas[2].first_line
    session.seek(session.song.lines[first].start_ms + session.offset_ms + 2_000)


def test_every_presenting_command_is_announced_or_shows_itself():
    assert set(HEADLINES) | SHOW_THEMSELVES == set(C)
    assert not set(HEADLINES) & SHOW_THEMSELVES


@pytest.mark.parametrize("command", list(HEADLINES), ids=lambda command: command.name)
def test_every_command_that_changes_something_says_what_it_did(present, command):
    presentation = present()
    into_third_stanza(presentation)
    notice = presentation.notice
    assert not notice.isVisible()
    for expected in HEADLINES[command]:
        presentation.actions[command].trigger()
        assert notice.isVisible(), command
        assert notice.title.text() == expected
        assert notice.hold.isActive() and notice.hold.interval() == NOTICE_MS


def test_the_details_give_the_new_value(present):
    presentation = present()
    into_third_stanza(presentation)
    notice, session = presentation.notice, presentation.session
    before = session.offset_ms
    presentation.actions[C.OFFSET_DOWN].trigger()
    presentation.actions[C.OFFSET_DOWN].trigger()
    assert session.offset_ms == before - 100
    assert notice.detail.text() == f"desfase {before - 100:+d} ms".replace("-", "−")
    presentation.actions[C.BIGGER].trigger()
    percent = round(presentation.settings.present_text_scale("3-uhd") * 100)
    assert percent > 100 and notice.detail.text() == f"{percent} %"
    presentation.actions[C.NEXT_STANZA].trigger()
    assert notice.detail.text() == pick(session.song.stanzas[3].title, "es")
    presentation.actions[C.TEACHING].trigger()
    assert notice.detail.text() == "se detiene al final de cada estrofa"
    presentation.actions[C.KEY_DOWN].trigger()
    assert notice.detail.text() == "tono −1"
    presentation.actions[C.KEY_UP].trigger()
    assert notice.detail.text() == "tono original"


def test_keys_themselves_bring_the_notice(present, qtbot):
    presentation = present()
    press(qtbot, presentation, Qt.Key.Key_Space)
    assert presentation.notice.title.text() == "Reproduciendo"
    press(qtbot, presentation, Qt.Key.Key_T)
    assert presentation.notice.title.text() == "Pausas didácticas activadas"
    press(qtbot, presentation, Qt.Key.Key_H)
    assert presentation.notice.title.text() == "Letra 50 ms después"


def test_notices_follow_the_explanation_language(present):
    presentation = present(language="en")
    presentation.actions[C.TEACHING].trigger()
    assert presentation.notice.title.text() == "Teaching pauses on"
    presentation.actions[C.PLAY].trigger()
    presentation.actions[C.PLAY].trigger()
    assert presentation.notice.title.text() == "Paused"


def test_continuing_after_a_teaching_pause_says_so(present, fake_time):
    presentation = present()
    presentation.set_teaching(True)
    presentation.session.play()
    play_until_paused(presentation.session, fake_time)
    assert presentation.audience.page == "teaching"
    presentation.actions[C.NEXT].trigger()
    assert presentation.session.playing
    assert presentation.notice.title.text() == "Reproduciendo"


def test_a_notice_fades_then_hides(present):
    presentation = present()
    notice = presentation.notice
    presentation.actions[C.PLAY].trigger()
    notice.hold.timeout.emit()  # the time is up: it fades …
    assert notice.isVisible() and notice.fade.state() == notice.fade.State.Running
    notice.fade.setCurrentTime(notice.fade.duration())  # … and once faded, it is gone
    assert not notice.isVisible()
    presentation.actions[C.PLAY].trigger()  # a new one is whole again
    assert notice.isVisible() and notice.fade.state() == notice.fade.State.Stopped


def rect_in_audience(presentation, widget) -> QRect:
    return QRect(widget.mapTo(presentation.audience, QPoint(0, 0)), widget.size())


def test_notices_go_over_the_lyrics_never_over_the_video(present):
    presentation = present()
    presentation.actions[C.NEXT_STANZA].trigger()
    presentation.toggle_notes()  # the biggest notice there is
    notice = presentation.notice.geometry()
    video = rect_in_audience(presentation, presentation.audience.video)
    lyrics = rect_in_audience(presentation, presentation.audience.lyrics)
    assert video.isValid() and not notice.intersects(video)
    assert lyrics.contains(notice)


def test_pause_mark_and_stanza_counter_stay_while_they_hold(present):
    presentation = present()
    marks = presentation.marks
    assert marks.paused and marks.isVisible() and marks.counter == ""  # before the first stanza
    into_third_stanza(presentation)
    assert marks.counter == "3/10"
    presentation.actions[C.PLAY].trigger()
    assert not marks.paused and marks.isVisible()  # the counter stays
    presentation.actions[C.PLAY].trigger()
    assert marks.paused
    lyrics = presentation.audience.lyrics
    assert marks.parentWidget() is lyrics and lyrics.rect().contains(marks.geometry())


def test_the_teachers_notes_reach_the_screen_only_when_asked(present, qtbot):
    presentation = present()
    into_third_stanza(presentation)
    notes = pick(presentation.song.stanzas[2].notes, "es")
    notice = presentation.notice
    assert not notice.isVisible() and notes not in notice.body.text()
    press(qtbot, presentation, Qt.Key.Key_N)
    assert notice.isVisible() and notice.showing_notes
    assert notice.body.text() == notes
    assert notice.title.text() == "Notas para el docente"
    assert notice.detail.text().startswith("Canción 0:") and "/ 2:" in notice.detail.text()
    press(qtbot, presentation, Qt.Key.Key_N)  # again: gone at once
    assert not notice.isVisible()


def test_before_the_first_stanza_n_says_there_are_no_notes(present):
    presentation = present()
    presentation.toggle_notes()
    assert presentation.notice.body.text() == notice_text("es", "no_notes")


def test_stopping_takes_the_notice_away(present):
    presentation = present()
    presentation.actions[C.PLAY].trigger()
    presentation.stop()
    assert not presentation.notice.isVisible()
