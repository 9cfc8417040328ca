"""A lesson in the real window (fake player, hand-driven clock): items in order in the window
and presented, the running order on the presenter console, the resume offer; English and
Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from karaoke.app.commands import PlayerCommand as P
from karaoke.app.commands import PresentCommand as C
from karaoke.app.lesson_run import LEAD_IN_MS
from karaoke.core.lesson import read_lesson
from karaoke.ui.player.lesson_player import LessonPlayer, ResumeOffer, open_lesson
from karaoke.ui.present.running_order import RunningOrder
from tests.conftest import BUNDLED
from tests.core.test_library import make_song
from tests.ui.conftest import make_settings, make_window
from tests.ui.interface_texts import in_language, shown_texts, untranslated

LESSON = f"""\
kind = "lesson"
title.es = "Modelos de lenguaje"
title.en = "Language models"

[[item]]
song = "{BUNDLED}"
stanzas = "1-2"
teaching_pauses = false
notes.es = "Preguntar qué es un token"
notes.en = "Ask what a token is"

[[item]]
song = "{BUNDLED}"
stanzas = "9-10"
questions = ["s9q1"]
"""


@pytest.fixture
def lesson_path(write) -> Path:
    return write("clase/lesson.toml", LESSON)


@pytest.fixture
def empty_window(qtbot, fake_time, settings_path):
    return make_window(qtbot, fake_time, make_settings(settings_path))


def play_to(window, fake_time, media_ms: int) -> None:
    session = window.presentation.session if window.presentation else window.session
    fake_time.advance(media_ms - session.position_ms())
    session.tick()


def rows(order: RunningOrder) -> list[str]:
    return [order.items.item(row).text() for row in range(order.items.count())]


def test_a_lesson_opened_in_the_window_plays_its_items_in_order(
    qtbot, empty_window, fake_time, lesson_path
):
    window = empty_window
    assert window.open_path(lesson_path)
    assert window.lesson is not None and window.session.playing
    assert not window.teaching and not window.action(P.TEACHING).isChecked()
    assert window.statusBar().currentMessage() == "Lesson: item 1 of 2, Mi Modelito Sabanero"
    first = window.session
    play_to(window, fake_time, 35_700)  # the first item's last line ends
    qtbot.waitUntil(lambda: window.session is not first)
    assert window.session.position_ms() == 124_800 - LEAD_IN_MS
    assert window.teaching and window.action(P.TEACHING).isChecked()  # the item says so
    assert [q.id for s in window.session.song.stanzas for q in s.questions] == ["s9q1"]
    place = window.settings.lesson_place(lesson_path)
    assert place == (1, 124_800 - LEAD_IN_MS)
    play_to(window, fake_time, 123_800)  # in the lead-in, after stanza 8 ended
    assert window.session.playing  # no teaching pause for the stanza before the item
    window.action(P.PREVIOUS_STANZA).trigger()  # before the item's first stanza: item 1
    assert window.lesson.run.current.index == 0 and window.session.position_ms() == 0


def test_presenting_a_lesson_shows_the_running_order_and_keeps_the_windows(
    qtbot, empty_window, fake_time, lesson_path
):
    window = empty_window
    player = LessonPlayer(window, read_lesson(lesson_path))
    assert player.start(present=True, screen=1)
    presentation = window.presentation
    audience, console = presentation.audience, presentation.console
    order = console.findChild(RunningOrder)
    assert order is player.order and order.isVisibleTo(console)
    assert order.heading.text() == "Running order: Language models (item 1 of 2)"
    assert rows(order) == [
        "▶ 1. Mi Modelito Sabanero — stanzas 1–2 · teaching pauses off",
        "2. Mi Modelito Sabanero — stanzas 9–10 · teaching pauses on",
    ]
    assert order.notes.text() == "Notes for this item: Ask what a token is"
    first = presentation.session
    presentation.actions[C.NEXT_STANZA].trigger()  # to stanza 1
    presentation.actions[C.NEXT_STANZA].trigger()  # to stanza 2: still the item
    assert presentation.session is first
    presentation.actions[C.NEXT_STANZA].trigger()  # past its last stanza: the next item
    qtbot.waitUntil(lambda: presentation.session is not first)
    assert window.presentation is presentation  # the same presentation, windows and console
    assert (presentation.audience, presentation.console) == (audience, console)
    assert audience.isVisible() and console.isVisible()
    assert presentation.session.position_ms() == 124_800 - LEAD_IN_MS
    assert console.teach.isChecked()
    assert order.heading.text() == "Running order: Language models (item 2 of 2)"
    assert rows(order)[1].startswith("▶ 2. ") and not order.notes.isVisible()
    order.item_chosen.emit(0)  # the teacher clicks the first item
    assert player.run.current.index == 0 and "▶ 1. " in rows(order)[0]
    assert presentation.session.playing  # as the class was
    presentation.stop()  # Esc: back to the window, the lesson goes on there
    assert window.lesson is player and player.run.current.setup.session is window.session
    assert window.isVisible() and window.presentation is None
    assert player.run.next_item(play=False)
    assert window.session.position_ms() == 124_800 - LEAD_IN_MS


@pytest.mark.parametrize("present", [True, False])
def test_the_items_last_stanza_is_explained_then_the_next_item_plays(
    qtbot, empty_window, fake_time, write, tmp_path, present
):
    """Item 1 with teaching pauses (as by default), item 2 a lyrics-only song; frames take
    time to draw, as on a real screen. At item 1's last stanza the class gets its teaching
    pause (presented: its slide) and stays there; the teacher's next (→) plays item 2 at once."""
    second = make_song(tmp_path / "fotosintesis", "Fotosíntesis")
    lesson = write(
        "clase/two.toml",
        f'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "{BUNDLED}"\nstanzas = "1-2"\n'
        f'[[item]]\nsong = "{second}"\n',
    )
    window = empty_window
    player = LessonPlayer(window, read_lesson(lesson))
    assert player.start(media_ms=35_700 - 1_003, present=present, screen=1)
    presentation = window.presentation

    def session():
        return presentation.session if presentation is not None else window.session

    first = session()
    first.position_changed.connect(lambda _ms: fake_time.advance(2))  # drawing the frame

    def frames_until(done) -> None:
        while not done():
            fake_time.advance(16)
            session().tick()
            QApplication.processEvents()  # what the lesson queued (a switch) happens

    frames_until(lambda: not first.playing)
    QApplication.processEvents()
    assert session() is first and first.waiting_after == 1  # stanza 2's teaching pause
    if presentation is not None:
        assert presentation.audience.page == "teaching"
        presentation.actions[C.NEXT].trigger()  # →: continue
    else:
        window.action(P.PLAY).trigger()  # Space: continue
    frames_until(lambda: session() is not first)
    assert session().song.title == "Fotosíntesis" and session().playing
    if presentation is not None:
        assert presentation.audience.page == "song"
        presentation.stop()


