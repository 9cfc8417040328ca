"""A private X display for the real-display benchmarks: an Xvfb server, its screen's pixels and
the top-level windows clients map on it.

Shared by ``benchmarks/real_display.py`` and the end-to-end sync benchmark. Needs Debian's
``xvfb`` and the ``python-xlib`` package (``pip install -e '.[bench]'``); python-xlib is imported
only when a :class:`Screen` is opened, so :class:`Frame` (pure Python) can be unit-tested
without it.

Pixels are read with one ``GetImage`` request per grab: a whole 1920×1080 screen in ~25 ms, one
row of 900 pixels in ~0.2 ms (measured under Xvfb on the 2-core project machine). One request is
atomic in the X server, so everything in one grab was on screen at the same instant.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Every grab asks for all planes of a 24-bit TrueColor screen, which Xvfb stores as 32-bit
#: little-endian pixels: bytes B, G, R, unused.
ALL_PLANES = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class Frame:
    """Pixels grabbed from the screen: ``width`` × ``height``, rows top to bottom, 4 bytes a
    pixel in the order B, G, R, X (X ignored). ``left``/``top`` is where the grab was taken, in
    screen pixels."""

    width: int
    height: int
    data: bytes
    left: int = 0
    top: int = 0

    def __post_init__(self) -> None:
        if len(self.data) < self.width * self.height * 4:
            raise ValueError(
                f"{len(self.data)} bytes for {self.width}×{self.height} pixels of 4 bytes"
            )

    def rgb(self, x: int, y: int) -> tuple[int, int, int]:
        """The colour at (x, y) of the grab (not of the screen) as (red, green, blue), 0–255."""
        i = (y * self.width + x) * 4
        return self.data[i + 2], self.data[i + 1], self.data[i]

    def row(self, y: int, step: int = 1) -> list[tuple[int, int, int]]:
        """Row ``y``'s colours, every ``step``-th pixel from the left edge."""
        return [self.rgb(x, y) for x in range(0, self.width, step)]

    @classmethod
    def from_rgb(cls, width: int, height: int, rgb: bytes, left: int = 0, top: int = 0) -> Frame:
        """A frame from packed R, G, B bytes (what ``ffmpeg -pix_fmt rgb24`` writes)."""
        if len(rgb) < width * height * 3:
            raise ValueError(f"{len(rgb)} bytes for {width}×{height} pixels of 3 bytes")
        out = bytearray(width * height * 4)
        out[0::4] = rgb[2 : width * height * 3 : 3]
        out[1::4] = rgb[1 : width * height * 3 : 3]
        out[2::4] = rgb[0 : width * height * 3 : 3]
        return cls(width, height, bytes(out), left, top)


