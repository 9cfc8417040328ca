import pytest

from karaoke.core.errors import Severity, SongError
from karaoke.core.formats.lrc import LAST_LINE_MS, MAX_LINE_MS, read_lrc


def read(text: str):
    return read_lrc(text.encode(), "song.lrc")


def test_two_and_three_digit_fractions_and_line_ends():
    lyrics = read("[00:01.50]uno\n[00:02.250]dos\n[01:00]tres\n")
    assert [(ln.text, ln.start_ms, ln.end_ms) for ln in lyrics.lines] == [
        ("uno", 1500, 2250),
        ("dos", 2250, 2250 + MAX_LINE_MS),  # the next stamp is far: capped
        ("tres", 60000, 60000 + LAST_LINE_MS),
    ]


def test_repeated_stamps_repeat_the_line_without_order_warnings():
    lyrics = read("[00:10.00][00:30.00]coro\n[00:20.00]verso\n[00:25.00]\n")
    assert [(ln.text, ln.start_ms) for ln in lyrics.lines] == [
        ("coro", 10000),
        ("verso", 20000),
        ("coro", 30000),
    ]
    assert lyrics.lines[1].end_ms == 25000  # an empty stamp ends the line before it
    assert lyrics.problems == ()


def test_metadata_and_offset_shift_lyrics_sooner():
    lyrics = read("[ti:Mi Modelito]\n[ar:Coro]\n[offset:+500]\n[00:02.00]hola\n")
    assert lyrics.metadata["ti"] == "Mi Modelito"
    assert lyrics.lines[0].start_ms == 1500


def test_negative_offset_and_clamping_at_zero():
    assert read("[offset:-250]\n[00:01.00]a\n").lines[0].start_ms == 1250
    assert read("[offset:5000]\n[00:01.00]a\n").lines[0].start_ms == 0


def test_enhanced_angle_stamps_give_word_times_and_positions():
    line = read("[00:10.00]<00:10.00>Tuki <00:10.40>tuki <00:10.80>ta<00:11.50>\n").lines[0]
    assert line.text == "Tuki tuki ta"
    assert [(w.text, w.start_ms, w.end_ms, w.char_start) for w in line.words] == [
        ("Tuki", 10000, 10400, 0),
        ("tuki", 10400, 10800, 5),
        ("ta", 10800, 11500, 10),
    ]
    assert line.end_ms == 11500


def test_inline_square_stamps_give_word_times():
    line = read("[00:05.00]GPT, [00:05.50]GPT, [00:06.00]se llama\n[00:08.00]x\n").lines[0]
    assert [(w.text, w.start_ms, w.end_ms) for w in line.words] == [
        ("GPT,", 5000, 5500),
        ("GPT,", 5500, 6000),
        ("se llama", 6000, 8000),
    ]
    assert line.text == "GPT, GPT, se llama"
    for word in line.words:
        assert line.text[word.char_start : word.char_end] == word.text


def test_repeated_word_timed_line_shifts_its_words():
    lyrics = read("[00:01.00][00:11.00]<00:01.00>a <00:01.50>b<00:02.00>\n")
    assert [w.start_ms for w in lyrics.lines[1].words] == [11000, 11500]


def test_blank_lines_start_stanzas():
    lyrics = read("[00:01]a\n[00:02]b\n\n[00:03]c\n[00:04]d\n\n\n[00:05]e\n")
    assert lyrics.stanza_starts == (0, 2, 4)


def test_text_without_stamp_is_an_error_with_its_line():
    lyrics = read("[00:01.00]a\nno stamp here\n")
    [problem] = lyrics.problems
    assert (problem.line, problem.severity) == (2, Severity.ERROR)


def test_seconds_over_59_are_rejected_with_the_line():
    lyrics = read("[00:01.00]a\n[00:75.00]b\n")
    [problem] = lyrics.problems
    assert problem.line == 2 and "seconds must be below 60" in problem.message


def test_bad_offset_is_reported_and_ignored():
    lyrics = read("[offset:soon]\n[00:01.00]a\n")
    assert lyrics.lines[0].start_ms == 1000
    assert "offset" in lyrics.problems[0].message


def test_no_timed_line_is_unusable():
    with pytest.raises(SongError, match="no timed LRC line found"):
        read("[ti:only metadata]\n")


def test_an_offset_that_pushes_lines_before_zero_is_reported():
    lyrics = read("[offset:+5000]\n[00:01.00]a\n[00:09.00]b\n")
    assert [ln.start_ms for ln in lyrics.lines] == [0, 4000]
    assert "moves 1 line(s) before 0:00" in lyrics.problems[0].message
