"""``karaoke pack``'s core: only the files the manifest names, under relative names, in a fixed
order with fixed dates (the same song packs to the same bytes), media left out on request, and
a song that names a file outside its folder refused."""

from __future__ import annotations

import zipfile

import pytest

from karaoke.core.archive_read import import_package
from karaoke.core.archive_write import archive_path, pack_song
from karaoke.core.errors import ProblemCode, SongError
from tests.conftest import BUNDLED

SRT = "1\n00:00:01,000 --> 00:00:02,000\nuno\n"
MANIFEST = 'title = "T"\nlyrics = "words/lyrics.srt"\nmedia = "clip.mp4"\ntranslations = { en = "en.srt" }\n'


def test_only_the_manifests_files_go_in_manifest_first_then_by_name(tmp_path, write):
    write("s/song.toml", MANIFEST)
    write("s/words/lyrics.srt", SRT)
    write("s/en.srt", SRT)
    write("s/clip.mp4", b"video")
    write("s/notes-for-me.txt", "private")  # not named by the manifest: stays out
    result = pack_song(tmp_path / "s", tmp_path / "out")
    assert result.archive == tmp_path / "out.karaoke"
    with zipfile.ZipFile(result.archive) as bundle:
        names = bundle.namelist()
        assert names == ["song.toml", "clip.mp4", "en.srt", "words/lyrics.srt"]
        assert {info.date_time for info in bundle.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert bundle.getinfo("clip.mp4").compress_type == zipfile.ZIP_STORED
        assert bundle.read("words/lyrics.srt") == SRT.encode()


def test_the_same_song_packs_to_the_same_bytes(tmp_path):
    first = pack_song(BUNDLED, tmp_path / "a.karaoke").archive.read_bytes()
    second = pack_song(BUNDLED / "song.toml", tmp_path / "b.karaoke").archive.read_bytes()
    assert first == second


def test_no_media_leaves_the_media_and_instrumental_out_and_says_so(tmp_path):
    result = pack_song(BUNDLED, tmp_path / "small.karaoke", media=False)
    with zipfile.ZipFile(result.archive) as bundle:
        assert bundle.namelist() == ["song.toml", "lyrics.en.srt", "lyrics.srt"]
    assert "media left out" in result.notes[0]
    song = import_package(result.archive, tmp_path / "lib")
    assert song.folder.name == "mi-modelito-sabanero" and len(song.notes) == 2


def test_a_song_naming_a_file_outside_its_folder_is_not_packed(tmp_path, write):
    write("clip.mp4", b"video")
    write("s/lyrics.srt", SRT)
    write("s/song.toml", 'title = "T"\nlyrics = "lyrics.srt"\nmedia = "../clip.mp4"\n')
    with pytest.raises(SongError) as caught:
        pack_song(tmp_path / "s", tmp_path / "out.karaoke")
    assert caught.value.code is ProblemCode.PATH_OUTSIDE_PACKAGE and caught.value.line == 3
    assert "a package carries only files inside its folder" in caught.value.message
    assert not (tmp_path / "out.karaoke").exists()


def test_a_bare_lyrics_file_is_not_a_package(tmp_path, write):
    with pytest.raises(SongError, match="not a song package"):
        pack_song(write("a.srt", SRT), tmp_path / "out.karaoke")


def test_a_name_an_import_would_refuse_is_refused_when_packing(tmp_path, write):
    write("s/CON.srt", SRT)
    write("s/song.toml", 'title = "T"\nlyrics = "CON.srt"\n')
    with pytest.raises(SongError, match=r"entry 'CON.srt': a Windows device name \(CON\)"):
        pack_song(tmp_path / "s", tmp_path / "out.karaoke")
    assert list(tmp_path.glob("*.karaoke")) == [] and list(tmp_path.glob(".out*")) == []


def test_archive_path_adds_the_ending():
    assert archive_path(BUNDLED / "x").name == "x.karaoke"
    assert archive_path(BUNDLED / "x.KARAOKE").name == "x.KARAOKE"
    assert archive_path(BUNDLED / "x.zip").name == "x.zip.karaoke"


def test_the_images_an_explanation_shows_go_in_and_show_after_an_import(tmp_path, write):
    write("s/lyrics.srt", SRT)
    write("s/img/cell.png", b"\x89PNG not really")
    write("outside.png", b"\x89PNG")
    write(
        "s/song.toml",
        'title = "T"\nlyrics = "lyrics.srt"\n[[stanza]]\nlines = "1"\n'
        'explanation.es = "![Célula](img/cell.png) y ![fuera](../outside.png)"\n'
        'explanation.en = "![Cell](img/cell.png)"\n',
    )
    result = pack_song(tmp_path / "s", tmp_path / "out.karaoke")
    assert result.entries == ("song.toml", "img/cell.png", "lyrics.srt")  # once, and not ../
    song = import_package(result.archive, tmp_path / "lib")
    assert (song.folder / "img" / "cell.png").read_bytes() == b"\x89PNG not really"
