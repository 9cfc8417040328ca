import pytest

from karaoke.core.clock import SLEW_LIMIT_MS, PlaybackClock
from tests.conftest import FakeTime


@pytest.fixture
def now(fake_time: FakeTime) -> FakeTime:
    return fake_time


def test_extrapolates_between_coarse_updates(now):
    clock = PlaybackClock(now)
    clock.play()
    clock.on_player_time(0)
    now.advance(100)
    assert clock.position_ms() == 100
    now.advance(150)
    assert clock.position_ms() == 250


def test_holds_still_while_paused_and_ignores_player_times(now):
    clock = PlaybackClock(now)
    clock.play()
    now.advance(1000)
    clock.pause()
    held = clock.position_ms()
    now.advance(5000)
    clock.on_player_time(400)
    assert clock.position_ms() == held == 1000
    clock.play()
    now.advance(10)
    assert clock.position_ms() == 1010


def test_never_steps_back_while_playing_when_ahead_of_the_player(now):
    clock = PlaybackClock(now)
    clock.play()
    now.advance(300)
    assert clock.position_ms() == 300
    clock.on_player_time(250)  # we were 50 ms ahead
    seen = [clock.position_ms()]
    for _ in range(20):
        now.advance(5)
        seen.append(clock.position_ms())
    assert seen == sorted(seen), "no backward step"
    assert seen[0] == 300
    # Slewed onto the player's line: 250 + 100 ms elapsed.
    assert seen[-1] == 350


def test_catches_up_smoothly_when_behind(now):
    clock = PlaybackClock(now)
    clock.play()
    now.advance(250)
    clock.on_player_time(330)  # player 80 ms ahead of us
    now.advance(40)
    assert 290 < clock.position_ms() < 370  # running faster than real time, not jumping
    now.advance(200)
    assert clock.position_ms() == 570


def test_large_discrepancy_is_a_jump(now):
    clock = PlaybackClock(now)
    clock.play()
    now.advance(100)
    clock.on_player_time(int(100 + SLEW_LIMIT_MS + 500))
    assert clock.position_ms() == 1600


def test_seek_jumps_both_ways(now):
    clock = PlaybackClock(now)
    clock.play()
    now.advance(5000)
    clock.seek(1000)
    assert clock.position_ms() == 1000
    clock.seek(9000)
    now.advance(10)
    assert clock.position_ms() == 9010
    clock.pause()
    clock.seek(200)
    assert clock.position_ms() == 200


def test_rate_change_does_not_jump(now):
    clock = PlaybackClock(now)
    clock.play()
    now.advance(1000)
    clock.set_rate(0.5)
    assert clock.position_ms() == 1000
    now.advance(1000)
    assert clock.position_ms() == 1500
    clock.set_rate(1.5)
    now.advance(1000)
    assert clock.position_ms() == 3000
    with pytest.raises(ValueError):
        clock.set_rate(0)


def test_updates_on_a_straight_line_are_tracked_exactly(now):
    clock = PlaybackClock(now)
    clock.play()
    for step in range(40):
        now.advance(100)
        assert clock.position_ms() == step * 250 + 100
        now.advance(150)
        clock.on_player_time((step + 1) * 250)
