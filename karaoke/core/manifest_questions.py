"""A stanza's checkpoint questions in ``song.toml``: ``[[stanza.question]]`` tables after the
``[[stanza]]`` they belong to (see docs/song-format.md, "Checkpoint questions").

```toml
[[stanza.question]]
prompt.es = "¿Qué aprende a hacer un modelo de lenguaje?"
prompt.en = "What does a language model learn to do?"
options = [
  { es = "Predecir la siguiente palabra", en = "Predict the next word" },
  { es = "Buscar en internet", en = "Search the internet" },
]
correct = 1          # 1-based, as a teacher counts: the first option
why.es = "…"
why.en = "…"
```

Invariants of what :func:`questions` returns: each question has a prompt in at least one
language, 2 to :data:`MAX_OPTIONS` options that each have a text in every language of the prompt
(or one text for all), ``correct`` is a 0-based index into them (the file's ``correct`` minus
one), and every text is stripped and not blank. A question that breaks one of these is reported
and left out; the song still plays. Texts over the length limits and a missing ``why`` are only
reported: the question still works.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from karaoke.core.errors import ProblemCode
from karaoke.core.manifest import LineFinder
from karaoke.core.manifest_stanza import is_text_table
from karaoke.core.model import Localized, Question

#: ``warn(line, message, code)``: report a problem at a 1-based line of the manifest (or None).
Warn = Callable[[int | None, str, ProblemCode], None]

MIN_OPTIONS = 2
#: More options do not fit a phone's screen as buttons, nor a bar chart a class can read.
MAX_OPTIONS = 4
#: Longest texts, in characters: a prompt and a why fit a phone's screen and a projected slide;
#: an option fits one button on a 360-px wide phone and a bar's label on the projector.
MAX_PROMPT_CHARS = 200
MAX_OPTION_CHARS = 80
MAX_WHY_CHARS = 200
QUESTION_KEYS = frozenset({"prompt", "options", "correct", "why"})
_LEFT_OUT = " (the question is left out)"


def question_id(stanza_number: int, question_number: int) -> str:
    """The id answers name: ``"s3q1"`` is stanza 3's first question (both 1-based, counted in
    the manifest as written, so a question keeps its id when one before it is left out)."""
    return f"s{stanza_number}q{question_number}"


def questions(
    stanza_number: int, value: Any, at: int | None, finder: LineFinder, warn: Warn
) -> tuple[Question, ...]:
    """The questions of the stanza numbered ``stanza_number`` whose ``[[stanza]]`` header is at
    line ``at``; ``value`` is the stanza's ``question`` key (None: it has none)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        warn(
            (finder.key_line("question", start=at) or at) if at else None,
            f"stanza {stanza_number}: each question is a [[stanza.question]] table "
            "(two brackets), after its stanza's keys" + _LEFT_OUT,
            ProblemCode.BAD_VALUE,
        )
        return ()
    lines = _question_lines(finder, at, len(value))
    found = []
    for number, entry in enumerate(value, start=1):
        where = _Where(stanza_number, number, lines[number - 1], finder, warn)
        question = _read_question(where, entry)
        if question is not None:
            found.append(question)
    return tuple(found)


def _question_lines(finder: LineFinder, at: int | None, count: int) -> list[_Line]:
    """Where each of the stanza's ``count`` questions begins: its ``[[stanza.question]]``
    header; for questions written inline (``question = [{…}]``), the ``question`` key."""
    if not at:
        return [_Line(None, header=False)] * count
    later_stanzas = [line for line in finder.table_lines("stanza") if line > at]
    end = later_stanzas[0] if later_stanzas else None
    headers = [
        line
        for line in finder.table_lines("stanza.question")
        if line > at and (end is None or line < end)
    ]
    if len(headers) == count:
        return [_Line(line, header=True) for line in headers]
    return [_Line(finder.key_line("question", start=at) or at, header=False)] * count


@dataclass(frozen=True, slots=True)
class _Line:
    number: int | None
    header: bool  # True: the [[stanza.question]] header, whose keys follow it


@dataclass(frozen=True, slots=True)
class _Where:
    """One question's place: its numbers for messages, its line, and how to report."""

    stanza: int
    number: int
    line: _Line
    finder: LineFinder
    warn: Warn

    @property
    def id(self) -> str:
        return question_id(self.stanza, self.number)

    def report(self, key: str | None, message: str, code: ProblemCode) -> None:
        """Report ``message`` about this question at the line of ``key`` (None: its start)."""
        self.warn(
            self.key_line(key), f"stanza {self.stanza}, question {self.number}: {message}", code
        )

    def key_line(self, key: str | None) -> int | None:
        start = self.line.number
        if key is None or not start or not self.line.header:
            return start
        head = key.partition(".")[0]
        return (
            self.finder.key_line(key, start=start)
            or self.finder.key_line(head, start=start)
            or start
        )


