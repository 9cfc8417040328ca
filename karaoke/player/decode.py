"""Reading a media's audio with libvlc, for the timing editor's waveform.

libvlc transcodes the audio to an 8 kHz mono 16-bit WAV in a temporary folder (stream output
``#transcode{acodec=s16l}:std{mux=wav}``), which it does as fast as it can decode, not in real
time: the 2:40 demo video takes about 0.5 s here. No ffmpeg is needed; libvlc is already the
app's player. :func:`decode_envelope` blocks, so it runs on a worker thread
(:class:`karaoke.app.waveform_loader.WaveformLoader`) with its own libvlc instance, polling the
player's state — never a libvlc call inside a libvlc callback, and no Qt at all.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from karaoke.core.envelope import Envelope, envelope_from_wav
from karaoke.player.vlc_player import load_libvlc

SAMPLE_RATE = 8000
#: libvlc arguments of the decoding instance: no windows, no sound, no subtitles.
DECODE_ARGS = ("--no-video", "--aout=dummy", "--vout=dummy", "--no-sout-video", "--no-sout-spu")
#: How often the worker looks at the player's state and at ``cancelled``, in seconds.
POLL_S = 0.02
#: Give up on a media whose decoding takes longer than this (a stream, a stuck demuxer).
TIMEOUT_S = 300.0
#: A WAV header alone: a file this size or smaller holds no sound.
WAV_HEADER_BYTES = 44

#: Reads a media's envelope; the second argument says whether to give up (the editor closed).
Decoder = Callable[[Path, Callable[[], bool]], Envelope]


class DecodeError(Exception):
    """The audio could not be read; the message is a sentence for the waveform strip."""


class Cancelled(Exception):
    """``cancelled()`` turned true before the audio was read."""


def sout_quoted(path: Path) -> str:
    """A path as a value of VLC's option chain: quoted, with ``\\`` and ``"`` escaped."""
    return '"' + str(path).replace("\\", "\\\\").replace('"', '\\"') + '"'


def decode_envelope(
    media: Path, cancelled: Callable[[], bool], *, timeout_s: float = TIMEOUT_S
) -> Envelope:
    """Read ``media``'s audio into an :class:`Envelope` with libvlc; blocks for as long as
    decoding takes (at most ``timeout_s`` seconds). Raises :class:`DecodeError` with a sentence
    saying why, or :class:`Cancelled` once ``cancelled()`` is true."""
    instance, reason = load_libvlc(DECODE_ARGS)
    if instance is None:
        raise DecodeError(reason or "libvlc could not start")
    try:
        with tempfile.TemporaryDirectory(prefix="karaoke-waveform-") as folder:
            wav = Path(folder) / "audio.wav"
            _transcode(instance, media, wav, cancelled, timeout_s)
            if not wav.is_file() or wav.stat().st_size <= WAV_HEADER_BYTES:
                raise DecodeError("the media has no audio track")
            try:
                return envelope_from_wav(wav)
            except (ValueError, OSError) as error:
                raise DecodeError(f"the decoded audio cannot be read ({error})") from None
    finally:
        instance.release()


def _transcode(
    instance: Any, media: Path, wav: Path, cancelled: Callable[[], bool], timeout_s: float
) -> None:
    """Play ``media`` through a transcoding stream output into ``wav`` until it ends."""
    import vlc  # already loaded by load_libvlc, which made `instance`

    medium = instance.media_new_path(str(media))
    medium.add_option(
        ":sout=#transcode{vcodec=none,scodec=none,acodec=s16l,channels=1,"
        f"samplerate={SAMPLE_RATE}}}:std{{access=file,mux=wav,dst={sout_quoted(wav)}}}"
    )
    medium.add_option(":no-sout-video")
    medium.add_option(":no-sout-spu")
    player = instance.media_player_new()
    try:
        player.set_media(medium)
        player.play()
        deadline = time.monotonic() + timeout_s
        while (state := player.get_state()) not in (vlc.State.Ended, vlc.State.Error):
            if cancelled():
                raise Cancelled
            if time.monotonic() > deadline:
                raise DecodeError(f"reading the audio took over {timeout_s:.0f} s")
            time.sleep(POLL_S)
        if state == vlc.State.Error:
            raise DecodeError("VLC cannot decode this media's audio")
    finally:
        # stop() closes the WAV (its header gets the length); we are not in a libvlc callback.
        player.stop()
        player.release()
        medium.release()
