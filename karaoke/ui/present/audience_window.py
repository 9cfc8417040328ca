"""What the class sees on the projector: the video, big lyrics and the stanza's key idea.

Three pages: the song (the video and, beside it, the stanza's title and key idea — hidden with
E — over the lyrics); a teaching pause (the stanza as a slide, with QR codes of its sources); and
black (black-out). Sizes follow the screen's height so text is readable from the back row.

What the class reads follows the explanation language (:mod:`.audience_text`); the window's
title and what it tells a screen reader about itself, the interface's (the teacher hears it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QScreen, QWheelEvent
from PySide6.QtWidgets import QStackedLayout, QWidget

from karaoke import APP_NAME
from karaoke.app.settings import TEXT_SCALE_STEP
from karaoke.core.model import Song
from karaoke.core.timeline import Timeline
from karaoke.ui.present.key_idea_column import KeyIdeaColumn
from karaoke.ui.present.question_view import QuestionView
from karaoke.ui.present.teaching_slide import TeachingSlide
from karaoke.ui.shared.lyrics_view import LyricsView
from karaoke.ui.shared.theme import Theme, fill_background
from karaoke.ui.shared.widgets import MediaScreen

#: The video's row, as a share of the window's height; the lyrics take the rest.
VIDEO_ROW_SHARE = 0.45
#: The video's shape: beside it, the key idea takes the width a 16:9 picture leaves — but on a
#: 4:3 screen at least 38 % of it, enough for a key idea at 1/30 of the height.
VIDEO_ASPECT = 16 / 9
VIDEO_MAX_WIDTH_SHARE = 0.62


class SongPage(QWidget):
    """The video (left) and the key idea column (right) over the lyrics (full width).

    Placed by hand: the video keeps a 16:9 box so the column gets all the width the picture
    does not use, and nothing — VLC paints over Qt widgets — ever overlaps the video."""

    def __init__(self, media: MediaScreen, side: KeyIdeaColumn, lyrics: LyricsView) -> None:
        super().__init__()
        self.media, self.side, self.lyrics = media, side, lyrics
        for child in (media, side, lyrics):
            child.setParent(self)

    def arrange(self) -> None:
        width, height = self.width(), self.height()
        row = round(height * VIDEO_ROW_SHARE)
        if self.side.isHidden():
            video = width  # VLC letterboxes the picture in the wider box
        else:
            video = min(round(row * VIDEO_ASPECT), round(width * VIDEO_MAX_WIDTH_SHARE))
        self.media.setGeometry(0, 0, video, row)
        self.side.setGeometry(video, 0, width - video, row)
        self.lyrics.setGeometry(0, row, width, height - row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()


class AudienceWindow(QWidget):
    text_scale_wheel = Signal(float)  # Ctrl+wheel: multiply the text size by this
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._line_text = ""
        self.screen_stack = MediaScreen()
        self.video, self.card = self.screen_stack.video, self.screen_stack.card
        self.lyrics = LyricsView()
        self.lyrics.setCursor(Qt.CursorShape.BlankCursor)
        # No focus outline on the projector: the clicker's keys are shortcuts, and a screen
        # reader hears the current line from the window itself (describe_line).
        self.lyrics.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.key_idea = KeyIdeaColumn()
        self.teaching = TeachingSlide()
        self.question = QuestionView()  # a checkpoint, over the teaching slide (checkpoints.py)
        self._asking = False
        self.black = QWidget()
        fill_background(self.black, "black")

        show = SongPage(self.screen_stack, self.key_idea, self.lyrics)
        self.show_page = show
        self.pages = QStackedLayout(self)
        for page in (show, self.teaching, self.question, self.black):
            self.pages.addWidget(page)
        self._blackout = False
        self.retranslate()

    def retranslate(self) -> None:
        """The window's title and accessible name and description in the interface language."""
        self.setWindowTitle(
            QCoreApplication.translate("AudienceWindow", "{app} — audience view").format(
                app=APP_NAME
            )
        )
        self.setAccessibleName(QCoreApplication.translate("AudienceWindow", "Audience view"))
        self._describe()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def describe_line(self, text: str) -> None:
        """The line the class reads now (``""``: none), for a screen reader: the window's
        accessible description (Qt tells the reader when it changes; the lyrics view keeps its
        own, which says what the view is). Called every frame; sets it only when the line
        changes."""
        if text != self._line_text:
            self._line_text = text
            self._describe()

    def _describe(self) -> None:
        line = self._line_text.replace("\n", " / ")
        self.setAccessibleDescription(
            line
            or QCoreApplication.translate(
                "AudienceWindow", "The video, the lyrics and the key idea, for the class"
            )
        )

    # Pages ---------------------------------------------------------------------------------------

    def show_song(self) -> None:
        if not self._blackout:
            self.pages.setCurrentWidget(self.show_page)

    def show_teaching(self, song: Song, stanza: int, language: str) -> None:
        self.teaching.show_stanza(song, stanza, language)
        if not self._blackout:
            self.pages.setCurrentWidget(self.teaching)

    def set_asking(self, on: bool) -> None:
        """Show the question page over whatever was shown (on), or the teaching slide again
        (off); under a black-out, what shows when the picture comes back."""
        self._asking = on
        # Closing leaves the song alone: playing on closes the question after showing the song.
        if not self._blackout and (on or self.pages.currentWidget() is self.question):
            self.pages.setCurrentWidget(self.question if on else self.teaching)

    @property
    def side_column_visible(self) -> bool:
        return not self.key_idea.isHidden()

    def set_side_column_visible(self, on: bool) -> None:
        """Show or hide the key idea beside the video (E); hidden, the video takes its width."""
        self.key_idea.setVisible(on)
        self.show_page.arrange()

    def toggle_side_column(self) -> None:
        self.set_side_column_visible(not self.side_column_visible)

    @property
    def blacked_out(self) -> bool:
        return self._blackout

    def set_blackout(self, on: bool, teaching: bool = False) -> None:
        self._blackout = on
        back = self.question if self._asking else self.teaching if teaching else self.show_page
        self.pages.setCurrentWidget(self.black if on else back)

    @property
    def page(self) -> str:
        current = self.pages.currentWidget()
        return (
            "black" if current is self.black else "teaching" if current is self.teaching
            else "question" if current is self.question else "song"
        )  # fmt: skip

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
        self.key_idea.set_theme(theme)
        self.teaching.set_theme(theme)
        self.question.set_theme(theme)
        self.card.theme = theme
        self.card.update()
        fill_background(self, theme.background)

    def set_reading(self, *, wide_spacing: bool, easy_reading: bool) -> None:
        """The reading options (settings): wider spacing for the lyrics, and the easy-reading
        font for dyslexic readers on the lyrics, the key idea and the teaching slide."""
        self.lyrics.set_wide_spacing(wide_spacing)
        self.lyrics.set_easy_reading(easy_reading)
        self.key_idea.set_easy_reading(easy_reading)
        self.teaching.set_easy_reading(easy_reading)
        self.question.set_easy_reading(easy_reading)

    def fit_to(self, screen: QScreen, text_scale: float) -> None:
        """Size every text from ``screen``'s height (and the user's scale for that screen)."""
        self.fit_to_height(screen.geometry().height(), text_scale)

    def fit_to_height(self, height: int, text_scale: float = 1.0) -> None:
        """Size every text from a screen ``height`` pixels high, times ``text_scale``."""
        self.lyrics.set_screen_height(height)
        self.lyrics.set_text_scale(text_scale)
        self.key_idea.set_screen_height(height, text_scale)
        self.teaching.set_text_scale(text_scale)
        self.question.set_text_scale(text_scale)

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
