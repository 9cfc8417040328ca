"""What ``karaoke check`` says about an explanation's Markdown: raw HTML, images from outside
the package, links that are not http(s) — found, with their line, and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from karaoke.core.errors import ProblemCode
from karaoke.core.markdown_safety import (
    image_problem,
    link_problem,
    markdown_findings,
    package_images,
)
from karaoke.core.package import open_song
from tests.conftest import BUNDLED

C = ProblemCode


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A package folder with an image inside, and one file beside it (outside)."""
    folder = tmp_path / "song"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "diagram.png").write_bytes(b"\x89PNG")
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    return folder


def found(text: str, folder: Path | None = None) -> list[tuple[ProblemCode, int, str]]:
    return [(f.code, f.line, f.message) for f in markdown_findings(text, folder)]


def codes(text: str, folder: Path | None = None) -> list[ProblemCode]:
    return [code for code, _, _ in found(text, folder)]


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<b>bold</b>",
        '<a href="https://x.org">x</a>',
        "<img src=x onerror=alert(1)>",
        "<br/>",
        "<!-- hidden -->",
        "<?php echo 1; ?>",
        "<!DOCTYPE html>",
        "<![CDATA[ x ]]>",
        "<div\nclass='x'>",  # a tag may break across lines
        "<script",  # an HTML block's start, unclosed
        "<DIV>",
    ],
)
def test_raw_html_is_found(html):
    assert C.MARKDOWN_HTML in codes(f"Some text.\n\n{html}\n\nMore text.")


@pytest.mark.parametrize(
    "text",
    [
        "a < b and b > c; x<y; 3 <5",
        "`<script>` in a code span",
        "```\n<script>alert(1)</script>\n```",
        "~~~~\n<b>\n~~~~",
        r"\<b> escaped",
        "&lt;script&gt; as entities",
        "<https://doi.org/10.1038/nature14539> an autolink",
        "@InmaPToro y @Nebesu_ (2020)",
    ],
)
def test_what_is_not_raw_html_is_not_reported(text):
    assert C.MARKDOWN_HTML not in codes(text)


def test_each_finding_names_its_line_and_what_it_quotes():
    text = "First line.\nSecond <b>line</b>.\n\n![x](https://evil.example/x.png)\n\n[y](file:///etc/passwd)"
    assert found(text) == [
        (C.MARKDOWN_HTML, 2, "raw HTML '<b>' is shown as text, not as HTML"),
        (C.MARKDOWN_HTML, 2, "raw HTML '</b>' is shown as text, not as HTML"),
        (
            C.MARKDOWN_IMAGE,
            4,
            "image 'https://evil.example/x.png' is not shown: images are never loaded from the network",
        ),
        (C.MARKDOWN_LINK, 6, "link 'file:///etc/passwd' opens nothing: only http(s) links open"),
    ]


def test_the_same_thing_twice_is_said_once():
    assert codes("<b>a</b> <b>b</b>") == [C.MARKDOWN_HTML, C.MARKDOWN_HTML]


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("http://127.0.0.1:8000/x.png", "from the network"),
        ("https://example.org/x.png", "from the network"),
        ("file:///etc/hostname", "from 'file:'"),
        ("data:image/png;base64,iVBORw0KGgo=", "from 'data:'"),
        ("qrc:/icon.png", "from 'qrc:'"),
        ("/etc/hostname", "an absolute path"),
        (r"C:\Windows\x.png", "an absolute path"),
        ("../outside.png", "leaves the song package's folder"),
        ("img/../../outside.png", "leaves the song package's folder"),
        ("%2e%2e/outside.png", "leaves the song package's folder"),
        ("img/missing.png", "no such file"),
        ("", "no file"),
    ],
)
def test_an_image_from_outside_the_package_is_reported(package, target, why):
    problem = image_problem(target, package)
    assert problem is not None and why in problem
    assert codes(f"![alt](<{target}>)", package) == [C.MARKDOWN_IMAGE]


