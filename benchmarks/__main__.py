"""Every benchmark in one run: a table on stdout and the same numbers as JSON.

    .venv/bin/python -m benchmarks [--quick] [--json PATH] [--soak-minutes M] [--seeks N]
    .venv/bin/python -m benchmarks --real-display [--quick] [--rounds N] [--start-rounds N] [--json PATH]

Not part of the test suite: it measures, it does not pass or fail. The goals are printed beside
each figure; ``docs/performance.md`` keeps the latest numbers and how they were obtained.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from benchmarks import (
    companion_load,
    display_sync,
    engine,
    library,
    playing_cost,
    real_display,
    startup,
    sync_accuracy,
)
from karaoke.resources import bundled_song

MEDIA = bundled_song() / "mi-modelito-sabanero.mp4"


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def soak(minutes: float, seeks: int) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.soak", str(minutes), str(seeks)],
        capture_output=True, text=True, timeout=minutes * 60 + 300,
    )  # fmt: skip
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode != 0 or not lines:
        return {"error": run.stderr[-2000:]}
    return json.loads(lines[-1])


def row(figure: str, value: str, goal: str = "", verdict: bool | None = None) -> None:
    mark = "" if verdict is None else ("ok" if verdict else "MISSED")
    print(f"{figure:<46}{value:>16}  {goal:<24}{mark}")


def report(results: dict) -> None:
    print(f"{'figure':<46}{'value':>16}  {'goal':<24}")
    sync = results["sync"]
    steady = sync["steady 1×"]
    row(
        "sync, steady 1×: app clock p50/p99",
        f"{steady['clock']['p50_ms']:.1f}/{steady['clock']['p99_ms']:.1f} ms",
        "p99 ≤ 8 ms",
        steady["clock"]["p99_ms"] <= 8,
    )
    row("sync, steady 1×: app clock max", f"{steady['clock']['max_ms']:.1f} ms")
    row(
        "sync, steady 1×: get_time() polling p50/p99",
        f"{steady['get_time']['p50_ms']:.0f}/{steady['get_time']['p99_ms']:.0f} ms",
    )
    backward = sum(phase["clock"]["backward_steps"] for phase in sync.values())
    row("sync: app clock backward steps (all phases)", f"{backward}", "0", backward == 0)
    for name, phase in sync.items():
        if name == "steady 1×":
            continue
        clock = phase["clock"]
        row(f"sync, {name}: app clock p99 / max", f"{clock['p99_ms']:.1f}/{clock['max_ms']:.1f} ms")
        recovery = phase["clock_recovery_ms"]
        frame = recovery["under_frame"]
        row(
            f"sync, {name}: back within one frame",
            "never out" if frame == 0 else f"{frame:.0f} ms",
            "≤ 100 ms" if name == "after a seek" else "",
            (frame is not None and frame <= 100) if name == "after a seek" else None,
        )
        under8 = recovery["under_8ms"]
        row(
            f"sync, {name}: back under 8 ms",
            "never out" if under8 == 0 else ("n/a" if under8 is None else f"{under8:.0f} ms"),
        )
    start = results["startup"]
    row(
        "start-up to painted + playing, median",
        f"{start['app_ready_median_ms']:.0f} ms",
        "≤ 800 ms",
        start["app_ready_median_ms"] <= 800,
    )
    row("bare libvlc script to playing, median", f"{start['bare_libvlc_median_ms']:.0f} ms")
    row(
        "start-up ratio app / bare libvlc",
        f"{start['ratio']:.1f}×",
        "≤ 1.5×",
        start["ratio"] <= 1.5,
    )
    for stage, ms in start["stages_median_ms"].items():
        row(f"  stage: {stage}", f"{ms:.0f} ms")
    cost = results["cost"]
    row(
        f"CPU while playing {cost['seconds']:.0f} s: app / bare",
        f"{cost['app']['cpu_percent']:.1f}/{cost['bare_libvlc']['cpu_percent']:.1f} %",
    )
    row(
        "CPU overhead (share of one core)",
        f"{cost['cpu_overhead_percent_of_a_core']:.1f} %",
        "≤ 3 %",
        cost["cpu_overhead_percent_of_a_core"] <= 3,
    )
    row(
        "peak RSS: app / bare",
        f"{cost['app']['peak_rss_mb']:.0f}/{cost['bare_libvlc']['peak_rss_mb']:.0f} MB",
    )
    row(
        "RSS overhead",
        f"{cost['rss_overhead_mb']:.0f} MB",
        "≤ 120 MB",
        cost["rss_overhead_mb"] <= 120,
    )
    soaked = results["soak"]
    if "error" in soaked:
        row("soak", "FAILED", "", False)
    else:
        growth = soaked["rss_growth_after_warmup_mb"]
        row(
            f"soak {soaked['minutes']:g} min, {soaked['seeks']} seeks: RSS growth",
            f"{growth:.1f} MB",
            "≤ 5 MB",
            growth <= 5,
        )
        row("soak failures", f"{len(soaked['failures'])}", "0", not soaked["failures"])
    eng = results["engine"]
    row(
        "10,000-line SRT parse",
        f"{eng['srt_parse_ms']:.0f} ms",
        "< 150 ms",
        eng["srt_parse_ms"] < 150,
    )
    row(
        "10,000-line LRC parse",
        f"{eng['lrc_parse_ms']:.0f} ms",
        "< 150 ms",
        eng["lrc_parse_ms"] < 150,
    )
    row("  same, a stamp on every word (65k words)", f"{eng['enhanced_lrc_parse_ms']:.0f} ms")
    for figure, key in (("ASS, a \\k on every syllable", "ass"), ("UltraStar", "ultrastar")):
        parse = eng[f"{key}_parse_ms"]
        row(f"10,000-line {figure} parse", f"{parse:.0f} ms", "< 300 ms", parse < 300)
    row(
        "timeline lookups",
        f"{eng['lookups_per_s']:,.0f}/s",
        "≥ 1,000,000/s",
        eng["lookups_per_s"] >= 1_000_000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--quick", action="store_true", help="shorter runs (about 2 minutes in all)"
    )
    parser.add_argument(
        "--json", type=Path, help="default benchmarks/results/latest.json (real_display.json)"
    )
    parser.add_argument("--soak-minutes", type=float, help="default 10 (1 with --quick)")
    parser.add_argument("--seeks", type=int, help="default 500 (50 with --quick)")
    parser.add_argument(
        "--real-display",
        action="store_true",
        help="only the real-display benchmarks: the app against VLC on Xvfb (docs/performance.md)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="--real-display rounds (3)")
    parser.add_argument(
        "--start-rounds",
        type=int,
        default=12,
        help="--real-display: more rounds of only starting each player (12; 4 with --quick)",
    )
    args = parser.parse_args()
    quick = args.quick
    if args.real_display:
        results = {
            "when": datetime.now().isoformat(timespec="seconds"),
            "machine": machine(),
            "load_average_before": os.getloadavg(),
            **real_display.measure(
                rounds=args.rounds,
                seconds=8 if quick else 20,
                start_rounds=min(args.start_rounds, 4) if quick else args.start_rounds,
            ),
            # The lit lyric against the video frame on screen (docs/performance.md, section 9).
            "display_sync": display_sync.measure(
                captures=60 if quick else 150, seeks=10 if quick else 30, resumes=3 if quick else 10
            ),
        }
        real_display.report(results)
        display_sync.report(results["display_sync"])
        write_json(results, args.json or Path("benchmarks/results/real_display.json"))
        return
    results = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "sync": sync_accuracy.measure(MEDIA, phase_s=5 if quick else 10),
        "startup": startup.measure(MEDIA, runs=3 if quick else 9),
        "cost": playing_cost.measure(MEDIA, seconds=10 if quick else 30),
        "soak": soak(
            args.soak_minutes or (1 if quick else 10), args.seeks or (50 if quick else 500)
        ),
        "engine": engine.run(),
        # 60 phones through the bundled song (~75 s at 4×, ~50 s at 8×; 1× takes ~3 min).
        "companion": companion_load.measure(phones=60, speed=8 if quick else 4),
        # 500 generated song packages: the index cold, warm and refreshed; the dialog's search.
        "library": library.measure(songs=500, runs=3 if quick else 5),
    }
    report(results)
    companion_load.report_rows(results["companion"], row)
    library.report_rows(results["library"], row)
    write_json(results, args.json or Path("benchmarks/results/latest.json"))


def write_json(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"\nJSON: {path}")


if __name__ == "__main__":
    main()
