"""The timing editor's commands as data: its menu labels, keys and help lines (see
:mod:`karaoke.app.commands` for how the tables are used; this one lives apart only to keep each
module short)."""

from __future__ import annotations

from enum import unique

from PySide6.QtCore import QT_TRANSLATE_NOOP

from karaoke.app.command import Command


@unique
class TimingCommand(Command):
    """The timing editor. Its keys speak the player's language (:class:`PlayerCommand`): a key
    both tables bind means the same there and here, and the editor's own commands take keys the
    player leaves free (``tests/app/test_key_language.py`` keeps it so).

    - The same actions, the same keys: Space plays / pauses, ←/→ go back / forward 5 s,
      ``[``/``]``/``=`` slow down / speed up / normal speed, F1 lists the keys.
    - "Forward / back a line", as in the player (↓ PgDn / ↑ PgUp): a tap starts the next line,
      so PgDn (a clicker's "next") taps and PgUp (its "back") undoes — a whole song can be timed
      with the clicker alone; ↓/↑ choose the line below / above. The big key for tapping is
      Return (or the keypad's Enter): Space stays play / pause, so a person used to the player
      who presses it only pauses. While paused, a tap plays instead of tapping.
    - Nudges take ←/→ too, with a modifier saying what moves (none: the playhead by 5 s;
      Ctrl: the chosen line's start; Alt: its end; with Shift the step is 100 ms, not 10 ms).
      The player binds no arrow with Ctrl+Shift or Alt, and none needs AltGr on a Spanish
      keyboard (where brackets and braces do).
    - Shift+Return ends the current line: a tap with Shift (E is the player's explanation
      panel); − and + stay the player's text size, so the editor leaves them alone.
    """

    TAP = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Tap: next line starts"),
        ("Return", "Enter", "PgDown"),
        QT_TRANSLATE_NOOP(
            "TimingCommand",
            "Tap: the next line starts now (ends the line before); while paused, play",
        ),
    )
    END = (
        QT_TRANSLATE_NOOP("TimingCommand", "&End the current line"),
        ("Shift+Return", "Shift+Enter"),
        QT_TRANSLATE_NOOP(
            "TimingCommand", "The current line ends now (otherwise the next start ends it)"
        ),
    )
    WORDS = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Word mode"),
        ("W",),
        QT_TRANSLATE_NOOP("TimingCommand", "Word mode on / off: each tap starts the next word"),
    )
    UNDO = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Undo"),
        ("Backspace", "Ctrl+Z", "PgUp"),
        QT_TRANSLATE_NOOP("TimingCommand", "Undo the last tap or change"),
    )
    CHOOSE_PREVIOUS = (
        QT_TRANSLATE_NOOP("TimingCommand", "Choose the line above"),
        ("Up",),
    )
    CHOOSE_NEXT = (
        QT_TRANSLATE_NOOP("TimingCommand", "Choose the line below"),
        ("Down",),
    )
    RETAP = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Re-tap from the chosen line"),
        ("R",),
        QT_TRANSLATE_NOOP(
            "TimingCommand", "Re-tap from the chosen line (plays from a little before it)"
        ),
    )
    START_EARLIER = (
        QT_TRANSLATE_NOOP("TimingCommand", "Start 10 ms earlier"),
        ("Ctrl+Left",),
        QT_TRANSLATE_NOOP("TimingCommand", "Chosen line starts 10 ms earlier"),
    )
    START_LATER = (
        QT_TRANSLATE_NOOP("TimingCommand", "Start 10 ms later"),
        ("Ctrl+Right",),
        QT_TRANSLATE_NOOP("TimingCommand", "Chosen line starts 10 ms later"),
    )
    START_EARLIER_MORE = (
        QT_TRANSLATE_NOOP("TimingCommand", "Start 100 ms earlier"),
        ("Ctrl+Shift+Left",),
        QT_TRANSLATE_NOOP("TimingCommand", "Chosen line starts 100 ms earlier"),
    )
    START_LATER_MORE = (
        QT_TRANSLATE_NOOP("TimingCommand", "Start 100 ms later"),
        ("Ctrl+Shift+Right",),
        QT_TRANSLATE_NOOP("TimingCommand", "Chosen line starts 100 ms later"),
    )
    END_EARLIER = (
        QT_TRANSLATE_NOOP("TimingCommand", "End 10 ms earlier"),
        ("Alt+Left",),
        QT_TRANSLATE_NOOP("TimingCommand", "Chosen line ends 10 ms earlier"),
    )
    END_LATER = (
        QT_TRANSLATE_NOOP("TimingCommand", "End 10 ms later"),
        ("Alt+Right",),
        QT_TRANSLATE_NOOP("TimingCommand", "Chosen line ends 10 ms later"),
    )
    END_EARLIER_MORE = (
        QT_TRANSLATE_NOOP("TimingCommand", "End 100 ms earlier"),
        ("Alt+Shift+Left",),
        QT_TRANSLATE_NOOP("TimingCommand", "Chosen line ends 100 ms earlier"),
    )
    END_LATER_MORE = (
        QT_TRANSLATE_NOOP("TimingCommand", "End 100 ms later"),
        ("Alt+Shift+Right",),
        QT_TRANSLATE_NOOP("TimingCommand", "Chosen line ends 100 ms later"),
    )
    LOOP = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Loop the chosen line"),
        ("L",),
        QT_TRANSLATE_NOOP("TimingCommand", "Loop the chosen line (again: stop)"),
    )
    PLAY = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Play / pause"),
        ("Space",),
        QT_TRANSLATE_NOOP("TimingCommand", "Play / pause"),
    )
    BACK = (
        QT_TRANSLATE_NOOP("TimingCommand", "Back 5 s"),
        ("Left",),
        QT_TRANSLATE_NOOP("TimingCommand", "Back 5 seconds"),
    )
    FORWARD = (
        QT_TRANSLATE_NOOP("TimingCommand", "Forward 5 s"),
        ("Right",),
        QT_TRANSLATE_NOOP("TimingCommand", "Forward 5 seconds"),
    )
    TO_START = (
        QT_TRANSLATE_NOOP("TimingCommand", "To the start"),
        ("Home",),
        QT_TRANSLATE_NOOP("TimingCommand", "To the start of the media"),
    )
    SLOWER = (
        QT_TRANSLATE_NOOP("TimingCommand", "Slower"),
        ("[",),
        QT_TRANSLATE_NOOP("TimingCommand", "Slower (down to 0.5×, pitch kept)"),
    )
    FASTER = (
        QT_TRANSLATE_NOOP("TimingCommand", "Faster"),
        ("]",),
        QT_TRANSLATE_NOOP("TimingCommand", "Faster (up to 1×)"),
    )
    NORMAL_SPEED = (
        QT_TRANSLATE_NOOP("TimingCommand", "Normal speed"),
        ("=",),
        QT_TRANSLATE_NOOP("TimingCommand", "Normal speed (1×)"),
    )
    SAVE = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Save"),
        ("Ctrl+S",),
        QT_TRANSLATE_NOOP("TimingCommand", "Save"),
    )
    SAVE_AS = (
        QT_TRANSLATE_NOOP("TimingCommand", "Save &as…"),
        ("Ctrl+Shift+S",),
        QT_TRANSLATE_NOOP("TimingCommand", "Save as… (.srt, or .lrc to keep word timings)"),
    )
    SAVE_PACKAGE = (
        QT_TRANSLATE_NOOP("TimingCommand", "Save as song &package…"),
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP("TimingCommand", "Save as a song package (folder with song.toml)"),
    )
    HELP = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Keys"),
        ("F1",),
        QT_TRANSLATE_NOOP("TimingCommand", "This list"),
    )
    CLOSE = (
        QT_TRANSLATE_NOOP("TimingCommand", "&Close"),
        ("Ctrl+W",),
        QT_TRANSLATE_NOOP("TimingCommand", "Close the editor"),
    )