class Xvfb:
    """An Xvfb server on a free display number, for as long as the ``with`` block lasts.

    ``-ac`` lets any local client connect, which the benchmarks need: VLC refuses to run as
    root, so it runs as another user that has no cookie of ours. The server listens on its Unix
    socket only (``-nolisten tcp``), so nothing outside this machine can reach it."""

    def __init__(self, width: int = 1920, height: int = 1080, depth: int = 24) -> None:
        self.size = (width, height)
        self.depth = depth
        self.display = ""
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Xvfb:
        if shutil.which("Xvfb") is None:
            raise RuntimeError("Xvfb is not installed (Debian: apt-get install xvfb)")
        read_end, write_end = os.pipe()
        width, height = self.size
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0",
             f"{width}x{height}x{self.depth}", "-ac", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write_end)
        # Xvfb writes the display number it chose once it accepts clients.
        with os.fdopen(read_end, "rb") as pipe:
            ready, _, _ = select.select([pipe], [], [], 15)
            number = pipe.readline().strip() if ready else b""
        if not number:
            self.__exit__()
            raise RuntimeError("Xvfb did not start within 15 s")
        self.display = f":{number.decode()}"
        return self

    def __exit__(self, *_: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """``base`` (default: this process's environment) on this display, with no cookie file
        and no Wayland, so a Qt app uses xcb here."""
        env = dict(os.environ if base is None else base)
        env["DISPLAY"] = self.display
        for name in ("XAUTHORITY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
        return env


@dataclass(frozen=True, slots=True)
class Mapped:
    """A top-level window that was mapped: its id, when (``time.monotonic()`` as the event was
    read), and its geometry on the screen in pixels."""

    window: int
    at: float
    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class WindowBox:
    """A window's rectangle on the screen (root coordinates, pixels) and its depth in the tree
    (0: a top-level window)."""

    window: int
    x: int
    y: int
    width: int
    height: int
    level: int


class Screen:
    """A connection to an X display: grabs its pixels and reports top-level windows mapped.

    Call :meth:`watch_maps` before spawning the client whose windows you wait for: the X server
    only reports what happens after it is asked to."""

    def __init__(self, display: str) -> None:
        from Xlib import X
        from Xlib import display as xdisplay

        self._X = X
        self.connection: Any = xdisplay.Display(display)
        self.root: Any = self.connection.screen().root
        geometry = self.root.get_geometry()
        self.size = (int(geometry.width), int(geometry.height))
        self._pid_atom = self.connection.intern_atom("_NET_WM_PID")

    def close(self) -> None:
        self.connection.close()

    def grab(self, x: int = 0, y: int = 0, width: int = 0, height: int = 0) -> Frame:
        """The screen's pixels in one request (default: all of it)."""
        width = width or self.size[0] - x
        height = height or self.size[1] - y
        image = self.root.get_image(x, y, width, height, self._X.ZPixmap, ALL_PLANES)
        return Frame(width, height, bytes(image.data), x, y)

    def watch_maps(self) -> None:
        """Ask to be told of every top-level window mapped from now on."""
        self.root.change_attributes(event_mask=self._X.SubstructureNotifyMask)
        self.connection.sync()
        self.drain()

    def drain(self) -> None:
        """Drop the events read so far."""
        while self.connection.pending_events():
            self.connection.next_event()

    def read_maps(self, timeout_s: float) -> list[Mapped]:
        """The top-level windows mapped since the last call (not override-redirect ones: menus,
        tooltips), waiting up to ``timeout_s`` seconds for an event when none is queued; each
        stamped when its event was read."""
        if not self.connection.pending_events():
            select.select([self.connection.fileno()], [], [], max(0.0, timeout_s))
        found = []
        while self.connection.pending_events():
            event = self.connection.next_event()
            if event.type == self._X.MapNotify and not event.override:
                at = time.monotonic()
                box = self.box(event.window.id)
                if box is not None:
                    found.append(Mapped(box.window, at, box.x, box.y, box.width, box.height))
        return found

    def maps(self, timeout_s: float) -> Iterator[Mapped]:
        """Top-level windows mapped, as they come, for up to ``timeout_s`` seconds."""
        deadline = time.monotonic() + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            yield from self.read_maps(left)

    def box(self, window: int, level: int = 0) -> WindowBox | None:
        """``window``'s rectangle on the screen, or None if it is gone."""
        from Xlib import error

        handle = self.connection.create_resource_object("window", window)
        try:
            geometry = handle.get_geometry()
            origin = handle.translate_coords(self.root, 0, 0)
        except error.XError:
            return None
        # translate_coords gives the root's origin in the window's coordinates.
        return WindowBox(
            window, -origin.x, -origin.y, int(geometry.width), int(geometry.height), level
        )

    def pid(self, window: int) -> int | None:
        """The process id a window's owner put in its _NET_WM_PID property, if any."""
        from Xlib import X, error

        handle = self.connection.create_resource_object("window", window)
        try:
            prop = handle.get_full_property(self._pid_atom, X.AnyPropertyType)
        except error.XError:
            return None
        return int(prop.value[0]) if prop is not None and len(prop.value) else None

    def descendants(self, window: int) -> list[WindowBox]:
        """``window`` and every mapped window inside it, each with its screen rectangle."""
        from Xlib import X, error

        found: list[WindowBox] = []
        stack = [(window, 0)]
        while stack:
            current, level = stack.pop()
            handle = self.connection.create_resource_object("window", current)
            try:
                if handle.get_attributes().map_state != X.IsViewable:
                    continue
                children = handle.query_tree().children
            except error.XError:
                continue
            box = self.box(current, level)
            if box is not None:
                found.append(box)
            stack.extend((child.id, level + 1) for child in children)
        return found
