"""Which player plays a song: libvlc when the song has media and libvlc loads, else the
internal clock (lyrics only), with a sentence saying why."""

from __future__ import annotations

from collections.abc import Callable

from karaoke import timings
from karaoke.app.session import lyrics_only_player
from karaoke.core.model import Song
from karaoke.player.base import Player

#: Makes the player for a song; returns it with a warning for the banner (e.g. "VLC missing").
PlayerFactory = Callable[[Song], tuple[Player, str | None]]


def player_factory(vlc_args: tuple[str, ...] = ()):
    """A PlayerFactory: libvlc for songs with media (created once, on first use), else the
    internal clock. Missing libvlc gives the lyrics-only player and a sentence saying why."""
    from karaoke.player.vlc_player import VlcPlayer, load_libvlc

    libvlc: list = []  # [instance, reason] once loaded

    def make(song: Song):
        if song.media is None:
            return lyrics_only_player(song), None
        if not libvlc:
            libvlc.extend(load_libvlc(vlc_args))
            timings.mark("libvlc instance")
        instance, reason = libvlc
        if instance is None:
            return lyrics_only_player(
                song
            ), f"The video cannot play: {reason} The lyrics play on their own."
        return VlcPlayer(instance), None

    return make
