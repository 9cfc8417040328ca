"""A song's Markdown, shown so that a package from someone else cannot reach out of it.

Every view of a song's Markdown (the explanation panel, the presenter console) is a
:class:`SafeTextBrowser`, or at least renders through :func:`set_safe_markdown` into a
:class:`PackageDocument`:

- **No raw HTML.** Qt parses the HTML in Markdown with its own HTML reader: an unclosed
  ``<script>`` or a stray ``</p>`` inside one swallowed the whole explanation, glossary and all
  (issue 14). :data:`MARKDOWN_FEATURES` turns HTML off (``MarkdownNoHTML``): a tag shows as the
  text typed.
- **Images only from inside the package.** A plain ``QTextDocument`` reads any local file an
  image names (``file:///…``, an absolute path, ``../..`` from the working folder) and decodes
  ``data:`` URLs itself when its owner returns nothing. :class:`PackageDocument` answers every
  resource itself: an image file inside the song's package folder (real path checked, at most
  :data:`MAX_IMAGE_BYTES`), else an empty image, so Qt's own loader never runs. Nothing is ever
  fetched from the network (Qt's text classes have no network loader; the tests watch a local
  server all the same).
- **Links only on a click, only http(s).** :class:`SafeTextBrowser` neither follows nor opens a
  link itself (``setOpenLinks(False)``, ``setOpenExternalLinks(False)``); its owner connects
  ``anchorClicked`` to :func:`karaoke.ui.shared.links.open_link`, which opens http(s) only.

``karaoke check`` reports what these rules leave out (``karaoke/core/markdown_safety.py``).
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QImageReader, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from karaoke.core.markdown_safety import image_problem
from karaoke.core.model import Song

_FEATURE = QTextDocument.MarkdownFeature
#: GitHub's Markdown (tables, strikethrough, autolinks) with raw HTML shown as text.
MARKDOWN_FEATURES = _FEATURE.MarkdownDialectGitHub | _FEATURE.MarkdownNoHTML
#: A bigger image file is not read (a song's diagram is far smaller; a decompression bomb is
#: also bounded by Qt's own 256 MB allocation limit on decoding).
MAX_IMAGE_BYTES = 8 * 1024 * 1024
#: An image wider than the text (or than this, before the text has a width) is scaled down.
MAX_IMAGE_WIDTH_PX = 1200

_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def set_safe_markdown(document: QTextDocument, markdown: str) -> None:
    """Replace ``document``'s content with ``markdown`` rendered by :data:`MARKDOWN_FEATURES`."""
    document.setMarkdown(markdown, MARKDOWN_FEATURES)


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that shows exactly it: every ASCII punctuation mark escaped, line
    breaks as spaces (for plain-text fields, such as glossary terms, set inside Markdown)."""
    return _ASCII_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def tooltip_text(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written. Qt shows a tooltip as HTML whenever it
    looks like HTML (``<img src=file:///…>`` in a song's reference title was rendered, the file
    read), so a song's text goes in escaped, as rich text that displays the characters."""
    return f"<p>{html.escape(text)}</p>" if text else ""


def package_folder(song: Song | None) -> Path | None:
    """The folder a song's images may come from: its manifest's (None for bare lyrics)."""
    return song.manifest_path.parent if song is not None and song.manifest_path else None


def package_image(name: QUrl | str, folder: Path | None, max_width_px: int = 0) -> QImage:
    """The image ``name`` (as the Markdown wrote it) when it is a readable file inside
    ``folder``, scaled down to ``max_width_px`` if wider (0: :data:`MAX_IMAGE_WIDTH_PX`); else
    an empty image. The same rule as ``karaoke check`` (:func:`image_problem`)."""
    target = name.toString() if isinstance(name, QUrl) else name
    if image_problem(target, folder) is not None or folder is None:
        return QImage()
    path = os.path.realpath(os.path.join(folder, unquote(target.split("#", 1)[0].split("?", 1)[0])))
    try:
        if os.path.getsize(path) > MAX_IMAGE_BYTES:
            return QImage()
    except OSError:
        return QImage()
    image = QImageReader(path).read()
    width = max_width_px if max_width_px > 0 else MAX_IMAGE_WIDTH_PX
    if image.width() > width:
        return image.scaledToWidth(width)
    return image


class PackageDocument(QTextDocument):
    """A document whose resources come only from its song's package folder (images only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        # Answering loadResource ourselves bypasses Qt's resource cache, and Qt asks again at
        # every layout and paint: each image is read once per text width, until the text or
        # the folder changes.
        self._images: dict[tuple[str, int], QImage] = {}

    @property
    def package_folder(self) -> Path | None:
        return self._folder

    @package_folder.setter
    def package_folder(self, folder: Path | None) -> None:
        self._folder = folder
        self._images.clear()

    def setMarkdown(self, markdown: str, features: Any = MARKDOWN_FEATURES) -> None:
        self._images.clear()
        super().setMarkdown(markdown, features)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Never None: a null answer makes QTextDocument load the file or data: URL itself.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            key = (name.toString() if isinstance(name, QUrl) else str(name), int(self.textWidth()))
            if key not in self._images:
                self._images[key] = package_image(name, self._folder, key[1])
            return self._images[key]
        return QByteArray()


class SafeTextBrowser(QTextBrowser):
    """A read-only view of a song's Markdown: no raw HTML, images only from the package folder
    (:meth:`set_package_folder`), links never followed or opened by the view itself — connect
    ``anchorClicked`` to ``open_link``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = PackageDocument(self)
        self.setDocument(self._document)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def set_package_folder(self, folder: Path | None) -> None:
        """Images of the Markdown shown next may come from ``folder`` (None: no images)."""
        self._document.package_folder = folder

    def setMarkdown(self, markdown: str) -> None:
        set_safe_markdown(self._document, markdown)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return self._document.loadResource(kind, name)
