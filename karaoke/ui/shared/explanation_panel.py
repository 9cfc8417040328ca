"""The side panel: the science behind the current stanza, as rendered Markdown, with its sources
as links and QR codes. It follows playback unless pinned to a stanza."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from karaoke.core.model import Song, Stanza, pick
from karaoke.ui.shared.links import open_link
from karaoke.ui.shared.qr import qr_pixmap

UI_TEXT = {
    "es": {"sources": "Fuentes", "glossary": "Glosario", "pin": "Fijar", "stanza": "Estrofa",
           "none": "Esta estrofa no tiene explicación.", "panel": "Explicación",
           "position": "Estrofa {number} de {total}", "continue": "→ / PgDn para continuar",
           "more_sources": "{key}: más fuentes ({page}/{pages})"},
    "en": {"sources": "Sources", "glossary": "Glossary", "pin": "Pin", "stanza": "Stanza",
           "none": "This stanza has no explanation.", "panel": "Explanation",
           "position": "Stanza {number} of {total}", "continue": "→ / PgDn to continue",
           "more_sources": "{key}: more sources ({page}/{pages})"},
}  # fmt: skip


def ui_text(language: str, key: str) -> str:
    return UI_TEXT.get(language, UI_TEXT["en"])[key]


class ExplanationPanel(QWidget):
    """Shows one stanza: title, explanation (Markdown), glossary, references with QR codes."""

    link_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._song: Song | None = None
        self._language = "es"
        self._shown: int | None = None
        self._followed: int | None = None

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName("explanationTitle")
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        self.title.setFont(title_font)
        self.pin_button = QToolButton()
        self.pin_button.setCheckable(True)
        self.pin_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_button.toggled.connect(self._on_pin_toggled)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.pin_button, 0, Qt.AlignmentFlag.AlignTop)

        self.body = QTextBrowser()
        body_font = self.body.font()
        body_font.setPointSizeF(body_font.pointSizeF() * 1.25)  # read from a step back
        self.body.setFont(body_font)
        self.body.setOpenLinks(False)
        self.body.anchorClicked.connect(self._open)
        self.body.setFrameShape(QFrame.Shape.NoFrame)

        self.references = QWidget()
        self.references_layout = QGridLayout(self.references)
        self.references_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidget(self.references)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(150)
        scroll.setMaximumHeight(320)
        self.references_scroll = scroll

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.body, 1)
        layout.addWidget(scroll)
        self._retranslate()

    # State ---------------------------------------------------------------------------------------

    @property
    def pinned(self) -> bool:
        return self.pin_button.isChecked()

    @property
    def shown_stanza(self) -> int | None:
        return self._shown

    def set_song(self, song: Song | None) -> None:
        self._song = song
        self._shown = self._followed = None
        self.pin_button.setChecked(False)
        self._render()

    def set_language(self, language: str) -> None:
        self._language = language
        self._retranslate()
        self._render()

    def follow(self, stanza_index: int | None) -> None:
        """Playback reached ``stanza_index``: show it unless pinned to another one."""
        self._followed = stanza_index
        if not self.pinned and stanza_index != self._shown and stanza_index is not None:
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

    # Rendering -------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.pin_button.setText(ui_text(self._language, "pin"))
        self.pin_button.setToolTip(
            "Mantener esta estrofa" if self._language == "es" else "Keep showing this stanza"
        )

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
            self.title.setText(self._song.title if self._song else "")
            self.body.setMarkdown(self._song_intro() if self._song else "")
            self._show_references(None)
            return
        number = (self._shown or 0) + 1
        title = pick(stanza.title, language) or f"{ui_text(language, 'stanza')} {number}"
        self.title.setText(f"<b>{escape(title)}</b>")
        markdown = pick(stanza.explanation, language) or f"*{ui_text(language, 'none')}*"
        if stanza.glossary:
            terms = "\n".join(
                f"- **{pick(term.term, language)}**: {pick(term.definition, language)}"
                for term in stanza.glossary
            )
            markdown += f"\n\n#### {ui_text(language, 'glossary')}\n\n{terms}\n"
        self.body.setMarkdown(markdown)
        self._show_references(stanza)

    def _song_intro(self) -> str:
        """Before the first stanza: the song's title, subtitle and credits."""
        song = self._song
        assert song is not None
        parts = [f"## {song.title}"]
        if song.subtitle:
            parts.append(f"*{song.subtitle}*")
        credits = []
        for credit in song.credits:
            role = pick(credit.role, self._language)
            credits.append(f"- {role}: {credit.name}" if role else f"- {credit.name}")
        if credits:
            parts.append("\n".join(credits))
        return "\n\n".join(parts)

    def _show_references(self, stanza: Stanza | None) -> None:
        grid = self.references_layout
        while grid.count():
            item = grid.takeAt(0)
            if item is not None and (widget := item.widget()):
                widget.deleteLater()
        references = stanza.references if stanza else ()
        self.references_scroll.setVisible(bool(references))
        if not references:
            return
        heading = QLabel(f"<b>{ui_text(self._language, 'sources')}</b>")
        grid.addWidget(heading, 0, 0, 1, 2)
        for row, reference in enumerate(references, start=1):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setOpenExternalLinks(False)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            if reference.url:
                label.setText(f'<a href="{escape(reference.url)}">{escape(reference.title)}</a>')
                label.setToolTip(reference.url)
                label.linkActivated.connect(self._open)
                code = QLabel()
                code.setPixmap(qr_pixmap(reference.url))
                code.setToolTip(reference.url)
                grid.addWidget(code, row, 1, Qt.AlignmentFlag.AlignTop)
            else:
                label.setText(escape(reference.title))
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)

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
