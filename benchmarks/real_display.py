"""Real-display benchmark (issue 15): the app against VLC's own player on an X display.

    .venv/bin/python -m benchmarks --real-display [--quick] [--rounds N] [--start-rounds N]

One run starts its own Xvfb (1920×1080×24, a free display number) and plays the bundled song's
video, in alternating rounds (the order rotates each round), with:

- ``app``: ``karaoke`` on the bundled song, Qt on xcb, the video embedded in its window;
- ``vlc-qt``: ``vlc -I qt --sub-file lyrics.srt VIDEO``, the song's SubRip as VLC's subtitles;
- ``cvlc``: ``cvlc VIDEO`` (no interface, no subtitles): the floor;
- ``qt-floor``: PySide6 and python-vlc, one widget, nothing else: the floor of a Python app;
- ``lyrics-only``: ``karaoke lyrics.srt``, the lyrics window without video, for reference.

All players get ``--aout=dummy`` (the app through ``KARAOKE_VLC_ARGS``): Xvfb machines have no
sound card, and the same sink for all keeps the comparison fair. VLC is drawn at the app's video
size: a first, unmeasured run of the app finds where its video is drawn on the screen
(:func:`benchmarks.display_tools.video_extent`), and VLC gets the ``--zoom`` that gives the same
pixel size (:func:`benchmarks.display_tools.vlc_zoom_for`); a first run of each VLC checks it.
VLC refuses to run as root: as root the players run as an unprivileged user (created if missing)
on a copy of the video in a folder it can read; Xvfb runs with ``-ac`` so it may connect.

Per run: the time from spawn to its first top-level window mapped (an X MapNotify event read as it
comes), to the first video frame on screen (three rows of the video's area grabbed every 10 ms
and compared with the video's first second of frames, decoded by ffmpeg at that size), then CPU
(% of one core, utime+stime of the process tree, children included) over a fixed window once
playing has settled, the X server's CPU over the same window, and peak RSS (VmHWM, summed over
the tree). Then ``--start-rounds`` more rounds (12 by default) of only starting each video player,
stopped at its first frame: start-up times vary the most from run to run, and a start alone
takes a second or two. Medians over the rounds (the start-up times over both kinds); ratios
app / VLC Qt (the goals) and app / cvlc.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks import display_tools as tools
from benchmarks.display_tools import Rect
from benchmarks.xdisplay import Frame, Screen, Xvfb
from karaoke.player.vlc_instance import DEFAULT_VLC_ARGS
from karaoke.resources import bundled_song

PLAYERS = ("app", "vlc-qt", "cvlc", "qt-floor", "lyrics-only")
VIDEO_PLAYERS = ("app", "vlc-qt", "cvlc", "qt-floor")
#: ``qt-floor``: the least a Python app on the same stack can be: PySide6, one widget of the
#: video's size, python-vlc drawing into it with the app's libvlc options, nothing else.
#: The window is shown (and mapped: processEvents flushes it) before libvlc is loaded.
QT_FLOOR = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
video = QWidget()
video.setFixedSize(int(sys.argv[2]), int(sys.argv[3]))
video.show()
app.processEvents()
import vlc
instance = vlc.Instance(sys.argv[4:])
player = instance.media_player_new()
player.set_xwindow(int(video.winId()))
player.set_media(instance.media_new(sys.argv[1]))
player.play()
app.exec()
"""
#: The goals of issue 15, as the highest ratio app / VLC Qt allowed.
GOALS = {"cpu_percent": 1.0, "peak_rss_mb": 1.15, "mapped_ms": 1.2, "first_frame_ms": 1.2}
#: The figures a start alone measures (``start_rounds``).
START_FIGURES = ("mapped_ms", "first_frame_ms")
FIGURES = {
    "cpu_percent": "CPU while playing (% of one core)",
    "peak_rss_mb": "peak RSS (MiB)",
    "mapped_ms": "spawn to window mapped (ms)",
    "first_frame_ms": "spawn to first video frame (ms)",
    "x_server_cpu_percent": "X server CPU meanwhile (% of one core)",
}
NATIVE = (640, 360)  # the demo video's size
REFERENCE_FRAMES = 10  # its first second (10 fps)
POLL_S = 0.010
START_TIMEOUT_S = 30.0
DEFAULT_USER = "karaoke-bench"
#: No session bus for any player: VLC would otherwise spawn dbus-launch, which fails here.
NO_BUS = "unix:path=/nonexistent/karaoke-bench-bus"


