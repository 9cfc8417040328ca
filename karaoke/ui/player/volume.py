"""The player window's volume: the level (0–100 %, remembered between runs, shown on the
transport's slider) and mute, from the slider or by keyboard (9 / 0 / M, as in mpv: the slider
takes no focus, so keys are the keyboard's way to it).

Mute is not remembered: a player that starts silent for no visible reason looks broken. While
muted the slider shows 0 and the level stays in the settings; moving the slider or a volume key
ends the mute (from the level kept).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from karaoke.app.commands import VOLUME_STEP
from karaoke.app.commands import PlayerCommand as P
from karaoke.ui.shared.key_text import key_names

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow

#: How long the status line says the new volume, in ms.
SAY_MS = 2000
VOLUME_TEXT = QT_TRANSLATE_NOOP("Volume", "Volume: %1%")
MUTED_TEXT = QT_TRANSLATE_NOOP("Volume", "Muted (%1 to hear it again)")


def volume_text(percent: int) -> str:
    """ "Volume: 80%" in the interface's language (the number as its locale writes it)."""
    return QCoreApplication.translate("Volume", str(VOLUME_TEXT)).replace(
        "%1", QLocale().toString(percent)
    )


def muted_text() -> str:
    """ "Muted (M to hear it again)", the key named as Qt names it in the interface's language."""
    return QCoreApplication.translate("Volume", str(MUTED_TEXT)).replace(
        "%1", key_names(P.MUTE.keys)
    )


class Volume:
    """The volume of ``window``'s song: :meth:`set_level` (the slider), :meth:`step` (the
    keys) and :meth:`toggle_mute`; :meth:`audible` is what plays (0 while muted)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.muted = False

    @property
    def level(self) -> int:
        """The level in percent (0–100), muted or not: the settings'."""
        return self.window.settings.volume

    def audible(self) -> int:
        """What the song plays at, in percent: 0 while muted, else :attr:`level`."""
        return 0 if self.muted else self.level

    def set_level(self, percent: int, *, say: bool = False) -> None:
        """``percent`` (clamped to 0–100), remembered; ends a mute. ``say``: on the status line
        (the keys say it; the slider shows it already)."""
        self.window.settings.volume = max(0, min(100, percent))
        self.muted = False
        self._apply()
        if say:
            level = self.level
            self.window.messages.status(lambda: volume_text(level), SAY_MS)

    def step(self, steps: int) -> None:
        """Up (positive) or down by ``steps`` × :data:`VOLUME_STEP` %, from the level kept."""
        self.set_level(self.level + steps * VOLUME_STEP, say=True)

    def toggle_mute(self) -> None:
        """Silence, or the level back; the status line says which."""
        self.muted = not self.muted
        self._apply()
        level = self.level
        say = muted_text if self.muted else (lambda: volume_text(level))
        self.window.messages.status(say, SAY_MS)

    def hand_over(self) -> int:
        """The volume a presentation takes over (what plays here: 0 while muted, so the class
        hears nothing it did not); the mute ends here, the presentation has its own slider."""
        audible = self.audible()
        self.muted = False
        self.window.action(P.MUTE).setChecked(False)
        return audible

    def _apply(self) -> None:
        """The session, the slider and Mute's check mark, as :meth:`audible` says."""
        window = self.window
        if window.session is not None:
            window.session.set_volume(self.audible())
        window.transport.show_volume(self.audible())
        window.action(P.MUTE).setChecked(self.muted)
