"""The session report: how the class answered each checkpoint, as JSON and CSV.

Per question: its id, prompt, options, the count per option, the right option, and — only for
students who chose to give a nickname — each nickname's answer. Nothing else about a student
is recorded (no address, no device, no time). Both files are written atomically
(:func:`karaoke.core.atomic.write_atomic`) with a timestamped name, never replacing a report.

The CSV has one row per option, so a spreadsheet can chart it directly::

    question,prompt,option,text,correct,count,nicknames
    s1q1,¿Qué ajusta…?,1,Los pesos,yes,12,Ana; Luis

A cell that a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``, tab) gets a
leading apostrophe: nicknames are typed by students.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from karaoke.companion.checkpoint import RoundResult
from karaoke.companion.payload import PAGE_LANGUAGES, both_languages
from karaoke.core.atomic import describe_os_error, write_atomic
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.model import pick

REPORT_PREFIX = "karaoke-session-"
CSV_COLUMNS = ("question", "prompt", "option", "text", "correct", "count", "nicknames")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def report_data(
    rounds: Sequence[RoundResult], *, song_title: str, started: datetime
) -> dict[str, Any]:
    """The report as a JSON-ready dict; options are numbered from 1 as people count them."""
    return {
        "song": song_title,
        "started": started.isoformat(timespec="seconds"),
        "questions": [_round_data(result) for result in rounds],
    }


def _round_data(result: RoundResult) -> dict[str, Any]:
    question = result.question
    data: dict[str, Any] = {
        "id": question.id,
        "prompt": both_languages(question.prompt),
        "options": [both_languages(option) for option in question.options],
        "counts": list(result.counts),
        "total": result.total,
        "correct_option": question.correct + 1,
        "revealed": result.revealed,
    }
    if result.nickname_answers:
        data["answers_by_nickname"] = [
            {"nickname": nickname, "option": option + 1}
            for nickname, option in result.nickname_answers
        ]
    return data


def report_csv(rounds: Sequence[RoundResult], *, language: str = "es") -> str:
    """The report as CSV text (texts in ``language``), one row per option of each question."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for result in rounds:
        question = result.question
        by_option: dict[int, list[str]] = {}
        for nickname, chosen in result.nickname_answers:
            by_option.setdefault(chosen, []).append(nickname)
        for index, option in enumerate(question.options):
            writer.writerow(
                _cell(value)
                for value in (
                    question.id,
                    pick(question.prompt, language),
                    str(index + 1),
                    pick(option, language),
                    "yes" if index == question.correct else "no",
                    str(result.counts[index]),
                    "; ".join(by_option.get(index, ())),
                )
            )
    return buffer.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def write_report(
    folder: Path,
    rounds: Sequence[RoundResult],
    *,
    song_title: str,
    started: datetime,
    language: str = "es",
) -> tuple[Path, Path]:
    """Write ``karaoke-session-YYYYMMDD-HHMMSS.json`` and ``.csv`` into ``folder`` (made if
    missing) and return both paths; a second report in the same second gets ``-2``, ``-3``….

    Raises :class:`SongError` (code WRITE_FAILED) with a plain reason when it cannot write.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SongError(
            folder,
            f"cannot save the session report: {describe_os_error(error)}",
            code=ProblemCode.WRITE_FAILED,
        ) from None
    stem = REPORT_PREFIX + started.strftime("%Y%m%d-%H%M%S")
    number = 1
    while _taken(folder, stem if number == 1 else f"{stem}-{number}"):
        number += 1
    name = stem if number == 1 else f"{stem}-{number}"
    language = language if language in PAGE_LANGUAGES else PAGE_LANGUAGES[0]
    data = report_data(rounds, song_title=song_title, started=started)
    json_path = folder / f"{name}.json"
    csv_path = folder / f"{name}.csv"
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomic(json_path, text.encode("utf-8"), backup=False, action="save the session report")
    # A BOM so that spreadsheet programs read the accents as UTF-8.
    csv_bytes = report_csv(rounds, language=language).encode("utf-8-sig")
    write_atomic(csv_path, csv_bytes, backup=False, action="save the session report")
    return json_path, csv_path


def _taken(folder: Path, name: str) -> bool:
    return (folder / f"{name}.json").exists() or (folder / f"{name}.csv").exists()
