"""The X side of the end-to-end sync benchmark: captures of the virtual screen as arrays, and the
app's windows and keys (xdotool).

The screen itself (Xvfb, and one ``GetImage`` request per capture) is
:mod:`benchmarks.xdisplay`'s, shared with the real-display benchmark: Xvfb serves one request
at a time, so a capture sees the screen between two drawing requests, never half of one; the
video (libvlc's ``XShmPutImage`` into its window) and the lyric (Qt's backing-store flush) are
caught at the same instant. ImageMagick's ``import`` was not used: it asks for more than the
one image (window tree, colormaps) and costs a process start per capture.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.display_sync_decode import Rect
from benchmarks.xdisplay import Screen


def capture(screen: Screen, area: Rect | None = None) -> np.ndarray:
    """``area`` of the screen (all of it by default) as an RGB array, in one GetImage."""
    area = area or Rect(0, 0, *screen.size)
    frame = screen.grab(area.x, area.y, area.w, area.h)
    pixels = np.frombuffer(frame.data, np.uint8)[: area.w * area.h * 4]
    return np.ascontiguousarray(pixels.reshape(area.h, area.w, 4)[..., 2::-1])  # BGRX → RGB


def app_environment(display: str, home: Path) -> dict[str, str]:
    """The app's environment: the display, Qt on X, settings and data folders of its own."""
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    return env


def app_windows(pid: int, display: str) -> list[str]:
    """The visible X windows of process ``pid`` (xdotool), largest first."""
    env = dict(os.environ, DISPLAY=display)
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        capture_output=True, text=True, env=env,
    ).stdout.split()  # fmt: skip
    sized = []
    for window in found:
        shape = subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", window],
            capture_output=True, text=True, env=env,
        ).stdout  # fmt: skip
        values = dict(line.split("=", 1) for line in shape.split() if "=" in line)
        sized.append((int(values.get("WIDTH", 0)) * int(values.get("HEIGHT", 0)), window))
    return [window for _, window in sorted(sized, reverse=True)]


def send_key(display: str, window: str, key: str) -> None:
    """Press ``key`` in ``window`` (focused first: there is no window manager on Xvfb)."""
    env = dict(os.environ, DISPLAY=display)
    subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=False)
    subprocess.run(["xdotool", "key", key], env=env, check=False)


def temporary_home() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="display-sync-")


def wait_for(condition, timeout_s: float, step_s: float = 0.1):
    """Call ``condition()`` until it returns something truthy; None after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(step_s)
    return None
