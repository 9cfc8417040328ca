import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karaoke.core.errors import SongError
from karaoke.core.formats import write_lyrics
from karaoke.core.formats.base import WriteOptions
from karaoke.core.formats.lrc import MAX_LINE_MS, lrc_losses, lrc_stamp, lrc_text, read_lrc
from karaoke.core.formats.plain import plain_text, read_plain
from karaoke.core.formats.subrip import read_subrip, subrip_text
from karaoke.core.model import Line, Word

LINES = (
    Line("Con mi burrito sabanero", 9600, 14100),
    Line("red neuronal\ndel lenguaje", 14400, 18900),
)


def test_subrip_text_is_standard_srt():
    assert subrip_text(LINES).startswith(
        "1\n00:00:09,600 --> 00:00:14,100\nCon mi burrito sabanero\n\n2\n"
    )


@given(
    st.lists(
        st.tuples(
            st.integers(0, 10**8),
            st.integers(1, 10**6),  # a 0 ms line is left out when read: none is written
            st.text(alphabet="abcñá ,\n", min_size=1, max_size=20)
            .map(lambda t: "\n".join(" ".join(r.split()) for r in t.split("\n") if r.strip()))
            .filter(bool),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_round_trip_to_the_millisecond(cues):
    lines = sorted(
        (Line(text, start, start + length) for start, length, text in cues),
        key=lambda ln: (ln.start_ms, ln.end_ms),
    )
    again = read_subrip(subrip_text(lines).encode(), "x.srt").lines
    assert [(ln.start_ms, ln.end_ms, ln.text) for ln in again] == [
        (ln.start_ms, ln.end_ms, ln.text) for ln in lines
    ]


# LRC and plain text ------------------------------------------------------------------------------

WORDED = Line(
    "Con mi burrito",
    9600,
    11000,
    (Word("Con", 9600, 9900, 0), Word("mi", 9900, 10200, 4), Word("burrito", 10200, 11000, 7)),
)


def timings(lines):
    """What a round trip must keep (``source_line`` is where the reader found the line)."""
    return [(line.text, line.start_ms, line.end_ms, line.words) for line in lines]


def test_lrc_stamps_are_minutes_seconds_and_milliseconds():
    assert lrc_stamp(0) == "00:00.000"
    assert lrc_stamp(83_456) == "01:23.456"
    assert lrc_stamp(6_000_000) == "100:00.000"


def test_plain_lrc_ends_a_line_with_an_empty_stamp_only_when_needed():
    lines = (Line("uno", 1000, 2000), Line("dos", 2000, 2500), Line("tres", 4000, 6000))
    assert lrc_text(lines, WriteOptions(stanza_starts=(0, 2), title="Prueba", words=False)) == (
        "[ti:Prueba]\n\n"
        "[00:01.000]uno\n"
        "[00:02.000]dos\n"
        "[00:02.500]\n"
        "\n"
        "[00:04.000]tres\n"
        "[00:06.000]\n"
    )


def test_enhanced_lrc_stamps_each_word_and_closes_the_line():
    assert lrc_text((WORDED,), WriteOptions(words=True)) == (
        "[00:09.600]<00:09.600>Con <00:09.900>mi <00:10.200>burrito<00:11.000>\n"
    )
    plain = lrc_text((WORDED,), WriteOptions(words=False))  # plain LRC: no word stamps
    assert plain == "[00:09.600]Con mi burrito\n[00:11.000]\n"


def test_lrc_reads_back_what_it_wrote_with_words_and_stanzas():
    lines = (WORDED, Line("red neuronal", 11000, 14000), Line("del lenguaje", 20000, 23000))
    text = lrc_text(lines, WriteOptions(stanza_starts=(0, 2), words=True))
    again = read_lrc(text.encode(), "x.lrc")
    assert timings(again.lines) == timings(lines)
    assert again.stanza_starts == (0, 2)


lrc_texts = st.lists(
    st.text(alphabet="abcñáGPT3,.'¡!?-", min_size=1, max_size=8), min_size=1, max_size=6
).map(" ".join)


@st.composite
def lrc_lines(draw, words: bool):
    """Lines LRC can hold: in order, not overlapping, 1 ms to 10 s long, one text row."""
    count = draw(st.integers(1, 12))
    lines, start = [], draw(st.integers(0, 10**6))
    for _ in range(count):
        text = draw(lrc_texts)
        duration = draw(st.integers(1, MAX_LINE_MS))
        tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
        timed = ()
        if words:
            cuts = sorted(
                draw(st.lists(st.integers(0, duration), min_size=len(tokens), max_size=len(tokens)))
            )
            cuts[0] = draw(st.integers(0, cuts[0]))
            ends = [*cuts[1:], duration]
            timed = tuple(
                Word(token, start + a, start + b, char)
                for (char, token), a, b in zip(tokens, cuts, ends, strict=True)
            )
        lines.append(Line(text, start, start + duration, timed))
        start += duration + draw(st.integers(0, 5000))
    return tuple(lines)


@given(lrc_lines(words=False))
def test_plain_lrc_round_trips_to_the_millisecond(lines):
    text = lrc_text(lines, WriteOptions(words=False))
    assert timings(read_lrc(text.encode(), "x.lrc").lines) == timings(lines)
    assert lrc_losses(lines) == []


@given(lrc_lines(words=True))
def test_enhanced_lrc_round_trips_words_to_the_millisecond(lines):
    again = read_lrc(lrc_text(lines, WriteOptions(words=True)).encode(), "x.lrc").lines
    assert timings(again) == timings(lines)


def test_lrc_losses_name_what_lrc_cannot_hold():
    lines = (
        Line("a", 0, 3000),
        Line("b\nc", 2000, 2000 + MAX_LINE_MS + 1),
        Line("d", 30_000, 30_000),
    )
    assert lrc_losses(lines) == [
        "line 1 end after the next line starts: LRC ends them there",
        "line 2 last over 10 s: LRC players end them then",
        "line 2 have several text rows: LRC joins them with a space",
        "line 3 last 0 ms: LRC ends them at the next line's start",
    ]


def test_plain_text_has_the_words_and_blank_lines_between_stanzas():
    lines = (Line("uno", 0, 1), Line("dos\ntres", 1, 2), Line("cuatro", 2, 3))
    text = plain_text(lines, WriteOptions(stanza_starts=(0, 2)))
    assert text == "uno\ndos tres\n\ncuatro\n"
    assert [line.text for line in read_plain(text.encode(), "x.txt").lines] == [
        "uno",
        "dos tres",
        "cuatro",
    ]


@pytest.mark.parametrize(
    ("name", "reader"), [("a.srt", read_subrip), ("a.LRC", read_lrc), ("a.txt", read_plain)]
)
def test_write_lyrics_chooses_the_format_by_extension(tmp_path, name, reader):
    target = tmp_path / name
    assert write_lyrics(target, LINES) is None
    again = reader(target.read_bytes(), name)
    assert [line.text.replace("\n", " ") for line in again.lines] == [
        line.text.replace("\n", " ") for line in LINES
    ]


def test_write_lyrics_refuses_an_unknown_extension(tmp_path):
    with pytest.raises(
        SongError, match=r"cannot write lyrics as '\.docx': use \.srt, \.lrc, \.ass, .* or \.txt"
    ):
        write_lyrics(tmp_path / "a.docx", LINES)