def _read_question(where: _Where, entry: Any) -> Question | None:
    """The question, or None (reported) when it cannot be asked as written."""
    if not isinstance(entry, Mapping):
        where.report(None, "not a table" + _LEFT_OUT, ProblemCode.BAD_VALUE)
        return None
    for key in sorted(set(entry) - QUESTION_KEYS):
        where.report(key, f"unknown key '{key}' (ignored)", ProblemCode.UNKNOWN_KEY)
    prompt = _texts(where, "prompt", entry.get("prompt"), MAX_PROMPT_CHARS)
    raw_options = entry.get("options")
    options = _options(where, raw_options, prompt)
    count = len(raw_options) if isinstance(raw_options, list) else 0
    correct = _correct(where, entry.get("correct"), min(max(count, MIN_OPTIONS), MAX_OPTIONS))
    why = _why(where, entry.get("why"), prompt)
    if not prompt or options is None or correct is None:
        return None
    return Question(where.id, prompt, options, correct, why, where.key_line(None) or 0)


def _texts(
    where: _Where, key: str, value: Any, limit: int, label: str = "", *, needed: bool = True
) -> dict[str, str] | None:
    """``value`` (a text, or texts by language) stripped; None, reported, when it is missing,
    not text, or blank in a language. Texts over ``limit`` characters are reported, and kept.
    ``key`` is where to point (its line); ``label`` names the value in messages (else ``key``);
    ``needed``: the question is left out without it (the messages say so)."""
    left_out = _LEFT_OUT if needed else ""

    def name(code: str) -> str:
        if label:
            return f"{label} ({code})" if code else label
        return f"'{key}.{code}'" if code else f"'{key}'"

    if value is None:
        where.report(None, f"no {name('')}" + left_out, ProblemCode.QUESTION_EMPTY)
        return None
    if not is_text_table(value) or (isinstance(value, Mapping) and not value):
        message = f'{name("")} must be a text, or texts by language (es = "…")' + left_out
        where.report(key, message, ProblemCode.BAD_VALUE)
        return None
    texts = {"": value} if isinstance(value, str) else {str(c): t for c, t in value.items()}
    blank = [code for code, text in texts.items() if not text.strip()]
    for code in blank:
        at = f"{key}.{code}" if code and not label else key
        where.report(at, f"{name(code)} is empty" + left_out, ProblemCode.QUESTION_EMPTY)
    if blank:
        return None
    for code, text in texts.items():
        if len(text.strip()) > limit:
            where.report(
                f"{key}.{code}" if code and not label else key,
                f"{name(code)} has {len(text.strip())} characters, over {limit}: too long for "
                "a phone or a projector",
                ProblemCode.QUESTION_TOO_LONG,
            )
    return {code: text.strip() for code, text in texts.items()}


def _options(
    where: _Where, value: Any, prompt: Localized | None
) -> tuple[dict[str, str], ...] | None:
    """The options, each a text or texts by language; None (reported) unless there are 2 to
    :data:`MAX_OPTIONS` and each can be shown in every language of the prompt."""
    if not isinstance(value, list) or not MIN_OPTIONS <= len(value) <= MAX_OPTIONS:
        count = f"has {len(value)}" if isinstance(value, list) else "has none"
        where.report(
            "options",
            f"needs {MIN_OPTIONS} to {MAX_OPTIONS} options (options = [...]), {count}" + _LEFT_OUT,
            ProblemCode.QUESTION_OPTIONS,
        )
        return None
    found = []
    for number, item in enumerate(value, start=1):
        option = _texts(where, "options", item, MAX_OPTION_CHARS, label=f"option {number}")
        if option is None:
            continue
        missing = _missing_languages(prompt or {}, option)
        if missing:
            where.report(
                "options",
                f"option {number} has no text in {', '.join(missing)}, a language of the "
                "prompt" + _LEFT_OUT,
                ProblemCode.QUESTION_LANGUAGE,
            )
            continue
        found.append(option)
    return tuple(found) if len(found) == len(value) else None


def _correct(where: _Where, value: Any, count: int) -> int | None:
    """The right option's 0-based index, from the file's 1-based ``correct`` (one of ``count``
    options)."""
    # bool is an int in Python, but `correct = true` names no option.
    if type(value) is not int:
        shown = "missing" if value is None else f"{value!r}"
        where.report(
            "correct",
            f"'correct' must be the number of the right option (1 for the first), not {shown}"
            + _LEFT_OUT,
            ProblemCode.QUESTION_ANSWER,
        )
        return None
    if not 1 <= value <= count:
        where.report(
            "correct",
            f"'correct = {value}' names no option: count them from 1 to {count}" + _LEFT_OUT,
            ProblemCode.QUESTION_ANSWER,
        )
        return None
    return value - 1


def _why(where: _Where, value: Any, prompt: Localized | None) -> dict[str, str]:
    """The one line shown with the answer. Missing or incomplete is reported; the question is
    still asked (the reveal then shows the right option alone)."""
    if value is None:
        where.report(
            None, "no 'why' (one line saying why the answer is right)", ProblemCode.QUESTION_EMPTY
        )
        return {}
    why = _texts(where, "why", value, MAX_WHY_CHARS, needed=False) or {}
    missing = _missing_languages(prompt or {}, why) if why else []
    if missing:
        where.report(
            "why", f"'why' has no text in {', '.join(missing)}", ProblemCode.QUESTION_LANGUAGE
        )
    return why


def _missing_languages(prompt: Localized, texts: Localized) -> list[str]:
    """The languages the prompt is written in that ``texts`` lacks; a text without a language
    (``{"": …}``) serves every language."""
    if "" in texts:
        return []
    return [code for code in prompt if code and code not in texts]
