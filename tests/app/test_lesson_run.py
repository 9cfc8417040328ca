"""LessonRun's sequencing on the fake player and a hand-driven clock: each item only its
stanzas, the next one prepared while this one plays and started when it ends, teaching pauses
and questions as each item says, and the place remembered for resuming."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from karaoke.app.lesson_run import LEAD_IN_MS, LessonRun, LessonStep, item_span_ms
from karaoke.app.session import LYRICS_ONLY_TAIL_MS, PlaybackSession
from karaoke.app.settings import Settings
from karaoke.app.song_setup import SongSetup
from karaoke.core.clock import PlaybackClock
from karaoke.core.lesson import Lesson, LessonItem
from karaoke.core.package import OpenedSong, open_song
from karaoke.player.fake_player import FakePlayer
from tests.conftest import BUNDLED

# The bundled song's stanzas, lyrics ms: 1 9600-18900, 2 21600-35700, ..., 8 108000-122100,
# 9 124800-138900, 10 141600-155700.
FIRST = LessonItem(BUNDLED, stanzas=(0, 2), teaching_pauses=False)
LAST = LessonItem(BUNDLED, stanzas=(8, 10), questions=("s9q1",))
FIRST_END_MS = 35_700


class Class:
    """A lesson run with the window's part played by plain functions: ``shown`` is every step
    put on screen, ``made`` every song set up (in order)."""

    def __init__(self, fake_time, items, tmp_path: Path, **kwargs) -> None:
        self.fake_time = fake_time
        self.path = tmp_path / "lesson.toml"
        self.settings = Settings(QSettings(str(tmp_path / "s.conf"), QSettings.Format.IniFormat))
        self.shown: list[LessonStep] = []
        self.made: list[str] = []
        lesson = Lesson({"": "Clase"}, tuple(items), path=self.path)
        self.run = LessonRun(lesson, self.set_up, self.show, self.settings, **kwargs)

    def set_up(self, opened: OpenedSong) -> SongSetup:
        song = opened.song
        player = FakePlayer(song.duration_ms + LYRICS_ONLY_TAIL_MS, now_ns=self.fake_time)
        self.made.append(song.title)
        return SongSetup(PlaybackSession(song, player, PlaybackClock(self.fake_time)), "es")

    def show(self, step: LessonStep, media_ms: int, play: bool) -> None:
        if self.shown:
            self.shown[-1].setup.session.close()
        session = step.setup.session
        session.set_teaching(step.item.teaching_pauses)
        session.seek(media_ms)
        if play:
            session.play()
        self.shown.append(step)

    @property
    def session(self) -> PlaybackSession:
        return self.run.current.setup.session

    def play_until(self, media_ms: int) -> None:
        self.fake_time.advance(media_ms - self.session.position_ms())
        self.session.tick()


def test_an_items_span_starts_with_a_lead_in_and_ends_with_its_last_line():
    song = open_song(BUNDLED).song
    assert item_span_ms(song, range(0, 2)) == (0, 35_700)  # stanza 1: from the song's start
    assert item_span_ms(song, range(8, 10)) == (124_800 - LEAD_IN_MS, 155_700)
    # Never before the previous stanza's last line ends (stanza 4 ends at 54 900).
    assert item_span_ms(song, range(4, 5)) == (57_600 - LEAD_IN_MS, 71_700)


def test_the_next_item_is_ready_before_this_one_ends_and_starts_when_it_does(
    qtbot, fake_time, tmp_path
):
    lesson = Class(fake_time, [FIRST, LAST], tmp_path)
    started: list[int] = []
    lesson.run.item_started.connect(started.append)
    assert lesson.run.start()
    assert lesson.session.position_ms() == 0 and lesson.session.playing
    assert not lesson.session.teaching  # the first item says no teaching pauses
    qtbot.waitUntil(lambda: len(lesson.made) == 2)  # the second song's player, made early
    lesson.play_until(30_000)
    assert started == [0]
    lesson.play_until(35_700)  # the first item's last line ends
    qtbot.waitUntil(lambda: started == [0, 1])
    assert len(lesson.made) == 2  # nothing more set up at the switch
    second = lesson.session
    assert second is lesson.shown[1].setup.session
    assert second.position_ms() == 124_800 - LEAD_IN_MS
    assert second.playing and second.teaching
    lesson.play_until(124_800 - LEAD_IN_MS + 1_000)  # in the lead-in, after stanza 8's end
    assert second.playing and second.waiting_after is None  # stanza 8 is not the item's
    assert lesson.shown[0].setup.session.player._closed  # the first song's player is closed


def test_only_the_items_questions_are_left_in_its_song(fake_time, tmp_path):
    lesson = Class(fake_time, [LAST], tmp_path)
    lesson.run.start()
    stanzas = lesson.session.song.stanzas
    assert [q.id for q in stanzas[8].questions] == ["s9q1"]
    assert [s.questions for s in stanzas[:8]] == [()] * 8 and stanzas[9].questions == ()


def test_with_teaching_pauses_the_last_stanza_is_explained_before_the_next_item(
    qtbot, fake_time, tmp_path
):
    explained = LessonItem(BUNDLED, stanzas=(0, 2), teaching_pauses=True)
    lesson = Class(fake_time, [explained, LAST], tmp_path)
    lesson.run.start()
    lesson.play_until(19_000)
    assert lesson.session.waiting_after == 0  # stanza 1's pause
    lesson.session.play()
    lesson.play_until(35_750)
    assert lesson.session.waiting_after == 1 and lesson.run.current.index == 0
    lesson.session.play()  # the teacher goes on
    lesson.play_until(35_800)
    qtbot.waitUntil(lambda: lesson.run.current.index == 1)


def test_the_last_stanzas_teaching_pause_holds_the_item_when_frames_take_time(
    qtbot, fake_time, tmp_path
):
    """As on a real screen: 16 ms frames whose positions do not land on the stanza's end, and
    drawing one takes time, so the teaching pause's own pause shows one more frame. The item
    waits on its last stanza's teaching pause (it did not go on to the next item, paused), and
    the teacher's continue starts the next item playing."""
    explained = LessonItem(BUNDLED, stanzas=(0, 2), teaching_pauses=True)
    lesson = Class(fake_time, [explained, LAST], tmp_path)
    lesson.run.start(0, media_ms=FIRST_END_MS - 1_003)
    first = lesson.session
    first.position_changed.connect(lambda _ms: fake_time.advance(2))  # drawing the frame

    def frames_until(done) -> None:
        while not done():
            fake_time.advance(16)
            lesson.session.tick()
            QCoreApplication.processEvents()  # what the run queued (a switch) happens

    frames_until(lambda: not first.playing)
    QCoreApplication.processEvents()
    assert first.waiting_after == 1 and lesson.run.current.index == 0  # explained first
    first.play()  # the teacher goes on
    frames_until(lambda: lesson.run.current.index == 1)
    assert lesson.session is not first and lesson.session.playing


