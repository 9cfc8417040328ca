"""File ▸ Open recent: songs by title, paths as tool tips, files that are gone left out."""

from __future__ import annotations

from pathlib import Path

from karaoke.core.package import open_song
from karaoke.ui.player.recent import recent_entries, song_title
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