@dataclass
class Setup:
    """What every run needs: the display, the media, who runs VLC, where each video shows."""

    xvfb: Xvfb
    screen: Screen
    work: Path  # a temporary folder: the media copy, homes, settings
    user: str | None  # None: run VLC as ourselves (we are not root)
    video: Path
    subtitles: Path
    zoom: float = 1.0
    rects: dict[str, Rect] = field(default_factory=dict)
    references: dict[str, list[list[tuple[int, int, int]]]] = field(default_factory=dict)


def _give(path: Path, user: str | None) -> Path:
    """Make ``path`` (a folder we made) the user's, so VLC may write its settings there."""
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(path, entry.pw_uid, entry.pw_gid)
    return path


def prepare(xvfb: Xvfb, screen: Screen, user: str | None) -> Setup:
    """A readable copy of the bundled video and its SubRip for VLC's user."""
    work = Path(tempfile.mkdtemp(prefix="karaoke-real-display-"))
    work.chmod(0o755)
    song = bundled_song()
    media = work / "media"
    media.mkdir(mode=0o755)
    for name in ("mi-modelito-sabanero.mp4", "lyrics.srt"):
        shutil.copyfile(song / name, media / name)
        (media / name).chmod(0o644)
    for folder in ("vlc-home", "vlc-home/cache", "app-data", "app-cache"):
        (work / folder).mkdir(mode=0o755)
    _give(work / "vlc-home", user)
    _give(work / "vlc-home/cache", user)
    return Setup(xvfb, screen, work, user, media / "mi-modelito-sabanero.mp4", media / "lyrics.srt")


def command(player: str, setup: Setup) -> list[str]:
    zoom = f"--zoom={setup.zoom:.4f}"
    vlc_common = ["--aout=dummy", "--no-video-title-show", zoom]
    if player == "vlc-qt":
        return ["vlc", "-I", "qt", "--no-qt-privacy-ask", *vlc_common,
                "--sub-file", str(setup.subtitles), str(setup.video)]  # fmt: skip
    if player == "cvlc":
        return ["cvlc", *vlc_common, str(setup.video)]
    if player == "qt-floor":
        app = setup.rects["app"]
        return [sys.executable, "-c", QT_FLOOR, str(setup.video), str(app.width),
                str(app.height), *DEFAULT_VLC_ARGS, "--aout=dummy"]  # fmt: skip
    lyrics_only = [str(bundled_song() / "lyrics.srt")] if player == "lyrics-only" else []
    return [sys.executable, "-m", "karaoke", *lyrics_only]


def environment(player: str, setup: Setup, settings: Path) -> dict[str, str]:
    """The player's environment: the display, no session bus, fresh settings (``settings``)
    with caches kept across runs, as for a user who has run it before but not changed it."""
    env = setup.xvfb.env()
    env["DBUS_SESSION_BUS_ADDRESS"] = NO_BUS
    env["XDG_CONFIG_HOME"] = str(settings)
    if player in ("vlc-qt", "cvlc"):
        env["HOME"] = str(setup.work / "vlc-home")
        env["XDG_CACHE_HOME"] = str(setup.work / "vlc-home/cache")
        env.pop("XDG_DATA_HOME", None)
    else:
        env["QT_QPA_PLATFORM"] = "xcb"
        env["KARAOKE_VLC_ARGS"] = "--aout=dummy"
        env["KARAOKE_TIMINGS"] = "1"  # its start-up stages on stderr (karaoke/timings.py)
        # Bytecode cached as an installed app has it (the first, unmeasured run writes it): a
        # shell with PYTHONDONTWRITEBYTECODE=1 would have every start compile the app again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(setup.work / "app-cache/bytecode")
        env["XDG_DATA_HOME"] = str(setup.work / "app-data")
        env["XDG_CACHE_HOME"] = str(setup.work / "app-cache")
    return env


