"""What the timing editor shows about its keys: the one-line reminder under the editor and the
footer of the F1 key sheet (:func:`karaoke.ui.shared.key_sheet.show_key_sheet`, made from the
table). The keys themselves, their labels and help lines are the table
:class:`~karaoke.app.timing_commands.TimingCommand` (which says why these keys); a test checks that
``docs/timing-editor.md`` lists the same table. Every word here is in the interface's language
(context ``SyncWindow``); key names are as Qt shows them in menus."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence

#: The short reminder under the editor: (keys, what they do). Keys are ``QKeySequence`` strings
#: shown as the menus show them; an arrow or ⌫ is shown as it is.
HINT_ITEMS: tuple[tuple[str, str], ...] = (
    ("Space", str(QT_TRANSLATE_NOOP("SyncWindow", "play / pause"))),
    ("Return", str(QT_TRANSLATE_NOOP("SyncWindow", "tap"))),
    ("Shift+Return", str(QT_TRANSLATE_NOOP("SyncWindow", "end line"))),
    ("W", str(QT_TRANSLATE_NOOP("SyncWindow", "words"))),
    ("⌫", str(QT_TRANSLATE_NOOP("SyncWindow", "undo"))),
    ("↑ ↓", str(QT_TRANSLATE_NOOP("SyncWindow", "choose"))),
    ("R", str(QT_TRANSLATE_NOOP("SyncWindow", "re-tap"))),
    ("Ctrl+← →", str(QT_TRANSLATE_NOOP("SyncWindow", "start ∓10 ms"))),
    ("Alt+← →", str(QT_TRANSLATE_NOOP("SyncWindow", "end ∓10 ms"))),
    ("L", str(QT_TRANSLATE_NOOP("SyncWindow", "loop"))),
    ("Ctrl+S", str(QT_TRANSLATE_NOOP("SyncWindow", "save"))),
    ("F1", str(QT_TRANSLATE_NOOP("SyncWindow", "all keys"))),
)


def key_name(key: str) -> str:
    """``key`` as a menu shows it (translated by Qt's own catalog: "Control+S"); a symbol Qt
    cannot parse (arrows, ⌫) stays as written, after its modifiers named as Qt names them."""
    native = QKeySequence.SequenceFormat.NativeText
    if key.isascii():
        return QKeySequence(key).toString(native) or key
    *modifiers, symbol = key.split("+")
    # A modifier's name: Qt's name of "modifier+A", less the "A".
    return "".join(QKeySequence(f"{name}+A").toString(native)[:-1] for name in modifiers) + symbol


def modifier_name(modifier: str) -> str:
    """A modifier ("Ctrl", "Shift") as Qt names it in menus ("Control", "Mayúsculas" in
    Spanish), for sentences about the mouse ("%1+click")."""
    return key_name(f"{modifier}+A")[:-2]


def key_hint() -> str:
    """The reminder under the editor (HTML), in the interface's language."""
    return "&nbsp;· ".join(
        f"<b>{escape(key_name(key))}</b> {escape(QCoreApplication.translate('SyncWindow', what))}"
        for key, what in HINT_ITEMS
    )


def mouse_help() -> str:
    """What the mouse does, which no key table can say (HTML)."""
    text = QCoreApplication.translate(
        "SyncWindow",
        "On the waveform: click to play from there, %1+click to start the chosen line there, "
        "%2+click to end it there, wheel to zoom. Double-click a line to play from it.",
    )
    text = text.replace("%1", modifier_name("Shift")).replace("%2", modifier_name("Ctrl"))
    return f"<p>{escape(text)}</p>"
