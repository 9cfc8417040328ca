"""libvlc players on demand: libvlc is loaded once, when the first player is asked for, so a
program that never plays media never pays for it (and a missing libvlc is only a sentence).

A window that knows it will play media can start libvlc early instead (:class:`EarlyLibvlc`):
in a thread of its own while the main thread imports Qt and builds the window, so the first
player is ready when the window is."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable, Sequence
from typing import Any

from karaoke import timings
from karaoke.player.vlc_player import VlcPlayer, load_libvlc

#: Makes a libvlc player, or returns None and the sentence saying why libvlc cannot play.
VlcPlayerMaker = Callable[[], tuple[VlcPlayer | None, str | None]]
#: What :func:`load_libvlc` returns: the instance, or None and why.
Loaded = tuple[Any | None, str | None]
#: How long the program's exit waits for an early start still under way, in seconds.
EXIT_WAIT_S = 10.0


class EarlyLibvlc:
    """``load_libvlc(extra_args)`` run in a background thread from construction on.

    libvlc's start (``libvlc_new``: its plugin cache, ~25 ms here, plus importing python-vlc)
    is C code that runs while Python imports Qt on the main thread (ctypes releases the GIL).
    :meth:`take` waits for it and hands the instance over once, if it was started with the
    arguments wanted then (the Qt platform decides them, known only once the QApplication
    exists); otherwise the instance is released and None returned. An instance never taken
    is released at exit, after the thread is waited for: a process must not end while libvlc
    is still loading plugins in another thread."""

    def __init__(self, extra_args: Sequence[str]) -> None:
        self.extra_args = tuple(extra_args)
        self._loaded: Loaded | None = None
        self._taken = False
        self._thread = threading.Thread(target=self._load, name="libvlc-start", daemon=True)
        self._thread.start()
        atexit.register(self._discard)

    def _load(self) -> None:
        self._loaded = load_libvlc(self.extra_args)

    def take(self, extra_args: Sequence[str]) -> Loaded | None:
        """The early start's result if it was made with ``extra_args`` (and not taken yet),
        else None (start libvlc again, with those)."""
        self._thread.join()
        if self._taken or self._loaded is None:
            return None
        self._taken = True
        if tuple(extra_args) != self.extra_args:
            self._release()
            return None
        return self._loaded

    def _discard(self) -> None:
        self._thread.join(EXIT_WAIT_S)
        if not self._taken and not self._thread.is_alive():
            self._taken = True
            self._release()

    def _release(self) -> None:
        instance = self._loaded[0] if self._loaded else None
        if instance is not None:
            instance.release()


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
