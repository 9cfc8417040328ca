"""A waveform's peak envelope, for drawing: the loudest sample in each slice of ``bucket_ms``.

Read from a 16-bit PCM WAV file (what :mod:`karaoke.player.decode` asks libvlc to make), in
blocks, so a long song never needs its whole audio in memory. Pure Python: 8 kHz mono audio is
~8,000 samples a second and ``max``/``min`` over array slices run in C, about 50 ms for a
5-minute song (run it off the GUI thread all the same).
"""

from __future__ import annotations

import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

#: Width of one peak, in ms: 10 ms is finer than a screen pixel at the editor's zoom levels.
BUCKET_MS = 10
_BLOCK_BUCKETS = 500  # buckets read per block (5 s at 10 ms)


@dataclass(frozen=True, slots=True)
class Envelope:
    """Peaks 0–255 (scaled to the loudest) every ``bucket_ms`` from media time 0."""

    bucket_ms: int
    peaks: bytes

    @property
    def duration_ms(self) -> int:
        return len(self.peaks) * self.bucket_ms


def envelope_from_wav(path: Path, bucket_ms: int = BUCKET_MS) -> Envelope:
    """Read a 16-bit PCM WAV (any channels, any rate). Raises ValueError for another kind of
    file or an empty one, OSError when it cannot be read."""
    try:
        with wave.open(str(path), "rb") as reader:
            raw_peaks = _raw_peaks(reader, bucket_ms)
    except (wave.Error, EOFError) as error:
        raise ValueError(f"not a WAV file: {error}") from None
    if not raw_peaks:
        raise ValueError("the audio is empty")
    loudest = max(raw_peaks) or 1
    return Envelope(bucket_ms, bytes(peak * 255 // loudest for peak in raw_peaks))


def _raw_peaks(reader: wave.Wave_read, bucket_ms: int) -> array:
    if reader.getsampwidth() != 2:
        raise ValueError(f"expected 16-bit samples, not {8 * reader.getsampwidth()}-bit")
    channels, rate = reader.getnchannels(), reader.getframerate()
    # Samples per bucket across all channels (interleaved: the peak of any channel counts).
    per_bucket = max(1, rate * bucket_ms // 1000) * channels
    raw_peaks = array("H")
    while frames := reader.readframes(_BLOCK_BUCKETS * per_bucket // channels):
        samples = array("h")
        samples.frombytes(frames[: len(frames) - len(frames) % 2])
        if sys.byteorder == "big":
            samples.byteswap()  # WAV is little-endian
        for start in range(0, len(samples), per_bucket):
            chunk = samples[start : start + per_bucket]
            raw_peaks.append(min(32767, max(max(chunk), -min(chunk))))
    return raw_peaks
