"""Writing a pack: safe Markdown (no raw HTML, no image from outside), page breaks that keep a
reference with its code, and no file left behind when it fails."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from karaoke.core.model import Reference
from karaoke.core.package import open_song
from karaoke.ui.handout.pdf import PackError, PackOptions, write_pack
from karaoke.ui.handout.sources import PackSource, song_part
from tests.conftest import BUNDLED
from tests.ui.handout.pdf_tools import decoded_qr_codes, normalised, page_texts, pdf_text, run

SONG = open_song(BUNDLED).song


def one_stanza(explanation: str, references: tuple[Reference, ...] = ()) -> PackSource:
    stanza = replace(SONG.stanzas[0], explanation={"es": explanation}, references=references)
    song = replace(SONG, stanzas=(stanza,), lines=SONG.lines[: stanza.end_line])
    return PackSource((song_part(song),))


def test_raw_html_shows_as_text_and_no_image_is_loaded(qapp, tmp_path) -> None:
    outside = tmp_path / "outside.png"
    picture = QImage(40, 40, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(outside))
    explanation = (
        f"<script>alert(1)</script> Antes **del** texto.\n\n![local]({outside.as_uri()}) "
        f"![file]({outside}) ![remote](https://example.com/x.png)\n\nDespués."
    )
    pdf = tmp_path / "pack.pdf"
    write_pack(one_stanza(explanation), PackOptions("es"), pdf)
    text = normalised(pdf_text(pdf))
    assert "<script>alert(1)</script> Antes del texto." in text
    assert "Después." in text
    assert run("pdfimages", "-list", pdf).splitlines()[2:] == []  # not one picture


def test_a_reference_is_never_split_from_its_qr_code(qapp, tmp_path) -> None:
    references = tuple(
        Reference(
            f"Referencia número {n} con un título bastante largo para ocupar dos líneas "
            "en la columna de la derecha de la tabla",
            f"https://example.org/ref/{n}",
        )
        for n in range(1, 16)
    )
    pdf = tmp_path / "pack.pdf"
    write_pack(one_stanza("Texto.", references), PackOptions("es"), pdf)
    pages = page_texts(pdf)
    assert len(pages) >= 5  # 15 references take three pages at least: page ends to cross
    for n in range(1, 16):
        holding = [page for page in pages if f"https://example.org/ref/{n} " in page + " "]
        assert len(holding) == 1, n  # its title and URL on one page
        assert f"[{n}] Referencia número {n}" in holding[0]
    # and the code with them: every page's codes are the page's URLs
    for page, codes in zip(pages, decoded_qr_codes(pdf, tmp_path), strict=False):
        assert codes == {url for url in (r.url for r in references) if f"{url} " in page + " "}


def test_a_failed_write_leaves_nothing(qapp, tmp_path, monkeypatch) -> None:
    from karaoke.ui.handout import pdf as module

    def broken(*_args: object) -> int:
        raise PackError("disk full")

    monkeypatch.setattr(module, "_print", broken)
    target = tmp_path / "pack.pdf"
    with pytest.raises(PackError):
        write_pack(one_stanza("Texto."), PackOptions("es"), target)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_a_pack_error(qapp, tmp_path) -> None:
    with pytest.raises(PackError, match="cannot write there"):
        write_pack(one_stanza("Texto."), PackOptions("es"), tmp_path / "no" / "pack.pdf")


def test_the_pack_language_follows_the_option(qapp, tmp_path: Path) -> None:
    pdf = tmp_path / "pack.pdf"
    write_pack(PackSource((song_part(SONG),)), PackOptions("en", worksheet=True), pdf)
    text = normalised(pdf_text(pdf))
    assert "Word bank" in text and "Fill in the blanks" in text and "Language: English" in text


def test_a_bare_lyrics_file_gives_its_lyrics_and_no_empty_sections(qapp, tmp_path) -> None:
    bare = PackSource((song_part(open_song(BUNDLED / "lyrics.srt").song),))
    pdf = tmp_path / "pack.pdf"
    pages = write_pack(bare, PackOptions("es", worksheet=True, answers=True), pdf)
    text = normalised(pdf_text(pdf))
    assert "Con mi burrito sabanero voy entrenando mi modelo," in text
    for empty in ("La ciencia", "Referencias", "Ficha de trabajo", "Solucionario"):
        assert empty not in text
    assert pages == 2
