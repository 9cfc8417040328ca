"""What the class sees on the projector: the video, big lyrics and the current explanation.

Three pages: the song; a teaching pause (the stanza's explanation enlarged, with QR codes); and
black (black-out). Sizes follow the screen's height so text is readable from the back row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPalette, QScreen, QWheelEvent
from PySide6.QtWidgets import QGridLayout, QStackedLayout, QWidget

from karaoke.app.settings import TEXT_SCALE_STEP
from karaoke.core.model import Song
from karaoke.core.timeline import Timeline
from karaoke.ui.present.stanza_card import StanzaCard
from karaoke.ui.shared.lyrics_view import LyricsView
from karaoke.ui.shared.theme import Theme
from karaoke.ui.shared.widgets import MediaScreen

#: Explanation text size as a share of the screen height (27 px on 1080p), and when teaching.
EXPLANATION_SHARE = 1 / 40
TEACHING_SHARE = 1 / 24


class AudienceWindow(QWidget):
    text_scale_wheel = Signal(float)  # Ctrl+wheel: multiply the text size by this
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Karaoke de ciencia — audience")
        self.screen_stack = MediaScreen()
        self.video, self.card = self.screen_stack.video, self.screen_stack.card
        self.lyrics = LyricsView()
        self.lyrics.setCursor(Qt.CursorShape.BlankCursor)
        self.explanation = StanzaCard(with_codes=False)
        self.teaching = StanzaCard(with_codes=True)
        self.black = QWidget()
        self.black.setAutoFillBackground(True)
        palette = self.black.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.black.setPalette(palette)

        show = QWidget()
        grid = QGridLayout(show)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)
        grid.addWidget(self.screen_stack, 0, 0)
        grid.addWidget(self.explanation, 0, 1)
        grid.addWidget(self.lyrics, 1, 0, 1, 2)
        grid.setColumnStretch(0, 62)
        grid.setColumnStretch(1, 38)
        grid.setRowStretch(0, 45)
        grid.setRowStretch(1, 55)
        self.show_page = show
        self.pages = QStackedLayout(self)
        for page in (show, self.teaching, self.black):
            self.pages.addWidget(page)
        self._blackout = False

    # Pages ---------------------------------------------------------------------------------------

    def show_song(self) -> None:
        if not self._blackout:
            self.pages.setCurrentWidget(self.show_page)

    def show_teaching(self, song: Song, stanza: int, language: str) -> None:
        self.teaching.show_stanza(song, stanza, language)
        if not self._blackout:
            self.pages.setCurrentWidget(self.teaching)

    @property
    def blacked_out(self) -> bool:
        return self._blackout

    def set_blackout(self, on: bool, teaching: bool = False) -> None:
        self._blackout = on
        self.pages.setCurrentWidget(
            self.black if on else (self.teaching if teaching else self.show_page)
        )

    @property
    def page(self) -> str:
        current = self.pages.currentWidget()
        return (
            "black" if current is self.black else "teaching" if current is self.teaching else "song"
        )

    # Content and sizes -----------------------------------------------------------------------------

    def set_song(
        self, song: Song, timeline: Timeline, video: bool, translations: dict[int, str]
    ) -> None:
        self.lyrics.set_timeline(timeline)
        self.lyrics.set_translations(translations)
        self.card.set_text(song.title, song.subtitle)
        self.screen_stack.show_video(video)

    def set_theme(self, theme: Theme) -> None:
        self.lyrics.set_theme(theme)
        self.explanation.set_theme(theme)
        self.teaching.set_theme(theme)
        self.card.theme = theme
        self.card.update()
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.background))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def fit_to(self, screen: QScreen, text_scale: float) -> None:
        """Size every text from ``screen``'s height (and the user's scale for that screen)."""
        height = screen.geometry().height()
        self.lyrics.set_screen_height(height)
        self.lyrics.set_text_scale(text_scale)
        self.explanation.set_text_pixels(round(height * EXPLANATION_SHARE * text_scale))
        self.teaching.set_text_pixels(round(height * TEACHING_SHARE * text_scale))

    def place_on(self, screen: QScreen) -> None:
        """Fullscreen on ``screen``."""
        if self.windowHandle() is not None:
            self.windowHandle().setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = TEXT_SCALE_STEP if event.angleDelta().y() > 0 else 1 / TEXT_SCALE_STEP
            self.text_scale_wheel.emit(step)
            event.accept()
            return
        super().wheelEvent(event)
