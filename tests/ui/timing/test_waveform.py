"""The waveform: libvlc decodes a real WAV (made here) faster than real time, off the GUI
thread; the envelope follows the sound."""

import math
import struct
import threading
import time
import wave

import pytest

from karaoke.core.envelope import Envelope, envelope_from_wav
from karaoke.ui.timing.waveform import Cancelled, DecodeError, WaveformLoader, decode_envelope


def write_silence_then_tone(path, rate=8000):
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
    assert (
        envelope.peak_at(1500) > 200 and envelope.peak_at(500) == 0 and envelope.peak_at(9999) == 0
    )


def test_envelope_refuses_what_is_not_16_bit_pcm(tmp_path):
    (tmp_path / "x.wav").write_bytes(b"RIFF....nope")
    with pytest.raises(ValueError, match="not a WAV file"):
        envelope_from_wav(tmp_path / "x.wav")


@pytest.mark.vlc
def test_libvlc_decodes_the_audio_faster_than_real_time(tmp_path):
    media = write_silence_then_tone(tmp_path / "song.wav", rate=22050)
    started = time.monotonic()
    envelope = decode_envelope(media, threading.Event())
    assert time.monotonic() - started < 2.0  # 2 s of audio: real time would be at least that
    assert abs(envelope.duration_ms - 2000) <= 50
    assert max(envelope.peaks[:90]) < 10  # silence (resampling rings a little at the edge)
    assert min(envelope.peaks[110:190]) > 150


@pytest.mark.vlc
def test_a_file_without_audio_is_a_sentence_not_a_crash(tmp_path):
    (tmp_path / "notes.mp3").write_text("not audio at all")
    with pytest.raises(DecodeError, match="no audio track"):
        decode_envelope(tmp_path / "notes.mp3", threading.Event())


@pytest.mark.vlc
def test_cancelling_stops_the_decoding(tmp_path):
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(Cancelled):
        decode_envelope(write_silence_then_tone(tmp_path / "a.wav"), cancelled)


def test_the_loader_reports_on_the_gui_thread(qtbot, tmp_path):
    threads = []

    def decode(_media, _cancelled):
        return Envelope(10, b"\x01\x02")

    loader = WaveformLoader(decode)
    loader.ready.connect(lambda _envelope: threads.append(threading.current_thread()))
    with qtbot.waitSignal(loader.ready, timeout=5000):
        loader.start(tmp_path / "x.wav")
    assert threads == [threading.main_thread()]
    assert loader.thread is not None and loader.thread is not threading.main_thread()


def test_the_loader_turns_any_failure_into_a_sentence(qtbot, tmp_path):
    def decode(_media, _cancelled):
        raise RuntimeError("boom")

    loader = WaveformLoader(decode)
    with qtbot.waitSignal(loader.failed, timeout=5000) as failed:
        loader.start(tmp_path / "x.wav")
    assert failed.args == ["the audio could not be read (boom)"]
