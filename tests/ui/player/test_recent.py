"""File ▸ Open recent: songs by title, paths as tool tips, files that are gone left out."""

from __future__ import annotations

import tomllib
from pathlib import Path

from karaoke.core.package import open_song
from karaoke.ui.player.recent import distinguishing_folders, recent_entries, song_title
from tests.conftest import BUNDLED


def test_a_package_is_listed_by_its_title_other_files_by_name(write, tmp_path):
    assert song_title(BUNDLED / "song.toml") == "Mi Modelito Sabanero"
    assert song_title(BUNDLED) == "Mi Modelito Sabanero"
    lyrics = write("coro.lrc", "[00:01.00]hola\n")
    assert song_title(lyrics) == "coro.lrc"
    broken = write("roto/song.toml", "title = [unclosed\n")
    assert song_title(broken) == "roto"  # opening it says what is wrong; the list just works


def test_missing_files_are_left_out_and_equal_titles_told_apart(write, tmp_path):
    one = write("a/song.toml", 'title = "Same"\n')
    two = write("b/song.toml", 'title = "Same"\n')
    gone = tmp_path / "gone.srt"
    assert recent_entries([str(one), str(gone), str(two)]) == [
        (one, "Same (a)"),
        (two, "Same (b)"),
    ]


def test_the_menu_shows_titles_with_the_path_as_tooltip(window, write, settings_path):
    other = write("solo.lrc", "[ti:Solo]\n[00:01.00]hola\n[00:03.00]adiós\n")
    window.load(open_song(other), play=False)
    gone = write("gone.lrc", "[00:01.00]x\n")
    window.load(open_song(gone), play=False)
    gone.unlink()
    window.load(open_song(BUNDLED), play=False)
    actions = window.recent_menu.actions()
    assert [a.text() for a in actions] == ["&1  Mi Modelito Sabanero", "&2  solo.lrc"]
    assert actions[0].toolTip() == str((BUNDLED / "song.toml").resolve())
    assert actions[1].statusTip() == str(other.resolve())
    assert len(window.settings.recent) == 3  # kept: a USB stick may come back
    actions[1].trigger()
    assert window.session.song.source_path == Path(other)


def test_copies_of_one_package_are_told_apart_by_the_folders_that_differ(write, tmp_path):
    manifest = 'title = "Mi Modelito Sabanero"\n'
    usb = write("usb/lyrics/mi-modelito-sabanero/song.toml", manifest)
    home = write("home/lyrics/mi-modelito-sabanero/song.toml", manifest)
    songs = write("home/songs/mi-modelito-sabanero/song.toml", manifest)
    other = write("other/song.toml", 'title = "Otra"\n')
    titles = [title for _, title in recent_entries(map(str, [usb, home, songs, other]))]
    assert titles == [
        "Mi Modelito Sabanero (usb/lyrics/mi-modelito-sabanero)",
        "Mi Modelito Sabanero (home/lyrics/mi-modelito-sabanero)",
        "Mi Modelito Sabanero (songs/mi-modelito-sabanero)",  # one folder up tells it apart
        "Otra",
    ]
    assert len(set(titles)) == len(titles)


def test_one_folder_inside_another_of_the_same_name_is_told_apart(write, tmp_path):
    near = write("a/x/song.toml", 'title = "T"\n').parent  # a package listed by its folder
    far = write("b/a/x/song.toml", 'title = "T"\n')
    assert distinguishing_folders([near, far]) == {
        near: f"{tmp_path.name}/a/x",
        far: "b/a/x",
    }


def test_the_title_is_read_from_the_top_level_part_once_per_version_of_the_file(write, monkeypatch):
    """The menu is refilled at every song opened: a manifest is parsed once per version of the
    file (its time and size), and only up to its first table, where the top-level keys end."""
    parsed: list[str] = []
    loads = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or loads(text))
    manifest = write("cache/song.toml", 'title = "Uno"\n\n[translations]\nen = "x.srt"\n')
    assert song_title(manifest) == song_title(manifest.parent) == "Uno"
    assert parsed == ['title = "Uno"\n\n']
    manifest.write_text('title = "Dos, otra vez"\n\n[translations]\nen = "x.srt"\n')
    assert song_title(manifest) == "Dos, otra vez"
    assert len(parsed) == 2


def test_a_table_header_inside_a_string_before_the_title_still_finds_the_title(write):
    """A line starting with "[" inside a multi-line string is no table: the top-level part
    then does not parse alone, and the whole manifest is read."""
    manifest = write(
        "strings/song.toml",
        'subtitle = """\n[not a table]\n"""\ntitle = "Tres"\n\n[translations]\nen = "x.srt"\n',
    )
    assert song_title(manifest) == "Tres"
