"""QR codes for references, so a class can open a source on their phones (segno → QPixmap)."""

from __future__ import annotations

import io
from functools import lru_cache

from PySide6.QtGui import QPixmap


@lru_cache(maxsize=128)
def qr_pixmap(url: str, scale: int = 3) -> QPixmap:
    """A black-on-white QR code of ``url`` with a quiet zone, ``scale`` pixels per module."""
    import segno  # imported on first use: it pulls in urllib and email (~40 ms at start-up)

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
