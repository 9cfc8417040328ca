"""Pausing Python's cyclic garbage collector while a reader builds a large file's lines.

The collector runs after every 700 container allocations, and its older generations are
scanned again and again as the lines pile up: a syllable-timed file builds over a hundred
thousand :class:`Word` tuples, none of them in a cycle, and those scans cost a quarter of its
parse (``benchmarks/engine.py``). Mercurial pauses it the same way for its bulk loads. Nothing
is lost: the collector runs as usual once the reader is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc() -> Iterator[None]:
    """The collector paused inside the block; enabled again after it only if it was enabled
    before (a program that turned it off keeps it off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
