"""Every command of the three programs as data: its menu label, its keys and its help line.

One table per program (an :class:`~enum.Enum` whose members are the commands). The windows make
their menus and shortcuts from it (:func:`karaoke.ui.shared.actions.bind_actions`, which pairs
each member with a slot), F1 lists it and the README's key tables are made
from it (:mod:`karaoke.app.key_tables`; a test keeps them equal). Only QtCore here (for the
translations): a phone page can list and send the same commands.

Keys are ``QKeySequence`` strings; the first is the one a menu shows. A command without keys is
in the menus but not in the key tables.

Labels and help lines are English, marked with ``QT_TRANSLATE_NOOP`` (context: the table's class
name) so Qt's ``lupdate`` collects them; :attr:`Command.text` and :attr:`Command.help_text` give
them in the interface's language (the README's tables stay English).
"""

from __future__ import annotations

from enum import unique

from PySide6.QtCore import QT_TRANSLATE_NOOP

from karaoke.app.command import Command

#: Steps shared by the commands and the code that carries them out.
SEEK_STEP_MS = 5_000
OFFSET_STEP_MS = 50
RATE_STEP = 0.1
VOLUME_STEP = 5  # percent of the full volume (0-100)
#: Playback speed range (pitch kept).
RATE_MIN, RATE_MAX = 0.5, 1.5
#: How far the key may be shifted either way, in semitones (VLC's pitch filter goes to 12, but
#: voices sound cartoonish well before that).
KEY_SHIFT_MAX = 6


