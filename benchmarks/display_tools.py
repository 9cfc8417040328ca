"""Pieces of the real-display benchmark (``benchmarks/real_display.py``) with logic worth a unit
test: reading /proc for a process tree's CPU time and peak memory, finding the video on the
screen and deciding when it shows the video's first frames, choosing VLC's ``--zoom`` for a pixel
size, medians and the goals' verdicts; and what was measured (versions, the source's state).

Nothing here talks to X or starts a player, so tests/benchmarks/test_display_tools.py runs it on
made-up /proc text and synthetic frames.
"""

from __future__ import annotations

import os
import pwd
import statistics
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.xdisplay import Frame

TICKS_PER_S = os.sysconf("SC_CLK_TCK")

#: A screen pixel is "video" when its brightest channel reaches this. The demo video's darkest
#: pixel is 50 (its frames' gradient never gets near black), letterbox bars and an empty video
#: widget are 0.
VIDEO_LEVEL = 30
#: A screen pixel matches the reference frame when no channel differs by more than this: the
#: players scale with their own filters (bilinear on the GPU path, here llvmpipe), ffmpeg with
#: bicubic, so edges of text and dots differ; flat areas agree within a few levels.
MATCH_TOLERANCE = 48
#: Share of the sampled pixels that must match for the first frames to count as shown.
MATCH_SHARE = 0.75
#: Where the samples are taken, as shares of the video's height: through the title card's top
#: line, its big title and its spectrum bars, which a black or half-drawn area does not match.
SAMPLE_ROWS = (0.18, 0.5, 0.8)
#: Every how many pixels along a row a sample is taken.
SAMPLE_STEP = 3


# /proc ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProcStat:
    """What the benchmark needs of ``/proc/PID/stat``: the parent, and CPU time in clock ticks
    used by the process itself (utime + stime) and by its children it has waited for
    (cutime + cstime)."""

    pid: int
    ppid: int
    own_ticks: int
    children_ticks: int


def parse_stat(text: str) -> ProcStat:
    """Parse one ``/proc/PID/stat`` line. The command name (field 2) is in parentheses and may
    hold spaces and parentheses itself, so the fields are counted after its last ``)``."""
    head, _, tail = text.rpartition(")")
    pid = int(head.split("(", 1)[0])
    fields = tail.split()
    # tail starts at field 3 (state): ppid is field 4, utime..cstime fields 14..17.
    ppid = int(fields[1])
    utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
    return ProcStat(pid, ppid, utime + stime, cutime + cstime)


def parse_peak_rss_kb(status: str) -> int:
    """``VmHWM`` (the peak resident set size) of a ``/proc/PID/status`` text, in KiB; 0 when
    absent (a zombie has none)."""
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def tree(root: int, stats: Iterable[ProcStat]) -> list[ProcStat]:
    """``root``'s stat and those of all its descendants among ``stats`` (root first)."""
    by_parent: dict[int, list[ProcStat]] = {}
    mine: ProcStat | None = None
    for stat in stats:
        by_parent.setdefault(stat.ppid, []).append(stat)
        if stat.pid == root:
            mine = stat
    if mine is None:
        return []
    found, queue = [mine], [mine.pid]
    while queue:
        for child in by_parent.get(queue.pop(), []):
            found.append(child)
            queue.append(child.pid)
    return found


def tree_ticks(members: Sequence[ProcStat]) -> int:
    """CPU ticks of a process tree: each live member's own time plus what its reaped children
    used (a child's time moves into its parent's cutime/cstime when it is waited for, so
    nothing is counted twice)."""
    return sum(stat.own_ticks + stat.children_ticks for stat in members)


def read_stats(proc: Path = Path("/proc")) -> list[ProcStat]:
    """Every process's stat now (processes that end while being read are skipped)."""
    stats = []
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                stats.append(parse_stat((entry / "stat").read_text()))
            except (OSError, ValueError, IndexError):
                continue
    return stats


