"""What a window is saying now — its status line and its banner — kept as functions that make
each text, so that after a language change it can be said again in the new language (the
player window and the timing editor both keep theirs in a :class:`Messages`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar

from karaoke.ui.shared.widgets import Banner

#: Makes a text in the interface's language (a lambda around ``QCoreApplication.translate``).
Text = Callable[[], str]


class Messages:
    """The status line's last message (with its timeout) and the banner's lines."""

    def __init__(self, status_bar: QStatusBar, banner: Banner) -> None:
        self.status_bar, self.banner = status_bar, banner
        self._status: tuple[Text, int] | None = None
        self._banner: list[Text] = []
        banner.dismissed.connect(self._banner.clear)

    def status(self, text: Text, timeout_ms: int) -> None:
        """``text()`` on the status line for ``timeout_ms``."""
        self._status = (text, timeout_ms)
        self.status_bar.showMessage(text(), timeout_ms)

    def show_banner(self, text: Text) -> None:
        """``text()`` in the banner, under what it says already, until dismissed."""
        self._banner.append(text)
        self.banner.show_message(text())

    def say_again(self) -> None:
        """What is shown now, made again (in the language just installed); a status message
        that timed out stays gone."""
        if self._status is not None and self.status_bar.currentMessage():
            text, timeout_ms = self._status
            self.status_bar.showMessage(text(), timeout_ms)
        if self._banner and not self.banner.isHidden():
            self.banner.label.setText("\n".join(text() for text in self._banner))
