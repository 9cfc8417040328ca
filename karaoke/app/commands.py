"""Every command of the three programs as data: its menu label, its keys and its help line.

One table per program (an :class:`~enum.Enum` whose members are the commands). The windows make
their menus and shortcuts from it (:func:`karaoke.ui.shared.actions.bind_actions`, which pairs
each member with a slot), F1 lists it (:func:`keys_html`) and the README's key tables are made
from it (:func:`keys_markdown`; a test keeps them equal). No Qt here: a phone page can list and
send the same commands.

Keys are ``QKeySequence`` strings; the first is the one a menu shows. A command without keys is
in the menus but not in the key tables.
"""

from __future__ import annotations

from enum import Enum, unique
from html import escape

#: Steps shared by the commands and the code that carries them out.
SEEK_STEP_MS = 5_000
OFFSET_STEP_MS = 50
RATE_STEP = 0.1
#: Playback speed range (pitch kept).
RATE_MIN, RATE_MAX = 0.5, 1.5
#: How far the key may be shifted either way, in semitones (VLC's pitch filter goes to 12, but
#: voices sound cartoonish well before that).
KEY_SHIFT_MAX = 6


class Command(Enum):
    """A command: ``label`` (menu text, ``&`` before the mnemonic), ``keys``, ``help`` (the line
    in F1 and the README; the label without ``&`` and ``…`` when empty)."""

    def __init__(self, label: str, keys: tuple[str, ...] = (), help: str = "") -> None:
        self.label = label
        self.keys = keys
        self.help = help or label.replace("&", "").rstrip("…")


@unique
class PlayerCommand(Command):
    """The player window."""

    PLAY = ("&Play / pause", ("Space",), "Play / pause")
    BACK = ("Back 5 s", ("Left",), "Back 5 seconds")
    FORWARD = ("Forward 5 s", ("Right",), "Forward 5 seconds")
    PREVIOUS_LINE = ("Previous line", ("Up", "PgUp"))
    NEXT_LINE = ("Next line", ("Down", "PgDown"))
    PREVIOUS_STANZA = ("Previous stanza", ("Ctrl+Up", "Shift+PgUp"))
    NEXT_STANZA = ("Next stanza", ("Ctrl+Down", "Shift+PgDown"))
    SLOWER = ("Slower", ("[",), "Slower (down to 0.5×, pitch kept)")
    FASTER = ("Faster", ("]",), "Faster (up to 1.5×)")
    NORMAL_SPEED = ("Normal speed", ("=",))
    OFFSET_DOWN = ("Lyrics earlier (−50 ms)", ("G",), "Lyrics 50 ms earlier (like VLC)")
    OFFSET_UP = ("Lyrics later (+50 ms)", ("H",), "Lyrics 50 ms later (like VLC)")
    VOCALS_OFF = (
        "&Vocals off (sing along)",
        ("V",),
        "Vocals off (sing along): the instrumental track, or the voice filtered out",
    )
    KEY_DOWN = ("Key down", ("J",), "Key a semitone lower (speed kept)")
    KEY_UP = ("Key up", ("K",), "Key a semitone higher (speed kept)")
    ORIGINAL_KEY = ("Original key",)
    PANEL = ("&Explanation panel", ("E",), "Show / hide the explanation panel")
    FULLSCREEN = ("&Fullscreen", ("F", "F11"))
    LEAVE_FULLSCREEN = ("Leave fullscreen", ("Esc",))
    BIGGER = ("Bigger text", ("+", "Ctrl++"), "Bigger lyrics (also Ctrl + mouse wheel)")
    SMALLER = ("Smaller text", ("-", "Ctrl+-"), "Smaller lyrics")
    RESET_TEXT = ("Normal text size", ("Ctrl+0",), "Normal lyrics size")
    PRESENT = (
        "&Present to a class",
        ("F5", "Shift+F5"),
        "Present to a class (audience screen + presenter console)",
    )
    TEACHING = (
        "&Teaching pauses",
        ("T",),
        "Teaching pauses: stop at the end of each stanza to explain it",
    )
    OPEN = ("&Open song…", ("Ctrl+O",), "Open a song")
    OPEN_MEDIA = ("Open &media…",)
    OPEN_LYRICS = ("Open &lyrics…",)
    TIME_LYRICS = ("&Time lyrics…",)
    QUIT = ("&Quit", ("Ctrl+Q",))
    WIDE_SPACING = ("&Wider spacing",)
    HELP = ("&Keyboard shortcuts", ("F1",), "This list")
    ABOUT = ("&About",)


@unique
class PresentCommand(Command):
    """While presenting to a class (a presentation clicker's keys first)."""

    NEXT = ("Next", ("PgDown", "Right", "Down"), "Next line — or, in a teaching pause, continue")
    PREVIOUS = ("Previous line", ("PgUp", "Left", "Up"))
    NEXT_STANZA = ("Next stanza", ("Ctrl+Down", "Shift+PgDown"))
    PREVIOUS_STANZA = ("Previous stanza", ("Ctrl+Up", "Shift+PgUp"))
    PLAY = ("Play / pause", ("Space", "F5", "Shift+F5"))
    BLACKOUT = ("Black out", ("B", "."), "Black out the audience screen / bring it back")
    TEACHING = ("Teaching pauses", ("T",), "Teaching pauses on / off")
    STOP = ("Stop presenting", ("Esc",), "Stop presenting (back to the normal window)")
    BIGGER = (
        "Bigger text",
        ("+", "Ctrl++"),
        "Bigger text on this projector (also Ctrl + wheel; remembered per screen)",
    )
    SMALLER = ("Smaller text", ("-", "Ctrl+-"), "Smaller text on this projector")
    OFFSET_DOWN = ("Lyrics earlier", ("G",), "Lyrics 50 ms earlier")
    OFFSET_UP = ("Lyrics later", ("H",), "Lyrics 50 ms later")
    VOCALS_OFF = ("Vocals off", ("V",), "Vocals off (sing along) / back on")
    KEY_DOWN = ("Key down", ("J",), "Key a semitone lower")
    KEY_UP = ("Key up", ("K",), "Key a semitone higher")
    SIDE_COLUMN = ("Key idea beside the video", ("E",), "Show / hide the key idea beside the video")
    NEXT_SOURCES = (
        "Next sources",
        ("S",),
        "In a teaching pause, the next page of QR codes of the sources (if more than two)",
    )
    NOTES = (
        "Teacher's notes on the screen",
        ("N",),
        "Notes for the teacher and the time on the audience screen, for some seconds (again: hide)",
    )
    FULLSCREEN = ("Fullscreen", ("F", "F11"), "Audience view fullscreen / in a window")


