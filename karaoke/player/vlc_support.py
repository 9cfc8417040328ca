"""Helpers of :mod:`karaoke.player.vlc_player` that need no libvlc: which native-window setter
this platform embeds video with, why a file cannot be handed to libvlc, and the player's own
names for libvlc's events and for the steps of showing a still."""

from __future__ import annotations

import os
import sys
from enum import IntEnum
from pathlib import Path


def video_setter_name() -> str:
    """The ``MediaPlayer`` method that embeds video in a native window on this platform."""
    if sys.platform == "win32":
        return "set_hwnd"
    if sys.platform == "darwin":
        return "set_nsobject"
    return "set_xwindow"  # Linux and the BSDs: X11 (Qt on xcb; libvlc 3 cannot use Wayland)


def unreadable_reason(path: str) -> str | None:
    """Why libvlc could not read the file at ``path``, or None if it can try."""
    file = Path(path)
    if not file.exists():
        return "the file does not exist"
    if not file.is_file():
        return "it is not a file"
    if not os.access(file, os.R_OK):
        return "the file cannot be read (check its permissions)"
    return None


#: Showing a still: libvlc has said "playing"; pause once it reports a new time, or after this
#: long (ms) if it does not. Pausing at "playing" itself sometimes leaves no picture to show.
STILL_WAIT_MS = 1_000


class _Still(IntEnum):
    """Where :meth:`VlcPlayer.show_still` is: it plays muted until a frame is up, then pauses."""

    STARTING = 1  # play() called, muted; waiting for libvlc's "playing"
    PLAYING = 2  # waiting for a new time (a frame is up) or STILL_WAIT_MS
    PAUSING = 3  # set_pause(1) called; the volume comes back once libvlc says "paused"


class _Event(IntEnum):
    """What a libvlc event means to us; travels through ``_vlc_event`` as an int."""

    OPENING = 1
    PLAYING = 2
    PAUSED = 3
    STOPPED = 4
    END_REACHED = 5
    ERROR = 6
    TIME = 7  # value: new time, ms
    LENGTH = 8  # value: new length, ms
    STREAM_ADDED = 9  # an elementary stream (audio, video, subtitle) was found
    DURATION = 10  # value: duration from parsing the media before playing, ms
