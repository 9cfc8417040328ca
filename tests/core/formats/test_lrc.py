import re
from dataclasses import replace

import pytest

from karaoke.core.convert import convert
from karaoke.core.errors import ProblemCode, Severity, SongError
from karaoke.core.formats.base import WriteOptions
from karaoke.core.formats.lrc import LAST_LINE_MS, MAX_LINE_MS, lrc_losses, lrc_text, read_lrc
from karaoke.core.model import Line, Word


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


def test_what_the_engine_already_did_right_stays():
    cr_only = read_lrc(b"[00:01.00]uno\r[00:02.00]2<3,5>1\r", "song.lrc")
    assert [ln.text for ln in cr_only.lines] == ["uno", "2<3,5>1"]
    assert cr_only.lines[1].words == ()
    negative = read("[00:01.00]a\n[-00:02.00]b\n")
    assert [(p.line, p.code) for p in negative.problems] == [(2, ProblemCode.MISSING_STAMP)]
    unordered = read("[00:05.00]a\n[00:01.00]b\n")
    assert [(p.line, p.code) for p in unordered.problems] == [(2, ProblemCode.OUT_OF_ORDER)]


# Real-world files ------------------------------------------------------------------------------

#: A Japanese enhanced-LRC line of ten phrases over 27 s, with its translation under the same
#: stamp (the shape of the file in the issue).
JAPANESE = (
    "[ti:夢の向こう]\n"
    "[00:18.000]<00:18.000>前奏<00:20.000>\n"
    "[00:18.000]Prelude\n"
    "[00:20.423]<00:20.423>夢の<00:23.100>中で<00:25.800>見た<00:28.500>ような"
    "<00:31.200>景色<00:33.900>の<00:36.600>向こう<00:39.300>へ<00:42.000>行こう"
    "<00:44.700>よ<00:47.353>\n"
    "[00:20.423]Let's go beyond the view we saw in a dream\n"
    "[00:48.000]<00:48.000>次の<00:49.000>行<00:50.000>\n"
    "[00:48.000]The next line\n"
)


def test_a_word_timed_line_lasts_until_its_last_word_ends_even_past_10_s():
    lyrics = read(JAPANESE)
    line = lyrics.lines[1]
    assert (line.start_ms, line.end_ms) == (20423, 47353)
    assert len(line.words) == 10
    assert line.words[-1] == Word("よ", 44700, 47353, len(line.text) - 1)
    assert all(line.start_ms <= w.start_ms < w.end_ms <= line.end_ms for w in line.words)


def test_without_a_closing_stamp_the_last_word_ends_as_a_line_would():
    lyrics = read(
        "[00:20.00]<00:20.00>uno <00:29.00>dos <00:45.00>tres\n[00:47.35]cuatro\n"
        "[01:00.00]<01:00.00>cinco <01:30.00>seis\n"
    )
    assert [(ln.start_ms, ln.end_ms) for ln in lyrics.lines] == [
        (20000, 47350),  # tres ends where the next stamp starts
        (47350, 47350 + MAX_LINE_MS),  # no words: capped as before
        (60000, 90000 + LAST_LINE_MS),  # the last word of the last line lasts LAST_LINE_MS
    ]
    assert lyrics.lines[0].words[-1].end_ms == 47350


def test_an_inline_stamp_right_after_a_word_starts_a_new_word_that_the_line_covers():
    lyrics = read("[02:00.00]Let it be[02:01.40]ADLIB\n[02:01.00]\n[02:04.00]Next\n")
    line = lyrics.lines[0]
    assert line.text == "Let it be ADLIB"  # a [..] stamp starts a phrase: never glued
    assert [(w.text, w.start_ms, w.end_ms) for w in line.words] == [
        ("Let it be", 120000, 121400),
        ("ADLIB", 121400, 124000),
    ]
    assert line.end_ms == 124000
    for word in line.words:
        assert line.text[word.char_start : word.char_end] == word.text
    assert lyrics.problems == ()


def test_angle_stamps_inside_a_word_time_its_syllables_and_cjk_takes_no_spaces():
    syllables = read("[00:01.00]<00:01.00>Hel<00:01.30>lo\n").lines[0]
    assert syllables.text == "Hello"
    assert [w.text for w in syllables.words] == ["Hel", "lo"]
    cjk = read("[00:01.00]夜空[00:02.00]星\n").lines[0]
    assert cjk.text == "夜空星" and [w.text for w in cjk.words] == ["夜空", "星"]


def test_spaces_left_where_word_stamps_were_are_folded():
    line = read("[00:01.00]<00:01.00>Hello <00:01.50> world\n").lines[0]
    assert line.text == "Hello world"
    assert [(w.text, w.char_start) for w in line.words] == [("Hello", 0), ("world", 6)]
    line = read("[00:05.00]  GPT,  [00:05.50]se   llama \t[00:06.00]\n").lines[0]
    assert line.text == "GPT, se llama"
    assert [(w.text, w.char_start) for w in line.words] == [("GPT,", 0), ("se llama", 5)]
    assert read("[00:01.00]dos  espacios\n").lines[0].text == "dos espacios"


