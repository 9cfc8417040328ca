"""The song library's index: every song package found in the library's folders, with what a
list of songs shows (title, language, length, stanzas, questions), cached between runs.

A song, here, is a *package*: a folder holding ``song.toml``. Bare lyrics and media files are
not listed (a folder of ``.lrc`` and ``.mp3`` files is opened with File ▸ Open): telling a
song's lyrics from its translations and from stray text files needs the manifest.

A library folder is either a song itself or holds songs in its sub-folders, down to
:data:`MAX_DEPTH` levels (hidden folders skipped). The same song reached twice (an added folder
inside the songs folder) is listed once, under the first source that reached it.

Lengths are where the lyrics end (``Song.duration_ms``), in ms: the core does not ask libvlc
for the media's length, and reading 500 media files' headers would make the index slow.

The index is cached as JSON (:func:`load_cache` / :func:`save_cache`): a cached entry is used
again while the files it was read from (``song.toml`` and the lyrics) keep their size and
``mtime_ns``; songs that went are dropped, new ones read. A song that cannot be opened is an
entry with a :attr:`LibraryEntry.problem` (one line), read again at every refresh (it may have
been fixed). A cache file that is damaged or someone else's is ignored and written anew.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from karaoke.core.atomic import write_atomic
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.package import MANIFEST_NAME, open_song

#: How deep under a library folder songs are looked for (1: its sub-folders only).
MAX_DEPTH = 3
#: At most this many folders are looked into under one library folder (someone adds their
#: whole home folder): the walk stops there and says so.
MAX_FOLDERS = 20_000
#: What the cache file says it is, and the version of its layout.
CACHE_FORMAT = "karaoke-library-index"
CACHE_VERSION = 1


class Source(Enum):
    """Where a song is from: what "remove" means depends on it."""

    BUNDLED = "bundled"  # shipped with the app: cannot be removed
    USER = "user"  # the user's songs folder (imports go there): removing deletes it
    ADDED = "added"  # a folder the user added: removing forgets the folder, deletes nothing


@dataclass(frozen=True, slots=True)
class LibraryFolder:
    """A folder the library looks in, and what its songs count as."""

    path: Path
    source: Source


@dataclass(frozen=True, slots=True)
class Stamp:
    """A file an entry was read from, as it was then: ``os.stat``'s ``st_mtime_ns`` and size
    (-1 for both: the file was missing)."""

    path: str
    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path | str) -> Stamp:
        try:
            found = os.stat(path)
        except OSError:
            return cls(str(path), -1, -1)
        return cls(str(path), found.st_mtime_ns, found.st_size)


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One song of the library (``problem`` empty), or a folder that failed to open as one
    (``problem``: one line saying why; ``title`` is then the folder's name).

    ``length_ms`` is where the lyrics end; ``stanzas`` counts the song's stanzas;
    ``has_questions``: at least one stanza has a checkpoint question. ``path`` is the song's
    folder; ``folder`` is the library folder it was found in (what "remove" forgets).
    """

    path: Path
    source: Source
    title: str
    subtitle: str = ""
    language: str = ""
    length_ms: int = 0
    stanzas: int = 0
    has_questions: bool = False
    problem: str = ""
    folder: Path | None = None
    stamps: tuple[Stamp, ...] = ()
    #: The folder's real path (links resolved): its identity in the cache and among sources.
    key: str = field(default="", compare=False)

    @property
    def ok(self) -> bool:
        return not self.problem


@dataclass(slots=True)
class LibraryIndex:
    """The songs (by title, folded), then the problems (by path). ``reread``: the folders read
    from their files by the refresh that made this index (not taken from the cache)."""

    entries: tuple[LibraryEntry, ...]
    reread: tuple[Path, ...] = ()
    _haystacks: list[str] | None = field(default=None, repr=False)  # made at the first search

    @property
    def songs(self) -> list[LibraryEntry]:
        return [entry for entry in self.entries if entry.ok]

    @property
    def problems(self) -> list[LibraryEntry]:
        return [entry for entry in self.entries if not entry.ok]

    def search(self, text: str) -> list[LibraryEntry]:
        """The songs whose title, subtitle or language hold every word of ``text``, ignoring
        case and accents ("modelito sabanero", "CANCION" finds "canción"); all for blank text."""
        words = fold(text).split()
        if self._haystacks is None:
            self._haystacks = [haystack(entry) for entry in self.entries]
        return [
            entry
            for entry, hay in zip(self.entries, self._haystacks, strict=True)
            if entry.ok and all(word in hay for word in words)
        ]

    def by_name(self, name: str) -> Path | None:
        """The folder of the first song whose folder is called ``name`` (a lesson shared by
        another teacher names its songs' folders), or None."""
        return next((e.path for e in self.entries if e.ok and e.path.name == name), None)


