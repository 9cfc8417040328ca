"""Keys named as the interface names them (kept apart from :mod:`.key_sheet`, whose dialog
the window's start need not load: tool tips and descriptions use only this)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QKeySequence


def key_names(keys: Sequence[str]) -> str:
    """Keys as Qt names them in the interface's language (its ``qtbase`` catalog: "PgUp" is
    "RePág" in Spanish), joined for a tool tip or the key sheet."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(QKeySequence(key).toString(native) or key for key in keys)
