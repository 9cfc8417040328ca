"""Writing a file so that a crash, a kill or a full disk never leaves it half-written.

:func:`write_atomic` writes a temporary file in the target's folder, flushes it to the disk
(``fsync``), keeps the file it replaces as ``NAME.bak``, renames the temporary file over the
target (``os.replace`` is atomic on POSIX and Windows) and fsyncs the folder so that the rename
itself survives a power cut. Until the rename, the target is untouched: a failure at any step
leaves the old file as it was and no temporary file behind.

Every ``OSError`` becomes a :class:`~karaoke.core.errors.SongError` whose message says what
happened in words a person can act on (:func:`describe_os_error`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from karaoke.core.errors import ProblemCode, SongError

BACKUP_SUFFIX = ".bak"
#: Permissions of a new file (a replaced file keeps its own): readable by all, like an editor's.
NEW_FILE_MODE = 0o644

_REASONS = {
    errno.ENOSPC: "the disk is full",
    getattr(errno, "EDQUOT", -1): "your disk quota is used up",  # not defined on Windows
    errno.EACCES: "permission denied: this folder cannot be written",
    errno.EPERM: "permission denied: this folder cannot be written",
    errno.EROFS: "the disk is read-only",
    errno.ENOTDIR: "part of the path is a file, not a folder",
    errno.ENOENT: "the folder does not exist",
    errno.EISDIR: "a folder has that name",
    errno.ENAMETOOLONG: "the name is too long",
}


def describe_os_error(error: OSError) -> str:
    """A short, plain reason for a failed write (``"the disk is full"``)."""
    reason = _REASONS.get(error.errno or 0)
    if reason:
        return reason
    return (error.strerror or str(error) or type(error).__name__).rstrip(".").lower()


def backup_path(path: Path) -> Path:
    """Where :func:`write_atomic` keeps the file it replaces: ``NAME.bak`` beside it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(
    path: Path, data: bytes, *, backup: bool = True, action: str = "save"
) -> Path | None:
    """Replace ``path`` with ``data`` atomically; return the backup made, if any.

    With ``backup`` a file already at ``path`` is kept as ``NAME.bak`` (replacing an older
    ``.bak``). Raises :class:`SongError` ("cannot save: the disk is full; nothing was
    changed", with ``action`` for "save") when anything fails; ``path`` is then as it was.
    """
    # Imported here, not at the top: every start reads songs through modules that import this
    # one, and tempfile (with shutil and random) costs ~4 ms; only a save needs it.
    import tempfile

    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _save_error(path, error, action) from None
    made_backup: Path | None = None
    try:
        try:
            _write_all(handle, data)
            os.fsync(handle)
        finally:
            os.close(handle)
        # mkstemp makes the file private (0600); give it the mode of the file it replaces.
        os.chmod(temporary, _mode_for(path))
        if backup and path.is_file():
            made_backup = _keep_backup(path)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _save_error(path, error, action) from None
    _fsync_folder(folder)
    return made_backup


def _save_error(path: Path, error: OSError, action: str) -> SongError:
    return SongError(
        path,
        f"cannot {action}: {describe_os_error(error)}; nothing was changed",
        code=ProblemCode.WRITE_FAILED,
    )


def _write_all(handle: int, data: bytes) -> None:
    """``os.write`` may write less than asked (a signal, a nearly full disk): loop."""
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        if written <= 0:  # pragma: no cover - os.write raises rather than return 0 on files
            raise OSError(errno.EIO, "write returned no progress")
        view = view[written:]


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return NEW_FILE_MODE


def _keep_backup(path: Path) -> Path:
    """Copy ``path`` to ``NAME.bak`` without ever leaving ``path`` missing.

    A hard link is instant and atomic; where the file system has none (FAT, some network
    shares) the bytes are copied. Either way the ``.bak`` appears by an atomic rename.
    """
    target = backup_path(path)
    staging = path.with_name(f".{path.name}.{os.getpid()}{BACKUP_SUFFIX}.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(staging)
    try:
        os.link(path, staging)
    except OSError:
        import shutil  # only without hard links (see write_atomic for why not at the top)

        shutil.copy2(path, staging)
    try:
        os.replace(staging, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(staging)
        raise
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable. Folders cannot be opened on Windows: nothing to do there."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is already safe
    finally:
        os.close(handle)
