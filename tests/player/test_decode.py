"""Reading a media's audio with the real libvlc (dummy outputs): faster than real time, the
envelope follows the sound, and every failure is a sentence. Media are made here."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from karaoke.player import decode
from karaoke.player.decode import Cancelled, DecodeError, decode_envelope, sout_quoted
from tests.core.test_envelope import write_silence_then_tone
from tests.player.test_vlc_player import DEMO_VIDEO, write_tone

pytestmark = pytest.mark.vlc


def never() -> bool:
    return False


def test_libvlc_decodes_the_audio_faster_than_real_time(tmp_path):
    media = write_silence_then_tone(tmp_path / "song.wav", rate=22050)
    started = time.monotonic()
    envelope = decode_envelope(media, never)
    assert time.monotonic() - started < 2.0  # 2 s of audio: real time would be at least that
    assert abs(envelope.duration_ms - 2000) <= 50
    assert max(envelope.peaks[:90]) < 10  # silence (resampling rings a little at the edge)
    assert min(envelope.peaks[110:190]) > 150


def test_a_video_gives_the_envelope_of_its_sound_track():
    envelope = decode_envelope(DEMO_VIDEO, never)
    assert envelope.duration_ms > 60_000
    assert max(envelope.peaks) > 100


def test_a_file_without_audio_is_a_sentence_not_a_crash(tmp_path):
    (tmp_path / "notes.mp3").write_text("not audio at all")
    with pytest.raises(DecodeError, match="no audio track"):
        decode_envelope(tmp_path / "notes.mp3", never)


def test_cancelling_stops_the_decoding(tmp_path):
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return True

    with pytest.raises(Cancelled):
        decode_envelope(write_silence_then_tone(tmp_path / "a.wav"), cancelled)
    assert asked


def test_a_decoding_that_takes_too_long_gives_up(tmp_path):
    with pytest.raises(DecodeError, match="reading the audio took over 0 s"):
        decode_envelope(write_tone(tmp_path / "long.wav", 20), never, timeout_s=0.0)


def test_without_libvlc_the_reason_is_the_sentence(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "load_libvlc", lambda _args: (None, "VLC is not installed."))
    with pytest.raises(DecodeError, match=r"^VLC is not installed\.$"):
        decode_envelope(write_silence_then_tone(tmp_path / "a.wav"), never)


def test_paths_are_quoted_for_the_stream_output_chain():
    assert sout_quoted(Path('/tmp/a "b"\\c')) == '"/tmp/a \\"b\\"\\\\c"'