@unique
class TimingCommand(Command):
    """The timing editor. A clicker sends PgDn/→ ("next") and PgUp/← ("back"), so next taps
    and back undoes: a whole song can be timed with the clicker alone. ``[``/``]`` nudge a start
    as in subtitle editors; ``Shift+[`` is ``{`` on most layouts, so the bigger 100 ms step is on
    Ctrl. Brackets need AltGr on Spanish keyboards: every nudge also has an arrow key
    (Ctrl+arrows: start, Alt+arrows: end, with Shift: 100 ms)."""

    TAP = (
        "&Tap: next line starts",
        ("Space", "Return", "Enter", "PgDown", "Right"),
        "Tap: the next line starts now (ends the line before); while paused, play",
    )
    END = (
        "&End the current line",
        ("E",),
        "The current line ends now (otherwise the next start ends it)",
    )
    WORDS = ("&Word mode", ("W",), "Word mode on / off: each tap starts the next word")
    UNDO = ("&Undo", ("Backspace", "Ctrl+Z", "PgUp", "Left"), "Undo the last tap or change")
    CHOOSE_PREVIOUS = ("Choose the line above", ("Up",))
    CHOOSE_NEXT = ("Choose the line below", ("Down",))
    RETAP = (
        "&Re-tap from the chosen line",
        ("R",),
        "Re-tap from the chosen line (plays from a little before it)",
    )
    START_EARLIER = ("Start 10 ms earlier", ("[", "Ctrl+Left"), "Chosen line starts 10 ms earlier")
    START_LATER = ("Start 10 ms later", ("]", "Ctrl+Right"), "Chosen line starts 10 ms later")
    START_EARLIER_MORE = (
        "Start 100 ms earlier",
        ("Ctrl+[", "Ctrl+Shift+Left"),
        "Chosen line starts 100 ms earlier",
    )
    START_LATER_MORE = (
        "Start 100 ms later",
        ("Ctrl+]", "Ctrl+Shift+Right"),
        "Chosen line starts 100 ms later",
    )
    END_EARLIER = (
        "End 10 ms earlier",
        ("{", "Alt+[", "Alt+Left"),
        "Chosen line ends 10 ms earlier",
    )
    END_LATER = ("End 10 ms later", ("}", "Alt+]", "Alt+Right"), "Chosen line ends 10 ms later")
    END_EARLIER_MORE = (
        "End 100 ms earlier",
        ("Ctrl+{", "Alt+Shift+Left"),
        "Chosen line ends 100 ms earlier",
    )
    END_LATER_MORE = (
        "End 100 ms later",
        ("Ctrl+}", "Alt+Shift+Right"),
        "Chosen line ends 100 ms later",
    )
    LOOP = ("&Loop the chosen line", ("L",), "Loop the chosen line (again: stop)")
    PLAY = ("&Play / pause", ("P", "Ctrl+Space"), "Play / pause")
    BACK = ("Back 5 s", ("Shift+Left",), "Back 5 seconds")
    FORWARD = ("Forward 5 s", ("Shift+Right",), "Forward 5 seconds")
    TO_START = ("To the start", ("Home",), "To the start of the media")
    SLOWER = ("Slower", ("-",), "Slower (down to 0.5×, pitch kept)")
    FASTER = ("Faster", ("+", "="), "Faster (up to 1×)")
    SAVE = ("&Save", ("Ctrl+S",), "Save")
    SAVE_AS = ("Save &as…", ("Ctrl+Shift+S",), "Save as… (.srt, or .lrc to keep word timings)")
    SAVE_PACKAGE = (
        "Save as song &package…",
        ("Ctrl+Shift+P",),
        "Save as a song package (folder with song.toml)",
    )
    HELP = ("&Keys", ("F1",), "This list")
    CLOSE = ("&Close", ("Ctrl+W",), "Close the editor")


def keyed(commands: type[Command]) -> list[Command]:
    """The commands that have keys, in table order: what the key tables list."""
    return [command for command in commands if command.keys]


def keys_html(commands: type[Command]) -> str:
    """An HTML table of keys and help lines (F1)."""
    rows = "".join(
        f"<tr><td><b>{escape(' / '.join(command.keys))}</b></td>"
        f"<td>{escape(command.help)}</td></tr>"
        for command in keyed(commands)
    )
    return f"<table cellspacing='6'>{rows}</table>"


def keys_markdown(commands: type[Command], heading: str = "action") -> str:
    """The same table in Markdown, for the README and the docs."""
    rows = "\n".join(
        f"| {' / '.join(f'`{key}`' for key in command.keys)} | {command.help} |"
        for command in keyed(commands)
    )
    return f"| keys | {heading} |\n| --- | --- |\n{rows}"