#: The combining diacritical marks (the blocks Unicode names so), dropped by :func:`fold`: the
#: accents of Latin, Greek and Cyrillic letters once decomposed. A table for ``str.translate``
#: is some ten times faster than asking ``unicodedata.combining`` about every letter.
_MARKS = dict.fromkeys(
    itertools.chain(
        range(0x0300, 0x0370),
        range(0x1AB0, 0x1B00),
        range(0x1DC0, 0x1E00),
        range(0x20D0, 0x2100),
        range(0xFE20, 0xFE30),
    )
)


def fold(text: str) -> str:
    """``text`` for comparing: accents dropped (NFKD, without combining diacritical marks),
    case folded."""
    if text.isascii():  # nothing to take off
        return text.casefold()
    return unicodedata.normalize("NFKD", text).translate(_MARKS).casefold()


def haystack(entry: LibraryEntry) -> str:
    """What a search looks in: title, subtitle and language, folded."""
    return fold(f"{entry.title}\n{entry.subtitle}\n{entry.language}")


# Finding songs ----------------------------------------------------------------------------------


def song_folders(folder: Path, depth: int = MAX_DEPTH) -> Iterator[Path]:
    """The song packages in ``folder``: itself when it holds ``song.toml``, else those in its
    sub-folders (sorted by name, hidden ones skipped) down to ``depth`` levels."""
    for found, _key in _walk(folder, os.path.realpath(folder), depth, [MAX_FOLDERS]):
        yield found


def _walk(folder: Path, key: str, depth: int, budget: list[int]) -> Iterator[tuple[Path, str]]:
    """:func:`song_folders` with each folder's real path (``key``: ``folder``'s), worked out
    from its parent's unless it is a link (``realpath`` for every folder costs more than the
    rest of a warm load)."""
    budget[0] -= 1
    if budget[0] < 0:
        return
    if os.path.isfile(folder / MANIFEST_NAME):
        yield folder, key
        return
    if depth <= 0:
        return
    try:
        with os.scandir(folder) as found:
            subfolders = sorted(
                (e.name, e.is_symlink()) for e in found if not e.name.startswith(".") and _is_dir(e)
            )
    except OSError:  # gone, unreadable, not a folder: no songs there
        return
    for name, linked in subfolders:
        path = folder / name
        sub_key = os.path.realpath(path) if linked else os.path.join(key, name)
        yield from _walk(path, sub_key, depth - 1, budget)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


# Reading one song -------------------------------------------------------------------------------


def read_entry(folder: Path, source: Source, library_folder: Path | None = None) -> LibraryEntry:
    """The entry for the song package in ``folder``, opened now; never raises: a song that
    cannot be opened (or would play wrong) is an entry with its problem."""
    manifest = folder / MANIFEST_NAME
    stamps = [Stamp.of(manifest)]  # taken before reading: a change while reading is seen next
    try:
        opened = open_song(folder)
    except SongError as error:
        return _problem(folder, source, library_folder, one_line(str(error)))
    except (OSError, ValueError, RecursionError) as error:  # a reader's bug must not stop the list
        return _problem(folder, source, library_folder, one_line(f"{manifest}: {error}"))
    song = opened.song
    stamps.append(Stamp.of(song.lyrics_path))
    if errors := opened.errors:
        return _problem(folder, source, library_folder, one_line(str(errors[0].as_error())))
    return LibraryEntry(
        path=folder,
        source=source,
        title=one_line(song.title),
        subtitle=one_line(song.subtitle),
        language=song.language,
        length_ms=song.duration_ms,
        stanzas=len(song.stanzas),
        has_questions=any(stanza.questions for stanza in song.stanzas),
        folder=library_folder,
        stamps=tuple(stamps),
    )


def _problem(folder: Path, source: Source, library_folder: Path | None, why: str) -> LibraryEntry:
    return LibraryEntry(folder, source, folder.name, problem=why, folder=library_folder)


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def unchanged(entry: LibraryEntry) -> bool:
    """Whether every file ``entry`` was read from is as it was (a problem entry never is)."""
    return entry.ok and bool(entry.stamps) and all(Stamp.of(s.path) == s for s in entry.stamps)


