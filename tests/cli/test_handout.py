"""``karaoke handout``: the study pack PDF read back as a reader gets it (poppler-utils,
zbarimg), and its refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from karaoke.cli.main import main
from karaoke.core.package import open_song
from tests.conftest import BUNDLED
from tests.ui.handout.pdf_tools import (
    decoded_qr_codes,
    normalised,
    page_texts,
    pdf_text,
    reference_urls,
    run,
    sung_lines,
)

SONG = open_song(BUNDLED).song


@pytest.fixture(scope="module")
def full_pack(qapp, tmp_path_factory) -> Path:
    """The bundled song's pack with worksheet and answer key, in its own language (Spanish)."""
    pdf = tmp_path_factory.mktemp("pack") / "pack.pdf"
    assert main(["handout", str(BUNDLED), "-o", str(pdf), "--worksheet", "--answers"]) == 0
    return pdf


def test_every_sung_line_and_glossary_term_is_in_the_text(full_pack) -> None:
    text = normalised(pdf_text(full_pack))
    lines = sung_lines(SONG)
    assert len(lines) == 26
    assert [line for line in lines if line not in text] == []
    terms = [term.term["es"] for stanza in SONG.stanzas for term in stanza.glossary]
    assert len(terms) > 20
    assert [term for term in terms if term not in text] == []
    # The English translation under the lines (the song's other language)
    assert "With my little savanna donkey I'm training my model," in text


def test_every_qr_code_decodes_to_a_reference_of_the_song(full_pack, tmp_path) -> None:
    per_page = decoded_qr_codes(full_pack, tmp_path)
    decoded = set().union(*per_page)
    assert decoded == reference_urls(SONG)
    assert len(decoded) == 27


def test_qr_codes_are_at_least_two_centimetres_wide(full_pack) -> None:
    # pdfimages -list: each picture's size on the page as pixels and their resolution (ppi).
    listing = run("pdfimages", "-list", full_pack).splitlines()[2:]
    widths_cm = [int(row.split()[3]) / float(row.split()[12]) * 2.54 for row in listing]
    assert len(widths_cm) == 27
    assert min(widths_cm) >= 2.0


def test_every_font_is_embedded(full_pack) -> None:
    rows = run("pdffonts", full_pack).splitlines()[2:]
    assert rows
    assert any("AtkinsonHyperlegible" in row for row in rows)
    # Columns: name type encoding emb sub uni object ID; the type may be two words.
    assert [
        row for row in rows if not re.search(r"\syes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row)
    ] == []


def test_the_headings_are_in_the_song_s_language_by_default(full_pack) -> None:
    text = normalised(pdf_text(full_pack))
    for heading in (
        "Letra",
        "Referencias",
        "Ficha de trabajo",
        "Banco de palabras",
        "Solucionario",
    ):
        assert heading in text
    assert "Answer key" not in text


def test_the_worksheet_has_blanks_and_a_word_bank_and_the_answers_have_pages_of_their_own(
    full_pack,
) -> None:
    pages = page_texts(full_pack)
    sheet = next(n for n, page in enumerate(pages) if page.startswith("Ficha de trabajo"))
    key = next(n for n, page in enumerate(pages) if page.startswith("Solucionario"))
    assert sheet < key
    worksheet = " ".join(pages[sheet:key])
    assert "Banco de palabras" in worksheet and worksheet.count("______") >= 15
    assert "☐ A." in worksheet  # the questions' options, none marked
    answers = " ".join(pages[key:])
    assert "Solucionario" not in worksheet  # (the cover lists it among the contents)
    assert "______" not in answers and "☐" not in answers
    # The right option of the first question, and why, are in the key only.
    first = SONG.stanzas[0].questions[0]
    assert first.why["es"][:40] in answers and first.why["es"][:40] not in worksheet


def test_letter_paper_and_english(qapp, tmp_path) -> None:
    pdf = tmp_path / "pack.pdf"
    assert (
        main(
            [
                "handout",
                str(BUNDLED),
                "-o",
                str(pdf),
                "--paper",
                "letter",
                "--lang",
                "en",
                "--answers",
            ]
        )
        == 0
    )
    info = run("pdfinfo", pdf)
    assert re.search(r"Page size:\s+612 x 792 pts \(letter\)", info)
    text = normalised(pdf_text(pdf))
    assert "An artificial neural network is a program made of many simple units" in text
    for heading in ("Lyrics", "References", "Answer key", "Key idea"):
        assert heading in text
    assert "Solucionario" not in text and "Worksheet" not in text


def test_a_lesson_gives_only_its_items_stanzas(qapp, tmp_path) -> None:
    lesson = tmp_path / "lesson.toml"
    lesson.write_text(
        'schema = 1\nkind = "lesson"\ntitle = "GPT-3 en Navidad"\naudience = "4.º de ESO"\n'
        'objectives = ["Saber qué es un modelo de lenguaje"]\n\n'
        f'[[item]]\nsong = "{BUNDLED}"\nstanzas = "3-4"\n',
        encoding="utf-8",
    )
    pdf = tmp_path / "lesson.pdf"
    assert main(["handout", str(lesson), "-o", str(pdf), "--worksheet"]) == 0
    text = normalised(pdf_text(pdf))
    assert "GPT-3 en Navidad" in text and "4.º de ESO" in text
    assert "Saber qué es un modelo de lenguaje" in text
    kept = [
        line
        for stanza in SONG.stanzas[2:4]
        for line in sung_lines(SONG)[stanza.first_line : stanza.end_line]
    ]
    assert [line for line in kept if line not in text] == []
    assert sung_lines(SONG)[0] not in text and "Estrofa 1" not in text and "Estrofa 5" not in text
    assert SONG.stanzas[3].questions[0].prompt["es"] in text
    assert SONG.stanzas[0].questions[0].prompt["es"] not in text


# Refusals: one line on stderr, exit 2, no PDF (and no temporary file) left behind ------------


def refused(capsys, args: list[str]) -> str:
    status: int | str | None
    try:
        status = main(["handout", *args])
    except SystemExit as exit:  # the option parser's refusals
        status = exit.code
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_a_missing_song_is_refused(qapp, tmp_path, capsys) -> None:
    err = refused(capsys, [str(tmp_path / "nothing"), "-o", str(tmp_path / "p.pdf")])
    assert "nothing" in err and "no such file" in err
    assert list(tmp_path.iterdir()) == []


def test_a_broken_song_leaves_an_existing_pdf_as_it_was(qapp, tmp_path, capsys) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "song.toml").write_text("schema = 1\ntitle = \n", encoding="utf-8")
    target = tmp_path / "p.pdf"
    target.write_bytes(b"old")
    err = refused(capsys, [str(bad), "-o", str(target)])
    assert "song.toml" in err
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "p.pdf"]


@pytest.mark.parametrize(
    ("output", "said"),
    [("missing/p.pdf", "no such folder"), (".", "is a folder")],
)
def test_an_unwritable_output_is_refused(qapp, tmp_path, capsys, output, said) -> None:
    err = refused(capsys, [str(BUNDLED), "-o", str(tmp_path / output)])
    assert said in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("option", "said"),
    [(["--lang", "fr"], "--lang: 'fr' is not"), (["--paper", "a3"], "--paper: 'a3' is not")],
)
def test_a_bad_option_is_refused(qapp, tmp_path, capsys, option, said) -> None:
    err = refused(capsys, [str(BUNDLED), "-o", str(tmp_path / "p.pdf"), *option])
    assert said in err
    assert list(tmp_path.iterdir()) == []
