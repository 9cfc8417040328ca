"""Start-up stage timestamps, for ``benchmarks/startup.py`` and the curious.

Set ``KARAOKE_TIMINGS=1`` to print each stage to stderr as ``timing STAGE SECONDS`` (CLOCK_MONOTONIC,
comparable across processes on Linux), or ``KARAOKE_TIMINGS=exit`` to also quit once the window is
painted and the song is playing — the benchmark's finish line.
"""

from __future__ import annotations

import os
import sys
import time

_MODE = os.environ.get("KARAOKE_TIMINGS", "")
ENABLED = bool(_MODE)
EXIT_WHEN_READY = _MODE == "exit"
READY_STAGES = frozenset({"first paint", "playing"})

_seen: set[str] = set()


def mark(stage: str) -> None:
    """Record that ``stage`` was reached (first time only). Costs nothing when disabled."""
    if not ENABLED or stage in _seen:
        return
    _seen.add(stage)
    print(f"timing {stage} {time.monotonic():.6f}", file=sys.stderr, flush=True)


def ready() -> bool:
    """Whether every stage that makes the app 'ready' has been reached."""
    return _seen >= READY_STAGES