@dataclass
class Started:
    process: subprocess.Popen[bytes]
    spawned: float  # time.monotonic() just before the spawn
    settings: Path


def spawn(player: str, setup: Setup) -> Started:
    vlc = player in ("vlc-qt", "cvlc")
    settings = Path(tempfile.mkdtemp(dir=setup.work, prefix=f"{player}-settings-"))
    settings.chmod(0o755)
    as_user = setup.user if vlc else None
    _give(settings, as_user)
    env = environment(player, setup, settings)
    setup.screen.watch_maps()
    spawned = time.monotonic()
    # Popen's user= switches user in the child before exec: the measured PID is the player's
    # own (runuser would stand between).
    with (settings / "stderr.txt").open("wb") as stderr:
        process = subprocess.Popen(
            command(player, setup), env=env, cwd=setup.work,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr,
            user=as_user, group=as_user, extra_groups=[] if as_user else None,
        )  # fmt: skip
    return Started(process, spawned, settings)


def stop(started: Started) -> None:
    process = started.process
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    shutil.rmtree(started.settings, ignore_errors=True)


def _rows(screen: Screen, rect: Rect, rows: Sequence[int]) -> list[Frame]:
    return [screen.grab(rect.x, rect.y + y, rect.width, 1) for y in rows]


def watch_start(player: str, setup: Setup, started: Started) -> tuple[float, float | None]:
    """ms from spawn to the first top-level window of at least 100×100 mapped, and (for a video
    player with a known video area) to the first frame of the video seen there."""
    screen, process = setup.screen, started.process
    rect = setup.rects.get(player)
    references = setup.references.get(player, [])
    rows = tools.sample_rows(rect.height) if rect else []
    mapped: float | None = None
    first: float | None = None
    last = b""
    deadline = started.spawned + START_TIMEOUT_S
    while mapped is None or (rect is not None and first is None):
        if time.monotonic() > deadline or process.poll() is not None:
            raise RuntimeError(f"{player}: no window or no video within {START_TIMEOUT_S:.0f} s")
        for window in screen.read_maps(POLL_S):
            owner = screen.pid(window.window)
            big = window.width >= 100 and window.height >= 100
            if mapped is None and big and owner in (None, process.pid):
                mapped = (window.at - started.spawned) * 1000
        if rect is not None and first is None:
            grabbed_at = time.monotonic()
            grabs = _rows(screen, rect, rows)
            data = b"".join(grab.data for grab in grabs)
            if data != last:  # unchanged pixels cannot have become the video
                last = data
                seen = [p for grab in grabs for p in grab.row(0, tools.SAMPLE_STEP)]
                if tools.shows_first_frames(seen, references):
                    first = (grabbed_at - started.spawned) * 1000
    return mapped, first


def cpu_s(pid: int) -> float:
    return tools.tree_cpu_s(pid)


