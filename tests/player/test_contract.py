"""The Player contract (karaoke/player/base.py), run against every backend.

One test class, as in Quod Libet's ``tests/test_player.py``: each test runs once on the
``FakePlayer`` (on the real clock, driven by its own timer) and once on the ``VlcPlayer`` (real
libvlc, dummy outputs, WAV tones made here). The tests about media that cannot play run only on
the backends that open media (``FakePlayer`` opens none, so none can fail: see base.py). What only
one backend does is tested in its own file (``test_fake_player.py``, ``test_vlc_player.py``).

Everything waits on signals with generous timeouts: the players run in real time, and the tests
check what happens, not how fast.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from karaoke.player.base import Player, State
from karaoke.player.fake_player import FakePlayer
from tests.player.helpers import Recorder, at_least, is_state


@dataclass
class Backend:
    """How the contract tests make a player and give it media of a known length."""

    name: str
    make: Callable[[], Player]
    #: Load media of about ``length_ms`` (one of ``short_ms``, ``long_ms``) into the player.
    load: Callable[[Player, int], None]
    #: A few seconds: played to the end by the tests about the end.
    short_ms: int
    #: Long enough to seek around in while it plays.
    long_ms: int
    #: How far the reported length may be from the media's.
    length_slack_ms: int
    #: Load a file the player cannot play, or None when the backend plays no media.
    load_unplayable: Callable[[Player, Path], None] | None
    #: True once :meth:`Player.show_still` has done all it does behind the ``paused`` state (the
    #: libvlc player plays muted until a frame is up, then pauses: see test_vlc_still.py).
    still_shown: Callable[[Player], bool]


def fake_backend() -> Backend:
    def load(player: Player, length_ms: int) -> None:
        assert isinstance(player, FakePlayer)
        # FakePlayer opens no media: its length is set, as libvlc reports it after parsing.
        player.load(None)
        player.set_length(length_ms)

    return Backend(
        name="fake",
        make=lambda: FakePlayer(tick_ms=50),
        load=load,
        short_ms=1500,
        long_ms=10_000,
        length_slack_ms=0,
        load_unplayable=None,
        still_shown=lambda _player: True,  # nothing to wait for: it only holds the position
    )


def vlc_backend(instance, tones: dict[int, Path]) -> Backend:
    from karaoke.player.vlc_player import VlcPlayer

    def load_unplayable(player: Player, folder: Path) -> None:
        path = folder / "notes.mp3"
        path.write_bytes(b"These are my lyrics, not music.\nNothing to hear here.\n")
        player.load(str(path))

    return Backend(
        name="vlc",
        make=lambda: VlcPlayer(instance),
        load=lambda player, length_ms: player.load(str(tones[length_ms])),
        short_ms=3000,
        long_ms=10_000,
        length_slack_ms=50,
        load_unplayable=load_unplayable,
        still_shown=lambda player: isinstance(player, VlcPlayer) and player._still is None,
    )


@pytest.fixture(params=["fake", pytest.param("vlc", marks=pytest.mark.vlc)])
def backend(request) -> Backend:
    if request.param == "fake":
        return fake_backend()
    tones = {3000: request.getfixturevalue("tone_3s"), 10_000: request.getfixturevalue("tone_10s")}
    return vlc_backend(request.getfixturevalue("instance"), tones)


@pytest.fixture
def player(qapp, backend):
    made = backend.make()
    yield made
    made.close()


@pytest.fixture
def rec(player):
    recorder = Recorder(player)
    yield recorder
    assert recorder.off_gui_thread == 0, "a signal was delivered off the GUI thread"


def start(qtbot, backend: Backend, player: Player, rec: Recorder, length_ms: int) -> None:
    """Load media of ``length_ms`` and play it; return once a time after the start came."""
    backend.load(player, length_ms)
    player.play()
    qtbot.waitUntil(lambda: any(t > 0 for t in rec.times), timeout=5000)


def play_to_the_end(qtbot, backend: Backend, player: Player) -> None:
    backend.load(player, backend.short_ms)
    with qtbot.waitSignal(player.state_changed, timeout=10_000, check_params_cb=is_state("ended")):
        player.play()


# Loading and playing -----------------------------------------------------------------------------


def test_a_new_player_is_stopped_at_zero(player, rec):
    assert player.state() is State.STOPPED
    assert player.position_ms() == 0
    assert player.length_ms() == 0
    assert rec.events == []


def test_load_reports_the_length_and_stays_stopped(qtbot, backend, player, rec):
    backend.load(player, backend.short_ms)
    qtbot.waitUntil(lambda: player.length_ms() > 0, timeout=5000)
    assert abs(player.length_ms() - backend.short_ms) <= backend.length_slack_ms
    assert rec.lengths[-1] == player.length_ms()
    assert player.state() is State.STOPPED
    assert player.position_ms() == 0
    assert rec.times == []
    assert "playing" not in rec.states


def test_a_still_waits_paused_at_the_position_with_the_length(qtbot, backend, player, rec):
    backend.load(player, backend.long_ms)
    player.seek(2000)  # as --start does
    player.show_still()
    assert player.state() is State.PAUSED
    qtbot.waitUntil(lambda: player.length_ms() > 0, timeout=5000)
    qtbot.waitUntil(lambda: backend.still_shown(player), timeout=5000)
    assert abs(player.length_ms() - backend.long_ms) <= backend.length_slack_ms
    assert player.state() is State.PAUSED and player.position_ms() == 2000
    assert rec.states == ["paused"] and set(rec.times) <= {2000}
    with qtbot.waitSignal(player.state_changed, timeout=5000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: any(t > 2000 for t in rec.times), timeout=5000)


def test_play_reports_playing_then_advancing_times(qtbot, backend, player, rec):
    backend.load(player, backend.long_ms)
    with qtbot.waitSignal(player.state_changed, timeout=5000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: len(rec.times) >= 3, timeout=5000)
    assert set(rec.states) <= {"stopped", "opening", "playing"}
    assert rec.states[-1] == "playing"
    assert player.state() is State.PLAYING
    assert rec.times == sorted(rec.times)
    assert len(set(rec.times)) == len(rec.times)  # each time once
    assert 0 < player.position_ms() <= backend.long_ms
    assert rec.errors == []


def test_pause_holds_the_time(qtbot, backend, player, rec):
    start(qtbot, backend, player, rec, backend.long_ms)
    with qtbot.waitSignal(player.state_changed, timeout=3000, check_params_cb=is_state("paused")):
        player.pause()
    held = player.position_ms()
    with qtbot.assertNotEmitted(player.time_changed, wait=800):
        pass
    assert player.position_ms() == held
    assert player.state() is State.PAUSED
    with qtbot.waitSignal(player.state_changed, timeout=3000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: rec.times[-1] > held, timeout=3000)


# Seeking -----------------------------------------------------------------------------------------


def test_seek_while_playing_moves_the_time(qtbot, backend, player, rec):
    start(qtbot, backend, player, rec, backend.long_ms)
    with qtbot.waitSignal(player.time_changed, timeout=3000, check_params_cb=at_least(1900)):
        player.seek(2000)
    assert 1900 <= player.position_ms() <= 3500
    seen = len(rec.times)
    qtbot.waitUntil(lambda: len(rec.times) > seen, timeout=3000)  # the player's own next time
    assert all(1900 <= t <= 3500 for t in rec.times[seen - 1 :])
    assert player.state() is State.PLAYING


def test_seek_while_paused_reports_the_time_and_stays_paused(qtbot, backend, player, rec):
    start(qtbot, backend, player, rec, backend.long_ms)
    with qtbot.waitSignal(player.state_changed, timeout=3000, check_params_cb=is_state("paused")):
        player.pause()
    with qtbot.waitSignal(player.time_changed, timeout=3000) as seek_report:
        player.seek(6000)
    assert seek_report.args == [6000]
    assert player.position_ms() == 6000
    assert player.state() is State.PAUSED
    with qtbot.waitSignal(player.state_changed, timeout=3000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: rec.times[-1] > 6000, timeout=3000)
    assert rec.times[-1] < 7500  # on from there, not from where it was paused


def test_seek_before_play_is_where_play_starts(qtbot, backend, player, rec):
    backend.load(player, backend.long_ms)
    with qtbot.waitSignal(player.time_changed, timeout=3000) as seek_report:
        player.seek(4000)
    assert seek_report.args == [4000]
    assert player.position_ms() == 4000
    assert player.state() is State.STOPPED
    player.play()
    qtbot.waitUntil(lambda: rec.times[-1] > 4000, timeout=5000)
    assert min(rec.times) >= 3900  # libvlc may resume a few ms before the target


def test_seek_is_clamped_to_the_media(qtbot, backend, player, rec):
    backend.load(player, backend.long_ms)
    qtbot.waitUntil(lambda: player.length_ms() > 0, timeout=5000)
    with qtbot.waitSignal(player.time_changed, timeout=3000, check_params_cb=at_least(5000)):
        player.seek(5000)
    with qtbot.waitSignal(player.time_changed, timeout=3000) as low:
        player.seek(-500)
    assert low.args == [0]
    with qtbot.waitSignal(player.time_changed, timeout=3000) as high:
        player.seek(10 * backend.long_ms)
    assert high.args == [player.length_ms()]
    assert player.position_ms() == player.length_ms()
    assert player.state() is State.STOPPED


# Rate and volume ---------------------------------------------------------------------------------


def test_rate_changes_how_fast_media_time_goes(qtbot, backend, player, rec):
    player.set_rate(2.0)  # before there is media: kept
    player.set_volume(40)  # accepted even before there is an audio output
    player.set_volume(500)
    player.set_volume(-1)
    stamps: list[tuple[float, int]] = []
    player.time_changed.connect(lambda ms: stamps.append((time.monotonic(), ms)))
    start(qtbot, backend, player, rec, backend.long_ms)
    qtbot.waitUntil(lambda: bool(stamps) and stamps[-1][0] - stamps[0][0] >= 1.0, timeout=5000)
    (t0, ms0), (t1, ms1) = stamps[0], stamps[-1]
    speed = (ms1 - ms0) / ((t1 - t0) * 1000)
    assert 1.6 <= speed <= 2.5
    with pytest.raises(ValueError):
        player.set_rate(0)
    assert player.state() is State.PLAYING


# Singing along -----------------------------------------------------------------------------------


def test_vocals_off_and_the_key_keep_the_time_and_hold_for_the_next_media(
    qtbot, backend, player, rec
):
    player.set_key_shift(-2)  # before there is media: kept
    start(qtbot, backend, player, rec, backend.long_ms)
    qtbot.waitUntil(lambda: rec.times[-1] >= 500, timeout=3000)
    before = len(rec.times)
    player.set_vocals_off(True)
    player.set_key_shift(3)
    qtbot.waitUntil(lambda: rec.times[-1] >= rec.times[before - 1] + 500, timeout=3000)
    assert min(rec.times[before - 1 :]) == rec.times[before - 1]  # on from where it was
    assert player.state() is State.PLAYING and rec.errors == []
    backend.load(player, backend.short_ms)
    assert (player.vocals_off, player.key_shift) == (True, 3)
    player.set_key_shift(99)
    assert player.key_shift == 12  # the pitch filter's limit
    player.set_vocals_off(False)
    assert not player.vocals_off


# The end -----------------------------------------------------------------------------------------


def test_the_end_reports_the_length_then_ended(qtbot, backend, player, rec):
    play_to_the_end(qtbot, backend, player)
    length = player.length_ms()
    assert rec.times[-1] == length
    last_time = max(i for i, (kind, _) in enumerate(rec.events) if kind == "time")
    assert rec.events.index(("state", "ended")) > last_time  # the final time, then the state
    assert player.position_ms() == length
    assert player.state() is State.ENDED
    assert rec.errors == []


def test_play_after_the_end_plays_again_from_the_start(qtbot, backend, player, rec):
    play_to_the_end(qtbot, backend, player)
    ended_at = len(rec.times)
    with qtbot.waitSignal(player.state_changed, timeout=5000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: any(t > 0 for t in rec.times[ended_at:]), timeout=5000)
    assert rec.times[ended_at] == 0  # the restart is reported as a jump to the start
    with qtbot.waitSignal(player.state_changed, timeout=10_000, check_params_cb=is_state("ended")):
        pass


def test_seek_after_the_end_waits_paused_then_plays_from_there(qtbot, backend, player, rec):
    play_to_the_end(qtbot, backend, player)
    target = player.length_ms() // 3
    with qtbot.waitSignal(player.time_changed, timeout=3000) as seek_report:
        player.seek(target)
    assert seek_report.args == [target]
    assert player.state() is State.PAUSED
    assert player.position_ms() == target
    with qtbot.waitSignal(player.state_changed, timeout=5000, check_params_cb=is_state("playing")):
        player.play()
    qtbot.waitUntil(lambda: rec.times[-1] > target, timeout=3000)
    assert rec.times[-1] < target + 1500


# Failing -----------------------------------------------------------------------------------------


#: Only the backends that open media: the others cannot fail to (base.py).
OPENS_MEDIA = pytest.mark.parametrize(
    "backend", [pytest.param("vlc", marks=pytest.mark.vlc)], indirect=True
)


@OPENS_MEDIA
def test_media_it_cannot_play_is_an_error_signal_not_an_exception(
    qtbot, backend, player, rec, tmp_path
):
    assert backend.load_unplayable is not None
    backend.load_unplayable(player, tmp_path)
    with qtbot.waitSignal(player.error, timeout=5000) as failure:
        player.play()
    assert failure.args[0]  # a sentence for a person
    assert rec.states[-1] == "error"
    assert player.state() is State.ERROR
    player.seek(1000)  # nothing to do, and no exception
    player.pause()
    assert player.state() is State.ERROR


@OPENS_MEDIA
def test_a_missing_file_is_an_error_signal_not_an_exception(qtbot, backend, player, rec, tmp_path):
    missing = tmp_path / "gone" / "song.mp4"
    player.load(str(missing))
    with qtbot.waitSignal(player.error, timeout=3000) as failure:
        pass
    assert str(missing) in failure.args[0]
    assert player.state() is State.ERROR


def test_a_new_load_replaces_what_was_playing(qtbot, backend, player, rec):
    start(qtbot, backend, player, rec, backend.long_ms)
    backend.load(player, backend.short_ms)
    assert player.state() is State.STOPPED
    assert player.position_ms() == 0
    qtbot.waitUntil(
        lambda: abs(player.length_ms() - backend.short_ms) <= backend.length_slack_ms,
        timeout=5000,
    )


# Closing -----------------------------------------------------------------------------------------


def test_close_while_playing_is_prompt_idempotent_and_final(qtbot, backend, player, rec):
    start(qtbot, backend, player, rec, backend.long_ms)
    started = time.monotonic()
    player.close()
    assert time.monotonic() - started < 2.0  # a hang check, not a speed test
    held = player.position_ms()
    seen = (len(rec.times), len(rec.states))
    player.close()
    player.play()
    player.seek(10)
    player.set_rate(1.5)
    player.set_volume(50)
    qtbot.wait(300)  # whatever was already queued is dropped, nothing comes later
    assert (len(rec.times), len(rec.states)) == seen
    assert player.position_ms() == held


def test_close_from_the_slot_that_hears_the_end(qtbot, backend, player):
    took: list[float] = []

    def close_on_end(state: str) -> None:
        if state == "ended":
            started = time.monotonic()
            player.close()
            took.append(time.monotonic() - started)

    player.state_changed.connect(close_on_end)
    backend.load(player, backend.short_ms)
    player.play()
    qtbot.waitUntil(lambda: bool(took), timeout=10_000)
    assert took[0] < 2.0  # a hang check: libvlc's stop() from its EndReached callback took 12 s
    assert player.position_ms() == player.length_ms()
