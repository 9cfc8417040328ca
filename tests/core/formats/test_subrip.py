from pathlib import Path

import pytest

from karaoke.core.convert import convert
from karaoke.core.errors import ProblemCode, Severity, SongError
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
    text = TWO_CUES + "\n3\n00:00:0S,000 --> 00:00:06,000\nlost verse\n"
    lyrics = read(text)
    assert len(lyrics.lines) == 2
    [problem] = lyrics.problems
    assert problem.severity is Severity.ERROR
    assert problem.line == 11
    assert "invalid time '00:00:0S,000'" in problem.message


def test_block_without_timing_line_before_any_cue_is_an_error_naming_its_line():
    lyrics = read("just some words\nmore words\n\n" + TWO_CUES)
    [problem] = lyrics.problems
    assert (problem.line, problem.code) == (1, ProblemCode.MALFORMED_CUE)
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


def test_dot_as_millisecond_separator_is_accepted_with_a_warning():
    lyrics = read("00:00:01.250 --> 00:00:02.000\nhola\n")
    assert lyrics.lines[0].start_ms == 1250
    [problem] = lyrics.problems
    assert (problem.line, problem.code) == (1, ProblemCode.LOOSE_TIME)
    assert "'00:00:01.250' has '.' where SubRip has ','" in problem.message


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


def test_corpus_time_without_milliseconds_is_read_with_a_warning_naming_the_line():
    """pysrt calls this file invalid; VLC, ExoPlayer and the srt library play it."""
    lyrics = read_lyrics(CORPUS_SRT / "invalid.srt")
    assert [(ln.start_ms, ln.end_ms, ln.text) for ln in lyrics.lines] == [
        (1000, 10000, "This subtitle is invalid")
    ]
    [problem] = lyrics.problems
    assert (problem.line, problem.code, problem.severity) == (
        2,
        ProblemCode.LOOSE_TIME,
        Severity.WARNING,
    )
    assert "'00:00:01' has no milliseconds: read as 00:00:01,000" in problem.message


def test_corpus_capability_tester_strips_markup_and_keeps_text():
    lyrics = read_lyrics(CORPUS_SRT / "capability_tester.srt")
    texts = [ln.text for ln in lyrics.lines]
    assert "This text should be blue" in texts[0]  # the hidden 0 ms cue before it is left out
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


# Times players read that are not HH:MM:SS,mmm (LOOSE_TIME) ------------------------------------

#: The shape of the file in the issue: 14 cues, 10 of them with times that VLC, ExoPlayer or the
#: srt library read but that are not standard SubRip.
REAL_WORLD = """1
00:00:01,000 --> 00:00:02,000
uno

2
00:00:02,500 --> 00:00:03,000
dos

3
00:00:03,500 --> 00:00:04,000
tres

4
00:00:04,500 --> 00:00:05
cuatro

5
00:00:013,567 --> 00:00:014,000
cinco

6
00:15 --> 00:16
seis

7
00:00:17 --> 00:00:18,456
siete

8
00:00:19,04 --> 00:00:19,5
ocho

9
00:00:20.250 --> 00:00:21.000
nueve

10
00:22,500 --> 00:23,000
diez

11
00:00:24 --> 00:00:25
once

12
00:00:026,000 --> 00:00:027,000
doce

13
00:00:28.1 --> 00:00:29.10
trece

14
00:00:30,000 --> 00:00:31,000
catorce
"""


def test_a_real_world_file_with_loose_times_keeps_every_cue():
    lyrics = read(REAL_WORLD)
    assert [(ln.text, ln.start_ms, ln.end_ms) for ln in lyrics.lines] == [
        ("uno", 1000, 2000),
        ("dos", 2500, 3000),
        ("tres", 3500, 4000),
        ("cuatro", 4500, 5000),
        ("cinco", 13567, 14000),
        ("seis", 15000, 16000),
        ("siete", 17000, 18456),
        ("ocho", 19004, 19005),
        ("nueve", 20250, 21000),
        ("diez", 22500, 23000),
        ("once", 24000, 25000),
        ("doce", 26000, 27000),
        ("trece", 28001, 29010),
        ("catorce", 30000, 31000),
    ]
    assert [(p.line, p.code, p.message) for p in lyrics.problems] == [
        (
            14,
            ProblemCode.LOOSE_TIME,
            "time '00:00:05' has no milliseconds: read as 00:00:05,000"
            " (and 3 more timing line(s): 22, 26, 42)",
        ),
        (
            18,
            ProblemCode.LOOSE_TIME,
            "time '00:00:013,567' has three digits of seconds: read as 00:00:13,567"
            " (and 1 more timing line(s): 46)",
        ),
        (
            22,
            ProblemCode.LOOSE_TIME,
            "time '00:15' has no hours (taken as minutes:seconds): read as 00:00:15,000"
            " (and 1 more timing line(s): 38)",
        ),
        (
            30,
            ProblemCode.LOOSE_TIME,
            "time '00:00:19,04' has fewer than 3 digits after the comma (they count"
            " milliseconds, as VLC, mpv and the srt library read them: a tenth of a second is"
            " ,100): read as 00:00:19,004 (and 1 more timing line(s): 50)",
        ),
        (
            34,
            ProblemCode.LOOSE_TIME,
            "time '00:00:20.250' has '.' where SubRip has ',': read as 00:00:20,250"
            " (and 1 more timing line(s): 50)",
        ),
    ]
    assert all(problem.severity is Severity.WARNING for problem in lyrics.problems)


