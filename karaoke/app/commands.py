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
from karaoke.core.rate import RATE_MAX as RATE_MAX  # the speed range, for the rate steps
from karaoke.core.rate import RATE_MIN as RATE_MIN

#: Steps shared by the commands and the code that carries them out.
SEEK_STEP_MS = 5_000
OFFSET_STEP_MS = 50
RATE_STEP = 0.1
VOLUME_STEP = 5  # percent of the full volume (0-100)
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
