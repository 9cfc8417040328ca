"""Sync accuracy: how far the position the UI shows is from the media clock, for the app's
smooth clock and for plain ``get_time()`` polling, side by side, on real libvlc playback.

Ground truth: libvlc's own time updates, recorded with their monotonic time *in the libvlc
callback*, and the least-squares line through them over the steady part of each phase. At every
UI tick (the app's 16 ms frame timer) both positions are compared with that line.

Phases: steady play at 1×; after a seek; after pause and resume; at 0.5×; at 1.5×. For each:
p50/p95/p99/max error, backward steps, and how long until the error is back under 8 ms (and
under one 60 Hz frame, 16.7 ms) after the phase's event.
"""

from __future__ import annotations

import itertools
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.stats import line_fit, summary

STEADY_AFTER_S = 1.0  # the line is fitted on updates from this long after a phase's event
GOOD_MS = 8.0
FRAME_MS = 1000 / 60


@dataclass
class Phase:
    name: str
    start: float  # monotonic s of the event (seek, resume, rate change)
    rate: float
    updates: list[tuple[float, float]] = field(default_factory=list)  # (monotonic s, player ms)
    samples: list[tuple[float, float, float]] = field(default_factory=list)  # (s, clock ms, raw ms)


def measure(media: Path, phase_s: float = 8.0) -> dict:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from karaoke.app.session import PlaybackSession
    from karaoke.core.clock import PlaybackClock
    from karaoke.core.package import open_song
    from karaoke.player.vlc_player import VlcPlayer, _Event, load_libvlc
    from karaoke.resources import bundled_song

    # A QApplication (offscreen), not a bare QCoreApplication: the library benchmark, later in
    # the same process (python -m benchmarks), makes widgets, which a QCoreApplication forbids.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QCoreApplication.instance() or QApplication([])
    instance, reason = load_libvlc(("--aout=dummy", "--vout=dummy"))
    if instance is None:
        raise SystemExit(f"libvlc: {reason}")
    song = open_song(bundled_song()).song
    phases: list[Phase] = []
    current: list[Phase] = []

    # Recorded on libvlc's thread: a list append, no libvlc call (libvlc is not re-entrant).
    # Recorded on libvlc's thread, inside the adapter's own callback (a second python-vlc
    # attachment for the same event would replace the adapter's): a list append, no libvlc call.
    # libvlc sends TimeChanged in bursts that repeat a time; only a new time is an update.
    adapter_callback = VlcPlayer._on_libvlc_event

    def recording_callback(self, event, kind) -> None:
        if current and kind is _Event.TIME:
            updates = current[0].updates
            new_time = float(event.u.new_time)
            if not updates or updates[-1][1] != new_time:
                updates.append((time.monotonic(), new_time))
        adapter_callback(self, event, kind)

    VlcPlayer._on_libvlc_event = recording_callback
    player = VlcPlayer(instance)
    VlcPlayer._on_libvlc_event = adapter_callback
    session = PlaybackSession(song, player, PlaybackClock())

    def on_frame(position_ms: int) -> None:
        if current and session.playing:
            current[0].samples.append(
                (time.monotonic(), float(position_ms), float(player.position_ms()))
            )

    session.position_changed.connect(on_frame)

    def begin(name: str, rate: float) -> None:
        phase = Phase(name, time.monotonic(), rate)
        phases.append(phase)
        current[:] = [phase]

    def step0() -> None:
        # Start where the singing starts: between lines the UI ticks only 4 times a second.
        session.seek(song.lines[0].start_ms - 500)
        begin("steady 1×", 1.0)
        session.play()

    def step1() -> None:
        begin("after a seek", 1.0)
        session.seek(60_000)

    def step2() -> None:
        session.pause()
        current.clear()
        QTimer.singleShot(1000, resume)

    def resume() -> None:
        begin("after pause/resume", 1.0)
        session.play()

    def step3() -> None:
        begin("at 0.5×", 0.5)
        session.set_rate(0.5)

    def step4() -> None:
        begin("at 1.5×", 1.5)
        session.set_rate(1.5)

    def finish() -> None:
        current.clear()
        session.close()
        app.quit()

    ms = int(phase_s * 1000)
    plan = [
        (0, step0),
        (ms, step1),
        (2 * ms, step2),
        (3 * ms + 1000, step3),
        (4 * ms + 1000, step4),
        (5 * ms + 1000, finish),
    ]
    for at, step in plan:
        QTimer.singleShot(at, step)
    app.exec()
    return {phase.name: analyse(phase) for phase in phases}


def analyse(phase: Phase) -> dict:
    steady = [(t, p) for t, p in phase.updates if t >= phase.start + STEADY_AFTER_S]
    if len(steady) < 3:
        return {"error": f"only {len(steady)} steady updates"}
    intercept, slope = line_fit([(t - phase.start, p) for t, p in steady])

    def truth(t: float) -> float:
        return intercept + slope * (t - phase.start)

    steady_samples = [s for s in phase.samples if s[0] >= phase.start + STEADY_AFTER_S]
    clock_errors = [c - truth(t) for t, c, _ in steady_samples]
    raw_errors = [r - truth(t) for t, _, r in steady_samples]
    update_gaps = [b[0] - a[0] for a, b in zip(phase.updates, phase.updates[1:], strict=False)]
    return {
        "rate": phase.rate,
        "fitted_rate": slope / 1000,
        "updates": len(phase.updates),
        "median_update_gap_ms": 1000 * sorted(update_gaps)[len(update_gaps) // 2]
        if update_gaps
        else None,
        "clock": summary(clock_errors)
        | {
            "backward_steps": _backward(phase.samples, 1),
            "mean_signed_ms": sum(clock_errors) / len(clock_errors),
        },
        "get_time": summary(raw_errors) | {"backward_steps": _backward(phase.samples, 2)},
        "clock_recovery_ms": {
            "under_8ms": _recovery(phase, truth, GOOD_MS),
            "under_frame": _recovery(phase, truth, FRAME_MS),
        },
        "get_time_recovery_ms": {"under_8ms": _recovery(phase, truth, GOOD_MS, column=2)},
    }


def _backward(samples: list[tuple[float, float, float]], column: int) -> int:
    return sum(1 for a, b in itertools.pairwise(samples) if b[column] < a[column])


def _recovery(phase: Phase, truth, limit_ms: float, column: int = 1) -> float | None:
    """ms from the phase's event until the error stays under ``limit_ms`` for good."""
    samples = phase.samples
    last_bad = None
    for sample in samples:
        if abs(sample[column] - truth(sample[0])) >= limit_ms:
            last_bad = sample[0]
    if last_bad is None:
        return 0.0 if samples else None
    following = [s[0] for s in samples if s[0] > last_bad]
    return 1000 * (following[0] - phase.start) if following else None
