"""Rendered text follows the palette: every link, bold parts included, takes the colour asked
for; the text view is as tall as its text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextDocument

from karaoke.ui.shared.rich_text import FittedTextBrowser, anchor_fragments, color_links

MARKDOWN = "See [the **paper**](https://arxiv.org/abs/2005.14165) and [its code](https://x.org).\n"


def colors(document: QTextDocument) -> list[str]:
    return [
        fragment.charFormat().foreground().color().name() for fragment in anchor_fragments(document)
    ]


def test_every_fragment_of_every_link_is_recoloured(qapp):
    document = QTextDocument()
    document.setMarkdown(MARKDOWN)
    texts = [fragment.text() for fragment in anchor_fragments(document)]
    assert texts == ["the ", "paper", "its code"]  # only the links, the bold word on its own
    assert color_links(document, QColor("#123456")) == 3
    assert colors(document) == ["#123456"] * 3
    assert document.toPlainText().startswith("See the paper and its code")  # the text unchanged


def test_the_browsers_links_follow_its_palette(qtbot):
    browser = FittedTextBrowser()
    qtbot.addWidget(browser)
    browser.setMarkdown(MARKDOWN)
    palette = QPalette(browser.palette())
    palette.setColor(QPalette.ColorRole.Link, QColor("#00aa00"))
    browser.setPalette(palette)
    assert set(colors(browser.document())) == {"#00aa00"}
    browser.setMarkdown(MARKDOWN)  # new text takes the palette's colour too
    assert set(colors(browser.document())) == {"#00aa00"}
