"""The format registry is consistent, and every format keeps the promises its record makes."""

import importlib
from pathlib import Path

import pytest

from karaoke.core.errors import SongError
from karaoke.core.formats import (
    FORMATS,
    format_for,
    lyrics_text,
    read_lyrics,
    readable_extensions,
    timed_extensions,
    writable_extensions,
    write_lyrics,
)
from karaoke.core.formats.base import LyricsFormat, WriteOptions
from karaoke.core.formats.lrc import read_lrc
from karaoke.core.formats.plain import PLAIN, plain_text
from karaoke.core.formats.subrip import SUBRIP
from karaoke.core.formats.ultrastar import ULTRASTAR
from karaoke.core.model import Line, Word

WRITABLE = [fmt for fmt in FORMATS if fmt.writable]
LIMITED = [fmt for fmt in WRITABLE if fmt.max_time_ms is not None]
WORDS = (Word("Con", 9600, 9900, 0), Word("mi", 9900, 10200, 4), Word("burrito", 10200, 11000, 7))
LINES = (Line("Con mi burrito", 9600, 11000, WORDS), Line("sabanero", 12000, 14000))


def _name(fmt: LyricsFormat) -> str:
    return fmt.name


def test_every_extension_names_exactly_one_format_that_does_not_sniff():
    extensions = [ext for fmt in FORMATS if fmt.sniff is None for ext in fmt.extensions]
    assert len(extensions) == len(set(extensions))
    assert set(readable_extensions()) == {ext for fmt in FORMATS for ext in fmt.extensions}
    for fmt in FORMATS:
        for extension in fmt.extensions:
            if fmt.sniff is None:
                assert format_for(Path(f"song{extension}")) is fmt
                assert format_for(f"SONG{extension.upper()}") is fmt
            else:  # it shares the extension: without the file's bytes, the other one is named
                assert format_for(Path(f"song{extension}")) not in (fmt, None)
    assert format_for(Path("song.docx")) is None and format_for(Path("song")) is None


ULTRASTAR_HEAD = b"#TITLE:Mi modelito\n#BPM:276,5\n#GAP:9600\n: 0 3 5 Con\n: 4 2 5  mi\n"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (ULTRASTAR_HEAD, ULTRASTAR),
        (ULTRASTAR_HEAD.replace(b"\n", b"\r\n"), ULTRASTAR),
        (b"#bpm: 300\n: 0 3 5 Con\n", ULTRASTAR),  # header names in any case, as the games
        (b"\xef\xbb\xbf#ARTIST:x\n#BPM:300\n", ULTRASTAR),
        ("#TITLE:canción\n#BPM:300\n".encode("utf-16"), ULTRASTAR),
        (b"", PLAIN),
        (b"Con mi burrito sabanero\nvoy entrenando mi modelo\n", PLAIN),
        (b"#BPM: 300 en el coro\n#ciencia\n", PLAIN),  # a hashtag is not a header
        (b"#TITLE:x\n: 0 3 5 Con\n", PLAIN),  # no beats per minute, no times: not UltraStar
    ],
)
def test_a_txt_file_is_told_ultrastar_or_plain_text_by_its_first_bytes(head, expected):
    assert format_for(Path("song.txt"), head) is expected
    assert format_for(Path("song.txt")) is PLAIN  # without the bytes, the extension decides
    assert format_for(Path("song.srt"), head) is SUBRIP


def test_read_lyrics_sniffs_and_writing_a_txt_writes_plain_text(tmp_path):
    song = tmp_path / "song.txt"
    song.write_bytes(ULTRASTAR_HEAD)
    lyrics = read_lyrics(song)
    assert lyrics.timed and lyrics.lines[0].text == "Con mi"
    write_lyrics(song, lyrics.lines)
    assert song.read_text() == "Con mi\n" and not read_lyrics(song).timed


def test_the_sniffing_format_is_asked_first_and_the_other_one_is_the_fallback():
    from karaoke.core.formats import _by_extension

    sniffing = LyricsFormat("sniffs", (".txt",), read_lrc, sniff=lambda head: head == b"me")
    assert _by_extension((PLAIN, sniffing))[".txt"] == (sniffing, PLAIN)
    assert _by_extension((sniffing, PLAIN))[".txt"] == (sniffing, PLAIN)


def test_the_registry_table_names_each_formats_module_record_and_extensions():
    """The registry lists a format's extensions before importing its module: they must be the
    record's own, in FORMATS order."""
    from karaoke.core.formats import _MODULES

    for (module, record, extensions), fmt in zip(_MODULES, FORMATS, strict=True):
        assert getattr(importlib.import_module(f"karaoke.core.formats.{module}"), record) is fmt
        assert extensions == fmt.extensions, fmt.name


