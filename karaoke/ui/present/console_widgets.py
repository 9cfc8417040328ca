"""Parts of the presenter console: the big state badge, the labelled times, and the console's
words in the interface language (:data:`CONSOLE_TEXT`, the one place for them)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from karaoke.app.commands import PresentCommand
from karaoke.ui.present.screens import audience_screen
from karaoke.ui.shared.key_text import key_names

#: key → the console's English words (the catalog's source, context ``PresenterConsole``). The
#: console is the teacher's: it speaks the *interface's* language (:func:`console_text`), while
#: the song's own texts on it (titles, notes, explanation) stay in the explanations' language.
#: (``object`` only because PySide's ``QT_TRANSLATE_NOOP`` says so: each is a ``str``.)
CONSOLE_TEXT: dict[str, object] = {
    "playing": QT_TRANSLATE_NOOP("PresenterConsole", "PLAYING"),
    "paused": QT_TRANSLATE_NOOP("PresenterConsole", "PAUSED"),
    "teaching": QT_TRANSLATE_NOOP("PresenterConsole", "TEACHING PAUSE"),
    "continue": QT_TRANSLATE_NOOP("PresenterConsole", "→ to continue"),
    "black": QT_TRANSLATE_NOOP("PresenterConsole", "audience screen black"),
    "elapsed": QT_TRANSLATE_NOOP("PresenterConsole", "Elapsed"),
    "remaining": QT_TRANSLATE_NOOP("PresenterConsole", "Remaining"),
    "clock": QT_TRANSLATE_NOOP("PresenterConsole", "Clock"),
    "stanza": QT_TRANSLATE_NOOP("PresenterConsole", "Stanza {number}/{total}"),
    "untitled": QT_TRANSLATE_NOOP("PresenterConsole", "Stanza {number}"),
    "intro": QT_TRANSLATE_NOOP("PresenterConsole", "Before the first stanza"),
    "stanzas": QT_TRANSLATE_NOOP("PresenterConsole", "Stanzas"),
    "key_idea": QT_TRANSLATE_NOOP("PresenterConsole", "Key idea"),
    "notes": QT_TRANSLATE_NOOP("PresenterConsole", "Teacher's notes (only here; %1 projects them)"),
    "no_notes": QT_TRANSLATE_NOOP("PresenterConsole", "This stanza has no notes."),
    "content_note": QT_TRANSLATE_NOOP("PresenterConsole", "⚠ Content note (only here)"),
    "explanation": QT_TRANSLATE_NOOP("PresenterConsole", "The whole explanation"),
    "teach": QT_TRANSLATE_NOOP("PresenterConsole", "Teaching pauses (%1)"),
    "blackout": QT_TRANSLATE_NOOP("PresenterConsole", "Black out (%1)"),
    "screen": QT_TRANSLATE_NOOP("PresenterConsole", "Audience screen:"),
    "stop": QT_TRANSLATE_NOOP("PresenterConsole", "Stop presenting (%1)"),
    "title": QT_TRANSLATE_NOOP("PresenterConsole", "{app} — presenter console"),
    # What a screen reader says about each control, besides its name.
    "teach_help": QT_TRANSLATE_NOOP(
        "PresenterConsole", "Stop at the end of each stanza to explain it; Next continues"
    ),
    "blackout_help": QT_TRANSLATE_NOOP(
        "PresenterConsole", "Black out the audience screen, and bring the picture back"
    ),
    "stop_help": QT_TRANSLATE_NOOP(
        "PresenterConsole", "Back to the normal window, where the class was"
    ),
    "screen_item": QT_TRANSLATE_NOOP("PresenterConsole", "{index}: {name} {width}×{height}"),
    "primary": QT_TRANSLATE_NOOP("PresenterConsole", "primary"),
    "default": QT_TRANSLATE_NOOP("PresenterConsole", "audience by default"),
    "unnamed_screen": QT_TRANSLATE_NOOP("PresenterConsole", "screen"),
    "screen_help": QT_TRANSLATE_NOOP("PresenterConsole", "The screen the class sees"),
    "stanzas_help": QT_TRANSLATE_NOOP(
        "PresenterConsole", "%1 jumps to the start of the chosen stanza"
    ),
}


#: key → the key whose name, as Qt says it in the interface language ("Escape", "Av Pág"), fills
#: the ``%1`` of its words: never written into a sentence, so the words agree with the menus, F1
#: and the key sheet.
CONSOLE_KEYS = {
    "notes": PresentCommand.NOTES.keys[0],
    "teach": PresentCommand.TEACHING.keys[0],
    "blackout": PresentCommand.BLACKOUT.keys[0],
    "stop": PresentCommand.STOP.keys[0],
    "stanzas_help": "Enter",  # Return or the keypad's Enter (see the console's _KeyboardReach)
}


def console_text(key: str, /, **values: object) -> str:
    """The console's words for ``key`` in the interface's language, with ``values`` put in (and
    the key of :data:`CONSOLE_KEYS` for ``%1``)."""
    source = str(CONSOLE_TEXT[key])
    text = QCoreApplication.translate("PresenterConsole", source).format(**values)
    return text.replace("%1", key_names([CONSOLE_KEYS[key]])) if key in CONSOLE_KEYS else text


def screen_names() -> list[str]:
    """A line per screen for the console's list, in the interface language:
    "1: HDMI-1 1920×1080 (audience by default)"."""
    default, primary = audience_screen(), QGuiApplication.primaryScreen()
    names = []
    for index, screen in enumerate(QGuiApplication.screens()):
        size = screen.geometry().size()
        name = screen.name() or console_text("unnamed_screen")
        line = console_text(
            "screen_item", index=index, name=name, width=size.width(), height=size.height()
        )
        notes = [console_text(key) for key, on in (("primary", screen is primary),
                 ("default", screen is default)) if on]  # fmt: skip
        names.append(f"{line} ({', '.join(notes)})" if notes else line)
    return names


class PlayState(Enum):
    """What the badge says; its value is the badge's colour (dark text on it: 8:1 or more)."""

    PLAYING = "#69db7c"
    PAUSED = "#ffd43b"
    TEACHING = "#ff922b"


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """``base`` at ``factor`` times its size (point sizes, so it follows the desktop's scale)."""
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font


