"""Starting libvlc, and what can be asked of a media file without playing it; no Qt here, so
the command line can ask without QtCore (a media file's length, to check ``--start``).

``vlc`` is imported lazily inside :func:`load_libvlc`, so the rest of the app (and its tests) runs
on machines without libvlc, and a missing libvlc becomes a sentence for the user, not a traceback.
"""

from __future__ import annotations

import atexit
import logging
import os
import shlex
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Extra libvlc arguments from the environment, split like a shell would (``shlex``).
ARGS_ENV_VAR = "KARAOKE_VLC_ARGS"

#: Arguments every instance gets. We draw the lyrics ourselves, so VLC must not show the .srt
#: that sits beside the video (``--no-sub-autodetect-file``), nor its own title or OSD.
#: ``--audio-time-stretch`` (scaletempo, on by default in VLC 3) keeps the pitch when the
#: rate changes; it is spelled out because the app's slow-practice mode relies on it.
DEFAULT_VLC_ARGS: tuple[str, ...] = (
    "--no-video-title-show",
    "--no-snapshot-preview",
    "--no-stats",
    "--no-sub-autodetect-file",
    "--no-osd",
    "--audio-time-stretch",
    "--quiet",
)

INSTALL_HINT = (
    "Install VLC 3: on Debian or Ubuntu, `sudo apt install vlc-plugin-base libvlc5` "
    "(and `vlc-plugin-video-output` for video); on Windows or macOS, install VLC from "
    "https://www.videolan.org/ (same 32/64-bit as Python). The Python binding is "
    "`pip install python-vlc`."
)


def load_libvlc(extra_args: Sequence[str] = ()) -> tuple[Any | None, str | None]:
    """Create the one ``vlc.Instance`` of the app.

    Arguments are :data:`DEFAULT_VLC_ARGS`, then ``extra_args`` (tests pass
    ``--aout=dummy --vout=dummy``), then those in the ``KARAOKE_VLC_ARGS`` environment variable.

    Returns ``(instance, None)``, or ``(None, message)`` when libvlc cannot be used: the message
    says why and how to install VLC. It never raises for a missing or broken libvlc.
    """
    try:
        # python-vlc looks for libvlc when it is imported: it raises NotImplementedError
        # ("Cannot find libvlc lib"), OSError from ctypes, or a NameError/AttributeError for a
        # libvlc older than the binding.
        import vlc
    except (ImportError, OSError, NameError, AttributeError, NotImplementedError) as exc:
        return None, (
            f"The video player (libvlc) could not be loaded: {exc or type(exc).__name__}. "
            f"{INSTALL_HINT}"
        )

    args = [*DEFAULT_VLC_ARGS, *extra_args, *shlex.split(os.environ.get(ARGS_ENV_VAR, ""))]
    try:
        instance = vlc.Instance(args)
    except Exception as exc:  # python-vlc raises VLCException, ctypes errors, ...
        instance = None
        reason = str(exc) or type(exc).__name__
    else:
        reason = "libvlc_new() failed"
    if instance is None:
        # libvlc_new returns NULL for an unknown argument or when no plugin can be found.
        return None, (
            f"VLC could not start ({reason}; arguments: {' '.join(args)}). "
            f"Check the arguments in {ARGS_ENV_VAR} if you set any. {INSTALL_HINT}"
        )
    log.debug("libvlc %s started with %s", vlc.libvlc_get_version().decode(), args)
    return instance, None


#: What :func:`load_libvlc` returns: the instance, or None and why.
Loaded = tuple[Any | None, str | None]
#: How long the program's exit waits for an early start still under way, in seconds.
EXIT_WAIT_S = 10.0


class EarlyLibvlc:
    """``load_libvlc(extra_args)`` run in a background thread from construction on: the
    window starts it once its frame is on screen (:mod:`karaoke.ui.start_players`), so the
    first player is ready when the window's contents are (this module imports no Qt).

    libvlc's start (``libvlc_new``: its plugin cache, ~25 ms here) is C code that runs while
    the main thread builds the window (ctypes releases the GIL; importing python-vlc does not).
    :meth:`take` waits for it and hands the instance over once, if it was started with the
    arguments asked for then; otherwise the instance is released and None returned (the caller
    starts libvlc itself). An instance never taken is released at exit, once the thread has
    ended: the exit waits up to :data:`EXIT_WAIT_S` for a start still loading plugins."""

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


#: libvlc arguments of the instance that reads a media's length: no window, no sound.
PROBE_ARGS = ("--no-video", "--aout=dummy", "--vout=dummy")
#: How long to wait for libvlc to read a media's length, in ms (the demo video: ~10 ms).
PROBE_TIMEOUT_MS = 3_000
#: How often to look whether libvlc has read it, in seconds.
PROBE_POLL_S = 0.005


def media_length_ms(path: Path, timeout_ms: int = PROBE_TIMEOUT_MS) -> int | None:
    """The length of the media at ``path`` in ms, read by libvlc from the file's headers (no
    decoding, nothing played); None when libvlc is missing, cannot read the file, or does not
    tell within ``timeout_ms``. Blocks (polls): for the command line, before the event loop."""
    instance, _reason = load_libvlc(PROBE_ARGS)
    if instance is None:
        return None
    import vlc

    media = instance.media_new_path(os.fspath(path))
    try:
        if media.parse_with_options(vlc.MediaParseFlag.local, timeout_ms) != 0:
            return None
        deadline = time.monotonic() + timeout_ms / 1000
        # 0: not parsed yet; then skipped, failed, timeout or done (MediaParsedStatus).
        while media.get_parsed_status() == 0 and time.monotonic() < deadline:
            time.sleep(PROBE_POLL_S)
        length_ms = media.get_duration()
        return length_ms if length_ms > 0 else None
    finally:
        media.parse_stop()
        media.release()
        instance.release()
