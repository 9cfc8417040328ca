"""Reading a study pack back with poppler-utils (pdftotext, pdftoppm, pdffonts, pdfinfo,
pdfimages) and zbar-tools (zbarimg): what a reader of the PDF would get out of it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from karaoke.core.model import Song


def run(*command: str | Path) -> str:
    return subprocess.run(
        [str(part) for part in command], check=True, capture_output=True, text=True
    ).stdout


def normalised(text: str) -> str:
    """Whitespace collapsed (a line wrapped on the page reads as one)."""
    return " ".join(text.split())


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return run("pdftotext", "-enc", "UTF-8", *pages, pdf, "-")


def page_count(pdf: Path) -> int:
    found = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, normalised; index 0 is page 1."""
    return [normalised(pdf_text(pdf, n, n)) for n in range(1, page_count(pdf) + 1)]


def decoded_qr_codes(pdf: Path, folder: Path, dpi: int = 150) -> list[set[str]]:
    """The QR codes zbarimg reads on each page rendered at ``dpi``: one set per page."""
    run("pdftoppm", "-r", str(dpi), "-png", pdf, folder / "page")
    found = []
    for image in sorted(folder.glob("page-*.png")):
        result = subprocess.run(
            ["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True
        )  # exit 4: no code on this page
        found.append({line for line in result.stdout.splitlines() if line})
    return found


def sung_lines(song: Song) -> list[str]:
    return [normalised(line.text) for line in song.lines]


def reference_urls(song: Song) -> set[str]:
    return {ref.url for stanza in song.stanzas for ref in stanza.references if ref.url}