class StateBadge(QLabel):
    """PLAYING / PAUSED / TEACHING PAUSE — → to continue, big, on its colour: what the class is
    seeing, readable at a glance from beside the laptop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(scaled_font(self.font(), 2.0, bold=True))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(8)
        self.state = PlayState.PAUSED
        self.blacked_out = False
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._show()

    def show_state(self, state: PlayState, blacked_out: bool = False) -> None:
        if (state, blacked_out) != (self.state, self.blacked_out):
            self.state, self.blacked_out = state, blacked_out
            self._show()

    def _show(self) -> None:
        words = console_text(self.state.name.lower())
        if self.state is PlayState.TEACHING:
            words += " — " + console_text("continue")
        if self.blacked_out:
            words += " · " + console_text("black")
        self.setText(words)
        self.setStyleSheet(
            f"background: {self.state.value}; color: #101418; border-radius: 8px; padding: 4px 16px;"
        )


#: Makes a text in the interface's language when called (a lambda around a translation).
Text = Callable[[], str]


class StatusLine(QLabel):
    """The console's status line: what went wrong (a missing media file, a video that cannot
    play, why vocals off cannot work), each message a plain headline with its technical detail
    on the line below. Kept as functions that make the texts, so that on ``LanguageChange`` it
    says them again in the new language; plain text, as file names may hold "<" and "&"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._texts: list[Text] = []

    def say(self, *texts: Text) -> None:
        """Show ``texts`` (each made now and again on every language change), replacing what
        the line said."""
        self._texts = list(texts)
        self._show()

    def clear(self) -> None:
        """Say nothing (and nothing again after a language change)."""
        self._texts = []
        super().clear()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._show()

    def _show(self) -> None:
        self.setText("\n".join(text() for text in self._texts))


class TimeBox(QWidget):
    """A caption ("Remaining") over a big value ("−1:53")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.value = QLabel()
        self.value.setFont(scaled_font(self.font(), 2.0, bold=True))
        for label in (self.caption, self.value):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 0, 12, 0)
        column.setSpacing(0)
        column.addWidget(self.caption)
        column.addWidget(self.value)

    def set_value(self, text: str) -> None:
        if self.value.text() != text:  # once a frame while playing: only real changes
            self.value.setText(text)


class FitScroll(QScrollArea):
    """A column of labels that asks for the height its text needs, no more; when the window
    cannot give it, it scrolls instead of letting the text overlap (a long note, a small
    laptop)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        content = self.widget()
        width = self.viewport().width()
        if content is None or width <= 0:
            return super().sizeHint()
        return QSize(super().sizeHint().width(), content.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 60)

    def refit(self) -> None:
        """The text changed: ask the layout again."""
        self.updateGeometry()
