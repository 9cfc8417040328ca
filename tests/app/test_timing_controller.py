"""The timing controller without a widget, on the fake player and a hand-advanced clock: taps
land on exact media times at any speed, every command does what its help line says and says so,
a killed editor resumes from its journal, saved files pass ``karaoke check``, and a file that
cannot be written loses no tap."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from karaoke.app.timing import LOOP_LEAD_MS, NUDGES, PREROLL_MS, SPEEDS
from karaoke.app.timing_commands import TimingCommand
from karaoke.app.timing_document import ResumeOffer
from karaoke.cli.check import run_check
from karaoke.core.envelope import Envelope
from karaoke.core.formats import read_lyrics
from karaoke.core.journal import journal_path, replay
from karaoke.core.tapping import Edge
from karaoke.player.decode import DecodeError
from tests.app.timing_support import (
    Said,
    advance_to,
    make_controller,
    new_controller,
    tap_at,
    write_song,
)
from tests.conftest import REPO

T = TimingCommand
#: What only a window can do: ask for a file or a folder, show the help, close itself.
WINDOW_COMMANDS = {T.SAVE_AS, T.SAVE_PACKAGE, T.HELP, T.CLOSE}


@pytest.fixture
def song(tmp_path: Path) -> tuple[Path, Path]:
    return write_song(tmp_path)


@pytest.fixture
def timing(qapp, fake_time, song, tmp_path):
    media, lyrics = song
    controller = make_controller(fake_time, media, lyrics, tmp_path / "song.srt")
    yield controller
    controller.close()


def tap_everything(controller, fake_time):
    tap_at(controller, fake_time, [1_000, 3_000, 6_000, 8_500, 11_000])


# Commands -----------------------------------------------------------------------------------------


def test_every_command_but_the_windows_own_has_a_method(timing):
    commands = timing.commands()
    assert set(commands) == set(TimingCommand) - WINDOW_COMMANDS
    assert all(callable(slot) for slot in commands.values())


@pytest.mark.parametrize("rate", [1.0, 0.5])
def test_taps_at_known_media_times_give_exact_timings(timing, fake_time, rate):
    rates = []
    timing.rate_changed.connect(rates.append)
    timing.set_rate(rate)
    assert rates == [rate]
    tap_at(timing, fake_time, [1_000, 2_437, 5_003, 7_250, 9_999])
    assert [(ln.start_ms, ln.end_ms) for ln in timing.taps.to_lines()] == [
        (1_000, 2_437),
        (2_437, 5_003),
        (5_003, 7_250),
        (7_250, 9_999),  # the tap after the last start ends it
    ]
    assert timing.dirty and timing.chosen == 3  # the line just tapped is the chosen one


def test_a_tap_while_paused_plays_instead_of_tapping(timing):
    said = Said(timing)
    timing.commands()[T.TAP]()
    assert timing.session.playing and timing.taps.untimed_count == 4
    assert said.status == [("Playing. Tap when line 1 starts.", False)]


def test_taps_say_what_they_did(timing, fake_time):
    said = Said(timing)
    tap_at(timing, fake_time, [1_000, 2_000, 3_000, 4_000, 5_000])
    assert said.status[-2:] == [
        ("Line 4 starts at 0:04.000", False),
        ("Line 4 ends at 0:05.000", False),
    ]
    tap_at(timing, fake_time, [6_000])
    assert said.status[-1] == (
        "Every line is timed: choose a line and press R to re-tap from it",
        True,
    )


def test_explicit_end_and_undo(timing, fake_time):
    said = Said(timing)
    tap_at(timing, fake_time, [1_000])
    tap_at(timing, fake_time, [1_800], tap=timing.commands()[T.END])
    assert said.last == "Line 1 ends at 0:01.800"
    tap_at(timing, fake_time, [3_000])
    assert timing.taps.to_lines()[0].end_ms == 1_800
    timing.commands()[T.UNDO]()
    timing.undo()
    assert said.last == "Undone. Tap when line 2 starts."
    assert timing.taps.to_lines()[0].end_ms == 1_000 + 5_000  # back to the implied end
    timing.undo()
    assert timing.taps.untimed_count == 4
    timing.undo()
    assert said.status[-1] == ("Nothing to undo", True)


def test_choosing_stays_within_the_lines(timing):
    chosen = []
    timing.chosen_changed.connect(chosen.append)
    commands = timing.commands()
    commands[T.CHOOSE_PREVIOUS]()
    commands[T.CHOOSE_NEXT]()
    timing.choose(99)
    assert chosen == [0, 1, 3] and timing.chosen == 3


@pytest.mark.parametrize(("command", "step"), NUDGES.items(), ids=lambda v: getattr(v, "name", ""))
def test_each_nudge_command_moves_the_chosen_line_by_its_step(timing, fake_time, command, step):
    edge, delta_ms = step
    tap_at(timing, fake_time, [1_000, 3_000, 6_000])
    timing.choose(1)
    before = timing.taps.start_ms(1) if edge is Edge.START else timing.taps.end_ms(1)
    said = Said(timing)
    timing.commands()[command]()
    after = timing.taps.start_ms(1) if edge is Edge.START else timing.taps.end_ms(1)
    expected = min(before + delta_ms, 6_000)  # an end is held at the next start
    assert after == expected
    verb = "starts" if edge is Edge.START else "ends"
    if after == before + delta_ms:
        assert said.last.startswith(f"Line 2 {verb} at ") and f"({delta_ms:+d} ms)" in said.last


def test_a_nudge_that_cannot_move_says_why(timing, fake_time):
    tap_at(timing, fake_time, [1_000, 3_000])
    timing.choose(1)
    said = Said(timing)
    timing.nudge(Edge.END, -5_000)
    timing.nudge(Edge.END, -10)
    assert said.status[-1] == (
        "Line 2's end cannot move earlier than 0:03.000: the line starts there",
        True,
    )


def test_placing_a_time_sets_the_chosen_lines_start_or_end(timing, fake_time):
    tap_at(timing, fake_time, [1_000, 3_000, 6_000])
    timing.choose(1)
    said = Said(timing)
    timing.place(2_600, "start")  # as the waveform strip sends it
    timing.place(4_400, Edge.END)
    assert (timing.taps.start_ms(1), timing.taps.end_ms(1)) == (2_600, 4_400)
    assert said.last == "Line 2 ends at 0:04.400"


def test_retap_plays_from_before_the_chosen_line_and_taps_from_it(timing, fake_time):
    tap_at(timing, fake_time, [4_000, 6_000, 8_000, 10_000])
    timing.session.pause()
    timing.choose(1)
    said = Said(timing)
    timing.commands()[T.RETAP]()
    assert timing.session.playing
    assert timing.session.position_ms() == 6_000 - PREROLL_MS
    assert timing.taps.cursor == 1
    assert said.last == "Re-tapping from line 2: tap when it starts."
    tap_at(timing, fake_time, [6_120])
    assert timing.taps.start_ms(1) == 6_120 and timing.taps.start_ms(2) == 8_000


def test_loop_repeats_the_chosen_line_and_follows_the_choice(timing, fake_time):
    tap_at(timing, fake_time, [1_000, 2_000, 3_000])
    timing.choose(1)
    timing.commands()[T.LOOP]()
    assert timing.loop_line == 1 and timing.session.position_ms() == 2_000 - LOOP_LEAD_MS
    fake_time.advance(1_400)  # past the line's end (3,000)
    timing.check_loop()
    assert timing.session.position_ms() == 2_000 - LOOP_LEAD_MS
    timing.choose(0)
    timing.check_loop()
    assert timing.loop_line == 0 and timing.session.position_ms() == 1_000 - LOOP_LEAD_MS
    said = Said(timing)
    timing.tap()  # a tap stops the loop, without tapping
    assert timing.loop_line is None and timing.taps.cursor == 3
    assert said.last == "Loop stopped. Tap again to mark."


def test_play_pauses_a_loop_and_an_untimed_line_cannot_loop(timing, fake_time):
    said = Said(timing)
    timing.toggle_loop()
    assert said.status[-1] == ("Line 1 has no time yet: nothing to loop.", True)
    tap_at(timing, fake_time, [1_000])
    timing.toggle_loop()
    timing.commands()[T.PLAY]()
    assert timing.loop_line is None and not timing.session.playing


def test_word_mode_taps_words_and_saves_them_in_lrc(qapp, fake_time, song, tmp_path):
    media, lyrics = song
    timing = make_controller(fake_time, media, lyrics, tmp_path / "song.lrc")
    said = Said(timing)
    modes = []
    timing.word_mode_changed.connect(modes.append)
    timing.commands()[T.WORDS]()
    assert timing.word_mode and modes == [True] and said.banners == []  # .lrc keeps words
    tap_at(timing, fake_time, [1_000, 1_300, 1_600, 2_000, 2_500, 2_900])
    assert said.last == "Line 2: word 2 starts at 0:02.900"
    assert timing.taps.to_lines()[0].words[-1].start_ms == 2_000
    assert timing.save()
    text = (tmp_path / "song.lrc").read_text()
    assert "[00:01.000]<00:01.000>Con <00:01.300>mi <00:01.600>burrito <00:02.000>sabanero" in text


def test_word_mode_on_a_srt_output_warns_that_srt_drops_words(timing):
    said = Said(timing)
    timing.set_word_mode(True)
    assert said.banners[0].startswith("Word timings are saved in .lrc files only")
    timing.toggle_word_mode()
    assert said.last == "Line mode: each tap starts the next line."


def test_seeking_and_speed_commands(timing, fake_time):
    commands = timing.commands()
    timing.seek(20_000)
    commands[T.BACK]()
    assert timing.session.position_ms() == 15_000
    commands[T.FORWARD]()
    commands[T.FORWARD]()
    assert timing.session.position_ms() == 25_000
    commands[T.TO_START]()
    assert timing.session.position_ms() == 0
    timing.seek(-500)
    assert timing.session.position_ms() == 0
    said = Said(timing)
    commands[T.FASTER]()  # already at the fastest tapping speed
    assert timing.session.rate == SPEEDS[-1] == 1.0
    for _ in range(10):
        commands[T.SLOWER]()
    assert timing.session.rate == SPEEDS[0] == 0.5
    assert said.last == "Speed 0.5× — times stay media times."


def test_playing_from_a_line_starts_a_little_before_it(timing, fake_time):
    said = Said(timing)
    timing.play_from_line(2)
    assert timing.chosen == 2 and said.status[-1] == ("Line 3 has no time yet.", True)
    tap_at(timing, fake_time, [3_000, 4_000, 5_000])
    timing.session.pause()
    timing.play_from_line(2)
    assert timing.session.playing and timing.session.position_ms() == 5_000 - PREROLL_MS


def test_the_sung_line_follows_the_position(timing, fake_time):
    tap_at(timing, fake_time, [1_000, 3_000])
    timing.seek(2_000)
    assert timing.sung == 0
    sung = []
    timing.sung_changed.connect(sung.append)
    timing.seek(500)
    timing.seek(3_500)
    timing.seek(3_600)  # still line 2: nothing new to say
    assert sung == [None, 1]


def test_a_media_that_cannot_play_is_said_in_the_banner(timing):
    said = Said(timing)
    timing.session.player.error.emit("This file cannot be played.")
    assert said.banners == ["This file cannot be played. The clock goes on without sound."]


# The waveform -------------------------------------------------------------------------------------


def fails(_media, _cancelled):
    raise DecodeError("the media has no audio track")


@pytest.mark.parametrize(
    ("decode", "expected"),
    [
        (None, (None, "No waveform")),
        (fails, (None, "No waveform: the media has no audio track")),
        (lambda _media, _cancelled: Envelope(10, b"\x05"), (Envelope(10, b"\x05"), "")),
    ],
    ids=["none", "fails", "reads"],
)
def test_the_waveform_arrives_or_a_sentence_says_why_not(
    qtbot, fake_time, song, tmp_path, decode, expected
):
    media, lyrics = song
    timing = new_controller(fake_time, media, lyrics, tmp_path / "song.srt", decode=decode)
    got = []
    timing.waveform_ready.connect(lambda envelope, why: got.append((envelope, why)))
    timing.start(lambda _offer: False)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [expected]
    timing.close()


# Saving -------------------------------------------------------------------------------------------


def test_a_saved_file_passes_check_and_plays_beside_the_media(timing, fake_time, song, capsys):
    media, _ = song
    said, saved = Said(timing), []
    timing.saved.connect(saved.append)
    tap_everything(timing, fake_time)
    assert timing.commands()[T.SAVE]()
    assert saved == [media.with_suffix(".srt")] and timing.saved_path == saved[0]
    assert not journal_path(timing.output).exists()  # deleted after a successful save
    assert not timing.dirty and said.banner_cleared == 1
    assert said.last == f"Saved song.srt (4 lines). Play it: karaoke {media}"
    assert run_check(media) == 0  # karaoke MEDIA finds song.srt beside it
    assert "4 lines" in capsys.readouterr().out


def test_saving_again_keeps_the_previous_file_as_bak(timing, fake_time):
    tap_everything(timing, fake_time)
    timing.save()
    first = timing.output.read_bytes()
    timing.choose(0)
    timing.nudge(Edge.START, 10)
    said = Said(timing)
    timing.save()
    assert timing.output.with_name("song.srt.bak").read_bytes() == first
    assert "The old file is kept as song.srt.bak." in said.last


def test_save_as_moves_the_output_and_its_journal(timing, fake_time, song, tmp_path):
    media, _ = song
    tap_at(timing, fake_time, [1_000, 2_000])
    said = Said(timing)
    other = tmp_path / "other.lrc"
    assert timing.save_to(other)
    assert timing.output == other
    assert said.last.endswith(f"Play it: karaoke {media} --lyrics {other}")
    tap_at(timing, fake_time, [3_000])
    assert journal_path(other).exists() and not journal_path(tmp_path / "song.srt").exists()


def test_untimed_lines_are_left_out_when_the_person_agrees(qapp, fake_time, song, tmp_path):
    media, lyrics = song
    asked = []
    answer = False

    def confirm(untimed: int) -> bool:
        asked.append(untimed)
        return answer

    timing = make_controller(
        fake_time, media, lyrics, tmp_path / "song.srt", confirm_partial=confirm
    )
    tap_at(timing, fake_time, [1_000, 2_000])
    assert not timing.save() and not timing.output.exists()
    answer = True
    assert timing.save()
    assert asked == [2, 2]
    assert [ln.text for ln in read_lyrics(timing.output).lines] == [
        "Con mi burrito sabanero",
        "red neuronal",
    ]


def test_save_as_package_makes_a_package_that_check_accepts_but_for_explanations(
    timing, fake_time, tmp_path, capsys
):
    tap_everything(timing, fake_time)
    said = Said(timing)
    assert timing.save_package(tmp_path / "new-song")
    assert timing.saved_path == tmp_path / "new-song" / "song.toml"
    assert timing.output == tmp_path / "song.srt"  # a package is saved beside, not instead
    assert said.last.startswith(f"Song package saved in {tmp_path / 'new-song'}.")
    assert run_check(tmp_path / "new-song") == 1
    warnings = [
        row.split(": warning: ")[1]
        for row in capsys.readouterr().out.splitlines()
        if ": warning: " in row
    ]
    assert warnings == ["stanza 1 has no explanation", "stanza 2 has no explanation"]


def test_nothing_timed_is_nothing_to_save(timing):
    said = Said(timing)
    assert not timing.save()
    assert said.status == [
        ("Nothing is timed yet: play (Space) and tap (Return) as each line starts.", True)
    ]


def test_an_unwritable_place_is_said_and_loses_no_tap(qapp, fake_time, song, tmp_path):
    # Tests run as root: chmod would not stop a write. A path under a regular *file* does.
    media, lyrics = song
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    timing = make_controller(fake_time, media, lyrics, blocker / "song.srt")
    said = Said(timing)
    tap_everything(timing, fake_time)
    assert len(said.banners) == 1 and "Autosave is not working" in said.banners[0]  # said once
    assert not timing.save()
    assert "Not saved" in said.banners[1] and "part of the path is a file" in said.banners[1]
    assert "Your taps are safe (in memory)" in said.banners[1]  # not "and in the journal"
    assert said.status[-1] == ("Not saved.", True)
    assert timing.dirty and len(timing.taps.to_lines()) == 4
    assert timing.save_to(tmp_path / "elsewhere.srt")  # and they can go somewhere else
    assert len(read_lyrics(tmp_path / "elsewhere.srt").lines) == 4
    timing.nudge(Edge.START, -10)  # journaled beside the new output: autosave is back
    assert said.status[-2:] == [
        ("Autosave works again.", False),
        ("Line 4 starts at 0:08.490 (-10 ms)", False),
    ]


def test_a_full_disk_keeps_the_taps_and_the_journal(timing, fake_time, monkeypatch):
    tap_everything(timing, fake_time)
    journal = journal_path(timing.output)
    before = journal.read_bytes()
    said = Said(timing)

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert not timing.save()
    monkeypatch.undo()
    assert "the disk is full" in said.banners[0]
    assert "in memory and in the autosave journal" in said.banners[0]
    assert not timing.output.exists()
    assert journal.read_bytes() == before  # intact
    assert replay(journal).session.to_lines() == timing.taps.to_lines()
    assert timing.save()  # space is back


# Crash, kill and resume ---------------------------------------------------------------------------


def test_a_session_dropped_midway_resumes_with_every_tap(qapp, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    first = make_controller(fake_time, media, lyrics, output)
    tap_at(first, fake_time, [1_000, 2_500, 4_000])
    first.nudge(Edge.START, -10)
    taps = first.taps.to_lines()
    # The first is never closed nor saved (as after a kill); a new one starts.
    offers: list[ResumeOffer] = []
    second = new_controller(fake_time, media, lyrics, output)
    said = Said(second)
    second.start(lambda offer: offers.append(offer) or True)
    assert offers[0].output == output and (offers[0].timed, offers[0].total) == (3, 4)
    assert offers[0].changed  # when the journal last changed, for the question
    assert second.taps.to_lines() == taps
    assert second.taps.cursor == 3 and second.dirty and second.chosen == 3
    assert said.last == "Resumed as before the editor closed (lines timed: 3 of 4)."
    tap_at(second, fake_time, [6_000])  # and tapping goes on
    assert second.taps.start_ms(3) == 6_000
    assert replay(journal_path(output)).session.to_lines() == second.taps.to_lines()


def test_a_kill_during_a_write_loses_at_most_that_tap(qapp, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    first = make_controller(fake_time, media, lyrics, output)
    tap_at(first, fake_time, [1_000, 2_500, 4_000])
    with open(journal_path(output), "ab") as journal:
        journal.write(b'{"op":"tap","ms":55')  # the fourth tap, cut short by the kill
    second = make_controller(fake_time, media, lyrics, output, resume=True)
    assert second.taps.to_lines() == first.taps.to_lines()
    tap_at(second, fake_time, [5_500])  # the journal was healed: no merge
    assert replay(journal_path(output)).session.start_ms(3) == 5_500


KILLED_EDITOR = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from karaoke.app.timing import TimingController
from karaoke.core.clock import PlaybackClock
from karaoke.core.formats import read_lyrics
from karaoke.player.fake_player import FakePlayer

class Time:
    ns = 0
    def __call__(self):
        return self.ns

now = Time()
app = QCoreApplication([])
media, lyrics, output = map(Path, sys.argv[1:4])
timing = TimingController(media, read_lyrics(lyrics), output, decode=None,
                          make_player=lambda song: (FakePlayer(180_000, now_ns=now), None),
                          make_clock=lambda: PlaybackClock(now))
timing.start(lambda offer: False)
timing.play()
for media_ms in (1_000, 2_000, 3_500):
    now.ns = media_ms * 1_000_000
    timing.tap()
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_real_kill_loses_no_tap(qapp, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    result = subprocess.run(
        [sys.executable, "-c", KILLED_EDITOR, str(media), str(lyrics), str(output)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == -9, result.stderr.decode()
    resumed = make_controller(fake_time, media, lyrics, output, resume=True)
    assert [ln.start_ms for ln in resumed.taps.to_lines()] == [1_000, 2_000, 3_500]


def test_starting_over_deletes_the_journal(qapp, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    first = make_controller(fake_time, media, lyrics, output)
    tap_at(first, fake_time, [1_000])
    first.close()
    assert journal_path(output).exists()
    again = make_controller(fake_time, media, lyrics, output, resume=False)
    assert again.taps.untimed_count == 4 and not again.dirty
    assert not journal_path(output).exists()


def test_an_unreadable_journal_is_said_and_left_alone(qapp, fake_time, song, tmp_path):
    media, lyrics = song
    output = tmp_path / "song.srt"
    journal_path(output).write_text("not a journal\n")
    timing = new_controller(fake_time, media, lyrics, output)
    said, asked = Said(timing), []
    timing.start(lambda offer: asked.append(offer) or True)
    assert asked == [] and timing.taps.untimed_count == 4
    assert said.banners[0].startswith("An autosave journal was found but cannot be read (")
    assert journal_path(output).read_text() == "not a journal\n"


def test_closing_stops_the_loop_the_waveform_and_the_player(qtbot, fake_time, song, tmp_path):
    media, lyrics = song
    gave_up = []

    def slow(_media, cancelled):
        qtbot.waitUntil(cancelled, timeout=5000)  # on the worker thread: only polls
        gave_up.append(True)
        return Envelope(10, b"\x01")

    timing = make_controller(fake_time, media, lyrics, tmp_path / "song.srt", decode=slow)
    got = []
    timing.waveform_ready.connect(lambda *args: got.append(args))
    tap_at(timing, fake_time, [1_000])
    timing.toggle_loop()
    timing.close()
    assert timing.loop_line is None
    qtbot.waitUntil(lambda: bool(gave_up), timeout=5000)
    qtbot.wait(50)
    assert got == []  # a cancelled read reports nothing
    times = []
    timing.session.player.time_changed.connect(times.append)
    advance_to(timing, fake_time, 5_000)  # the player's own update: none once closed
    assert times == []
