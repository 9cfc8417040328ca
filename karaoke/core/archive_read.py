"""Checking and unpacking a ``.karaoke`` file from someone else (``karaoke import``).

The archive is untrusted. :func:`checked_entries` refuses it, before anything is written, for
any entry that could write outside the song's folder or harm the computer (see
:func:`karaoke.core.archive.name_problem`), a symbolic link, device or special file, an
encrypted entry, a name not in UTF-8, a name twice (also when only case or accents differ), a
file where a folder is needed, too many entries, too many bytes, or an entry that unpacks to
too many times its packed size (a zip bomb). :func:`import_package` then unpacks it into a
hidden temporary folder inside the library, counting the bytes again as they come (an entry
that gives more than it declared is stopped), opens the copy as a song package and refuses it
on an error or a path that leaves it, and only then renames the folder into place: a refused
or failed import leaves nothing behind. A song folder of the same name is never replaced: the
new one is numbered (``name-2``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
import tomllib
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from karaoke.core.archive import (
    MANIFEST_ENTRY,
    MAX_ENTRIES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_FREE_BYTES,
    folder_name,
    name_problem,
    refused,
    same_name_key,
)
from karaoke.core.atomic import describe_os_error
from karaoke.core.errors import ProblemCode, Severity, SongError
from karaoke.core.package import OpenedSong, open_song

#: The zip flags: bit 0 an encrypted entry, bit 11 a name in UTF-8.
_ENCRYPTED, _UTF8_NAME = 0x1, 0x800
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_CHUNK_BYTES = 1024 * 1024
#: The prefix of the temporary folder an import unpacks into (hidden, so it is never listed).
TEMPORARY_PREFIX = ".karaoke-import-"
#: A temporary folder older than this (seconds) was left by an import that was killed (a crash,
#: a power cut): the next import removes it. An hour is far longer than any import takes.
STALE_AFTER_S = 3600


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Where :func:`import_package` put the song, its title, whether its name was taken (the
    folder was numbered), and notes for the person (media not in the package)."""

    folder: Path
    title: str
    renamed: bool = False
    notes: list[str] = field(default_factory=list)


def package_title(archive: Path) -> str:
    """The title of the song in ``archive`` (its manifest's ``title``, else the file's name),
    after :func:`checked_entries`: raises :class:`SongError` for an archive an import refuses."""
    with _open_zip(archive) as bundle:
        infos = checked_entries(archive, bundle)
        manifest = next(info for info in infos if info.filename == MANIFEST_ENTRY)
        try:
            table = tomllib.loads(_read_entry(archive, bundle, manifest).decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            table = {}
    title = table.get("title")
    return title.strip() if isinstance(title, str) and title.strip() else archive.stem


def import_package(archive: Path, library: Path) -> ImportResult:
    """Unpack ``archive`` into a new song folder in ``library`` (made if missing) and return
    where it went. Raises :class:`SongError` (nothing written) when the archive is refused."""
    with _open_zip(archive) as bundle:
        infos = checked_entries(archive, bundle)
        made_library = not library.exists()
        try:
            library.mkdir(parents=True, exist_ok=True)
            _remove_stale(library)
            unpacked = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=library))
            os.chmod(unpacked, 0o755)  # mkdtemp's is private; a song folder is like any other
        except OSError as error:
            raise _write_failed(library, error) from None
        try:
            _unpack(archive, bundle, infos, unpacked)
            opened = _open_copy(archive, unpacked)
            folder, renamed = _move_into_place(unpacked, library, opened.song.title)
        except BaseException:
            shutil.rmtree(unpacked, ignore_errors=True)
            if made_library:
                with contextlib.suppress(OSError):
                    library.rmdir()
            raise
    notes = [
        f"{problem.message.replace(str(unpacked), str(folder))} (not in the package: add it there)"
        for problem in opened.problems
        if problem.code in (ProblemCode.MEDIA_NOT_FOUND, ProblemCode.INSTRUMENTAL_NOT_FOUND)
    ]
    return ImportResult(folder, opened.song.title, renamed, notes)


def _remove_stale(library: Path) -> None:
    """Remove the temporary folders killed imports left in ``library`` (only those: named
    with :data:`TEMPORARY_PREFIX`, older than :data:`STALE_AFTER_S`, never through a link)."""
    now = time.time()
    for leftover in library.glob(f"{TEMPORARY_PREFIX}*"):
        with contextlib.suppress(OSError):
            if leftover.is_symlink() or not leftover.is_dir():
                continue
            if now - leftover.lstat().st_mtime > STALE_AFTER_S:
                shutil.rmtree(leftover, ignore_errors=True)


def _open_zip(archive: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(archive)
    except UnicodeDecodeError as error:  # flagged as UTF-8, and not
        name = bytes(error.object).decode("utf-8", "replace")  # shown as �
        raise refused(archive, name, "a name that is not valid UTF-8") from None
    except FileNotFoundError:
        raise SongError(archive, "no such file", code=ProblemCode.FILE_NOT_FOUND) from None
    except OSError as error:
        raise SongError(
            archive, f"cannot read: {describe_os_error(error)}", code=ProblemCode.UNREADABLE
        ) from None
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError) as error:
        raise SongError(
            archive,
            f"not a song package file (a .karaoke is a zip archive): {error}",
            code=ProblemCode.NOT_AN_ARCHIVE,
        ) from None


