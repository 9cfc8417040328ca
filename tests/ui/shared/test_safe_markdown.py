"""A song's Markdown cannot reach out of its package: raw HTML shows as text (and no longer
blanks the explanation, issue 14), images load only from files inside the package (never from
the network: a real local server watches), links open only for http(s) and only on a click."""

from __future__ import annotations

import base64
import shutil
import threading
from array import array
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextCursor, QTextDocument

from karaoke.core.model import Reference, Song, pick
from karaoke.core.package import open_song
from karaoke.ui.present.qr_pager import QrCode, QrPager
from karaoke.ui.shared.explanation_panel import ExplanationPanel
from karaoke.ui.shared.rich_text import anchor_fragments
from karaoke.ui.shared.safe_markdown import (
    MAX_IMAGE_BYTES,
    PackageDocument,
    SafeTextBrowser,
    escape_markdown,
    package_image,
    set_safe_markdown,
    tooltip_text,
)
from karaoke.ui.shared.source_list import SourceRow
from tests.conftest import BUNDLED

RED, GREEN = QColor("#ff0000"), QColor("#00ff00")
IMAGE = QTextDocument.ResourceType.ImageResource.value


def png(color: QColor, size: int = 40) -> bytes:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(color)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes
    return bytes(buffer.data().data())


def shows(image: QImage, color: QColor) -> bool:
    """Whether any pixel of ``image`` is exactly ``color``."""
    pixels = array("I", bytes(image.convertToFormat(QImage.Format.Format_RGB32).constBits()))
    return (0xFF000000 | color.rgb()) in pixels


@pytest.fixture
def server(qapp) -> Iterator[tuple[int, list[str]]]:
    """A real HTTP server on loopback that serves a red PNG and records every request."""
    requests: list[str] = []
    red = png(RED)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(red)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], requests
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def package(tmp_path, monkeypatch) -> Path:
    """A package with a green image inside; a red one beside it (outside), also reached by a
    symbolic link inside. The working folder is the package's: Qt's own loader would read
    relative names from there."""
    folder = tmp_path / "song"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "green.png").write_bytes(png(GREEN))
    (tmp_path / "outside.png").write_bytes(png(RED))
    (folder / "img" / "link.png").symlink_to(tmp_path / "outside.png")
    monkeypatch.chdir(folder)
    return folder


def hostile_images(port: int, package: Path) -> list[str]:
    outside = package.parent / "outside.png"
    return [
        f"http://127.0.0.1:{port}/remote.png",
        f"https://127.0.0.1:{port}/remote.png",
        f"//127.0.0.1:{port}/remote.png",
        QUrl.fromLocalFile(str(outside)).toString(),
        str(outside),
        "../outside.png",
        "img/../../outside.png",
        "img/link.png",
        "data:image/png;base64," + base64.b64encode(png(RED)).decode(),
    ]


def test_images_load_only_from_inside_the_package_never_from_the_network(qtbot, server, package):
    port, requests = server
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(400, 900)
    browser.set_package_folder(package)
    bad = hostile_images(port, package)
    browser.setMarkdown(
        "".join(f"![bad {n}]({url}) " for n, url in enumerate(bad)) + "\n\n![good](img/green.png)"
    )
    browser.show()
    qtbot.waitExposed(browser)
    picture = browser.grab().toImage()
    assert shows(picture, GREEN)  # the package's own image is shown
    assert not shows(picture, RED)  # nothing from outside it, nor from the server
    assert requests == []
    for url in bad:
        assert browser.document().resource(IMAGE, QUrl(url)).isNull(), url
    assert requests == []


def test_a_package_document_alone_loads_nothing_from_outside(server, package):
    """A document with no widget (as a printed page would use) keeps the same rule."""
    port, requests = server
    document = PackageDocument()
    document.package_folder = package
    set_safe_markdown(document, "![a](../outside.png) ![b](img/green.png)")
    for url in hostile_images(port, package):
        assert document.resource(IMAGE, QUrl(url)).isNull(), url
    assert not document.resource(IMAGE, QUrl("img/green.png")).isNull()
    assert requests == []
    no_folder = PackageDocument()
    assert no_folder.resource(IMAGE, QUrl("img/green.png")).isNull()  # bare lyrics: no images


