"""Reading the end-to-end sync benchmark's captures: the frame number from the video's cells and
the lyric's lit share from the wipe's edge, on synthetic screens (a scaled, blurred video frame
and a drawn line of blocks on a dark background, as the app shows them)."""

import numpy as np
import pytest

from benchmarks.display_sync_decode import (
    BLOCKS,
    LINE_MS,
    Rect,
    Undecodable,
    find_lyric,
    find_video,
    frame_bits,
    frame_number,
    hex_rgb,
    lit_fraction,
    lrc_text,
    lyric_error_ms,
    video_frame,
    video_ms,
)
from karaoke.core.package import open_song
from karaoke.core.timeline import Timeline

BACKGROUND, SUNG, UNSUNG, DIM = "#101418", "#fff04d", "#858585", "#8a939c"


def screen_with(frame: np.ndarray, at: tuple[int, int], size=(1280, 900)) -> np.ndarray:
    screen = np.zeros((size[1], size[0], 3), np.uint8)
    screen[:] = hex_rgb(BACKGROUND)
    x, y = at
    screen[y : y + frame.shape[0], x : x + frame.shape[1]] = frame
    return screen


def scaled(image: np.ndarray, factor: float) -> np.ndarray:
    """Nearest-neighbour scaling and a 3×3 blur: what a video output does to the cells' edges."""
    height, width = (round(n * factor) for n in image.shape[:2])
    rows = (np.arange(height) / factor).astype(int)
    cols = (np.arange(width) / factor).astype(int)
    out = image[rows][:, cols].astype(np.float32)
    padded = np.pad(out, ((1, 1), (1, 1), (0, 0)), mode="edge")
    blurred = sum(padded[dy : dy + height, dx : dx + width] for dy in range(3) for dx in range(3))
    return (blurred / 9).astype(np.uint8)


@pytest.mark.parametrize("number", [0, 1, 2, 1000, 2730, 3999, 4095])
def test_the_frame_number_is_read_from_a_scaled_blurred_frame_anywhere_on_screen(number):
    frame = scaled(video_frame(number), 1.43)
    screen = screen_with(frame, (37, 21))
    video = find_video(screen)
    assert (video.x, video.y) == (37, 21)
    assert abs(video.w - frame.shape[1]) <= 1 and abs(video.h - frame.shape[0]) <= 1
    assert frame_number(screen, video) == number


def test_a_frame_with_a_wrong_parity_or_grey_cells_is_not_read():
    frame = video_frame(5)  # ...101
    bits = frame_bits(5)
    assert bits[0] and bits[-1] == (sum(bits[1:-1]) % 2 == 1)
    video = find_video(screen_with(frame, (0, 0)))
    # The last bit's cell (x 530–578 of 640) from frame 4 (...100): the parity no longer holds.
    mixed = frame.copy()
    mixed[:, 530:578] = video_frame(4)[:, 530:578]
    assert frame_number(screen_with(video_frame(4), (0, 0)), video) == 4
    with pytest.raises(Undecodable):
        frame_number(screen_with(mixed, (0, 0)), video)
    grey = frame.copy()
    grey[(grey == 255).all(axis=-1)] = 128  # a half-faded picture
    with pytest.raises(Undecodable):
        frame_number(screen_with(grey, (0, 0)), video)


def test_no_video_on_screen_is_said():
    with pytest.raises(Undecodable):
        find_video(screen_with(np.zeros((10, 10, 3), np.uint8), (0, 0)))


def lyric_screen(fraction: float, left=140, width=800, top=600, height=70) -> np.ndarray:
    """A screen with a dim line above, the current line of blocks wiped to ``fraction`` (its
    edge to the pixel, as Qt's clip rectangle does) and a dim line below."""
    screen = screen_with(video_frame(0), (100, 40))
    screen[520:560, left : left + width] = hex_rgb(DIM)  # the previous line, smaller
    screen[top : top + height, left : left + width] = hex_rgb(UNSUNG)
    edge = left + round(width * fraction)
    screen[top : top + height, left:edge] = hex_rgb(SUNG)
    # Antialiased glyph edges: a column between the blocks that is neither colour.
    for block in range(1, BLOCKS):
        screen[top : top + height, left + block * width // BLOCKS] = (90, 90, 60)
    screen[700:740, left : left + width] = hex_rgb(DIM)  # the next line
    return screen


@pytest.mark.parametrize("fraction", [0.0, 0.0125, 0.25, 0.5037, 0.9, 1.0])
def test_the_lit_share_is_read_to_the_pixel_and_the_neighbour_lines_are_not_counted(fraction):
    screen = lyric_screen(fraction)
    lyric = find_lyric(screen, SUNG, UNSUNG)
    assert (lyric.x, lyric.y, lyric.w, lyric.h) == (140, 600, 800, 70)
    assert lit_fraction(screen, lyric, SUNG, UNSUNG) == pytest.approx(fraction, abs=1 / 800)


def test_a_screen_without_the_current_line_is_said():
    screen = screen_with(video_frame(0), (0, 0))
    with pytest.raises(Undecodable):
        find_lyric(screen, SUNG, UNSUNG)
    with pytest.raises(Undecodable):
        lit_fraction(screen, Rect(0, 500, 100, 40), SUNG, UNSUNG)


def test_the_error_is_the_lyric_time_minus_the_video_time_across_line_boundaries():
    assert lyric_error_ms(0.5, 1000) == 0  # half of a line: 1 s into it
    assert lyric_error_ms(0.505, 1000) == pytest.approx(10)  # the lyric 10 ms ahead
    assert lyric_error_ms(0.995, 2000 + 5) == pytest.approx(-15)  # the next line began
    assert lyric_error_ms(0.002, 3998) == pytest.approx(6)  # the lyric is on the next line
    assert lyric_error_ms(0.0, 7 * LINE_MS) == 0


def test_a_frame_stands_for_the_middle_of_its_20_ms():
    assert video_ms(0) == 10
    assert video_ms(50) == 1010
    assert video_ms(4095) == 81_910
    # 2**12 frames are not a whole number of lyric lines: no turn may be guessed.
    assert lyric_error_ms(0.023, video_ms(2103)) == pytest.approx(-24)


def test_the_lrc_wipes_20_blocks_at_100_ms_each(tmp_path):
    path = tmp_path / "sync.lrc"
    path.write_text(lrc_text(3), encoding="utf-8")
    opened = open_song(path)
    assert not opened.errors
    lines = opened.song.lines
    assert [(line.start_ms, line.end_ms) for line in lines] == [
        (0, 2000),
        (2000, 4000),
        (4000, 6000),
    ]
    assert lines[1].text == "█" * BLOCKS
    timeline = Timeline(lines, opened.song.stanzas, opened.song.language)
    assert timeline.sung_chars(1, 2000 + 1234) == pytest.approx(12.34)
