"""Parts of the presenter console: the big state badge, the labelled times, and the console's
words in the explanation language (:data:`CONSOLE_TEXT`, the one place for them)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

CONSOLE_TEXT = {
    "es": {
        "playing": "REPRODUCIENDO", "paused": "EN PAUSA", "teaching": "PAUSA DIDÁCTICA",
        "continue": "→ para continuar", "black": "pantalla en negro",
        "elapsed": "Transcurrido", "remaining": "Queda", "clock": "Hora",
        "stanza": "Estrofa {number}/{total}", "intro": "Antes de la primera estrofa",
        "stanzas": "Estrofas", "key_idea": "Idea clave",
        "notes": "Notas para el profesor (solo aquí; N las proyecta)",
        "no_notes": "Esta estrofa no tiene notas.",
        "content_note": "⚠ Aviso sobre el contenido (solo aquí)",
        "explanation": "La explicación completa",
        "teach": "Pausas didácticas (T)", "blackout": "Pantalla en negro (B)",
        "screen": "Pantalla del público:", "stop": "Dejar de presentar (Esc)",
    },
    "en": {
        "playing": "PLAYING", "paused": "PAUSED", "teaching": "TEACHING PAUSE",
        "continue": "→ to continue", "black": "audience screen black",
        "elapsed": "Elapsed", "remaining": "Remaining", "clock": "Clock",
        "stanza": "Stanza {number}/{total}", "intro": "Before the first stanza",
        "stanzas": "Stanzas", "key_idea": "Key idea",
        "notes": "Teacher's notes (only here; N projects them)",
        "no_notes": "This stanza has no notes.",
        "content_note": "⚠ Content note (only here)",
        "explanation": "The whole explanation",
        "teach": "Teaching pauses (T)", "blackout": "Black out (B)",
        "screen": "Audience screen:", "stop": "Stop presenting (Esc)",
    },
}  # fmt: skip


def console_text(language: str, key: str, **values: object) -> str:
    """The console's words for ``key`` in ``language`` (English when it has none)."""
    return CONSOLE_TEXT.get(language, CONSOLE_TEXT["en"])[key].format(**values)


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
        self._language = "en"
        self._show()

    def set_language(self, language: str) -> None:
        self._language = language
        self._show()

    def show_state(self, state: PlayState, blacked_out: bool = False) -> None:
        if (state, blacked_out) != (self.state, self.blacked_out):
            self.state, self.blacked_out = state, blacked_out
            self._show()

    def _show(self) -> None:
        words = console_text(self._language, self.state.name.lower())
        if self.state is PlayState.TEACHING:
            words += " — " + console_text(self._language, "continue")
        if self.blacked_out:
            words += " · " + console_text(self._language, "black")
        self.setText(words)
        self.setStyleSheet(
            f"background: {self.state.value}; color: #101418; border-radius: 8px; padding: 4px 16px;"
        )


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
