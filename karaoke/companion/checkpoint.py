"""A checkpoint round: one question open at a time, one answer per voter, then the reveal.

A *voter* is a key the server chooses for a phone: the ``client_id`` the page said in its
``hello`` (so a phone that reconnects keeps its one answer), else one per connection. A voter
may change their answer until the reveal; the reveal locks the answers; closing the round keeps
its result for the session report (:mod:`karaoke.companion.report`).

Nicknames are optional and belong to the session, not to a round: a student gives one once.
A nickname another voter holds gets a number (``Ana (2)``), so the report tells them apart.
Nothing else about a student is kept. Not thread-safe: the server uses it from its own thread.

Everything kept is bounded, so that a script cannot stuff votes or fill the memory: at most
``max_voters`` answer a round, ``max_voters_per_address`` of them from one address (the remote
IP the server saw), and ``max_nicknames`` are kept, as many per address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from karaoke.companion.payload import both_languages, public_question
from karaoke.companion.protocol import MAX_OPTIONS, ProtocolError
from karaoke.core.model import Question


@dataclass(frozen=True, slots=True)
class RoundResult:
    """How a class answered one question.

    ``counts[i]`` is the number of voters whose last answer was option ``i``;
    ``nickname_answers`` are ``(nickname, option)`` for the voters who gave a nickname, in the
    order they first answered. ``revealed`` says whether the answer was shown before closing.
    """

    question: Question
    counts: tuple[int, ...]
    revealed: bool
    nickname_answers: tuple[tuple[str, int], ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts)


class Checkpoint:
    """The round state: the open question, the answers to it, the rounds already closed."""

    def __init__(
        self,
        *,
        max_voters: int = 400,
        max_voters_per_address: int = 4,
        max_nicknames: int = 1000,
    ) -> None:
        self.max_voters = max_voters
        self.max_voters_per_address = max_voters_per_address
        self.max_nicknames = max_nicknames
        self._question: Question | None = None
        self._answers: dict[str, int] = {}  # voter -> option; dicts keep first-answer order
        self._round_voters: dict[str, set[str]] = {}  # address -> voters answering this round
        self._revealed = False
        self._nicknames: dict[str, str] = {}
        self._nickname_voters: dict[str, set[str]] = {}  # address -> voters with a nickname
        self._rounds: list[RoundResult] = []

    @property
    def question(self) -> Question | None:
        """The open question, or None between rounds."""
        return self._question

    @property
    def revealed(self) -> bool:
        return self._question is not None and self._revealed

    def open(self, question: Question) -> None:
        """Ask ``question`` (closing the round before it, if any, which is then kept)."""
        if not 2 <= len(question.options) <= MAX_OPTIONS:
            raise ValueError(f"question {question.id} has {len(question.options)} options")
        if not 0 <= question.correct < len(question.options):
            raise ValueError(f"question {question.id}: correct option out of range")
        self.close()
        self._question = question
        self._answers = {}
        self._round_voters = {}
        self._revealed = False

    def answer(self, voter: str, question_id: str, option: int, address: str = "") -> None:
        """Record (or change) ``voter``'s answer; :class:`ProtocolError` if it cannot count
        (also when the round already has ``max_voters``, or ``address`` has as many voters as
        it may: a voter who answered may always change their answer)."""
        question = self._question
        if question is None or question.id != question_id:
            raise ProtocolError("that question is not open")
        if self._revealed:
            raise ProtocolError("answers are locked: the answer was revealed")
        if not 0 <= option < len(question.options):
            raise ProtocolError("option out of range")
        if voter not in self._answers:
            voters = self._round_voters.setdefault(address, set())
            if len(self._answers) >= self.max_voters:
                raise ProtocolError("this round has all the answers it can take")
            if len(voters) >= self.max_voters_per_address:
                raise ProtocolError("too many answers from this network address")
            voters.add(voter)
        self._answers[voter] = option

    def answer_of(self, voter: str) -> int | None:
        """The option ``voter`` chose for the open question, if any."""
        return self._answers.get(voter) if self._question is not None else None

    def set_nickname(self, voter: str, nickname: str, address: str = "") -> str:
        """Give ``voter`` from ``address`` a nickname (already cleaned by the protocol) and
        return it, numbered if another voter holds it; ``""`` removes it. ProtocolError when
        the session or the address has all the nicknames it may."""
        if not nickname:
            self._nicknames.pop(voter, None)
            return ""
        if voter not in self._nicknames:
            voters = self._nickname_voters.setdefault(address, set())
            if len(self._nicknames) >= self.max_nicknames:
                raise ProtocolError("no more nicknames can be kept")
            if voter not in voters and len(voters) >= self.max_voters_per_address:
                raise ProtocolError("too many nicknames from this network address")
            voters.add(voter)
        self._nicknames[voter] = unique = self._unique(voter, nickname)
        return unique

    def _unique(self, voter: str, nickname: str) -> str:
        """``nickname``, or ``nickname (n)`` with the smallest n >= 2 no other voter holds
        (compared ignoring case: "ana" and "Ana" would read as the same student)."""
        taken = {name.casefold() for other, name in self._nicknames.items() if other != voter}
        candidate, number = nickname, 1
        while candidate.casefold() in taken:  # ends: ``taken`` is finite
            number += 1
            candidate = f"{nickname} ({number})"
        return candidate

    def counts(self) -> tuple[int, ...]:
        """Voters per option of the open question (``()`` when none is open)."""
        if self._question is None:
            return ()
        counts = [0] * len(self._question.options)
        for option in self._answers.values():
            counts[option] += 1
        return tuple(counts)

    def reveal(self) -> bool:
        """Show the right answer and lock the answers; False when no question is open."""
        if self._question is None:
            return False
        self._revealed = True
        return True

    def close(self) -> RoundResult | None:
        """End the round, keep its result for the report and return it (None if none open)."""
        if self._question is None:
            return None
        result = RoundResult(
            question=self._question,
            counts=self.counts(),
            revealed=self._revealed,
            nickname_answers=tuple(
                (self._nicknames[voter], option)
                for voter, option in self._answers.items()
                if voter in self._nicknames
            ),
        )
        self._rounds.append(result)
        self._question = None
        self._answers = {}
        self._round_voters = {}
        self._revealed = False
        return result

    def rounds(self) -> tuple[RoundResult, ...]:
        """The rounds closed so far, in order (a question asked twice appears twice)."""
        return tuple(self._rounds)

    # Messages to the pages -------------------------------------------------------------------

    def question_message(self) -> dict[str, Any]:
        """The open question for the pages, *without* the right option or the why (those
        come with :meth:`reveal_message`); ``"question": null`` when none is open."""
        question = self._question
        if question is None:
            return {"type": "question", "question": None}
        return {"type": "question", "question": public_question(question)}

    def results_message(self) -> dict[str, Any]:
        """The live counts (for the teacher page and the audience's bar chart)."""
        question = self._question
        counts = self.counts()
        return {
            "type": "results",
            "question": question.id if question else None,
            "counts": list(counts),
            "total": sum(counts),
            "revealed": self.revealed,
        }

    def reveal_message(self) -> dict[str, Any] | None:
        """The right option, the why and the final counts; None until revealed."""
        question = self._question
        if question is None or not self._revealed:
            return None
        return {
            "type": "reveal",
            "question": question.id,
            "correct": question.correct,
            "why": both_languages(question.why),
            "counts": list(self.counts()),
        }

    def answered_message(self, voter: str) -> dict[str, Any]:
        """What this voter chose (``option`` null if nothing), echoed so the page can show it."""
        question = self._question
        return {
            "type": "answered",
            "question": question.id if question else None,
            "option": self.answer_of(voter),
        }
