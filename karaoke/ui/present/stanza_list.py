"""The presenter console's list of stanzas: number, title and start time, the current one
marked; a click asks to jump to that stanza's start (as a presenter view's slide sorter)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from karaoke.core.model import Song, pick
from karaoke.core.timefmt import format_ms
from karaoke.core.timeline import Timeline
from karaoke.ui.present.console_widgets import console_text, scaled_font

#: Marks the current stanza's row (besides the selection colour, for a washed-out laptop screen).
CURRENT_MARK = "▶"


class StanzaList(QListWidget):
    """A row per stanza. Reached by Tab only (see the console's keyboard rules)."""

    stanza_chosen = Signal(int)  # the stanza index the teacher clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(scaled_font(self.font(), 1.25))
        self.setWordWrap(True)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.itemClicked.connect(lambda item: self.stanza_chosen.emit(self.row(item)))
        self.current: int | None = None
        self._titles: list[str] = []

    def set_song(self, song: Song, timeline: Timeline, language: str) -> None:
        """The stanzas of ``song``, each with its start in lyrics time (``m:ss``)."""
        self.clear()
        self._titles = []
        for index, stanza in enumerate(song.stanzas):
            title = pick(stanza.title, language) or console_text("untitled", number=index + 1)
            start = format_ms(timeline.stanza_start_ms(index), millis=False)
            self._titles.append(f"{index + 1}. {title}  ·  {start}")
            self.addItem(QListWidgetItem(self._titles[-1]))
        self.current = None

    def set_current(self, index: int | None) -> None:
        """Mark stanza ``index`` (None: before the first) and keep it in view."""
        if index == self.current:
            return
        for row in (self.current, index):
            if row is not None and 0 <= row < self.count():
                item = self.item(row)
                mark = f"{CURRENT_MARK} " if row == index else ""
                item.setText(mark + self._titles[row])
                item.setFont(scaled_font(self.font(), 1.0, bold=row == index))
        self.current = index
        if index is None or not 0 <= index < self.count():
            self.clearSelection()
            return
        self.setCurrentRow(index)
        self.scrollToItem(self.item(index))