def run_once(player: str, setup: Setup, settle_s: float, seconds: float) -> dict:
    """One run of ``player``: start-up times, then CPU and memory over ``seconds`` from
    ``settle_s`` after the spawn."""
    server = setup.xvfb.process.pid  # type: ignore[union-attr]
    others_before = tools.others_cpu_s([server])
    started = spawn(player, setup)
    try:
        mapped, first = watch_start(player, setup, started)
        pid, started_s = started.process.pid, time.monotonic() - started.spawned
        others_at_start = tools.others_cpu_s([server, pid]) - others_before
        time.sleep(max(0.0, started.spawned + settle_s - time.monotonic()))
        cpu_before, server_before, wall_before = cpu_s(pid), cpu_s(server), time.monotonic()
        time.sleep(seconds)
        cpu_after, server_after, wall_after = cpu_s(pid), cpu_s(server), time.monotonic()
        peak = tools.tree_peak_rss_mb(pid)
        if started.process.poll() is not None:
            raise RuntimeError(f"{player} exited with {started.process.returncode} while playing")
        stderr = (started.settings / "stderr.txt").read_text(errors="replace")
    finally:
        stop(started)
    wall = wall_after - wall_before
    return {
        "mapped_ms": mapped,
        "first_frame_ms": first,
        "cpu_percent": 100 * (cpu_after - cpu_before) / wall,
        "x_server_cpu_percent": 100 * (server_after - server_before) / wall,
        "peak_rss_mb": peak,
        # Other jobs' CPU from the spawn to the first frame: a high share flags a disturbed start.
        "others_cpu_percent_at_start": 100 * others_at_start / started_s,
        "app_stages_ms": tools.parse_timings(stderr, started.spawned),
    }


def start_once(player: str, setup: Setup) -> dict:
    """One start of ``player`` and nothing else: spawn to its window mapped and to its first
    video frame (then it is stopped), with the other jobs' CPU meanwhile and the app's stages."""
    server = setup.xvfb.process.pid  # type: ignore[union-attr]
    others_before = tools.others_cpu_s([server])
    started = spawn(player, setup)
    try:
        mapped, first = watch_start(player, setup, started)
        started_s = time.monotonic() - started.spawned
        others = tools.others_cpu_s([server, started.process.pid]) - others_before
        stderr = (started.settings / "stderr.txt").read_text(errors="replace")
    finally:
        stop(started)
    return {
        "mapped_ms": mapped,
        "first_frame_ms": first,
        "others_cpu_percent_at_start": 100 * others / started_s,
        "app_stages_ms": tools.parse_timings(stderr, started.spawned),
    }


def locate_video(player: str, setup: Setup) -> Rect:
    """An unmeasured run of ``player`` (it also warms the disk cache): where its video is drawn,
    once playing. Of the windows in its first top-level window, the deepest whose middle shows
    video, with the video's extent there."""
    started = spawn(player, setup)
    try:
        top = next(
            (m for m in setup.screen.maps(START_TIMEOUT_S) if m.width >= 100), None
        )  # fmt: skip
        if top is None:
            raise RuntimeError(f"{player} mapped no window")
        time.sleep(3.0)  # playing, at its final size (cvlc maps at 640×360, then zooms)
        found: list[tuple[int, Rect]] = []
        for box in setup.screen.descendants(top.window):
            if box.width >= 100 and box.height >= 100:
                grab = setup.screen.grab(box.x, box.y, box.width, box.height)
                if (extent := tools.video_extent(grab)) is not None:
                    found.append((box.level, extent))
    finally:
        stop(started)
    if not found:
        raise RuntimeError(f"{player}: no video found on the screen")
    return max(found, key=lambda item: (item[0], item[1].width * item[1].height))[1]


def reference_samples(video: Path, rect: Rect) -> list[list[tuple[int, int, int]]]:
    """The samples (see :func:`benchmarks.display_tools.samples`) of the video's first frames,
    decoded and scaled to ``rect``'s size by ffmpeg."""
    size = rect.width * rect.height * 3
    decoded = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(video), "-frames:v", str(REFERENCE_FRAMES),
         "-vf", f"scale={rect.width}:{rect.height}", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    rows = tools.sample_rows(rect.height)
    return [
        tools.samples(Frame.from_rgb(rect.width, rect.height, decoded[i : i + size]), rows)
        for i in range(0, len(decoded) - size + 1, size)
    ]


