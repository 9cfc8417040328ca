"""Vocals off and the key shift with the real libvlc, measured in the sound it plays.

The player's audio goes to a WAV file (libvlc's ``afile`` output: as headless as the dummy one,
but it keeps what would have been heard) and a Goertzel filter measures the tones in it. The
song is two tones: 440 Hz in both channels (panned centre, where a lead voice sits) and 660 Hz in
the left one only (panned aside, like most instruments). The instrumental is a tone that climbs
100 Hz every second (300 Hz in the first), so its pitch tells the media time it was played at.

libvlc writes the sound about a second ahead of the time it reports, and starts the file again
whenever its audio output restarts (a filter or a track changed): so the tests read the file just
before a change (what was heard before it) and at the end (what was heard since).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from karaoke.player import vlc_audio
from karaoke.player.base import State
from karaoke.player.vlc_player import VlcPlayer
from tests.player.helpers import (
    Recorder,
    amplitude,
    is_state,
    read_stereo,
    recording_libvlc,
    sine,
    write_stereo,
    write_tone,
)

pytestmark = pytest.mark.vlc

CENTRE_HZ, SIDE_HZ = 440, 660


def step_hz(second: int) -> int:
    """The instrumental's tone during its ``second``-th second."""
    return 300 + 100 * second


@pytest.fixture(scope="module")
def song(tmp_path_factory) -> Path:
    return write_stereo(
        tmp_path_factory.mktemp("audio") / "song.wav",
        8,
        lambda t: (0.5 * sine(CENTRE_HZ, t) + 0.5 * sine(SIDE_HZ, t), 0.5 * sine(CENTRE_HZ, t)),
    )


@pytest.fixture(scope="module")
def instrumental(tmp_path_factory) -> Path:
    def tone(t: float) -> tuple[float, float]:
        sample = 0.5 * sine(step_hz(int(t)), t)
        return sample, sample

    return write_stereo(tmp_path_factory.mktemp("audio") / "instrumental.wav", 8, tone)


@pytest.fixture
def heard(tmp_path) -> Path:
    return tmp_path / "heard.wav"


@pytest.fixture
def player(qapp, heard):
    instance = recording_libvlc(heard)
    made = VlcPlayer(instance)
    yield made
    made.close()
    instance.release()


def play_until(qtbot, player: VlcPlayer, rec: Recorder, ms: int) -> None:
    if player.state() is not State.PLAYING:
        player.play()
    qtbot.waitUntil(lambda: bool(rec.times) and rec.times[-1] >= ms, timeout=8000)


def pause(qtbot, player: VlcPlayer) -> None:
    with qtbot.waitSignal(player.state_changed, timeout=3000, check_params_cb=is_state("paused")):
        player.pause()


def tones(heard: Path, channel: int, seconds: tuple[float, float], *hz: int) -> list[float]:
    """The amplitudes of ``hz`` in ``channel`` (0 left, 1 right) of what was ``heard`` between
    ``seconds`` (negative: from the end of what is there now), as fractions of full scale."""
    rate, *channels = read_stereo(heard)
    start, end = (int(second * rate) or None for second in seconds)
    part = channels[channel][start:end]
    assert len(part) > rate // 4, "too little was heard"
    return [amplitude(part, rate, frequency) / 32768 for frequency in hz]


LAST = (-0.5, 0)  # the last half second heard so far


def test_vocals_off_filters_the_centre_out_live_and_the_time_goes_on(qtbot, player, heard, song):
    rec = Recorder(player)
    player.load(str(song))
    play_until(qtbot, player, rec, 1000)
    centre, side = tones(heard, 0, LAST, CENTRE_HZ, SIDE_HZ)
    assert centre > 0.1 and side > 0.1  # both tones, as recorded
    before_ms = rec.times[-1]
    player.set_vocals_off(True)
    assert player.vocals_off
    play_until(qtbot, player, rec, 3500)
    after = rec.times[rec.times.index(before_ms) + 1 :]
    assert after and min(after) >= before_ms  # no reload: the time never went back
    assert rec.states.count("playing") == 1 and player.state() is State.PLAYING
    centre_off, side_off = tones(heard, 0, LAST, CENTRE_HZ, SIDE_HZ)
    assert centre_off < centre / 20  # the centre (the voice) is gone …
    assert side_off > side / 2  # … what is panned aside stays


