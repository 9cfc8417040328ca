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


#: command → keys while presenting to a class (a presentation clicker's keys first).
PRESENT_KEYS: dict[str, list[str]] = {
    "next": ["PgDown", "Right", "Down"],
    "previous": ["PgUp", "Left", "Up"],
    "next_stanza": ["Ctrl+Down", "Shift+PgDown"],
    "previous_stanza": ["Ctrl+Up", "Shift+PgUp"],
    "play": ["Space", "F5", "Shift+F5"],
    "blackout": ["B", "."],
    "teaching": ["T"],
    "stop": ["Esc"],
    "bigger": ["+", "Ctrl++"],
    "smaller": ["-", "Ctrl+-"],
    "offset_down": ["G"],
    "offset_up": ["H"],
}

PRESENT_DESCRIPTIONS: dict[str, str] = {
    "next": "Next line — or, in a teaching pause, continue",
    "previous": "Previous line",
    "next_stanza": "Next stanza",
    "previous_stanza": "Previous stanza",
    "play": "Play / pause",
    "blackout": "Black out the audience screen / bring it back",
    "teaching": "Teaching pauses on / off",
    "stop": "Stop presenting (back to the normal window)",
    "bigger": "Bigger text on this projector (also Ctrl + wheel; remembered per screen)",
    "smaller": "Smaller text on this projector",
    "offset_down": "Lyrics 50 ms earlier",
    "offset_up": "Lyrics 50 ms later",
}


def _html_rows(keys: dict[str, list[str]], descriptions: dict[str, str]) -> str:
    return "".join(
        f"<tr><td><b>{escape(' / '.join(keys[command]))}</b></td><td>{escape(text)}</td></tr>"
        for command, text in descriptions.items()
    )


def shortcuts_html() -> str:
    """Help ▸ Keyboard shortcuts: the window's keys, then the keys while presenting."""
    return (
        f"<table cellspacing='6'>{_html_rows(SHORTCUTS, DESCRIPTIONS)}</table>"
        "<p>Click a line of the lyrics to jump to it.</p>"
        "<h4>While presenting to a class (a presentation clicker sends these)</h4>"
        f"<table cellspacing='6'>{_html_rows(PRESENT_KEYS, PRESENT_DESCRIPTIONS)}</table>"
    )


def shortcuts_markdown(presenting: bool = False) -> str:
    """The same tables for the README (``python -c 'from karaoke.ui.shared.shortcuts import *; ...'``)."""
    keys, descriptions = (
        (PRESENT_KEYS, PRESENT_DESCRIPTIONS) if presenting else (SHORTCUTS, DESCRIPTIONS)
    )
    rows = "\n".join(
        f"| {' / '.join(f'`{k}`' for k in keys[command])} | {text} |"
        for command, text in descriptions.items()
    )
    heading = "| keys | while presenting |" if presenting else "| keys | action |"
    return f"{heading}\n| --- | --- |\n{rows}"
