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


def test_one_address_gets_a_few_voters_and_a_round_a_bounded_number():
    round_ = Checkpoint(max_voters=6, max_voters_per_address=2)
    round_.open(question())
    round_.answer("a", "s1q1", 0, "10.0.0.9")
    round_.answer("b", "s1q1", 0, "10.0.0.9")
    with pytest.raises(ProtocolError, match="this network address"):
        round_.answer("c", "s1q1", 0, "10.0.0.9")  # a third "phone" from one address
    round_.answer("a", "s1q1", 2, "10.0.0.9")  # a voter may still change their answer
    for n in range(4):
        round_.answer(f"v{n}", "s1q1", 1, f"10.0.1.{n}")
    with pytest.raises(ProtocolError, match="all the answers"):
        round_.answer("late", "s1q1", 1, "10.0.2.1")
    assert round_.counts() == (1, 4, 1)
    round_.open(question("s2q1"))  # a new round: the address may vote again
    round_.answer("c", "s2q1", 0, "10.0.0.9")
    assert round_.counts() == (1, 0, 0)


def test_nicknames_are_unique_and_bounded():
    round_ = Checkpoint(max_voters_per_address=2, max_nicknames=5)
    assert round_.set_nickname("a", "Ana", "10.0.0.1") == "Ana"
    assert round_.set_nickname("b", "ana", "10.0.0.2") == "ana (2)"  # read as the same name
    assert round_.set_nickname("c", "Ana", "10.0.0.3") == "Ana (3)"
    assert round_.set_nickname("a", "Ana", "10.0.0.1") == "Ana"  # its own: unchanged
    assert round_.set_nickname("d", "Bea", "10.0.0.1") == "Bea"
    with pytest.raises(ProtocolError, match="this network address"):
        round_.set_nickname("e", "Eva", "10.0.0.1")  # a third voter of that address
    assert round_.set_nickname("f", "Fe", "10.0.0.5") == "Fe"
    with pytest.raises(ProtocolError, match="no more nicknames"):
        round_.set_nickname("g", "Gil", "10.0.0.6")  # five kept: the session's bound
    round_.open(question())
    for voter in "abcd":
        round_.answer(voter, "s1q1", 0, voter)
    assert [name for name, _ in round_.close().nickname_answers] == [
        "Ana",
        "ana (2)",
        "Ana (3)",
        "Bea",
    ]  # type: ignore[union-attr]