def checked_entries(archive: Path, bundle: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's entries when an import may unpack them all; else :class:`SongError`
    (UNSAFE_ARCHIVE) naming the archive and the first entry refused. Reads no entry's data."""
    infos = bundle.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refused(archive, None, f"{len(infos)} entries, more than the {MAX_ENTRIES} allowed")
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        if why := _entry_problem(info):
            raise refused(archive, info.orig_filename, why)
        key = same_name_key(info.filename)
        if key in seen:
            twice = "twice" if seen[key] == info.filename else f"as well as {seen[key]!r}"
            raise refused(
                archive, info.filename, f"the same name {twice} (one would replace the other)"
            )
        seen[key] = info.filename
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise refused(
                archive, None, f"unpacks to more than {MAX_TOTAL_BYTES // 1024**2} MiB in all"
            )
    _check_folders(archive, infos)
    manifest = next((info for info in infos if info.filename == MANIFEST_ENTRY), None)
    if manifest is not None and manifest.file_size > MAX_MANIFEST_BYTES:
        raise refused(archive, MANIFEST_ENTRY, f"over {MAX_MANIFEST_BYTES // 1024**2} MiB")
    if MANIFEST_ENTRY not in seen or seen[MANIFEST_ENTRY] != MANIFEST_ENTRY:
        raise refused(
            archive, None, f"no {MANIFEST_ENTRY} at the archive's root: not a song package"
        )
    return infos


def _entry_problem(info: zipfile.ZipInfo) -> str | None:
    """Why this entry alone is refused, or None."""
    if info.flag_bits & _ENCRYPTED:
        return "encrypted (a package cannot be checked without its password)"
    if not info.flag_bits & _UTF8_NAME and not info.orig_filename.isascii():
        # Without the UTF-8 flag a name is in some code page this computer cannot know.
        return "a name that is not marked as UTF-8 and is not plain ASCII"
    if why := name_problem(info.orig_filename):
        return why
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        return "a symbolic link (it could point anywhere on this computer)"
    if kind and kind not in (stat.S_IFREG, stat.S_IFDIR):
        return "a device or special file, not a plain file"
    if info.is_dir() != (kind == stat.S_IFDIR) and kind:
        return "a folder named as a file, or a file named as a folder"
    if info.is_dir() and info.file_size:
        return "a folder with data"
    if info.compress_type not in _METHODS:
        return f"compressed with method {info.compress_type} (only stored and deflated are read)"
    if info.compress_type == zipfile.ZIP_STORED and info.file_size != info.compress_size:
        return "a stored entry whose sizes disagree"
    if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_RATIO * info.compress_size:
        ratio = info.file_size // max(info.compress_size, 1)
        return f"unpacks to {ratio} times its packed size (over {MAX_RATIO}: a zip bomb?)"
    return None


def _check_folders(archive: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a file whose name is also a folder of another entry (``a`` and ``a/b``)."""
    files = {same_name_key(info.filename): info.filename for info in infos if not info.is_dir()}
    for info in infos:
        parts = same_name_key(info.filename).split("/")
        for depth in range(1, len(parts)):
            if (folder := "/".join(parts[:depth])) in files:
                raise refused(archive, files[folder], f"a file, and a folder of {info.filename!r}")


def _read_entry(archive: Path, bundle: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    return b"".join(_chunks(archive, bundle, info))


def _chunks(archive: Path, bundle: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The entry's bytes, a chunk at a time, stopped when they pass its declared size."""
    count = 0
    try:
        with bundle.open(info) as source:
            while chunk := source.read(_CHUNK_BYTES):
                count += len(chunk)
                if count > info.file_size:
                    raise refused(archive, info.filename, "unpacks to more bytes than it declares")
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as error:
        raise refused(archive, info.filename, f"damaged: {error}") from None
    if count != info.file_size:
        raise refused(archive, info.filename, "damaged: fewer bytes than it declares")


def _unpack(
    archive: Path, bundle: zipfile.ZipFile, infos: list[zipfile.ZipInfo], folder: Path
) -> None:
    """Write every entry under ``folder`` (checked names only: they cannot leave it)."""
    for info in infos:
        target = folder.joinpath(*info.filename.removesuffix("/").split("/"))
        try:
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(target, flags, 0o644), "wb") as out:
                for chunk in _chunks(archive, bundle, info):
                    out.write(chunk)
        except OSError as error:
            raise _write_failed(target, error) from None


def _open_copy(archive: Path, folder: Path) -> OpenedSong:
    """The unpacked song, refused like the archive when it has an error or a path leaving it;
    messages name the entry (``song.toml:12``) instead of the temporary folder."""

    def entry(text: str) -> str:
        return text.replace(f"{folder}{os.sep}", "").replace(str(folder), ".")

    try:
        opened = open_song(folder / MANIFEST_ENTRY)
    except SongError as error:
        raise SongError(archive, entry(str(error)), code=error.code) from None
    for problem in opened.problems:
        if problem.severity is Severity.ERROR or problem.code is ProblemCode.PATH_OUTSIDE_PACKAGE:
            raise SongError(archive, entry(str(problem)), code=problem.code)
    return opened


def _move_into_place(unpacked: Path, library: Path, title: str) -> tuple[Path, bool]:
    """Rename ``unpacked`` to a free folder named after ``title`` (numbered when taken)."""
    base = folder_name(title)
    for number in range(1, 1000):
        folder = library / (base if number == 1 else f"{base}-{number}")
        if os.path.lexists(folder):
            continue
        try:
            os.rename(unpacked, folder)
        except OSError as error:
            if os.path.lexists(folder):  # taken meanwhile
                continue
            raise _write_failed(folder, error) from None
        return folder, number > 1
    raise SongError(library, f"too many songs named {base}", code=ProblemCode.WRITE_FAILED)


def _write_failed(path: Path, error: OSError) -> SongError:
    return SongError(
        path, f"cannot import here: {describe_os_error(error)}", code=ProblemCode.WRITE_FAILED
    )