def test_the_next_stanza_key_at_an_items_last_stanza_goes_to_the_next_item(
    qtbot, fake_time, tmp_path
):
    lesson = Class(fake_time, [FIRST, LAST], tmp_path)
    lesson.run.start()
    lesson.play_until(25_000)  # in stanza 2, the item's last
    lesson.session.next_stanza()  # the song's stanza 3: past the item
    qtbot.waitUntil(lambda: lesson.run.current.index == 1)
    # At the song's last stanza there is no stanza to seek to: the run itself moves on.
    ended: list[bool] = []
    lesson.run.finished.connect(lambda: ended.append(True))
    lesson.play_until(150_000)
    lesson.session.next_stanza()
    lesson.run.after_next_stanza()
    assert ended == [True]


def test_the_place_is_remembered_while_playing_and_forgotten_at_the_end(qtbot, fake_time, tmp_path):
    lesson = Class(fake_time, [FIRST, LAST], tmp_path)
    settings, path = lesson.settings, lesson.path
    lesson.run.start()
    assert settings.lesson_place(path) == (0, 0)
    lesson.play_until(20_000)
    assert settings.lesson_place(path) == (0, 20_000)
    lesson.play_until(35_700)
    qtbot.waitUntil(lambda: lesson.run.current.index == 1)
    assert settings.lesson_place(path) == (1, 124_800 - LEAD_IN_MS)
    lesson.play_until(130_000)
    lesson.run.stop()  # the window closes
    assert settings.lesson_place(path) == (1, 130_000)

    again = Class(fake_time, [FIRST, LAST], tmp_path)
    assert again.run.start(*settings.lesson_place(path))  # resume
    assert (again.run.current.index, again.session.position_ms()) == (1, 130_000)
    again.play_until(155_700)
    assert again.session.waiting_after == 9  # the last stanza explained first
    again.session.play()
    again.play_until(155_800)
    assert again.settings.lesson_place(path) is None
    assert again.session.playing  # the song's own end plays out


