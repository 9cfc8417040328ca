"""WebVTT: cues as lines, voices as singers, inline timestamps as word timings, and back."""

import pytest

from karaoke.core.convert import convert
from karaoke.core.errors import ProblemCode, Severity, SongError
from karaoke.core.formats import FORMATS, format_for, read_lyrics
from karaoke.core.formats.base import WriteOptions
from karaoke.core.formats.webvtt import (
    WEBVTT,
    cue_text,
    read_webvtt,
    vtt_stamp,
    webvtt_losses,
    webvtt_text,
)
from karaoke.core.model import Line, Word

SONG = """WEBVTT - Mi modelito sabanero
Kind: captions
Language: es

NOTE Made by hand
for the tests

STYLE
::cue(.title) { color: yellow }

REGION
id:chorus width:40%

intro
00:09.600 --> 00:14.100 align:start position:10%
<v Ana>Con <00:00:09.900>mi <00:10.200><c.title>burrito</c></v>

00:00:14.400 --> 00:00:18.900
red neuronal
del lenguaje natural
"""


def read(text: str, path="song.vtt"):
    return read_webvtt(text.encode(), path)


def test_cues_become_lines_and_header_note_style_and_region_blocks_are_skipped():
    lyrics = read(SONG)
    assert [(ln.text, ln.start_ms, ln.end_ms, ln.source_line) for ln in lyrics.lines] == [
        ("Con mi burrito", 9600, 14100, 14),
        ("red neuronal\ndel lenguaje natural", 14400, 18900, 18),
    ]
    assert lyrics.problems == ()
    assert format_for("SONG.VTT") is WEBVTT and WEBVTT in FORMATS


def test_inline_timestamps_are_word_timings_from_the_cue_start():
    [first, second] = read(SONG).lines
    # The text before the first timestamp starts with the cue; the last word ends with it.
    assert first.words == (
        Word("Con", 9600, 9900, 0),
        Word("mi", 9900, 10200, 4),
        Word("burrito", 10200, 14100, 7),
    )
    assert first.singer == "Ana"
    assert (second.words, second.singer) == ((), "")


def test_youtube_style_word_timings():
    payload = "hello<00:00:01.319><c> world</c><00:00:01.800><c> again</c>"
    text, words, _ = cue_text(payload, 1000, 2500)
    assert text == "hello world again"
    assert words == (
        Word("hello", 1000, 1319, 0),
        Word("world", 1319, 1800, 6),
        Word("again", 1800, 2500, 12),
    )


def test_a_timestamp_with_no_text_after_it_ends_the_word_before_it():
    text, words, _ = cue_text("Con<00:01.500> <00:02.000>mi", 1000, 3000)
    assert (text, words) == ("Con mi", (Word("Con", 1000, 1500, 0), Word("mi", 2000, 3000, 4)))


def test_voices_ruby_and_other_spans():
    text, _, singer = cue_text(
        "<v.loud Ana María>Hola</v> <v Luis>y</v> <v Ana María><i>a</i><b>dios</b> "
        "<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby> <lang en>bye</lang>",
        0,
        1000,
    )
    # Several voices sing the line together; the ruby reading is not sung.
    assert (text, singer) == ("Hola y adios 漢字 bye", "Ana María & Luis")


def test_entities_are_decoded_after_the_tags_are_gone():
    [line] = read(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n&lt;i&gt; R&amp;B&nbsp;&amp;&nbsp;soul\n"
    ).lines
    assert line.text == "<i> R&B & soul"
    _, _, singer = cue_text("<v Tom &amp; Jerry>hi", 0, 1)
    assert singer == "Tom & Jerry"


def test_text_shaped_like_a_comparison_is_not_a_tag_and_a_bad_timestamp_is_dropped():
    text, words, _ = cue_text("2 < 3 y 5 > 4 <00:00:0x.5>fin", 0, 1000)
    assert (text, words) == ("2 < 3 y 5 > 4 fin", ())


