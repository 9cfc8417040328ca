"""The teaching pause as a slide: what it shows, that it fits and is legible on every projector
size (nothing cut, text sizes above stated floors), and that every QR code on it scans (read back
from a rendering with zbarimg)."""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QWidget

from karaoke.core.model import Song, pick
from karaoke.core.package import open_song
from karaoke.ui.present.qr_pager import QrCode
from karaoke.ui.present.slide_text import first_sentences
from karaoke.ui.present.teaching_slide import TeachingSlide
from karaoke.ui.shared.theme import THEMES
from tests.conftest import BUNDLED

SIZES = [(1024, 768), (1366, 768), (1920, 1080), (3840, 2160)]
#: Floors, as shares of the slide's height: the title, the points (what the class must read from
#: the back row, as large as the key idea while singing), the lines just sung, the footer and the
#: QR captions. On a 768-line projector: 32, 25.6, 19.2, 19.2 and 17 px.
TITLE_MIN, POINTS_MIN, LYRICS_MIN, FOOTER_MIN, CAPTION_MIN = 1 / 24, 1 / 30, 1 / 40, 1 / 40, 1 / 45
#: Each QR code at least a quarter of the screen's height (painted modules, quiet zone included).
CODE_MIN = 1 / 4


@pytest.fixture(scope="module")
def song() -> Song:
    return open_song(BUNDLED).song


def make_slide(qtbot, size: tuple[int, int], theme: str = "dark") -> TeachingSlide:
    slide = TeachingSlide()
    qtbot.addWidget(slide)
    slide.set_theme(THEMES[theme])
    slide.resize(*size)
    slide.show()
    return slide


def visible_children(slide: TeachingSlide) -> list[QWidget]:
    return [child for child in slide.findChildren(QWidget) if child.isVisibleTo(slide)]


def in_slide(slide: TeachingSlide, child: QWidget) -> QRect:
    return QRect(child.mapTo(slide, child.rect().topLeft()), child.size())


def assert_fits_and_is_legible(slide: TeachingSlide) -> None:
    height = slide.height()
    codes = [child for child in visible_children(slide) if isinstance(child, QrCode)]
    assert codes == slide.sources.codes  # none left over from another page or stanza
    for child in visible_children(slide):
        rect = in_slide(slide, child)
        assert slide.rect().contains(rect), (child, rect)
        if isinstance(child, QLabel) and child.wordWrap() and child.text():
            # Tall enough for all its wrapped rows: nothing cut at the bottom.
            assert child.height() >= child.heightForWidth(child.width()), child.text()
    texts = [slide.title, *slide.lyrics, *slide.points]
    for a, b in itertools.pairwise(texts):
        assert in_slide(slide, a).bottom() < in_slide(slide, b).top(), (a.text(), b.text())
    for label in texts:  # the text column never runs under the codes
        assert not in_slide(slide, label).intersects(in_slide(slide, slide.sources)), label.text()
    assert slide.title.font().pixelSize() >= height * TITLE_MIN
    assert all(label.font().pixelSize() >= height * POINTS_MIN for label in slide.points)
    assert all(label.font().pixelSize() >= height * LYRICS_MIN for label in slide.lyrics)
    for label in (slide.position, slide.continue_hint):
        assert label.font().pixelSize() >= height * FOOTER_MIN
    assert all(label.font().pixelSize() >= height * CAPTION_MIN for label in slide.sources.captions)
    for code in slide.sources.codes:
        assert code.code_rect().width() >= height * CODE_MIN, code.url
        assert code.rect().contains(code.code_rect())


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_stanza_fits_and_is_legible_on_every_projector(qtbot, song, size):
    slide = make_slide(qtbot, size)
    for index in range(len(song.stanzas)):
        slide.show_stanza(song, index, "es")
        assert slide.sources.references, index
        for _ in range(slide.sources.page_count):  # every page of sources
            assert_fits_and_is_legible(slide)
            slide.next_sources_page()
        assert slide.text_scale > 0.7, (index, slide.text_scale)  # shrank only a little


