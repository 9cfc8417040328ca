"""Shared test fixtures and paths."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Qt widgets are tested on the offscreen platform, with four simulated screens (a laptop and
# three projectors: tests/ui/screens.json); the test on a real X server sets its own platform.
SCREENS_JSON = Path(__file__).resolve().parent / "ui" / "screens.json"
# A plain "offscreen" (as many CI set-ups export) gets the simulated screens too: the tests
# of presenting need a laptop and a projector.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS_JSON}"

# Nothing a test does may touch the real user's data or settings (the song library, imports,
# the desktop entry): every test run gets fresh XDG folders of its own, set before Qt reads them.
_HOME = Path(tempfile.mkdtemp(prefix="karaoke-tests-"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_HOME / _name.lower())


@pytest.fixture(autouse=True)
def _own_xdg_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test its own data and cache folders too (QStandardPaths reads them at each call): a
    song one test imports into the library must not show up in the next test's library."""
    home = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))


REPO = Path(__file__).resolve().parents[1]
#: The project's shared folder (real-world lyrics corpus, the seed post), beside the checkout;
#: ``KARAOKE_SHARED`` names another copy (e.g. one with corpus files not yet shared).
SHARED = Path(os.environ.get("KARAOKE_SHARED") or REPO.parent / "shared")
CORPUS_SRT = SHARED / "corpus" / "srt"
BUNDLED = REPO / "lyrics" / "mi-modelito-sabanero"


def fresh_python_output(code: str) -> str:
    """What ``code`` prints when run by a fresh interpreter in the repository: for what a start
    imports, which this process (that has imported everything) cannot tell."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def write(tmp_path: Path):
    """Write bytes or text to a file in tmp_path and return its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode(encoding) if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return _write


class FakeTime:
    """Monotonic nanoseconds that a test advances by hand (inject as ``now_ns``)."""

    def __init__(self) -> None:
        self.ns = 5_000_000_000

    def __call__(self) -> int:
        return self.ns

    def advance(self, ms: float) -> None:
        self.ns += int(ms * 1_000_000)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()