def test_a_real_world_file_with_loose_times_converts(tmp_path):
    source = tmp_path / "real.srt"
    source.write_text(REAL_WORLD, encoding="utf-8")
    convert(source, tmp_path / "real.lrc")
    assert len(read_lyrics(tmp_path / "real.lrc").lines) == 14


@pytest.mark.parametrize(
    ("timing", "start_ms", "end_ms", "says"),
    [
        ("00:00:013,567 --> 00:00:014,000", 13567, 14000, "has three digits of seconds"),
        ("00:02 --> 00:03", 2000, 3000, "has no hours (taken as minutes:seconds)"),
        ("01:02,500 --> 01:03,000", 62500, 63000, "has no hours"),
        ("00:00:02 --> 00:00:03,456", 2000, 3456, "has no milliseconds"),
        ("00:00:01,04 --> 00:00:02,000", 1004, 2000, "fewer than 3 digits after the comma"),
        ("00:00:01,4 --> 00:00:02,000", 1004, 2000, "fewer than 3 digits after the comma"),
        ("00:00:01.250 --> 00:00:02,000", 1250, 2000, "has '.' where SubRip has ','"),
    ],
)
def test_each_loose_time_form_is_read_with_a_warning_naming_its_row(timing, start_ms, end_ms, says):
    lyrics = read(f"1\n00:00:00,000 --> 00:00:00,500\nantes\n\n2\n{timing}\nhola\n")
    line = lyrics.lines[1]
    assert (line.text, line.start_ms, line.end_ms) == ("hola", start_ms, end_ms)
    assert lyrics.problems and all(p.code is ProblemCode.LOOSE_TIME for p in lyrics.problems)
    assert {p.line for p in lyrics.problems} == {6}
    assert any(says in p.message for p in lyrics.problems)


@pytest.mark.parametrize("stamp", ["00:00:01,04", "00:00:01,4", "00:00:01,040", "00:00:013,567"])
def test_short_fractions_count_milliseconds_as_pysrt_reads_them(stamp):
    """VLC (sscanf %d), mpv/FFmpeg (%3d), the srt library and pysrt all read ',04' as 4 ms."""
    import pysrt

    ours = read(f"{stamp} --> 00:00:20,000\nx\n").lines[0].start_ms
    assert ours == pysrt.SubRipTime.from_string(stamp).ordinal


@pytest.mark.parametrize(
    ("timing", "says"),
    [
        ("00:00:01", "time '00:00:01' without '-->' and an end time"),
        ("00:00:0a,000 --> 00:00:02,000", "invalid time '00:00:0a,000'"),
        ("-00:00:01,000 --> 00:00:02,000", "invalid time '-00:00:01,000'"),
        ("00:00:01,0000 --> 00:00:02,000", "invalid time '00:00:01,0000'"),
        ("00:00:01,000 --> 00:00:02,0000", "invalid time '00:00:02,0000'"),
        ("00:00:01:000 --> 00:00:02,000", "invalid time '00:00:01:000'"),
        ("00:00:075,000 --> 00:01:20,000", "below 60"),
        ("00:75:00,000 --> 01:20:00,000", "below 60"),
        ("75:00 --> 76:00", "below 60"),
    ],
)
def test_what_no_player_reads_is_still_refused_naming_the_row(timing, says):
    text = f"1\n{timing}\nperdido\n\n2\n00:00:05,000 --> 00:00:06,000\nleído\n"
    lyrics = read(text)
    assert [ln.text for ln in lyrics.lines] == ["leído"]
    [problem] = lyrics.problems
    assert (problem.line, problem.code, problem.severity) == (
        2,
        ProblemCode.MALFORMED_CUE,
        Severity.ERROR,
    )
    assert says in problem.message


