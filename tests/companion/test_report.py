"""The session report: JSON and CSV, counts and (only given) nicknames, written atomically."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import pytest

from karaoke.companion.checkpoint import RoundResult
from karaoke.companion.report import report_csv, write_report
from karaoke.core.errors import SongError
from tests.companion.test_checkpoint import question

STARTED = datetime(2025, 3, 14, 9, 26, 53)


def rounds() -> list[RoundResult]:
    return [
        RoundResult(question(), (2, 5, 0), True, (("Ana", 1), ("=cmd|'/c calc'!A1", 0))),
        RoundResult(question("s2q1", options=2, correct=0), (0, 1), False),
    ]


def test_json_and_csv_hold_counts_and_named_answers_only(tmp_path):
    json_path, csv_path = write_report(
        tmp_path / "reports", rounds(), song_title="Mi Modelito", started=STARTED
    )
    assert json_path.name == "karaoke-session-20250314-092653.json"
    assert csv_path.name == "karaoke-session-20250314-092653.csv"
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["song"] == "Mi Modelito" and data["started"] == "2025-03-14T09:26:53"
    first, second = data["questions"]
    assert first["counts"] == [2, 5, 0] and first["correct_option"] == 2
    assert first["prompt"]["es"] == "¿Qué ajusta la red?"
    assert first["answers_by_nickname"] == [
        {"nickname": "Ana", "option": 2},
        {"nickname": "=cmd|'/c calc'!A1", "option": 1},
    ]
    assert "answers_by_nickname" not in second  # nobody gave a nickname
    assert set(first) == {
        "id", "prompt", "options", "counts", "total", "correct_option", "revealed",
        "answers_by_nickname",
    }  # fmt: skip
    rows = list(csv.DictReader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 5  # one per option
    assert rows[1] == {
        "question": "s1q1",
        "prompt": "¿Qué ajusta la red?",
        "option": "2",
        "text": "opción 1",
        "correct": "yes",
        "count": "5",
        "nicknames": "Ana",
    }
    # A nickname a spreadsheet would run as a formula is written as text.
    assert rows[0]["nicknames"] == "'=cmd|'/c calc'!A1"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == sorted(
        [json_path.name, csv_path.name]
    )  # no temporary or backup file left


def test_a_second_report_in_the_same_second_gets_its_own_name(tmp_path):
    first = write_report(tmp_path, rounds(), song_title="x", started=STARTED)
    second = write_report(tmp_path, [], song_title="x", started=STARTED)
    assert second[0].name == "karaoke-session-20250314-092653-2.json"
    assert json.loads(first[0].read_text())["questions"]  # untouched
    assert json.loads(second[0].read_text())["questions"] == []


def test_english_csv():
    text = report_csv(rounds(), language="en")
    assert "What does the network adjust?" in text and "option 1" in text


def test_an_unwritable_folder_is_a_plain_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SongError, match="cannot save the session report"):
        write_report(blocker / "reports", rounds(), song_title="x", started=STARTED)