def test_the_registry_lists_srt_lrc_and_txt_in_order_of_preference():
    assert readable_extensions() == (".srt", ".lrc", ".ass", ".ssa", ".vtt", ".txt")
    assert writable_extensions() == (".srt", ".lrc", ".ass", ".ssa", ".vtt", ".txt")


def test_timed_extensions_leave_out_plain_text_and_can_put_word_timings_first():
    assert timed_extensions() == (".srt", ".lrc", ".ass", ".ssa", ".vtt")
    assert timed_extensions(words_first=True) == (".lrc", ".ass", ".ssa", ".vtt", ".srt")
    assert [fmt.name for fmt in FORMATS if not fmt.timed] == ["plain text"]


def test_timed_extensions_among_some_keep_the_same_order():
    assert timed_extensions(words_first=True, among=[".srt", ".txt", ".vtt", ".lrc"]) == (
        ".lrc",
        ".vtt",
        ".srt",
    )
    assert timed_extensions(among=[".ssa", ".srt"]) == (".srt", ".ssa")
    assert timed_extensions(among=[".txt", ".docx"]) == ()
    assert timed_extensions(among=readable_extensions()) == timed_extensions()


def test_writable_extensions_are_exactly_those_with_a_writer():
    assert set(writable_extensions()) == {ext for fmt in WRITABLE for ext in fmt.extensions}


def test_a_record_cannot_promise_what_only_a_writer_can_keep():
    with pytest.raises(ValueError, match="need a writer"):
        LyricsFormat("x", (".x",), read_lrc, max_time_ms=5)
    with pytest.raises(ValueError, match="need a writer"):
        LyricsFormat("x", (".x",), read_lrc, holds_words=True)
    with pytest.raises(ValueError, match="must be like"):
        LyricsFormat("x", (".X",), read_lrc, plain_text)
    with pytest.raises(ValueError, match="at least one"):
        LyricsFormat("x", (), read_lrc, plain_text)
    with pytest.raises(ValueError, match="need a format with times"):
        LyricsFormat("x", (".x",), read_lrc, plain_text, holds_words=True, timed=False)


def test_an_extension_claimed_twice_is_refused():
    from karaoke.core.formats import _by_extension

    twin = LyricsFormat("twin", (".lrc",), read_lrc)
    with pytest.raises(ValueError, match=r"\.lrc belongs to both LRC and twin"):
        _by_extension((*FORMATS, twin))


@pytest.mark.parametrize("fmt", WRITABLE, ids=_name)
def test_what_a_format_writes_it_reads_back(tmp_path, fmt):
    target = tmp_path / f"song{fmt.extensions[0]}"
    write_lyrics(target, LINES)
    again = read_lyrics(target)
    assert [line.text for line in again.lines] == [line.text for line in LINES]
    assert again.timed is fmt.timed
    if fmt.holds_words:
        assert again.lines[0].words == WORDS
    else:
        assert all(not line.words for line in again.lines)


@pytest.mark.parametrize("fmt", LIMITED, ids=_name)
def test_times_up_to_max_time_ms_are_written_and_later_ones_refused(tmp_path, fmt):
    latest = fmt.max_time_ms
    assert latest is not None
    target = tmp_path / f"song{fmt.extensions[0]}"
    write_lyrics(target, (Line("al final", latest - 1000, latest),))
    assert [(line.start_ms, line.end_ms) for line in read_lyrics(target).lines] == [
        (latest - 1000, latest)
    ]
    too_late = (Line("al final", latest - 1000, latest + 1),)
    with pytest.raises(SongError, match="do not fit"):
        write_lyrics(target, too_late)
    # The limit is the reader's: one ms more, written anyway, does not read back.
    assert fmt.write is not None
    text = fmt.write(too_late, WriteOptions())
    try:
        again = fmt.read(text.encode(), str(target))
    except SongError:
        return
    assert [(line.start_ms, line.end_ms) for line in again.lines] != [(latest - 1000, latest + 1)]


@pytest.mark.parametrize("fmt", [fmt for fmt in WRITABLE if fmt.max_time_ms is None], ids=_name)
def test_a_format_without_a_limit_writes_any_time(fmt):
    lyrics_text(Path(f"song{fmt.extensions[0]}"), (Line("tarde", 10**12, 10**12 + 1),))


def test_an_unknown_extension_is_neither_read_nor_written(tmp_path):
    with pytest.raises(SongError, match=r"unknown lyrics format '\.docx'; known: \.ass, \.lrc"):
        read_lyrics(tmp_path / "a.docx")
    with pytest.raises(SongError, match=r"use \.srt, \.lrc, \.ass, \.ssa, \.vtt or \.txt"):
        lyrics_text(tmp_path / "a.docx", LINES)
