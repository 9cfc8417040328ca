"""``karaoke convert``: lyrics and song packages from one format to another, re-timed if asked.

Sources: anything :func:`~karaoke.core.package.open_song` opens — a ``.srt`` or ``.lrc`` file,
a song package folder or its ``song.toml`` (plain ``.txt`` has no times: time it with
``karaoke sync`` first). Targets, by the output path: ``.srt``, ``.lrc``, ``.txt``, or a song
package — a folder, a path without extension, or a path ending in ``song.toml``.

Times: ``new = round(old × scale) + shift``, in ms, rounded half up and never below 0. ``scale``
is exact (a :class:`~fractions.Fraction`), so ``25/23.976`` converts a film's subtitles for the
PAL speed-up without drift. Word timings are kept wherever the target holds them (enhanced LRC;
a package whose lyrics are then ``.lrc``). A package's ``offset_ms`` is added to the times when
writing a lyrics file, so that the file fits the media as the package did; a package written
from a package keeps its offset (scaled).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.formats import FORMATS, format_for, read_lyrics, writable_extensions, write_lyrics
from karaoke.core.formats.lrc import lrc_losses
from karaoke.core.model import Line, Song, Word
from karaoke.core.package import MANIFEST_NAME, OpenedSong, open_song
from karaoke.core.package_writer import new_package, write_song_package


@dataclass(frozen=True, slots=True)
class Retiming:
    """``new_ms = round((old_ms + before_ms) × scale) + shift_ms``, at least 0.

    ``before_ms`` moves times before scaling them: a package's offset, from lyrics to media time.
    """

    shift_ms: int = 0
    scale: Fraction = Fraction(1)
    before_ms: int = 0

    def __post_init__(self) -> None:
        if self.scale <= 0:
            raise ValueError(f"the scale must be above 0, not {self.scale}")

    @property
    def is_identity(self) -> bool:
        return self.shift_ms == 0 and self.scale == 1 and self.before_ms == 0

    def raw_ms(self, ms: int) -> int:
        """The new time before clamping at 0 (half-up rounding, exact for any scale)."""
        return (
            int(((ms + self.before_ms) * self.scale + Fraction(1, 2)).__floor__()) + self.shift_ms
        )

    def ms(self, ms: int) -> int:
        return max(0, self.raw_ms(ms))


def retime(lines: Sequence[Line], timing: Retiming) -> tuple[tuple[Line, ...], int]:
    """``lines`` with every time (starts, ends, words) re-timed; also how many lines would have
    started before 0 and were clamped. Order is kept: the map never reverses two times."""
    if timing.is_identity:
        return tuple(lines), 0
    clamped = sum(timing.raw_ms(line.start_ms) < 0 for line in lines)
    moved = tuple(
        replace(
            line,
            start_ms=timing.ms(line.start_ms),
            end_ms=timing.ms(line.end_ms),
            words=tuple(
                Word(w.text, timing.ms(w.start_ms), timing.ms(w.end_ms), w.char_start)
                for w in line.words
            ),
        )
        for line in lines
    )
    return moved, clamped


@dataclass(slots=True)
class Converted:
    """What :func:`convert` wrote: the file (a package's manifest), lines, and notes for the
    person (what the target could not hold, clamped times, what to fill in)."""

    path: Path
    lines: int
    words_kept: bool
    notes: list[str] = field(default_factory=list)
    is_package: bool = False


def is_package_target(path: Path) -> bool:
    """An output path that means "a song package": a folder, no extension, or ``song.toml``."""
    return path.is_dir() or path.name == MANIFEST_NAME or not path.suffix


def open_source(path: Path, encoding: str | None = None) -> OpenedSong:
    """Open what to convert (its lyrics in ``encoding``, a Python codec name, when given); a song
    that would play wrong, or has no times, is refused."""
    opened = open_song(path, encoding=encoding)
    opened.refuse_errors(path)
    if not opened.song.timed:
        raise SongError(
            opened.song.lyrics_path,
            "plain text has no times to convert: time it first with "
            "'karaoke sync MEDIA LYRICS' (or File ▸ Time lyrics…)",
            code=ProblemCode.UNTIMED,
        )
    return opened


def convert(
    source: Path,
    target: Path,
    timing: Retiming | None = None,
    *,
    words: bool = True,
    encoding: str | None = None,
) -> Converted:
    """Convert ``source`` to ``target`` (see the module doc). ``words=False`` drops word
    timings (plain LRC); ``encoding`` overrides detection for the source's lyrics file (not its
    translations). Raises :class:`SongError` for unusable input or a failed write."""
    timing = timing or Retiming()
    opened = open_source(source, encoding)
    song = opened.song
    if is_package_target(target):
        return _to_package(opened, target, timing, words)
    lyrics_format = format_for(target)
    if lyrics_format is None or not lyrics_format.writable:
        raise SongError(
            target,
            f"cannot write {target.suffix!r}: use {', '.join(writable_extensions())}, "
            "or a folder for a song package",
            code=ProblemCode.NOT_WRITABLE,
        )
    # A package's lines are in lyrics time; a bare file is read against the media directly.
    to_media = replace(timing, before_ms=timing.before_ms + song.offset_ms)
    lines, clamped = retime(song.lines, to_media)
    if not words:
        lines = tuple(replace(line, words=()) for line in lines)
    has_words = any(line.words for line in lines)
    notes = _clamp_notes(clamped)
    if has_words and not lyrics_format.holds_words:
        notes.append(_words_lost_note(target.suffix.lower()))
    if lyrics_format.losses is not None:
        notes += lyrics_format.losses(lines, has_words)
    write_lyrics(target, lines, stanza_starts=_stanza_starts(opened), title=song.title, words=words)
    return Converted(target, len(lines), has_words and lyrics_format.holds_words, notes)


def _words_lost_note(extension: str) -> str:
    keepers = [fmt.extensions[0] for fmt in FORMATS if fmt.holds_words]
    return f"word timings are not kept: {extension} cannot hold them (an {keepers[0]} file can)"


def _to_package(opened: OpenedSong, target: Path, timing: Retiming, words: bool) -> Converted:
    song = opened.song
    folder = target.parent if target.name == MANIFEST_NAME else target
    if folder.exists() and not folder.is_dir():
        raise SongError(
            folder, "is a file; a song package is a folder", code=ProblemCode.NOT_A_FOLDER
        )
    lines, clamped = retime(song.lines, timing)
    if not words:
        lines = tuple(replace(line, words=()) for line in lines)
    notes = _clamp_notes(clamped)
    if song.manifest_path is not None:
        translations = {
            language: retime(read_lyrics(path).lines, timing)[0]
            for language, path in song.translations.items()
        }
        moved = replace(song, offset_ms=_scaled(song.offset_ms, timing))
        manifest = write_song_package(folder, moved, lines, translations)
    else:
        manifest = new_package(
            folder,
            title=song.title,
            lines=lines,
            stanza_starts=opened.lyrics.stanza_starts,
            media=song.media,
        )
        notes.append(
            f"write the explanations in {manifest}: 'karaoke check {folder}' lists the stanzas "
            "still without one"
        )
    has_words = any(line.words for line in lines)
    if has_words:  # the package's lyrics are then an .lrc file (package_writer.py)
        notes += lrc_losses(lines, words=True)
    return Converted(manifest, len(lines), has_words, notes, is_package=True)


def _scaled(offset_ms: int, timing: Retiming) -> int:
    """An offset (a duration, not a time) scaled but not shifted or clamped."""
    return int((offset_ms * timing.scale + Fraction(1, 2)).__floor__())


def _stanza_starts(opened: OpenedSong) -> tuple[int, ...]:
    song: Song = opened.song
    if song.manifest_path is not None:
        return tuple(stanza.first_line for stanza in song.stanzas) or (0,)
    return opened.lyrics.stanza_starts


def _clamp_notes(clamped: int) -> list[str]:
    if not clamped:
        return []
    lines = "1 line" if clamped == 1 else f"{clamped} lines"
    return [f"{lines} would start before 0:00 and now start at 0:00"]


def parse_scale(text: str) -> Fraction:
    """``"1.25"``, ``"25/23.976"`` or ``"0.8"`` → an exact positive Fraction.

    Raises ValueError with a readable message for anything else.
    """
    try:
        if "/" in text:
            numerator, denominator = text.split("/", 1)
            value = Fraction(numerator.strip()) / Fraction(denominator.strip())
        else:
            value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"not a scale factor: {text!r} (use e.g. 1.25 or 25/23.976)") from None
    if value <= 0:
        raise ValueError(f"the scale factor must be above 0, not {text}")
    return value
