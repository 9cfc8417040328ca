"""What a screen capture of the end-to-end sync benchmark shows: the video frame's number and
how far the lyric's wipe has gone. Pure numpy, so it is unit-tested on synthetic images
(``tests/benchmarks/test_display_sync_decode.py``) and also draws the benchmark's video frames.

The test video (:func:`video_frame`): a blue picture with 14 cells in a row across the middle;
cell 0 is always white (a reference), cells 1–12 carry the frame number in binary (most
significant first, white = 1), cell 13 its parity (white when the number of ones is odd). Blue
is found on screen however the video is scaled; black and white survive H.264 and scaling.

The test lyric: lines of :data:`BLOCKS` full blocks (``█``) wiped at :data:`BLOCK_MS` each, one
line after another with no gap, so the lit share of the current line is the lyric's time
modulo :data:`LINE_MS`. It is drawn in the theme's sung colour up to the wipe and its unsung
colour after; the neighbour lines are in another (dim) colour and are not counted.

Images are ``(height, width, 3)`` uint8 RGB arrays; times are ms.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BITS = 12
CELLS = BITS + 2  # reference, 12 bits, parity
FPS = 50
FRAME_MS = 1000 // FPS
BLOCKS = 20
BLOCK_MS = 100
LINE_MS = BLOCKS * BLOCK_MS
BLUE = (0, 0, 200)
#: How close (largest channel difference) a pixel must be to a lyric colour to count as it.
COLOR_TOLERANCE = 14


class Undecodable(ValueError):
    """The capture does not show what the benchmark expects (no video, a bad parity, no lyric)."""


@dataclass(frozen=True)
class Rect:
    """A rectangle on screen, in pixels: left, top, width, height."""

    x: int
    y: int
    w: int
    h: int

    def union(self, other: Rect) -> Rect:
        x, y = min(self.x, other.x), min(self.y, other.y)
        right = max(self.x + self.w, other.x + other.w)
        bottom = max(self.y + self.h, other.y + other.h)
        return Rect(x, y, right - x, bottom - y)


def frame_bits(number: int) -> list[bool]:
    """The 14 cells of frame ``number`` (taken modulo 2**12): reference, bits, parity."""
    bits = [bool(number >> (BITS - 1 - i) & 1) for i in range(BITS)]
    return [True, *bits, sum(bits) % 2 == 1]


def _cell_box(width: int, height: int, cell: int) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of cell ``cell`` in a picture of ``width`` × ``height``."""
    pitch = width / (CELLS + 1)
    left = pitch * (cell + 0.5) + pitch * 0.15
    return round(left), round(height * 0.35), round(left + pitch * 0.7), round(height * 0.65)


def video_frame(number: int, width: int = 640, height: int = 360) -> np.ndarray:
    """Frame ``number`` of the test video."""
    image = np.empty((height, width, 3), np.uint8)
    image[:] = BLUE
    for cell, white in enumerate(frame_bits(number)):
        left, top, right, bottom = _cell_box(width, height, cell)
        image[top:bottom, left:right] = 255 if white else 0
    return image


def find_video(image: np.ndarray) -> Rect:
    """Where the test video is on screen: the rows and columns mostly blue."""
    r, g, b = (image[..., i].astype(np.int16) for i in range(3))
    mask = (b > 140) & (r < 70) & (g < 70)
    rows, cols = mask.sum(axis=1), mask.sum(axis=0)
    if rows.max(initial=0) < 40:
        raise Undecodable("no blue video on screen")
    ys = np.flatnonzero(rows > rows.max() * 0.3)
    xs = np.flatnonzero(cols > cols.max() * 0.3)
    return Rect(int(xs[0]), int(ys[0]), int(xs[-1] - xs[0] + 1), int(ys[-1] - ys[0] + 1))


def frame_number(image: np.ndarray, video: Rect) -> int:
    """The frame number (modulo 2**12) the video at ``video`` shows in ``image``."""
    cells = []
    for cell in range(CELLS):
        left, top, right, bottom = _cell_box(video.w, video.h, cell)
        # The middle half of the cell: clear of its edges, blurred by scaling and H.264.
        dx, dy = (right - left) // 4, (bottom - top) // 4
        patch = image[
            video.y + top + dy : video.y + bottom - dy, video.x + left + dx : video.x + right - dx
        ]
        if patch.size == 0:
            raise Undecodable(f"the video is too small to read ({video.w}×{video.h})")
        cells.append(float(patch.mean()))
    white = [level > 128 for level in cells]
    if not white[0] or any(40 < level < 215 for level in cells):
        raise Undecodable("a cell is neither black nor white")
    if sum(white[1:]) % 2:  # the bits and the parity cell together hold an even count of ones
        raise Undecodable("parity")
    return sum(1 << (BITS - 1 - i) for i, bit in enumerate(white[1 : BITS + 1]) if bit)