def calibrate(setup: Setup) -> dict:
    """Where each player draws its video, VLC's zoom chosen to match the app's size."""
    setup.rects["app"] = app = locate_video("app", setup)
    setup.zoom = tools.vlc_zoom_for(NATIVE, (app.width, app.height))
    for player in ("vlc-qt", "cvlc", "qt-floor"):
        setup.rects[player] = locate_video(player, setup)
    for player in VIDEO_PLAYERS:
        setup.references[player] = reference_samples(setup.video, setup.rects[player])
    warm = spawn("lyrics-only", setup)  # its own modules' bytecode and the disk cache
    next(setup.screen.maps(START_TIMEOUT_S), None)
    stop(warm)
    return {
        "vlc_zoom": round(setup.zoom, 4),
        "video_rects": {p: asdict(r) for p, r in setup.rects.items()},
    }


def summarise(runs: dict[str, list[dict]], start_runs: dict[str, list[dict]]) -> dict:
    """Medians, best rounds, ratios and verdicts. The start-up figures come from every run of a
    player (``runs`` and the start-only ``start_runs``), the others from ``runs``."""

    def values(player: str, figure: str) -> list[float | None]:
        every = runs[player] + (start_runs.get(player, []) if figure in START_FIGURES else [])
        return [run.get(figure) for run in every]

    medians = {
        player: {figure: tools.median(values(player, figure)) for figure in FIGURES}
        for player in PLAYERS
    }
    ratios = {
        name: {
            figure: tools.ratio(medians["app"][figure], medians[other][figure])
            for figure in FIGURES
        }
        for name, other in (("app/vlc-qt", "vlc-qt"), ("app/cvlc", "cvlc"))
    }
    app_runs = runs["app"] + start_runs.get("app", [])
    stages = [name for name in app_runs[0]["app_stages_ms"]] if app_runs else []
    # Start-up times suffer most from other jobs: the best round of each is kept too.
    best = {
        player: {
            figure: min((value for value in values(player, figure) if value), default=None)
            for figure in START_FIGURES
        }
        for player in PLAYERS
    }
    return {
        "medians": medians,
        "best": best,
        "app_stages_median_ms": {
            name: tools.median([run["app_stages_ms"].get(name) for run in app_runs])
            for name in stages
        },
        "ratios": ratios,
        "goals": GOALS,
        "verdicts": tools.verdicts(ratios["app/vlc-qt"], GOALS),
    }


def measure(
    rounds: int = 3, seconds: float = 20.0, settle_s: float = 10.0, start_rounds: int = 0
) -> dict:
    """The whole benchmark: calibration, ``rounds`` rounds of every player, then
    ``start_rounds`` rounds of only starting each video player (start-up times vary most from
    run to run, and a start alone takes a second or two), the summary."""
    for tool in ("vlc", "cvlc", "ffmpeg"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} is not installed: see docs/performance.md")
    user = tools.vlc_user(DEFAULT_USER)
    busy_before, total_before = tools.machine_ticks(Path("/proc/stat").read_text())
    with Xvfb(1920, 1080, 24) as xvfb:
        screen = Screen(xvfb.display)
        setup = prepare(xvfb, screen, user)
        try:
            calibration = calibrate(setup)
            runs: dict[str, list[dict]] = {player: [] for player in PLAYERS}
            for round_ in range(rounds):
                shift = round_ % len(PLAYERS)
                for player in PLAYERS[shift:] + PLAYERS[:shift]:
                    runs[player].append(run_once(player, setup, settle_s, seconds))
                    figures = {k: v for k, v in runs[player][-1].items() if k in FIGURES}
                    print(f"round {round_ + 1} {player}: {figures}", file=sys.stderr)
            start_runs: dict[str, list[dict]] = {player: [] for player in VIDEO_PLAYERS}
            for round_ in range(start_rounds):
                shift = round_ % len(VIDEO_PLAYERS)
                for player in VIDEO_PLAYERS[shift:] + VIDEO_PLAYERS[:shift]:
                    start_runs[player].append(start_once(player, setup))
            for player, started in start_runs.items():
                each = " ".join(
                    f"{r['mapped_ms']:.0f}/{r['first_frame_ms'] or 0:.0f}" for r in started
                )
                print(f"start-only {player}, mapped/first frame ms: {each}", file=sys.stderr)
        finally:
            screen.close()
            shutil.rmtree(setup.work, ignore_errors=True)
    busy_after, total_after = tools.machine_ticks(Path("/proc/stat").read_text())
    return {
        # How quiet the machine was: every CPU's busy share over the run, ours included.
        "machine_busy_percent": 100 * (busy_after - busy_before) / (total_after - total_before),
        "display": f"Xvfb {xvfb.size[0]}×{xvfb.size[1]}×{xvfb.depth}",
        "rounds": rounds,
        "cpu_window_s": seconds,
        "cpu_window_starts_s": settle_s,
        "vlc_user": user,
        "versions": tools.versions(user),
        "source": tools.source_state(),
        **calibration,
        "start_rounds": start_rounds,
        "runs": runs,
        "start_runs": start_runs,
        **summarise(runs, start_runs),
    }


