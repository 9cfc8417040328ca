"""libvlc players on demand: libvlc is loaded once, when the first player is asked for, so a
program that never plays media never pays for it (and a missing libvlc is only a sentence).

A window that knows it will play media can start libvlc early instead
(:class:`~karaoke.player.vlc_instance.EarlyLibvlc`), so the first player is ready when the
window is."""

from __future__ import annotations

from collections.abc import Callable

from karaoke import timings
from karaoke.player.vlc_instance import EarlyLibvlc
from karaoke.player.vlc_player import VlcPlayer, load_libvlc

#: Makes a libvlc player, or returns None and the sentence saying why libvlc cannot play.
VlcPlayerMaker = Callable[[], tuple[VlcPlayer | None, str | None]]


def vlc_player_maker(
    vlc_args: tuple[str, ...] = (), early: EarlyLibvlc | None = None
) -> VlcPlayerMaker:
    """A maker of :class:`VlcPlayer` s sharing one libvlc instance, started with ``vlc_args``
    on the first call (or taken from ``early`` when it was started with those). Every call
    after a failed start gives the same reason, without retrying."""
    libvlc: list = []  # [instance, reason] once loaded

    def make() -> tuple[VlcPlayer | None, str | None]:
        if not libvlc:
            loaded = early.take(vlc_args) if early is not None else None
            libvlc.extend(loaded or load_libvlc(vlc_args))
            timings.mark("libvlc instance")
        instance, reason = libvlc
        if instance is None:
            return None, reason
        return VlcPlayer(instance), None

    return make