def test_a_time_alone_after_a_blank_line_is_refused_not_taken_for_text():
    lyrics = read("1\n00:00:01,000 --> 00:00:02,000\nuno\n\n2\n00:00:03\ndos\n")
    assert [ln.text for ln in lyrics.lines] == ["uno"]
    [problem] = lyrics.problems
    assert (problem.line, problem.code) == (6, ProblemCode.MALFORMED_CUE)


# A blank line inside a cue (BLANK_IN_CUE) ------------------------------------------------------


def test_text_after_a_blank_line_inside_a_cue_is_kept_with_a_warning():
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nEl modelo aprende\n\ny predice\n\n\nla palabra\n"
        "\n2\n00:00:03,000 --> 00:00:04,000\nsiguiente\n"
        "\n00:00:05,000 --> 00:00:06,000\nsin número\n\notra fila\n"
    )
    lyrics = read(text)
    assert [(ln.text, ln.source_line) for ln in lyrics.lines] == [
        ("El modelo aprende\ny predice\nla palabra", 1),
        ("siguiente", 10),
        ("sin número\notra fila", 14),
    ]
    assert [(p.line, p.code) for p in lyrics.problems] == [
        (5, ProblemCode.BLANK_IN_CUE),
        (8, ProblemCode.BLANK_IN_CUE),
        (17, ProblemCode.BLANK_IN_CUE),
    ]
    assert all(p.severity is Severity.WARNING for p in lyrics.problems)
    assert "blank line inside the cue at line 1" in lyrics.problems[0].message


def test_a_number_then_a_timing_row_after_a_blank_line_starts_a_new_cue():
    lyrics = read("1\n00:00:01,000 --> 00:00:02,000\nuno\n\n7\n00:00:03,000 --> 00:00:04,000\n7\n")
    assert [ln.text for ln in lyrics.lines] == ["uno", "7"]
    assert lyrics.problems == ()


def test_a_blank_line_keeps_the_text_the_srt_library_keeps():
    """``srt.parse`` (srt 3.5) gives this cue the content 'uno\\n\\nmás uno'; a line's text
    has no blank rows, so here it is 'uno\\nmás uno'."""
    lyrics = read(
        "1\n00:00:01,000 --> 00:00:02,000\nuno\n\nmás uno\n\n2\n00:00:03,000 --> 00:00:04,000\ndos\n"
    )
    assert [ln.text for ln in lyrics.lines] == ["uno\nmás uno", "dos"]


# Text clean-up particular to SubRip; the rest is every format's (test_common.py) -------------


def test_ass_line_breaks_and_hard_spaces_become_a_break_and_a_space():
    lyrics = read("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Con mi\\Nburrito\\nsabanero\\hya\n")
    assert lyrics.lines[0].text == "Con mi\nburrito\nsabanero ya"
    assert lyrics.problems == ()


def test_what_the_reader_already_did_right_stays():
    cr_only = read(
        "1\r00:00:01,000 --> 00:00:02,000\r2<3,5>1\r\r2\r00:00:03,000 --> 00:00:04,000\rdos\r"
    )
    assert [(ln.text, ln.start_ms) for ln in cr_only.lines] == [("2<3,5>1", 1000), ("dos", 3000)]
    assert cr_only.problems == ()
    unordered = read("1\n00:00:05,000 --> 00:00:06,000\nb\n\n2\n00:00:01,000 --> 00:00:02,000\na\n")
    assert [(p.line, p.code) for p in unordered.problems] == [(5, ProblemCode.OUT_OF_ORDER)]


def test_a_zero_length_cue_is_left_out_with_a_warning_naming_its_line():
    lyrics = read(
        "1\n00:00:01,000 --> 00:00:02,000\nuno\n\n2\n00:00:03,000 --> 00:00:03,000\ndos\n"
    )
    assert [(ln.text, ln.start_ms, ln.end_ms) for ln in lyrics.lines] == [("uno", 1000, 2000)]
    [problem] = lyrics.problems
    assert (problem.line, problem.code, problem.severity) == (
        5,
        ProblemCode.ZERO_LENGTH,
        Severity.WARNING,
    )
    assert problem.message.endswith("it cannot be sung; left out")


def test_corpus_hidden_zero_length_cues_are_left_out_and_flagged():
    """The capability tester hides text in cues that last 0 ms (VLC never shows them)."""
    lyrics = read_lyrics(CORPUS_SRT / "capability_tester.srt")
    zero = [(p.line, p.severity) for p in lyrics.problems if p.code is ProblemCode.ZERO_LENGTH]
    assert zero == [(1, Severity.WARNING), (14, Severity.WARNING)]
    assert lyrics.lines[0].text.startswith("SubRip subtitles capability tester")
    assert not any("Don't show this text" in line.text for line in lyrics.lines)
