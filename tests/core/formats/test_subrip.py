from pathlib import Path

import pytest

from karaoke.core.errors import Severity, SongError
from karaoke.core.formats import read_lyrics
from karaoke.core.formats.subrip import read_subrip
from tests.conftest import CORPUS_SRT

TWO_CUES = """1
00:00:01,000 --> 00:00:02,500
Con mi <i>burrito</i> sabanero
{\\an8}voy entrenando

2
00:00:03,000 --> 00:00:04,000 X1:10 X2:20 Y1:5 Y2:6
<font color="#ff0000">red neuronal</font>
"""


def read(text: str):
    return read_subrip(text.encode(), "song.srt")


def test_cues_become_lines_with_ms_times_and_source_lines():
    lyrics = read(TWO_CUES)
    assert [(ln.start_ms, ln.end_ms, ln.source_line) for ln in lyrics.lines] == [
        (1000, 2500, 1),
        (3000, 4000, 6),
    ]
    assert lyrics.problems == ()


def test_tags_are_removed_and_line_breaks_kept():
    lyrics = read(TWO_CUES)
    assert lyrics.lines[0].text == "Con mi burrito sabanero\nvoy entrenando"
    assert lyrics.lines[1].text == "red neuronal"


def test_text_shaped_like_a_comparison_is_not_a_tag():
    lyrics = read("1\n00:00:01,000 --> 00:00:02,000\n2<3,5>1 and <b>bold</b>\n")
    assert lyrics.lines[0].text == "2<3,5>1 and bold"


def test_malformed_cue_is_reported_with_its_line_not_dropped_silently():
    text = TWO_CUES + "\n3\n00:00:05 --> 00:00:06,000\nlost verse\n"
    lyrics = read(text)
    assert len(lyrics.lines) == 2
    [problem] = lyrics.problems
    assert problem.severity is Severity.ERROR
    assert problem.line == 11
    assert "invalid time '00:00:05'" in problem.message


def test_block_without_timing_line_is_an_error_naming_its_line():
    lyrics = read(TWO_CUES + "\njust some words\nmore words\n")
    [problem] = lyrics.problems
    assert problem.line == 10
    assert "expected a timing line" in problem.message


def test_unsorted_and_overlapping_cues_are_sorted_and_reported():
    text = "1\n00:00:05,000 --> 00:00:06,000\nsecond\n\n2\n00:00:01,000 --> 00:00:05,500\nfirst\n"
    lyrics = read(text)
    assert [ln.text for ln in lyrics.lines] == ["first", "second"]
    messages = [p.message for p in lyrics.problems]
    assert any("before the line above it" in m for m in messages)
    assert any("overlaps line 5 by 500 ms" in m for m in messages)


def test_end_before_start_is_an_error():
    lyrics = read("1\n00:00:05,000 --> 00:00:04,000\nbackwards\n")
    [problem] = lyrics.problems
    assert problem.severity is Severity.ERROR and "before it starts" in problem.message
    assert lyrics.lines[0].end_ms == lyrics.lines[0].start_ms


def test_nothing_readable_is_an_error():
    with pytest.raises(SongError, match="no SubRip cue found"):
        read("hello\n")


def test_dot_as_millisecond_separator_is_accepted():
    assert read("00:00:01.250 --> 00:00:02.000\nhola\n").lines[0].start_ms == 1250


# The real-world corpus from pysrt's test suite ---------------------------------------------

FIRST_TEXT = "About 2 months ago I found myself on\nthe comment section of YouTube"


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("bom-utf-8.srt", "UTF-8 (BOM)"),
        ("bom-utf-16-le.srt", "UTF-16-LE (BOM)"),
        ("bom-utf-16-be.srt", "UTF-16-BE (BOM)"),
        ("bom-utf-32-le.srt", "UTF-32-LE (BOM)"),
        ("bom-utf-32-be.srt", "UTF-32-BE (BOM)"),
        ("no-indexes.srt", "UTF-8 (BOM)"),
    ],
)
def test_corpus_small_files_read_the_same_lines(name, encoding):
    lyrics = read_lyrics(CORPUS_SRT / name)
    assert lyrics.encoding == encoding
    assert len(lyrics.lines) == 7
    assert lyrics.lines[0].text == FIRST_TEXT
    assert (lyrics.lines[0].start_ms, lyrics.lines[0].end_ms) == (6500, 9000)
    assert lyrics.problems == ()


