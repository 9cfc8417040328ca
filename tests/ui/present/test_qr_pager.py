"""QR codes of sources: crisp whole-pixel modules at any size, two a page, paging round."""

from __future__ import annotations

from karaoke.core.model import Reference
from karaoke.ui.present.qr_pager import PAGE_SIZE, QrCode, QrPager, qr_modules

URLS = [f"https://example.org/source/{n}" for n in range(5)]


def test_a_code_fills_its_square_with_whole_pixel_modules(qtbot):
    code = QrCode(URLS[0])
    qtbot.addWidget(code)
    modules = len(qr_modules(URLS[0]))
    assert all(len(row) == modules for row in qr_modules(URLS[0]))  # square, quiet zone included
    for side in (100, 257, 731):
        code.resize(side, side)
        rect = code.code_rect()
        assert rect.width() == rect.height() == code.module_pixels() * modules
        assert side - modules < rect.width() <= side  # at most a module short of the side
        assert code.rect().contains(rect)
        image = code.grab().toImage()
        corner = rect.topLeft()
        assert image.pixelColor(corner).name() == "#ffffff"  # the quiet zone is white


def test_sources_page_two_at_a_time_and_come_round_again(qtbot):
    pager = QrPager()
    qtbot.addWidget(pager)
    pager.resize(300, 900)
    pager.set_hint("{key}: más fuentes ({page}/{pages})", "S")
    pager.set_references(
        tuple(Reference(f"Source {n} (2020). Title", url) for n, url in enumerate(URLS))
    )
    assert pager.page_count == 3
    pages = []
    for _ in range(pager.page_count):
        pages.append(pager.urls())
        assert pager.hint.text() == f"S: más fuentes ({len(pages)}/3)"
        assert pager.next_page()
    assert pages == [URLS[0:2], URLS[2:4], URLS[4:5]]
    assert pager.urls() == URLS[:PAGE_SIZE]  # round again


def test_one_page_has_no_hint_and_no_paging(qtbot):
    pager = QrPager()
    qtbot.addWidget(pager)
    pager.set_references((Reference("A", URLS[0]), Reference("No link", "")))
    assert pager.page_count == 1 and pager.urls() == [URLS[0]]  # a source without URL: no code
    assert not pager.next_page()
    assert pager.hint.isHidden()


def test_a_full_page_takes_the_height_it_reserves(qtbot):
    pager = QrPager()
    qtbot.addWidget(pager)
    pager.set_references(tuple(Reference(f"T{n}", url) for n, url in enumerate(URLS)))
    side, caption = 240, 22
    pager.resize(side, QrPager.reserved_height(side, caption, paged=True))
    pager.arrange(side, caption)
    bottom = max(w.geometry().bottom() for w in [*pager.codes, *pager.captions, pager.hint])
    assert bottom < pager.height()


def test_a_url_no_qr_code_can_hold_draws_nothing_instead_of_failing(qtbot):
    from karaoke.ui.present.qr_pager import QrCode, qr_modules

    url = "https://example.org/" + "a" * 3000
    assert qr_modules(url) == ()
    code = QrCode(url)
    qtbot.addWidget(code)
    code.resize(200, 200)
    code.grab()  # painted without an exception