def machine_ticks(proc_stat: str) -> tuple[int, int]:
    """(busy, total) clock ticks of all CPUs from ``/proc/stat``'s first line; idle and
    iowait are the idle part."""
    fields = [int(value) for value in proc_stat.splitlines()[0].split()[1:]]
    total = sum(fields[:8])  # user nice system idle iowait irq softirq steal (guest is in user)
    return total - fields[3] - fields[4], total


def others_cpu_s(ours: Sequence[int]) -> float:
    """CPU seconds all CPUs have been busy so far, less what ``ours`` (process trees) and this
    process itself used: the other jobs on the machine. Only differences of it mean anything."""
    busy, _ = machine_ticks(Path("/proc/stat").read_text())
    me = parse_stat(Path("/proc/self/stat").read_text()).own_ticks  # not the players it spawned
    return (busy - me) / TICKS_PER_S - sum(tree_cpu_s(pid) for pid in ours)


def tree_cpu_s(root: int) -> float:
    """CPU seconds used so far by ``root`` and its descendants, children included."""
    return tree_ticks(tree(root, read_stats())) / TICKS_PER_S


def tree_peak_rss_mb(root: int) -> float:
    """Sum of the peak RSS (VmHWM) of ``root`` and its live descendants, in MiB. A sum
    over-counts pages they share; the players measured here are single processes."""
    total_kb = 0
    for stat in tree(root, read_stats()):
        try:
            total_kb += parse_peak_rss_kb(Path(f"/proc/{stat.pid}/status").read_text())
        except OSError:
            continue
    return total_kb / 1024


# The video on the screen --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle on the screen, in pixels."""

    x: int
    y: int
    width: int
    height: int


def _is_video(pixel: tuple[int, int, int]) -> bool:
    return max(pixel) >= VIDEO_LEVEL


def _run_around(flags: Sequence[bool], middle: int) -> tuple[int, int] | None:
    """The [start, end) of the run of True values containing ``middle``, or None."""
    if not flags[middle]:
        return None
    start, end = middle, middle + 1
    while start > 0 and flags[start - 1]:
        start -= 1
    while end < len(flags) and flags[end]:
        end += 1
    return start, end


def video_extent(frame: Frame) -> Rect | None:
    """Where the video is drawn in ``frame`` (a grab of the window the player draws into): the
    unbroken run of video pixels through the grab's middle, across and down, on black
    (letterbox bars, an empty widget). In screen pixels; None when the middle is not video."""
    mid_x, mid_y = frame.width // 2, frame.height // 2
    across = _run_around([_is_video(p) for p in frame.row(mid_y)], mid_x)
    down = _run_around([_is_video(frame.rgb(mid_x, y)) for y in range(frame.height)], mid_y)
    if across is None or down is None:
        return None
    return Rect(
        frame.left + across[0], frame.top + down[0], across[1] - across[0], down[1] - down[0]
    )


def sample_rows(height: int) -> list[int]:
    """The rows (from the video's top) that are sampled in a video ``height`` pixels high."""
    return [min(height - 1, int(share * height)) for share in SAMPLE_ROWS]


def samples(frame: Frame, rows: Sequence[int]) -> list[tuple[int, int, int]]:
    """The sampled pixels of ``frame`` (a grab exactly the video's size) on ``rows``."""
    return [pixel for y in rows for pixel in frame.row(y, SAMPLE_STEP)]


def match_share(
    seen: Sequence[tuple[int, int, int]], wanted: Sequence[tuple[int, int, int]]
) -> float:
    """Share of the pixels in ``seen`` within :data:`MATCH_TOLERANCE` of ``wanted``'s, per
    channel (0 when the lengths differ)."""
    if not seen or len(seen) != len(wanted):
        return 0.0
    close = sum(
        1
        for a, b in zip(seen, wanted, strict=True)
        if abs(a[0] - b[0]) <= MATCH_TOLERANCE
        and abs(a[1] - b[1]) <= MATCH_TOLERANCE
        and abs(a[2] - b[2]) <= MATCH_TOLERANCE
    )
    return close / len(seen)


def shows_first_frames(
    seen: Sequence[tuple[int, int, int]], references: Sequence[Sequence[tuple[int, int, int]]]
) -> bool:
    """Whether the sampled screen pixels show one of the video's first frames (``references``:
    the same samples of each, decoded at the same size)."""
    return any(match_share(seen, wanted) >= MATCH_SHARE for wanted in references)