def test_the_instrumental_plays_instead_in_step_and_back_again(
    qtbot, player, heard, song, instrumental
):
    rec = Recorder(player)
    player.set_vocals_off(True)  # asked for before loading, as a song's remembered setting is
    player.load(str(song), str(instrumental))
    assert player.vocals_off_problem() == ""
    play_until(qtbot, player, rec, 1000)
    steps = tones(heard, 1, LAST, *map(step_hz, range(8)))
    assert sum(steps) > 0.12  # the instrumental from the start …
    assert max(tones(heard, 0, LAST, CENTRE_HZ, SIDE_HZ)) < sum(steps) / 20  # … not the song
    player.set_vocals_off(False)
    play_until(qtbot, player, rec, 2500)
    centre, side, *steps = tones(heard, 0, LAST, CENTRE_HZ, SIDE_HZ, *map(step_hz, range(8)))
    assert centre > 0.1 and side > 0.1 and max(steps) < centre / 20  # the song, with its voice
    player.set_vocals_off(True)
    play_until(qtbot, player, rec, 4500)
    pause(qtbot, player)
    at_s = player.position_ms() // 1000
    # The last sound is written at most 1.5 s ahead of the time: the instrumental there plays
    # its seconds from now on (in step with the media), not from its own start.
    steps = tones(heard, 1, LAST, *map(step_hz, range(8)))
    playing = [second for second, found in enumerate(steps) if found > 0.03]
    assert sum(steps) > 0.12 and playing and all(at_s <= s <= at_s + 2 for s in playing), steps
    assert rec.states == ["opening", "playing", "paused"]  # toggled twice without a reload


def test_the_key_shift_moves_the_pitch_live_and_holds_the_speed(qtbot, player, heard, song):
    rec = Recorder(player)
    player.set_key_shift(2)  # two semitones up: 440 Hz plays at 494 Hz
    player.load(str(song))
    play_until(qtbot, player, rec, 1500)
    up, original = tones(heard, 1, LAST, 494, CENTRE_HZ)
    assert up > 0.1 and original < up / 10
    player.set_key_shift(-3)  # three down, while playing: 370 Hz
    play_until(qtbot, player, rec, 4000)
    down, original = tones(heard, 1, LAST, 370, CENTRE_HZ)
    assert down > 0.1 and original < down / 10
    assert player.state() is State.PLAYING and rec.states.count("playing") == 1


def test_vocals_off_says_why_it_cannot_take_a_mono_voice_out(qtbot, player, tmp_path, song):
    rec = Recorder(player)
    player.load(str(write_tone(tmp_path / "mono.wav", 2)))
    qtbot.waitUntil(lambda: bool(rec.lengths), timeout=3000)  # parsed: the tracks are known
    assert "mono" in player.vocals_off_problem()
    player.load(str(song))
    qtbot.waitUntil(lambda: player.length_ms() > 0, timeout=3000)
    assert player.vocals_off_problem() == ""


def test_without_libvlccore_vocals_off_says_why_and_nothing_breaks(
    qtbot, qapp, instance, song, monkeypatch
):
    monkeypatch.setattr(vlc_audio, "_load_core", lambda: (None, "libvlccore cannot be found"))
    player = VlcPlayer(instance)
    player.load(str(song))
    player.set_vocals_off(True)
    player.set_key_shift(2)
    assert player.vocals_off_problem() == (
        "VLC's audio filters cannot be reached (libvlccore cannot be found)"
    )
    player.close()