def test_an_image_that_leaves_through_a_symbolic_link_is_reported(package):
    (package / "link.png").symlink_to(package.parent / "outside.png")
    assert "leaves" in (image_problem("link.png", package) or "")


def test_an_image_inside_the_package_is_fine(package):
    assert image_problem("img/diagram.png", package) is None
    assert image_problem("img/diagram.png?v=1#x", package) is None
    assert codes("![A diagram](img/diagram.png 'title')", package) == []


def test_images_by_reference_and_inside_links_are_checked(package):
    text = "![a][remote] and ![local][] and [![b](../outside.png)](https://x.org)\n\n"
    text += "[remote]: https://evil.example/a.png\n[local]: img/diagram.png\n"
    messages = [message for _, _, message in found(text, package)]
    assert len(messages) == 2
    assert "https://evil.example/a.png" in messages[0] and "../outside.png" in messages[1]


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
        "karaoke://play",
        "mailto:ana@example.org",
        "other.md",
        "#glossary",
        "",
        "https:no-slashes",
        "http://",
    ],
)
def test_a_link_that_is_not_http_is_reported(target):
    assert link_problem(target) is not None
    assert codes(f"[a link](<{target}>)") == [C.MARKDOWN_LINK]


def test_http_links_are_fine_in_every_form():
    text = (
        "[Nature](https://doi.org/10.1038/nature14539) [wiki](https://en.wikipedia.org/wiki/A_(b))"
        " <http://example.org> www.example.org https://arxiv.org/abs/2005.14165\n\n"
        "[ref]: https://example.org/ref\n\nSee [ref]."
    )
    assert codes(text) == []


def test_other_links_in_every_form_are_reported():
    text = (
        "<javascript:alert(1)> <ana@example.org> ftp://example.org/file, and write to "
        "ben@example.org.\n\n[bad]: vbscript:msgbox\n\nSee [bad]."
    )
    assert [message.split("'")[1] for _, _, message in found(text)] == [
        "javascript:alert(1)",
        "mailto:ana@example.org",
        "ftp://example.org/file",
        "mailto:ben@example.org",
        "vbscript:msgbox",
    ]


def test_a_long_hostile_text_is_read_quickly():
    text = "[" * 3000 + "<" * 3000 + "`" * 3000 + "![" * 1000 + "](" * 1000
    assert isinstance(markdown_findings(text, None), list)  # no catastrophic backtracking


def test_the_bundled_song_has_nothing_to_report():
    assert [p for p in open_song(BUNDLED).problems if p.code.value.startswith("markdown")] == []


def test_the_reader_reports_them_at_the_explanations_key_line(tmp_path):
    song = tmp_path / "song"
    shutil.copytree(BUNDLED, song)
    manifest = song / "song.toml"
    text = manifest.read_text(encoding="utf-8")
    start = 'explanation.en = """\n'
    assert text.count(start) >= 1
    manifest.write_text(
        text.replace(start, start + "![x](https://evil.example/x.png) [y](javascript:x)\n", 1),
        encoding="utf-8",
    )
    line = text[: text.index(start)].count("\n") + 1
    problems = [p for p in open_song(song).problems]
    assert [(p.line, p.code) for p in problems] == [
        (line, C.MARKDOWN_IMAGE),
        (line, C.MARKDOWN_LINK),
    ]
    assert problems[0].message.startswith("stanza 1: explanation.en: image 'https://evil")


def test_the_images_a_package_must_carry_are_listed_relative_to_it(package):
    (package / "img" / "b.png").write_bytes(b"\x89PNG")
    text = (
        "![a](img/diagram.png) ![again](./img/diagram.png) ![remote](https://x.org/a.png)\n\n"
        "![out](../outside.png) ![ref][b] `![code](img/b.png)`\n\n[b]: img/sub/../b.png\n"
    )
    assert package_images(text, package) == ["img/diagram.png", "img/b.png"]
