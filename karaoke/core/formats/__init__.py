"""Lyrics formats: one module per format, one registry, chosen by file extension.

:func:`read_lyrics` and :func:`write_lyrics` are the entry points; :func:`format_for` tells
which format a path is, :func:`readable_extensions`, :func:`writable_extensions` and
:func:`timed_extensions` list them.

To add a format (say WebVTT):

1. Write ``karaoke/core/formats/webvtt.py`` with
   ``read_webvtt(data: bytes, path: str) -> Lyrics`` that decodes with
   :func:`decoding.decode_text`, collects a :class:`~karaoke.core.errors.Problem` (with its
   :class:`~karaoke.core.errors.ProblemCode`) for everything it skips, raises
   :class:`~karaoke.core.errors.SongError` when nothing usable is left, and ends with
   :func:`common.build_lyrics`; optionally a writer ``webvtt_text(lines, options)`` (a
   :data:`base.TextWriter`, told the stanzas, title and word timings by ``options``). End
   the module with its record, ``WEBVTT = LyricsFormat(name="WebVTT", extensions=(".vtt",),
   read=read_webvtt, write=..., max_time_ms=..., holds_words=...)`` (``timed=False`` for a
   format without times, like plain text).
2. Add its row, ``("webvtt", "WEBVTT", (".vtt",))``, to :data:`_MODULES` below.

``tests/core/formats/test_registry.py`` then runs the new format through the checks every format
must pass (any bytes give lyrics or a SongError; what is written reads back; times up to
``max_time_ms`` are written, later ones refused) and checks the row against the record.

A format's module is imported when a file of one of its extensions is read or written, or when
the whole registry is asked for (:data:`FORMATS`, :func:`writable_extensions`,
:func:`timed_extensions`): playing an ``.srt`` song imports neither the ASS nor the UltraStar
reader (importing every format cost ~25 ms of each start).

An extension may belong to several formats when all of them but one have a ``sniff`` (UltraStar
and plain text share ``.txt``): :func:`read_lyrics` asks each sniffing format about the file's
first ``SNIFF_BYTES`` bytes, and reads with the one that does not sniff when none claims them.
Without the bytes (:func:`format_for` of a path alone, every writer) the extension names that
one: writing a ``.txt`` writes plain text.
"""

from __future__ import annotations

import functools
import importlib
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from karaoke.core.atomic import write_atomic
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.formats.base import DEFAULT_OPTIONS, SNIFF_BYTES, LyricsFormat, WriteOptions
from karaoke.core.model import Line, Lyrics
from karaoke.core.timefmt import HOUR_MS

#: Every format, in order of preference (messages list them in this order): its module in this
#: package, the name of its record there, and the extensions the record lists (the registry
#: needs them before it imports the module; a test keeps the two equal).
_MODULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("subrip", "SUBRIP", (".srt",)),
    ("lrc", "LRC", (".lrc",)),
    ("ass", "ASS", (".ass", ".ssa")),
    ("webvtt", "WEBVTT", (".vtt",)),
    ("ultrastar", "ULTRASTAR", (".txt",)),
    ("plain", "PLAIN", (".txt",)),
)

if TYPE_CHECKING:
    #: Every format's record, in :data:`_MODULES` order (importing every format's module: see
    #: :func:`__getattr__`).
    FORMATS: tuple[LyricsFormat, ...]

#: Lyrics files larger than this are not lyrics (a 3-hour film's subtitles are ~150 kB).
MAX_LYRICS_BYTES = 16 * 1024 * 1024


def __getattr__(name: str) -> object:
    """``FORMATS``, made on first use: it imports every format's module."""
    if name == "FORMATS":
        return _all_formats()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _record(module: str, record: str) -> LyricsFormat:
    """The record ``record`` of ``karaoke.core.formats.MODULE``, importing the module."""
    found = getattr(importlib.import_module(f"{__name__}.{module}"), record)
    assert isinstance(found, LyricsFormat), f"{module}.{record} is not a LyricsFormat"
    return found


@functools.cache
def _all_formats() -> tuple[LyricsFormat, ...]:
    return tuple(_record(module, record) for module, record, _extensions in _MODULES)


def _by_extension(formats: Iterable[LyricsFormat]) -> dict[str, tuple[LyricsFormat, ...]]:
    """Extension → its formats: those that sniff, in the order given, then the one the extension
    names when none of them claims a file (the last). An extension claimed by two formats that
    do not sniff is a programming error, found when the extension is first used."""
    found: dict[str, list[LyricsFormat]] = {}
    for lyrics_format in formats:
        for extension in lyrics_format.extensions:
            claimed = found.setdefault(extension, [])
            plain = [other for other in claimed if other.sniff is None]
            if plain and lyrics_format.sniff is None:
                raise ValueError(
                    f"{extension} belongs to both {plain[0].name} and {lyrics_format.name}"
                )
            claimed.append(lyrics_format)
    # A stable sort: the sniffing formats keep their order, the one that does not goes last.
    return {
        extension: tuple(sorted(claimed, key=lambda lyrics_format: lyrics_format.sniff is None))
        for extension, claimed in found.items()
    }


@functools.cache
def _candidates(extension: str) -> tuple[LyricsFormat, ...]:
    """The formats of ``extension`` (lower case, with its dot) as :func:`_by_extension` orders
    them, importing only their modules; () for an extension no format reads."""
    formats = [
        _record(module, record)
        for module, record, extensions in _MODULES
        if extension in extensions
    ]
    return _by_extension(formats).get(extension, ())


