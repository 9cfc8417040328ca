"""Beside the video while the class sings: the stanza's title and its one-sentence key idea, large
enough for the back row (the key idea at least 1/30 of the screen height). Nothing scrolls: the
text wraps, and shrinks only as far as it must to fit. The full explanation is the console's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from karaoke.core.model import Song, pick
from karaoke.ui.present.audience_text import audience_text
from karaoke.ui.present.slide_text import key_idea
from karaoke.ui.present.text_fit import fit_scale, label_height, set_pixel_font, wrapped_label
from karaoke.ui.shared.theme import Theme, fill_background

#: Wanted sizes as shares of the screen height (49 px and 39 px on a 1080-line projector).
KEY_IDEA_SHARE = 1 / 22
TITLE_SHARE = 1 / 28
#: The smallest key idea a back row can read, as a share of the screen height: the text shrinks
#: below it only if it would otherwise be cut (a key idea has at most 120 characters, so it
#: does not on a landscape screen).
KEY_IDEA_MIN_SHARE = 1 / 30
#: Margin around the text, as a share of the screen height.
MARGIN_SHARE = 1 / 40


class KeyIdeaColumn(QWidget):
    """Shows one stanza's title and key idea (the title alone, at the key idea's size, when the
    stanza has none; the song's title and subtitle before the first stanza)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = wrapped_label(self)
        self.idea = wrapped_label(self)
        self._screen_height = 768
        self._text_scale = 1.0
        self.easy_reading = False
        self.shown: tuple[int | None, str] | None = None
        self._song: Song | None = None
        self.idea_pixels = 0  # as laid out, after any shrinking
        self.title_pixels = 0

    # What and how ----------------------------------------------------------------------------

    def show_stanza(self, song: Song, index: int | None, language: str) -> None:
        """Show stanza ``index`` of ``song`` (None: the song itself). Called every frame while
        playing, so it renders only when the stanza really changes."""
        if index is not None and not 0 <= index < len(song.stanzas):
            index = None
        if self.shown == (index, language) and self._song is song:
            return
        self._song, self.shown = song, (index, language)
        if index is None:
            title, idea = song.title, song.subtitle
        else:
            stanza = song.stanzas[index]
            title = pick(stanza.title, language) or audience_text(
                language, "untitled", number=index + 1
            )
            idea = key_idea(stanza, language)
        self.title.setText(title)
        self.idea.setText(idea)
        self.idea.setVisible(bool(idea))
        self.arrange()

    def set_theme(self, theme: Theme) -> None:
        fill_background(self, theme.background)
        self.title.setStyleSheet(f"color: {theme.accent};")
        self.idea.setStyleSheet(f"color: {theme.text};")

    def set_easy_reading(self, on: bool) -> None:
        """The easy-reading font (for dyslexic readers) or the usual one."""
        self.easy_reading = on
        self.arrange()

    def set_screen_height(self, pixels: int, text_scale: float = 1.0) -> None:
        """Size the text from the screen's height (and the user's scale for that screen)."""
        self._screen_height, self._text_scale = pixels, text_scale
        self.arrange()

    def text(self) -> str:
        """Everything the column shows, for tests: the audience must never see teacher notes."""
        return "\n".join(label.text() for label in (self.title, self.idea) if label.isVisible())

    # Layout -----------------------------------------------------------------------------------

    def _sizes(self, scale: float) -> tuple[int, int]:
        """(title, key idea) font pixels at ``scale``; a title alone takes the key idea's size."""
        idea = round(self._screen_height * KEY_IDEA_SHARE * scale)
        title = round(self._screen_height * TITLE_SHARE * scale)
        return (idea if self.idea.isHidden() else title), idea

    def _apply(self, scale: float) -> None:
        title, idea = self._sizes(scale)
        set_pixel_font(self.title, title, QFont.Weight.Bold, easy=self.easy_reading)
        set_pixel_font(self.idea, idea, QFont.Weight.DemiBold, easy=self.easy_reading)
        self.title_pixels, self.idea_pixels = title, idea

    def _needed(self, scale: float, width: int) -> int:
        self._apply(scale)
        gap = round(self.idea_pixels * 0.5) if not self.idea.isHidden() else 0
        return label_height(self.title, width) + gap + label_height(self.idea, width)

    def arrange(self) -> None:
        """Fit the text to the column and centre it vertically."""
        margin = round(self._screen_height * MARGIN_SHARE)
        width = max(40, self.width() - 2 * margin)
        available = max(20, self.height() - 2 * margin)
        scale = fit_scale(lambda s: self._needed(s, width), available, self._text_scale)
        needed = self._needed(scale, width)
        top = margin + max(0, (available - needed) // 2)
        title_height = label_height(self.title, width)
        self.title.setGeometry(margin, top, width, title_height)
        gap = round(self.idea_pixels * 0.5)
        self.idea.setGeometry(
            margin, top + title_height + gap, width, label_height(self.idea, width)
        )
        for label in (self.title, self.idea):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def labels(self) -> list[QLabel]:
        return [self.title, self.idea]
