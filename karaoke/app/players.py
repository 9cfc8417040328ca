"""Which player plays a song: libvlc when the song has media and libvlc loads, else the
internal clock (lyrics only), with a sentence saying why."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from karaoke.app.session import lyrics_only_player
from karaoke.core.model import Song
from karaoke.player.base import Player

if TYPE_CHECKING:
    from karaoke.player.vlc_instance import EarlyLibvlc

#: Makes the player for a song; returns it with a warning for the banner (e.g. "VLC missing").
PlayerFactory = Callable[[Song], tuple[Player, str | None]]


def player_factory(
    vlc_args: tuple[str, ...] = (), early: EarlyLibvlc | None = None
) -> PlayerFactory:
    """A PlayerFactory: libvlc for songs with media (libvlc started once, on first use, by
    :func:`karaoke.player.vlc_factory.vlc_player_maker`, or taken from ``early``), else the
    internal clock. Missing libvlc gives the lyrics-only player and a sentence saying why."""
    from karaoke.player.vlc_factory import vlc_player_maker

    make_vlc = vlc_player_maker(vlc_args, early)

    def make(song: Song) -> tuple[Player, str | None]:
        if song.media is None:
            return lyrics_only_player(song), None
        player, reason = make_vlc()
        if player is None:
            # ``reason`` is libvlc's own sentence (technical, English): quoted as it is.
            warning = QCoreApplication.translate(
                "PlayerFactory", "The video cannot play: %1 The lyrics play on their own."
            ).replace("%1", reason or "")
            return lyrics_only_player(song), warning
        return player, None

    return make
