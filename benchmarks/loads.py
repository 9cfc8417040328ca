"""Loads: one process opens song after song in the real window (libvlc, dummy outputs), each
played until libvlc says it plays, then the next; memory, threads and file descriptors must stay
flat. Every tenth load is a lesson item instead (a two-item lesson opened, then its next item:
:class:`karaoke.app.lesson_run.LessonRun` makes the next item's player while one plays).

    .venv/bin/python -m benchmarks.loads [LOADS] [--diagnose]

The songs alternate: the bundled song (video) and two small generated ones (a tone and an SRT),
so every load changes song. Prints one JSON line: RSS (also after ``malloc_trim``), thread and
file-descriptor counts every :data:`SAMPLE_EVERY` loads, :data:`SETTLE_MS` into the song
(``samples``); their values after the warm-up (:data:`WARM_UP` loads) and at the end; and RSS's
trend after the warm-up (least squares, MB per 1,000 loads: single samples swing by ±10 MB with
libvlc's buffers and glibc's arenas). ``--diagnose`` adds the Python object types and Qt objects
that grew after the warm-up (tracemalloc's top allocation sites too), to find a leak.
"""

from __future__ import annotations

import ctypes
import gc
import json
import math
import os
import statistics
import struct
import sys
import tempfile
import threading
import time
import tracemalloc
import wave
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.soak import fd_count, rss_mb, thread_count

WARM_UP = 100
SAMPLE_EVERY = 50
#: Before a sample the song plays this long (ms): the closed player's threads have ended and
#: freed their buffers, so every sample sees the same state (straight after "playing" RSS
#: swung by ±15 MB from sample to sample).
SETTLE_MS = 500
#: A lesson item instead of a song, every this many loads.
LESSON_EVERY = 10
#: Longest wait for libvlc to say a song plays before it counts as a failure, in ms.
PLAY_TIMEOUT_MS = 10_000


def write_song(folder: Path, name: str, hz: float, seconds: int = 6) -> Path:
    """A small song: a mono tone of ``seconds`` and an SRT beside it (two lines, two stanzas).
    Returns the lyrics file, which opens with the media beside it."""
    rate = 8000
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * i / rate)))
        for i in range(seconds * rate)
    )
    with wave.open(str(folder / f"{name}.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    srt = folder / f"{name}.srt"
    srt.write_text(
        f"1\n00:00:00,500 --> 00:00:02,000\n{name} one\n\n"
        f"2\n00:00:03,000 --> 00:00:05,000\n{name} two\n",
        encoding="utf-8",
    )
    return srt


def write_lesson(folder: Path, first: Path, second: Path) -> Path:
    """A lesson of two items: ``first``'s first stanza, then ``second`` whole."""
    lesson = folder / "lesson.toml"
    lesson.write_text(
        'schema = 1\nkind = "lesson"\ntitle = "Loads"\n\n'
        f'[[item]]\nsong = "{first}"\nstanzas = "1"\nteaching_pauses = false\n\n'
        f'[[item]]\nsong = "{second}"\nteaching_pauses = false\n',
        encoding="utf-8",
    )
    return lesson


def trimmed_rss_mb() -> float:
    """RSS after glibc has given back the free memory it keeps (``malloc_trim``): what is still
    in use. RSS that only grows before the trim is the allocator's reserve, not a leak."""
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_mb()


def counts() -> dict[str, float]:
    """What must stay flat: RSS (MB), the kernel's and Python's threads, open descriptors."""
    return {
        "rss_mb": round(rss_mb(), 2),
        "rss_trimmed_mb": round(trimmed_rss_mb(), 2),
        "threads": thread_count(),
        "python_threads": len(threading.enumerate()),
        "fds": fd_count(),
    }


def qt_objects(app: Any) -> Counter[str]:
    """Qt objects by class: every widget, and every QObject under the application or under a
    top-level window (actions, timers, models, documents…)."""
    from PySide6.QtCore import QObject

    found: Counter[str] = Counter(type(w).__name__ for w in app.allWidgets())
    found.update(f"child:{type(o).__name__}" for o in app.findChildren(QObject))
    for window in app.topLevelWidgets():
        found.update(f"child:{type(o).__name__}" for o in window.findChildren(QObject))
    return found


def python_objects() -> Counter[str]:
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects())


def grown(before: Counter[str], after: Counter[str], least: int = 5) -> dict[str, int]:
    """The kinds whose count grew by at least ``least``, most first."""
    rows = {kind: after[kind] - before[kind] for kind in after}
    return dict(sorted(((k, n) for k, n in rows.items() if n >= least), key=lambda r: -r[1]))


class Loader:
    """Drives the loads from the event loop (deferred deletes run as in the app)."""

    def __init__(self, app: Any, window: Any, songs: list[Path], lesson: Path, loads: int) -> None:
        self.app = app
        self.window = window
        self._leave_lesson: Any = None  # the lesson played by the last load, left at the next
        self.songs = songs
        self.lesson = lesson
        self.loads = loads
        self.done = 0
        self.failures: list[str] = []
        self.samples: list[dict[str, float]] = []
        self.load_ms: list[float] = []
        self.diagnosis: dict[str, Any] = {}
        self._started = 0.0
        self._waited_ms = 0

    def next(self) -> None:
        """Open the next song (or lesson item), then wait for it to play."""
        from PySide6.QtCore import QTimer

        if self.done == 0:
            self.samples.append({"loads": 0, **counts()})
        if self.done == WARM_UP and self.diagnosis.get("on"):
            self.diagnosis.update(
                python=python_objects(),
                qt=qt_objects(self.app),
                snapshot=tracemalloc.take_snapshot(),
                traced_mb=tracemalloc.get_traced_memory()[0] / 2**20,
            )
        if self.done >= self.loads:
            self.app.quit()
            return
        self._started = time.perf_counter()
        self._waited_ms = 0
        try:
            if self.done % LESSON_EVERY == LESSON_EVERY - 1:
                self._lesson_item()
            else:
                self._song(self.songs[self.done % len(self.songs)])
        except Exception as error:
            self.failures.append(f"load {self.done}: {type(error).__name__}: {error}")
        self.done += 1
        QTimer.singleShot(0, self._wait_playing)

    def _song(self, path: Path) -> None:
        from karaoke.core.package import open_song

        self.window.load(open_song(path))

    def _lesson_item(self) -> None:
        """A lesson opened (its first item shows), then its next item: one switch, as in class."""
        from karaoke.app.lesson_songs import open_lesson
        from karaoke.ui.player.lesson_player import LessonPlayer

        player = LessonPlayer(self.window, open_lesson(self.lesson))
        player.start(0)
        # The next item's player is made from the event loop; make it now, as a class would
        # have after a few seconds of the first item.
        player.run._prepare_next()
        player.run.next_item()
        # Opening the next plain song leaves the lesson, as File ▸ Open does.
        self._leave_lesson = player

    def _wait_playing(self) -> None:
        from PySide6.QtCore import QTimer

        from karaoke.player.base import State

        session = self.window.session
        if session is not None and session.player.state() == State.PLAYING:
            self.load_ms.append((time.perf_counter() - self._started) * 1000)
            player = self._leave_lesson
            if player is not None:
                player.end()
                player.deleteLater()
                self._leave_lesson = None
            if self.done % SAMPLE_EVERY == 0 or self.done in (1, self.loads):
                QTimer.singleShot(SETTLE_MS, self._sample_then_next)
            else:
                QTimer.singleShot(0, self.next)
            return
        self._waited_ms += 10
        if self._waited_ms > PLAY_TIMEOUT_MS:
            self.failures.append(f"load {self.done}: not playing after {PLAY_TIMEOUT_MS} ms")
            QTimer.singleShot(0, self.next)
            return
        QTimer.singleShot(10, self._wait_playing)

    def _sample_then_next(self) -> None:
        self.samples.append({"loads": self.done, **counts()})
        self.next()


def diagnose(loader: Loader, app: Any) -> dict[str, Any]:
    """What grew from the warm-up to the end: Python objects, Qt objects, allocation sites."""
    before = loader.diagnosis
    if "snapshot" not in before:
        return {}
    sites = tracemalloc.take_snapshot().compare_to(before["snapshot"], "lineno")
    return {
        "python_objects_grown": grown(before["python"], python_objects()),
        "qt_objects_grown": grown(before["qt"], qt_objects(app), least=1),
        "allocation_sites_grown": [str(stat) for stat in sites[:15]],
        "python_heap_growth_mb": round(
            tracemalloc.get_traced_memory()[0] / 2**20 - before["traced_mb"], 2
        ),
    }


def main(loads: int, diagnosis: bool = False) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from karaoke.app.players import player_factory
    from karaoke.app.settings import Settings
    from karaoke.resources import bundled_song
    from karaoke.ui.player.main_window import MainWindow

    if diagnosis:
        tracemalloc.start(5)
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="karaoke-loads-"))
    songs = [bundled_song(), write_song(folder, "tone-a", 440), write_song(folder, "tone-b", 660)]
    lesson = write_lesson(folder, songs[0], songs[1])
    before = counts()
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(player_factory(("--aout=dummy", "--vout=dummy")), settings)
    window.show()
    loader = Loader(app, window, songs, lesson, loads)
    loader.diagnosis["on"] = diagnosis
    QTimer.singleShot(0, loader.next)
    app.exec()
    found = diagnose(loader, app) if diagnosis else {}
    window.close()
    return summary(loader, before, found)