def test_a_second_line_with_the_same_stamp_is_the_translation():
    lyrics = read(
        "[00:12.34]夜に駆ける\n[00:12.34]Racing into the night\n"
        "[00:15.00]沈むように\n[00:15.00]As if sinking\n[00:18.00]\n"
    )
    assert [(ln.text, ln.translation, ln.end_ms) for ln in lyrics.lines] == [
        ("夜に駆ける", "Racing into the night", 15000),
        ("沈むように", "As if sinking", 18000),
    ]
    assert lyrics.problems == ()


def test_translations_written_after_all_sung_lines_pair_by_stamp():
    lyrics = read("[00:01.00]uno\n[00:02.00]OK\n\n[00:01.00]one\n[00:02.00]OK\n")
    assert [(ln.text, ln.translation) for ln in lyrics.lines] == [("uno", "one"), ("OK", "")]
    assert lyrics.problems == ()


def test_a_third_line_with_one_stamp_is_left_out_and_named():
    lyrics = read("[00:01.00]歌\n[00:01.00]uta\n[00:01.00]song\n[00:03.00]次\n")
    assert [(ln.text, ln.translation) for ln in lyrics.lines] == [("歌", "uta"), ("次", "")]
    [problem] = lyrics.problems
    assert (problem.line, problem.code) == (3, ProblemCode.EXTRA_TRANSLATION)
    assert "line 1" in problem.message and "line 2" in problem.message


def test_compressed_lines_in_any_file_order_are_not_out_of_order():
    lyrics = read(
        "[03:11.53][02:31.83][01:01.57]Desde cuando te estará esperando\n"
        "[03:16.27][02:36.00][01:06.44]Desde cuando estoy buscando\n"
        "[01:09.62]Tu mirada en el firmamento\n"
        "[03:24.85][02:44.64][01:14.73]Te he buscado en un millón de auroras\n"
        "[02:52.52][01:23.82]como tú sabes\n"
        "[00:30.00][02:00.00]Intro y puente\n"
    )
    assert lyrics.problems == ()
    starts = [ln.start_ms for ln in lyrics.lines]
    assert starts == sorted(starts) and len(starts) == 14
    assert lyrics.lines[0].text == "Intro y puente"


def test_one_invalid_stamp_keeps_its_valid_sibling():
    lyrics = read("[00:01.00]a\n[02:83.37][08:33.75]text\n")
    assert [(ln.text, ln.start_ms) for ln in lyrics.lines] == [("a", 1000), ("text", 513750)]
    [problem] = lyrics.problems
    assert (problem.line, problem.code) == (2, ProblemCode.MALFORMED_STAMP)
    assert "02:83" in problem.message


def test_an_invalid_word_stamp_is_ignored_and_the_line_kept():
    lyrics = read("[00:01.00]<00:01.00>a <00:75.00>b <00:02.00>c<00:03.00>\n")
    line = lyrics.lines[0]
    assert line.text == "a b c"
    assert [(w.text, w.start_ms, w.end_ms) for w in line.words] == [
        ("a b", 1000, 2000),
        ("c", 2000, 3000),
    ]
    [problem] = lyrics.problems
    assert (problem.line, problem.code) == (1, ProblemCode.MALFORMED_STAMP)


def test_metadata_on_the_row_of_a_timed_line_is_read_with_it():
    lyrics = read("[offset:102][00:00.17]text\n[ti:A][ar:B]\n[00:02.00]b\n")
    assert lyrics.metadata == {"offset": "102", "ti": "A", "ar": "B"}
    assert [(ln.text, ln.start_ms) for ln in lyrics.lines] == [("text", 68), ("b", 1898)]
    assert lyrics.problems == ()


def test_enhanced_lrc_round_trip_keeps_words_translations_and_line_ends():
    lyrics = read(JAPANESE)
    text = lrc_text(lyrics.lines, WriteOptions(words=True))
    again = read(text)
    assert again.lines == tuple(
        replace(ln, source_line=again_ln.source_line)
        for ln, again_ln in zip(lyrics.lines, again.lines, strict=True)
    )
    assert again.problems == ()
    for row in text.splitlines():  # no word stamp after the line's closing stamp
        stamps = [m.group(1) for m in re.finditer(r"<(\d\d:\d\d\.\d{3})>", row)]
        assert stamps == sorted(stamps)


def test_karaoke_convert_keeps_word_times_of_long_lines(tmp_path):
    source = tmp_path / "song.lrc"
    source.write_text(JAPANESE, encoding="utf-8")
    converted = convert(source, tmp_path / "out.lrc")
    assert converted.words_kept
    assert not any("10 s" in note for note in converted.notes)
    again = read_lrc((tmp_path / "out.lrc").read_bytes(), "out.lrc")
    assert (again.lines[1].end_ms, again.lines[1].translation[:8]) == (47353, "Let's go")
    assert [(ln.end_ms, ln.words, ln.translation) for ln in again.lines] == [
        (ln.end_ms, ln.words, ln.translation) for ln in read(JAPANESE).lines
    ]


def test_the_writer_never_ends_a_line_before_its_words():
    line = Line("a b", 1000, 1500, (Word("a", 1000, 1200, 0), Word("b", 1800, 2400, 2)))
    assert lrc_text((line,), WriteOptions(words=True)) == (
        "[00:01.000]<00:01.000>a <00:01.800>b<00:02.400>\n"
    )
    assert lrc_losses((line,), words=True) == [
        "line 1 have words after their end: LRC ends them with their last word"
    ]
