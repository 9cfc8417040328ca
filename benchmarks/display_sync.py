"""End-to-end sync on a real (virtual) display: the lit lyric against the video frame on screen.

What is compared is the lit part of the lyric and the video frame on screen at the same instant.

    .venv/bin/python -m benchmarks.display_sync [--captures N] [--seeks N] [--resumes N]
        [--probe] [--no-seek-hold] [--frame-ms MS] [--json PATH]

The benchmark makes a 50 fps test video whose frames show their own number in black and white
cells, and an enhanced LRC whose lines wipe 20 blocks at 100 ms each
(:mod:`benchmarks.display_sync_decode`). The real ``karaoke`` command plays them under Xvfb
(Qt on xcb, libvlc drawing into the embedded video widget) while this process takes captures of
the screen, each one X request (:mod:`benchmarks.display_sync_x`), at random moments. For each
capture: the frame number gives the video's time on screen (the middle of the frame's 20 ms),
the wipe's edge gives the lyric's time, and **error = lyric time − video time** (positive: the
lyric is ahead). Captures are made in the first 2.5 s of playback, then at 1×, then after each of a
series of seeks (← and → keys, 5 s) and of resumes (space, half a second paused, space), from
0.1 s to 2.5 s after the key. The capture's own latency does not
enter: both times are read from the same image.

Needs Xvfb, xdotool, ffmpeg (with libx264), numpy and python-xlib
(``.venv/bin/pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks import display_sync_decode as decode
from benchmarks import display_sync_probe as probe_log
from benchmarks import display_sync_x as x
from benchmarks.stats import percentile
from benchmarks.xdisplay import Screen, Xvfb

VIDEO_S = 80  # under 2**12 frames at 50 fps, so a frame number is never ambiguous
VIDEO_SIZE = (640, 360)
RELOCATE_AFTER = 3  # undecodable captures in a row before the video and lyric are found again
PAUSED_S = 0.5  # a pause lasts this long before the resume
SETTLE_S = 0.1  # captures after a seek or resume start this long after the key press
AFTER_SEEK_S = 2.5  # … and go on this long
SINCE_EVENT_BUCKETS = ((0.0, 0.6), (0.6, 1.2), (1.2, AFTER_SEEK_S))
SEEK_KEYS = ("Left", "Left", "Right")  # net -5 s per three seeks, so the song never ends


@dataclass
class Capture:
    phase: str
    at_s: float  # monotonic, middle of the GetImage
    since_event_s: float | None
    frame: int
    video_ms: float
    fraction: float
    error_ms: float
    capture_ms: float  # how long the GetImage took (request, copy and reply)


def make_media(folder: Path) -> tuple[Path, Path]:
    """The test video (with a quiet tone as its sound, as a song has) and its LRC."""
    video, lyrics = folder / "sync-test.mp4", folder / "sync-test.lrc"
    width, height = VIDEO_SIZE
    encoder = subprocess.Popen(
        [
            "ffmpeg", "-v", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}",
            "-r", str(decode.FPS), "-i", "-",
            "-f", "lavfi", "-i", f"sine=frequency=440:duration={VIDEO_S}",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "12", "-g", str(decode.FPS),
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-af", "volume=0.05",
            "-shortest", str(video),
        ],
        stdin=subprocess.PIPE,
    )  # fmt: skip
    assert encoder.stdin is not None
    for number in range(VIDEO_S * decode.FPS):
        encoder.stdin.write(decode.video_frame(number, width, height).tobytes())
    encoder.stdin.close()
    if encoder.wait() != 0:
        raise SystemExit("display_sync: ffmpeg could not make the test video")
    lyrics.write_text(decode.lrc_text(VIDEO_S * 1000 // decode.LINE_MS), encoding="utf-8")
    return video, lyrics


class Run:
    """The app playing the test media on a virtual screen, and the captures taken of it."""

    def __init__(
        self, screen: Screen, display: str, app: subprocess.Popen, server_pid: int
    ) -> None:
        from karaoke.ui.shared.theme import DEFAULT_THEME, THEMES

        theme = THEMES[DEFAULT_THEME]
        self.sung, self.unsung = theme.sung, theme.unsung
        self.screen, self.display, self.app = screen, display, app
        self.area: decode.Rect | None = None
        self.video: decode.Rect | None = None
        self.lyric: decode.Rect | None = None
        self.captures: list[Capture] = []
        self.undecodable: dict[str, int] = {}
        self._failures = 0  # undecodable captures in a row
        self.shown_at = 0.0  # monotonic s when the video and the lyric were first found
        self.pids = [app.pid, server_pid]
        self.cpu_percent = [float("nan"), float("nan")]  # app, X server: % of a core at 1×

    def locate(self) -> bool:
        """Find the video and the current line on a whole-screen capture; True once both show."""
        image = x.capture(self.screen)
        try:
            video = decode.find_video(image)
            decode.frame_number(image, video)
            lyric = decode.find_lyric(image, self.sung, self.unsung)
        except decode.Undecodable:
            return False
        self.shown_at = self.shown_at or time.monotonic()
        # From now on only the part of the screen that holds both (still one request).
        margin = 8
        area = video.union(lyric)
        self.area = decode.Rect(
            max(0, area.x - margin), max(0, area.y - margin), area.w + 2 * margin,
            area.h + 2 * margin,
        )  # fmt: skip
        self.video = decode.Rect(video.x - self.area.x, video.y - self.area.y, video.w, video.h)
        self.lyric = decode.Rect(lyric.x - self.area.x, lyric.y - self.area.y, lyric.w, lyric.h)
        return True

    def take(self, phase: str, since_event_s: float | None) -> None:
        assert self.video is not None and self.lyric is not None
        before = time.monotonic()
        image = x.capture(self.screen, self.area)
        after = time.monotonic()
        at = (before + after) / 2
        try:
            number = decode.frame_number(image, self.video)
            fraction = decode.lit_fraction(image, self.lyric, self.sung, self.unsung)
        except decode.Undecodable as why:
            self.undecodable[str(why)] = self.undecodable.get(str(why), 0) + 1
            self._failures += 1
            if self._failures >= RELOCATE_AFTER:  # the window moved or was laid out again
                self._failures = 0
                self.locate()
            return
        self._failures = 0
        video_ms = decode.video_ms(number)
        error = decode.lyric_error_ms(fraction, video_ms)
        self.captures.append(
            Capture(
                phase, at, since_event_s, number, video_ms, fraction, error, 1000 * (after - before)
            )
        )

    def start(self) -> None:
        """The first seconds of playback, from when the video first showed (within 0.1 s)."""
        self._after("at the start", self.shown_at, settle_s=0.0)

    def steady(self, count: int) -> None:
        """``count`` captures at 1×, and the CPU the app and the X server used meanwhile."""
        started, cpu = time.monotonic(), [cpu_seconds(pid) for pid in self.pids]
        self._steady(count)
        wall = time.monotonic() - started
        self.cpu_percent = [
            100 * (cpu_seconds(pid) - before) / wall
            for pid, before in zip(self.pids, cpu, strict=True)
        ]

    def _steady(self, count: int) -> None:
        deadline = time.monotonic() + VIDEO_S / 2
        while sum(c.phase == "1×" for c in self.captures) < count:
            if time.monotonic() > deadline:
                raise SystemExit(f"display_sync: captures not read: {self.undecodable}")
            self.take("1×", None)
            time.sleep(random.uniform(0.05, 0.15))

    def seeks(self, seeks: int, window: str) -> None:
        for n in range(seeks):
            x.send_key(self.display, window, SEEK_KEYS[n % len(SEEK_KEYS)])
            self._after("after seeks", time.monotonic())

    def resumes(self, resumes: int, window: str) -> None:
        """Pause (space), wait, play again (space), and capture after each."""
        for _ in range(resumes):
            x.send_key(self.display, window, "space")
            time.sleep(PAUSED_S)
            x.send_key(self.display, window, "space")
            self._after("after resumes", time.monotonic())

    def _after(self, phase: str, pressed: float, settle_s: float = SETTLE_S) -> None:
        time.sleep(settle_s)
        while (since := time.monotonic() - pressed) < AFTER_SEEK_S:
            self.take(phase, since)
            time.sleep(random.uniform(0.05, 0.15))


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds process ``pid`` has used (``/proc/PID/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summarise(errors: list[float]) -> dict:
    magnitudes = [abs(e) for e in errors]
    return {
        "captures": len(errors),
        "p50_ms": percentile(magnitudes, 0.50),
        "p95_ms": percentile(magnitudes, 0.95),
        "max_ms": max(magnitudes, default=float("nan")),
        "mean_signed_ms": sum(errors) / len(errors) if errors else float("nan"),
        "median_signed_ms": percentile(errors, 0.50),
    }


def measure(
    captures: int = 150,
    seeks: int = 30,
    vlc_args: str = "",
    probe: bool = False,
    seek_hold: bool = True,
    resumes: int = 10,
    frame_ms: int | None = None,
) -> dict:
    """Play the test media in the real app under Xvfb and measure; the results as a dict.
    With ``probe`` the app logs its clock, paints and libvlc's times
    (:mod:`benchmarks.display_sync_probe`) and the error is split into its parts; without
    ``seek_hold`` (implies ``probe``) its clock does not hold after a seek (as before it did);
    ``frame_ms`` (implies ``probe``) sets its frame tick."""
    probe = probe or not seek_hold or frame_ms is not None
    with x.temporary_home() as folder, Xvfb() as server:
        home = Path(folder)
        video, lyrics = make_media(home)
        display = server.display
        screen = Screen(display)
        env = x.app_environment(display, home)
        if vlc_args:
            env["KARAOKE_VLC_ARGS"] = vlc_args
        log = (home / "app.log").open("w")
        log_path = home / "probe.log"
        command = ["-m", "karaoke"]
        if probe:
            hold = [] if seek_hold else ["--no-seek-hold"]
            tick = [] if frame_ms is None else ["--frame-ms", str(frame_ms)]
            command = ["-m", "benchmarks.display_sync_probe", str(log_path), *hold, *tick, "--"]
        app = subprocess.Popen(
            [sys.executable, *command, str(video), "--lyrics", str(lyrics)],
            env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        assert server.process is not None
        run = Run(screen, display, app, server.process.pid)
        try:
            if not x.wait_for(run.locate, 20):
                raise SystemExit(f"display_sync: no video and lyric on screen; see {log.name}")
            run.start()
            windows = x.app_windows(app.pid, display)
            run.steady(captures)
            run.seeks(seeks, windows[0])
            run.resumes(resumes, windows[0])
        finally:
            app.terminate()
            try:
                app.wait(5)
            except subprocess.TimeoutExpired:
                app.kill()
            screen.close()
        results = report_dict(run, vlc_args) | {"seek_hold": seek_hold, "frame_ms": frame_ms}
        if probe:
            events = probe_log.read_log(str(log_path))
            results["parts"] = parts(run, events)
            results["probe_events"] = events
    return results


def parts(run: Run, events: dict) -> dict:
    """The error split into its parts (:func:`probe_log.decompose`), at 1× and after seeks
    (each stretch between two seeks on its own libvlc line, fitted from 0.3 s after the seek)."""
    steady = [asdict(c) for c in run.captures if c.phase == "1×"]
    result = {}
    if steady:
        result["1×"] = probe_log.decompose(
            steady, events, steady[0]["at_s"] - 1.0, steady[-1]["at_s"] + 0.01
        )
    seeks = [t for t, _ in events.get("seek", [])]
    pooled: dict[str, list[float]] = {}
    for start, end in zip(seeks, [*seeks[1:], float("inf")][: len(seeks)], strict=True):
        stretch = [
            asdict(c) for c in run.captures if c.phase == "after seeks" and start < c.at_s < end
        ]
        for name, values in probe_log.decompose_values(stretch, events, start + 0.3, end).items():
            pooled.setdefault(name, []).extend(values)
    result["after seeks"] = probe_log.summarise_parts(pooled)
    return result


def report_dict(run: Run, vlc_args: str) -> dict:
    phases = {}
    for phase in ("at the start", "1×", "after seeks", "after resumes"):
        errors = [c.error_ms for c in run.captures if c.phase == phase]
        phases[phase] = summarise(errors)
        for low, high in SINCE_EVENT_BUCKETS if phase != "1×" else ():
            errors = [
                c.error_ms
                for c in run.captures
                if c.phase == phase and c.since_event_s is not None
                and low <= c.since_event_s < high
            ]  # fmt: skip
            phases[f"  {low:g}–{high:g} s {phase}"] = summarise(errors)
    return {
        "phases": phases,
        "undecodable": run.undecodable,
        "cpu_percent_at_1x": {"app": run.cpu_percent[0], "x_server": run.cpu_percent[1]},
        "capture_ms": {
            "p50": percentile([c.capture_ms for c in run.captures], 0.5),
            "max": max((c.capture_ms for c in run.captures), default=float("nan")),
        },
        "video_on_screen": asdict(run.video) if run.video else None,
        "lyric_on_screen": asdict(run.lyric) if run.lyric else None,
        "vlc_args": vlc_args,
        "captures": [asdict(c) for c in run.captures],
    }


def report(results: dict) -> None:
    print(
        f"{'end-to-end sync (lyric − video)':<34}{'n':>5}{'p50':>8}{'p95':>8}{'max':>8}{'mean':>9}"
    )
    for name, phase in results["phases"].items():
        print(
            f"{name:<34}{phase['captures']:>5}{phase['p50_ms']:>8.1f}{phase['p95_ms']:>8.1f}"
            f"{phase['max_ms']:>8.1f}{phase['mean_signed_ms']:>+9.1f}"
        )
    print("goal: |error| p95 ≤ 20 ms, max ≤ 40 ms (ms; mean is signed: + lyric ahead)")
    for phase, split in results.get("parts", {}).items():
        for name, part in split.items():
            print(
                f"  {phase}, {name:<28}{part['samples']:>5}{part['p50_ms']:>8.1f}"
                f"{part['p95_ms']:>8.1f}{part['max_ms']:>8.1f}{part['mean_signed_ms']:>+9.1f}"
            )
    cpu = results["cpu_percent_at_1x"]
    print(f"CPU at 1× (% of a core): app {cpu['app']:.1f}, X server {cpu['x_server']:.1f}")
    taken = results["capture_ms"]
    print(
        f"a capture (one GetImage) took {taken['p50']:.1f} ms (median), {taken['max']:.1f} at most"
    )
    if results["undecodable"]:
        print(f"captures not read: {results['undecodable']}")


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.display_sync", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--captures", type=int, default=150, help="at 1× (default 150)")
    parser.add_argument("--seeks", type=int, default=30, help="default 30 (~8 captures each)")
    parser.add_argument("--vlc-args", default="", help="extra libvlc arguments for the app")
    parser.add_argument("--resumes", type=int, default=10, help="pause and play again (10)")
    parser.add_argument(
        "--probe", action="store_true", help="also log inside the app and split the error"
    )
    parser.add_argument(
        "--no-seek-hold",
        action="store_true",
        help="the clock without its hold after seeks (as before), for comparison",
    )
    parser.add_argument("--frame-ms", type=int, help="the app's frame tick, to try (16 ms)")
    parser.add_argument("--json", type=Path, default=Path("benchmarks/results/display_sync.json"))
    args = parser.parse_args()
    results = measure(
        args.captures,
        args.seeks,
        args.vlc_args,
        probe=args.probe,
        seek_hold=not args.no_seek_hold,
        resumes=args.resumes,
        frame_ms=args.frame_ms,
    )
    report(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"JSON: {args.json}")


if __name__ == "__main__":
    main()
