"""Karaoke de ciencia: a karaoke player for science songs.

Layers (dependencies point one way): ``ui`` → ``player`` → ``core``.
``core`` is pure Python and imports neither Qt nor VLC.
"""

__version__ = "0.1.0"
