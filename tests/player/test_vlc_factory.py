"""libvlc is started once, on the first player asked for; a libvlc that cannot start is one
sentence, given again without retrying."""

from __future__ import annotations

import pytest

from karaoke.player import vlc_factory
from karaoke.player.vlc_player import VlcPlayer


def test_nothing_is_loaded_until_a_player_is_asked_for(monkeypatch):
    loads = []

    def load(args):
        loads.append(args)
        return None, "VLC is not installed."

    monkeypatch.setattr(vlc_factory, "load_libvlc", load)
    make = vlc_factory.vlc_player_maker(("--aout=dummy",))
    assert loads == []
    assert make() == (None, "VLC is not installed.")
    assert make() == (None, "VLC is not installed.")
    assert loads == [("--aout=dummy",)]


@pytest.mark.vlc
def test_players_share_one_libvlc_instance(qapp, monkeypatch):
    loads = []
    real = vlc_factory.load_libvlc
    monkeypatch.setattr(vlc_factory, "load_libvlc", lambda args: loads.append(args) or real(args))
    make = vlc_factory.vlc_player_maker(("--aout=dummy", "--vout=dummy"))
    first, second = make(), make()
    try:
        assert isinstance(first[0], VlcPlayer) and first[1] is None
        assert isinstance(second[0], VlcPlayer) and second[0] is not first[0]
        assert len(loads) == 1
    finally:
        for player, _ in (first, second):
            if player is not None:
                player.close()
