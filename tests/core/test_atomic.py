"""Atomic writes: whole file or old file, a .bak of what is replaced, clear messages on failure.

Tests run as root, so a chmod-ed folder would not stop them: an unwritable place is a path
under a regular *file*, and a full disk is os.write or os.fsync raising ENOSPC.
"""

import errno
import os
import stat

import pytest

from karaoke.core.atomic import backup_path, describe_os_error, write_atomic
from karaoke.core.errors import SongError


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_readable_by_all_and_makes_no_backup(tmp_path):
    target = tmp_path / "song.srt"
    assert write_atomic(target, b"hola") is None
    assert target.read_bytes() == b"hola"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert not backup_path(target).exists() and leftovers(tmp_path) == []


def test_replacing_keeps_the_old_file_as_bak_and_the_old_mode(tmp_path):
    target = tmp_path / "song.srt"
    target.write_bytes(b"old")
    target.chmod(0o600)
    assert write_atomic(target, b"new") == tmp_path / "song.srt.bak"
    assert target.read_bytes() == b"new"
    assert (tmp_path / "song.srt.bak").read_bytes() == b"old"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    write_atomic(target, b"newer")
    assert (tmp_path / "song.srt.bak").read_bytes() == b"new"  # the latest replaced version
    assert leftovers(tmp_path) == []


def test_backup_is_copied_where_hard_links_are_not_possible(tmp_path, monkeypatch):
    target = tmp_path / "song.srt"
    target.write_bytes(b"old")

    def no_links(*_):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    write_atomic(target, b"new")
    assert (tmp_path / "song.srt.bak").read_bytes() == b"old"


def test_a_folder_that_cannot_be_written_names_the_reason(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(SongError) as caught:
        write_atomic(blocker / "song.srt", b"x")
    assert str(caught.value) == (
        f"{blocker / 'song.srt'}: cannot save: part of the path is a file, not a folder; "
        "nothing was changed"
    )


@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_changes_nothing_and_leaves_no_temporary_file(tmp_path, monkeypatch, failing):
    target = tmp_path / "song.srt"
    target.write_bytes(b"old")

    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, full)
    with pytest.raises(SongError, match="cannot save: the disk is full; nothing was changed"):
        write_atomic(target, b"new" * 1000)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert not backup_path(target).exists()
    assert leftovers(tmp_path) == []


def test_partial_writes_are_completed(tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:3])))
    target = tmp_path / "song.srt"
    write_atomic(target, b"0123456789")
    assert target.read_bytes() == b"0123456789"


def test_reasons_read_like_sentences():
    assert describe_os_error(OSError(errno.EROFS, "Read-only file system")) == (
        "the disk is read-only"
    )
    assert describe_os_error(OSError(errno.EACCES, "Permission denied")).startswith(
        "permission denied"
    )
    assert describe_os_error(OSError(errno.EIO, "Input/output error")) == "input/output error"
