"""The timing editor's two views of the lines: the table of every line with its times, and the
big "next" prompt that says what the next tap will start, under the line being sung now. They
show a :class:`~karaoke.core.tapping.TapSession`; they never change it. Their words are in the
interface's language (context: the class name); the window shows them again on a language
change."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from karaoke.core.tapping import TapSession
from karaoke.core.timefmt import format_ms
from karaoke.ui.shared.theme import contrast_ratio
from karaoke.ui.timing.keys import key_name

NUMBER, START, END, WORDS, TEXT = range(5)
NEXT_MARK = "▶"
SUNG_MARK = "♪"
SUNG_COLOR = "#ffc233"
#: Item data (on every column of a stanza's first row, from the second stanza on): the stanza's
#: number, 1-based. Such a row is taller by a gap (:func:`stanza_gap`) holding a rule and
#: "Stanza 2" right above the row, as the blank line of the words file.
STANZA_ROLE = Qt.ItemDataRole.UserRole + 1
#: The gap above a stanza's first row, top to bottom, in px: room after the previous row, the
#: rule, room between the rule and the label, (the label), room between the label and its row.
#: More room above the label than below, so "Stanza 2" reads as the title of the row under it.
GAP_ABOVE_RULE_PX, RULE_PX, RULE_TO_LABEL_PX, LABEL_TO_ROW_PX = 8, 2, 4, 1
#: The label's type, times the list's font.
LABEL_SCALE = 0.85
#: WCAG's contrast for graphics and large text: the rule and the label against the list.
STANZA_CONTRAST = 3.0
#: The "Now" row's and the "Next" row's type, times the window's font (the list is 1.2×).
NOW_SCALE, NEXT_SCALE = 1.3, 1.6
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class StanzaGap:
    """Where the parts of a stanza's gap go, in px from the gap's top (the previous row's end);
    ``height`` is the whole gap, the row starting right under it."""

    rule_top: int
    label_top: int
    label_height: int
    height: int


def stanza_label_font(list_font: QFont) -> QFont:
    """The type of "Stanza 2": a little smaller than the lines, bold so it reads as a title."""
    font = QFont(list_font)
    font.setPointSizeF(max(7.0, font.pointSizeF() * LABEL_SCALE))
    font.setBold(True)
    return font


def stanza_gap(list_font: QFont) -> StanzaGap:
    """The gap above a stanza's first row, for a list in ``list_font``."""
    label_height = QFontMetrics(stanza_label_font(list_font)).height()
    rule_top = GAP_ABOVE_RULE_PX
    label_top = rule_top + RULE_PX + RULE_TO_LABEL_PX
    return StanzaGap(rule_top, label_top, label_height, label_top + label_height + LABEL_TO_ROW_PX)


def stanza_color(palette: QPalette) -> QColor:
    """The rule's and the label's colour: the palette's highlight (the theme's accent, as the
    focus frame), or the text colour where the highlight is too faint on the list's base
    (below :data:`STANZA_CONTRAST`). The palette's Mid, a bevel shade, vanished on the dark
    theme."""
    base = palette.color(QPalette.ColorRole.Base).name()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if contrast_ratio(highlight.name(), base) >= STANZA_CONTRAST:
        return highlight
    return palette.color(QPalette.ColorRole.Text)


class StanzaGapDelegate(QStyledItemDelegate):
    """Draws a row, and above a stanza's first row a gap with a rule and "Stanza 2"."""

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(STANZA_ROLE):
            size.setHeight(size.height() + stanza_gap(option.font).height)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        stanza = index.data(STANZA_ROLE)
        if not stanza:
            super().paint(painter, option, index)
            return
        rect = QRect(option.rect)
        gap = stanza_gap(option.font)
        palette = option.palette
        color = stanza_color(palette)
        painter.save()
        painter.fillRect(
            QRect(rect.left(), rect.top(), rect.width(), gap.height),
            palette.color(QPalette.ColorRole.Base),
        )
        painter.fillRect(
            QRect(rect.left(), rect.top() + gap.rule_top, rect.width(), RULE_PX), color
        )
        if index.column() == TEXT:
            painter.setFont(stanza_label_font(option.font))
            painter.setPen(color)
            label = QCoreApplication.translate("LinesView", "Stanza %1").replace("%1", str(stanza))
            label_rect = QRect(
                rect.left() + 4, rect.top() + gap.label_top, rect.width() - 8, gap.label_height
            )
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, label)
        painter.restore()
        row = QStyleOptionViewItem(option)
        row.rect = rect.adjusted(0, gap.height, 0, 0)
        super().paint(painter, row, index)


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
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)  # a stanza's first row is taller (the gap)
        self.setItemDelegate(StanzaGapDelegate(self))
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
        self.retranslate()

    def retranslate(self) -> None:
        """The header and the accessible name in the interface's language."""
        self.setHeaderLabels(
            [
                "#",
                QCoreApplication.translate("LinesView", "Start"),
                QCoreApplication.translate("LinesView", "End"),
                QCoreApplication.translate("LinesView", "Words"),
                QCoreApplication.translate("LinesView", "Line"),
            ]
        )
        self.setAccessibleName(QCoreApplication.translate("LinesView", "Lines"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "LinesView",
                "Every line with its start and end; the chosen line is selected (Up / Down)",
            )
        )

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
                item.setData(column, STANZA_ROLE, stanza + 1 if index in breaks and index else 0)
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