def test_an_image_is_read_once_per_text_width(qtbot, package, monkeypatch):
    """Qt asks the document for its images at each layout; the file is read once
    per text width, and again only for new text."""
    from karaoke.ui.shared import safe_markdown

    reads: list[str] = []

    def counted(name, folder, width):
        reads.append((str(name), width))
        return package_image(name, folder, width)

    monkeypatch.setattr(safe_markdown, "package_image", counted)
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(400, 300)
    browser.set_package_folder(package)
    browser.setMarkdown("![good](img/green.png)")
    browser.show()
    qtbot.waitExposed(browser)
    first = len(reads)
    for _ in range(5):
        browser.viewport().repaint()
    assert len(set(reads)) == len(reads)  # never the same image at the same width twice
    assert first >= 1 and len(reads) == first
    browser.setMarkdown("![again](img/green.png)")
    browser.viewport().repaint()
    assert len(reads) > first


def test_a_huge_image_file_is_not_read_and_a_wide_one_is_scaled_down(package):
    with (package / "big.png").open("wb") as big:
        big.truncate(MAX_IMAGE_BYTES + 1)
    assert package_image("big.png", package).isNull()
    wide = QImage(3000, 10, QImage.Format.Format_RGB32)
    wide.fill(GREEN)
    wide.save(str(package / "wide.png"))
    assert package_image("wide.png", package, 500).width() == 500


HOSTILE_HTML = [
    "<script>alert(1)</script>",  # the issue's
    "<script>alert(1)",  # unclosed: Qt's HTML reader swallowed everything after it
    "<script>document.write('</p>')</script>",  # the same, closed
    "<!-- an unclosed comment",
    "<style>body { display: none }</style>",
    '<img src="x" onerror="alert(1)">',
]


@pytest.mark.parametrize("html", HOSTILE_HTML)
def test_raw_html_shows_as_the_text_typed_and_the_rest_still_renders(qtbot, html):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setMarkdown(f"{html}\nThe text.\n\n#### Glossary\n\n- **term**: its definition\n")
    text = browser.toPlainText()
    assert html in text
    assert "The text." in text and "term: its definition" in text


@pytest.fixture
def hostile_song(tmp_path) -> Song:
    """A copy of the bundled song with the issue's ``<script>`` before stanza 1's Spanish
    explanation."""
    folder = tmp_path / "song"
    shutil.copytree(BUNDLED, folder)
    manifest = folder / "song.toml"
    text = manifest.read_text(encoding="utf-8")
    start = 'explanation.es = """\n'
    manifest.write_text(text.replace(start, start + "<script>alert(1)</script>\n", 1), "utf-8")
    return open_song(folder).song


def test_the_issues_explanation_with_a_script_still_shows_its_text_and_glossary(
    qtbot, hostile_song
):
    panel = ExplanationPanel()
    qtbot.addWidget(panel)
    panel.set_language("es")
    panel.set_song(hostile_song)
    panel.follow(0)
    shown = panel.body.toPlainText()
    assert shown.startswith("<script>alert(1)</script>")  # literally, not run, not swallowed
    assert "Una red neuronal artificial" in shown
    for term in hostile_song.stanzas[0].glossary:
        assert f"{pick(term.term, 'es')}: {pick(term.definition, 'es')}" in shown


