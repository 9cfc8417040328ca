"""What the app remembers between runs, in QSettings (``~/.config/karaoke-ciencia/karaoke.conf``
on Linux): geometry, volume, text size, theme, language, recent songs, the phones' network
interface, per song its lyrics offset, vocals off and key shift, and per lesson where the class
stopped."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
#: Lyrics text size, as a factor of the size fitted to the screen: its range, and one step of
#: the Bigger / Smaller commands (and of a Ctrl + wheel notch).
TEXT_SCALE_RANGE = (0.5, 3.0)
TEXT_SCALE_STEP = 1.15


def clamp_text_scale(scale: float) -> float:
    low, high = TEXT_SCALE_RANGE
    return max(low, min(high, scale))


T = TypeVar("T")


class _Stored(Generic[T]):
    """A setting kept under ``key``: read as ``kind`` (``default`` when absent), then ``fit``
    (e.g. clamped into its range); written as ``kind``."""

    def __init__(
        self, key: str, default: Any, kind: type, fit: Callable[[Any], T] | None = None
    ) -> None:
        self.key, self.default, self.kind, self.fit = key, default, kind, fit

    def __get__(self, settings: Settings, owner: type | None = None) -> T:
        value = settings._get(self.key, self.default, self.kind)
        return self.fit(value) if self.fit else value

    def __set__(self, settings: Settings, value: T) -> None:
        settings.store.setValue(self.key, self.kind(value))


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def _get(self, key: str, default, kind):
        value = self.store.value(key, default, type=kind)
        return default if value is None else value

    volume = _Stored("player/volume", 80, int, lambda v: max(0, min(100, v)))
    text_scale = _Stored("view/text_scale", 1.0, float, clamp_text_scale)
    #: The theme chosen in View ▸ Theme; None: never chosen (the desktop's contrast decides).
    theme: _Stored[str | None] = _Stored("view/theme", "", str, lambda v: v or None)
    #: The explanations' language chosen by the user; None: the interface's.
    language: _Stored[str | None] = _Stored("view/language", "", str, lambda v: v or None)
    #: The interface language chosen in View ▸ Language; None: the desktop's.
    interface_language: _Stored[str | None] = _Stored(
        "view/interface_language", "", str, lambda v: v or None
    )
    wide_spacing: _Stored[bool] = _Stored("view/wide_spacing", False, bool)
    #: The easy-reading font (Atkinson Hyperlegible, wider letter spacing) for the lyrics.
    easy_reading: _Stored[bool] = _Stored("view/easy_reading", False, bool)
    panel_visible: _Stored[bool] = _Stored("view/panel_visible", True, bool)
    #: The address the phones' server last served on, as chosen on the presenter console;
    #: None: never chosen (the LAN address). Used again only where the machine still has it.
    companion_interface: _Stored[str | None] = _Stored(
        "companion/interface", "", str, lambda v: v or None
    )

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @staticmethod
    def song_key(song_path: Path) -> str:
        # QSettings keys treat "/" as groups; keep one flat, readable key per song.
        return str(song_path.resolve()).replace("/", "|").replace("\\", "|")

    def offset_for(self, song_path: Path, default: int = 0) -> int:
        return self._get(f"offsets/{self.song_key(song_path)}", default, int)

    def set_offset(self, song_path: Path, offset_ms: int) -> None:
        self.store.setValue(f"offsets/{self.song_key(song_path)}", int(offset_ms))

    def vocals_off_for(self, song_path: Path) -> bool:
        """Whether the song was last sung along to with the vocals off (False at first)."""
        return self._get(f"vocals_off/{self.song_key(song_path)}", False, bool)

    def set_vocals_off(self, song_path: Path, on: bool) -> None:
        self.store.setValue(f"vocals_off/{self.song_key(song_path)}", bool(on))

    def key_shift_for(self, song_path: Path) -> int:
        """The song's last key shift in semitones (0: the original key)."""
        return self._get(f"key_shift/{self.song_key(song_path)}", 0, int)

    def set_key_shift(self, song_path: Path, semitones: int) -> None:
        self.store.setValue(f"key_shift/{self.song_key(song_path)}", int(semitones))

    @property
    def recent(self) -> list[str]:
        value = self.store.value("recent/songs", [])
        if isinstance(value, str):  # QSettings returns a lone item as a plain string
            value = [value]
        if not isinstance(value, Iterable):  # None when nothing was stored
            value = []
        return [str(item) for item in value][:MAX_RECENT]

    def add_recent(self, song_path: Path) -> None:
        entry = str(song_path.resolve())
        recent = [entry, *(item for item in self.recent if item != entry)]
        self.store.setValue("recent/songs", recent[:MAX_RECENT])

    def present_text_scale(self, screen_name: str) -> float:
        """The audience text size chosen for a screen (projectors differ), 1.0 by default."""
        key = f"present/text_scale/{screen_name.replace('/', '|') or 'screen'}"
        return clamp_text_scale(self._get(key, 1.0, float))

    def set_present_text_scale(self, screen_name: str, scale: float) -> None:
        self.store.setValue(
            f"present/text_scale/{screen_name.replace('/', '|') or 'screen'}", float(scale)
        )

    def lesson_place(self, lesson_path: Path) -> tuple[int, int] | None:
        """Where the lesson in ``lesson_path`` stopped: (item index, media ms), or None when it
        was finished or never played."""
        value = self.store.value(f"lessons/{self.song_key(lesson_path)}")
        if isinstance(value, str):  # "index,ms": one value, so the pair is written at once
            index, _, media_ms = value.partition(",")
            if index.isdigit() and media_ms.isdigit():
                return int(index), int(media_ms)
        return None

    def set_lesson_place(self, lesson_path: Path, index: int, media_ms: int) -> None:
        self.store.setValue(
            f"lessons/{self.song_key(lesson_path)}", f"{max(0, index)},{max(0, media_ms)}"
        )

    def clear_lesson_place(self, lesson_path: Path) -> None:
        self.store.remove(f"lessons/{self.song_key(lesson_path)}")

    def sync(self) -> None:
        self.store.sync()
