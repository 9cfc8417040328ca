"""The teaching pause, on the projector, laid out like a good slide: the stanza's title, the lines
just sung (in the lyrics' style), its two to four points, where we are ("Estrofa 2 de 10") and
how to go on ("→ / Av Pág para continuar", the key as Qt names it), and beside them one or two
large QR codes of its sources (a key pages through more).

Sizes are shares of the slide's height, so it reads the same on any projector; the text shrinks
only as far as it must to fit, nothing scrolls and nothing is cut. The full explanation and the
teacher's notes stay on the presenter console.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from karaoke.app.commands import PresentCommand
from karaoke.core.model import Song, pick
from karaoke.ui.present.audience_text import audience_text
from karaoke.ui.present.qr_pager import PAGE_SIZE, QrPager
from karaoke.ui.present.slide_text import points, stanza_lines
from karaoke.ui.present.text_fit import fit_scale, label_height, set_pixel_font, wrapped_label
from karaoke.ui.shared.theme import Theme, fill_background

#: Wanted font sizes as shares of the slide's height (on a 1080-line projector: 72, 51 and
#: 45 px), before shrinking to fit; the footer and captions do not shrink.
TITLE_SHARE = 1 / 15
POINTS_SHARE = 1 / 21
LYRICS_SHARE = 1 / 24
FOOTER_SHARE = 1 / 34
CAPTION_SHARE = 1 / 34
MARGIN_SHARE = 1 / 28
#: The QR column's width at most, as a share of the slide's width (on 4:3 screens the text needs
#: the rest).
CODES_WIDTH_SHARE = 0.34


class TeachingSlide(QWidget):
    """One stanza as a slide; :meth:`show_stanza` fills it, :meth:`next_sources_page` pages
    through its sources' codes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = wrapped_label(self)
        self.lyrics: list[QLabel] = []  # a label per sung line, so a wrapped line reads as one
        self.bullets: list[QLabel] = []
        self.points: list[QLabel] = []
        self.position = QLabel(self)
        self.continue_hint = QLabel(self)
        self.continue_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.sources = QrPager(self)
        self._text_scale = 1.0
        self.easy_reading = False
        self._theme: Theme | None = None
        self.shown: tuple[int, str] | None = None
        self.text_scale = 1.0  # as laid out: the share of the wanted sizes after fitting

    # Content ----------------------------------------------------------------------------------

    def show_stanza(self, song: Song, index: int, language: str) -> None:
        """Fill the slide with stanza ``index`` of ``song`` in ``language``; sources from their
        first page."""
        stanza = song.stanzas[index]
        self.shown = (index, language)
        self.title.setText(
            pick(stanza.title, language) or audience_text(language, "untitled", number=index + 1)
        )
        self._set_lines(stanza_lines(song, index), points(stanza, language))
        self.position.setText(
            audience_text(language, "position", number=index + 1, total=len(song.stanzas))
        )
        self.continue_hint.setText(audience_text(language, "continue"))
        # The template keeps its {key}, {page} and {pages}: the pager fills them per page.
        self.sources.set_hint(
            audience_text(language, "more_sources", key="{key}", page="{page}", pages="{pages}"),
            PresentCommand.NEXT_SOURCES.keys[0],
        )
        self.sources.set_references(stanza.references)
        self._recolor()
        self.arrange()

    def next_sources_page(self) -> None:
        """The next page of QR codes (after the last, the first again)."""
        if self.sources.next_page():
            self.arrange()

    def _set_lines(self, lyrics: tuple[str, ...], points: tuple[str, ...]) -> None:
        """A label per sung line, and a bullet and a label per point."""
        for label in [*self.lyrics, *self.bullets, *self.points]:
            label.hide()  # at once: deleteLater waits for the event loop, and grab() would show it
            label.deleteLater()
        self.lyrics = [wrapped_label(self, text) for text in lyrics]
        self.bullets = [QLabel("•", self) for _ in points]
        self.points = [wrapped_label(self, text) for text in points]
        for label in [*self.lyrics, *self.bullets, *self.points]:
            label.show()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        fill_background(self, theme.background)
        self._recolor()

    def _recolor(self) -> None:
        theme = self._theme
        if theme is None:
            return
        # The lines just sung in the wipe's colour, as the lyrics left them.
        for labels, color in (
            ([self.title, *self.points], theme.text),
            (self.lyrics, theme.sung),
            (self.bullets, theme.accent),
            ([self.position, self.continue_hint], theme.dim),
        ):
            for label in labels:
                label.setStyleSheet(f"color: {color};")
        self.sources.set_text_color(theme.text)

    def set_easy_reading(self, on: bool) -> None:
        """The easy-reading font (for dyslexic readers) or the usual one."""
        self.easy_reading = on
        self.arrange()

    def set_text_scale(self, scale: float) -> None:
        """The user's text scale for this projector (+/-): multiplies the wanted sizes."""
        self._text_scale = scale
        self.arrange()

    def text(self) -> str:
        """Everything the slide shows in words, for tests: never the teacher's notes."""
        labels = [self.title, *self.lyrics, *self.points, self.position, self.continue_hint]
        return "\n".join(label.text() for label in [*labels, *self.sources.captions])

    # Layout -----------------------------------------------------------------------------------

    def _apply(self, scale: float) -> None:
        height = self.height()
        easy = self.easy_reading
        set_pixel_font(
            self.title, round(height * TITLE_SHARE * scale), QFont.Weight.Bold, easy=easy
        )
        # The lyrics' style: the weight of the line being sung (lyrics_view.py).
        for label in self.lyrics:
            pixels = round(height * LYRICS_SHARE * scale)
            set_pixel_font(label, pixels, QFont.Weight.DemiBold, easy=easy)
        for label in [*self.points, *self.bullets]:
            set_pixel_font(label, round(height * POINTS_SHARE * scale), easy=easy)

    def _gap(self) -> int:
        return round(self.title.font().pixelSize() * 0.45)

    def _line_gap(self) -> int:
        """Between sung lines: a little, so that a wrapped line reads as one line."""
        return round(self.title.font().pixelSize() * 0.12)

    def _bullet_width(self) -> int:
        return round(self.title.font().pixelSize() * 0.55)

    def _needed(self, scale: float, width: int) -> int:
        """The height title, lyrics and points take at ``scale`` in a column ``width`` wide."""
        self._apply(scale)
        point_width, gap = width - self._bullet_width(), self._gap()
        title = label_height(self.title, width) + gap
        lyrics = sum(label_height(label, width) + self._line_gap() for label in self.lyrics) + gap
        points = sum(label_height(label, point_width) + gap // 2 for label in self.points)
        return title + lyrics + points

    def arrange(self) -> None:
        """Place everything from the slide's size (see the module's docstring)."""
        width, height = self.width(), self.height()
        if height < 50:
            return
        margin = round(height * MARGIN_SHARE)
        footer = self._arrange_footer(margin)
        body_height = height - 2 * margin - footer - margin // 2
        text_width = width - 2 * margin
        if self.sources.references:
            side = self._codes_side(body_height, width)
            self.sources.setGeometry(width - margin - side, margin, side, body_height)
            self.sources.arrange(side, round(height * CAPTION_SHARE))
            self.sources.show()
            text_width -= side + margin
        else:
            self.sources.hide()
        self.text_scale = fit_scale(
            lambda s: self._needed(s, text_width), body_height, self._text_scale
        )
        self._needed(self.text_scale, text_width)
        self._place_text(margin, margin, text_width)

    def _codes_side(self, body_height: int, width: int) -> int:
        """The side of each QR code: a full page of them with captions fills the body height."""
        caption = round(self.height() * CAPTION_SHARE)
        paged = self.sources.page_count > 1
        overhead = QrPager.reserved_height(0, caption, paged)
        return max(40, min((body_height - overhead) // PAGE_SIZE, round(width * CODES_WIDTH_SHARE)))

    def _arrange_footer(self, margin: int) -> int:
        """Place the footer (where we are, how to go on) at the bottom; returns its height."""
        pixels = round(self.height() * FOOTER_SHARE)
        for label in (self.position, self.continue_hint):
            set_pixel_font(label, pixels, easy=self.easy_reading)
        row = max(self.position.sizeHint().height(), self.continue_hint.sizeHint().height())
        top = self.height() - margin - row
        half = (self.width() - 2 * margin) // 2
        self.position.setGeometry(margin, top, half, row)
        self.continue_hint.setGeometry(margin + half, top, half, row)
        return row

    def _place_text(self, left: int, top: int, width: int) -> None:
        gap = self._gap()
        for label, after in [
            (self.title, gap),
            *((line, self._line_gap()) for line in self.lyrics),
        ]:
            label_height_px = label_height(label, width)
            label.setGeometry(left, top, width, label_height_px)
            top += label_height_px + after
        top += gap
        bullet_width = self._bullet_width()
        for bullet, point in zip(self.bullets, self.points, strict=True):
            point_height = label_height(point, width - bullet_width)
            bullet.setGeometry(left, top, bullet_width, bullet.sizeHint().height())
            point.setGeometry(left + bullet_width, top, width - bullet_width, point_height)
            top += point_height + round(gap * 0.5)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.arrange()
