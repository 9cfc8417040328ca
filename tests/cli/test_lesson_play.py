"""``karaoke lesson.toml``: a lesson that cannot be played is one line on stderr and exit 2,
before any window opens (no display is needed to be told)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import BUNDLED


def run(*args: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "karaoke", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('kind = "lesson"\ntitle = "x"\n', "lesson.toml: a lesson needs at least one [[item]]"),
        (
            'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "gone"\n',
            "lesson.toml:4: song not found",
        ),
        (
            f'kind = "lesson"\ntitle = "x"\n[[item]]\nsong = "{BUNDLED}"\nstanzas = "2-1"\n',
            "lesson.toml:5: 'stanzas' must look like",
        ),
        ('kind = "lesson"\ntitle = = "x"\n', "lesson.toml:2: not valid TOML"),
    ],
    ids=["no items", "song not found", "stanzas backwards", "not TOML"],
)
def test_a_bad_lesson_is_one_line_and_exit_2(write, text, said):
    for extra in ((), ("--present",)):
        result = run(str(write("lesson.toml", text)), *extra)
        assert result.returncode == 2, result
        assert result.stderr.startswith("karaoke: ")
        assert said in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
