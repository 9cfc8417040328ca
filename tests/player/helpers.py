"""What the player tests share: media they make, and a recorder of what a player emits."""

from __future__ import annotations

import math
import struct
import threading
import wave
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
