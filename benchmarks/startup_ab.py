"""Before and after a change: two copies of the app, measured in alternating runs.

    .venv/bin/python -m benchmarks.startup_ab BEFORE AFTER [--rounds N] [--seconds S] [-- ARGS]

BEFORE and AFTER are folders holding a copy of ``karaoke/`` (and ``lyrics/``, ``assets/``): e.g.
``git worktree add /tmp/before HEAD~1``, or a ``cp -r karaoke lyrics assets`` taken before an
edit. Each run is ``python -m karaoke ARGS`` started in that folder, so that copy is the one
imported. Runs alternate (before, after, before, …) so a machine that gets busier or quieter
during the measurement disturbs both alike.

Two measurements, medians of ``--rounds`` runs each:

- offscreen (``QT_QPA_PLATFORM=offscreen``, libvlc's dummy outputs, ``KARAOKE_TIMINGS=exit``):
  the start-up stages the app prints, in ms from spawn (as ``benchmarks/startup.py``);
- on an Xvfb display of its own (1920×1080, Qt on xcb, the video embedded, ``--aout=dummy`` as
  in ``benchmarks/real_display.py``): ms from spawn to the first top-level window mapped (the
  X MapNotify event), then CPU (% of one core) from 3 s after the map to ``--seconds``, and peak
  RSS (VmHWM) at the end.

The bytecode of each copy is cached under a folder of its own (``PYTHONPYCACHEPREFIX``), as an
installed app has its ``.pyc`` files: with ``PYTHONDONTWRITEBYTECODE=1`` every start would
compile the whole app again (~100 ms here) and measure that instead.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.display_tools import parse_timings, tree_cpu_s, tree_peak_rss_mb
from benchmarks.xdisplay import Screen, Xvfb

#: Seconds of playing before the CPU is counted (start-up is measured on its own).
SETTLE_S = 3.0


def _environment(folder: Path, settings: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "karaoke-ab-pyc" / folder.name)
    env["XDG_CONFIG_HOME"] = str(settings)
    return env


def stages_once(folder: Path, settings: Path, args: list[str]) -> dict[str, float]:
    """The app's start-up stages offscreen, in ms from spawn."""
    env = _environment(folder, settings)
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "KARAOKE_VLC_ARGS": "--aout=dummy --vout=dummy",
        "KARAOKE_TIMINGS": "exit",
    }
    spawned = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "karaoke", *args],
        env=env, cwd=folder, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    stages = parse_timings(run.stderr, spawned)
    if "playing" not in stages and "first paint" not in stages:
        raise RuntimeError(f"{folder}: the app did not get ready:\n{run.stderr[-2000:]}")
    return stages


def display_once(
    folder: Path, settings: Path, args: list[str], xvfb: Xvfb, seconds: float
) -> dict[str, float | None]:
    """Spawn to the window mapped (ms), CPU (% of one core) and peak RSS (MiB) on ``xvfb``."""
    env = xvfb.env(_environment(folder, settings))
    env["KARAOKE_VLC_ARGS"] = "--aout=dummy"
    screen = Screen(xvfb.display)
    screen.watch_maps()
    spawned = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "karaoke", *args], env=env, cwd=folder,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        mapped = next(iter(screen.maps(20.0)), None)
        time.sleep(SETTLE_S)
        cpu_before, wall_before = tree_cpu_s(process.pid), time.monotonic()
        time.sleep(max(0.0, seconds - SETTLE_S))
        cpu_after, wall_after = tree_cpu_s(process.pid), time.monotonic()
        peak = tree_peak_rss_mb(process.pid)
    finally:
        screen.close()
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return {
        "mapped_ms": None if mapped is None else (mapped.at - spawned) * 1000,
        "cpu_percent": 100 * (cpu_after - cpu_before) / (wall_after - wall_before),
        "peak_rss_mb": peak,
    }


def measure(folders: list[Path], rounds: int, seconds: float, args: list[str]) -> dict:
    """Alternating runs of each folder's app; every run's figures, by folder."""
    settings = Path(tempfile.mkdtemp())
    runs: dict[Path, dict[str, list]] = {
        folder: {"stages": [], "display": []} for folder in folders
    }
    for folder in folders:
        stages_once(folder, settings, args)  # the disk cache and the .pyc files, unmeasured
    for _ in range(rounds):
        for folder in folders:
            runs[folder]["stages"].append(stages_once(folder, settings, args))
    if seconds > 0:
        with Xvfb() as xvfb:
            for folder in folders:
                display_once(folder, settings, args, xvfb, SETTLE_S + 1)
            for _ in range(rounds):
                for folder in folders:
                    runs[folder]["display"].append(
                        display_once(folder, settings, args, xvfb, seconds)
                    )
    return {str(folder): value for folder, value in runs.items()}


def report(results: dict) -> None:
    for folder, runs in results.items():
        print(f"== {folder}")
        stages = runs["stages"]
        for name in stages[0]:
            values = [run[name] for run in stages if name in run]
            each = " ".join(f"{value:.0f}" for value in values)
            print(f"  {name:<18}{statistics.median(values):7.0f} ms   ({each})")
        for key, unit in (("mapped_ms", "ms"), ("cpu_percent", "%"), ("peak_rss_mb", "MiB")):
            values = [run[key] for run in runs["display"] if run[key] is not None]
            if values:
                each = " ".join(f"{value:.1f}" for value in values)
                print(f"  {key:<18}{statistics.median(values):7.1f} {unit:<4}({each})")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup_ab", description=__doc__)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=10.0, help="0: no display runs")
    parser.add_argument("args", nargs="*", help="the app's arguments (after --)")
    options = parser.parse_args()
    folders = [options.before.resolve(), options.after.resolve()]
    report(measure(folders, options.rounds, options.seconds, options.args))


if __name__ == "__main__":
    main()
