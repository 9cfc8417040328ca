"""The presenter console's running order of a lesson: a row per item (its song's title, the
stanzas it plays, its teaching pauses on or off), the current one marked, and the current
item's notes for the teacher under the list; a click asks to go to that item.

Every text is made in :meth:`RunningOrder.retranslate`, again on a language change; the notes
stay in the explanation language, as the console's other teacher texts do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from karaoke.core.lesson import Lesson, LessonItem, item_title
from karaoke.core.model import pick
from karaoke.ui.present.console_widgets import scaled_font
from karaoke.ui.present.stanza_list import CURRENT_MARK

#: Qt's translate, by a short name (lupdate finds the calls by it).
translate = QCoreApplication.translate

#: Rows shown before the list scrolls: a lesson is a handful of items, the stanzas need room.
VISIBLE_ROWS = 4


def item_summary(item: LessonItem) -> str:
    """What an item plays ("stanzas 1–4 · teaching pauses on"), in the interface's language."""
    if item.stanzas is None:
        stanzas = translate("RunningOrder", "whole song")
    elif item.stanzas[1] - item.stanzas[0] == 1:
        stanzas = translate("RunningOrder", "stanza %1").replace("%1", str(item.stanzas[0] + 1))
    else:
        first, end = item.stanzas
        stanzas = (
            translate("RunningOrder", "stanzas %1–%2")
            .replace("%1", str(first + 1))
            .replace("%2", str(end))
        )
    pauses = (
        translate("RunningOrder", "teaching pauses on")
        if item.teaching_pauses
        else translate("RunningOrder", "teaching pauses off")
    )
    return f"{stanzas} · {pauses}"


class RunningOrder(QWidget):
    """The lesson's items, the current one marked. Reached by Tab only (the console's rule)."""

    item_chosen = Signal(int)  # the item the teacher clicked

    def __init__(self, lesson: Lesson, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runningOrder")
        self.lesson, self.language = lesson, language
        self.current: int | None = None
        self._titles = [item_title(item) for item in lesson.items]
        self.heading = QLabel()
        self.heading.setFont(scaled_font(self.heading.font(), 1.0, bold=True))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a lesson's title is its author's
        self.heading.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("runningOrderItems")
        self.items.setFont(scaled_font(self.items.font(), 1.25))  # as the stanza list
        self.items.setWordWrap(True)
        self.items.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.items.itemClicked.connect(lambda item: self.item_chosen.emit(self.items.row(item)))
        self.notes = QLabel()
        self.notes.setObjectName("runningOrderNotes")
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.notes.setFont(scaled_font(self.notes.font(), 1.15))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 8)
        column.addWidget(self.heading)
        column.addWidget(self.items)
        column.addWidget(self.notes)
        for _ in lesson.items:
            self.items.addItem(QListWidgetItem())
        self.retranslate()

    def _fit_height(self) -> None:
        """As high as its rows (up to VISIBLE_ROWS) at the width it has: no empty band under
        them, no row cut (a row wraps in a narrow console, or in a longer language)."""
        rows = min(VISIBLE_ROWS, self.items.count())
        self.items.doItemsLayout()  # the rows' heights at the current width and texts
        model = self.items.model()
        height = sum(self.items.visualRect(model.index(row, 0)).height() for row in range(rows))
        self.items.setFixedHeight(height + 2 * self.items.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def show_current(self, index: int) -> None:
        """Mark item ``index`` as playing, keep it in view and show its notes."""
        self.current = index
        self.retranslate()
        if 0 <= index < self.items.count():
            self.items.setCurrentRow(index)
            self.items.scrollToItem(self.items.item(index))

    def retranslate(self) -> None:
        count = len(self.lesson.items)
        heading = translate("RunningOrder", "Running order: %1").replace(
            "%1", pick(self.lesson.title, self.language)
        )
        if self.current is not None:
            place = translate("RunningOrder", "item %1 of %2").replace("%1", str(self.current + 1))
            heading += f" ({place.replace('%2', str(count))})"
        self.heading.setText(heading)
        for row, item in enumerate(self.lesson.items):
            current = row == self.current
            mark = f"{CURRENT_MARK} " if current else ""
            entry = self.items.item(row)
            entry.setText(f"{mark}{row + 1}. {self._titles[row]} — {item_summary(item)}")
            entry.setFont(scaled_font(self.items.font(), 1.0, bold=current))
        notes = ""
        if self.current is not None and 0 <= self.current < count:
            notes = pick(self.lesson.items[self.current].notes, self.language)
        self.notes.setText(
            translate("RunningOrder", "Notes for this item: %1").replace("%1", notes)
            if notes
            else ""
        )
        self.notes.setVisible(bool(notes))
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