def test_the_slide_shows_the_stanza_where_we_are_and_how_to_go_on(qtbot, song):
    slide = make_slide(qtbot, (1366, 768))
    slide.show_stanza(song, 1, "es")
    stanza = song.stanzas[1]
    assert slide.title.text() == pick(stanza.title, "es")
    sung = [line.text for line in song.lines[stanza.first_line : stanza.end_line]]
    assert [label.text() for label in slide.lyrics] == sung
    assert [label.text() for label in slide.points] == list(stanza.points["es"])
    assert 2 <= len(slide.points) <= 4
    assert slide.position.text() == "Estrofa 2 de 10"
    assert slide.continue_hint.text() == "→ / Av Pág para continuar"  # the key as Qt names it
    slide.show_stanza(song, 1, "en")
    assert slide.position.text() == "Stanza 2 of 10"
    assert slide.continue_hint.text() == "→ / PgDown to continue"
    assert [label.text() for label in slide.points] == list(stanza.points["en"])


def test_neither_the_explanation_nor_the_notes_are_projected(qtbot, song):
    slide = make_slide(qtbot, (1920, 1080))
    for index, stanza in enumerate(song.stanzas):
        slide.show_stanza(song, index, "es")
        shown = slide.text()
        assert pick(stanza.notes, "es")[:40] not in shown
        assert pick(stanza.explanation, "es").strip()[:60] not in shown


def test_a_stanza_without_points_shows_the_first_sentences_of_its_explanation(qtbot, song):
    stanza = dataclasses.replace(song.stanzas[0], points={})
    bare = dataclasses.replace(song, stanzas=(stanza, *song.stanzas[1:]))
    slide = make_slide(qtbot, (1366, 768))
    slide.show_stanza(bare, 0, "es")
    shown = [label.text() for label in slide.points]
    assert shown == list(first_sentences(pick(stanza.explanation, "es")))
    assert shown and all(text.endswith((".", "!", "?")) for text in shown)  # whole sentences
    assert_fits_and_is_legible(slide)


def test_sources_page_two_at_a_time_with_short_captions(qtbot, song):
    slide = make_slide(qtbot, (1366, 768))
    index = next(i for i, s in enumerate(song.stanzas) if len(s.references) > 2)
    references = song.stanzas[index].references
    slide.show_stanza(song, index, "es")
    seen = []
    for page in range(slide.sources.page_count):
        assert slide.sources.hint.isVisible() and f"({page + 1}/" in slide.sources.hint.text()
        assert slide.sources.hint.text().startswith("S: más fuentes")
        assert 1 <= len(slide.sources.codes) <= 2
        seen += slide.sources.urls()
        slide.next_sources_page()
    assert seen == [ref.url for ref in references]
    assert slide.sources.urls() == [ref.url for ref in references[:2]]  # back to the first page
    slide.show_stanza(song, 0, "es")
    assert [label.text() for label in slide.sources.captions] == [
        "Nature, 2015",
        "Language Models are Few-Shot Learners, 2020",
    ]
    assert not slide.sources.hint.isVisible()  # two sources: one page, no hint


ZBARIMG = shutil.which("zbarimg")


def decoded(path: Path) -> list[str]:
    """Every QR code zbarimg finds in the image at ``path``, as text."""
    assert ZBARIMG, "zbarimg is missing: tools/setup.sh test installs zbar-tools"
    result = subprocess.run(
        [ZBARIMG, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.splitlines()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_qr_code_on_the_slide_scans(qtbot, song, size, tmp_path):
    slide = make_slide(qtbot, size)
    # The stanza with the most sources, through all its pages, and the first stanza.
    busiest = max(range(len(song.stanzas)), key=lambda i: len(song.stanzas[i].references))
    for index in (0, busiest):
        slide.show_stanza(song, index, "es")
        for page in range(slide.sources.page_count):
            path = tmp_path / f"slide-{index}-{page}.png"
            assert slide.grab().save(str(path))
            wanted = [ref.url for ref in slide.sources.shown()]
            assert sorted(decoded(path)) == sorted(wanted), (index, page)
            assert all(isinstance(code, QrCode) for code in slide.sources.codes)
            slide.next_sources_page()
