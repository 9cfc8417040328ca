"""A command of a program as data: its menu label, its keys and its help line, in English and
in the interface's language. The tables of commands are in :mod:`karaoke.app.commands`.

Only QtCore here (for the translations): a phone page can list and send the same commands.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication


def key_name(key: str) -> str:
    """A key or modifier (``QKeySequence`` portable text: "Ctrl", "Shift+PgDown") named as Qt's
    menus and F1 name it in the interface's language ("Control", "Mayúsculas+Av Pág"). Qt's
    ``QKeySequence.toString(NativeText)`` does the same outside macOS, part by part in its
    catalog's ``QShortcut`` context; this layer has QtCore only, so it asks the catalog itself.
    Not for keys that contain "+" ("Ctrl++")."""
    return "+".join(QCoreApplication.translate("QShortcut", part) for part in key.split("+"))


def fill_keys(text: str, keys: tuple[str, ...], name: Callable[[str], str] = str) -> str:
    """``text`` with ``%1``, ``%2``… replaced by the ``name`` of ``keys[0]``, ``keys[1]``…"""
    for number, key in enumerate(keys, start=1):
        text = text.replace(f"%{number}", name(key))
    return text


class Command(Enum):
    """A command: ``label`` (menu text, ``&`` before the mnemonic), ``keys``, ``help`` (the line
    in F1 and the README; the label without ``&`` and ``…`` when empty) and ``help_keys``, the
    keys a help line names in a sentence ("also %1 + mouse wheel"): never written into the
    sentence, so that each language names them as Qt does (:func:`key_name`)."""

    def __init__(
        self,
        label: str,
        keys: tuple[str, ...] = (),
        help: str = "",
        help_keys: tuple[str, ...] = (),
    ) -> None:
        self.label = label
        self.keys = keys
        #: The help line as marked for translation, ``%1``… standing for ``help_keys``.
        self.help_source = help or label.replace("&", "").rstrip("…")
        self.help_keys = help_keys
        #: The help line in English, keys by their portable names (the README's tables).
        self.help = fill_keys(self.help_source, help_keys)

    @property
    def text(self) -> str:
        """The menu label in the interface's language."""
        return QCoreApplication.translate(type(self).__name__, self.label)

    @property
    def help_text(self) -> str:
        """The help line in the interface's language, keys named as Qt names them there."""
        if self.help_source != self.label.replace("&", "").rstrip("…"):
            translated = QCoreApplication.translate(type(self).__name__, self.help_source)
            return fill_keys(translated, self.help_keys, key_name)
        return self.text.replace("&", "").rstrip("…")