@pytest.mark.parametrize(
    "header", ["WEBVTT", "WEBVTT - título", "WEBVTT\tx", "\ufeffWEBVTT", "WEBVTT "]
)
def test_header_forms(header):
    assert read(f"{header}\n\n00:01.000 --> 00:02.000\nhola\n").lines[0].text == "hola"


@pytest.mark.parametrize("text", ["", "1\n00:00:01,000 --> 00:00:02,000\nhola\n", "WEBVTTX\n"])
def test_a_file_without_the_webvtt_header_is_refused_naming_line_1(text):
    with pytest.raises(SongError, match="first line must be 'WEBVTT'") as caught:
        read(text)
    assert (caught.value.line, caught.value.code) == (1, ProblemCode.MISSING_HEADER)


def test_a_cue_with_a_bad_time_is_reported_with_its_line_and_skipped():
    text = (
        "WEBVTT\n\n"
        "00:01.000 --> 00:02.000\nuno\n\n"
        "x\n00:00:61.000 --> 00:01:09.000\nbad seconds\n\n"  # line 7
        "00:03,000 --> 00:04.000\ncomma\n\n"  # line 10: WebVTT times have a dot
        "just words\n\n"  # line 13
        "00:05.000 --> 00:06.000\ndos\n"
    )
    lyrics = read(text)
    assert [line.text for line in lyrics.lines] == ["uno", "dos"]
    assert [(p.line, p.code, p.severity) for p in lyrics.problems] == [
        (7, ProblemCode.MALFORMED_CUE, Severity.ERROR),
        (10, ProblemCode.MALFORMED_CUE, Severity.ERROR),
        (13, ProblemCode.MALFORMED_CUE, Severity.ERROR),
    ]
    assert "invalid time '00:00:61.000'" in lyrics.problems[0].message
    assert "invalid time '00:03,000'" in lyrics.problems[1].message
    assert "expected a timing line" in lyrics.problems[2].message


def test_times_without_milliseconds_or_with_one_or_two_digits_are_read_with_a_warning_per_form():
    text = (
        "WEBVTT\n\n"
        "00:01 --> 00:02\nuno\n\n"  # line 3: no milliseconds (ExoPlayer reads them)
        "00:00:02.5 --> 00:00:03.25\ndos\n\n"  # line 6: the digits count ms (VLC, FFmpeg)
        "00:04.04-->00:05 align:start\ntres\n"  # line 9: both forms again
    )
    lyrics = read(text)
    assert [(ln.text, ln.start_ms, ln.end_ms) for ln in lyrics.lines] == [
        ("uno", 1000, 2000),
        ("dos", 2005, 3025),
        ("tres", 4004, 5000),
    ]
    # One warning per form, at its first timing row, naming the rows after it.
    assert [(p.line, p.code, p.severity) for p in lyrics.problems] == [
        (3, ProblemCode.LOOSE_TIME, Severity.WARNING),
        (6, ProblemCode.LOOSE_TIME, Severity.WARNING),
    ]
    no_ms, short = (problem.message for problem in lyrics.problems)
    assert no_ms.startswith("time '00:01' has no milliseconds")
    assert "read as 00:00:01.000 (and 1 more timing line(s): 9)" in no_ms
    assert short.startswith("time '00:00:02.5' has fewer than 3 digits after the '.'")
    assert "read as 00:00:02.005 (and 1 more timing line(s): 9)" in short


@pytest.mark.parametrize(
    "timing",
    ["00:00:01.0000 --> 00:00:02.000", "00:0:01.000 --> 00:00:02.000", "00:01, --> 00:02"],
)
def test_other_loose_times_are_still_refused(timing):
    lyrics = read(f"WEBVTT\n\n{timing}\nbad\n\n00:05.000 --> 00:06.000\ndos\n")
    assert [line.text for line in lyrics.lines] == ["dos"]
    assert [(p.line, p.code) for p in lyrics.problems] == [(3, ProblemCode.MALFORMED_CUE)]


