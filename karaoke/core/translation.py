"""Translations shown under the sung lines: a second lyrics file, matched line by line."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from karaoke.core.model import Line

#: A translated line belongs to the sung line that starts within this of it.
MATCH_WINDOW_MS = 500


def align_translation(sung: Sequence[Line], translated: Sequence[Line]) -> dict[int, str]:
    """Map each sung line's index to the translated text that starts at (about) the same time.

    Translation files are usually made by copying the original and rewriting its text, so the
    times match; a line with no translated line within ``MATCH_WINDOW_MS`` gets none.
    """
    starts = [line.start_ms for line in translated]
    aligned: dict[int, str] = {}
    for index, line in enumerate(sung):
        k = bisect.bisect_left(starts, line.start_ms - MATCH_WINDOW_MS)
        if k < len(starts) and abs(starts[k] - line.start_ms) <= MATCH_WINDOW_MS:
            aligned[index] = translated[k].text
    return aligned