# VLC's zoom ---------------------------------------------------------------------------------------


def vlc_zoomed_size(native: tuple[int, int], zoom: float) -> tuple[int, int]:
    """The window VLC 3 makes for ``--zoom``: it keeps the zoom as thousandths (truncated) and
    truncates each side (measured: 640×360 at 1.3917 gives 890×500)."""
    thousandths = int(zoom * 1000)
    return native[0] * thousandths // 1000, native[1] * thousandths // 1000


def vlc_zoom_for(native: tuple[int, int], wanted: tuple[int, int]) -> float:
    """The ``--zoom`` whose window is closest to ``wanted`` (width × height), off by the fewest
    pixels in the larger of the two sides' errors. Given half a thousandth above the step so the
    float's truncation lands on it."""

    def error(thousandths: int) -> tuple[int, int]:
        width, height = vlc_zoomed_size(native, thousandths / 1000)
        return max(abs(width - wanted[0]), abs(height - wanted[1])), thousandths

    best = min(range(100, 8001), key=error)
    return (best + 0.5) / 1000


# The app's own start-up stages ------------------------------------------------------------------


def parse_timings(stderr: str, spawned: float) -> dict[str, float]:
    """The stages the app printed with ``KARAOKE_TIMINGS=1`` (lines ``timing STAGE SECONDS``,
    CLOCK_MONOTONIC), as ms after ``spawned`` (``time.monotonic()`` at the spawn)."""
    stages = {}
    for line in stderr.splitlines():
        if line.startswith("timing "):
            *name, stamp = line[len("timing ") :].split(" ")
            try:
                stages[" ".join(name)] = (float(stamp) - spawned) * 1000
            except ValueError:
                continue
    return stages


# Statistics and goals -------------------------------------------------------------------------------


def median(values: Sequence[float | None]) -> float | None:
    """The median of the values that were measured (None: a round that missed it), or None."""
    present = [value for value in values if value is not None]
    return statistics.median(present) if present else None


def ratio(app: float | None, reference: float | None) -> float | None:
    """``app / reference``, or None when either is missing or the reference is 0."""
    if app is None or not reference:
        return None
    return app / reference


def verdicts(
    ratios: Mapping[str, float | None], goals: Mapping[str, float]
) -> dict[str, bool | None]:
    """For each figure with a goal: met (ratio ≤ goal), missed, or None (not measured)."""
    return {
        figure: None if ratios.get(figure) is None else ratios[figure] <= limit  # type: ignore[operator]
        for figure, limit in goals.items()
    }


# Who runs VLC, what was measured -----------------------------------------------------------------


def vlc_user(name: str) -> str | None:
    """The unprivileged user VLC runs as: None when we are not root (VLC runs as us), else
    ``name``, created as a system user without home or login if it does not exist."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--user-group", "--no-create-home",
             "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name],
            check=True,
        )  # fmt: skip
    return name


def versions(user: str | None) -> dict[str, str]:
    """VLC's (asked as ``user``: it refuses root), libvlc's and PySide6's versions."""
    import PySide6
    import vlc

    run = subprocess.run(
        ["vlc", "--version"], capture_output=True, text=True, user=user, group=user,
        extra_groups=[] if user else None,
    )  # fmt: skip
    return {
        "vlc": (run.stdout.splitlines() or ["?"])[0],
        "libvlc (python-vlc)": vlc.libvlc_get_version().decode(),
        "PySide6": PySide6.__version__,
    }


def source_state() -> dict[str, object]:
    """The commit the app ran from and the files of ``karaoke/`` that differed from it (the
    benchmark runs the working tree as it is)."""

    def git(*args: str) -> str:
        run = subprocess.run(["git", *args], capture_output=True, text=True)
        return run.stdout.strip() if run.returncode == 0 else ""

    changed = git("status", "--porcelain", "--", "karaoke")
    return {"commit": git("rev-parse", "--short", "HEAD"), "karaoke_changed": changed.splitlines()}