def test_corpus_utf8_and_windows_1252_films_agree():
    utf8 = read_lyrics(CORPUS_SRT / "utf-8.srt")
    cp1252 = read_lyrics(CORPUS_SRT / "windows-1252.srt")
    assert utf8.encoding == "UTF-8" and cp1252.encoding == "Windows-1252"
    assert len(utf8.lines) == len(cp1252.lines) == 1332
    assert [ln.start_ms for ln in utf8.lines] == [ln.start_ms for ln in cp1252.lines]
    accented = [ln.text for ln in cp1252.lines if any(ord(c) > 127 for c in ln.text)]
    assert accented, "the Windows-1252 film has accented text"
    assert not any("\x80" <= c <= "\x9f" for ln in cp1252.lines for c in ln.text)


def test_corpus_empty_cues_are_reported_by_line():
    lyrics = read_lyrics(CORPUS_SRT / "empty.srt")
    assert [(p.line, p.message) for p in lyrics.problems] == [
        (12, "empty line: it has no text to sing"),
        (16, "empty line: it has no text to sing"),
    ]
    assert len(lyrics.lines) == 5


def test_corpus_invalid_time_is_a_clear_error_naming_the_line():
    with pytest.raises(SongError) as caught:
        read_lyrics(CORPUS_SRT / "invalid.srt")
    assert caught.value.line == 2
    assert "invalid time '00:00:01'" in str(caught.value)


def test_corpus_capability_tester_strips_markup_and_keeps_text():
    lyrics = read_lyrics(CORPUS_SRT / "capability_tester.srt")
    texts = [ln.text for ln in lyrics.lines]
    assert "This text should be blue" in texts[1]
    assert all("<font" not in t and "<b>" not in t and "{\\" not in t for t in texts)
    assert any("2<3,5>1,4<6" in t for t in texts)
    assert any("日本語" in t for t in texts)


def test_every_corpus_file_is_either_read_or_rejected_with_a_line():
    files = sorted(Path(CORPUS_SRT).glob("*.srt"))
    assert len(files) >= 11
    for path in files:
        try:
            lyrics = read_lyrics(path)
        except SongError as error:
            assert error.line is not None, path
        else:
            assert lyrics.lines, path


@pytest.mark.parametrize(
    "name", ["utf-8.srt", "windows-1252.srt", "no-indexes.srt", "bom-utf-16-le.srt"]
)
def test_times_agree_with_pysrt(name):
    """Our reader and pysrt read the same times from real files."""
    import pysrt

    ours = read_lyrics(CORPUS_SRT / name)
    encoding = {"windows-1252.srt": "cp1252", "bom-utf-16-le.srt": "utf-16"}.get(name, "utf-8-sig")
    theirs = pysrt.open(str(CORPUS_SRT / name), encoding=encoding)
    assert sorted((ln.start_ms, ln.end_ms) for ln in ours.lines) == sorted(
        (item.start.ordinal, item.end.ordinal) for item in theirs if item.text.strip()
    )


def test_minutes_or_seconds_over_59_are_malformed():
    lyrics = read(TWO_CUES + "\n3\n00:99:99,999 --> 00:00:02,000\nimposible\n")
    [problem] = lyrics.problems
    assert problem.line == 11 and "below 60" in problem.message


def test_a_pipe_is_refused_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "lyrics.srt"
    os.mkfifo(fifo)
    with pytest.raises(SongError, match="not a regular file"):
        read_lyrics(fifo)
