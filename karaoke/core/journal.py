"""The timing editor's autosave journal: every tap on disk the moment it is made.

The journal is a JSON-lines file beside the output (``OUT.sync-journal``): a header line with
the session's whole state when the journal began, then one line per event (a tap, an undo, a
nudge… the events of :mod:`karaoke.core.tapping`). Each line is written with one ``write`` and
``fsync``-ed before the editor goes on, so a crash, a kill or a power cut loses at most the tap
being written. :func:`replay` rebuilds the session from the header and the events; a last line
cut short by a kill is skipped. The journal is deleted when the song is saved.

Why events rather than a snapshot per tap: a line of ~40 bytes per tap keeps every write small
and the file short even for a long song; the header carries the starting state, so a session
that began from a timed file replays exactly.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from karaoke.core.atomic import describe_os_error, write_atomic
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.tapping import TapError, TapSession

JOURNAL_SUFFIX = ".sync-journal"
JOURNAL_KIND = "karaoke-sync-journal"
JOURNAL_VERSION = 1


def journal_path(output: Path) -> Path:
    """Where the journal of a session that saves to ``output`` lives."""
    return output.with_name(output.name + JOURNAL_SUFFIX)


def _json_line(record: Mapping[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class Journal:
    """Append-only writer of one journal file. Every method raises :class:`SongError` (with a
    sentence such as "cannot autosave: the disk is full") when the disk says no."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # A failed append may have left part of a line: the next one starts on a new line.
        self._maybe_torn = False

    def exists(self) -> bool:
        return self.path.is_file()

    def begin(self, header: Mapping[str, Any]) -> None:
        """Start the journal afresh with ``header`` (atomically: an old journal stays whole
        until the new one is on disk)."""
        record = {"kind": JOURNAL_KIND, "version": JOURNAL_VERSION, **header}
        write_atomic(self.path, _json_line(record), backup=False, action="autosave")
        self._maybe_torn = False

    def append(self, event: Mapping[str, Any]) -> None:
        """Add one event and wait until it is on the disk."""
        data = (b"\n" if self._maybe_torn else b"") + _json_line(event)
        try:
            # O_APPEND without O_CREAT: appending to a journal that was never begun (or was
            # deleted under us) must fail loudly rather than make a journal without a header.
            handle = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        except OSError as error:
            raise self._error(error) from None
        try:
            self._maybe_torn = True
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
            self._maybe_torn = False
        except OSError as error:
            raise self._error(error) from None
        finally:
            os.close(handle)

    def discard(self) -> None:
        """Delete the journal (after a save: the work is in the saved file). Never raises: a
        journal that cannot be deleted only makes the next start offer to resume."""
        with contextlib.suppress(OSError):
            self.path.unlink()

    def _error(self, error: OSError) -> SongError:
        code = ProblemCode.WRITE_FAILED
        if error.errno == errno.ENOENT and self.path.parent.is_dir():
            return SongError(self.path, "cannot autosave: the journal file was removed", code=code)
        return SongError(self.path, f"cannot autosave: {describe_os_error(error)}", code=code)


@dataclass(slots=True)
class JournalContents:
    """A journal as read: its header, its events, and how many lines could not be read."""

    header: dict[str, Any]
    events: list[dict[str, Any]]
    unreadable: int = 0


@dataclass(slots=True)
class Resumed:
    """A session rebuilt by :func:`replay`. ``skipped`` counts lines or events that could not be
    used (a torn last line after a kill is one)."""

    header: dict[str, Any]
    session: TapSession
    events: int
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


def read_journal(path: Path) -> JournalContents:
    """Read a journal; lines that are not JSON objects (a torn line) are counted, not fatal.

    Raises :class:`SongError` when the file cannot be read or its first line is not a header.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SongError(path, "no autosave journal here", code=ProblemCode.FILE_NOT_FOUND) from None
    except OSError as error:
        reason = describe_os_error(error)
        raise SongError(
            path, f"cannot read the autosave journal: {reason}", code=ProblemCode.UNREADABLE
        ) from None
    records: list[dict[str, Any]] = []
    unreadable = 0
    for row in data.split(b"\n"):
        if not row.strip():
            continue
        try:
            record = json.loads(row.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            unreadable += 1
            continue
        if isinstance(record, dict):
            records.append(record)
        else:
            unreadable += 1
    damaged = ProblemCode.JOURNAL_DAMAGED
    if not records or records[0].get("kind") != JOURNAL_KIND:
        message = "not an autosave journal of the timing editor (no header)"
        raise SongError(path, message, 1, code=damaged)
    header = records[0]
    if header.get("version") != JOURNAL_VERSION:
        message = f"autosave journal version {header.get('version')!r} is unknown"
        raise SongError(path, message, 1, code=damaged)
    return JournalContents(header, records[1:], unreadable)


def replay(path: Path) -> Resumed:
    """Rebuild the tapping session a journal records. Raises :class:`SongError` when the
    journal has no usable header; an event that no longer applies is skipped and counted."""
    contents = read_journal(path)
    try:
        session = TapSession.from_dict(contents.header.get("state") or {})
    except TapError as error:
        message = f"the autosave journal's header is damaged: {error}"
        raise SongError(path, message, 1, code=ProblemCode.JOURNAL_DAMAGED) from None
    resumed = Resumed(contents.header, session, 0, contents.unreadable)
    for event in contents.events:
        try:
            session.apply(event)
        except TapError as error:
            resumed.skipped += 1
            resumed.problems.append(str(error))
            continue
        resumed.events += 1
    return resumed


class JournaledTaps:
    """A tapping session whose every change is on disk before anything else happens.

    :meth:`apply` performs an event and appends it to the journal (beginning the journal with
    the state before the event when there is none yet). A journal that cannot be written never
    stops the tapping: ``failure`` then holds the reason, the taps stay in memory, and the next
    event tries again with a fresh journal holding the whole state, so nothing is missing from
    it once the disk works again. ``header`` is written at the top of every new journal.
    """

    def __init__(self, taps: TapSession, journal: Journal, header: Mapping[str, Any]) -> None:
        self.taps = taps
        self.journal = journal
        self.header = dict(header)
        self.failure: SongError | None = None
        self._needs_header = True

    def apply(self, event: Mapping[str, Any]) -> Any:
        """Perform ``event`` and journal it; returns what it returns. Raises :class:`TapError`
        (nothing changed, nothing written) for an event that cannot be done."""
        before = self.taps.to_dict() if self._needs_header else None
        result = self.taps.apply(event)
        record = dict(event)
        if event.get("op") == "undo":
            record["state"] = self.taps.snapshot()  # the entry replays on its own
        self._write(record, before)
        return result

    def restart(self) -> None:
        """Begin the journal afresh from the current state (after a resume: a torn last line
        must not sit in front of the next entry)."""
        self._needs_header = True
        self._write(None, self.taps.to_dict())

    def saved(self) -> None:
        """The work is in a saved file: the journal goes; the next change starts a new one."""
        self.journal.discard()
        self._needs_header = True

    def move(self, journal: Journal, header: Mapping[str, Any]) -> None:
        """Journal elsewhere from now on (the output changed)."""
        self.journal.discard()
        self.journal = journal
        self.header = dict(header)
        self._needs_header = True

    def _write(self, record: dict[str, Any] | None, before: dict[str, Any] | None) -> None:
        try:
            if self._needs_header:
                state = before if before is not None else self.taps.to_dict()
                self.journal.begin({**self.header, "state": state})
                self._needs_header = False
            if record is not None:
                self.journal.append(record)
        except SongError as error:
            self._needs_header = True
            self.failure = error
        else:
            self.failure = None