# The index --------------------------------------------------------------------------------------


def refresh(
    folders: Sequence[LibraryFolder], cached: Mapping[str, LibraryEntry] | None = None
) -> LibraryIndex:
    """The index of the songs in ``folders`` now: entries from ``cached`` (by folder path)
    whose files did not change, the others read again. A folder reached twice counts once."""
    cached = cached or {}
    entries: list[LibraryEntry] = []
    reread: list[Path] = []
    seen: set[str] = set()
    for library_folder in folders:
        root = library_folder.path
        for folder, key in _walk(root, os.path.realpath(root), MAX_DEPTH, [MAX_FOLDERS]):
            if key in seen:
                continue
            seen.add(key)
            old = cached.get(key)
            if old is not None and unchanged(old):
                entry = replace(old, path=folder, source=library_folder.source, folder=root)
            else:
                entry = replace(read_entry(folder, library_folder.source, root), key=key)
                reread.append(folder)
            entries.append(entry)
    return LibraryIndex(tuple(sorted(entries, key=_order)), tuple(reread))


def _order(entry: LibraryEntry) -> tuple[bool, str, str]:
    return (not entry.ok, fold(entry.title) if entry.ok else "", str(entry.path))


def build_index(folders: Sequence[LibraryFolder], cache_file: Path | None) -> LibraryIndex:
    """:func:`refresh` from the cache in ``cache_file`` (when given), saving it back when the
    index changed. A cache that cannot be written is left as it is: the index is still right."""
    cached = load_cache(cache_file) if cache_file is not None else {}
    index = refresh(folders, cached)
    songs = {entry.key for entry in index.songs}
    reread = {os.path.realpath(folder) for folder in index.reread}  # only what changed
    changed = songs != cached.keys() or bool(reread & songs)
    if cache_file is not None and changed:
        # A read-only data folder: the index is still right; the next run reads the songs again.
        with contextlib.suppress(SongError):
            save_cache(cache_file, index.entries)
    return index


# The cache file ---------------------------------------------------------------------------------


def save_cache(path: Path, entries: Iterable[LibraryEntry]) -> None:
    """Write the cache atomically (its folder made when missing). Raises :class:`SongError`."""
    rows = [_row(entry) for entry in entries if entry.ok]  # problems are read again anyway
    text = json.dumps({"format": CACHE_FORMAT, "version": CACHE_VERSION, "songs": rows})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SongError(
            path.parent, f"cannot make the folder: {error.strerror}", code=ProblemCode.WRITE_FAILED
        ) from None
    write_atomic(path, text.encode("utf-8"), backup=False)


def _row(entry: LibraryEntry) -> dict[str, Any]:
    return {
        "path": entry.key or os.path.realpath(entry.path),
        "title": entry.title,
        "subtitle": entry.subtitle,
        "language": entry.language,
        "length_ms": entry.length_ms,
        "stanzas": entry.stanzas,
        "has_questions": entry.has_questions,
        "stamps": [[s.path, s.mtime_ns, s.size] for s in entry.stamps],
    }


def load_cache(path: Path) -> dict[str, LibraryEntry]:
    """The cached entries by folder path; empty when the file is missing, unreadable, not JSON,
    not this app's cache or of another version. A malformed row is left out (read again)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return {}
    if data.get("version") != CACHE_VERSION or not isinstance(data.get("songs"), list):
        return {}
    entries = (_entry(row) for row in data["songs"])
    return {entry.key: entry for entry in entries if entry is not None}


def _entry(row: Any) -> LibraryEntry | None:
    """A cache row as an entry (source: added until the refresh says), or None if malformed."""
    try:
        texts = [row[key] for key in ("path", "title", "subtitle", "language")]
        numbers = [row[key] for key in ("length_ms", "stanzas")]
        stamps = tuple(Stamp(str(p), int(m), int(s)) for p, m, s in row["stamps"])
        ok = all(isinstance(text, str) for text in texts) and all(
            type(number) is int and number >= 0 for number in numbers
        )
        if not ok or type(row["has_questions"]) is not bool or not stamps:
            return None
    except (TypeError, KeyError, ValueError):
        return None
    path, title, subtitle, language = texts
    length_ms, stanzas = numbers
    return LibraryEntry(
        Path(path),
        Source.ADDED,
        title,
        subtitle=subtitle,
        language=language,
        length_ms=length_ms,
        stanzas=stanzas,
        has_questions=row["has_questions"],
        stamps=stamps,
        key=path,
    )
