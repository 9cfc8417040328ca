"""Every keyboard shortcut in one table: the window binds them and Help lists them from here."""

from __future__ import annotations

from html import escape

#: command → key sequences (QKeySequence strings). The first is the one shown in menus.
SHORTCUTS: dict[str, list[str]] = {
    "play": ["Space"],
    "back": ["Left"],
    "forward": ["Right"],
    "previous_line": ["Up", "PgUp"],
    "next_line": ["Down", "PgDown"],
    "previous_stanza": ["Ctrl+Up", "Shift+PgUp"],
    "next_stanza": ["Ctrl+Down", "Shift+PgDown"],
    "slower": ["["],
    "faster": ["]"],
    "normal_speed": ["="],
    "offset_down": ["G"],
    "offset_up": ["H"],
    "panel": ["E"],
    "fullscreen": ["F", "F11"],
    "leave_fullscreen": ["Esc"],
    "bigger": ["+", "Ctrl++"],
    "smaller": ["-", "Ctrl+-"],
    "reset_text": ["Ctrl+0"],
    "present": ["F5", "Shift+F5"],
    "teaching": ["T"],
    "open": ["Ctrl+O"],
    "quit": ["Ctrl+Q"],
    "help": ["F1"],
}

#: What each command does, in the order Help lists them.
DESCRIPTIONS: dict[str, str] = {
    "play": "Play / pause",
    "back": "Back 5 seconds",
    "forward": "Forward 5 seconds",
    "previous_line": "Previous line",
    "next_line": "Next line",
    "previous_stanza": "Previous stanza",
    "next_stanza": "Next stanza",
    "slower": "Slower (down to 0.5×, pitch kept)",
    "faster": "Faster (up to 1.5×)",
    "normal_speed": "Normal speed",
    "offset_down": "Lyrics 50 ms earlier (like VLC)",
    "offset_up": "Lyrics 50 ms later (like VLC)",
    "panel": "Show / hide the explanation panel",
    "fullscreen": "Fullscreen",
    "leave_fullscreen": "Leave fullscreen",
    "bigger": "Bigger lyrics (also Ctrl + mouse wheel)",
    "smaller": "Smaller lyrics",
    "reset_text": "Normal lyrics size",
    "present": "Present to a class (audience screen + presenter console)",
    "teaching": "Teaching pauses: stop at the end of each stanza to explain it",
    "open": "Open a song",
    "quit": "Quit",
    "help": "This list",
}


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td><b>{escape(' / '.join(SHORTCUTS[command]))}</b></td><td>{escape(text)}</td></tr>"
        for command, text in DESCRIPTIONS.items()
    )
    return f"<table cellspacing='6'>{rows}</table><p>Click a line of the lyrics to jump to it.</p>"


def shortcuts_markdown() -> str:
    """The same table for the README."""
    rows = "\n".join(
        f"| {' / '.join(f'`{k}`' for k in SHORTCUTS[command])} | {text} |"
        for command, text in DESCRIPTIONS.items()
    )
    return "| keys | action |\n| --- | --- |\n" + rows
