"""What the timing editor shows about its keys: the one-line reminder under the editor and the
F1 help. The keys themselves, their labels and help lines are the table
:class:`~karaoke.app.commands.TimingCommand` (which says why these keys); a test checks that
``docs/timing-editor.md`` lists the same table."""

from __future__ import annotations

from karaoke.app.commands import TimingCommand
from karaoke.app.key_tables import keys_html

#: The short reminder under the editor (HTML).
KEY_HINT = (
    "<b>Space</b> tap&nbsp;· <b>E</b> end line&nbsp;· <b>W</b> words&nbsp;· "
    "<b>⌫</b> undo&nbsp;· <b>↑ ↓</b> choose&nbsp;· <b>R</b> re-tap&nbsp;· "
    "<b>[ ]</b> start ∓10 ms&nbsp;· <b>{ }</b> end&nbsp;· <b>L</b> loop&nbsp;· "
    "<b>P</b> play&nbsp;· <b>Ctrl+S</b> save&nbsp;· <b>F1</b> all keys"
)

#: What the mouse does, which no key table can say (HTML).
MOUSE_HELP = (
    "<p>On the waveform: click to play from there, Shift+click to start the chosen line "
    "there, Ctrl+click to end it there, wheel to zoom. Double-click a line to play from it.</p>"
)


def help_html() -> str:
    """F1: every key of the editor, then what the mouse does."""
    return keys_html(TimingCommand) + MOUSE_HELP
