"""The main window's players at start: libvlc started in the background as soon as the
window's frame is on screen, the player factory's modules loaded with the first song.

Both keep work off the path to the window's frame (docs/performance.md §12): importing
python-vlc holds Python's lock for ~15 ms, and the playback session's modules touch Qt's enums
(~25 ms), so neither should run before the desktop has the window to show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from karaoke.ui.shared.qt_platforms import HEADLESS_PLATFORMS

if TYPE_CHECKING:
    from karaoke.app.players import PlayerFactory
    from karaoke.core.model import Song
    from karaoke.player.base import Player
    from karaoke.player.vlc_instance import EarlyLibvlc


class StartPlayers:
    """A PlayerFactory for the window (call it with a song) that makes the app's factory
    (:func:`karaoke.app.players.player_factory`) on the first song, with libvlc from
    :meth:`start_libvlc` when that was called."""

    def __init__(self) -> None:
        self.early: EarlyLibvlc | None = None
        self._make: PlayerFactory | None = None

    def start_libvlc(self, song: Song) -> None:
        """Start libvlc in a background thread now, when ``song`` has media to play (call once
        the QApplication exists: its platform decides libvlc's arguments). The first player
        then takes it ready instead of starting it."""
        if song.media is None or self.early is not None:
            return
        from karaoke.player.vlc_instance import EarlyLibvlc

        self.early = EarlyLibvlc(vlc_args())

    def __call__(self, song: Song) -> tuple[Player, str | None]:
        if self._make is None:
            from karaoke.app.players import player_factory

            self._make = player_factory(vlc_args(), self.early)
        return self._make(song)


def vlc_args() -> tuple[str, ...]:
    """libvlc's arguments for the Qt platform the QApplication runs on (call after creating it).

    On a platform without native windows (``QT_QPA_PLATFORM=offscreen``, ``minimal``) no window
    is given to libvlc (see :func:`karaoke.ui.shared.video.attach_video`), and libvlc then opens
    a video output of its own: from a terminal, colour ASCII art (caca) that took the terminal
    over with escape codes and crashed the app (SIGSEGV) within seconds. There the video goes
    nowhere instead (libvlc still decodes it, so the still and the times are as on a screen).
    ``KARAOKE_VLC_ARGS`` comes after these, so ``--vout=…`` there still wins."""
    from PySide6.QtGui import QGuiApplication

    return ("--vout=dummy",) if QGuiApplication.platformName() in HEADLESS_PLATFORMS else ()
