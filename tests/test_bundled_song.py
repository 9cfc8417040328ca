"""The bundled song: every sung line of the post, verbatim and in order, each stanza explained."""

import re
import subprocess
import sys
import zipfile

import pytest

from karaoke.cli.main import main
from karaoke.core.errors import ProblemCode
from karaoke.core.model import pick
from karaoke.core.package import open_song
from karaoke.resources import bundled_song
from tests.conftest import BUNDLED, REPO, SHARED

SEED = SHARED / "seed" / "000_40e08701cebdb558.txt"


def sung_lines_of_the_post() -> list[list[str]]:
    """The italic quoted blocks of the post (`_"..."_`), one list of lines per block."""
    text = SEED.read_text(encoding="utf-8")
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text):
        if not paragraph.startswith('_"'):
            continue
        lines = []
        for row in paragraph.split("\n"):
            row = row.strip().strip("_").strip()
            row = row.removeprefix('"')
            row = re.sub(r'"[._]*$', "", row)
            lines.append(row.strip())
        blocks.append(lines)
    return blocks


@pytest.mark.skipif(
    not SEED.exists(), reason="the seed post lives in ../shared, beside the checkout"
)
def test_every_sung_line_of_the_post_in_order_grouped_as_the_post_groups_them():
    song = open_song(BUNDLED).song
    blocks = sung_lines_of_the_post()
    assert len(blocks) == 10
    assert [line.text for line in song.lines] == [line for block in blocks for line in block]
    assert [s.end_line - s.first_line for s in song.stanzas] == [len(b) for b in blocks]


def test_bundled_song_is_clean_but_for_media_made_by_the_demo_script():
    opened = open_song(BUNDLED)
    assert [p for p in opened.problems if p.code is not ProblemCode.MEDIA_NOT_FOUND] == []


def test_each_stanza_is_explained_in_spanish_and_english_with_https_references():
    song = open_song(BUNDLED).song
    for stanza in song.stanzas:
        for language in ("es", "en"):
            assert len(stanza.explanation.get(language, "").split()) >= 60
            assert stanza.title.get(language) and stanza.notes.get(language)
        assert len(stanza.references) >= 2
        assert all(ref.url.startswith("https://") for ref in stanza.references)
    references = {ref.url for s in song.stanzas for ref in s.references}
    assert "https://arxiv.org/abs/2005.14165" in references
    assert "https://arxiv.org/abs/1706.03762" in references
    assert pick(song.stanzas[0].title, "en")


def test_each_stanza_has_a_key_idea_to_project_and_points_for_the_teaching_pause():
    song = open_song(BUNDLED).song
    for number, stanza in enumerate(song.stanzas, start=1):
        for language in ("es", "en"):
            idea = stanza.key_idea.get(language, "")
            assert 20 <= len(idea) <= 120, (number, language, idea)
            assert "\n" not in idea and "**" not in idea  # one plain sentence
            points = stanza.points.get(language, ())
            assert 2 <= len(points) <= 4, (number, language, points)
            assert all(10 <= len(point) <= 90 for point in points), (number, language, points)
        assert len(stanza.points["es"]) == len(stanza.points["en"]), number
    assert len({pick(s.key_idea, "es") for s in song.stanzas}) == len(song.stanzas)


def test_the_teacher_is_warned_about_the_content_before_class():
    note = open_song(BUNDLED).song.content_note
    assert "perreo" in note["es"].lower() and "perreo" in note["en"].lower()
    assert "@PutoMikel" in note["es"] and "@PutoMikel" in note["en"]


def test_karaoke_check_passes_the_bundled_song(capsys):
    assert main(["check", str(BUNDLED)]) == 0
    assert capsys.readouterr().out.strip() == (
        "Mi Modelito Sabanero: 26 lines, 10 stanzas, 2:35.700, UTF-8 — ok"
    )


def test_timings_are_steady_and_in_order():
    song = open_song(BUNDLED).song
    starts = [line.start_ms for line in song.lines]
    assert starts == sorted(starts)
    assert all(line.duration_ms == 4500 for line in song.lines)


def test_found_from_a_checkout():
    assert bundled_song() == BUNDLED


def test_found_from_an_installed_wheel(tmp_path):
    """Build the wheel, unpack it as site-packages would, run `karaoke check` from elsewhere."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = wheel_dir.glob("*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "karaoke/_data/lyrics/mi-modelito-sabanero/song.toml").is_file()
    for made_by_the_demo_script in (
        "mi-modelito-sabanero.mp4",
        "mi-modelito-sabanero-instrumental.ogg",
    ):
        assert (
            site / "karaoke/_data/lyrics/mi-modelito-sabanero" / made_by_the_demo_script
        ).is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from karaoke.cli.main import main; sys.exit(main(['check']))",
        ],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Mi Modelito Sabanero: 26 lines, 10 stanzas" in result.stdout, result.stderr
    assert result.stdout.rstrip().endswith("— ok"), result.stdout  # media and instrumental found
