"""``karaoke pack`` / ``karaoke import``: the bundled song round-trips into another folder with
its media and passes ``karaoke check``; a refusal is one line on stderr naming the archive and
the entry, exit 2, nothing written; the default destination is the library's songs folder."""

from __future__ import annotations

import zipfile

from karaoke.app.library_places import user_songs_folder
from karaoke.cli.main import main
from tests.conftest import BUNDLED


def test_pack_then_import_round_trips_the_bundled_song_with_its_media(tmp_path, capsys):
    archive = tmp_path / "share" / "sabanero.karaoke"
    archive.parent.mkdir()
    assert main(["pack", str(BUNDLED), "-o", str(archive)]) == 0
    assert capsys.readouterr().out == f"packed 5 files into {archive}\n"
    assert main(["import", str(archive), "--to", str(tmp_path / "other")]) == 0
    folder = tmp_path / "other" / "mi-modelito-sabanero"
    assert capsys.readouterr().out == f"imported 'Mi Modelito Sabanero' into {folder}\n"
    for name in ("mi-modelito-sabanero.mp4", "mi-modelito-sabanero-instrumental.ogg"):
        assert (folder / name).read_bytes() == (BUNDLED / name).read_bytes()
    assert main(["check", str(folder)]) == 0
    assert capsys.readouterr().out.strip().endswith("— ok")


def test_import_goes_to_the_library_by_default_and_numbers_a_taken_name(tmp_path, capsys):
    archive = tmp_path / "s.karaoke"
    main(["pack", str(BUNDLED), "-o", str(archive), "--no-media"])
    assert "media left out" in capsys.readouterr().out
    assert main(["import", str(archive)]) == 0
    assert main(["import", str(archive)]) == 0
    out = capsys.readouterr().out
    assert f"into {user_songs_folder() / 'mi-modelito-sabanero-2'}" in out
    assert "so this one is mi-modelito-sabanero-2" in out
    assert "media file not found" in out  # said, with where to put it


def test_a_refused_archive_is_one_line_exit_2_and_nothing_written(tmp_path, capsys):
    archive = tmp_path / "evil.karaoke"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("song.toml", 'title = "x"\nlyrics = "a.srt"\n')
        bundle.writestr("../../.bashrc", "rm -rf ~")
    assert main(["import", str(archive), "--to", str(tmp_path / "lib")]) == 2
    err = capsys.readouterr().err
    assert err == (f"karaoke import: {archive}: entry '../../.bashrc': a '..' part in the path\n")
    assert not (tmp_path / "lib").exists() and not (tmp_path / ".bashrc").exists()


def test_pack_refusals_are_one_line_too(tmp_path, capsys):
    assert main(["pack", str(tmp_path / "nothing"), "-o", str(tmp_path / "x.karaoke")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["import", str(tmp_path / "missing.karaoke")]) == 2
    assert (
        capsys.readouterr().err == f"karaoke import: {tmp_path / 'missing.karaoke'}: no such file\n"
    )