@unique
class PlayerCommand(Command):
    """The player window."""

    PLAY = (QT_TRANSLATE_NOOP("PlayerCommand", "&Play / pause"), ("Space",))
    BACK = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Back 5 s"),
        ("Left",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Back 5 seconds"),
    )
    FORWARD = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Forward 5 s"),
        ("Right",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Forward 5 seconds"),
    )
    PREVIOUS_LINE = (QT_TRANSLATE_NOOP("PlayerCommand", "Previous line"), ("Up", "PgUp"))
    NEXT_LINE = (QT_TRANSLATE_NOOP("PlayerCommand", "Next line"), ("Down", "PgDown"))
    PREVIOUS_STANZA = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Previous stanza"),
        ("Ctrl+Up", "Shift+PgUp"),
    )
    NEXT_STANZA = (QT_TRANSLATE_NOOP("PlayerCommand", "Next stanza"), ("Ctrl+Down", "Shift+PgDown"))
    SLOWER = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Slower"),
        ("[",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Slower (down to 0.5×, pitch kept)"),
    )
    FASTER = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Faster"),
        ("]",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Faster (up to 1.5×)"),
    )
    NORMAL_SPEED = (QT_TRANSLATE_NOOP("PlayerCommand", "Normal speed"), ("=",))
    OFFSET_DOWN = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Lyrics earlier (−50 ms)"),
        ("G",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Lyrics 50 ms earlier (like VLC)"),
    )
    OFFSET_UP = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Lyrics later (+50 ms)"),
        ("H",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Lyrics 50 ms later (like VLC)"),
    )
    VOCALS_OFF = (
        QT_TRANSLATE_NOOP("PlayerCommand", "&Vocals off (sing along)"),
        ("V",),
        QT_TRANSLATE_NOOP(
            "PlayerCommand",
            "Vocals off (sing along): the instrumental track, or the voice filtered out",
        ),
    )
    KEY_DOWN = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Key down"),
        ("J",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Key a semitone lower (speed kept)"),
    )
    KEY_UP = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Key up"),
        ("K",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Key a semitone higher (speed kept)"),
    )
    ORIGINAL_KEY = (QT_TRANSLATE_NOOP("PlayerCommand", "Original key"),)
    VOLUME_DOWN = (QT_TRANSLATE_NOOP("PlayerCommand", "Volume down (−5%)"), ("9",))  # as mpv
    VOLUME_UP = (QT_TRANSLATE_NOOP("PlayerCommand", "Volume up (+5%)"), ("0",))
    MUTE = (QT_TRANSLATE_NOOP("PlayerCommand", "&Mute"), ("M",))
    PANEL = (
        QT_TRANSLATE_NOOP("PlayerCommand", "&Explanation panel"),
        ("E",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Show / hide the explanation panel"),
    )
    FULLSCREEN = (QT_TRANSLATE_NOOP("PlayerCommand", "&Fullscreen"), ("F", "F11"))
    LEAVE_FULLSCREEN = (QT_TRANSLATE_NOOP("PlayerCommand", "Leave fullscreen"), ("Esc",))
    BIGGER = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Bigger text"),
        ("+", "Ctrl++"),
        QT_TRANSLATE_NOOP("PlayerCommand", "Bigger lyrics (also %1 + mouse wheel)"),
        ("Ctrl",),
    )
    SMALLER = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Smaller text"),
        ("-", "Ctrl+-"),
        QT_TRANSLATE_NOOP("PlayerCommand", "Smaller lyrics"),
    )
    RESET_TEXT = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Normal text size"),
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Normal lyrics size"),
    )
    PRESENT = (
        QT_TRANSLATE_NOOP("PlayerCommand", "&Present to a class"),
        ("F5", "Shift+F5"),
        QT_TRANSLATE_NOOP(
            "PlayerCommand", "Present to a class (audience screen + presenter console)"
        ),
    )
    TEACHING = (
        QT_TRANSLATE_NOOP("PlayerCommand", "&Teaching pauses"),
        ("T",),
        QT_TRANSLATE_NOOP(
            "PlayerCommand", "Teaching pauses: stop at the end of each stanza to explain it"
        ),
    )
    OPEN = (
        QT_TRANSLATE_NOOP("PlayerCommand", "&Open song…"),
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("PlayerCommand", "Open a song"),
    )
    OPEN_MEDIA = (QT_TRANSLATE_NOOP("PlayerCommand", "Open &media…"),)
    LIBRARY = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Li&brary…"),
        ("Ctrl+L",),
        QT_TRANSLATE_NOOP(
            "PlayerCommand", "The song library: find, open, present or remove a song"
        ),
    )
    NEW_LESSON = (
        QT_TRANSLATE_NOOP("PlayerCommand", "&New lesson…"),
        (),
        QT_TRANSLATE_NOOP("PlayerCommand", "Build a lesson from the library's songs"),
    )
    EXPORT_STUDY_PACK = (
        QT_TRANSLATE_NOOP("PlayerCommand", "&Export study pack…"),
        (),
        QT_TRANSLATE_NOOP("PlayerCommand", "A printable PDF of the song or lesson, to take home"),
    )
    OPEN_LYRICS = (QT_TRANSLATE_NOOP("PlayerCommand", "Open &lyrics…"),)
    TIME_LYRICS = (QT_TRANSLATE_NOOP("PlayerCommand", "&Time lyrics…"),)
    QUIT = (QT_TRANSLATE_NOOP("PlayerCommand", "&Quit"), ("Ctrl+Q",))
    WIDE_SPACING = (QT_TRANSLATE_NOOP("PlayerCommand", "&Wider spacing"),)
    EASY_READING = (
        QT_TRANSLATE_NOOP("PlayerCommand", "Easy-&reading font"),
        (),
        QT_TRANSLATE_NOOP(
            "PlayerCommand",
            "Easy-reading font for dyslexic readers (Atkinson Hyperlegible, wider letter spacing)",
        ),
    )
    HELP = (
        QT_TRANSLATE_NOOP("PlayerCommand", "&Keyboard shortcuts"),
        ("F1",),
        QT_TRANSLATE_NOOP("PlayerCommand", "This list"),
    )
    ABOUT = (QT_TRANSLATE_NOOP("PlayerCommand", "&About"),)


