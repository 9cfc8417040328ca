"""Helpers of :mod:`karaoke.player.vlc_player` that need no libvlc: which native-window setter
this platform embeds video with, and why a file cannot be handed to libvlc."""

from __future__ import annotations

import os
import sys
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
