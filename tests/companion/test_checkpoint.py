"""A checkpoint round: one answer per voter, changeable until the reveal, kept for the report."""

from __future__ import annotations

import pytest

from karaoke.companion.checkpoint import Checkpoint
from karaoke.companion.protocol import ProtocolError
from karaoke.core.model import Question


def question(qid: str = "s1q1", options: int = 3, correct: int = 1) -> Question:
    return Question(
        id=qid,
        prompt={"es": "¿Qué ajusta la red?", "en": "What does the network adjust?"},
        options=tuple({"es": f"opción {i}", "en": f"option {i}"} for i in range(options)),
        correct=correct,
        why={"es": "Porque sí.", "en": "Because."},
    )


def test_one_answer_per_voter_changeable_until_the_reveal():
    round_ = Checkpoint()
    round_.open(question())
    round_.answer("a", "s1q1", 0)
    round_.answer("b", "s1q1", 0)
    round_.answer("a", "s1q1", 2)  # changed: still one answer
    assert round_.counts() == (1, 0, 1)
    assert round_.answer_of("a") == 2
    assert round_.reveal()
    with pytest.raises(ProtocolError, match="locked"):
        round_.answer("a", "s1q1", 1)
    with pytest.raises(ProtocolError, match="locked"):
        round_.answer("c", "s1q1", 1)
    assert round_.counts() == (1, 0, 1)


def test_answers_to_another_question_or_option_are_refused():
    round_ = Checkpoint()
    with pytest.raises(ProtocolError, match="not open"):
        round_.answer("a", "s1q1", 0)
    round_.open(question(options=2))
    with pytest.raises(ProtocolError, match="not open"):
        round_.answer("a", "s2q1", 0)
    with pytest.raises(ProtocolError, match="option out of range"):
        round_.answer("a", "s1q1", 2)
    assert round_.counts() == (0, 0)


def test_the_question_goes_out_without_its_answer_until_the_reveal():
    round_ = Checkpoint()
    assert round_.question_message() == {"type": "question", "question": None}
    round_.open(question())
    sent = round_.question_message()
    assert sent["question"]["id"] == "s1q1"
    assert sent["question"]["options"][1] == {"es": "opción 1", "en": "option 1"}
    assert "correct" not in str(sent) and "why" not in str(sent) and "Porque" not in str(sent)
    assert round_.reveal_message() is None
    round_.answer("a", "s1q1", 1)
    round_.reveal()
    assert round_.reveal_message() == {
        "type": "reveal",
        "question": "s1q1",
        "correct": 1,
        "why": {"es": "Porque sí.", "en": "Because."},
        "counts": [0, 1, 0],
    }
    assert round_.results_message() == {
        "type": "results",
        "question": "s1q1",
        "counts": [0, 1, 0],
        "total": 1,
        "revealed": True,
    }


def test_closed_rounds_are_kept_with_nicknames_only_where_given():
    round_ = Checkpoint()
    round_.set_nickname("a", "Ana")
    round_.set_nickname("c", "<b>Cris</b>")
    round_.open(question())
    round_.answer("a", "s1q1", 1)
    round_.answer("b", "s1q1", 0)  # no nickname: counted, not named
    round_.answer("c", "s1q1", 2)
    round_.set_nickname("c", "")  # took it back
    round_.reveal()
    opened_again = question("s2q1", options=2, correct=0)
    round_.open(opened_again)  # closes the first round
    round_.answer("b", "s2q1", 0)
    result = round_.close()
    assert result is not None and result.question is opened_again and not result.revealed
    assert round_.close() is None
    first, second = round_.rounds()
    assert first.counts == (1, 1, 1) and first.revealed and first.total == 3
    assert first.nickname_answers == (("Ana", 1),)
    assert second.counts == (1, 0) and second.nickname_answers == ()
    assert round_.question is None and round_.counts() == ()


def test_a_malformed_question_is_not_opened():
    with pytest.raises(ValueError, match="5 options"):
        Checkpoint().open(question(options=5))
    with pytest.raises(ValueError, match="correct option"):
        Checkpoint().open(question(options=2, correct=2))
