"""A stanza's sources as a compact numbered list: each title a link (with the site it is on) and
a "Show QR" toggle that shows the source's QR code under it, for a class to open it on phones.

The controls (toggle, link descriptions) speak the interface's language and change with it
(:meth:`SourceList.retranslate`); the heading is given in the explanations' language.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from karaoke.core.model import Reference
from karaoke.ui.shared.qr import qr_pixmap
from karaoke.ui.shared.safe_markdown import tooltip_text


def site_of(url: str) -> str:
    """The host a link leads to, without ``www.``: who publishes it, at a glance."""
    host = QUrl(url).host()
    return host.removeprefix("www.")


class _EnterPresses(QObject):
    """Enter (or Return) presses the focused button, as in the presenter console: Space stays
    the player's play / pause everywhere, so a button cannot have it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QAbstractButton)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            watched.click()
            return True
        return False


_enter_presses: _EnterPresses | None = None


def press_on_enter(button: QAbstractButton) -> None:
    """Let Enter press ``button`` when it has the keyboard focus."""
    global _enter_presses
    if _enter_presses is None:
        _enter_presses = _EnterPresses()
    button.installEventFilter(_enter_presses)


class SourceRow(QWidget):
    """One source: ``number.``, the title as a link (keyboard: Tab then Enter), the site, and
    a checkable "Show QR" button; the QR code is made on first show (segno is slow to import)."""

    link_activated = Signal(str)
    #: The QR code was just shown: the panel scrolls so that it is in view.
    qr_shown = Signal(QWidget)

    def __init__(self, number: int, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.reference = reference
        number_label = QLabel(f"{number}.")
        self.link = QLabel()
        self.link.setWordWrap(True)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(False)
        self.qr = QLabel()
        self.qr.hide()
        self.qr_toggle: QPushButton | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(number_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.link, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        if reference.url:
            flags = Qt.TextInteractionFlag
            self.link.setTextInteractionFlags(
                flags.LinksAccessibleByMouse | flags.LinksAccessibleByKeyboard
            )
            # Tab reaches the link; a click opens it without taking the keys from the player.
            self.link.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.link.setToolTip(tooltip_text(reference.url))  # shown as written
            self.link.linkActivated.connect(self.link_activated)
            toggle = self.qr_toggle = QPushButton()
            toggle.setObjectName("showQr")
            toggle.setCheckable(True)
            toggle.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            toggle.toggled.connect(self._show_qr)
            press_on_enter(toggle)
            grid.addWidget(toggle, 0, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.qr, 1, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        self._render_link()
        self.retranslate()

    def retranslate(self) -> None:
        """The interface's texts again, in the language installed now."""
        url, title = self.reference.url, self.reference.title
        if self.qr_toggle is None:
            return
        toggle = self.qr_toggle
        shown = toggle.isChecked()
        toggle.setText(
            QCoreApplication.translate("ExplanationPanel", "Hide QR")
            if shown
            else QCoreApplication.translate("ExplanationPanel", "Show QR")
        )
        toggle.setAccessibleName(
            QCoreApplication.translate("ExplanationPanel", "QR code of source %1: %2")
            .replace("%1", str(self.number))
            .replace("%2", title)
        )
        toggle.setAccessibleDescription(
            QCoreApplication.translate(
                "ExplanationPanel",
                "Shows or hides, under the source, a QR code of its address for phones to scan",
            )
        )
        toggle.setToolTip(toggle.accessibleDescription())
        self.link.setAccessibleName(title)
        self.link.setAccessibleDescription(
            QCoreApplication.translate("ExplanationPanel", "Opens %1 in the web browser").replace(
                "%1", url
            )
        )
        self.qr.setAccessibleName(
            QCoreApplication.translate("ExplanationPanel", "QR code of %1").replace("%1", url)
        )

    def _render_link(self) -> None:
        """The title as a link in the palette's link colour, the site in the placeholder grey.
        Colours are read now, from the palette (a theme change renders again)."""
        palette = self.palette()
        title, url = escape(self.reference.title), self.reference.url
        if not url:
            self.link.setText(title)
            return
        link = palette.color(QPalette.ColorRole.Link).name()
        grey = palette.color(QPalette.ColorRole.PlaceholderText).name()
        self.link.setText(
            f'<a href="{escape(url)}" style="color: {link}">{title}</a>'
            f' <span style="color: {grey}">· {escape(site_of(url))}</span>'
        )

    def _show_qr(self, shown: bool) -> None:
        if shown and self.qr.pixmap().isNull():
            self.qr.setPixmap(qr_pixmap(self.reference.url))
        self.qr.setVisible(shown)
        self.retranslate()  # "Show QR" ↔ "Hide QR"
        if shown:
            self.qr_shown.emit(self.qr)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render_link()


class SourceList(QWidget):
    """The heading and one :class:`SourceRow` per source; hidden when there is none."""

    link_activated = Signal(str)
    qr_shown = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("sourcesHeading")
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.rows: list[SourceRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.heading)
        self.hide()

    def set_sources(self, references: tuple[Reference, ...], heading: str) -> None:
        """Show ``references`` under ``heading`` (in the explanations' language)."""
        for row in self.rows:
            self._layout.removeWidget(row)
            row.setParent(None)  # gone from the panel now (Tab, screen readers), freed later
            row.deleteLater()
        self.rows = []
        self.heading.setText(heading)
        for number, reference in enumerate(references, start=1):
            row = SourceRow(number, reference, self)
            row.link_activated.connect(self.link_activated)
            row.qr_shown.connect(self.qr_shown)
            self._layout.addWidget(row)
            self.rows.append(row)
        self.setVisible(bool(references))

    def focus_chain(self) -> list[QWidget]:
        """The controls Tab visits, in reading order: each link, then its QR toggle."""
        chain: list[QWidget] = []
        for row in self.rows:
            if row.qr_toggle is not None:
                chain += [row.link, row.qr_toggle]
        return chain

    def retranslate(self) -> None:
        for row in self.rows:
            row.retranslate()