def format_for(path: Path | str, head: bytes = b"") -> LyricsFormat | None:
    """The format of ``path`` by its extension (any case), or None for no known format. With
    ``head``, the file's first bytes (up to ``SNIFF_BYTES``), a format that shares the extension
    may claim it (see the module doc); without, the extension alone decides."""
    candidates = _candidates(Path(path).suffix.lower())
    if not candidates:
        return None
    *sniffing, named = candidates
    if head:
        for lyrics_format in sniffing:
            assert lyrics_format.sniff is not None  # _by_extension put the others last
            if lyrics_format.sniff(head[:SNIFF_BYTES]):
                return lyrics_format
    return named


def readable_extensions() -> tuple[str, ...]:
    """Every extension :func:`read_lyrics` reads, in :data:`FORMATS` order (``".srt"``, …)."""
    return tuple(dict.fromkeys(ext for _module, _record, exts in _MODULES for ext in exts))


def writable_extensions() -> tuple[str, ...]:
    """Every extension :func:`write_lyrics` writes, in :data:`FORMATS` order."""
    by_extension = _by_extension(_all_formats())
    return tuple(ext for ext, candidates in by_extension.items() if candidates[-1].writable)


def timed_extensions(
    *, words_first: bool = False, among: Iterable[str] | None = None
) -> tuple[str, ...]:
    """The extensions of the formats with real times (not plain text), in :data:`FORMATS` order;
    with ``words_first``, those of formats that keep word timings come first (``".lrc"``
    before ``".srt"``: the order in which a media file's own lyrics are looked for). An
    extension counts by the format it names alone: ``.txt`` is plain text, untimed, although
    an UltraStar ``.txt`` has times. With ``among`` (lower-case extensions), only those of
    them, importing only their formats' modules."""
    wanted = set(readable_extensions() if among is None else among)
    timed = [
        _record(module, record)
        for module, record, extensions in _MODULES
        if wanted.intersection(extensions) and _record(module, record).timed
    ]
    if words_first:
        timed.sort(key=lambda lyrics_format: not lyrics_format.holds_words)  # a stable sort
    return tuple(
        extension
        for lyrics_format in timed
        for extension in lyrics_format.extensions
        if extension in wanted and _candidates(extension)[-1] is lyrics_format
    )


def read_lyrics(path: Path, encoding: str | None = None) -> Lyrics:
    """Read a lyrics file by its extension (and, for an extension several formats share, its
    first bytes: :func:`format_for`), in ``encoding`` (a Python codec name) when given, else in
    the encoding detected. Raises :class:`SongError` for anything unusable."""
    lyrics_format = format_for(path)
    if lyrics_format is None:
        known = ", ".join(sorted(readable_extensions()))
        raise SongError(
            path,
            f"unknown lyrics format {path.suffix or '(no extension)'!r}; known: {known}",
            code=ProblemCode.UNKNOWN_FORMAT,
        )
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise SongError(
                path, "not a regular file (a pipe or a device?)", code=ProblemCode.NOT_A_FILE
            )
        if info.st_size > MAX_LYRICS_BYTES:
            raise SongError(
                path,
                f"too large for a lyrics file (over {MAX_LYRICS_BYTES >> 20} MB)",
                code=ProblemCode.TOO_LARGE,
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise SongError(
            path, "is a folder, not a lyrics file", code=ProblemCode.NOT_A_FILE
        ) from None
    except FileNotFoundError:
        raise SongError(path, "no such file", code=ProblemCode.FILE_NOT_FOUND) from None
    except OSError as error:
        raise SongError(
            path, f"cannot read: {error.strerror or error}", code=ProblemCode.UNREADABLE
        ) from None
    lyrics_format = format_for(path, data[:SNIFF_BYTES]) or lyrics_format
    return lyrics_format.read(data, str(path), encoding)


def lyrics_text(path: Path, lines: Sequence[Line], options: WriteOptions = DEFAULT_OPTIONS) -> str:
    """The document :func:`write_lyrics` would write to ``path`` (chosen by its extension).
    Raises :class:`SongError` for an extension no format writes, or a time past the format's
    ``max_time_ms`` (our readers would refuse the file)."""
    lyrics_format = format_for(path)
    if lyrics_format is None or lyrics_format.write is None:
        *others, last = writable_extensions()
        raise SongError(
            path,
            f"cannot write lyrics as {path.suffix.lower() or '(no extension)'!r}: "
            f"use {', '.join(others)} or {last}",
            code=ProblemCode.NOT_WRITABLE,
        )
    limit = lyrics_format.max_time_ms
    latest = max((line.end_ms for line in lines), default=0)
    if limit is not None and latest > limit:
        raise SongError(
            path,
            f"times past {latest // HOUR_MS} h do not fit a {path.suffix} file",
            code=ProblemCode.TIME_TOO_LATE,
        )
    return lyrics_format.write(lines, options)


def write_lyrics(
    path: Path,
    lines: Sequence[Line],
    *,
    stanza_starts: Iterable[int] = (0,),
    title: str | None = None,
    words: bool = True,
) -> Path | None:
    """Write ``lines`` (in time order) to ``path`` in the format of its extension, UTF-8,
    atomically (see :mod:`karaoke.core.atomic`). Word timings are written when ``words`` is
    true and the format holds them. Returns the ``NAME.bak`` kept of a replaced file, if any.
    Raises :class:`SongError` as :func:`lyrics_text` does, or for a failed write."""
    options = WriteOptions(tuple(stanza_starts), title, words)
    return write_atomic(path, lyrics_text(path, lines, options).encode("utf-8"))