def test_glossary_and_credits_are_plain_text_shown_as_written(qtbot, hostile_song):
    song = hostile_song
    odd = replace(
        song.stanzas[0].glossary[0], term={"es": "*a* <b>"}, definition={"es": "# [x](y)"}
    )
    stanza = replace(song.stanzas[0], glossary=(odd,))
    panel = ExplanationPanel()
    qtbot.addWidget(panel)
    panel.set_language("es")
    panel.set_song(replace(song, stanzas=(stanza, *song.stanzas[1:]), subtitle="_sub_ @x"))
    assert "_sub_ @x" in panel.body.toPlainText()  # the song's page: not italic, as written
    panel.follow(0)
    assert "*a* <b>: # [x](y)" in panel.body.toPlainText()
    assert escape_markdown("a\n- b") == r"a \- b"  # a line break cannot start a list


class UrlRecorder(QObject):
    """Stands in for the system browser: QDesktopServices hands it each URL it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


SCHEMES = ("http", "https", "file", "javascript", "data", "mailto", "karaoke", "ftp")


@pytest.fixture
def system_browser(qapp) -> Iterator[UrlRecorder]:
    recorder = UrlRecorder()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "open")  # type: ignore[arg-type]
    yield recorder
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


LINKS = (
    "[web](https://example.org/paper) [js](javascript:alert(1)) [file](file:///etc/hostname) "
    "[data](data:text/html,hola) [custom](karaoke://play) [mail](mailto:a@example.org) "
    "[ftp](ftp://example.org/x) [relative](other.md)"
)


def anchor_points(browser: SafeTextBrowser) -> dict[str, QPoint]:
    """Where (in the browser's viewport) to click each link, by its text."""
    points = {}
    for fragment in anchor_fragments(browser.document()):
        cursor = QTextCursor(browser.document())
        cursor.setPosition(fragment.position() + 1)
        points[fragment.text()] = browser.cursorRect(cursor).center()
    return points


def test_links_open_only_for_http_and_only_on_a_click(qtbot, hostile_song, system_browser):
    stanza = replace(hostile_song.stanzas[0], explanation={"es": LINKS}, glossary=())
    panel = ExplanationPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.set_language("es")
    panel.set_song(replace(hostile_song, stanzas=(stanza,)))
    panel.follow(0)
    panel.show()
    qtbot.waitExposed(panel)
    points = anchor_points(panel.body)
    assert len(points) == 8
    viewport = panel.body.viewport()
    for point in points.values():
        qtbot.mouseMove(viewport, point)  # hovering opens nothing
    assert system_browser.urls == []
    with qtbot.waitSignal(panel.link_opened) as opened:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=points["web"])
    assert opened.args == ["https://example.org/paper"]
    for name, point in points.items():
        if name != "web":
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert system_browser.urls == ["https://example.org/paper"]
    assert panel.body.source().isEmpty()  # never followed inside the panel
    assert panel.body.toPlainText().startswith("web js file data")


HOSTILE_TEXT = "<b>Bold?</b> <img src='file:///etc/hostname'> & more"


def rendered(tooltip: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(tooltip)
    return document


def test_a_songs_text_in_a_tooltip_shows_as_written(qapp):
    from PySide6.QtGui import Qt as GuiQt

    assert GuiQt.mightBeRichText(HOSTILE_TEXT)  # as is, Qt would render it (and read the file)
    document = rendered(tooltip_text(HOSTILE_TEXT))
    assert document.toPlainText() == HOSTILE_TEXT
    assert "<img" not in document.toHtml()  # the tag is text, not an image
    assert tooltip_text("") == ""


def test_the_sources_tooltips_show_a_references_title_and_url_as_written(qtbot):
    url = "https://example.org/<img src='file:///etc/hostname'>"
    row = SourceRow(1, Reference(HOSTILE_TEXT, url))
    qtbot.addWidget(row)
    assert rendered(row.link.toolTip()).toPlainText() == url
    code = QrCode(url)
    qtbot.addWidget(code)
    assert rendered(code.toolTip()).toPlainText() == url
    pager = QrPager()
    qtbot.addWidget(pager)
    pager.set_references((Reference(HOSTILE_TEXT, "https://example.org/a"),))
    assert rendered(pager.captions[0].toolTip()).toPlainText() == HOSTILE_TEXT