def test_opening_a_song_leaves_the_lesson_where_it_was(qtbot, empty_window, fake_time, lesson_path):
    window = empty_window
    assert window.open_path(lesson_path)
    play_to(window, fake_time, 20_000)
    assert window.open_path(BUNDLED)
    assert window.lesson is None
    assert window.settings.lesson_place(lesson_path) == (0, 20_000)
    song = window.session
    assert song.song.stanzas[0].questions  # the song itself, all its questions
    play_to(window, fake_time, 40_000)  # past where the lesson's item would have ended
    window.action(P.NEXT_STANZA).trigger()
    assert window.session is song and window.lesson is None


def test_the_running_order_in_spanish(qtbot, empty_window, lesson_path):
    window = empty_window
    with in_language("es"):
        player = LessonPlayer(window, read_lesson(lesson_path))
        player.start(present=True, screen=1, play=False)
        order = player.order
        english_free = shown_texts(order)
        assert order.heading.text() == "Orden de la clase: Modelos de lenguaje (parte 1 de 2)"
        assert rows(order) == [
            "▶ 1. Mi Modelito Sabanero — estrofas 1–2 · pausas didácticas desactivadas",
            "2. Mi Modelito Sabanero — estrofas 9–10 · pausas didácticas activadas",
        ]
        assert order.notes.text() == "Notas para esta parte: Preguntar qué es un token"
    english = shown_texts(order)  # English again, live
    assert order.heading.text() == "Running order: Modelos de lenguaje (item 1 of 2)"
    assert (
        untranslated(english, english_free, ["Mi Modelito Sabanero", "Modelos de lenguaje"]) == []
    )
    window.presentation.stop()


