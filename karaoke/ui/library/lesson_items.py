"""The running order of a lesson being built: its items in order, and the editor of one item.

An item is a song of the library (a :class:`~karaoke.core.library.LibraryEntry`) with the
stanzas it plays (a range, 1-based and inclusive as a teacher counts them), whether it makes
its teaching pauses, and notes for the teacher. :class:`RunningOrder` lists them ("1. Title —
stanzas 2–4, no pauses"), moves them up and down and removes them; :class:`ItemEditor` edits the
selected one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QWidget,
)

from karaoke.core.lesson import LessonItem
from karaoke.core.library import LibraryEntry


@dataclass(slots=True)
class Draft:
    """An item as it is being edited: ``first`` and ``last`` stanza numbers (1-based,
    inclusive, ``1 <= first <= last <= entry.stanzas``)."""

    entry: LibraryEntry
    first: int = 1
    last: int = 0
    teaching_pauses: bool = True
    notes: str = ""

    def __post_init__(self) -> None:
        self.last = self.last or max(1, self.entry.stanzas)

    @property
    def whole(self) -> bool:
        return self.first <= 1 and self.last >= self.entry.stanzas

    def item(self) -> LessonItem:
        """The lesson's item: ``stanzas`` None when it plays them all."""
        return LessonItem(
            song=self.entry.path,
            stanzas=None if self.whole else (self.first - 1, self.last),
            teaching_pauses=self.teaching_pauses,
            notes={"": self.notes.strip()} if self.notes.strip() else {},
        )

    def label(self, number: int) -> str:
        """What the running order shows: "2. El átomo — stanzas 1–3, no teaching pauses"."""
        parts = []
        if not self.whole:
            stanzas = (
                QCoreApplication.translate("LessonBuilder", "stanzas %1–%2")
                if self.first != self.last
                else QCoreApplication.translate("LessonBuilder", "stanza %1")
            )
            parts.append(stanzas.replace("%1", str(self.first)).replace("%2", str(self.last)))
        if not self.teaching_pauses:
            parts.append(QCoreApplication.translate("LessonBuilder", "no teaching pauses"))
        details = f" — {', '.join(parts)}" if parts else ""
        return f"{number}. {self.entry.title}{details}"


