"""The lyrics: the line being sung, large, with a karaoke wipe; the previous line dimmed above it;
the next lines below; a mark where a new stanza begins. Click a line to jump there.

Reading options: wider spacing, and the easy-reading font (:mod:`karaoke.ui.shared.reading_font`).
Sizes are shares of the widget (or screen) height, never below the application font, which
follows the desktop's font scaling. The view takes keyboard focus with Tab (so a screen reader
can name it) and then draws a focus outline; a click jumps to a line without taking focus.

Painting is cheap and local: layouts are built when the line or the size changes, and a moving
wipe repaints only the strip it crossed, only when it has moved by a pixel. Nothing is repainted
while the position does not change (paused). Each frame works on numbers measured when the line
was laid out (:class:`~karaoke.ui.shared.lyrics_layout.Wipe`), and a repaint draws only what
reaches its rectangle (the focus outline and a stanza mark are skipped when a strip is far from
them): at 60 frames a second, each call into Qt through the bindings counts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from karaoke.core.timeline import LineTiming, Timeline
from karaoke.ui.shared.lyrics_layout import Placed, Wipe, layout_line, measure_wipe
from karaoke.ui.shared.lyrics_paint import (
    Corners,
    color,
    corners,
    meet,
    paint_focus,
    paint_stanza_mark,
    reaches_focus_frame,
    render_line,
)
from karaoke.ui.shared.reading_font import easy_reading_font
from karaoke.ui.shared.theme import Theme, singer_slots, theme_named

#: Current line font height as a share of the widget height, before the user's text scale.
CURRENT_LINE_SHARE = 0.16
#: With a screen size reference (projection): the current line is 1/12 of the screen height,
#: readable from the back of a classroom.
SCREEN_HEIGHT_DIVISOR = 12
#: Neighbour lines' font size relative to the current line's.
NEIGHBOUR_SCALE = 0.6
MARGIN_SHARE = 0.04


# What a laid-out row of the view is.
CURRENT, UPCOMING, PREVIOUS, NEIGHBOUR, SECOND_NEXT, TRANSLATION = (
    "current", "upcoming", "previous", "next", "second next", "translation",
)  # fmt: skip
MIN_PIXEL_SIZE = 12


class LyricsView(QWidget):
    """Shows the lines around the current one. Feed it lyrics times with :meth:`set_position`."""

    line_clicked = Signal(int)  # index of the line the user clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 160)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Tab reaches it (a screen reader names it); a click jumps to a line, not to focus.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._timeline: Timeline | None = None
        self._theme = theme_named(None)
        self._text_scale = 1.0
        self._current: int | None = None
        self._position_ms = 0
        self._wipe_px = (
            -1
        )  # last painted wipe position (pixels into the current line), for dirty checks
        self._placed: list[Placed] = []
        self._wipe: Wipe | None = None  # the current line's, measured when it is laid out
        self._timing: LineTiming | None = None  # the current line's wipe map, for each frame
        self._message = ""
        self._pixel_size = 0
        self._pixmap_key: tuple | None = None
        self._pixmaps: tuple[QPixmap, QPixmap] | None = None
        self._screen_height: int | None = None
        self._wide = False
        self._easy_reading = False
        self._translations: dict[int, str] = {}
        self._singer_slots: dict[str, int] = {}  # a duet's singers → their colours (theme.py)
        self.retranslate()

    def retranslate(self) -> None:
        """The view's accessible name and description in the interface's language (the message
        shown without lyrics is the window's, set again by it)."""
        self.setAccessibleName(QCoreApplication.translate("LyricsView", "Lyrics"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "LyricsView",
                "The line being sung, large, between the line before and the next lines; "
                "click a line to jump there",
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:  # the desktop's font size changed
            self._relayout()
        super().changeEvent(event)

    # What to show ----------------------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None) -> None:
        self._timeline = timeline
        self._current = None
        self._singer_slots = (
            singer_slots(line.singer for line in timeline.lines) if timeline else {}
        )
        self._relayout()

    def set_message(self, text: str) -> None:
        """Text shown when there are no lyrics (e.g. a song that failed to load)."""
        self._message = text
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_text_scale(self, scale: float) -> None:
        self._text_scale = scale
        self._relayout()

    @property
    def current_line(self) -> int | None:
        return self._current

    def current_font(self) -> QFont:
        """The font the current line is wanted in (before any shrinking to fit): a share of the
        widget's height, or of the screen's when a size reference is set, times the text scale."""
        if self._screen_height:
            wanted = self._screen_height / SCREEN_HEIGHT_DIVISOR
        else:
            wanted = self.height() * CURRENT_LINE_SHARE
        return self._font(max(self.min_pixel_size(), round(wanted * self._text_scale)), big=True)

    def min_pixel_size(self) -> int:
        """The smallest current line, in pixels: the widget's font as the desktop scales it (a
        user who enlarged the desktop's fonts never gets lyrics smaller than the menus)."""
        return max(MIN_PIXEL_SIZE, QFontInfo(self.font()).pixelSize())

    def set_screen_height(self, pixels: int | None) -> None:
        """Size the current line from the screen's height (projection) instead of the widget's."""
        self._screen_height = pixels
        self._relayout()

    def set_wide_spacing(self, on: bool) -> None:
        self._wide = on
        self._relayout()

    def set_easy_reading(self, on: bool) -> None:
        """The easy-reading font for dyslexic readers (Atkinson Hyperlegible, wider spacing)."""
        self._easy_reading = on
        self._pixmaps = None  # the cached current line was drawn in the other font
        self._relayout()

    @property
    def easy_reading(self) -> bool:
        return self._easy_reading

    def set_translations(self, translations: dict[int, str]) -> None:
        """A translation shown under each line, by line index (empty: none)."""
        self._translations = translations
        self._relayout()

    @property
    def current_pixel_size(self) -> int:
        """The current line's font size as laid out (after any shrinking to fit), in pixels."""
        return self._pixel_size

    def set_position(self, lyrics_ms: int) -> None:
        """Move to ``lyrics_ms``; repaints only what changed."""
        self._position_ms = lyrics_ms
        if self._timeline is None:
            return
        current = self._timeline.line_at(lyrics_ms)
        if current != self._current:
            self._current = current
            self._relayout()
            return
        wipe = self._wipe
        if wipe is not None:
            pixels = self._wipe_pixels(wipe)
            if pixels != self._wipe_px:
                old, self._wipe_px = self._wipe_px, pixels
                # Only the strip the wipe crossed: a few pixels a frame, not the whole line.
                for x, y, width, height in wipe.strips(old, pixels):
                    self.update(x, y, width, height)

    # Layout -------------------------------------------------------------------------------------

    def _relayout(self) -> None:
        self._placed = []
        self._wipe = None
        self._timing = None
        self._wipe_px = -1
        timeline = self._timeline
        if timeline is not None and timeline.lines:
            self._placed = self._place_lines(timeline)
            current = next((p for p in self._placed if p.kind == CURRENT), None)
            if current is not None:
                self._wipe = measure_wipe(current)
                self._timing = timeline.timing(current.index)
                self._wipe_px = self._wipe_pixels(self._wipe)
        self.update()

    def _place_lines(self, timeline: Timeline) -> list[Placed]:
        """Lay out the previous, current and next lines (and the current line's translation) so
        that they fit the widget.

        The current line is wanted at :meth:`current_font`'s size and wraps at word boundaries.
        When the block does not fit, the second next line goes first, then the previous line,
        and only then does the text shrink, as little as needed. Nothing is ever cut.
        """
        width, height = self.width(), self.height()
        margin = round(width * MARGIN_SHARE)
        text_width = max(50, width - 2 * margin)
        current = self._current
        lines = timeline.lines
        if current is None:  # before the first line: the first one, large, and the one after
            slots = [(0, UPCOMING), (1, NEIGHBOUR)]
        else:
            slots = [(current - 1, PREVIOUS), (current, CURRENT)]
            if self._translations.get(current):
                slots.append((current, TRANSLATION))
            slots += [(current + 1, NEIGHBOUR), (current + 2, SECOND_NEXT)]
        slots = [(i, kind) for i, kind in slots if 0 <= i < len(lines)]

        pixel_size = self.current_font().pixelSize()
        while True:
            fonts = self._fonts(pixel_size)
            gap = fonts[NEIGHBOUR].pixelSize() * 0.6
            laid = []
            for index, kind in slots:
                text = self._translations[index] if kind == TRANSLATION else lines[index].text
                laid.append((index, kind, layout_line(text, fonts[kind], margin, text_width)))
            heights = [layout.boundingRect().height() for _, _, layout in laid]
            total = sum(heights) + gap * (len(laid) + 1)
            if total <= height or pixel_size <= self.min_pixel_size():
                break
            droppable = next(
                (kind for kind in (SECOND_NEXT, PREVIOUS) if any(k == kind for _, k in slots)), None
            )
            if droppable is not None:
                slots = [(i, k) for i, k in slots if k != droppable]
                continue
            pixel_size = max(self.min_pixel_size(), int(pixel_size * 0.92))
        self._pixel_size = pixel_size

        # Put the current line a little above the middle, then keep the block inside the widget.
        focus = next((n for n, (_, kind, _) in enumerate(laid) if kind in (CURRENT, UPCOMING)), 0)
        above = sum(heights[:focus]) + gap * focus
        top = (height * 0.45 - heights[focus] / 2) - above
        top = max(gap, min(top, height - total + gap))
        placed = []
        for (index, kind, layout), h in zip(laid, heights, strict=True):
            rect = QRectF(margin, top, text_width, h).toAlignedRect().adjusted(-2, -2, 2, 2)
            placed.append(Placed(index, layout, top, rect, kind))
            top += h + (gap * 0.3 if kind == CURRENT and self._translations.get(index) else gap)
        return placed

    def _fonts(self, pixel_size: int) -> dict[str, QFont]:
        small = max(10, round(pixel_size * NEIGHBOUR_SCALE))
        translation = self._font(small, big=False)
        translation.setItalic(True)
        return {
            CURRENT: self._font(pixel_size, big=True),
            UPCOMING: self._font(pixel_size, big=True),
            PREVIOUS: self._font(small, big=False),
            NEIGHBOUR: self._font(small, big=False),
            SECOND_NEXT: self._font(small, big=False),
            TRANSLATION: translation,
        }

    def _font(self, pixel_size: int, *, big: bool) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixel_size)
        font.setWeight(QFont.Weight.DemiBold if big else QFont.Weight.Normal)
        if self._easy_reading:
            font = easy_reading_font(font)
        if self._wide:  # the wider-spacing reading option (on top of the easy-reading one's)
            percent = max(108.0, font.letterSpacing() + 4) if self._easy_reading else 108.0
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, percent)
            font.setWordSpacing(pixel_size * 0.25)
        return font

    def _sung_chars(self) -> float:
        """Characters of the current line sung at the position (see ``Timeline.sung_chars``)."""
        assert self._timing is not None
        return self._timing.sung_chars(self._position_ms)

    def _wipe_pixels(self, wipe: Wipe) -> int:
        """How far the wipe has gone, in pixels summed over the line's visual rows."""
        return wipe.pixels(self._sung_chars())

    # Painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        theme = self._theme
        dirty = event.rect()
        painter.fillRect(dirty, color(theme.background))
        if not self._placed:
            painter.setPen(color(theme.dim))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message
            )
        dirty_corners = corners(dirty)
        for placed in self._placed:
            if not meet(placed.corners, dirty_corners):
                continue
            if placed.kind == CURRENT:
                self._paint_current(painter, dirty_corners)
            else:
                # The first line, before it is sung, looks as it will once current: unsung.
                pen = theme.unsung if placed.kind == UPCOMING else theme.dim
                if placed.kind in (UPCOMING, NEIGHBOUR, SECOND_NEXT):  # who sings next, in a duet
                    pen = self._singer_color(placed.index, pen)
                painter.setPen(color(pen))
                placed.layout.draw(painter, QPointF(0, placed.top))
            starts_stanza = self._starts_stanza(placed.index) and placed.index != 0
            if starts_stanza and placed.kind != TRANSLATION:
                size = (self.width(), self.height())
                paint_stanza_mark(painter, placed, dirty_corners, size, theme.accent)
        # Last, so no line is drawn over it; only where the repaint reaches it.
        if self.hasFocus() and reaches_focus_frame(dirty_corners, self.width(), self.height()):
            paint_focus(painter, self.rect(), theme.accent)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()  # the whole view: the outline runs along every edge

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def _paint_current(self, painter: QPainter, dirty: Corners) -> None:
        """The current line from two cached renderings, unsung and sung: each frame only blits
        the few pixels the wipe crossed, instead of laying glyphs out again. The sung one is
        clipped to each row reached, skipping rows a pixel or more away from the repaint."""
        wipe = self._wipe
        assert wipe is not None
        unsung, sung_pixmap = self._current_pixmaps(wipe)
        x, y = wipe.box[0], wipe.box[1]
        painter.drawPixmap(x, y, unsung)
        sung = self._sung_chars()
        if sung <= 0:
            return
        top, bottom = dirty[1], dirty[3]
        clips = [c for c in wipe.sung_clips(sung) if c[1] <= bottom + 1 and c[1] + c[3] >= top - 1]
        if not clips:
            return
        painter.save()
        for clip in clips:
            painter.setClipRect(QRectF(*clip))
            painter.drawPixmap(x, y, sung_pixmap)
        painter.restore()

    def _current_pixmaps(self, wipe: Wipe) -> tuple[QPixmap, QPixmap]:
        """The current line drawn in the unsung (its singer's, in a duet) and in the sung colour,
        on the background. Unsung is a mid grey and sung a bright colour (dark on a light theme),
        so the wipe reads by brightness (:attr:`Theme.unsung`)."""
        placed = wipe.placed
        unsung = self._singer_color(placed.index, self._theme.unsung)
        # The layout itself, not its id(): a new line's layout can reuse a freed one's address,
        # and a line of the same size then showed the previous line's words (seen on screen).
        key = (placed.layout, wipe.box[2:], self._theme, unsung)
        if self._pixmaps is None or self._pixmap_key != key:
            ratio, background = self.devicePixelRatioF(), self._theme.background
            self._pixmaps = (
                render_line(placed, unsung, background, ratio),
                render_line(placed, self._theme.sung, background, ratio),
            )
            self._pixmap_key = key
        return self._pixmaps

    def _singer_color(self, index: int, default: str) -> str:
        """The colour of line ``index``'s singer in a duet, else ``default``."""
        singer = self._timeline.lines[index].singer if self._timeline else ""
        slot, colors = self._singer_slots.get(singer), self._theme.singers
        return default if slot is None or not colors else colors[slot % len(colors)]

    def _starts_stanza(self, index: int) -> bool:
        timeline = self._timeline
        return timeline is not None and timeline.starts_stanza(index)

    # Interaction and sizing ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        for placed in self._placed:
            if placed.rect.contains(point):
                self.line_clicked.emit(placed.index)
                return
        super().mousePressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def sizeHint(self) -> QSize:
        return QSize(900, 320)

    def placed_lines(self) -> list[tuple[int, QRect]]:
        """(line index, rectangle) of each line on screen, top to bottom; for tests and tools."""
        return [(p.index, QRect(p.rect)) for p in self._placed if p.kind != TRANSLATION]

    def placed_kinds(self) -> list[tuple[int, str, QRect]]:
        """(line index, kind, rectangle) of every row on screen, translations included."""
        return [(p.index, p.kind, QRect(p.rect)) for p in self._placed]
