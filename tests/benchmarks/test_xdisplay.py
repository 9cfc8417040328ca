"""benchmarks/xdisplay.py's Frame: the pixel layout X gives and ffmpeg's rgb24."""

from __future__ import annotations

import pytest

from benchmarks.xdisplay import Frame


def test_a_grab_is_read_as_blue_green_red_unused() -> None:
    frame = Frame(2, 1, bytes([10, 20, 30, 0, 40, 50, 60, 255]), left=5, top=6)
    assert frame.rgb(0, 0) == (30, 20, 10)
    assert frame.row(0) == [(30, 20, 10), (60, 50, 40)]
    assert frame.row(0, step=2) == [(30, 20, 10)]


def test_rgb24_becomes_the_same_colours() -> None:
    rgb = bytes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    frame = Frame.from_rgb(2, 2, rgb)
    assert [frame.rgb(x, y) for y in (0, 1) for x in (0, 1)] == [
        (1, 2, 3),
        (4, 5, 6),
        (7, 8, 9),
        (10, 11, 12),
    ]


def test_too_few_bytes_are_refused() -> None:
    with pytest.raises(ValueError):
        Frame(2, 2, bytes(15))
    with pytest.raises(ValueError):
        Frame.from_rgb(2, 2, bytes(11))
