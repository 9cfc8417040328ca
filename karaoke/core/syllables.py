"""Split sung text into syllables (pyphen's hyphenation dictionaries), for estimating a karaoke
wipe when a line has no word timings: each syllable takes an equal share of the line's time,
which follows singing far better than counting characters ("tuki" and "transformer" are not
the same length to sing as to read)."""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyphen

_WORD = re.compile(r"\S+")
_CORE = re.compile(r"^\W*(.*?)\W*$")


@cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    # Imported here: the window's modules import this one, and pyphen (with importlib.resources
    # and zipfile) is needed only once a line is wiped (Timeline.prepare, after playing starts).
    import pyphen

    try:
        return pyphen.Pyphen(lang=language)
    except KeyError:
        return None


def syllable_spans(text: str, language: str) -> list[tuple[int, int]]:
    """``(char_start, char_end)`` of each syllable of ``text``, in order, covering every word.

    Whitespace between words belongs to no syllable. An unknown language counts each word as one
    syllable per three letters, a rough but monotone stand-in.
    """
    dictionary = _dictionary(language) or _dictionary(language.split("_")[0].split("-")[0])
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        # Hyphenate the letters only: "atención," must split like "atención".
        core = _CORE.match(word)
        assert core is not None  # every part of the pattern may match nothing: it always matches
        lead, letters = core.start(1), core.group(1)
        if dictionary is not None:
            cuts = [lead + cut for cut in dictionary.positions(letters) if 0 < cut < len(letters)]
        else:
            cuts = [lead + cut for cut in range(3, len(letters), 3)]
        bounds = [0, *cuts, len(word)]
        spans.extend((start + a, start + b) for a, b in itertools.pairwise(bounds))
    return spans


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(char_start, char_end)`` of each whitespace-separated word."""
    return [match.span() for match in _WORD.finditer(text)]
