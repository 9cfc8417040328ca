"""What the app remembers between runs, in QSettings (``~/.config/karaoke-ciencia/karaoke.conf``
on Linux): geometry, volume, text size, theme, language, per-song lyrics offset, recent songs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
#: Lyrics text size, as a factor of the size fitted to the screen: its range, and one step of
#: the Bigger / Smaller commands (and of a Ctrl + wheel notch).
TEXT_SCALE_RANGE = (0.5, 3.0)
TEXT_SCALE_STEP = 1.15


def clamp_text_scale(scale: float) -> float:
    low, high = TEXT_SCALE_RANGE
    return max(low, min(high, scale))


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def _get(self, key: str, default, kind):
        value = self.store.value(key, default, type=kind)
        return default if value is None else value

    @property
    def volume(self) -> int:
        return max(0, min(100, self._get("player/volume", 80, int)))

    @volume.setter
    def volume(self, value: int) -> None:
        self.store.setValue("player/volume", int(value))

    @property
    def text_scale(self) -> float:
        return clamp_text_scale(self._get("view/text_scale", 1.0, float))

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        self.store.setValue("view/text_scale", float(value))

    @property
    def theme(self) -> str:
        return self._get("view/theme", "dark", str)

    @theme.setter
    def theme(self, value: str) -> None:
        self.store.setValue("view/theme", value)

    @property
    def language(self) -> str | None:
        return self._get("view/language", "", str) or None

    @language.setter
    def language(self, value: str) -> None:
        self.store.setValue("view/language", value)

    @property
    def wide_spacing(self) -> bool:
        return self._get("view/wide_spacing", False, bool)

    @wide_spacing.setter
    def wide_spacing(self, value: bool) -> None:
        self.store.setValue("view/wide_spacing", bool(value))

    @property
    def panel_visible(self) -> bool:
        return self._get("view/panel_visible", True, bool)

    @panel_visible.setter
    def panel_visible(self, value: bool) -> None:
        self.store.setValue("view/panel_visible", bool(value))

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

    def sync(self) -> None:
        self.store.sync()
