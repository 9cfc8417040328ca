"""``karaoke check`` flags what an explanation's Markdown asks for that the player will not do
(issue 14: an explanation with ``<script>`` was reported "ok")."""

from __future__ import annotations

import shutil
from pathlib import Path

from karaoke.cli.main import main
from tests.conftest import BUNDLED

START = 'explanation.es = """\n'


def hostile_copy(tmp_path: Path, prefix: str) -> tuple[Path, int]:
    """A copy of the bundled song with ``prefix`` before stanza 1's Spanish explanation, and the
    manifest line of that explanation's key."""
    folder = tmp_path / "song"
    shutil.copytree(BUNDLED, folder)
    manifest = folder / "song.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(START, START + prefix, 1), encoding="utf-8")
    return folder, text[: text.index(START)].count("\n") + 1


def test_the_bundled_song_is_clean(capsys):
    assert main(["check", str(BUNDLED)]) == 0
    assert capsys.readouterr().out.strip().endswith("— ok")


def test_a_script_in_an_explanation_exits_1_and_names_the_file_and_line(tmp_path, capsys):
    folder, line = hostile_copy(tmp_path, "<script>alert(1)</script>\n")
    assert main(["check", str(folder)]) == 1
    where = f"{folder / 'song.toml'}:{line}: warning: stanza 1: explanation.es:"
    assert capsys.readouterr().out.splitlines() == [
        f"{where} raw HTML '<script>' is shown as text, not as HTML",
        f"{where} raw HTML '</script>' is shown as text, not as HTML",
        "Mi Modelito Sabanero: 26 lines, 10 stanzas, 2:35.700, UTF-8 — 2 problems",
    ]


def test_remote_images_and_other_links_are_warned_about(tmp_path, capsys):
    prefix = "![x](http://127.0.0.1:9/x.png) [y](javascript:alert(1)) ![z](../../etc.png)\n"
    folder, line = hostile_copy(tmp_path, prefix)
    assert main(["check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"song.toml:{line}: warning: stanza 1: explanation.es: image 'http://127.0.0.1:9" in out
    assert "link 'javascript:alert(1)' opens nothing: only http(s) links open" in out
    assert "image '../../etc.png' is not shown: it leaves the song package's folder" in out
    assert out.strip().endswith("— 3 problems")