def test_an_item_whose_song_cannot_be_opened_is_skipped_and_said(fake_time, tmp_path):
    missing = LessonItem(tmp_path / "gone")
    lesson = Class(fake_time, [missing, LAST], tmp_path)
    said: list[str] = []
    lesson.run.skipped.connect(said.append)
    assert lesson.run.start()
    assert lesson.run.current.index == 1
    assert said == [f"{tmp_path / 'gone'}: no such file or folder"]


@pytest.mark.parametrize("play", [True, False])
def test_previous_and_next_item_keep_playing_or_paused(fake_time, tmp_path, play):
    lesson = Class(fake_time, [FIRST, LAST], tmp_path)
    lesson.run.start(play=play)
    assert lesson.run.next_item(play=play)
    assert lesson.run.current.index == 1 and lesson.session.playing is play
    assert lesson.run.previous_item(play=play)
    assert lesson.run.current.index == 0 and lesson.session.position_ms() == 0


@pytest.mark.vlc
def test_real_playback_goes_from_item_1_to_item_2_with_the_next_player_ready(qtbot, tmp_path):
    """libvlc (dummy outputs) plays the bundled video: the first item's end starts the second,
    whose player was made and its media loaded while the first played."""
    from karaoke.app.players import player_factory
    from karaoke.app.song_setup import set_up_song
    from karaoke.player.base import State
    from karaoke.player.vlc_player import VlcPlayer
    from tests.player.helpers import DUMMY_OUTPUTS

    settings = Settings(QSettings(str(tmp_path / "s.conf"), QSettings.Format.IniFormat))
    make_player = player_factory(DUMMY_OUTPUTS)
    shown: list[LessonStep] = []

    def show(step: LessonStep, media_ms: int, play: bool) -> None:
        if shown:
            shown[-1].setup.session.close()
        step.setup.session.seek(media_ms)
        step.setup.session.play()
        shown.append(step)

    lesson = Lesson({"": "Clase"}, (FIRST, LAST), path=tmp_path / "lesson.toml")
    run = LessonRun(lesson, lambda opened: set_up_song(opened, make_player, settings), show)
    started: list[int] = []
    run.item_started.connect(started.append)
    assert run.start(0, media_ms=34_000)  # 1.7 s before the first item's last line ends
    first = run.current.setup.session
    assert isinstance(first.player, VlcPlayer)
    qtbot.waitUntil(lambda: first.player.state() == State.PLAYING, timeout=10_000)
    qtbot.waitUntil(lambda: run._next is not None, timeout=5_000)
    second = run._next.setup.session  # made while the first plays
    assert isinstance(second.player, VlcPlayer) and second is not first
    assert started == [0]
    qtbot.waitUntil(lambda: started == [0, 1], timeout=15_000)
    assert first.lyrics_ms() >= FIRST_END_MS  # it played its last line out
    assert run.current.setup.session is second
    qtbot.waitUntil(lambda: second.player.state() == State.PLAYING, timeout=10_000)
    qtbot.waitUntil(lambda: second.position_ms() > 124_800 - LEAD_IN_MS + 500, timeout=10_000)
    assert second.position_ms() < 130_000  # from the second item's start, not the song's
    run.stop()
    second.close()


def test_the_previous_stanza_key_at_an_items_first_stanza_goes_to_the_previous_item(
    qtbot, fake_time, tmp_path
):
    lesson = Class(fake_time, [FIRST, LAST], tmp_path)
    lesson.run.start(1)  # the second item, from its lead-in
    lesson.play_until(130_000)  # in stanza 9, its first
    lesson.session.previous_stanza()  # to stanza 9's start: still the item
    lesson.run.after_previous_stanza()
    assert lesson.run.current.index == 1
    lesson.session.previous_stanza()  # to stanza 8: before the item
    lesson.run.after_previous_stanza()
    assert lesson.run.current.index == 0 and lesson.session.position_ms() == 0
    lesson.play_until(12_000)
    lesson.session.previous_stanza()
    lesson.session.previous_stanza()  # the first item starts with the song: nothing before
    lesson.run.after_previous_stanza()
    assert lesson.run.current.index == 0
