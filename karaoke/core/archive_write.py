"""Packing a song package folder into one ``.karaoke`` file (``karaoke pack``).

Only the files the manifest names go in (``song.toml``, lyrics, translations, media and
instrumental; the media and instrumental left out on request) and the images its explanations
show (:func:`karaoke.core.markdown_safety.package_images`), under their names relative to
the manifest's folder, in a fixed order (the manifest first, then by name) with fixed dates and
permissions: packing the same song twice gives the same bytes. The archive is written beside
its target and renamed into place, so a failed pack leaves no half-written file. Every name is
checked with the importer's rules (:func:`karaoke.core.archive.name_problem`), so what is packed
imports.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from karaoke.core.archive import (
    MANIFEST_ENTRY,
    MAX_ENTRIES,
    MAX_MANIFEST_BYTES,
    MAX_TOTAL_BYTES,
    SUFFIX,
    name_problem,
    refused,
)
from karaoke.core.atomic import describe_os_error
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.markdown_safety import package_images
from karaoke.core.model import Song
from karaoke.core.package import open_song

#: The date every entry carries (zip's earliest), so that the bytes depend on content alone.
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
#: Files stored as they are: already compressed, deflating them again only costs time.
_STORED_SUFFIXES = frozenset(
    {".mp4", ".m4a", ".mkv", ".webm", ".mov", ".avi", ".mp3", ".ogg", ".opus", ".flac", ".aac"}
)
_CHUNK_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class PackResult:
    """What :func:`pack_song` wrote: the archive, its entries in order, and notes for the
    person (a media file left out or missing)."""

    archive: Path
    entries: tuple[str, ...]
    notes: list[str] = field(default_factory=list)


def archive_path(target: Path) -> Path:
    """``target`` with the ``.karaoke`` ending added when it has another one or none."""
    return target if target.suffix.lower() == SUFFIX else target.with_name(target.name + SUFFIX)


def pack_song(song_path: Path, target: Path, *, media: bool = True) -> PackResult:
    """Pack the song package at ``song_path`` (its folder or ``song.toml``) into ``target``
    (``.karaoke`` added if missing); ``media=False`` leaves the media and instrumental out.

    Refuses (:class:`SongError`) a song that is not a package, has errors, names a file outside
    its folder, or would break the import's rules."""
    opened = open_song(song_path)
    song = opened.song
    if song.manifest_path is None:
        raise SongError(
            song_path,
            "not a song package (a folder with song.toml): make one with 'karaoke convert'",
            code=ProblemCode.NO_MANIFEST,
        )
    outside = [p for p in opened.problems if p.code is ProblemCode.PATH_OUTSIDE_PACKAGE]
    if outside:
        raise outside[0].as_error(": a package carries only files inside its folder")
    opened.refuse_errors(song_path)
    files, notes = _files(song, media=media)
    target = archive_path(target)
    _check(target, files)
    _write(target, files)
    return PackResult(target, tuple(files), notes)


def _files(song: Song, *, media: bool) -> tuple[dict[str, Path], list[str]]:
    """The entries (name → file), the manifest first then by name, and notes."""
    assert song.manifest_path is not None
    folder = song.manifest_path.parent
    named = [song.lyrics_path, *song.translations.values()]
    notes = []
    if media:
        named += [path for path in (song.media, song.instrumental) if path is not None]
    elif song.media or song.instrumental:
        notes.append("media left out (--no-media): the package plays once its media is added")
    if media and song.media is None:
        notes.append("this song has no media file to pack")
    entries = {
        Path(os.path.relpath(path, folder)).as_posix(): path for path in named if path is not None
    }
    for name in _explanation_images(song):
        entries.setdefault(name, folder / name)
    return {MANIFEST_ENTRY: song.manifest_path} | dict(sorted(entries.items())), notes


def _explanation_images(song: Song) -> list[str]:
    """The images the stanzas' explanations show (files inside the package, relative names),
    so that a packed song shows them too."""
    assert song.manifest_path is not None
    folder = song.manifest_path.parent
    texts = [text for stanza in song.stanzas for text in stanza.explanation.values()]
    return [name for text in texts for name in package_images(text, folder)]


def _check(target: Path, files: dict[str, Path]) -> None:
    if len(files) > MAX_ENTRIES:
        raise refused(target, None, f"more than {MAX_ENTRIES} files to pack")
    if files[MANIFEST_ENTRY].stat().st_size > MAX_MANIFEST_BYTES:
        raise refused(target, MANIFEST_ENTRY, f"over {MAX_MANIFEST_BYTES // 1024**2} MiB")
    total = 0
    for name, path in files.items():
        if why := name_problem(name):
            raise refused(target, name, f"{why}: rename the file (an import would refuse it)")
        total += path.stat().st_size
    if total > MAX_TOTAL_BYTES:
        raise refused(
            target, None, f"over {MAX_TOTAL_BYTES // 1024**2} MiB (try --no-media to leave it out)"
        )


def _write(target: Path, files: dict[str, Path]) -> None:
    """Write the archive beside ``target`` and rename it into place."""
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise SongError(
            target, f"cannot write here: {describe_os_error(error)}", code=ProblemCode.WRITE_FAILED
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as stream, zipfile.ZipFile(stream, "w") as archive:
            for name, path in files.items():
                _add(archive, name, path)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        raise SongError(
            target,
            f"cannot write the package: {describe_os_error(error)}",
            code=ProblemCode.WRITE_FAILED,
        ) from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def _add(archive: zipfile.ZipFile, name: str, path: Path) -> None:
    info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    info.create_system = 3  # Unix, so that the permissions above are read
    stored = path.suffix.lower() in _STORED_SUFFIXES
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    large = path.stat().st_size >= zipfile.ZIP64_LIMIT  # sizes over 2 GiB need zip64 fields
    with path.open("rb") as source, archive.open(info, "w", force_zip64=large) as entry:
        shutil.copyfileobj(source, entry, _CHUNK_BYTES)
