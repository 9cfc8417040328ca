"""The library's index: finding song packages, reading them, the cache, search."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from karaoke.core.library import (
    CACHE_FORMAT,
    LibraryFolder,
    Source,
    build_index,
    fold,
    load_cache,
    refresh,
    song_folders,
)
from karaoke.resources import bundled_song, lyrics_dir

QUESTION = """
[[stanza.question]]
prompt = "¿Qué es?"
options = ["Un modelo", "Un burro"]
correct = 1
why = "Porque sí."
"""


def make_song(
    folder: Path,
    title: str,
    *,
    lines: int = 4,
    language: str = "es",
    subtitle: str = "",
    questions: bool = False,
) -> Path:
    """A song package: ``lines`` two-second lines in two stanzas, its lyrics ending at
    ``lines * 2`` s."""
    folder.mkdir(parents=True, exist_ok=True)
    cues = [
        f"{n}\n{_stamp(2 * n - 2)} --> {_stamp(2 * n)}\nLínea {n} de {title}\n"
        for n in range(1, lines + 1)
    ]
    (folder / "lyrics.srt").write_text("\n".join(cues), encoding="utf-8")
    half = lines // 2
    stanza = '[[stanza]]\nlines = "{}"\nexplanation = "Ciencia."\n'
    manifest = (
        f'title = "{title}"\nsubtitle = "{subtitle}"\nlanguage = "{language}"\n'
        f'lyrics = "lyrics.srt"\n\n{stanza.format(f"1-{half}")}'
        f"{QUESTION if questions else ''}\n{stanza.format(f'{half + 1}-{lines}')}"
    )
    (folder / "song.toml").write_text(manifest, encoding="utf-8")
    return folder


def _stamp(seconds: int) -> str:
    return f"00:{seconds // 60:02d}:{seconds % 60:02d},000"


def bump(path: Path) -> None:
    """Change ``path``'s mtime for sure (file systems with coarse times included)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


@pytest.fixture
def songs(tmp_path: Path) -> Path:
    root = tmp_path / "songs"
    make_song(root / "atomo", "El átomo", lines=6, questions=True, subtitle="Canción nuclear")
    make_song(root / "celula", "La célula", lines=4, language="en")
    make_song(root / "deep" / "er" / "adn", "ADN")  # three levels down
    return root


def added(root: Path) -> list[LibraryFolder]:
    return [LibraryFolder(root, Source.ADDED)]


def test_an_entry_has_what_the_list_shows(songs: Path) -> None:
    index = refresh(added(songs))
    assert [e.title for e in index.songs] == ["ADN", "El átomo", "La célula"]
    atom = index.songs[1]
    assert atom.path == songs / "atomo"
    assert (atom.subtitle, atom.language, atom.length_ms) == ("Canción nuclear", "es", 12_000)
    assert (atom.stanzas, atom.has_questions, atom.source) == (2, True, Source.ADDED)
    assert atom.folder == songs
    cell = index.songs[2]
    assert (cell.language, cell.length_ms, cell.has_questions) == ("en", 8_000, False)


def test_the_bundled_song_is_found_and_read() -> None:
    index = refresh([LibraryFolder(lyrics_dir(), Source.BUNDLED)])
    song = next(e for e in index.songs if e.path == bundled_song())
    assert song.title == "Mi Modelito Sabanero" and song.source is Source.BUNDLED
    assert song.stanzas == 10 and song.has_questions and song.length_ms > 150_000


def test_a_folder_that_is_a_song_is_one_song_and_depth_is_limited(songs: Path) -> None:
    assert list(song_folders(songs / "atomo")) == [songs / "atomo"]
    assert songs / "deep" / "er" / "adn" not in list(song_folders(songs, depth=2))
    make_song(songs / ".hidden" / "x", "Oculta")
    assert all(".hidden" not in str(folder) for folder in song_folders(songs))


def test_a_folder_linking_to_itself_ends(songs: Path) -> None:
    (songs / "loop").symlink_to(songs, target_is_directory=True)
    assert len([f for f in song_folders(songs) if f.name == "atomo"]) == 3  # depth stops it


def test_a_missing_folder_has_no_songs(tmp_path: Path) -> None:
    assert refresh(added(tmp_path / "nowhere")).entries == ()


def test_a_song_reached_twice_is_listed_once_under_the_first_source(songs: Path) -> None:
    index = refresh(
        [LibraryFolder(songs, Source.USER), LibraryFolder(songs / "atomo", Source.ADDED)]
    )
    atoms = [e for e in index.entries if e.title == "El átomo"]
    assert len(atoms) == 1 and atoms[0].source is Source.USER


