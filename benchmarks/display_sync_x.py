"""The X side of the end-to-end sync benchmark: a virtual screen (Xvfb) and captures of it.

A capture is **one** ``GetImage`` request on the root window (libX11's ``XGetImage`` through
ctypes): Xvfb serves one request at a time, so a capture sees the screen between two drawing
requests, never half of one; the video (libvlc's ``XShmPutImage`` into its window) and the
lyric (Qt's backing-store flush) are caught at the same instant. ImageMagick's ``import`` was
not used: it asks for more than the one image (window tree, colormaps) and costs a process
start per capture.

Written here because ``benchmarks/xdisplay.py`` (the real-display benchmark's helpers) did not
exist yet when this benchmark was made.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.display_sync_decode import Rect

Z_PIXMAP = 2
ALL_PLANES = ctypes.c_ulong(0xFFFFFFFF)


class XImage(ctypes.Structure):
    """The head of Xlib's ``XImage`` (the fields read here; the rest is never touched)."""

    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


class Screen:
    """A connection to an X display for whole-screen (or part-of-screen) captures."""

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise SystemExit("display_sync: libX11 is needed (apt-get install libx11-6)")
        x11 = ctypes.CDLL(name)
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XGetImage.restype = ctypes.POINTER(XImage)
        x11.XGetImage.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
            ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int,
        ]  # fmt: skip
        x11.XFree.argtypes = [ctypes.c_void_p]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        for size in ("XDisplayWidth", "XDisplayHeight"):
            getattr(x11, size).argtypes = [ctypes.c_void_p, ctypes.c_int]
        self._x11 = x11
        self._display = x11.XOpenDisplay(display.encode())
        if not self._display:
            raise SystemExit(f"display_sync: cannot open display {display}")
        self._root = x11.XDefaultRootWindow(self._display)
        self.size = (x11.XDisplayWidth(self._display, 0), x11.XDisplayHeight(self._display, 0))

    def capture(self, area: Rect | None = None) -> np.ndarray:
        """``area`` of the screen (all of it by default) as an RGB array, in one GetImage."""
        area = area or Rect(0, 0, *self.size)
        image = self._x11.XGetImage(
            self._display, self._root, area.x, area.y, area.w, area.h, ALL_PLANES, Z_PIXMAP
        )
        if not image:
            raise RuntimeError("XGetImage failed")
        head = image.contents
        try:
            if head.bits_per_pixel != 32:
                raise RuntimeError(f"{head.bits_per_pixel} bits a pixel: run Xvfb at depth 24")
            size = head.bytes_per_line * head.height
            raw = np.frombuffer(ctypes.string_at(head.data, size), np.uint8)
            pixels = raw.reshape(head.height, head.bytes_per_line // 4, 4)[:, : head.width]
            return np.ascontiguousarray(pixels[..., 2::-1])  # BGRX (little-endian) → RGB
        finally:
            self._x11.XFree(head.data)
            self._x11.XFree(image)

    def close(self) -> None:
        if self._display:
            self._x11.XCloseDisplay(self._display)
            self._display = None


def start_xvfb(size: str = "1920x1080") -> tuple[subprocess.Popen, str]:
    """Start Xvfb on a free display number; returns it and its ``DISPLAY`` name."""
    if shutil.which("Xvfb") is None:
        raise SystemExit("display_sync: Xvfb is needed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("display_sync: Xvfb did not start")
    return server, f":{number}"


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
