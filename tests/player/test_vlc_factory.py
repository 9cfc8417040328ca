"""libvlc is started once, on the first player asked for; a libvlc that cannot start is one
sentence, given again without retrying."""

from __future__ import annotations

import pytest

from karaoke.player import vlc_factory, vlc_instance
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


def patch_load(monkeypatch, load) -> None:
    """``load`` in place of load_libvlc, for the early start and for the factory."""
    monkeypatch.setattr(vlc_instance, "load_libvlc", load)
    monkeypatch.setattr(vlc_factory, "load_libvlc", load)


class _Instance:
    """Stands for a libvlc instance in the logic tests: counts its releases."""

    def __init__(self) -> None:
        self.releases = 0

    def release(self) -> None:
        self.releases += 1


def test_an_early_start_is_taken_once_by_the_first_player(monkeypatch):
    loads, made = [], []
    instance = _Instance()
    patch_load(monkeypatch, lambda args: loads.append(args) or (instance, None))
    monkeypatch.setattr(vlc_factory, "VlcPlayer", lambda inst: made.append(inst) or "player")
    early = vlc_instance.EarlyLibvlc(("--vout=dummy",))
    make = vlc_factory.vlc_player_maker(("--vout=dummy",), early)
    assert make() == ("player", None)
    assert make() == ("player", None)
    assert loads == [("--vout=dummy",)]  # the early start, and no other
    assert made == [instance, instance]
    assert early.take(("--vout=dummy",)) is None  # handed over once only
    early._discard()  # what happens at exit: a taken instance is the player's, not released
    assert instance.releases == 0


def test_an_early_start_with_other_arguments_is_released_and_libvlc_started_again(monkeypatch):
    instances: list[_Instance] = []

    def load(args):
        instances.append(_Instance())
        return instances[-1], None

    patch_load(monkeypatch, load)
    monkeypatch.setattr(vlc_factory, "VlcPlayer", lambda inst: inst)
    early = vlc_instance.EarlyLibvlc(())  # started for a desktop platform
    make = vlc_factory.vlc_player_maker(("--vout=dummy",), early)  # it was offscreen after all
    player, reason = make()
    assert reason is None and player is instances[1]
    assert [i.releases for i in instances] == [1, 0]


def test_an_early_start_never_taken_is_released_at_exit(monkeypatch):
    instance = _Instance()
    patch_load(monkeypatch, lambda _args: (instance, None))
    early = vlc_instance.EarlyLibvlc(())
    early._discard()
    early._discard()
    assert instance.releases == 1


def test_an_early_start_that_fails_gives_its_reason(monkeypatch):
    patch_load(monkeypatch, lambda _args: (None, "VLC is not installed."))
    make = vlc_factory.vlc_player_maker((), vlc_instance.EarlyLibvlc(()))
    assert make() == (None, "VLC is not installed.")


@pytest.mark.vlc
def test_an_early_real_libvlc_plays(qapp, qtbot, tone_3s):
    """The instance started in the background thread is a working libvlc for the main thread."""
    early = vlc_instance.EarlyLibvlc(("--aout=dummy", "--vout=dummy"))
    player, reason = vlc_factory.vlc_player_maker(("--aout=dummy", "--vout=dummy"), early)()
    assert player is not None, reason
    try:
        player.load(str(tone_3s))
        player.play()
        qtbot.waitUntil(lambda: player.position_ms() > 0, timeout=5000)
    finally:
        player.close()
