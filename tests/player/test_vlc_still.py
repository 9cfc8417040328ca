"""VlcPlayer.show_still (``karaoke --paused``): the picture and the length before the first
play, the player paused at the start position throughout, and the volume given back. Real
libvlc with dummy outputs; what the picture looks like on a screen is checked under Xvfb
(tests/ui/test_embedded_video.py)."""

from __future__ import annotations

import pytest

from karaoke.player.base import State
from karaoke.player.vlc_player import VlcPlayer
from tests.player.helpers import Recorder
from tests.player.test_vlc_player import DEMO_VIDEO

pytestmark = pytest.mark.vlc

#: How far from a requested time libvlc may land when it seeks in the demo video (it reported
#: 19 990 for 20 000).
KEYFRAME_SLACK_MS = 250


@pytest.fixture
def player(qapp, instance):
    vlc_player = VlcPlayer(instance)
    yield vlc_player
    vlc_player.close()


def libvlc_state(player: VlcPlayer) -> str:
    return str(player._mp.get_state()).rsplit(".", 1)[-1]


class VolumeSpy:
    """Every volume the player gives libvlc, with libvlc's state then. (libvlc's dummy and file
    audio outputs keep no volume, so what it is told is what can be checked.)"""

    def __init__(self, player: VlcPlayer) -> None:
        self.calls: list[tuple[int, str]] = []
        real = player._mp.audio_set_volume

        def record(volume: int) -> int:
            self.calls.append((volume, libvlc_state(player)))
            return real(volume)

        player._mp.audio_set_volume = record

    @property
    def volumes(self) -> list[int]:
        return [volume for volume, _state in self.calls]


def show_still(qtbot, player: VlcPlayer, media, start_ms: int = 0) -> tuple[Recorder, VolumeSpy]:
    """Load ``media`` at volume 70, paused at ``start_ms`` with its still shown; return once
    libvlc is paused and the volume is back."""
    player.set_volume(70)
    player.load(str(media))
    rec, volume = Recorder(player), VolumeSpy(player)
    if start_ms:
        player.seek(start_ms)
    player.show_still()
    assert player.state() == State.PAUSED  # at once: no "opening", no "playing" to show
    qtbot.waitUntil(lambda: player._still is None, timeout=5000)
    return rec, volume


@pytest.mark.parametrize("start_ms", [0, 30_000])
def test_a_still_is_paused_at_the_start_with_the_length_and_the_volume_back(
    qtbot, player, start_ms
):
    rec, volume = show_still(qtbot, player, DEMO_VIDEO, start_ms)
    assert libvlc_state(player) == "Paused"
    assert player.length_ms() == 160_800 and rec.lengths == [160_800]
    assert player.state() == State.PAUSED and rec.states == ["paused"]  # throughout
    assert rec.times in ([], [start_ms])  # only the seek's own report: the time held
    assert player.position_ms() == start_ms
    assert abs(player._mp.get_time() - start_ms) < 100  # libvlc went back to it
    # Muted before libvlc plays, the volume back only once it is paused: no sound is heard.
    assert volume.volumes[0] == 0 and volume.calls[0][1] != "Playing"
    assert volume.calls[-1] == (70, "Paused") and set(volume.volumes[:-1]) == {0}
    assert player._mp.video_get_size() != (0, 0)  # a picture was decoded
    assert rec.errors == [] and rec.off_gui_thread == 0


def test_a_volume_set_during_a_still_is_given_only_once_it_is_paused(qtbot, player):
    """libvlc plays muted for the still: a new volume then would make the song heard."""
    player.set_volume(70)
    player.load(str(DEMO_VIDEO))
    volume = VolumeSpy(player)
    player.show_still()
    player.set_volume(40)  # libvlc is starting to play, muted
    assert player._still is not None
    qtbot.waitUntil(lambda: player._still is None, timeout=5000)
    assert set(volume.volumes[:-1]) == {0}  # muted until paused
    assert volume.calls[-1] == (40, "Paused")  # then the volume set meanwhile, not the old one


def test_play_after_a_still_plays_on_from_the_start_position(qtbot, player):
    rec, _ = show_still(qtbot, player, DEMO_VIDEO, 20_000)
    assert player.state() == State.PAUSED and player.position_ms() == 20_000
    volume = VolumeSpy(player)
    shown = len(rec.times)
    player.play()
    qtbot.waitUntil(lambda: player.state() == State.PLAYING, timeout=3000)
    qtbot.waitUntil(lambda: any(t > 20_000 for t in rec.times[shown:]), timeout=3000)
    played = rec.times[shown:]
    # From the still's position (not from 0, nor from where playing muted got to), onwards.
    assert abs(played[0] - 20_000) < KEYFRAME_SLACK_MS, played
    assert played == sorted(played), played
    assert set(volume.volumes) <= {70}


def test_play_during_a_still_plays_at_once_with_its_volume(qtbot, player):
    player.set_volume(60)
    player.load(str(DEMO_VIDEO))
    rec = Recorder(player)
    volume = VolumeSpy(player)
    player.show_still()
    player.play()  # before libvlc has said "playing"
    qtbot.waitUntil(lambda: player.state() == State.PLAYING, timeout=3000)
    qtbot.waitUntil(lambda: any(t > 0 for t in rec.times), timeout=3000)
    assert player._still is None
    assert volume.volumes[0] == 0 and volume.volumes[-1] == 60
    assert rec.states[0] == "paused" and rec.states[-1] == "playing"  # "opening" may come


def test_a_still_of_a_file_vlc_cannot_play_is_its_error(qtbot, player, tmp_path):
    broken = tmp_path / "notes.mp4"
    broken.write_text("These are lyrics, not a video.\n" * 20)
    player.load(str(broken))
    rec = Recorder(player)
    player.show_still()
    qtbot.waitUntil(lambda: player.state() == State.ERROR, timeout=5000)
    assert rec.errors and player._still is None
