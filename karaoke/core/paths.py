"""Names the timing tools derive from the files they are given: where timed lyrics are saved
unless told, and a song's title when its lyrics carry none. Pure functions, no I/O."""

from __future__ import annotations

from pathlib import Path

from karaoke.core.model import Lyrics


def default_output(media: Path, lyrics: Lyrics) -> Path:
    """Where ``karaoke sync`` (and the editor opened from the player) saves unless told: beside
    the media, with the media's name, so ``karaoke MEDIA`` finds the lyrics by itself; ``.lrc``
    when the lyrics already have word timings (SubRip would drop them), else ``.srt``."""
    words = any(line.words for line in lyrics.lines) if lyrics.timed else False
    return media.with_suffix(".lrc" if words else ".srt")


def title_from_name(stem: str) -> str:
    """A title from a file name without its extension: ``mi-modelito_sabanero`` → ``Mi modelito
    sabanero``. A media's name is more often the song's name than ``lyrics.txt`` is."""
    words = stem.replace("_", " ").replace("-", " ").split()
    text = " ".join(words) or stem
    return text[:1].upper() + text[1:]
