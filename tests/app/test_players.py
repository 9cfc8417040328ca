"""Without libvlc a song plays lyrics-only, with a sentence in the interface's language."""

from __future__ import annotations

from karaoke.app import players
from karaoke.core.package import open_song
from karaoke.player import vlc_factory
from karaoke.player.fake_player import FakePlayer
from tests.conftest import BUNDLED
from tests.ui.interface_texts import in_language


def test_missing_libvlc_gives_the_lyrics_only_player_and_says_why(qapp, monkeypatch):
    monkeypatch.setattr(
        vlc_factory, "vlc_player_maker", lambda *_args: lambda: (None, "no libvlc.")
    )
    song = open_song(BUNDLED).song
    player, warning = players.player_factory()(song)
    assert isinstance(player, FakePlayer)
    assert warning == "The video cannot play: no libvlc. The lyrics play on their own."
    with in_language("es"):
        _player, spanish = players.player_factory()(song)
    assert spanish == "El vídeo no se puede reproducir: no libvlc. La letra sigue sola."
