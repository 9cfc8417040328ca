"""On a real X server (Xvfb) with Qt's xcb platform: the demo video plays embedded in the window
and the current line is drawn with its wipe — checked in a screenshot of the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage

from tests.conftest import REPO
from tests.ui.xvfb import xvfb_display

pytestmark = [pytest.mark.xvfb, pytest.mark.vlc]


def count_pixels(image: QImage, rect: list[int], step: int, test) -> tuple[int, int]:
    x0, y0, width, height = rect
    hits = total = 0
    for x in range(x0, x0 + width, step):
        for y in range(y0, y0 + height, step):
            total += 1
            hits += bool(test(image.pixelColor(QPoint(x, y))))
    return hits, total


def test_demo_video_plays_embedded_and_the_current_line_is_lit(tmp_path: Path):
    shot = tmp_path / "screen.png"
    with xvfb_display("1600x1000") as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
        env.pop("WAYLAND_DISPLAY", None)
        run = subprocess.run(
            [sys.executable, "-m", "tests.ui.embedded_probe", str(shot)],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    info = json.loads(run.stdout.strip().splitlines()[-1])
    assert info["showing_video"]
    assert info["current_line"] == 0

    image = QImage(str(shot))
    assert not image.isNull()
    # Video pixels: the demo's stanza card is a coloured gradient with text, not the black surface.
    lit, total = count_pixels(image, info["video"], 7, lambda c: c.value() > 40)
    assert lit > total * 0.5, f"only {lit}/{total} video pixels are not black"
    colours = {image.pixelColor(QPoint(x, y)).rgb() for x in range(info["video"][0], info["video"][0] + info["video"][2], 11) for y in range(info["video"][1], info["video"][1] + 60, 11)}  # fmt: skip
    assert len(colours) > 10, "the video area is a flat colour"
    # The current line: part of it already in the highlight colour.
    sung = QColor(info["sung_color"])
    hits, _ = count_pixels(image, info["current_rect"], 2, lambda c: c == sung)
    assert hits > 50, "no sung (highlighted) text in the current line"


def test_paused_opens_on_the_picture_at_the_start_with_the_length(tmp_path: Path):
    """``karaoke --paused --start 10``: the video shows its frame there, not a black surface,
    the transport says "0:10 / 2:40", and nothing played (tests/ui/paused_probe.py)."""
    shot = tmp_path / "screen.png"
    with xvfb_display("1600x1000") as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
        env.pop("WAYLAND_DISPLAY", None)
        run = subprocess.run(
            [sys.executable, "-m", "tests.ui.paused_probe", str(shot)],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    info = json.loads(run.stdout.strip().splitlines()[-1])
    assert info["showing_video"]
    assert (info["position_ms"], info["player_state"]) == (10_000, "paused")
    assert not info["playing"] and info["played"] == []
    assert info["time_label"] == "0:10 / 2:40"
    image = QImage(str(shot))
    lit, total = count_pixels(image, info["video"], 7, lambda c: c.value() > 40)
    assert lit > total * 0.5, f"only {lit}/{total} video pixels are not black"
