"""What every format gets from build_lyrics: the text clean-up, zero-length lines left out."""

import pytest

from karaoke.core.errors import ProblemCode, Severity, SongError
from karaoke.core.formats.common import RawLine, build_lyrics
from karaoke.core.formats.lrc import read_lrc
from karaoke.core.formats.plain import read_plain
from karaoke.core.formats.subrip import read_subrip
from karaoke.core.model import Word


def srt(text: str):
    cues = f"1\n00:00:01,000 --> 00:00:02,000\n{text}\n\n2\n00:00:03,000 --> 00:00:04,000\nsigue\n"
    return read_subrip(cues.encode(), "song.srt")


def lrc(text: str):
    return read_lrc(f"[ti:t]\n[00:01.00]{text}\n[00:03.00]sigue\n".encode(), "song.lrc")


def plain(text: str):
    return read_plain(f"\n{text}\nsigue\n".encode(), "song.txt")


#: Each reader with a file of ``text`` then "sigue", and the file line ``text`` is on.
READERS = pytest.mark.parametrize(
    ("reader", "line"), [(srt, 1), (lrc, 2), (plain, 2)], ids=["srt", "lrc", "txt"]
)


@READERS
def test_character_references_are_decoded(reader, line):
    lyrics = reader("Tom &amp; Jerry&nbsp;rock &lt;3 &#39;n&#x27; roll &eacute;xito")
    assert lyrics.lines[0].text == "Tom & Jerry rock <3 'n' roll éxito"
    assert lyrics.problems == ()


@READERS
def test_only_complete_references_are_decoded(reader, line):
    """HTML would read '&para' as '¶' and '&copy2' as '©2'; lyrics mean the letters."""
    text = "AT&T &para &copy2 &unknown; & fin"
    assert reader(text).lines[0].text == text


def test_an_escaped_tag_is_shown_not_removed():
    assert srt("&lt;i&gt;hola&lt;/i&gt; <i>mundo</i>").lines[0].text == "<i>hola</i> mundo"


@READERS
def test_runs_of_spaces_and_tabs_fold_to_one_space(reader, line):
    lyrics = reader("dos  espacios\ty\t tab&nbsp;&nbsp; y nbsp ")
    assert lyrics.lines[0].text == "dos espacios y tab y nbsp"
    assert lyrics.problems == ()


@READERS
@pytest.mark.parametrize(
    ("dirty", "clean", "named"),
    [
        ("ho\x00la", "hola", "U+0000"),
        ("\x1b[0mcolor", "[0mcolor", "U+001B"),
        ("fin\x7f", "fin", "U+007F"),
        ("c1\x80 \x9fchar", "c1 char", "U+0080, U+009F"),
        ("a\x0cb\x0bc", "abc", "U+000C, U+000B"),
    ],
)
def test_control_characters_are_removed_with_a_warning_naming_the_line(
    reader, line, dirty, clean, named
):
    lyrics = reader(dirty)
    assert lyrics.lines[0].text == clean
    [problem] = lyrics.problems
    assert (problem.line, problem.code, problem.severity) == (
        line,
        ProblemCode.CONTROL_CHARACTER,
        Severity.WARNING,
    )
    assert f"control character(s) {named} removed" in problem.message


def test_a_reference_to_a_control_character_brings_none_back():
    assert srt("a&#x81;b&#13;c&#27;d").lines[0].text == "abcd"


@READERS
def test_a_line_that_is_only_a_no_break_space_is_empty(reader, line):
    lyrics = reader("&nbsp;")
    assert [ln.text for ln in lyrics.lines] == ["sigue"]
    assert [(p.line, p.code) for p in lyrics.problems] == [(line, ProblemCode.EMPTY_LINE)]


def test_word_positions_follow_the_cleaned_text():
    lyrics = lrc("<00:01.00>Tom&nbsp;&amp;  <00:01.50>Jer\x00ry&#39;s <00:02.00>\tshow<00:03.00>")
    line = lyrics.lines[0]
    assert line.text == "Tom & Jerry's show"
    assert [(w.text, w.char_start, w.start_ms) for w in line.words] == [
        ("Tom &", 0, 1000),
        ("Jerry's", 6, 1500),
        ("show", 14, 2000),
    ]
    assert [p.code for p in lyrics.problems] == [ProblemCode.CONTROL_CHARACTER]


def test_a_word_left_without_text_is_dropped_and_the_others_keep_their_place():
    words = (Word("uno", 0, 10, 0), Word("\x00", 10, 20, 4), Word("dos", 20, 30, 6))
    raw = RawLine("uno \x00 dos", 0, 30, 1, words=words)
    line = build_lyrics("x.lrc", [raw], "UTF-8", []).lines[0]
    assert line.text == "uno dos"
    assert line.words == (Word("uno", 0, 10, 0), Word("dos", 20, 30, 4))


def test_a_reference_split_between_two_words_stays_with_the_word_of_its_ampersand():
    words = (Word("R&am", 0, 10, 0), Word("p;B", 10, 20, 4))
    line = build_lyrics("x.lrc", [RawLine("R&amp;B", 0, 20, 1, words=words)], "UTF-8", []).lines[0]
    assert line.text == "R&B"
    assert line.words == (Word("R&", 0, 10, 0), Word("B", 10, 20, 2))


def test_the_translation_is_cleaned_and_its_control_characters_reported():
    raw = RawLine("canción", 0, 1000, 7, translation="song &amp;\x00  dance")
    lyrics = build_lyrics("x.lrc", [raw], "UTF-8", [])
    assert lyrics.lines[0].translation == "song & dance"
    assert [(p.line, p.code) for p in lyrics.problems] == [(7, ProblemCode.CONTROL_CHARACTER)]


def test_a_zero_length_line_is_left_out_with_a_warning():
    raws = [RawLine("uno", 1000, 2000, 1), RawLine("dos", 2000, 2000, 2)]
    lyrics = build_lyrics("x.lrc", raws, "UTF-8", [])
    assert [(ln.text, ln.start_ms, ln.end_ms) for ln in lyrics.lines] == [("uno", 1000, 2000)]
    [problem] = lyrics.problems
    assert (problem.line, problem.code, problem.severity) == (
        2,
        ProblemCode.ZERO_LENGTH,
        Severity.WARNING,
    )
    assert "lasts 0 ms" in problem.message and "left out" in problem.message


def test_only_zero_length_lines_is_no_lyrics_naming_the_first():
    raws = [RawLine("uno", 1000, 1000, 3), RawLine("dos", 2000, 2000, 4)]
    with pytest.raises(SongError) as caught:
        build_lyrics("x.srt", raws, "UTF-8", [])
    assert (caught.value.code, caught.value.line) == (ProblemCode.NO_LINES, 3)
    assert "lasts 0 ms" in str(caught.value)


def test_a_line_that_ends_before_it_starts_is_not_also_zero_length():
    lyrics = read_subrip(b"1\n00:00:05,000 --> 00:00:04,000\nal reves\n", "a.srt")
    assert [p.code for p in lyrics.problems] == [ProblemCode.ENDS_BEFORE_START]