def _cell(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:.1f}{unit}" if unit == "%" or value < 100 else f"{value:.0f}{unit}"


def report(results: dict) -> None:
    """The table: medians of each player, the ratios, and the goals' verdicts."""
    medians, ratios, verdicts = results["medians"], results["ratios"], results["verdicts"]
    sizes = ", ".join(f"{p} {r['width']}×{r['height']}" for p, r in results["video_rects"].items())
    rounds = f"{results['rounds']} rounds (start-up: {results['rounds'] + results['start_rounds']})"
    print(f"Real display ({results['display']}), {rounds}, medians; "
          f"video drawn at {sizes} (VLC --zoom={results['vlc_zoom']}); machine busy "
          f"{results['machine_busy_percent']:.0f} % of all CPUs over the run")  # fmt: skip
    head = ("figure", "app", "VLC Qt", "cvlc", "Qt floor", "app/VLC Qt", "app/cvlc", "goal")
    print(f"{head[0]:<40}{head[1]:>9}{head[2]:>9}{head[3]:>9}{head[4]:>9}{head[5]:>12}{head[6]:>10}"
          f"  {head[7]}")  # fmt: skip
    for figure, title in FIGURES.items():
        cells = [_cell(medians[p][figure]) for p in VIDEO_PLAYERS]
        shares = [_cell(ratios[name][figure], "×") for name in ("app/vlc-qt", "app/cvlc")]
        goal, verdict = GOALS.get(figure), verdicts.get(figure)
        mark = (
            "" if goal is None else ("met" if verdict else "n/a" if verdict is None else "MISSED")
        )
        goal_text = "" if goal is None else f"≤ {goal:.2f}× VLC Qt"
        print(f"{title:<40}{cells[0]:>9}{cells[1]:>9}{cells[2]:>9}{cells[3]:>9}{shares[0]:>12}"
              f"{shares[1]:>10}  {goal_text} {mark}")  # fmt: skip
    best = results["best"]
    print("best round, mapped / first frame (ms): " + ", ".join(
        f"{p} {_cell(best[p]['mapped_ms'])} / {_cell(best[p]['first_frame_ms'])}"
        for p in VIDEO_PLAYERS))  # fmt: skip
    every = [*results["runs"].values(), *results["start_runs"].values()]
    others = [run["others_cpu_percent_at_start"] for runs in every for run in runs]
    print(f"other jobs during start-ups: {min(others):.0f}–{max(others):.0f} % of one core")
    stages = ", ".join(f"{k} {v:.0f}" for k, v in results["app_stages_median_ms"].items() if v)
    print(f"app's own start-up stages (KARAOKE_TIMINGS, ms from spawn): {stages}")
    lyrics = medians["lyrics-only"]
    print(f"lyrics-only window (no video): CPU {_cell(lyrics['cpu_percent'], '%')} of one core, "
          f"peak RSS {_cell(lyrics['peak_rss_mb'])} MiB, mapped {_cell(lyrics['mapped_ms'])} ms")  # fmt: skip
