"""The bundled song's instrumental with the real libvlc: it is what vocals off plays, and it is
the video's sound without the lead, in step with it.

``tools/make_demo_media.py --instrumental`` makes it: the video's own synthesis without the guide
voice and the flute melody (the singers replace both). The voice is what tells the two apart: it
puts energy between 1.5 and 4 kHz, where the backing (bass, comping, drums) has almost none. So
two players record what they play (libvlc's ``afile`` output, as in ``test_vlc_audio.py``) during
the first sung line, one with vocals off and one without, and that band is compared. In step: the
two files last as long as each other (the script synthesises both on one timeline, and libvlc
3.0.24 was measured to play the instrumental sample-exact where the video's sound plays, by the
timestamps of its ``amem`` output; that needs numpy, so it is not repeated here).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from karaoke.core.package import open_song
from karaoke.player.base import State
from karaoke.player.vlc_player import VlcPlayer
from tests.conftest import BUNDLED
from tests.player.helpers import Recorder, read_stereo, recording_libvlc

pytestmark = pytest.mark.vlc

#: The first line is sung from 9.6 s; the guide voice reads it until about 12.5 s.
VOICE_FROM_MS = 9_800
#: libvlc writes its sound about a second ahead of the time it reports: at this time the last
#: second written is within the voice.
HEARD_AT_MS = 11_300
#: The band where the voice is and the backing is not (Hz).
VOICE_BAND = (1_500, 4_000)


@pytest.fixture(scope="module")
def song():
    opened = open_song(BUNDLED)
    assert opened.song.media is not None and opened.song.instrumental is not None
    assert opened.song.instrumental.is_file(), "run tools/make_demo_media.py --instrumental"
    return opened.song


def biquad(samples: Sequence[float], rate: int, hz: float, high_pass: bool) -> list[float]:
    """A second-order Butterworth high-pass or low-pass filter at ``hz`` (RBJ's cookbook)."""
    w = 2 * math.pi * hz / rate
    alpha, cos_w = math.sin(w) / math.sqrt(2), math.cos(w)
    edge = (1 + cos_w) / 2 if high_pass else (1 - cos_w) / 2
    a0 = 1 + alpha
    b0, b1, b2 = edge / a0, (-2 * edge if high_pass else 2 * edge) / a0, edge / a0
    a1, a2 = -2 * cos_w / a0, (1 - alpha) / a0
    out: list[float] = []
    x1 = x2 = y1 = y2 = 0.0
    for x in samples:
        y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        x2, x1, y2, y1 = x1, x, y1, y
        out.append(y)
    return out


def voice_band_share(samples: Sequence[float], rate: int) -> float:
    """The share of the energy of ``samples`` within :data:`VOICE_BAND` (4th-order edges)."""
    band = list(samples)
    for hz, high_pass in ((VOICE_BAND[0], True),) * 2 + ((VOICE_BAND[1], False),) * 2:
        band = biquad(band, rate, hz, high_pass)
    total = sum(x * x for x in samples)
    return sum(y * y for y in band) / total if total else 0.0


def mean_level(samples: Sequence[float]) -> float:
    """The mean absolute value of 16-bit ``samples``, as a fraction of full scale."""
    return sum(abs(x) for x in samples) / len(samples) / 32768


def last_second(heard: Path) -> tuple[int, list[float], list[float]]:
    """The rate, and the left and right samples of the last second written to ``heard``."""
    rate, left, right = read_stereo(heard)
    assert len(left) > rate, f"too little was heard: {len(left) / rate:.2f} s in {heard.name}"
    return rate, left[-rate:], right[-rate:]


def test_vocals_off_plays_the_instrumental_without_the_voice(qtbot, qapp, tmp_path, song):
    players, recorders, files = [], [], []
    for vocals_off in (True, False):
        heard = tmp_path / f"vocals-off-{vocals_off}.wav"
        instance = recording_libvlc(heard)
        player = VlcPlayer(instance)
        player.set_vocals_off(vocals_off)  # before loading, as a song's remembered setting is
        player.load(str(song.media), str(song.instrumental))
        players.append((player, instance))
        recorders.append(Recorder(player))
        files.append(heard)
    try:
        for (player, _), rec in zip(players, recorders, strict=True):
            player.play()  # the tracks exist once it plays: then the instrumental is chosen
            qtbot.waitUntil(lambda rec=rec: any(ms > 0 for ms in rec.times), timeout=5000)
            player.seek(VOICE_FROM_MS)  # to the first sung line
        for rec in recorders:
            qtbot.waitUntil(lambda rec=rec: rec.times[-1] >= HEARD_AT_MS, timeout=8000)
        assert players[0][0].vocals_off_problem() == ""  # the instrumental, not the filter
        rate, left, right = last_second(files[0])
        without_voice = voice_band_share([a + b for a, b in zip(left, right, strict=True)], rate)
        rate, left_on, right_on = last_second(files[1])
        with_voice = voice_band_share([a + b for a, b in zip(left_on, right_on, strict=True)], rate)
    finally:
        for player, instance in players:
            player.close()
            instance.release()
    # The video's sound has the voice (about 0.6 % of its energy in the band, against 0.02-0.04 %
    # with vocals off); vocals off plays music, not silence, and in stereo: VLC's karaoke filter
    # would play the same L - R in both channels.
    assert with_voice > 0.003, with_voice
    assert without_voice < with_voice / 8, (without_voice, with_voice)
    assert mean_level(left) > 0.01, mean_level(left)
    assert mean_level([a - b for a, b in zip(left, right, strict=True)]) > 0.002


def test_vocals_off_is_heard_when_playback_starts_with_a_seek(qtbot, qapp, tmp_path, song):
    """``karaoke --start``, or coming back from presenting: the seek is made before play, when
    the instrumental's track is not chosen yet (libvlc's Ogg reader then refused the seek and
    the instrumental stayed silent)."""
    heard = tmp_path / "started-later.wav"
    instance = recording_libvlc(heard)
    player = VlcPlayer(instance)
    rec = Recorder(player)
    try:
        player.set_vocals_off(True)
        player.load(str(song.media), str(song.instrumental))
        player.seek(VOICE_FROM_MS)
        player.play()
        qtbot.waitUntil(
            lambda: bool(rec.times) and rec.times[-1] >= VOICE_FROM_MS + 2500, timeout=8000
        )
        _rate, left, right = last_second(heard)
    finally:
        player.close()
        instance.release()
    assert mean_level(left) > 0.01, mean_level(left)  # music, not silence
    assert mean_level([a - b for a, b in zip(left, right, strict=True)]) > 0.002  # stereo


def test_the_instrumental_lasts_as_long_as_the_video(qtbot, qapp, instance, song):
    player = VlcPlayer(instance)
    lengths = []
    try:
        for path in (song.media, song.instrumental):
            player.load(str(path))  # parsed in the background: the length comes without playing
            qtbot.waitUntil(lambda: player.length_ms() > 0, timeout=5000)
            lengths.append(player.length_ms())
            assert player.state() is State.STOPPED
    finally:
        player.close()
    video_ms, instrumental_ms = lengths
    assert video_ms > 60_000 and abs(instrumental_ms - video_ms) <= 100, lengths
