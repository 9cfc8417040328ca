"""The autosave journal: every event on disk at once, replay after a kill, torn last line."""

import errno
import os
from pathlib import Path

import pytest

from karaoke.core.errors import SongError
from karaoke.core.journal import Journal, JournaledTaps, journal_path, read_journal, replay
from karaoke.core.tapping import TapError, TapSession

TEXTS = ["uno", "dos", "tres", "cuatro"]


def journaled(tmp_path, events):
    """A session and its journal after ``events``, as the editor writes them."""
    session = TapSession.from_texts(TEXTS, stanza_starts=(0, 2))
    journal = Journal(journal_path(tmp_path / "song.srt"))
    journal.begin({"media": "song.mp4", "state": session.to_dict()})
    for event in events:
        session.apply(event)
        record = dict(event)
        if event["op"] == "undo":
            record["state"] = session.snapshot()
        journal.append(record)
    return session, journal


EVENTS = [
    {"op": "tap", "ms": 1000},
    {"op": "tap", "ms": 2000},
    {"op": "nudge", "line": 1, "which": "start", "delta": -10},
    {"op": "tap", "ms": 3000},
    {"op": "undo"},
    {"op": "tap", "ms": 3100},
    {"op": "end", "ms": 3900},
]


def test_the_journal_sits_beside_the_output():
    assert journal_path(Path("/x/song.srt")).as_posix() == "/x/song.srt.sync-journal"


def test_replay_rebuilds_the_session_exactly(tmp_path):
    session, journal = journaled(tmp_path, EVENTS)
    resumed = replay(journal.path)
    assert resumed.session.to_lines() == session.to_lines()
    assert resumed.session.cursor == session.cursor
    assert (resumed.events, resumed.skipped) == (len(EVENTS), 0)
    assert resumed.header["media"] == "song.mp4"
    resumed.session.undo()  # the undo history comes back too
    assert not resumed.session.has_explicit_end(2)


def test_a_kill_mid_write_loses_only_the_torn_last_entry(tmp_path):
    session, journal = journaled(tmp_path, EVENTS[:4])
    with open(journal.path, "ab") as out:
        out.write(b'{"op":"tap","m')  # the process died inside write()
    resumed = replay(journal.path)
    assert resumed.skipped == 1
    assert resumed.session.to_lines() == session.to_lines()


def test_an_undo_entry_carries_its_state_so_it_replays_without_history(tmp_path):
    session = TapSession.from_texts(TEXTS)
    session.tap(1000)
    session.tap(2000)
    journal = Journal(tmp_path / "j.sync-journal")
    journal.begin({"state": session.to_dict()})  # a journal begun after a save
    session.undo()
    journal.append({"op": "undo", "state": session.snapshot()})
    assert replay(journal.path).session.to_lines() == session.to_lines()


def test_every_append_is_fsynced(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    journaled(tmp_path, EVENTS[:3])
    assert len(synced) >= 1 + 3  # the header, then every entry


def test_a_full_disk_is_a_clear_error_and_the_next_entry_starts_on_a_new_line(
    tmp_path, monkeypatch
):
    session, journal = journaled(tmp_path, EVENTS[:2])
    real_write = os.write

    def half_then_full(fd, data):
        real_write(fd, bytes(data[:5]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(SongError, match="cannot autosave: the disk is full"):
        journal.append({"op": "tap", "ms": 3000})
    monkeypatch.setattr(os, "write", real_write)
    journal.append({"op": "tap", "ms": 3000})
    session.tap(3000)
    resumed = replay(journal.path)
    assert resumed.skipped == 1  # the torn fragment
    assert resumed.session.to_lines() == session.to_lines()


def test_append_without_begin_fails_loudly(tmp_path):
    with pytest.raises(SongError, match="cannot autosave: the folder does not exist"):
        Journal(tmp_path / "missing" / "j.sync-journal").append({"op": "tap", "ms": 1})
    with pytest.raises(SongError, match="cannot autosave: the journal file was removed"):
        Journal(tmp_path / "j.sync-journal").append({"op": "tap", "ms": 1})
    assert not (tmp_path / "j.sync-journal").exists()


def test_discard_deletes_and_is_idempotent(tmp_path):
    _, journal = journaled(tmp_path, EVENTS[:1])
    journal.discard()
    journal.discard()
    assert not journal.exists()


def test_events_that_no_longer_apply_are_skipped_and_counted(tmp_path):
    _, journal = journaled(tmp_path, EVENTS[:2])
    journal.append({"op": "tap", "ms": 10})  # before line 2's start: refused on replay
    journal.append({"op": "fly"})
    resumed = replay(journal.path)
    assert resumed.skipped == 2 and resumed.events == 2
    assert len(resumed.problems) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no header"),
        (b"garbage\n", "no header"),
        (b'{"op":"tap","ms":1}\n', "no header"),
        (b'{"kind":"karaoke-sync-journal","version":7}\n', "version 7"),
        (b'{"kind":"karaoke-sync-journal","version":1,"state":{}}\n', "header is damaged"),
    ],
)
def test_a_journal_without_a_usable_header_is_refused(tmp_path, content, message):
    path = tmp_path / "j.sync-journal"
    path.write_bytes(content)
    with pytest.raises(SongError, match=message):
        replay(path)


def test_reading_a_missing_journal(tmp_path):
    with pytest.raises(SongError, match="no autosave journal"):
        read_journal(tmp_path / "nothing.sync-journal")


def test_journaled_taps_keep_tapping_through_a_failing_disk_and_heal(tmp_path, monkeypatch):
    journal = Journal(tmp_path / "song.srt.sync-journal")
    taps = JournaledTaps(TapSession.from_texts(TEXTS), journal, {"media": "song.mp4"})
    taps.apply({"op": "tap", "ms": 1000})
    assert taps.failure is None and replay(journal.path).session.cursor == 1

    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    taps.apply({"op": "tap", "ms": 2000})
    assert "the disk is full" in str(taps.failure)
    assert taps.taps.start_ms(1) == 2000  # kept in memory
    monkeypatch.undo()
    taps.apply({"op": "tap", "ms": 3000})
    assert taps.failure is None
    resumed = replay(journal.path)  # a fresh journal holds everything, the lost entry too
    assert resumed.session.to_lines() == taps.taps.to_lines()
    assert resumed.header["media"] == "song.mp4"


def test_journaled_taps_refuse_an_impossible_event_without_writing(tmp_path):
    journal = Journal(tmp_path / "j.sync-journal")
    taps = JournaledTaps(TapSession.from_texts(TEXTS), journal, {})
    with pytest.raises(TapError):
        taps.apply({"op": "end", "ms": 5})
    assert not journal.exists()


def test_journaled_taps_after_a_save_and_a_move(tmp_path):
    first = Journal(tmp_path / "a.srt.sync-journal")
    taps = JournaledTaps(TapSession.from_texts(TEXTS), first, {})
    taps.apply({"op": "tap", "ms": 1000})
    taps.saved()
    assert not first.exists()
    taps.apply({"op": "tap", "ms": 2000})  # a new journal, begun from the saved state
    assert replay(first.path).session.cursor == 2
    second = Journal(tmp_path / "b.srt.sync-journal")
    taps.move(second, {"output": "b.srt"})
    assert not first.exists()
    taps.apply({"op": "undo"})
    assert replay(second.path).session.cursor == 1
