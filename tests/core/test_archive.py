"""An untrusted ``.karaoke`` file cannot hurt: each attack an import guards against, built here
as a real zip (with :mod:`zipfile`, or its bytes changed where zipfile would not write it), is
refused with one message naming the archive and the entry, and nothing is written in the
destination (its listing is the same before and after, no temporary folder left)."""

from __future__ import annotations

import io
import os
import stat
import time
import unicodedata
import warnings
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from karaoke.core import archive_read
from karaoke.core.archive import (
    MAX_ENTRIES,
    MAX_MANIFEST_BYTES,
    folder_name,
    name_problem,
    same_name_key,
)
from karaoke.core.archive_read import checked_entries, import_package, package_title
from karaoke.core.errors import ProblemCode, SongError

SRT = "1\n00:00:01,000 --> 00:00:02,000\nuno\n\n2\n00:00:03,000 --> 00:00:04,000\ndos\n"
MANIFEST = (
    'title = "Canción"\nlyrics = "lyrics.srt"\n[[stanza]]\nlines = "1-2"\nexplanation = "e"\n'
)
GOOD = {"song.toml": MANIFEST, "lyrics.srt": SRT}


def _info(name: str, *, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    info.create_system = 3
    return info


def set_flags(archive: Path, name: bytes, flags: int) -> Path:
    """Add ``flags`` to the entry ``name``'s general purpose flags, in its local header and in
    the central directory (zipfile sets them itself when writing)."""
    data = bytearray(archive.read_bytes())
    # (signature, offset of the flags, of the name's length, of the name)
    for signature, at_flags, at_length, at_name in (
        (b"PK\x03\x04", 6, 26, 30),
        (b"PK\x01\x02", 8, 28, 46),
    ):
        start = data.find(signature)
        while start != -1:
            length = int.from_bytes(data[start + at_length : start + at_length + 2], "little")
            if data[start + at_name : start + at_name + length] == name:
                old = int.from_bytes(data[start + at_flags : start + at_flags + 2], "little")
                data[start + at_flags : start + at_flags + 2] = (old | flags).to_bytes(2, "little")
            start = data.find(signature, start + 4)
    archive.write_bytes(bytes(data))
    return archive


def make_zip(
    path: Path,
    entries: dict[str, str | bytes] | list[tuple[str | zipfile.ZipInfo, str | bytes]],
    *,
    method: int = zipfile.ZIP_DEFLATED,
    raw: tuple[bytes, bytes] | None = None,
) -> Path:
    """A zip at ``path`` with ``entries`` in order; ``raw`` = (old, new) replaces bytes of the
    finished file (both the same length), for names zipfile would not write."""
    pairs = entries.items() if isinstance(entries, dict) else entries
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicate name: that is the test
        with zipfile.ZipFile(buffer, "w", compression=method) as bundle:
            for name, data in pairs:
                bundle.writestr(name, data)
    data = buffer.getvalue()
    if raw is not None:
        old, new = raw
        assert len(old) == len(new) and data.count(old) == 2  # local header and central directory
        data = data.replace(old, new)
    path.write_bytes(data)
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A destination that already holds a song, to show it stays as it was."""
    folder = tmp_path / "library"
    (folder / "other").mkdir(parents=True)
    (folder / "other" / "song.toml").write_text(MANIFEST)
    return folder


def listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def refused(archive: Path, library: Path, *fragments: str, code=ProblemCode.UNSAFE_ARCHIVE) -> str:
    """Import ``archive`` into ``library``: it must be refused with ``code``, a message naming
    the archive and containing every fragment, and leave ``library`` as it was."""
    before = listing(library)
    with pytest.raises(SongError) as caught:
        import_package(archive, library)
    message = str(caught.value)
    assert message.startswith(f"{archive}: "), message
    for fragment in fragments:
        assert fragment in message, message
    assert caught.value.code is code, message
    assert listing(library) == before
    return message


# Entry names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("/etc/evil.txt", "an absolute path"),
        ("../evil.txt", "a '..' part in the path"),
        ("media/../../evil.txt", "a '..' part in the path"),
        ("./song2.toml", "a '.' part in the path"),
        ("media//evil.txt", "an empty part in the path"),
        ("..\\evil.txt", "a backslash in the name"),
        ("C:/Windows/evil.txt", "a drive letter"),
        ("notes:stream.txt", "a character Windows refuses in a name (:)"),
        ("CON", "a Windows device name (CON)"),
        ("media/nul.txt", "a Windows device name (nul)"),
        ("com1.srt", "a Windows device name (com1)"),
        ("LPT9.mp4", "a Windows device name (LPT9)"),
        ("evil. ", "a part ending in a dot or a space"),
        ("a/b/c/d/e.txt", "more than 4 folder levels deep"),
        ("tab\there.txt", "a control character in the name"),
        ("x" * 256, "a part longer than 255 bytes"),
    ],
)
def test_unsafe_entry_names_are_refused(tmp_path, library, name, why):
    archive = make_zip(tmp_path / "song.karaoke", {**GOOD, name: "x"})
    refused(archive, library, f"entry {name!r}", why)


def test_a_nul_in_a_name_is_refused_though_zipfile_would_cut_it_there(tmp_path, library):
    archive = make_zip(
        tmp_path / "nul.karaoke", {**GOOD, "evil.srtXtxt": "x"}, raw=(b"evil.srtX", b"evil.srt\0")
    )
    refused(archive, library, "a control character in the name")


def test_a_name_flagged_utf8_that_is_not_is_refused(tmp_path, library):
    archive = make_zip(
        tmp_path / "u.karaoke", {**GOOD, "bad-XX.srt": "x"}, raw=(b"bad-XX", b"bad-\xff\xfe")
    )
    set_flags(archive, b"bad-\xff\xfe.srt", 0x800)
    refused(archive, library, "entry 'bad-\ufffd\ufffd.srt'", "not valid UTF-8")


def test_a_non_ascii_name_not_flagged_utf8_is_refused(tmp_path, library):
    # Without flag bit 11 a name is in an unknown code page: b"\x82" is "é" in cp437, "‚" in
    # cp1252. The bytes are read as cp437 (zipfile's rule) only to name the entry.
    archive = make_zip(
        tmp_path / "c.karaoke", {**GOOD, "cancionX.srt": "x"}, raw=(b"cancionX", b"cancion\x82")
    )
    refused(archive, library, "entry 'cancioné.srt'", "not marked as UTF-8")


def test_a_utf8_name_flagged_as_such_is_imported(tmp_path, library):
    archive = make_zip(tmp_path / "ok.karaoke", {**GOOD, "traducción.srt": SRT})
    result = import_package(archive, library)
    assert (result.folder / "traducción.srt").read_text() == SRT


# Kinds of entry ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "why"),
    [
        (stat.S_IFLNK | 0o777, "a symbolic link"),
        (stat.S_IFCHR | 0o666, "a device or special file"),
        (stat.S_IFBLK | 0o666, "a device or special file"),
        (stat.S_IFIFO | 0o644, "a device or special file"),
        (stat.S_IFSOCK | 0o644, "a device or special file"),
    ],
)
def test_links_devices_and_special_files_are_refused(tmp_path, library, mode, why):
    entries = [*GOOD.items(), (_info("media.mp4", mode=mode), "/etc/passwd")]
    archive = make_zip(tmp_path / "link.karaoke", entries)
    refused(archive, library, "entry 'media.mp4'", why)


def test_an_encrypted_entry_is_refused(tmp_path, library):
    archive = set_flags(
        make_zip(tmp_path / "e.karaoke", {**GOOD, "secret.srt": "x"}), b"secret.srt", 0x1
    )
    refused(archive, library, "entry 'secret.srt'", "encrypted")


def test_another_compression_method_is_refused(tmp_path, library):
    archive = make_zip(tmp_path / "b.karaoke", GOOD, method=zipfile.ZIP_BZIP2)
    refused(archive, library, "entry 'song.toml'", "compressed with method 12")


@pytest.mark.parametrize(
    ("names", "why"),
    [
        (["lyrics.srt"], "the same name twice"),
        (["LYRICS.SRT"], "the same name as well as 'lyrics.srt'"),
        (["Song.toml"], "the same name as well as 'song.toml'"),
    ],
)
def test_duplicate_names_are_refused_also_when_only_case_differs(tmp_path, library, names, why):
    entries = [*GOOD.items(), *((name, "x") for name in names)]
    refused(make_zip(tmp_path / "d.karaoke", entries), library, f"entry {names[0]!r}", why)


def test_names_differing_only_in_unicode_normalisation_are_duplicates(tmp_path, library):
    composed, decomposed = "canción.srt", unicodedata.normalize("NFD", "canción.srt")
    entries = [*GOOD.items(), (composed, SRT), (decomposed, SRT)]
    refused(make_zip(tmp_path / "n.karaoke", entries), library, "the same name as well as")


def test_a_file_where_a_folder_is_needed_is_refused(tmp_path, library):
    entries = {**GOOD, "media": "x", "media/clip.mp4": "y"}
    refused(
        make_zip(tmp_path / "f.karaoke", entries), library, "entry 'media'", "a file, and a folder"
    )


# Sizes ------------------------------------------------------------------------------------------


def test_too_many_entries_are_refused(tmp_path, library):
    entries = {**GOOD, **{f"t{n}.srt": "x" for n in range(MAX_ENTRIES)}}
    refused(make_zip(tmp_path / "many.karaoke", entries), library, f"more than the {MAX_ENTRIES}")


def test_more_bytes_in_all_than_the_limit_are_refused(tmp_path, library, monkeypatch):
    # Declared sizes are summed before anything is read: 2 GiB cannot be written in a test, so
    # the limit is lowered to what the archive holds minus one byte.
    archive = make_zip(tmp_path / "big.karaoke", {**GOOD, "video.mp4": os.urandom(5000)})
    total = sum(info.file_size for info in zipfile.ZipFile(archive).infolist())
    monkeypatch.setattr(archive_read, "MAX_TOTAL_BYTES", total - 1)
    refused(archive, library, "unpacks to more than")


def test_a_manifest_over_its_limit_is_refused(tmp_path, library):
    text = MANIFEST + "# " + "x" * (MAX_MANIFEST_BYTES + 1) + "\n"
    archive = make_zip(
        tmp_path / "m.karaoke", {**GOOD, "song.toml": text}, method=zipfile.ZIP_STORED
    )
    refused(archive, library, "entry 'song.toml': over 4 MiB")


def test_a_zip_bomb_entry_is_refused_by_its_ratio(tmp_path, library):
    archive = make_zip(tmp_path / "bomb.karaoke", {**GOOD, "lyrics.en.srt": bytes(8 * 1024**2)})
    refused(archive, library, "entry 'lyrics.en.srt'", "times its packed size", "zip bomb")


def test_an_entry_giving_more_bytes_than_declared_is_stopped(tmp_path, library):
    # The central directory says 64 bytes; the data inflates to 5000. zipfile reads no more
    # than declared and the checksum then fails: the entry is refused, nothing kept.
    data = bytes(range(256)) * 20
    buffer = make_zip(tmp_path / "lie.karaoke", {**GOOD, "video.mp4": data})
    raw = buffer.read_bytes()
    size = len(data).to_bytes(4, "little")
    assert raw.count(size) == 2
    buffer.write_bytes(raw.replace(size, (64).to_bytes(4, "little")))
    refused(buffer, library, "entry 'video.mp4'", "damaged")


def test_a_stored_entry_whose_sizes_disagree_is_refused(tmp_path, library):
    archive = make_zip(
        tmp_path / "s.karaoke", {**GOOD, "video.mp4": bytes(range(200))}, method=zipfile.ZIP_STORED
    )
    raw = archive.read_bytes()
    archive.write_bytes(
        raw.replace(
            (200).to_bytes(4, "little") * 2,
            (200).to_bytes(4, "little") + (100).to_bytes(4, "little"),
        )
    )
    refused(archive, library, "entry 'video.mp4'", "sizes disagree")


# The package inside -----------------------------------------------------------------------------


def test_not_a_zip_is_refused(tmp_path, library):
    archive = tmp_path / "fake.karaoke"
    archive.write_text("<html>not a package</html>")
    refused(archive, library, "not a song package file", code=ProblemCode.NOT_AN_ARCHIVE)


def test_no_manifest_at_the_root_is_refused(tmp_path, library):
    archive = make_zip(tmp_path / "nested.karaoke", {f"song/{k}": v for k, v in GOOD.items()})
    refused(archive, library, "no song.toml at the archive's root")


@pytest.mark.parametrize(
    ("manifest", "fragment", "code"),
    [
        ("title = ", "song.toml: not valid TOML", ProblemCode.INVALID_TOML),
        (
            'title = "T"\nlyrics = "missing.srt"\n',
            "lyrics file not found: missing.srt",
            ProblemCode.LYRICS_NOT_FOUND,
        ),
        (
            'title = "T"\nlyrics = "/etc/passwd"\n',
            "song.toml:2: lyrics: '/etc/passwd' is an absolute path",
            ProblemCode.PATH_OUTSIDE_PACKAGE,
        ),
        (
            'title = "T"\nlyrics = "lyrics.srt"\nmedia = "../../clip.mp4"\n',
            "song.toml:3: media: '../../clip.mp4' leaves",
            ProblemCode.PATH_OUTSIDE_PACKAGE,
        ),
    ],
)
def test_a_manifest_that_is_not_a_valid_package_is_refused(
    tmp_path, library, manifest, fragment, code
):
    archive = make_zip(tmp_path / "m.karaoke", {"song.toml": manifest, "lyrics.srt": SRT})
    message = refused(archive, library, fragment, code=code)
    assert archive_read.TEMPORARY_PREFIX not in message  # named as in the archive


def test_lyrics_that_play_wrong_are_refused(tmp_path, library):
    broken = "1\nhola\n\n" + SRT  # a cue without its times: a line would be dropped
    archive = make_zip(tmp_path / "w.karaoke", {"song.toml": MANIFEST, "lyrics.srt": broken})
    refused(archive, library, "lyrics.srt:1", code=ProblemCode.MALFORMED_CUE)


def test_a_missing_destination_is_not_left_behind_after_a_refusal(tmp_path):
    archive = make_zip(tmp_path / "m.karaoke", {"song.toml": 'title = "T"\nlyrics = "x.srt"\n'})
    with pytest.raises(SongError):
        import_package(archive, tmp_path / "new" / "library")
    assert not (tmp_path / "new" / "library").exists()


# What an import does ----------------------------------------------------------------------------


def test_an_import_makes_a_folder_named_after_the_title_and_never_replaces_one(tmp_path, library):
    archive = make_zip(tmp_path / "a.karaoke", GOOD)
    first = import_package(archive, library)
    assert first.folder == library / "cancion" and first.title == "Canción" and not first.renamed
    (first.folder / "lyrics.srt").write_text(SRT + "\n")  # the teacher's own change
    second = import_package(archive, library)
    assert second.folder == library / "cancion-2" and second.renamed
    assert (first.folder / "lyrics.srt").read_text() == SRT + "\n"
    assert sorted(os.listdir(library)) == ["cancion", "cancion-2", "other"]  # no temporary left
    assert stat.S_IMODE(second.folder.stat().st_mode) == 0o755


def test_an_import_removes_what_a_killed_import_left_and_nothing_else(tmp_path, library):
    stale = library / f"{archive_read.TEMPORARY_PREFIX}old"
    (stale / "half").mkdir(parents=True)
    long_ago = time.time() - archive_read.STALE_AFTER_S - 60
    os.utime(stale, (long_ago, long_ago))
    running = library / f"{archive_read.TEMPORARY_PREFIX}now"  # another import, running
    running.mkdir()
    (library / ".karaoke-imports-of-mine").mkdir()  # not the prefix: kept
    import_package(make_zip(tmp_path / "a.karaoke", GOOD), library)
    assert not stale.exists() and running.exists()
    assert sorted(os.listdir(library)) == [
        ".karaoke-import-now",
        ".karaoke-imports-of-mine",
        "cancion",
        "other",
    ]


def test_folders_in_the_archive_are_made_and_media_missing_is_a_note(tmp_path, library):
    manifest = 'media = "media/clip.mp4"\n' + MANIFEST
    archive = make_zip(
        tmp_path / "a.karaoke", [("media/", b""), ("song.toml", manifest), ("lyrics.srt", SRT)]
    )
    result = import_package(archive, library)
    assert (result.folder / "media").is_dir()
    assert result.notes == [
        f"media file not found: {result.folder}/media/clip.mp4 (not in the package: add it there)"
    ]


def test_the_title_is_read_without_unpacking(tmp_path, library):
    archive = make_zip(tmp_path / "a.karaoke", GOOD)
    assert package_title(archive) == "Canción"
    assert (
        package_title(make_zip(tmp_path / "b.karaoke", {**GOOD, "song.toml": "no toml ="})) == "b"
    )
    with pytest.raises(SongError, match=r"a '\.\.' part"):
        package_title(make_zip(tmp_path / "c.karaoke", {**GOOD, "../x": "x"}))


@pytest.mark.parametrize(
    ("title", "folder"),
    [
        ("Mi Modelito Sabanero", "mi-modelito-sabanero"),
        ("¿Qué?", "que"),
        ("Con", "con-song"),
        ("日本", "song"),
    ],
)
def test_folder_names_are_safe(title, folder):
    assert folder_name(title) == folder


# Properties -------------------------------------------------------------------------------------


@given(st.text(min_size=1, max_size=40))
def test_an_accepted_name_stays_inside_the_folder(name):
    if name_problem(name) is not None:
        return
    parts = PurePosixPath(name).parts
    assert not PurePosixPath(name).is_absolute() and ".." not in parts and "\\" not in name
    base = "/library/song"
    assert os.path.normpath(os.path.join(base, name)).startswith(base + "/")


@given(
    st.lists(st.sampled_from(["a", "A", "b", "á", "a\u0301", "song.toml"]), min_size=1, max_size=6)
)
def test_no_two_accepted_entries_share_a_file(tmp_path_factory, names):
    path = make_zip(tmp_path_factory.mktemp("p") / "p.karaoke", [(n, "x") for n in names])
    try:
        with zipfile.ZipFile(path) as bundle:
            infos = checked_entries(path, bundle)
    except SongError:
        return
    keys = [same_name_key(info.filename) for info in infos]
    assert len(set(keys)) == len(keys)


_PARTS = st.sampled_from(
    ["..", ".", "", "a", "B", "/", "\\", "C:", "con", "nul.txt", "é", "\x00", " ", "x.srt"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PARTS, min_size=1, max_size=5).map("".join))
def test_an_import_writes_only_inside_its_song_folder_whatever_the_name(tmp_path_factory, name):
    sandbox = tmp_path_factory.mktemp("sandbox")
    library = sandbox / "outer" / "library"
    library.mkdir(parents=True)
    archive = sandbox / "a.karaoke"
    assume(name.partition("\x00")[0] not in ("", "/"))  # names zipfile itself cannot write
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        make_zip(archive, [*GOOD.items(), (name, "x")])
    before = set(sandbox.rglob("*"))
    try:
        folder = import_package(archive, library).folder
    except SongError:
        assert set(sandbox.rglob("*")) == before  # refused: nothing written anywhere
        return
    new = set(sandbox.rglob("*")) - before
    assert all(path == folder or folder in path.parents for path in new)
