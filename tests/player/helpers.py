"""What the player tests share: media they make, and a recorder of what a player emits."""

from __future__ import annotations

import math
import struct
import threading
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

from karaoke.player.base import Player

#: libvlc plays in real time without sound or video devices.
DUMMY_OUTPUTS = ("--aout=dummy", "--vout=dummy")


def write_tone(path: Path, seconds: float, rate: int = 8000) -> Path:
    """A 440 Hz mono 16-bit tone of ``seconds``."""
    frames = b"".join(
        struct.pack("<h", int(12_000 * math.sin(2 * math.pi * 440 * i / rate)))
        for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


def write_stereo(
    path: Path, seconds: float, tones: Callable[[float], tuple[float, float]], rate: int = 22050
) -> Path:
    """A 16-bit stereo WAV of ``seconds``: ``tones(t)`` gives the (left, right) sample at ``t``
    seconds, each in [-1, 1]."""
    frames = bytearray()
    for i in range(int(seconds * rate)):
        left, right = tones(i / rate)
        frames += struct.pack("<hh", int(12_000 * left), int(12_000 * right))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


def sine(hz: float, t: float) -> float:
    return math.sin(2 * math.pi * hz * t)


def read_stereo(path: Path) -> tuple[int, list[int], list[int]]:
    """A 16-bit stereo WAV's rate and its left and right samples: all the samples there are,
    also while a player is still writing it (its header's sizes not yet filled in)."""
    data = path.read_bytes()
    rate = struct.unpack_from("<I", data, data.index(b"fmt ") + 12)[0]
    assert struct.unpack_from("<HH", data, data.index(b"fmt ") + 8) == (1, 2)  # PCM, stereo
    start = data.index(b"data") + 8
    count = (len(data) - start) // 4 * 2
    samples = struct.unpack_from(f"<{count}h", data, start)
    return rate, list(samples[0::2]), list(samples[1::2])


def amplitude(samples: Sequence[int], rate: int, hz: float) -> float:
    """The amplitude of the ``hz`` sine in ``samples`` (a Goertzel filter), in sample units."""
    coefficient = 2 * math.cos(2 * math.pi * hz / rate)
    before = earlier = 0.0
    for sample in samples:
        before, earlier = sample + coefficient * before - earlier, before
    power = before * before + earlier * earlier - coefficient * before * earlier
    return 2 * math.sqrt(max(power, 0.0)) / max(1, len(samples))


class Recorder:
    """Everything a player emitted, in order, and whether every signal reached the GUI (main)
    thread."""

    def __init__(self, player: Player) -> None:
        self.times: list[int] = []
        self.lengths: list[int] = []
        self.states: list[str] = []
        self.errors: list[str] = []
        self.events: list[tuple[str, object]] = []
        self.off_gui_thread = 0
        player.time_changed.connect(lambda ms: self._add("time", ms, self.times))
        player.length_changed.connect(lambda ms: self._add("length", ms, self.lengths))
        player.state_changed.connect(lambda state: self._add("state", state, self.states))
        player.error.connect(lambda message: self._add("error", message, self.errors))

    def _add(self, kind: str, value: object, into: list) -> None:
        if threading.current_thread() is not threading.main_thread():
            self.off_gui_thread += 1
        into.append(value)
        self.events.append((kind, value))


def is_state(expected: str):
    return lambda state: state == expected


def at_least(ms: int):
    return lambda time_ms: time_ms >= ms


def recording_libvlc(heard: Path):
    """A libvlc instance whose sound goes to the WAV file ``heard`` (16-bit stereo), with no
    picture: what a test measures instead of listening."""
    from karaoke.player.vlc_player import load_libvlc

    instance, problem = load_libvlc(
        (
            "--aout=afile",
            f"--audiofile-file={heard}",
            "--audiofile-format=s16",
            "--audiofile-channels=2",
            "--vout=dummy",
        )
    )
    assert instance is not None, problem
    return instance
