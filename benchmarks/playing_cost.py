"""Cost while playing: CPU seconds and peak memory of the app playing the demo song, against a
bare libvlc script playing the same file with the same options, in the same run.

Both run as their own process with libvlc's dummy outputs (and Qt offscreen for the app), so the
difference is what the app adds: Qt, the lyrics, the clock, the 60 Hz frame tick.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from karaoke.player.vlc_player import DEFAULT_VLC_ARGS

DUMMY = ["--aout=dummy", "--vout=dummy"]
TICKS = os.sysconf("SC_CLK_TCK")

BARE_LIBVLC = """
import sys, time, vlc
instance = vlc.Instance(sys.argv[2:])
player = instance.media_player_new()
player.set_media(instance.media_new(sys.argv[1]))
player.play()
time.sleep(3600)
"""


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _watch(command: list[str], env: dict[str, str], seconds: float, warmup: float = 3.0) -> dict:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        time.sleep(warmup)  # start-up is measured elsewhere
        if process.poll() is not None:
            raise RuntimeError(f"{command[:3]} exited early with {process.returncode}")
        cpu_before, wall_before = cpu_seconds(process.pid), time.monotonic()
        time.sleep(seconds)
        cpu_after, wall_after = cpu_seconds(process.pid), time.monotonic()
        peak = peak_rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=15)
    wall = wall_after - wall_before
    return {
        "cpu_s": cpu_after - cpu_before,
        "wall_s": wall,
        "cpu_percent": 100 * (cpu_after - cpu_before) / wall,
        "peak_rss_mb": peak,
    }


def measure(media: Path, seconds: float = 30.0) -> dict:
    home = tempfile.mkdtemp()
    app_env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KARAOKE_VLC_ARGS": " ".join(DUMMY),
        "XDG_CONFIG_HOME": home,
    }
    app = _watch([sys.executable, "-m", "karaoke"], app_env, seconds)
    bare = _watch(
        [sys.executable, "-c", BARE_LIBVLC, str(media), *DEFAULT_VLC_ARGS, *DUMMY],
        dict(os.environ),
        seconds,
    )
    return {
        "seconds": seconds,
        "app": app,
        "bare_libvlc": bare,
        "cpu_overhead_percent_of_a_core": app["cpu_percent"] - bare["cpu_percent"],
        "rss_overhead_mb": app["peak_rss_mb"] - bare["peak_rss_mb"],
    }