def test_a_timing_row_inside_a_cue_starts_the_next_cue():
    text = "WEBVTT\n00:01.000 --> 00:02.000\nuno\n00:03.000 --> 00:04.000\ndos\n"
    lyrics = read(text)
    assert [(ln.text, ln.start_ms, ln.source_line) for ln in lyrics.lines] == [
        ("uno", 1000, 2),
        ("dos", 3000, 4),
    ]


def test_a_header_and_notes_only_is_an_error():
    with pytest.raises(SongError) as caught:
        read("WEBVTT\nKind: captions\n\nNOTE nothing yet\n")
    assert caught.value.code is ProblemCode.NO_LINES


def test_hours_have_one_to_three_digits():
    assert read("WEBVTT\n\n999:59:58.999 --> 999:59:59.999\nfin\n").lines[0].end_ms == (
        1000 * 3_600_000 - 1
    )
    with pytest.raises(SongError):
        read("WEBVTT\n\n1000:00:00.000 --> 1000:00:01.000\nfin\n")


# Writing ---------------------------------------------------------------------------------------

WORDS = (Word("Con", 9600, 9900, 0), Word("mi", 9900, 10200, 4), Word("burrito", 10500, 11000, 7))
LINES = (
    Line("Con mi burrito", 9600, 11000, WORDS, singer="Ana <1>"),
    Line("R&B\n<sabanero>", 12000, 14000),
)


def test_the_writer_writes_cues_voices_escapes_and_timestamps():
    assert webvtt_text(LINES, WriteOptions()) == (
        "WEBVTT\n\n"
        "00:00:09.600 --> 00:00:11.000\n"
        "<v Ana &lt;1&gt;><00:00:09.600>Con <00:00:09.900>mi<00:00:10.200> "
        "<00:00:10.500>burrito\n\n"
        "00:00:12.000 --> 00:00:14.000\n"
        "R&amp;B\n&lt;sabanero&gt;\n"
    )
    assert vtt_stamp(1000 * 3_600_000 - 1) == "999:59:59.999"


def test_what_is_written_reads_back_to_the_same_lines_and_word_times():
    again = read(webvtt_text(LINES, WriteOptions()))
    assert [(ln.text, ln.start_ms, ln.end_ms, ln.words, ln.singer) for ln in again.lines] == [
        (ln.text, ln.start_ms, ln.end_ms, ln.words, ln.singer) for ln in LINES
    ]
    without = read(webvtt_text(LINES, WriteOptions(words=False)))
    assert all(not line.words for line in without.lines)


def test_losses_name_words_cut_short_and_stanza_breaks():
    assert webvtt_losses(LINES[:1], True) == []
    overlapping = Line("a b", 0, 1000, (Word("a", 0, 600, 0), Word("b", 500, 1200, 2)))
    assert webvtt_losses([overlapping, LINES[1]], True) == [
        "words of line 1 that end after the next word (or their line) starts end there: "
        "a WebVTT word lasts until the next timestamp",
        "stanza breaks, if any, are not kept: WebVTT has no blank lines between cues",
    ]
    [again] = read(webvtt_text([overlapping], WriteOptions())).lines
    assert again.words == (Word("a", 0, 500, 0), Word("b", 500, 1000, 2))


# Through the registry and convert -----------------------------------------------------------------


def test_convert_webvtt_to_enhanced_lrc_and_back_keeps_word_times(tmp_path, write):
    source = write("song.vtt", SONG)
    convert(source, tmp_path / "song.lrc")
    original = read_lyrics(source).lines
    assert read_lyrics(tmp_path / "song.lrc").lines[0].words == original[0].words
    result = convert(tmp_path / "song.lrc", tmp_path / "again.vtt")
    assert result.words_kept
    again = read_lyrics(tmp_path / "again.vtt").lines
    # LRC holds one text row a line: the two rows of the second cue come back as one.
    assert [(ln.text, ln.start_ms, ln.end_ms, ln.words) for ln in again] == [
        (ln.text.replace("\n", " "), ln.start_ms, ln.end_ms, ln.words) for ln in original
    ]
