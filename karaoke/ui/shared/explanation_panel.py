"""The side panel: the science behind the current stanza — its title, the explanation (Markdown),
the glossary and the sources (links, QR codes on demand) in one column that scrolls as a whole.
It follows playback unless pinned to a stanza.

Two languages meet here. The words *around the content* ("Sources", "Glossary", "Stanza 3")
follow the explanations' language (:meth:`ExplanationPanel.set_language`), which may differ
from the interface's. The panel's *controls* (Pin, Show
QR, their descriptions) follow the interface's language and change with it live.

Colours come from the palette when the text is shown and again on every palette change, so a
theme switched while running restyles the panel, its links included (see ``theme.py``).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from karaoke.app.translations import translate_to
from karaoke.core.model import Song, Stanza, pick
from karaoke.ui.shared.links import open_link
from karaoke.ui.shared.rich_text import FittedTextBrowser
from karaoke.ui.shared.safe_markdown import escape_markdown, package_folder
from karaoke.ui.shared.scroll_column import ScrollColumn
from karaoke.ui.shared.source_list import SourceList, press_on_enter

#: The words around the explanations, in English. They follow the explanations' language, not
#: the interface's: :meth:`ExplanationPanel._content_text` translates them with ``translate_to``.
SOURCES = str(QT_TRANSLATE_NOOP("ExplanationPanel", "Sources"))
GLOSSARY = str(QT_TRANSLATE_NOOP("ExplanationPanel", "Glossary"))
STANZA = str(QT_TRANSLATE_NOOP("ExplanationPanel", "Stanza"))
NO_EXPLANATION = str(QT_TRANSLATE_NOOP("ExplanationPanel", "This stanza has no explanation."))


class ExplanationPanel(QWidget):
    """Shows one stanza: title, explanation (Markdown), glossary, then its sources with QR codes
    on demand, in one scrolling column; before the first stanza, the song's title and credits."""

    link_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._song: Song | None = None
        self._language = "es"
        self._shown: int | None = None
        self._followed: int | None = None

        self.title = QLabel()
        self.title.setObjectName("explanationTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # song files are untrusted text
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.pin_button = QToolButton()
        self.pin_button.setObjectName("pinStanza")
        self.pin_button.setCheckable(True)
        # Tab reaches it; a click does not take the keys away from the player.
        self.pin_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.pin_button.toggled.connect(self._on_pin_toggled)
        press_on_enter(self.pin_button)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.pin_button, 0, Qt.AlignmentFlag.AlignTop)

        self.body = FittedTextBrowser()
        self.body.setObjectName("explanationText")
        body_font = QFont(self.body.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.25)  # read from a step back
        self.body.setFont(body_font)
        self.body.document().setDocumentMargin(0)  # flush with the title and the sources
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(self._open)

        self.sources = SourceList()
        heading_font = QFont(self.sources.heading.font())
        heading_font.setPointSizeF(body_font.pointSizeF())  # as big as "Glossary" in the text
        self.sources.heading.setFont(heading_font)
        self.sources.link_activated.connect(self._open)
        self.sources.qr_shown.connect(self._bring_into_view)

        scrolling = self._column(header)
        self.scroll_area = scrolling.area
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling)
        self.retranslate()

    def _column(self, header: QHBoxLayout) -> ScrollColumn:
        """The one scroll area: header, text and sources stacked at their natural heights, the
        spare room (if any) at the bottom — never between the parts."""
        column = QWidget()
        column.setObjectName("explanationColumn")
        # One background for the whole column, the text's: the parts read as one page.
        column.setBackgroundRole(QPalette.ColorRole.Base)
        column.setAutoFillBackground(True)
        stack = QVBoxLayout(column)
        stack.addLayout(header)
        stack.addWidget(self.body)
        stack.addWidget(self.sources)
        stack.addStretch(1)
        self.column = column
        scrolling = ScrollColumn(column)
        scrolling.area.setObjectName("explanationScroll")
        return scrolling

    # State ---------------------------------------------------------------------------------------

    @property
    def pinned(self) -> bool:
        return self.pin_button.isChecked()

    @property
    def shown_stanza(self) -> int | None:
        return self._shown

    def set_song(self, song: Song | None) -> None:
        self._song = song
        self.body.set_package_folder(package_folder(song))
        self._shown = self._followed = None
        self.pin_button.setChecked(False)
        self._render()

    def set_language(self, language: str) -> None:
        """The explanations' language (``es``, ``en``…): the content and the words around it."""
        self._language = language
        self._render()

    def follow(self, stanza_index: int | None) -> None:
        """Playback reached ``stanza_index``: show it unless pinned to another one. Called at
        every frame: the pin button is asked only when the stanza changed."""
        self._followed = stanza_index
        if stanza_index != self._shown and stanza_index is not None and not self.pinned:
            self._shown = stanza_index
            self._render()

    def pin(self, stanza_index: int | None) -> None:
        """Keep showing ``stanza_index`` whatever plays; None unpins and follows playback again."""
        if stanza_index is None:
            self.pin_button.setChecked(False)
            return
        self._shown = stanza_index
        self.pin_button.setChecked(True)
        self._render()

    # Interface language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """The controls' texts in the interface's language (called again on LanguageChange)."""
        pin = self.pin_button
        pin.setText(QCoreApplication.translate("ExplanationPanel", "Pin"))
        pin.setAccessibleName(QCoreApplication.translate("ExplanationPanel", "Pin this stanza"))
        pin.setToolTip(
            QCoreApplication.translate(
                "ExplanationPanel", "Keep showing this stanza while the song plays on"
            )
        )
        pin.setAccessibleDescription(pin.toolTip())
        self.scroll_area.setAccessibleName(
            QCoreApplication.translate("ExplanationPanel", "Explanation")
        )
        self.scroll_area.setAccessibleDescription(
            QCoreApplication.translate(
                "ExplanationPanel", "The science behind the stanza being sung, with its sources"
            )
        )
        self.body.setAccessibleName(
            QCoreApplication.translate("ExplanationPanel", "Explanation of the stanza")
        )
        self.body.setAccessibleDescription(
            QCoreApplication.translate("ExplanationPanel", "The explanation and its glossary")
        )
        self.sources.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    # Rendering -------------------------------------------------------------------------------------

    def _stanza(self) -> Stanza | None:
        if (
            self._song is None
            or self._shown is None
            or not 0 <= self._shown < len(self._song.stanzas)
        ):
            return None
        return self._song.stanzas[self._shown]

    def _render(self) -> None:
        stanza = self._stanza()
        language = self._language
        if stanza is None:
            # The song's page: its title in the heading only (the text holds the credits).
            self.title.setText(self._song.title if self._song else "")
            self.body.setMarkdown(self._song_intro() if self._song else "")
            self.sources.set_sources((), "")
        else:
            number = (self._shown or 0) + 1
            title = pick(stanza.title, language) or f"{self._content_text(STANZA)} {number}"
            self.title.setText(title)
            markdown = (
                pick(stanza.explanation, language) or f"*{self._content_text(NO_EXPLANATION)}*"
            )
            if stanza.glossary:
                # Terms and definitions are plain text: shown as written, never as Markdown.
                terms = "\n".join(
                    f"- **{escape_markdown(pick(term.term, language))}**: "
                    f"{escape_markdown(pick(term.definition, language))}"
                    for term in stanza.glossary
                )
                markdown += f"\n\n#### {self._content_text(GLOSSARY)}\n\n{terms}\n"
            self.body.setMarkdown(markdown)
            self.sources.set_sources(stanza.references, self._content_text(SOURCES))
        self._chain_focus()
        self.scroll_area.verticalScrollBar().setValue(0)  # a new stanza reads from its top

    def _content_text(self, english: str) -> str:
        """``english`` (one of the words around the explanations) in the explanations'
        language; English when we lack that language."""
        return translate_to(self._language, "ExplanationPanel", english)

    def _song_intro(self) -> str:
        """Before the first stanza: the song's subtitle and credits (the title is the heading)."""
        song = self._song
        assert song is not None
        parts = []  # the subtitle and credits are plain text, shown as written (escaped)
        if song.subtitle:
            parts.append(f"*{escape_markdown(song.subtitle)}*")
        credits = []
        for credit in song.credits:
            role, name = (
                escape_markdown(pick(credit.role, self._language)),
                escape_markdown(credit.name),
            )
            credits.append(f"- {role}: {name}" if role else f"- {name}")
        if credits:
            parts.append("\n".join(credits))
        return "\n\n".join(parts)

    def focus_order(self) -> list[QWidget]:
        """The panel's controls in the order Tab visits them, the reading order: the column
        (the arrows scroll it), Pin, the text, then each source's link and QR toggle. Also the
        order of ``findChildren``, so a window ordering its parts that way agrees."""
        return [self.scroll_area, self.pin_button, self.body, *self.sources.focus_chain()]

    def _chain_focus(self) -> None:
        """Put the panel's controls in :meth:`focus_order` (rows made anew for each stanza
        would otherwise come last in the window), after whatever came before the column."""
        order = self.focus_order()
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    def _bring_into_view(self, widget: QWidget) -> None:
        """Scroll so that ``widget`` (a QR code just shown) is in view, once the layout has made
        room for it (on the next turn of the event loop; not at all if it is gone by then)."""
        QTimer.singleShot(0, widget, lambda: self.scroll_area.ensureWidgetVisible(widget, 0, 8))

    def _open(self, url: QUrl | str) -> None:
        if open_link(url):
            self.link_opened.emit(QUrl(url).toString() if isinstance(url, str) else url.toString())

    def _on_pin_toggled(self, pinned: bool) -> None:
        if not pinned and self._followed is not None and self._followed != self._shown:
            self._shown = self._followed
            self._render()

    def displayed_markdown(self) -> str:
        """The Markdown currently shown (for tests)."""
        return self.body.toMarkdown()
