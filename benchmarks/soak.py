"""Soak: the real window plays the demo song (libvlc, dummy outputs) for minutes while random
seeks hit it; memory must stay flat and nothing may fail.

Runs in its own process (``python -m benchmarks.soak MINUTES SEEKS``) and prints one JSON line:
RSS sampled every 30 s (``samples``: [seconds, MB] pairs), the growth after the first five minutes
(``rss_growth_after_5min_mb``, the figure the one-hour soak is judged by: ≤ 2 MB), thread and
file-descriptor counts at the start and the end. Each sample is also written to stderr as it is
taken, so a run that dies still leaves its curve behind.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from pathlib import Path

SAMPLE_INTERVAL_MS = 30_000
# Libraries and caches fill up in the first minutes; growth after this is what counts as a leak.
SETTLE_S = 300


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def thread_count() -> int:
    """Threads of this process as the kernel sees them (Python's and libvlc's)."""
    return len(os.listdir("/proc/self/task"))


def fd_count() -> int:
    """Open file descriptors of this process."""
    return len(os.listdir("/proc/self/fd"))


def main(minutes: float, seeks: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from karaoke.app.players import player_factory
    from karaoke.app.settings import Settings
    from karaoke.core.package import open_song
    from karaoke.resources import bundled_song
    from karaoke.ui.player.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    failures: list[str] = []
    start = time.monotonic()
    sys.excepthook = lambda kind, value, tb: failures.append(
        f"{time.monotonic() - start:.1f} s: {kind.__name__}: {value} "
        f"({traceback.extract_tb(tb)[-1].name if tb else '?'})"
    )
    settings = Settings(
        QSettings(f"/tmp/karaoke-soak-{os.getpid()}.ini", QSettings.Format.IniFormat)
    )
    window = MainWindow(player_factory(("--aout=dummy", "--vout=dummy")), settings)
    window.show()
    window.load(open_song(bundled_song()))
    window.banner.dismiss()
    first = window.session
    assert first is not None  # the bundled song always gets a session
    first.problem.connect(lambda message: failures.append(message))
    rng = random.Random(7)
    samples: list[tuple[float, float]] = []
    done = {"seeks": 0}
    duration_s = minutes * 60
    length = first.length_ms or 160_000

    def seek() -> None:
        session = window.session
        if session is None:
            failures.append(f"{time.monotonic() - start:.1f} s: the window has no song")
            return
        session.seek(rng.randrange(0, max(1, length - 1000)))
        if not session.playing:
            session.play()
        done["seeks"] += 1

    def sample() -> None:
        samples.append((round(time.monotonic() - start, 1), round(rss_mb(), 2)))
        print(f"{samples[-1][0]:.0f} s: RSS {samples[-1][1]:.1f} MB", file=sys.stderr, flush=True)

    def check_playing() -> None:
        # Reached the end between two seeks: play on.
        if window.session is not None and not window.session.playing:
            window.session.play()

    interval_ms = int(duration_s * 1000 / seeks)
    seeker = QTimer()
    seeker.timeout.connect(seek)
    seeker.start(interval_ms)
    sampler = QTimer()
    sampler.timeout.connect(sample)
    sampler.start(SAMPLE_INTERVAL_MS)
    keeper = QTimer()
    keeper.timeout.connect(check_playing)
    keeper.start(1000)

    def finish() -> None:
        # The timers stop before quitting: Qt 6's quit() closes the window first (its session
        # with it) and runs the event loop until that is done, where a seek would find no song.
        for timer in (seeker, sampler, keeper):
            timer.stop()
        app.quit()

    QTimer.singleShot(int(duration_s * 1000) + 500, finish)
    threads_start, fds_start = thread_count(), fd_count()
    sample()
    app.exec()
    sample()
    threads_end, fds_end = thread_count(), fd_count()
    window.close()
    warm = [rss for t, rss in samples if t >= min(60, duration_s / 5)]
    settled = [rss for t, rss in samples if t >= min(SETTLE_S, duration_s / 5)]
    return {
        "minutes": minutes,
        "seeks": done["seeks"],
        "rss_start_mb": samples[0][1],
        "rss_after_warmup_mb": warm[0] if warm else float("nan"),
        "rss_end_mb": samples[-1][1],
        "rss_growth_after_warmup_mb": (samples[-1][1] - warm[0]) if warm else float("nan"),
        "rss_max_mb": max(rss for _, rss in samples),
        "rss_after_5min_mb": settled[0] if settled else float("nan"),
        "rss_growth_after_5min_mb": (samples[-1][1] - settled[0]) if settled else float("nan"),
        "rss_max_after_5min_mb": max(settled) if settled else float("nan"),
        "threads_start": threads_start,
        "threads_end": threads_end,
        "fds_start": fds_start,
        "fds_end": fds_end,
        "samples": samples,
        "failures": failures,
    }


if __name__ == "__main__":
    minutes = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    seeks = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    print(json.dumps(main(minutes, seeks)))
