"""FakePlayer: a clock-driven player without media, driven here by a hand-advanced clock.

What every player does, this one on the real clock and its own timer included, is checked by
``test_contract.py``; here the exact times its injected clock gives, and what only it has
(``set_length``, ``tick``, a length of 0 that plays on).
"""

from __future__ import annotations

import pytest

from karaoke.player.base import State
from karaoke.player.fake_player import FakePlayer
from tests.conftest import FakeTime
from tests.player.helpers import Recorder


@pytest.fixture
def make(qapp, fake_time: FakeTime):
    players: list[FakePlayer] = []

    def _make(length_ms: int = 0) -> tuple[FakePlayer, Recorder]:
        player = FakePlayer(length_ms=length_ms, now_ns=fake_time)
        players.append(player)
        return player, Recorder(player)

    yield _make
    for player in players:
        player.close()


def test_position_follows_the_injected_clock(make, fake_time):
    player, rec = make()
    assert player.state() is State.STOPPED
    assert player.position_ms() == 0
    player.play()
    assert rec.states == ["playing"]
    fake_time.advance(1000)
    assert player.position_ms() == 1000
    player.tick()
    fake_time.advance(250)
    player.tick()
    assert rec.times == [1000, 1250]


def test_rate_scales_the_clock_without_a_jump(make, fake_time):
    player, _rec = make()
    player.play()
    fake_time.advance(1000)
    player.set_rate(0.5)
    assert player.position_ms() == 1000
    fake_time.advance(1000)
    assert player.position_ms() == 1500
    player.set_rate(1.5)
    fake_time.advance(1000)
    assert player.position_ms() == 3000
    with pytest.raises(ValueError):
        player.set_rate(0)


def test_pause_holds_the_position(make, fake_time):
    player, rec = make()
    player.play()
    fake_time.advance(700)
    player.pause()
    assert player.state() is State.PAUSED
    fake_time.advance(5000)
    player.tick()
    assert player.position_ms() == 700
    assert rec.times == []  # no tick while paused
    player.play()
    fake_time.advance(100)
    assert player.position_ms() == 800
    assert rec.states == ["playing", "paused", "playing"]


def test_seek_reports_the_time_at_once_and_clamps(make, fake_time):
    player, rec = make(length_ms=10_000)
    player.seek(2500)  # stopped
    assert rec.times == [2500]
    assert player.position_ms() == 2500
    player.play()
    fake_time.advance(500)
    player.seek(-40)
    assert rec.times == [2500, 0]
    player.pause()
    player.seek(99_000)
    assert rec.times[-1] == player.position_ms() == 10_000
    assert player.state() is State.PAUSED  # a paused seek to the end does not end


def test_reaching_the_length_ends_and_clamps(make, fake_time):
    player, rec = make(length_ms=3000)
    player.play()
    fake_time.advance(2900)
    player.tick()
    fake_time.advance(500)
    player.tick()
    assert rec.times == [2900, 3000]
    assert rec.events[-2:] == [("time", 3000), ("state", "ended")]  # same order as libvlc's
    assert player.state() is State.ENDED
    fake_time.advance(5000)
    player.tick()
    assert player.position_ms() == 3000
    assert rec.times == [2900, 3000]


def test_play_after_the_end_starts_again(make, fake_time):
    player, rec = make(length_ms=3000)
    player.play()
    fake_time.advance(4000)
    player.tick()
    player.play()
    assert rec.times[-1] == 0
    assert player.state() is State.PLAYING
    fake_time.advance(100)
    assert player.position_ms() == 100


def test_seek_after_the_end_waits_there_paused(make, fake_time):
    player, rec = make(length_ms=3000)
    player.play()
    fake_time.advance(4000)
    player.tick()
    player.seek(1000)
    assert player.state() is State.PAUSED
    assert rec.times[-1] == 1000
    player.play()
    fake_time.advance(200)
    assert player.position_ms() == 1200


def test_set_length_later_and_unknown_length_plays_on(make, fake_time):
    player, rec = make()
    player.play()
    fake_time.advance(60 * 60 * 1000)
    player.tick()
    assert player.state() is State.PLAYING  # length 0: no end
    player.set_length(1000)
    player.set_length(1000)
    assert rec.lengths == [1000]
    assert player.length_ms() == 1000
    player.tick()
    assert player.state() is State.ENDED
    assert player.position_ms() == 1000


def test_volume_is_accepted_and_changes_nothing(make, fake_time):
    player, _rec = make(length_ms=3000)
    player.set_volume(30)
    player.set_volume(500)
    player.set_volume(-1)
    player.play()
    fake_time.advance(100)
    assert player.position_ms() == 100
    assert not player.has_video_output


def test_load_starts_over_stopped(make, fake_time):
    player, _rec = make(length_ms=3000)
    player.play()
    fake_time.advance(1000)
    player.load(None)
    assert player.state() is State.STOPPED
    assert player.position_ms() == 0
    fake_time.advance(1000)
    assert player.position_ms() == 0


def test_close_is_idempotent_and_final(make, fake_time):
    player, rec = make(length_ms=3000)
    player.play()
    fake_time.advance(1000)
    player.close()
    player.close()
    fake_time.advance(1000)
    player.play()
    player.seek(2000)
    player.tick()
    assert player.position_ms() == 1000
    assert rec.times == []
