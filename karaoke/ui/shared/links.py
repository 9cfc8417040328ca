"""Opening links from song files: only http(s), only on a click, in the system browser."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

SAFE_SCHEMES = frozenset({"http", "https"})


def is_safe_link(url: QUrl | str) -> bool:
    url = QUrl(url) if isinstance(url, str) else url
    return url.isValid() and url.scheme().lower() in SAFE_SCHEMES and bool(url.host())


def open_link(url: QUrl | str) -> bool:
    """Open ``url`` in the system browser if it is http(s); returns whether it was opened."""
    url = QUrl(url) if isinstance(url, str) else url
    return is_safe_link(url) and QDesktopServices.openUrl(url)
