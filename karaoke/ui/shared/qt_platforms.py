"""Qt platform names the app treats specially; no Qt import here, so modules the start loads
before Qt can name them."""

from __future__ import annotations

#: Qt platforms without native windows: tests and benchmarks run on them.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