class RunningOrder(QListWidget):
    """The lesson's items in order; the current row is the one :class:`ItemEditor` edits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runningOrder")
        self.drafts: list[Draft] = []

    def add(self, entry: LibraryEntry) -> None:
        self.drafts.append(Draft(entry))
        self.refresh(len(self.drafts) - 1)

    def current(self) -> Draft | None:
        row = self.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def move_current(self, step: int) -> None:
        """Move the current item ``step`` places (-1 up, +1 down), staying in the list."""
        row = self.currentRow()
        target = row + step
        if 0 <= row < len(self.drafts) and 0 <= target < len(self.drafts):
            self.drafts[row], self.drafts[target] = self.drafts[target], self.drafts[row]
            self.refresh(target)

    def remove_current(self) -> None:
        row = self.currentRow()
        if 0 <= row < len(self.drafts):
            del self.drafts[row]
            self.refresh(min(row, len(self.drafts) - 1))

    def refresh(self, current: int | None = None) -> None:
        """Show the items again (numbers and labels), ``current`` selected."""
        keep = self.currentRow() if current is None else current
        self.blockSignals(True)  # one currentRowChanged below, not one per row
        self.clear()
        self.addItems([draft.label(number) for number, draft in enumerate(self.drafts, 1)])
        self.blockSignals(False)
        self.setCurrentRow(keep if 0 <= keep < len(self.drafts) else -1)
        self.currentRowChanged.emit(self.currentRow())


class ItemEditor(QWidget):
    """The selected item's stanzas, teaching pauses and notes. ``changed``: the item was
    edited (the running order shows it again)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemEditor")
        self.draft: Draft | None = None
        self.first, self.last = QSpinBox(self), QSpinBox(self)
        self.pauses, self.notes = QCheckBox(self), QLineEdit(self)
        for widget, name in (
            (self.first, "firstStanza"),
            (self.last, "lastStanza"),
            (self.pauses, "teachingPauses"),
            (self.notes, "itemNotes"),
        ):
            widget.setObjectName(name)
        self.to_label, self.stanzas_label, self.notes_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        stanzas = QHBoxLayout()
        stanzas.setContentsMargins(0, 0, 0, 0)
        for part in (self.first, self.to_label, self.last):
            stanzas.addWidget(part)
        stanzas.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.stanzas_label, stanzas)
        form.addRow("", self.pauses)
        form.addRow(self.notes_label, self.notes)
        self.stanzas_label.setBuddy(self.first)
        self.notes_label.setBuddy(self.notes)
        self.first.valueChanged.connect(self._on_first)
        self.last.valueChanged.connect(self._on_last)
        self.pauses.toggled.connect(self._on_pauses)
        self.notes.textChanged.connect(self._on_notes)  # show_draft sets it with no draft
        self.show_draft(None)

    def retranslate(self) -> None:
        self.stanzas_label.setText(QCoreApplication.translate("LessonBuilder", "Stan&zas:"))
        self.to_label.setText(QCoreApplication.translate("LessonBuilder", "to"))
        self.pauses.setText(QCoreApplication.translate("LessonBuilder", "Teaching &pauses"))
        self.notes_label.setText(QCoreApplication.translate("LessonBuilder", "&Notes:"))
        self.notes.setPlaceholderText(
            QCoreApplication.translate("LessonBuilder", "For the teacher only")
        )
        described = {
            self.first: (
                QCoreApplication.translate("LessonBuilder", "First stanza"),
                QCoreApplication.translate("LessonBuilder", "The first stanza it plays"),
            ),
            self.last: (
                QCoreApplication.translate("LessonBuilder", "Last stanza"),
                QCoreApplication.translate("LessonBuilder", "The last stanza it plays"),
            ),
            self.pauses: (
                QCoreApplication.translate("LessonBuilder", "Teaching pauses"),
                QCoreApplication.translate(
                    "LessonBuilder", "Pause after each stanza to explain it"
                ),
            ),
            self.notes: (
                QCoreApplication.translate("LessonBuilder", "Notes"),
                QCoreApplication.translate(
                    "LessonBuilder", "Notes for the teacher, never shown to the class"
                ),
            ),
        }
        for widget, (name, description) in described.items():
            # A spin box's own line edit takes the focus: a screen reader reads its name.
            inner = widget.lineEdit() if isinstance(widget, QSpinBox) else None
            for named in (widget, inner) if inner is not None else (widget,):
                named.setAccessibleName(name)
                named.setAccessibleDescription(description)

    def show_draft(self, draft: Draft | None) -> None:
        self.draft = None  # no edits while the controls are set
        count = max(1, draft.entry.stanzas) if draft else 1
        for spin in (self.first, self.last):
            spin.setRange(1, count)
        self.first.setValue(draft.first if draft else 1)
        self.last.setValue(draft.last if draft else 1)
        self.pauses.setChecked(draft.teaching_pauses if draft else True)
        self.notes.setText(draft.notes if draft else "")
        self.setEnabled(draft is not None)
        self.draft = draft

    def _on_first(self, value: int) -> None:
        if self.last.value() < value:
            self.last.setValue(value)
        self._edit(first=value)

    def _on_last(self, value: int) -> None:
        if self.first.value() > value:
            self.first.setValue(value)
        self._edit(last=value)

    def _on_pauses(self, on: bool) -> None:
        self._edit(teaching_pauses=on)

    def _on_notes(self, text: str) -> None:
        self._edit(notes=text)

    def _edit(self, **values: object) -> None:
        if self.draft is None:
            return
        for name, value in values.items():
            setattr(self.draft, name, value)
        self.changed.emit()
