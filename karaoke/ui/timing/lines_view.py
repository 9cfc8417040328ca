"""The timing editor's two views of the lines: the table of every line with its times, and the
big "next" prompt that says what the next tap will start. They show a
:class:`~karaoke.core.tapping.TapSession`; they never change it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem

from karaoke.core.tapping import TapSession
from karaoke.core.timefmt import format_ms

NUMBER, START, END, WORDS, TEXT = range(5)
NEXT_MARK = "▶"
SUNG_MARK = "♪"
SUNG_COLOR = "#ffc233"


class LinesView(QTreeWidget):
    """One row per line: number (▶ the next to tap, ♪ the one playing), start, end, words, text.

    An end in italics is implied (the next start); an upright one was tapped or nudged. The
    selected row is the *chosen* line that R, L and the nudges act on. Keys never reach it (the
    window owns them): it takes no focus.
    """

    line_chosen = Signal(int)  # the person clicked a row
    line_activated = Signal(int)  # double-click: play from there

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(5)
        self.setHeaderLabels(["#", "Start", "End", "Words", "Line"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.2 if font.pointSizeF() > 0 else 11)
        self.setFont(font)
        self.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = self.header()
        header.setStretchLastSection(True)
        for column in (NUMBER, START, END, WORDS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.setColumnHidden(WORDS, True)
        self.itemClicked.connect(lambda item, _column: self.line_chosen.emit(self._row(item)))
        self.itemDoubleClicked.connect(
            lambda item, _column: self.line_activated.emit(self._row(item))
        )
        self._sung: int | None = None

    def _row(self, item: QTreeWidgetItem) -> int:
        return self.indexOfTopLevelItem(item)

    def show_session(self, taps: TapSession, chosen: int, *, words: bool) -> None:
        """Rebuild every row from ``taps`` (cheap: a song has tens of lines)."""
        while self.topLevelItemCount() > len(taps):
            self.takeTopLevelItem(self.topLevelItemCount() - 1)
        while self.topLevelItemCount() < len(taps):
            self.addTopLevelItem(QTreeWidgetItem())
        self.setColumnHidden(WORDS, not words)
        palette = self.palette()
        dim = QBrush(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        normal = QBrush(palette.color(QPalette.ColorRole.Text))
        stanza_tint = QBrush(palette.color(QPalette.ColorRole.AlternateBase))
        plain = QBrush(Qt.BrushStyle.NoBrush)
        breaks = set(taps.stanza_starts)
        stanza = -1
        for index in range(len(taps)):
            stanza += index in breaks
            item = self.topLevelItem(index)
            assert item is not None  # the rows were just made to match ``taps``
            start, end = taps.start_ms(index), taps.end_ms(index)
            mark = NEXT_MARK if index == taps.cursor else SUNG_MARK if index == self._sung else ""
            item.setText(NUMBER, f"{mark} {index + 1}".strip())
            item.setText(START, format_ms(start) if start is not None else "—")
            item.setText(END, format_ms(end) if end is not None else "—")
            count = len(taps.words(index))
            tapped = taps.words_tapped(index)
            item.setText(WORDS, f"{tapped}/{count}" if tapped else "")
            item.setText(TEXT, taps.text(index).replace("\n", " / "))
            timed = start is not None
            for column in range(5):
                item.setForeground(column, normal if timed else dim)
                item.setBackground(column, stanza_tint if stanza % 2 else plain)
            end_font = QFont(self.font())
            end_font.setItalic(timed and not taps.has_explicit_end(index))
            item.setFont(END, end_font)
            for column in (NUMBER, TEXT):
                font = QFont(self.font())
                font.setBold(index == taps.cursor)
                item.setFont(column, font)
            if index == self._sung:
                item.setForeground(NUMBER, QBrush(QColor(SUNG_COLOR)))
        self.choose(chosen)

    def choose(self, index: int) -> None:
        """Select row ``index`` and keep it in view (no ``line_chosen``: the window asked)."""
        item = self.topLevelItem(index)
        if item is None:
            return
        self.blockSignals(True)
        self.setCurrentItem(item)
        self.blockSignals(False)
        self.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def set_sung(self, index: int | None, taps: TapSession) -> None:
        """Mark the line playing now (only its old and new rows change)."""
        if index == self._sung:
            return
        old, self._sung = self._sung, index
        for row in (old, index):
            if row is None or (item := self.topLevelItem(row)) is None:
                continue
            playing = row == index
            mark = NEXT_MARK if row == taps.cursor else SUNG_MARK if playing else ""
            item.setText(NUMBER, f"{mark} {row + 1}".strip())
            color = QColor(SUNG_COLOR) if playing else self.palette().color(QPalette.ColorRole.Text)
            item.setForeground(NUMBER, QBrush(color))


class NextLinePanel(QLabel):
    """What the next tap does, in large type: "Next ▶ 4 · Con tensorflow…" (in word mode, the
    next word underlined), with the line playing now above it."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContentsMargins(12, 6, 12, 6)
        self.setMinimumHeight(72)

    def show_state(self, taps: TapSession, sung: int | None, *, word_mode: bool) -> None:
        size = max(16, int(self.font().pointSizeF() * 1.6)) if self.font().pointSizeF() > 0 else 18
        now = ""
        if sung is not None:
            now = (
                f"<div style='color:#9aa4ad'>Now {sung + 1} · {escape(_one_row(taps.text(sung)))}"
                "</div>"
            )
        target, word = self._next(taps, word_mode)
        if target is None and not taps.has_explicit_end(len(taps) - 1):
            body = "Last line: <b>tap</b> when it ends, or <b>Ctrl+S</b> to save."
        elif target is None:
            body = (
                "All lines are timed. <b>Ctrl+S</b> saves; choose a line and press <b>R</b> "
                "to re-tap from it."
            )
        else:
            label = "Next word" if word is not None else "Next"
            body = (
                f"<b>{label} {NEXT_MARK} {target + 1}</b> · {self._line_html(taps, target, word)}"
            )
        self.setText(f"{now}<div style='font-size:{size}pt'>{body}</div>")

    @staticmethod
    def _next(taps: TapSession, word_mode: bool) -> tuple[int | None, int | None]:
        """The line (and word, in word mode) the next tap starts."""
        current = taps.current
        if word_mode and current is not None and 0 < taps.word_cursor < len(taps.words(current)):
            return current, taps.word_cursor
        if taps.cursor >= len(taps):
            return None, None
        return taps.cursor, (0 if word_mode and taps.words(taps.cursor) else None)

    @staticmethod
    def _line_html(taps: TapSession, index: int, word: int | None) -> str:
        text = _one_row(taps.text(index))
        if word is None:
            return escape(text)
        char, token = taps.words(index)[word]
        return (
            escape(text[:char])
            + f"<span style='color:{SUNG_COLOR}; text-decoration:underline'>{escape(token)}</span>"
            + escape(text[char + len(token) :])
        )


def _one_row(text: str) -> str:
    return text.replace("\n", " / ")