def answer_offer(button: str) -> None:
    """Click ``button`` ("resume" or "restart") of the resume offer when it shows."""

    def click() -> None:
        offer = QApplication.activeModalWidget()
        if not isinstance(offer, ResumeOffer):
            QTimer.singleShot(20, click)
            return
        answer_offer.seen = (
            offer.text(),
            offer.informativeText(),
            [b.text() for b in offer.buttons()],
        )
        getattr(offer, button).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            (
                "“Language models” was stopped before its end.",
                "The class stopped at item 2 of 2, “Mi Modelito Sabanero”, at 2:10.",
                ["Resume where the class stopped", "Start from the beginning"],
            ),
        ),
        (
            "es",
            (
                "«Modelos de lenguaje» se detuvo antes de terminar.",
                "La clase se detuvo en la parte 2 de 2, «Mi Modelito Sabanero», en 2:10.",
                ["Continuar donde se detuvo la clase", "Empezar desde el principio"],
            ),
        ),
    ],
)
def test_reopening_a_stopped_lesson_offers_to_resume_it(
    qtbot, empty_window, lesson_path, language, said
):
    window = empty_window
    window.settings.set_lesson_place(lesson_path, 1, 130_000)
    with in_language(language):
        answer_offer("resume")
        assert open_lesson(window, lesson_path)
    assert answer_offer.seen == said
    assert window.lesson.run.current.index == 1
    assert window.session.position_ms() == 130_000
    window.close()  # where the class is now, remembered
    assert window.settings.lesson_place(lesson_path) == (1, 130_000)


def test_starting_again_from_the_beginning(qtbot, empty_window, lesson_path):
    window = empty_window
    window.settings.set_lesson_place(lesson_path, 1, 130_000)
    answer_offer("restart")
    assert open_lesson(window, lesson_path)
    assert window.lesson.run.current.index == 0 and window.session.position_ms() == 0
    assert window.settings.lesson_place(lesson_path) == (0, 0)


def test_a_finished_lesson_is_not_offered_again(qtbot, empty_window, fake_time, lesson_path):
    window = empty_window
    window.settings.set_lesson_place(lesson_path, 1, 150_000)
    answer_offer("resume")
    open_lesson(window, lesson_path)
    window.session.set_teaching(False)
    play_to(window, fake_time, 155_800)
    assert window.settings.lesson_place(lesson_path) is None
    assert window.statusBar().currentMessage() == "End of the lesson"


def test_a_bad_lesson_gives_a_message_and_keeps_the_song(qtbot, window, write):
    bad = write("bad.toml", 'kind = "lesson"\ntitle = "x"\n')
    song = window.session

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, close_box)
            return
        close_box.text = box.text()
        box.close()

    QTimer.singleShot(0, close_box)
    assert not window.open_path(bad)
    assert close_box.text == "This lesson has no songs in it"
    assert window.session is song and window.lesson is None


def test_the_phones_follow_the_lesson_to_its_next_song_on_the_same_address_and_code(
    qtbot, empty_window, write
):
    from tests.companion.conftest import run
    from tests.companion.conftest import session as client

    other = write("otra cancion.srt", "1\n00:00:01,000 --> 00:00:02,000\nuno\n\n")
    lesson = write(
        "clase/two.toml",
        f'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "{BUNDLED}"\nstanzas = "1"\n'
        f'[[item]]\nsong = "{other}"\n',
    )
    window = empty_window
    player = LessonPlayer(window, read_lesson(lesson))
    player.start(present=True, screen=1, play=False)
    phones = window.presentation.phones
    assert phones.start("127.0.0.1", 0)
    before = phones.bridge.server
    port, token, teacher_url = before.port, before.token, before.teacher_url

    async def fetch(server) -> tuple[str, int]:
        async with client() as http:
            async with http.get(f"http://127.0.0.1:{server.port}/song.json") as song:
                title = (await song.json())["title"]
            async with http.get(teacher_url) as remote:
                return title, remote.status

    assert run(fetch(before)) == ("Mi Modelito Sabanero", 200)
    assert player.run.next_item(play=False)
    after = phones.bridge.server
    assert after is not before and not before.running and after.running
    assert (after.port, after.token) == (port, token)  # the remote's link still works
    assert run(fetch(after)) == ("otra cancion", 200)
    assert phones.bridge.session is window.presentation.session
    window.presentation.stop()