@unique
class PresentCommand(Command):
    """While presenting to a class (a presentation clicker's keys first)."""

    NEXT = (
        QT_TRANSLATE_NOOP("PresentCommand", "Next"),
        ("PgDown", "Right", "Down"),
        QT_TRANSLATE_NOOP("PresentCommand", "Next line — or, in a teaching pause, continue"),
    )
    PREVIOUS = (QT_TRANSLATE_NOOP("PresentCommand", "Previous line"), ("PgUp", "Left", "Up"))
    NEXT_STANZA = (
        QT_TRANSLATE_NOOP("PresentCommand", "Next stanza"),
        ("Ctrl+Down", "Shift+PgDown"),
    )
    PREVIOUS_STANZA = (
        QT_TRANSLATE_NOOP("PresentCommand", "Previous stanza"),
        ("Ctrl+Up", "Shift+PgUp"),
    )
    PLAY = (QT_TRANSLATE_NOOP("PresentCommand", "Play / pause"), ("Space", "F5", "Shift+F5"))
    BLACKOUT = (
        QT_TRANSLATE_NOOP("PresentCommand", "Black out"),
        ("B", "."),
        QT_TRANSLATE_NOOP("PresentCommand", "Black out the audience screen / bring it back"),
    )
    TEACHING = (
        QT_TRANSLATE_NOOP("PresentCommand", "Teaching pauses"),
        ("T",),
        QT_TRANSLATE_NOOP("PresentCommand", "Teaching pauses on / off"),
    )
    STOP = (
        QT_TRANSLATE_NOOP("PresentCommand", "Stop presenting"),
        ("Esc",),
        QT_TRANSLATE_NOOP("PresentCommand", "Stop presenting (back to the normal window)"),
    )
    BIGGER = (
        QT_TRANSLATE_NOOP("PresentCommand", "Bigger text"),
        ("+", "Ctrl++"),
        QT_TRANSLATE_NOOP(
            "PresentCommand",
            "Bigger text on this projector (also %1 + wheel; remembered per screen)",
        ),
        ("Ctrl",),
    )
    SMALLER = (
        QT_TRANSLATE_NOOP("PresentCommand", "Smaller text"),
        ("-", "Ctrl+-"),
        QT_TRANSLATE_NOOP("PresentCommand", "Smaller text on this projector"),
    )
    OFFSET_DOWN = (
        QT_TRANSLATE_NOOP("PresentCommand", "Lyrics earlier"),
        ("G",),
        QT_TRANSLATE_NOOP("PresentCommand", "Lyrics 50 ms earlier"),
    )
    OFFSET_UP = (
        QT_TRANSLATE_NOOP("PresentCommand", "Lyrics later"),
        ("H",),
        QT_TRANSLATE_NOOP("PresentCommand", "Lyrics 50 ms later"),
    )
    VOCALS_OFF = (
        QT_TRANSLATE_NOOP("PresentCommand", "Vocals off"),
        ("V",),
        QT_TRANSLATE_NOOP("PresentCommand", "Vocals off (sing along) / back on"),
    )
    KEY_DOWN = (
        QT_TRANSLATE_NOOP("PresentCommand", "Key down"),
        ("Shift+J",),  # J alone shows the phones' join code (JOIN)
        QT_TRANSLATE_NOOP("PresentCommand", "Key a semitone lower"),
    )
    KEY_UP = (
        QT_TRANSLATE_NOOP("PresentCommand", "Key up"),
        ("Shift+K",),
        QT_TRANSLATE_NOOP("PresentCommand", "Key a semitone higher"),
    )
    SIDE_COLUMN = (
        QT_TRANSLATE_NOOP("PresentCommand", "Key idea beside the video"),
        ("E",),
        QT_TRANSLATE_NOOP("PresentCommand", "Show / hide the key idea beside the video"),
    )
    NEXT_SOURCES = (
        QT_TRANSLATE_NOOP("PresentCommand", "Next sources"),
        ("S",),
        QT_TRANSLATE_NOOP(
            "PresentCommand",
            "In a teaching pause, the next page of QR codes of the sources (if more than two)",
        ),
    )
    NOTES = (
        QT_TRANSLATE_NOOP("PresentCommand", "Teacher's notes on the screen"),
        ("N",),
        QT_TRANSLATE_NOOP(
            "PresentCommand",
            "Notes for the teacher and the time on the audience screen, for some seconds (again: hide)",
        ),
    )
    FULLSCREEN = (
        QT_TRANSLATE_NOOP("PresentCommand", "Fullscreen"),
        ("F", "F11"),
        QT_TRANSLATE_NOOP("PresentCommand", "Audience view fullscreen / in a window"),
    )
    JOIN = (
        QT_TRANSLATE_NOOP("PresentCommand", "Join code for phones"),
        ("J",),
        QT_TRANSLATE_NOOP(
            "PresentCommand",
            "Show / hide the QR code and address students open on their phones",
        ),
    )
    QUESTION = (
        QT_TRANSLATE_NOOP("PresentCommand", "Question: ask / reveal / close"),
        ("Q",),
        QT_TRANSLATE_NOOP(
            "PresentCommand",
            "At a teaching pause, the stanza's question: ask it, reveal the answer, close it",
        ),
    )


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