def video_ms(number: int) -> float:
    """The media time frame ``number`` stands for: the middle of its 20 ms. (The test video is
    shorter than 2**12 frames, so a number is never ambiguous.)"""
    return number * FRAME_MS + FRAME_MS / 2


def _near(image: np.ndarray, color: tuple[int, int, int]) -> np.ndarray:
    difference = np.abs(image.astype(np.int16) - np.array(color, np.int16))
    return difference.max(axis=-1) <= COLOR_TOLERANCE


def find_lyric(image: np.ndarray, sung: str, unsung: str) -> Rect:
    """The current line's band of blocks: the tallest run of rows holding the sung or unsung
    colour over at least half the widest such row."""
    lit = _near(image, hex_rgb(sung)) | _near(image, hex_rgb(unsung))
    rows = lit.sum(axis=1)
    if rows.max(initial=0) < BLOCKS * 4:
        raise Undecodable("no current lyric line on screen")
    busy = rows >= rows.max() * 0.5
    best: tuple[int, int] = (0, 0)
    start = None
    for y, on in enumerate([*busy.tolist(), False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if y - start > best[1] - best[0]:
                best = (start, y)
            start = None
    xs = np.flatnonzero(lit[best[0] : best[1]].any(axis=0))
    return Rect(int(xs[0]), best[0], int(xs[-1] - xs[0] + 1), best[1] - best[0])


def lit_fraction(image: np.ndarray, lyric: Rect, sung: str, unsung: str) -> float:
    """How much of the line at ``lyric`` is in the sung colour, 0–1, to the pixel: the columns
    from the line's first lit-or-unlit pixel to its last, the wipe's edge where the sung colour
    stops (the median over the band's middle rows, so one stray pixel does not move it)."""
    band = image[lyric.y + lyric.h // 4 : lyric.y + lyric.h - lyric.h // 4]
    is_sung, is_unsung = _near(band, hex_rgb(sung)), _near(band, hex_rgb(unsung))
    edges = []
    for sung_row, unsung_row in zip(is_sung, is_unsung, strict=True):
        xs = np.flatnonzero(sung_row | unsung_row)
        if xs.size < BLOCKS:
            continue
        left, right = xs[0], xs[-1] + 1
        lit = np.flatnonzero(sung_row)
        edge = left if lit.size == 0 else lit[-1] + 1
        edges.append((edge - left) / (right - left))
    if not edges:
        raise Undecodable("the lyric line has no readable row")
    return float(np.median(edges))


def lyric_error_ms(fraction: float, video_time_ms: float) -> float:
    """The lyric's time minus the video's, when the lit share of the current line is
    ``fraction``: the lyric time is known modulo one line (2 s), so the difference is taken in
    −1000…+1000 ms (sync errors are far smaller)."""
    difference = (fraction * LINE_MS - video_time_ms) % LINE_MS
    return difference - LINE_MS if difference >= LINE_MS / 2 else difference


def hex_rgb(color: str) -> tuple[int, int, int]:
    """``"#rrggbb"`` → (r, g, b)."""
    value = int(color.lstrip("#"), 16)
    return value >> 16, value >> 8 & 0xFF, value & 0xFF


def lrc_text(lines: int) -> str:
    """An enhanced LRC of ``lines`` lines from 0 s, each :data:`BLOCKS` blocks stamped every
    :data:`BLOCK_MS` ms, each line starting when the one before ends."""

    def stamp(ms: int) -> str:
        return f"{ms // 60000:02d}:{ms // 1000 % 60:02d}.{ms % 1000 // 10:02d}"

    out = []
    for line in range(lines):
        start = line * LINE_MS
        words = "".join(f"<{stamp(start + i * BLOCK_MS)}>█" for i in range(BLOCKS))
        out.append(f"[{stamp(start)}]{words}<{stamp(start + LINE_MS)}>")
    return "\n".join(out) + "\n"
