"""What the audience view says back to the teacher: a short, large notice for every key (paused,
teaching pauses on, the new lyrics offset…), a small persistent pause mark and stanza counter,
and the teacher's notes on demand (N) — the only way notes ever reach the projector.

On one screen, or a laptop mirrored to a projector (the usual classroom), the audience view is
all the teacher sees: without these a pause or a G press would show nothing. Notices are children
of the audience window placed over the lyrics area, never over the video (libvlc's native window
paints over any Qt child); the marks are children of the lyrics view itself, so they go wherever
the lyrics go and vanish with them (teaching pause, black-out). Words follow the explanation
language, not the interface's: every text the audience may see is in
:mod:`.audience_text`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPropertyAnimation, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from karaoke.app.commands import PresentCommand
from karaoke.ui.present.audience_text import audience_text
from karaoke.ui.shared.icons import icon
from karaoke.ui.shared.theme import Theme, theme_named

#: How long a notice stays before it fades (ms), how long the fade takes, and how long the
#: teacher's notes stay (N again hides them at once).
NOTICE_MS = 1_500
FADE_MS = 400
NOTES_MS = 8_000
#: Text sizes as shares of the audience screen's height: a notice's headline (54 px on 1080p:
#: readable from the back, smaller than the current line's 1/12), its detail line, the notes'
#: body, and the persistent marks.
TITLE_SHARE = 1 / 20
DETAIL_SHARE = 1 / 34
NOTES_SHARE = 1 / 34
MARKS_SHARE = 1 / 36


def notice_text(language: str, key: str, /, **values: object) -> str:
    """The words for ``key`` (of :data:`~.audience_text.AUDIENCE_TEXT`) in ``language``, the
    explanations' language, with ``values`` put in."""
    return audience_text(language, key, **values)


@dataclass(frozen=True, slots=True)
class Shown:
    """What presenting is at after a command: what its notice says. ``stanza`` is the current
    stanza's index (None before the first) of ``stanzas``; ``text_percent`` the projector's
    text size (100 = the default)."""

    playing: bool
    teaching: bool
    offset_ms: int
    text_percent: int
    blacked_out: bool
    fullscreen: bool
    side_column: bool
    vocals_off: bool
    key_shift: int  # semitones
    stanza: int | None
    stanzas: int
    stanza_title: str


#: A notice: headline, detail line ("" for none) and transport icon name ("" for none).
Announcement = tuple[str, str, str]


def announcement(command: PresentCommand, shown: Shown, language: str) -> Announcement | None:
    """The notice after ``command`` has run, or None for the commands that show for themselves:
    a line step (the lyrics move), N (the notes), Esc (presenting ends), S (the codes change)."""

    def say(key: str, **values: object) -> str:
        return notice_text(language, key, **values)

    def on_off(on: bool, key: str, detail: str = "") -> Announcement:
        return (say(f"{key}_on"), detail, "") if on else (say(f"{key}_off"), "", "")

    def stanza() -> Announcement:
        if shown.stanza is None:
            return say("intro"), "", ""
        place = say("stanza", number=shown.stanza + 1, total=shown.stanzas)
        return place, shown.stanza_title, ""

    C = PresentCommand
    key = say("key", shift=signed(shown.key_shift)) if shown.key_shift else say("original_key")
    offset = say("offset", offset=signed(shown.offset_ms))
    size = say("size", percent=shown.text_percent)
    rules: dict[PresentCommand, Callable[[], Announcement]] = {
        C.PLAY: lambda: (
            (say("playing"), "", "play") if shown.playing else (say("paused"), "", "pause")
        ),
        C.TEACHING: lambda: on_off(shown.teaching, "teaching", say("teaching_on_detail")),
        C.OFFSET_DOWN: lambda: (say("earlier"), offset, ""),
        C.OFFSET_UP: lambda: (say("later"), offset, ""),
        C.BIGGER: lambda: (say("bigger"), size, ""),
        C.SMALLER: lambda: (say("smaller"), size, ""),
        C.BLACKOUT: lambda: on_off(shown.blacked_out, "black", say("black_on_detail")),
        C.NEXT_STANZA: stanza,
        C.PREVIOUS_STANZA: stanza,
        C.FULLSCREEN: lambda: on_off(shown.fullscreen, "fullscreen"),
        C.SIDE_COLUMN: lambda: on_off(shown.side_column, "side"),
        C.VOCALS_OFF: lambda: (say("vocals_off" if shown.vocals_off else "vocals_on"), "", ""),
        C.KEY_DOWN: lambda: (say("key_down"), key, ""),
        C.KEY_UP: lambda: (say("key_up"), key, ""),
    }
    rule = rules.get(command)
    return rule() if rule is not None else None


