"""The window's players at start: libvlc started early only for a song with media, with the
running platform's arguments, and handed to the first player."""

from __future__ import annotations

import pytest

from karaoke.core.package import open_song
from karaoke.player import vlc_factory, vlc_instance
from karaoke.player.vlc_player import VlcPlayer
from karaoke.ui.start_players import StartPlayers, vlc_args
from tests.conftest import BUNDLED


def test_offscreen_libvlc_gets_no_video_output_of_its_own(qapp):
    assert vlc_args() == ("--vout=dummy",)  # tests run offscreen (tests/conftest.py)


def test_a_song_without_media_starts_no_libvlc(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(vlc_instance, "load_libvlc", lambda _args: pytest.fail("libvlc loaded"))
    lyrics = tmp_path / "song.srt"
    lyrics.write_text("1\n00:00:01,000 --> 00:00:02,000\nLa la\n", encoding="utf-8")
    song = open_song(lyrics).song
    players = StartPlayers()
    players.start_libvlc(song)
    assert players.early is None
    player, warning = players(song)
    assert warning is None and not isinstance(player, VlcPlayer)


@pytest.mark.vlc
def test_the_early_libvlc_is_the_first_players(qapp, monkeypatch):
    loads = []
    real = vlc_instance.load_libvlc

    def load(args):
        loads.append(args)
        return real(("--aout=dummy", *args))

    monkeypatch.setattr(vlc_instance, "load_libvlc", load)
    monkeypatch.setattr(vlc_factory, "load_libvlc", load)
    song = open_song(BUNDLED).song
    players = StartPlayers()
    players.start_libvlc(song)
    players.start_libvlc(song)  # once only
    player, warning = players(song)
    try:
        assert warning is None and isinstance(player, VlcPlayer)
        assert loads == [("--vout=dummy",)]  # started once, early, and taken by the player
    finally:
        player.close()
