"""Every key of the timing editor in one table: the window binds them, Help and the status line
list them from here, and a test checks that ``docs/timing-editor.md`` names them all.

Why these keys: a clicker sends PgDn/→ ("next") and PgUp/← ("back"), so next taps and back
undoes, and a whole song can be timed with the clicker alone. ``[``/``]`` nudge a start as in
subtitle editors; ``Shift+[`` is ``{`` on most layouts, so the bigger 100 ms step is on Ctrl
rather than Shift. Brackets need AltGr on Spanish keyboards: every nudge also has an arrow key
(Ctrl+arrows: start, Alt+arrows: end, with Shift: 100 ms).
"""

from __future__ import annotations

from html import escape

#: command → key sequences (QKeySequence strings). The first is the one shown in menus.
SYNC_SHORTCUTS: dict[str, list[str]] = {
    "tap": ["Space", "Return", "Enter", "PgDown", "Right"],
    "end": ["E"],
    "words": ["W"],
    "undo": ["Backspace", "Ctrl+Z", "PgUp", "Left"],
    "choose_previous": ["Up"],
    "choose_next": ["Down"],
    "retap": ["R"],
    "start_earlier": ["[", "Ctrl+Left"],
    "start_later": ["]", "Ctrl+Right"],
    "start_earlier_more": ["Ctrl+[", "Ctrl+Shift+Left"],
    "start_later_more": ["Ctrl+]", "Ctrl+Shift+Right"],
    "end_earlier": ["{", "Alt+[", "Alt+Left"],
    "end_later": ["}", "Alt+]", "Alt+Right"],
    "end_earlier_more": ["Ctrl+{", "Alt+Shift+Left"],
    "end_later_more": ["Ctrl+}", "Alt+Shift+Right"],
    "loop": ["L"],
    "play": ["P", "Ctrl+Space"],
    "back": ["Shift+Left"],
    "forward": ["Shift+Right"],
    "to_start": ["Home"],
    "slower": ["-"],
    "faster": ["+", "="],
    "save": ["Ctrl+S"],
    "save_as": ["Ctrl+Shift+S"],
    "save_package": ["Ctrl+Shift+P"],
    "help": ["F1"],
    "close": ["Ctrl+W"],
}

#: What each command does, in the order Help lists them.
SYNC_DESCRIPTIONS: dict[str, str] = {
    "tap": "Tap: the next line starts now (ends the line before); while paused, play",
    "end": "The current line ends now (otherwise the next start ends it)",
    "words": "Word mode on / off: each tap starts the next word",
    "undo": "Undo the last tap or change",
    "choose_previous": "Choose the line above",
    "choose_next": "Choose the line below",
    "retap": "Re-tap from the chosen line (plays from a little before it)",
    "start_earlier": "Chosen line starts 10 ms earlier",
    "start_later": "Chosen line starts 10 ms later",
    "start_earlier_more": "Chosen line starts 100 ms earlier",
    "start_later_more": "Chosen line starts 100 ms later",
    "end_earlier": "Chosen line ends 10 ms earlier",
    "end_later": "Chosen line ends 10 ms later",
    "end_earlier_more": "Chosen line ends 100 ms earlier",
    "end_later_more": "Chosen line ends 100 ms later",
    "loop": "Loop the chosen line (again: stop)",
    "play": "Play / pause",
    "back": "Back 5 seconds",
    "forward": "Forward 5 seconds",
    "to_start": "To the start of the media",
    "slower": "Slower (down to 0.5×, pitch kept)",
    "faster": "Faster (up to 1×)",
    "save": "Save",
    "save_as": "Save as… (.srt, or .lrc to keep word timings)",
    "save_package": "Save as a song package (folder with song.toml)",
    "help": "This list",
    "close": "Close the editor",
}

#: The short reminder under the editor (HTML).
KEY_HINT = (
    "<b>Space</b> tap&nbsp;· <b>E</b> end line&nbsp;· <b>W</b> words&nbsp;· "
    "<b>⌫</b> undo&nbsp;· <b>↑ ↓</b> choose&nbsp;· <b>R</b> re-tap&nbsp;· "
    "<b>[ ]</b> start ∓10 ms&nbsp;· <b>{ }</b> end&nbsp;· <b>L</b> loop&nbsp;· "
    "<b>P</b> play&nbsp;· <b>Ctrl+S</b> save&nbsp;· <b>F1</b> all keys"
)


def sync_keys_html() -> str:
    rows = "".join(
        f"<tr><td><b>{escape(' / '.join(SYNC_SHORTCUTS[command]))}</b></td>"
        f"<td>{escape(text)}</td></tr>"
        for command, text in SYNC_DESCRIPTIONS.items()
    )
    return (
        f"<table cellspacing='5'>{rows}</table>"
        "<p>On the waveform: click to play from there, Shift+click to start the chosen line "
        "there, Ctrl+click to end it there, wheel to zoom. Double-click a line to play from it.</p>"
    )


def sync_keys_markdown() -> str:
    """The same table for docs/timing-editor.md."""
    rows = "\n".join(
        f"| {' / '.join(f'`{k}`' for k in SYNC_SHORTCUTS[command])} | {text} |"
        for command, text in SYNC_DESCRIPTIONS.items()
    )
    return "| keys | action |\n| --- | --- |\n" + rows
