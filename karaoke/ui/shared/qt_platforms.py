"""Qt platform names the app treats specially; no Qt import, so the start can ask before Qt
is loaded."""

from __future__ import annotations

import os

#: Qt platforms without native windows: tests and benchmarks run on them.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})


def requested_platform(environ: dict[str, str] | os._Environ = os.environ) -> str:
    """The Qt platform ``QT_QPA_PLATFORM`` asks for (its first choice, without options), or ""
    when unset: Qt then picks the desktop's (xcb or wayland), never a headless one."""
    first = environ.get("QT_QPA_PLATFORM", "").split(";")[0]
    return first.split(":")[0].strip()
