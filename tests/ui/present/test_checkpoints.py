"""Checkpoints while presenting: the console's buttons only when they can act, the question over
the teaching slide, a show of hands without phones, the phones' side through a publisher, the
teacher remote's commands, and the session report saved (JSON and CSV) when presenting stops."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from karaoke.companion.checkpoint import RoundResult
from karaoke.core.model import Question
from karaoke.ui.present import checkpoints as checkpoints_module
from karaoke.ui.present.question_view import CHECK
from tests.companion.conftest import receive, run, ws_url
from tests.companion.conftest import session as client
from tests.ui.interface_texts import in_language, shown_texts, unnamed_controls, untranslated
from tests.ui.present.conftest import play_until_paused, press


class FakePublisher:
    """The companion server's side, recorded: what was published, and the rounds it keeps."""

    def __init__(self) -> None:
        self.published: list[str] = []
        self.kept: list[RoundResult] = []

    def publish_question(self, question: Question | None) -> None:
        self.published.append(question.id if question is not None else "closed")

    def publish_reveal(self) -> None:
        self.published.append("reveal")

    def rounds(self) -> tuple[RoundResult, ...]:
        return tuple(self.kept)


@pytest.fixture
def reports(tmp_path, monkeypatch) -> Path:
    """The app's data folder in a temporary place; the report notices closed after."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    yield tmp_path
    for box in list(checkpoints_module.OFFERED):
        box.close()


def at_first_pause(present, fake_time, **options):
    """A presentation with teaching pauses, played to the end of the first stanza."""
    presentation = present(teaching=True, **options)
    presentation.session.play()
    play_until_paused(presentation.session, fake_time)
    assert presentation.session.waiting_after == 0
    return presentation


def enabled(presentation) -> tuple[bool, bool, bool]:
    return tuple(button.isEnabled() for button in presentation.console.checkpoint.buttons)


def test_the_buttons_act_only_at_a_teaching_pause_of_a_stanza_with_a_question(present, fake_time):
    presentation = present(teaching=True)
    assert enabled(presentation) == (False, False, False)  # singing, no pause
    assert not presentation.checkpoints.show_current()
    presentation.session.play()
    play_until_paused(presentation.session, fake_time)
    assert enabled(presentation) == (True, False, False)
    buttons, audience = presentation.console.checkpoint, presentation.audience
    buttons.ask.click()
    assert audience.page == "question"
    assert audience.question.prompt.text().startswith("¿Qué aprendió a hacer GPT-3")
    assert enabled(presentation) == (False, True, True)
    buttons.reveal.click()
    assert audience.question.rows[1].mark.text() == CHECK
    assert enabled(presentation) == (False, False, True)
    buttons.close_question.click()
    assert audience.page == "teaching"
    assert enabled(presentation) == (True, False, False)
    # The same pause at a stanza without a question: nothing to ask.
    checkpoints = presentation.checkpoints
    first = dataclasses.replace(checkpoints.song.stanzas[0], questions=())
    checkpoints.song = dataclasses.replace(
        checkpoints.song, stanzas=(first, *checkpoints.song.stanzas[1:])
    )
    checkpoints._refresh()
    assert enabled(presentation) == (False, False, False)


def test_without_phones_the_class_raises_hands_and_playing_on_closes_the_question(
    present, fake_time
):
    presentation = at_first_pause(present, fake_time)
    presentation.checkpoints.show_current()
    view = presentation.audience.question
    assert view.footer.text() == "Levantad la mano"
    assert not any(row.bar.isVisible() for row in view.rows)
    presentation.next()  # the clicker's Next: the song goes on
    assert presentation.session.playing
    assert presentation.audience.page == "song"
    assert presentation.checkpoints.question is None


def test_a_black_out_keeps_the_question_for_when_the_picture_comes_back(present, fake_time):
    presentation = at_first_pause(present, fake_time)
    presentation.checkpoints.show_current()
    presentation.set_blackout(True)
    assert presentation.audience.page == "black"
    presentation.set_blackout(False)
    assert presentation.audience.page == "question"


def test_q_asks_then_reveals_then_closes_the_question_at_a_teaching_pause(
    present, fake_time, qtbot
):
    """On one screen the console is hidden: Q alone steps through the question."""
    presentation = at_first_pause(present, fake_time)
    audience, checkpoints = presentation.audience, presentation.checkpoints
    press(qtbot, presentation, Qt.Key.Key_Q)
    assert audience.page == "question" and checkpoints.question is not None
    assert audience.question.rows[1].mark.text() != CHECK
    press(qtbot, presentation, Qt.Key.Key_Q)
    assert checkpoints.revealed and audience.question.rows[1].mark.text() == CHECK
    press(qtbot, presentation, Qt.Key.Key_Q)
    assert audience.page == "teaching" and checkpoints.question is None
    assert not presentation.notice.isVisible()  # each step showed for itself
    assert [r.question.id for r in checkpoints.rounds()] == ["s1q1"]


@pytest.mark.parametrize(
    ("language", "said"), [("es", "Aquí no hay pregunta"), ("en", "No question here")]
)
def test_q_outside_a_teaching_pause_says_there_is_no_question_in_the_class_language(
    present, qtbot, language, said
):
    presentation = present(teaching=True, language=language)
    press(qtbot, presentation, Qt.Key.Key_Q)
    assert presentation.audience.page == "song" and presentation.checkpoints.question is None
    assert presentation.notice.isVisible() and presentation.notice.title.text() == said


def test_with_phones_the_question_goes_to_them_and_their_counts_to_the_bars(present, fake_time):
    presentation = at_first_pause(present, fake_time)
    checkpoints, phones = presentation.checkpoints, FakePublisher()
    checkpoints.attach(phones)
    checkpoints.show_current()
    view = presentation.audience.question
    assert view.footer.text() == "Respuestas: 0"
    checkpoints.update_results({"question": "s1q1", "counts": [1, 3, 0, 0], "total": 4})
    assert [row.bar.label() for row in view.rows][:2] == ["1 · 25 %", "3 · 75 %"]
    checkpoints.update_results({"question": "s2q1", "counts": [9, 9, 9, 9]})  # not this one
    assert view.rows[0].bar.count == 1
    assert checkpoints.perform("reveal")
    assert checkpoints.perform("close_question")
    assert not checkpoints.perform("close_question")  # nothing open any more
    assert checkpoints.perform("show_question")
    assert phones.published == ["s1q1", "reveal", "closed", "s1q1"]
    checkpoints.detach()
    assert view.footer.text() == "Levantad la mano"  # phones off: a show of hands


def test_the_report_is_saved_when_presenting_stops_with_the_counts(present, fake_time, reports):
    presentation = at_first_pause(present, fake_time)
    checkpoints, phones = presentation.checkpoints, FakePublisher()
    checkpoints.attach(phones)
    checkpoints.show_current()
    question = checkpoints.question
    checkpoints.update_results({"question": question.id, "counts": [1, 5, 2, 0]})
    checkpoints.reveal()
    checkpoints.close()
    # The server's copy has the nicknames' answers: the report takes it.
    phones.kept.append(
        RoundResult(question, (1, 5, 2, 0), True, (("<script>alert(1)</script>", 1),))
    )
    checkpoints.detach()
    checkpoints.show_current()  # asked again, by a show of hands
    presentation.stop()
    json_path, csv_path = checkpoints.report_paths
    assert json_path.parent.name == "reports" and json_path.is_relative_to(reports)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert [entry["counts"] for entry in data["questions"]] == [[1, 5, 2, 0], [0, 0, 0, 0]]
    assert data["questions"][0]["answers_by_nickname"][0]["nickname"] == "<script>alert(1)</script>"
    assert data["questions"][0]["revealed"] and not data["questions"][1]["revealed"]
    with csv_path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["count"] for row in rows[:4]] == ["1", "5", "2", "0"]


def test_the_report_is_offered_in_a_box_that_opens_its_folder(present, fake_time, reports, qtbot):
    presentation = at_first_pause(present, fake_time)
    presentation.checkpoints.show_current()
    presentation.stop()
    qtbot.waitUntil(lambda: len(checkpoints_module.OFFERED) == 1)
    box = checkpoints_module.OFFERED[0]
    assert box.isVisible() and not box.isModal()
    assert box.informativeText() == str(presentation.checkpoints.report_paths[0].parent)
    assert "Open the folder" in [button.text() for button in box.buttons()]


def test_no_question_asked_no_report(present, reports):
    presentation = present()
    presentation.stop()
    assert presentation.checkpoints.report_paths is None
    assert not (reports / "reports").exists() and not list(reports.rglob("*.json"))


def test_the_buttons_speak_the_interface_language_and_are_named(present):
    buttons = present().console.checkpoint
    english = shown_texts(buttons)
    assert "Ask the question" in english.values()
    with in_language("es"):
        spanish = shown_texts(buttons)
        assert buttons.ask.text() == "Hacer la pregunta"
        assert buttons.reveal.text() == "Mostrar la respuesta"
        assert buttons.close_question.text() == "Cerrar la pregunta"
    assert untranslated(english, spanish) == []
    assert buttons.ask.text() == "Ask the question"
    assert unnamed_controls(buttons) == []


def test_with_the_real_phones_server_a_phones_answer_reaches_the_bars_and_the_report(
    present, fake_time, reports, qtbot
):
    """The whole chain on loopback: the teacher remote asks, a phone answers (with a nickname
    that looks like a script), the bars show it, the remote reveals, the report keeps it."""
    presentation = at_first_pause(present, fake_time)
    assert presentation.phones.start("127.0.0.1", 0)
    server, checkpoints = presentation.phones.bridge.server, presentation.checkpoints
    nickname = "<img src=x onerror=1>"  # a script tag is over the 24 characters allowed

    async def teacher(name):
        url = ws_url(server, f"/ws/teacher?token={server.token}")
        async with client() as http, http.ws_connect(url) as page:
            await receive(page, "welcome")
            await page.send_json({"type": "command", "name": name})
            await receive(page, "state")

    async def student():
        async with client() as http, http.ws_connect(ws_url(server)) as page:
            await receive(page, "welcome")
            await page.send_json({"type": "nickname", "nickname": nickname})
            await page.send_json({"type": "answer", "question": "s1q1", "option": 1})
            while (answered := await receive(page, "answered"))["option"] is None:
                pass  # the echo of the open question, before the answer's
            return answered

    run(teacher("show_question"))
    qtbot.waitUntil(lambda: presentation.audience.page == "question", timeout=5000)
    assert checkpoints.publisher is server
    assert run(student())["option"] == 1
    view = presentation.audience.question
    qtbot.waitUntil(lambda: view.rows[1].bar.count == 1, timeout=5000)
    assert view.rows[1].bar.label() == "1 · 100 %" and view.footer.text() == "Respuestas: 1"
    run(teacher("reveal"))
    qtbot.waitUntil(lambda: checkpoints.revealed, timeout=5000)
    presentation.stop()
    data = json.loads(checkpoints.report_paths[0].read_text(encoding="utf-8"))
    assert data["questions"][0]["counts"] == [0, 1, 0, 0]
    assert data["questions"][0]["answers_by_nickname"] == [{"nickname": nickname, "option": 2}]
