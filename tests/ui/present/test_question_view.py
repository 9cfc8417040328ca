"""A checkpoint question on the projector: prompt and lettered options in the explanations'
language, bars that follow the counts (read back), the reveal's check mark and why, a show of
hands without phones, plain text only, and everything fitting the screen."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from karaoke.core.model import Question, Song
from karaoke.core.package import open_song
from karaoke.ui.present.question_view import CHECK, AnswerBar, QuestionView
from karaoke.ui.present.teaching_slide import POINTS_SHARE
from karaoke.ui.shared.theme import THEMES
from tests.conftest import BUNDLED

SIZES = [(1024, 768), (1366, 768), (1920, 1080)]


@pytest.fixture(scope="module")
def song() -> Song:
    return open_song(BUNDLED).song


@pytest.fixture(scope="module")
def question(song) -> Question:
    """The first stanza's question: 4 options, the second right."""
    return song.stanzas[0].questions[0]


def make_view(qtbot, size=(1366, 768)) -> QuestionView:
    view = QuestionView()
    qtbot.addWidget(view)
    view.set_theme(THEMES["dark"])
    view.resize(*size)
    view.show()
    return view


def test_prompt_and_options_follow_the_explanation_language(qtbot, question):
    view = make_view(qtbot)
    view.show_question(question, "es", counts=[0, 0, 0, 0])
    assert view.prompt.text() == "¿Qué aprendió a hacer GPT-3 durante su entrenamiento?"
    assert [row.letter.text() for row in view.rows] == ["A", "B", "C", "D"]
    assert view.rows[1].text.text() == "Predecir la siguiente palabra de un texto"
    assert view.footer.text() == "Respuestas: 0"
    view.show_question(question, "en", counts=[0, 0, 0, 0])
    assert view.prompt.text() == "What did GPT-3 learn to do during its training?"
    assert view.rows[1].text.text() == "Predict the next word of a text"
    assert view.footer.text() == "Answers: 0"
    bars = [bar for bar in view.findChildren(AnswerBar) if bar.isVisibleTo(view)]
    assert len(bars) == 4  # the first question's are gone


def test_counts_update_the_bars(qtbot, question):
    view = make_view(qtbot)
    view.show_question(question, "en", counts=[0, 0, 0, 0])
    assert [row.bar.share() for row in view.rows] == [0, 0, 0, 0]
    view.set_counts([1, 6, 3, 0])
    assert [row.bar.label() for row in view.rows] == ["1 · 10 %", "6 · 60 %", "3 · 30 %", "0 · 0 %"]
    assert [row.bar.share() for row in view.rows] == [0.1, 0.6, 0.3, 0.0]
    assert view.footer.text() == "Answers: 10"
    assert all(row.bar.isVisible() for row in view.rows)
    view.set_counts([0, 0, 0, 5])
    assert view.rows[3].bar.label() == "5 · 100 %"
    assert view.rows[1].bar.share() == 0


def test_the_reveal_marks_the_right_option_with_a_check_and_says_why(qtbot, question):
    view = make_view(qtbot)
    view.show_question(question, "es", counts=[2, 5, 0, 1])
    assert CHECK not in view.text()
    view.reveal()
    assert [row.mark.text() for row in view.rows] == ["", CHECK, "", ""]
    assert view.rows[1].text.font().bold() and not view.rows[0].text.font().bold()
    assert view.why.text().startswith("La B es la correcta: Es un modelo de lenguaje")
    assert view.rows[1].bar.label() == "5 · 63 %"  # the counts stay on the reveal


def test_without_phones_the_class_raises_hands_instead_of_a_chart(qtbot, question):
    view = make_view(qtbot)
    view.show_question(question, "es", counts=None)
    assert view.footer.text() == "Levantad la mano"
    assert not any(row.bar.isVisible() for row in view.rows)
    view.reveal()
    assert view.footer.text() == ""  # the hands are down: the answer is on the screen
    assert view.rows[1].mark.text() == CHECK
    view.show_question(question, "en", counts=None)
    assert view.footer.text() == "Raise your hands"


def test_texts_are_plain_never_markup(qtbot, question):
    script = "<script>alert(1)</script>"
    hostile = dataclasses.replace(
        question,
        prompt={"en": "<b>bold?</b>"},
        options=({"en": script}, {"en": "<img src=x>"}),
        correct=0,
        why={"en": "<i>&amp;</i>"},
    )
    view = make_view(qtbot)
    view.show_question(hostile, "en", counts=[1, 0])
    view.reveal()
    assert view.rows[0].text.text() == script
    labels = [view.prompt, view.why, view.footer, *(row.text for row in view.rows)]
    assert all(label.textFormat().name == "PlainText" for label in labels)
    assert view.why.text() == "A is right: <i>&amp;</i>"


def _in_view(view: QWidget, child: QWidget) -> QRect:
    return QRect(child.mapTo(view, child.rect().topLeft()), child.size())


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("phones", [True, False], ids=["phones", "hands"])
def test_every_question_fits_and_reads_from_the_back_row(qtbot, song, size, phones):
    view = make_view(qtbot, size)
    for language in ("es", "en"):
        for stanza in song.stanzas:
            for question in stanza.questions:
                view.show_question(
                    question, language, [3] * len(question.options) if phones else None
                )
                view.reveal()
                shown = [w for w in view.findChildren(QWidget) if w.isVisibleTo(view)]
                for child in shown:
                    assert view.rect().contains(_in_view(view, child)), (question.id, child)
                # The options as large as the teaching slide's points, shrunk at most a little.
                assert view.rows[0].text.font().pixelSize() >= size[1] * POINTS_SHARE * 0.7