def test_a_broken_song_is_a_problem_entry_not_a_crash(songs: Path) -> None:
    (songs / "roto").mkdir()
    (songs / "roto" / "song.toml").write_text('title = "Rota"\nlyrics = [\n', encoding="utf-8")
    make_song(songs / "sin-letra", "Sin letra")
    (songs / "sin-letra" / "lyrics.srt").unlink()
    index = refresh(added(songs))
    assert len(index.songs) == 3
    problems = {e.path.name: e.problem for e in index.problems}
    assert set(problems) == {"roto", "sin-letra"}
    assert "not valid TOML" in problems["roto"] and "\n" not in problems["roto"]
    assert "lyrics file not found" in problems["sin-letra"]
    assert index.entries[-2:] == tuple(index.problems)  # problems listed after the songs


def test_the_cache_is_used_while_nothing_changes(songs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "index.json"
    first = build_index(added(songs), cache)
    assert len(first.reread) == 3 and cache.is_file()
    second = build_index(added(songs), cache)
    assert second.reread == () and second.entries == first.entries


def test_a_changed_song_is_read_again_and_only_it(songs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "index.json"
    build_index(added(songs), cache)
    manifest = songs / "celula" / "song.toml"
    manifest.write_text(manifest.read_text().replace("La célula", "La célula viva"))
    bump(manifest)
    lyrics = songs / "atomo" / "lyrics.srt"
    lyrics.write_text(lyrics.read_text() + "\n7\n00:00:12,000 --> 00:00:15,000\nOtra\n")
    index = build_index(added(songs), cache)
    assert sorted(p.name for p in index.reread) == ["atomo", "celula"]
    titles = {e.path.name: e for e in index.songs}
    assert titles["celula"].title == "La célula viva"
    assert titles["atomo"].length_ms == 15_000
    # and the cache now holds the new figures
    assert {e.title for e in load_cache(cache).values()} == {"ADN", "El átomo", "La célula viva"}


def test_vanished_songs_go_and_new_ones_come(songs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "index.json"
    build_index(added(songs), cache)
    for name in ("lyrics.srt", "song.toml"):
        (songs / "celula" / name).unlink()
    make_song(songs / "nuevo", "Nueva")
    index = build_index(added(songs), cache)
    assert [e.title for e in index.songs] == ["ADN", "El átomo", "Nueva"]
    assert [p.name for p in index.reread] == ["nuevo"]
    assert len(load_cache(cache)) == 3


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        json.dumps({"format": "someone-else", "version": 1, "songs": []}).encode(),
        json.dumps({"format": CACHE_FORMAT, "version": 99, "songs": []}).encode(),
        json.dumps({"format": CACHE_FORMAT, "version": 1, "songs": [{"path": 3}, None]}).encode(),
        b"[" * 100_000,
    ],
    ids=["not-json", "binary", "a-list", "foreign", "other-version", "bad-rows", "deep"],
)
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(
    songs: Path, tmp_path: Path, content: bytes
) -> None:
    cache = tmp_path / "index.json"
    cache.write_bytes(content)
    assert load_cache(cache) == {}
    index = build_index(added(songs), cache)
    assert len(index.songs) == 3 and len(index.reread) == 3
    assert json.loads(cache.read_text())["format"] == CACHE_FORMAT


def test_a_cache_row_with_wrong_figures_is_read_again(songs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "index.json"
    build_index(added(songs), cache)
    data = json.loads(cache.read_text())
    data["songs"][0]["length_ms"] = -5
    cache.write_text(json.dumps(data))
    index = build_index(added(songs), cache)
    assert len(index.reread) == 1 and all(e.length_ms > 0 for e in index.songs)


def test_a_cache_that_cannot_be_written_leaves_the_index_right(songs: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache's folder should be")
    index = build_index(added(songs), blocker / "index.json")
    assert len(index.songs) == 3


def test_search_ignores_case_and_accents_and_needs_every_word(songs: Path) -> None:
    index = refresh(added(songs))

    def found(text: str) -> list[str]:
        return [e.title for e in index.search(text)]

    assert found("") == ["ADN", "El átomo", "La célula"]
    assert found("ATOMO") == found("átomo") == ["El átomo"]
    assert found("cancion") == ["El átomo"]  # the subtitle
    assert found("en") == ["La célula"]  # the language
    assert found("la celula") == ["La célula"] and found("celula atomo") == []
    assert fold("Ñandú ÀÉ") == "nandu ae"


def test_by_name_finds_a_song_by_its_folder_name(songs: Path) -> None:
    index = refresh(added(songs))
    assert index.by_name("celula") == songs / "celula"
    assert index.by_name("nada") is None
