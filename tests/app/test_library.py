"""The library's folders (bundled, the user's songs, added ones) and what removing does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from karaoke.app.library import Library, Removal
from karaoke.core.errors import SongError
from karaoke.core.library import Source
from karaoke.resources import bundled_song
from tests.core.test_library import make_song


@pytest.fixture
def library(tmp_path: Path) -> Library:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return Library(store, songs_folder=tmp_path / "songs", cache_file=tmp_path / "index.json")


def by_title(library: Library) -> dict:
    return {entry.title: entry for entry in library.index().songs}


def test_the_index_has_bundled_user_and_added_songs(library: Library, tmp_path: Path) -> None:
    make_song(library.songs_folder / "mine", "Mía")
    make_song(tmp_path / "class" / "a", "De clase")
    library.add_folder(tmp_path / "class")
    songs = by_title(library)
    assert songs["Mi Modelito Sabanero"].source is Source.BUNDLED
    assert songs["Mía"].source is Source.USER
    assert songs["De clase"].source is Source.ADDED
    assert library.cache_file.is_file()


def test_added_folders_are_kept_in_the_settings(library: Library, tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    library.add_folder(tmp_path / "one")
    library.add_folder(tmp_path / "two")
    library.add_folder(tmp_path / "one" / ".." / "one")  # the same folder: not twice
    again = Library(QSettings(library.store.fileName(), QSettings.Format.IniFormat))
    assert again.added_folders() == [tmp_path / "one", tmp_path / "two"]
    assert library.forget_folder(tmp_path / "one")
    assert not library.forget_folder(tmp_path / "one")
    assert library.added_folders() == [tmp_path / "two"]


def test_a_missing_path_or_a_file_cannot_be_added(library: Library, tmp_path: Path) -> None:
    with pytest.raises(SongError, match="no such folder"):
        library.add_folder(tmp_path / "nowhere")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(SongError, match="not a folder"):
        library.add_folder(tmp_path / "file.txt")
    assert library.added_folders() == []


def test_a_bundled_song_cannot_be_removed(library: Library) -> None:
    bundled = next(e for e in library.index().songs if e.path == bundled_song())
    assert library.removal(bundled).kind is Removal.NOT_ALLOWED
    library.remove(bundled)
    assert bundled_song().joinpath("song.toml").is_file()


def test_removing_a_users_song_deletes_its_folder(library: Library) -> None:
    make_song(library.songs_folder / "mine", "Mía")
    make_song(library.songs_folder / "other", "Otra")
    mine = by_title(library)["Mía"]
    plan = library.remove(mine)
    assert (plan.kind, plan.target) == (Removal.DELETE, library.songs_folder / "mine")
    assert not (library.songs_folder / "mine").exists()
    assert set(by_title(library)) == {"Mi Modelito Sabanero", "Otra"}


def test_removing_a_linked_users_song_unlinks_it_only(library: Library, tmp_path: Path) -> None:
    elsewhere = make_song(tmp_path / "elsewhere", "Enlazada")
    library.songs_folder.mkdir()
    (library.songs_folder / "link").symlink_to(elsewhere, target_is_directory=True)
    library.remove(by_title(library)["Enlazada"])
    assert not (library.songs_folder / "link").exists()
    assert (elsewhere / "song.toml").is_file()


def test_removing_a_song_of_an_added_folder_forgets_the_folder(
    library: Library, tmp_path: Path
) -> None:
    make_song(tmp_path / "class" / "a", "Primera")
    make_song(tmp_path / "class" / "b", "Segunda")
    library.add_folder(tmp_path / "class")
    first = by_title(library)["Primera"]
    plan = library.removal(first)
    assert (plan.kind, plan.target, plan.songs) == (Removal.FORGET, tmp_path / "class", 2)
    library.remove(first)
    assert library.added_folders() == []
    assert set(by_title(library)) == {"Mi Modelito Sabanero"}
    assert (tmp_path / "class" / "a" / "song.toml").is_file()  # nothing deleted