class NextLinePanel(QWidget):
    """What the next tap does, in large type: "Next ▶ 4 · Con tensorflow…" (in word mode, the
    next word underlined), under the line being sung now ("♪ Now 3 · …"), which is at least as
    large as the lines' list and in the window's text colour (the palette's, so every theme
    keeps its contrast)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.now_label = QLabel()
        self.next_label = QLabel()
        for label in (self.now_label, self.next_label):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setForegroundRole(QPalette.ColorRole.WindowText)
        base = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 10.0
        now_font = QFont(self.font())
        now_font.setPointSizeF(base * NOW_SCALE)
        self.now_label.setFont(now_font)
        next_font = QFont(self.font())
        next_font.setPointSizeF(max(16.0, base * NEXT_SCALE))
        self.next_label.setFont(next_font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(2)
        layout.addWidget(self.now_label)
        layout.addWidget(self.next_label)
        self.setMinimumHeight(72)

    def show_state(self, taps: TapSession, sung: int | None, *, word_mode: bool) -> None:
        """Say what is sung now and what the next tap does (again on a language change)."""
        now = ""
        if sung is not None:
            now = (
                QCoreApplication.translate("NextLinePanel", "♪ Now %1 · %2")
                .replace("%1", str(sung + 1), 1)
                .replace("%2", escape(_one_row(taps.text(sung))), 1)
            )
        self.now_label.setText(now)
        self.now_label.setVisible(bool(now))
        target, word = self._next(taps, word_mode)
        if target is None and not taps.has_explicit_end(len(taps) - 1):
            body = QCoreApplication.translate(
                "NextLinePanel", "Last line: <b>tap</b> when it ends, or <b>%1</b> to save."
            ).replace("%1", escape(key_name("Ctrl+S")))
        elif target is None:
            body = QCoreApplication.translate(
                "NextLinePanel",
                "All lines are timed. <b>%1</b> saves; choose a line and press <b>R</b> "
                "to re-tap from it.",
            ).replace("%1", escape(key_name("Ctrl+S")))
        else:
            if word is not None:
                label = QCoreApplication.translate("NextLinePanel", "Next word")
            else:
                label = QCoreApplication.translate("NextLinePanel", "Next")
            body = (
                f"<b>{escape(label)} {NEXT_MARK} {target + 1}</b> · "
                f"{self._line_html(taps, target, word)}"
            )
        self.next_label.setText(body)

    def text(self) -> str:
        """Both rows as shown (rich text), the line sung now first."""
        return self.now_label.text() + self.next_label.text()

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
