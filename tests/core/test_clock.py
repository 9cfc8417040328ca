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


def _seek_and_resume(clock: PlaybackClock, now, target: int, late_ms: int) -> None:
    """Seek while playing; the player repeats the target, then starts ``late_ms`` late and
    reports its first new time 300 ms after the seek."""
    clock.seek(target)
    clock.on_player_time(target)  # the player's own report of the seek: not playback yet
    now.advance(300)
    clock.on_player_time(target + 300 - late_ms)


def test_a_seek_holds_at_its_target_as_long_as_the_player_took_to_start_after_seeks(now):
    clock = PlaybackClock(now)
    clock.play()
    now.advance(1000)
    assert clock.seek_latency_ms == 0  # nothing learned yet: no hold
    for target in (10_000, 20_000, 30_000):
        _seek_and_resume(clock, now, target, late_ms=40)
    assert clock.seek_latency_ms == 40
    clock.seek(50_000)
    now.advance(30)
    clock.on_player_time(50_000)  # the report of the target does not end the hold
    assert clock.position_ms() == 50_000  # the player has not started yet
    now.advance(20)
    assert clock.position_ms() == 50_010  # started 40 ms after the seek, as it does
    now.advance(250)
    clock.on_player_time(50_260)  # the player's line, started 40 ms late: no correction
    assert clock.position_ms() == 50_260


def test_the_seek_latency_is_the_median_of_the_last_few_and_ignores_stalls(now):
    clock = PlaybackClock(now)
    clock.play()
    for target, late in ((10_000, 30), (20_000, 900), (30_000, 50), (40_000, 35)):
        _seek_and_resume(clock, now, target, late_ms=late)
    assert clock.seek_latency_ms == 35  # 900 ms was a stall, not a seek's latency
    for target in range(50_000, 110_000, 10_000):  # six seeks on a player that starts at once
        _seek_and_resume(clock, now, target, late_ms=0)
    assert clock.seek_latency_ms == 0


def test_no_hold_after_a_seek_while_paused_and_none_learned_across_a_pause(now):
    clock = PlaybackClock(now)
    clock.play()
    for target in (10_000, 20_000, 30_000):
        _seek_and_resume(clock, now, target, late_ms=40)
    clock.seek(60_000)
    clock.pause()
    now.advance(500)
    clock.play()
    now.advance(300)
    clock.on_player_time(60_250)  # after a resume, not a seek: nothing learned from it
    assert clock.seek_latency_ms == 40
    clock.pause()
    clock.seek(5_000)
    clock.play()
    now.advance(10)
    assert clock.position_ms() == 5_010
