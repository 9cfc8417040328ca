"""Start-up: from process start to the window painted with the song loaded and playing, against
a bare libvlc script starting the same file with the same options, in the same run.

The app prints its own stage timestamps (``KARAOKE_TIMINGS=exit``, see ``karaoke/timings.py``);
both processes are timed from just before they are spawned, on CLOCK_MONOTONIC, which Linux shares
between processes. Qt runs offscreen and libvlc on dummy outputs, so no display is needed and the
two are compared like for like.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from karaoke.player.vlc_player import DEFAULT_VLC_ARGS

DUMMY = ["--aout=dummy", "--vout=dummy"]

BARE_LIBVLC = """
import sys, threading, time, vlc
instance = vlc.Instance(sys.argv[2:])
player = instance.media_player_new()
player.set_media(instance.media_new(sys.argv[1]))
playing = threading.Event()
player.event_manager().event_attach(vlc.EventType.MediaPlayerPlaying, lambda e: playing.set())
player.play()
playing.wait(10)
print(f"timing playing {time.monotonic():.6f}", file=sys.stderr, flush=True)
player.stop()
"""


def _stages(stderr: str, spawned: float) -> dict[str, float]:
    stages = {}
    for line in stderr.splitlines():
        if line.startswith("timing "):
            *name, stamp = line[len("timing ") :].split(" ")
            stages[" ".join(name)] = (float(stamp) - spawned) * 1000
    return stages


def app_once(home: Path) -> dict[str, float]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KARAOKE_VLC_ARGS": " ".join(DUMMY),
        "KARAOKE_TIMINGS": "exit",
        "XDG_CONFIG_HOME": str(home),
    }
    spawned = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "karaoke"], env=env, capture_output=True, text=True, timeout=60
    )
    stages = _stages(run.stderr, spawned)
    if "playing" not in stages or "first paint" not in stages:
        raise RuntimeError(f"the app did not get ready:\n{run.stderr[-2000:]}")
    stages["ready"] = max(stages["playing"], stages["first paint"])
    return stages


def bare_once(media: Path) -> float:
    spawned = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", BARE_LIBVLC, str(media), *DEFAULT_VLC_ARGS, *DUMMY],
        capture_output=True,
        text=True,
        timeout=60,
    )
    stages = _stages(run.stderr, spawned)
    if "playing" not in stages:
        raise RuntimeError(f"bare libvlc did not play:\n{run.stderr[-2000:]}")
    return stages["playing"]


def measure(media: Path, runs: int = 7) -> dict:
    home = Path(tempfile.mkdtemp())
    app_runs, bare_runs = [], []
    app_once(home)  # warm the disk cache for both, then alternate
    bare_once(media)
    for _ in range(runs):
        app_runs.append(app_once(home))
        bare_runs.append(bare_once(media))
    stage_names = list(app_runs[0])
    app_median = statistics.median(r["ready"] for r in app_runs)
    bare_median = statistics.median(bare_runs)
    return {
        "runs": runs,
        "app_ready_median_ms": app_median,
        "app_ready_all_ms": [round(r["ready"], 1) for r in app_runs],
        "bare_libvlc_median_ms": bare_median,
        "ratio": app_median / bare_median,
        "stages_median_ms": {
            name: statistics.median(r[name] for r in app_runs) for name in stage_names
        },
    }