def trend(samples: list[dict[str, float]], key: str) -> float:
    """MB per 1,000 loads: the slope of the least-squares line through ``samples``' ``key``."""
    if len(samples) < 2:
        return float("nan")
    fit = statistics.linear_regression([s["loads"] for s in samples], [s[key] for s in samples])
    return round(fit.slope * 1000, 2)


def summary(loader: Loader, before: dict[str, float], found: dict[str, Any]) -> dict[str, Any]:
    samples = loader.samples
    warm = next((s for s in samples if s["loads"] >= WARM_UP), samples[0])
    end = samples[-1]
    times = sorted(loader.load_ms)
    warmed = [s for s in samples if s["loads"] >= warm["loads"]]
    return {
        "loads": loader.done,
        "before_window": before,
        "after_first_load": samples[1] if len(samples) > 1 else end,  # libvlc started
        "after_warmup": warm,
        "end": end,
        "rss_growth_after_warmup_mb": round(end["rss_mb"] - warm["rss_mb"], 2),
        "rss_max_after_warmup_mb": max(s["rss_mb"] for s in warmed),
        "rss_min_after_warmup_mb": min(s["rss_mb"] for s in warmed),
        # The trend through every sample after the warm-up (least squares), single samples vary.
        "rss_trend_mb_per_1000_loads": trend(warmed, "rss_mb"),
        "rss_trimmed_trend_mb_per_1000_loads": trend(warmed, "rss_trimmed_mb"),
        "rss_trimmed_growth_after_warmup_mb": round(
            end["rss_trimmed_mb"] - warm["rss_trimmed_mb"], 2
        ),
        "load_to_playing_ms_median": round(times[len(times) // 2], 1) if times else None,
        "samples": samples,
        "failures": loader.failures,
        **found,
    }


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(json.dumps(main(int(arguments[0]) if arguments else 1000, "--diagnose" in sys.argv)))
