"""The peak envelope of a WAV follows the sound; what is not 16-bit PCM is refused."""

import math
import struct
import wave
from pathlib import Path

import pytest

from karaoke.core.envelope import envelope_from_wav


def write_silence_then_tone(path: Path, rate: int = 8000) -> Path:
    """1 s of silence, then 1 s of a 440 Hz tone, mono 16-bit."""
    silence = b"\0\0" * rate
    tone = b"".join(
        struct.pack("<h", int(12_000 * math.sin(2 * math.pi * 440 * i / rate))) for i in range(rate)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(silence + tone)
    return path


def test_envelope_of_a_wav_follows_the_sound(tmp_path):
    envelope = envelope_from_wav(write_silence_then_tone(tmp_path / "a.wav"))
    assert envelope.duration_ms == 2000
    assert max(envelope.peaks[:100]) == 0
    assert min(envelope.peaks[101:]) > 200


def test_envelope_refuses_what_is_not_16_bit_pcm(tmp_path):
    (tmp_path / "x.wav").write_bytes(b"RIFF....nope")
    with pytest.raises(ValueError, match="not a WAV file"):
        envelope_from_wav(tmp_path / "x.wav")