def signed(value: int) -> str:
    """``+50``, ``−100`` (a true minus sign), ``0``."""
    return f"{value:+d}".replace("-", "−") if value else "0"


class Notice(QFrame):
    """A box over the lyrics area: an icon and a headline (and a detail line), or the teacher's
    notes. Hidden until :meth:`announce` or :meth:`show_notes`; fades out by itself. A child of
    the audience window, outside its layout; :meth:`place` says which area it may cover."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.icon = QLabel()
        self.title = QLabel()
        self.detail = QLabel()
        self.body = QLabel()  # the notes
        for label in (self.title, self.detail, self.body):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.title.setWordWrap(False)  # a few words: kept on one line beside its icon
        head = QHBoxLayout()
        head.addStretch(1)
        head.addWidget(self.icon)
        head.addWidget(self.title)
        head.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.detail)
        column.addWidget(self.body, 1)
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.timeout.connect(self.fade_out)
        # The opacity effect is enabled only while fading: with it, every repaint of the lyrics
        # under the notice (each frame while playing) would re-render the notice off-screen.
        self._opacity = QGraphicsOpacityEffect(self)
        self._opacity.setEnabled(False)
        self.setGraphicsEffect(self._opacity)
        self.fade = QPropertyAnimation(self._opacity, b"opacity", self)
        self.fade.setDuration(FADE_MS)
        self.fade.setEasingCurve(QEasingCurve.Type.InQuad)
        self.fade.setStartValue(1.0)
        self.fade.setEndValue(0.0)
        self.fade.finished.connect(self.dismiss)
        self._area = QRect()
        self._screen_height = 1080
        self._theme = theme_named(None)
        self.showing_notes = False
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        background = QColor(theme.background)
        self.setStyleSheet(
            f"Notice {{ background: {background.name()}; border: 3px solid {theme.accent}; "
            "border-radius: 14px; }"
            f"QLabel {{ color: {theme.text}; background: transparent; border: none; }}"
        )

    def set_screen_height(self, pixels: int) -> None:
        """Size the text for a screen ``pixels`` high."""
        self._screen_height = pixels
        for label, share, bold in (
            (self.title, TITLE_SHARE, True),
            (self.detail, DETAIL_SHARE, False),
            (self.body, NOTES_SHARE, False),
        ):
            font = QFont(self.font())
            font.setPixelSize(max(12, round(pixels * share)))
            font.setBold(bold)
            label.setFont(font)
        margin = max(8, round(pixels * DETAIL_SHARE * 0.6))
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(margin * 2, margin, margin * 2, margin)

    def place(self, area: QRect) -> None:
        """The part of the parent the notice may cover (the lyrics area), in its coordinates."""
        self._area = QRect(area)
        if self.isVisible():
            self._fit()

    def announce(self, title: str, detail: str = "", icon_name: str = "") -> None:
        """Show ``title`` (with an optional detail line and a transport icon: ``play``,
        ``pause``) for :data:`NOTICE_MS`, then fade. Replaces whatever it showed."""
        self.showing_notes = False
        self.body.hide()
        self._show(title, detail, icon_name, NOTICE_MS)

    def show_notes(self, title: str, notes: str, detail: str) -> None:
        """The teacher's notes, under ``title`` and ``detail`` (the time), for
        :data:`NOTES_MS`."""
        self.showing_notes = True
        self.body.setText(notes)
        self.body.show()
        self._show(title, detail, "", NOTES_MS)

    def _show(self, title: str, detail: str, icon_name: str, hold_ms: int) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.icon.setVisible(bool(icon_name))
        if icon_name:
            size = self.title.font().pixelSize()
            self.icon.setPixmap(icon(icon_name, self._theme.sung).pixmap(size, size))
        self._stop_fading()
        self.show()
        self.raise_()  # above whichever page the audience window shows now
        self._fit()
        self.hold.start(hold_ms)

    def fade_out(self) -> None:
        """Fade away over :data:`FADE_MS`, then hide."""
        self.showing_notes = False
        self._opacity.setEnabled(True)
        self.fade.start()

    def _stop_fading(self) -> None:
        """Fully opaque again, drawn directly."""
        self.fade.stop()  # stopping is not finishing: no dismiss
        self._opacity.setEnabled(False)
        self._opacity.setOpacity(1.0)

    def dismiss(self) -> None:
        """Gone at once (N pressed again, presenting stopped, the fade over)."""
        self.hold.stop()
        self._stop_fading()
        self.showing_notes = False
        self.hide()

    def _fit(self) -> None:
        """As wide as its text needs (the notes: the whole area), near the top of the area."""
        parent = self.parentWidget()
        area = self._area if self._area.isValid() or parent is None else parent.rect()
        margin = round(self._screen_height * DETAIL_SHARE)
        most = area.adjusted(margin, margin // 2, -margin, -margin // 2)
        if self.showing_notes:
            width = most.width()
        else:
            self.setMaximumWidth(most.width())
            width = min(most.width(), self.sizeHint().width())
        height = min(most.height(), self.heightForWidth(width) if self.hasHeightForWidth() else 0)
        height = max(height, self.minimumSizeHint().height())
        self.setGeometry(most.x() + (most.width() - width) // 2, most.y(), width, height)


class StatusMarks(QWidget):
    """A small mark in the lyrics area's top-right corner: the pause sign while paused and the
    stanza counter ("2/10"). A child of the lyrics view, so it shows only with the lyrics."""

    def __init__(self, lyrics: QWidget) -> None:
        super().__init__(lyrics)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.paused = False
        self.counter = ""
        self._pixels = 30
        self._theme = theme_named(None)
        lyrics.installEventFilter(self)  # follow its size
        self._relayout()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_screen_height(self, pixels: int) -> None:
        self._pixels = max(12, round(pixels * MARKS_SHARE))
        self._relayout()

    def show_state(self, paused: bool, counter: str) -> None:
        """``counter``: "2/10", or "" before the first stanza."""
        if (paused, counter) != (self.paused, self.counter):
            self.paused, self.counter = paused, counter
            self._relayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._relayout()
        return False

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._pixels)
        font.setBold(True)
        return font

    def _relayout(self) -> None:
        """Size to the content, in the parent's top-right corner."""
        pad = self._pixels // 3
        metrics = QFontMetrics(self._font())
        width = pad * 2 + (metrics.horizontalAdvance(self.counter) if self.counter else 0)
        if self.paused:
            width += self._pixels + (pad if self.counter else 0)
        height = self._pixels + pad * 2
        parent = self.parentWidget()
        right = parent.width() if parent is not None else width
        self.setGeometry(right - width - pad, pad, width, height)
        self.setVisible(self.paused or bool(self.counter))
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = QColor(self._theme.background)
        background.setAlpha(200)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(self.rect(), self._pixels / 4, self._pixels / 4)
        pad = self._pixels // 3
        x = pad
        if self.paused:
            icon("pause", self._theme.sung).paint(
                painter, QRect(x, pad, self._pixels, self._pixels)
            )
            x += self._pixels + pad
        if self.counter:
            painter.setFont(self._font())
            painter.setPen(QColor(self._theme.dim))
            text_rect = QRect(x, 0, self.width() - x - pad, self.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, self.counter)
