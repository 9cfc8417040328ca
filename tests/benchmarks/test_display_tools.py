"""The real-display benchmark's logic on made-up /proc text and synthetic frames."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import display_tools as tools
from benchmarks.display_tools import ProcStat, Rect
from benchmarks.xdisplay import Frame

PURPLE = (74, 65, 147)
BLACK = (0, 0, 0)


def stat_line(
    pid: int, name: str, ppid: int, utime: int, stime: int, cutime: int, cstime: int
) -> str:
    # Fields 3..17 of proc(5): state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt,
    # majflt, cmajflt, utime, stime, cutime, cstime; then the rest of a real line.
    return (
        f"{pid} ({name}) S {ppid} {pid} {pid} 0 -1 4194560 1200 0 3 0 "
        f"{utime} {stime} {cutime} {cstime} 20 0 12 0 5000 812345678 40000 "
        "18446744073709551615 1 1 0 0 0 0 0 4096 17386 0 0 0 17 1 0 0 0 0 0\n"
    )


def test_a_stat_line_is_read_after_the_command_names_last_parenthesis() -> None:
    line = stat_line(4242, "vlc (qt) ) x", 17, utime=300, stime=45, cutime=7, cstime=3)
    assert tools.parse_stat(line) == ProcStat(pid=4242, ppid=17, own_ticks=345, children_ticks=10)


def test_peak_rss_is_vmhwm_in_kib_and_zero_for_a_zombie() -> None:
    status = "Name:\tvlc\nVmPeak:\t 2000000 kB\nVmHWM:\t  170320 kB\nVmRSS:\t  160000 kB\n"
    assert tools.parse_peak_rss_kb(status) == 170320
    assert tools.parse_peak_rss_kb("Name:\tvlc\nState:\tZ (zombie)\n") == 0


def test_a_tree_holds_the_root_and_all_its_descendants_and_counts_each_tick_once() -> None:
    stats = [
        ProcStat(1, 0, 5, 0),
        ProcStat(10, 1, 100, 20),  # the player; 20 ticks from children it has reaped
        ProcStat(11, 10, 30, 0),
        ProcStat(12, 10, 7, 0),
        ProcStat(13, 12, 2, 1),
        ProcStat(20, 1, 999, 0),  # not ours
    ]
    members = tools.tree(10, stats)
    assert members[0].pid == 10
    assert sorted(s.pid for s in members) == [10, 11, 12, 13]
    assert tools.tree_ticks(members) == 100 + 20 + 30 + 7 + 2 + 1
    assert tools.tree(99, stats) == []


def test_read_stats_reads_process_folders_and_skips_the_rest(tmp_path: Path) -> None:
    for pid, ppid in ((7, 1), (8, 7)):
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "stat").write_text(stat_line(pid, "a b", ppid, 1, 2, 3, 4))
    (tmp_path / "9").mkdir()  # ended while being read: no stat
    (tmp_path / "self").mkdir()
    (tmp_path / "self" / "stat").write_text("garbage")
    assert sorted((s.pid, s.ppid, s.own_ticks) for s in tools.read_stats(tmp_path)) == [
        (7, 1, 3),
        (8, 7, 3),
    ]


def picture(width: int, height: int, box: Rect, inside=PURPLE, outside=BLACK) -> Frame:
    """A grab of ``width`` × ``height`` at (100, 50): ``inside`` colour in ``box`` (grab
    coordinates), ``outside`` elsewhere."""
    rgb = bytearray()
    for y in range(height):
        for x in range(width):
            within = box.x <= x < box.x + box.width and box.y <= y < box.y + box.height
            rgb += bytes(inside if within else outside)
    return Frame.from_rgb(width, height, bytes(rgb), left=100, top=50)


def test_the_video_extent_is_the_run_of_video_pixels_through_the_middle_in_screen_pixels() -> None:
    grab = picture(60, 40, Rect(7, 5, 46, 26))  # letterboxed on all sides
    assert tools.video_extent(grab) == Rect(107, 55, 46, 26)


def test_the_video_extent_keeps_dark_video_pixels_and_ignores_video_elsewhere() -> None:
    grab = picture(60, 40, Rect(0, 8, 60, 24), inside=(30, 12, 40))  # the darkest part of a frame
    assert tools.video_extent(grab) == Rect(100, 58, 60, 24)
    assert tools.video_extent(picture(60, 40, Rect(0, 0, 10, 10))) is None  # middle is black


def gradient(width: int, height: int, shift: int = 0) -> Frame:
    rgb = bytearray()
    for y in range(height):
        for x in range(width):
            rgb += bytes((min(255, 40 + x + shift), 30 + y, min(255, 160 - y + shift)))
    return Frame.from_rgb(width, height, bytes(rgb))


def test_the_first_frames_are_seen_through_scaling_noise_but_not_on_black_or_half_drawn() -> None:
    width, height = 90, 50
    rows = tools.sample_rows(height)
    reference = tools.samples(gradient(width, height), rows)
    other_frame = tools.samples(gradient(width, height, shift=90), rows)
    scaled_differently = tools.samples(gradient(width, height, shift=20), rows)
    assert tools.shows_first_frames(scaled_differently, [other_frame, reference])
    black = tools.samples(picture(width, height, Rect(0, 0, 0, 0)), rows)
    assert not tools.shows_first_frames(black, [reference])
    # Only the top third drawn yet (a frame being uploaded): one row of three matches.
    top_only = tools.samples(gradient(width, height), rows[:1]) + black[len(black) // 3 :]
    assert tools.match_share(top_only, reference) == pytest.approx(1 / 3, abs=0.02)
    assert not tools.shows_first_frames(top_only, [reference])
    assert tools.match_share(reference[:-1], reference) == 0.0


def test_sample_rows_stay_inside_the_video() -> None:
    assert tools.sample_rows(501) == [90, 250, 400]
    assert all(0 <= row < 3 for row in tools.sample_rows(3))


def test_vlc_zoom_gives_the_wanted_pixel_size_as_vlc_rounds_it() -> None:
    native = (640, 360)
    # Measured with VLC 3.0.21 under Xvfb: --zoom=1.3917 drew 890×500, --zoom=1.3925 890×501.
    assert tools.vlc_zoomed_size(native, 1.3917) == (890, 500)
    assert tools.vlc_zoomed_size(native, 1.3925) == (890, 501)
    for wanted in ((890, 501), (891, 501), (640, 360), (1280, 720), (915, 515)):
        zoomed = tools.vlc_zoomed_size(native, tools.vlc_zoom_for(native, wanted))
        assert max(abs(zoomed[0] - wanted[0]), abs(zoomed[1] - wanted[1])) <= 1


def test_medians_ratios_and_verdicts_leave_out_what_was_not_measured() -> None:
    assert tools.median([3.0, None, 1.0, 2.0]) == 2.0
    assert tools.median([None]) is None
    assert tools.ratio(30.0, 20.0) == 1.5
    assert tools.ratio(None, 20.0) is None
    assert tools.ratio(30.0, 0.0) is None
    verdicts = tools.verdicts(
        {"cpu": 0.98, "rss": 1.3, "mapped": None}, {"cpu": 1.0, "rss": 1.15, "mapped": 1.2}
    )
    assert verdicts == {"cpu": True, "rss": False, "mapped": None}


def test_the_apps_timing_lines_become_ms_after_the_spawn() -> None:
    stderr = (
        "Failed to open VDPAU backend\n"
        "timing song read 100.120000\n"
        "timing qt imported 100.350500\n"
        "timing first paint not-a-number\n"
    )
    stages = tools.parse_timings(stderr, spawned=100.0)
    assert stages == {"song read": pytest.approx(120.0), "qt imported": pytest.approx(350.5)}


def test_the_machines_busy_share_leaves_out_idle_and_iowait() -> None:
    proc_stat = "cpu  100 5 50 800 40 2 3 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\n"
    assert tools.machine_ticks(proc_stat) == (160, 1000)
