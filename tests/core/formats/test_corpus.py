"""Real-world lyrics and subtitle files, each read with the result a person expects.

The files are other projects' test data. They live in the shared folder beside the checkout
(``../shared/corpus/<folder>/``), not in this repository; ``tests/corpus/SOURCES.md`` says where
each comes from and under which licence. ``tests/corpus/expected.toml`` holds one row per file,
written by reading the file (its header says what each key means). Every file that is in the
shared corpus must have a row; a row whose file is not there (yet) is not checked.

The times of SubRip and ASS files are also compared with an independent reader, the ``srt``
library (to the millisecond) and pysubs2 (to the centisecond), for the cues both accept.
"""

from __future__ import annotations

import codecs
import tomllib
import warnings
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from karaoke.core.errors import SongError
from karaoke.core.formats import FORMATS, format_for
from karaoke.core.formats.base import LyricsFormat
from karaoke.core.model import Lyrics
from tests.conftest import REPO, SHARED

CORPUS = SHARED / "corpus"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads(
    (REPO / "tests" / "corpus" / "expected.toml").read_text(encoding="utf-8")
)["file"]

#: A corpus folder → how its format is found in the registry: by an extension, or (UltraStar,
#: whose ``.txt`` the registry cannot tell from plain text) by the start of the format's name.
FOLDERS = {"srt": ".srt", "lrc": ".lrc", "ass": ".ass", "vtt": ".vtt", "ultrastar": "ultrastar"}

#: The pysrt files the shared corpus has had from the start: their absence is a broken set-up.
PYSRT_FILES = (
    "bom-utf-16-be.srt", "bom-utf-16-le.srt", "bom-utf-32-be.srt", "bom-utf-32-le.srt",
    "bom-utf-8.srt", "capability_tester.srt", "empty.srt", "invalid.srt", "no-indexes.srt",
    "utf-8.srt", "windows-1252.srt",
)  # fmt: skip

#: One millisecond, to turn the srt library's timedeltas into ms.
MS = timedelta(milliseconds=1)

PRESENT = sorted(name for name in EXPECTED if (CORPUS / name).is_file())


def lyrics_format(name: str) -> LyricsFormat:
    """The format that reads the corpus file ``name`` (``"<folder>/<file>"``)."""
    key = FOLDERS[name.split("/", 1)[0]]
    if key.startswith("."):
        found = format_for(f"lyrics{key}")
    else:
        found = next((f for f in FORMATS if f.name.lower().startswith(key)), None)
    assert found is not None, f"no reader is registered for {name}"
    return found


def read(name: str) -> Lyrics:
    path = CORPUS / name
    return lyrics_format(name).read(path.read_bytes(), str(path))


def collapsed(text: str) -> str:
    """Each row's whitespace collapsed (a double or trailing space is not what a test is about)."""
    return "\n".join(" ".join(row.split()) for row in text.split("\n"))


def expected(name: str) -> dict[str, Any]:
    """The person's row, with the fields the code disagrees on replaced by what it gives."""
    row = dict(EXPECTED[name])
    row.update({k: v for k, v in row.pop("code_gives", {}).items() if k != "why"})
    return row


def outcome(name: str) -> dict[str, Any]:
    """What reading ``name`` gives, in the keys of a row."""
    try:
        lyrics = read(name)
    except SongError as error:
        return {"result": error.code.value, "error_line": error.line}
    first = lyrics.lines[0]
    return {
        "result": "ok",
        "lines": len(lyrics.lines),
        "first_text": collapsed(first.text),
        "first_start_ms": first.start_ms,
        "first_end_ms": first.end_ms,
        "singer": first.singer,
        "words": any(line.words for line in lyrics.lines),
        "problems": sorted({problem.code.value for problem in lyrics.problems}),
        "encoding": lyrics.encoding,
    }


def test_the_shared_corpus_is_beside_the_checkout():
    missing = [name for name in PYSRT_FILES if not (CORPUS / "srt" / name).is_file()]
    assert not missing, f"{CORPUS} lacks {missing}: is ../shared there?"


def test_every_corpus_file_has_a_row():
    files = {
        f"{folder}/{path.name}"
        for folder in FOLDERS
        if (CORPUS / folder).is_dir()
        for path in (CORPUS / folder).iterdir()
        if path.is_file()
    }
    assert sorted(files - set(EXPECTED)) == []


def test_every_row_names_a_known_folder_and_known_keys():
    keys = {"result", "error_line", "lines", "first_text", "first_start_ms", "first_end_ms"}
    keys |= {"singer", "words", "problems", "encoding", "note", "code_gives"}
    for name, row in EXPECTED.items():
        assert name.split("/", 1)[0] in FOLDERS, name
        assert set(row) <= keys, (name, set(row) - keys)
        for field in row.get("code_gives", {}):
            assert field == "why" or field in row, (name, field)


@pytest.mark.parametrize("name", PRESENT)
def test_corpus_file_reads_as_a_person_expects(name):
    row = expected(name)
    row.pop("note", None)
    got = outcome(name)
    want = {key: value for key, value in row.items() if key in got}
    if "first_text" in want:
        want["first_text"] = collapsed(want["first_text"])
    if "problems" in want:
        want["problems"] = sorted(set(want["problems"]))
    assert {key: got[key] for key in want} == want


# Times against independent readers --------------------------------------------------------


def present_in(folder: str) -> Iterator[str]:
    """The corpus files of ``folder`` that are there and read (not an expected error)."""
    for name in PRESENT:
        if name.startswith(f"{folder}/") and EXPECTED[name]["result"] == "ok":
            yield name


#: Our encoding names → a codec, to hand the reference reader the same text ours decoded.
def codec(encoding: str) -> str:
    name = encoding.removesuffix(" (BOM)").lower()
    return {"windows-1252": "cp1252"}.get(name, name)


def decoded(name: str, lyrics: Lyrics) -> str:
    data = (CORPUS / name).read_bytes()
    for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE):
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    else:
        data = data.removeprefix(codecs.BOM_UTF16_BE)
    # Line ends as our decoder leaves them: the srt library knows no lone CR (old Mac files).
    return data.decode(codec(lyrics.encoding)).replace("\r\n", "\n").replace("\r", "\n")


def test_subrip_times_agree_with_the_srt_library():
    """Every cue both read has the same start and end, to the ms (srt.parse skips what it
    cannot read; cues without text are ours to leave out)."""
    import srt

    names = list(present_in("srt"))
    assert names, "no SubRip file in the corpus"
    for name in names:
        lyrics = read(name)
        theirs = {
            (cue.start // MS, cue.end // MS)
            for cue in srt.parse(decoded(name, lyrics), ignore_errors=True)
            if cue.content.strip()
        }
        ours = {(line.start_ms, line.end_ms) for line in lyrics.lines}
        assert ours <= theirs, (name, sorted(ours - theirs)[:5])


def test_ass_times_agree_with_pysubs2():
    """Every Dialogue both read has the same start and end, to the centisecond (ASS's unit)."""
    import pysubs2

    for name in present_in("ass"):
        lyrics = read(name)
        with warnings.catch_warnings():  # pysubs2 warns of style fields it cannot read
            warnings.simplefilter("ignore", RuntimeWarning)
            events = pysubs2.SSAFile.from_string(decoded(name, lyrics)).events
        theirs = {
            (event.start // 10, event.end // 10)
            for event in events
            if event.type == "Dialogue" and event.plaintext.strip()
        }
        ours = {(line.start_ms // 10, line.end_ms // 10) for line in lyrics.lines}
        assert ours == theirs, (name, sorted(ours ^ theirs)[:5])
