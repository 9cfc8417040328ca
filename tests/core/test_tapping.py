"""The tap-session rules: starts, ends, word mode, undo, re-tap, nudges, state round trip."""

import contextlib
import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from karaoke.core.formats.lrc import LAST_LINE_MS, MAX_LINE_MS, read_lrc
from karaoke.core.formats.plain import read_plain
from karaoke.core.formats.subrip import read_subrip
from karaoke.core.model import Word
from karaoke.core.tapping import Edge, TapError, TapSession

TEXTS = ["Con mi burrito sabanero", "red neuronal", "del lenguaje natural"]


def times(session: TapSession) -> list[tuple[int, int]]:
    return [(line.start_ms, line.end_ms) for line in session.to_lines()]


def test_each_tap_starts_the_next_line_and_ends_the_one_before():
    session = TapSession.from_texts(TEXTS)
    assert [session.tap(ms) for ms in (1000, 2500, 4000)] == [0, 1, 2]
    assert times(session) == [(1000, 2500), (2500, 4000), (4000, 4000 + LAST_LINE_MS)]


def test_a_tap_after_the_last_line_started_ends_it_and_then_there_is_nothing_left():
    session = TapSession.from_texts(TEXTS)
    for ms in (1000, 2500, 4000, 6200):
        session.tap(ms)
    assert times(session)[-1] == (4000, 6200)
    with pytest.raises(TapError, match="every line is timed"):
        session.tap(7000)


def test_an_explicit_end_wins_over_the_next_start_but_never_overlaps_it():
    session = TapSession.from_texts(TEXTS)
    session.tap(1000)
    session.tap_end(1800)
    session.tap(2500)
    assert times(session)[0] == (1000, 1800)
    session.nudge(0, "end", 5000)  # past the next start: held there
    assert times(session)[0] == (1000, 2500)


def test_a_long_gap_ends_the_line_after_max_line_ms():
    session = TapSession.from_texts(TEXTS[:2])
    session.tap(0)
    session.tap(MAX_LINE_MS + 20_000)  # an instrumental break
    assert times(session)[0] == (0, MAX_LINE_MS)


def test_taps_cannot_go_back_in_time():
    session = TapSession.from_texts(TEXTS)
    session.tap(2000)
    with pytest.raises(TapError, match="before line 1's start"):
        session.tap(1500)
    with pytest.raises(TapError, match="before it starts"):
        session.tap_end(1000)
    with pytest.raises(TapError, match="negative"):
        session.tap(-1)
    assert times(session) == [(2000, 2000 + LAST_LINE_MS)]


def test_end_before_any_start_is_refused():
    with pytest.raises(TapError, match="no line has started"):
        TapSession.from_texts(TEXTS).tap_end(100)


def test_undo_takes_back_every_kind_of_change_one_at_a_time():
    session = TapSession.from_texts(TEXTS)
    session.tap(1000)
    session.tap(2000)
    session.tap_end(2600)
    session.nudge(1, "start", -100)
    session.undo()
    assert session.start_ms(1) == 2000
    session.undo()
    assert not session.has_explicit_end(1)
    session.undo()
    assert session.cursor == 1 and session.start_ms(1) is None
    session.undo()
    assert session.untimed_count == 3
    with pytest.raises(TapError, match="nothing to undo"):
        session.undo()


def test_retap_overwrites_from_the_chosen_line_and_clears_lines_it_overtakes():
    session = TapSession.from_texts(TEXTS)
    for ms in (1000, 2000, 3000):
        session.tap(ms)
    session.retap_from(1)
    assert session.cursor == 1
    session.tap(3500)  # later than line 3's old start: line 3 must be tapped again
    assert session.start_ms(1) == 3500
    assert session.start_ms(2) is None and session.cursor == 2
    assert times(session) == [(1000, 3500), (3500, 3500 + LAST_LINE_MS)]


def test_retap_keeps_later_lines_that_still_come_after():
    session = TapSession.from_texts(TEXTS)
    for ms in (1000, 2000, 3000):
        session.tap(ms)
    session.retap_from(1)
    session.tap(1900)
    assert times(session)[1:] == [(1900, 3000), (3000, 3000 + LAST_LINE_MS)]


def test_nudges_move_by_the_step_and_stop_at_the_neighbours():
    session = TapSession.from_texts(TEXTS)
    for ms in (1000, 2000, 3000):
        session.tap(ms)
    assert session.nudge(1, "start", 10) == 2010
    assert session.nudge(1, "start", -100) == 1910
    assert session.nudge(1, "end", -10) == 2990
    assert session.has_explicit_end(1)
    assert session.nudge(1, "start", -5000) == 1000  # not before line 1's start
    assert session.nudge(0, "start", -2000) == 0
    with pytest.raises(TapError, match="start of the media"):
        session.nudge(0, "start", -10)
    with pytest.raises(TapError, match="no time yet"):
        TapSession.from_texts(TEXTS).nudge(0, "start", 10)


def test_set_time_puts_a_start_where_the_waveform_was_clicked():
    session = TapSession.from_texts(TEXTS)
    session.tap(1000)
    session.tap(2000)
    assert session.set_time(1, "start", 1740) == 1740
    assert times(session)[0] == (1000, 1740)


def test_word_mode_taps_each_word_and_the_first_starts_the_line():
    session = TapSession.from_texts(["uno dos tres", "cuatro cinco"])
    assert session.tap_word(1000) == (0, 0)
    assert session.tap_word(1400) == (0, 1)
    assert session.tap_word(1800) == (0, 2)
    assert session.tap_word(2500) == (1, 0)  # no word left: the next line starts
    session.tap_word(2900)
    assert session.tap_word(3600) == (1, -1)  # after the last word: the line ends
    first, second = session.to_lines()
    assert first.words == (
        Word("uno", 1000, 1400, 0),
        Word("dos", 1400, 1800, 4),
        Word("tres", 1800, 2500, 8),
    )
    assert (first.start_ms, first.end_ms) == (1000, 2500)
    assert second.words[-1] == Word("cinco", 2900, 3600, 7)


def test_a_partly_word_tapped_line_keeps_no_word_timings():
    session = TapSession.from_texts(["uno dos tres", "cuatro"])
    session.tap_word(1000)
    session.tap_word(1400)
    session.tap(2500)  # line mode again before "tres"
    assert session.to_lines()[0].words == ()
    assert session.words_tapped(0) == 2


def test_nudging_a_word_timed_start_moves_its_first_word_along():
    session = TapSession.from_texts(["uno dos", "tres"])
    for ms in (1000, 1500, 2000):
        session.tap_word(ms)
    session.nudge(0, "start", -100)
    assert session.to_lines()[0].words[0] == Word("uno", 900, 1500, 0)


def test_timed_lyrics_keep_their_times_ends_and_words():
    srt = "1\n00:00:01,000 --> 00:00:02,000\nuno\n\n2\n00:00:02,000 --> 00:00:03,500\ndos\n"
    session = TapSession.from_lyrics(read_subrip(srt.encode(), "x.srt"))
    assert session.cursor == 2  # every line is timed
    assert not session.has_explicit_end(0)  # ends where the next starts
    assert session.has_explicit_end(1)
    assert times(session) == [(1000, 2000), (2000, 3500)]
    lrc = "[00:01.000]<00:01.000>Hola <00:01.500>mundo<00:02.000>\n[00:03.000]fin\n[00:04.000]\n"
    session = TapSession.from_lyrics(read_lrc(lrc.encode(), "x.lrc"))
    assert session.to_lines()[0].words == (
        Word("Hola", 1000, 1500, 0),
        Word("mundo", 1500, 2000, 5),
    )


def test_plain_text_starts_untimed_with_its_stanzas():
    lyrics = read_plain(b"uno\ndos\n\ntres\n", "x.txt")
    session = TapSession.from_lyrics(lyrics)
    assert session.untimed_count == 3 and session.cursor == 0
    assert session.stanza_starts == (0, 2)
    for ms in (0, 1000, 2000):
        session.tap(ms)
    assert session.timed_stanza_starts() == (0, 2)


def test_untimed_lines_are_left_out_and_stanza_starts_follow():
    session = TapSession.from_texts(["a", "b", "c", "d"], stanza_starts=(0, 2))
    session.tap(0)
    session.retap_from(2)
    session.tap(1000)
    session.tap(2000)
    assert [line.text for line in session.to_lines()] == ["a", "c", "d"]
    assert session.timed_stanza_starts() == (0, 1)


def test_events_apply_like_the_methods_and_reject_garbage():
    session = TapSession.from_texts(TEXTS)
    session.apply({"op": "tap", "ms": 1000})
    session.apply({"op": "word", "ms": 1500})
    session.apply({"op": "nudge", "line": 0, "which": "start", "delta": 10})
    assert session.start_ms(0) == 1010 and session.start_ms(1) == 1500
    for bad in ({"op": "jump"}, {"op": "tap"}, {"op": "nudge", "line": 0, "which": "middle"}):
        with pytest.raises(TapError):
            session.apply(bad)


@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("tap"), st.integers(0, 400)),
            st.tuples(st.just("end"), st.integers(0, 400)),
            st.tuples(st.just("word"), st.integers(0, 400)),
            st.tuples(st.just("undo"), st.just(0)),
            st.tuples(st.just("retap"), st.integers(0, 3)),
            st.tuples(st.just("nudge"), st.integers(-150, 150)),
        ),
        max_size=40,
    )
)
def test_any_sequence_keeps_lines_in_order_and_survives_json(steps):
    """Whatever is pressed, saved lines are in order, never overlap, and the state round-trips."""
    session = TapSession.from_texts(["a b", "c", "d e f", "g"], stanza_starts=(0, 2))
    clock = 0
    for op, value in steps:
        clock += 37
        event = {
            "tap": {"op": "tap", "ms": clock + value},
            "end": {"op": "end", "ms": clock + value},
            "word": {"op": "word", "ms": clock + value},
            "undo": {"op": "undo"},
            "retap": {"op": "retap", "line": value},
            "nudge": {"op": "nudge", "line": value % 4, "which": "start", "delta": value},
        }[op]
        with contextlib.suppress(TapError):
            session.apply(event)
        lines = session.to_lines()
        for line in lines:
            assert 0 <= line.start_ms <= line.end_ms
            assert all(line.start_ms <= w.start_ms <= w.end_ms <= line.end_ms for w in line.words)
        for before, after in itertools.pairwise(lines):
            assert before.start_ms <= after.start_ms and before.end_ms <= after.start_ms
        again = TapSession.from_dict(json.loads(json.dumps(session.to_dict())))
        assert again.to_lines() == lines and again.cursor == session.cursor


def test_from_dict_refuses_a_damaged_state():
    data = TapSession.from_texts(TEXTS).to_dict()
    for damage in (
        {"starts": [1, 2]},
        {"version": 99},
        {"cursor": 17},
        {"starts": [-5, None, None]},
    ):
        with pytest.raises(TapError):
            TapSession.from_dict({**data, **damage})
    with pytest.raises(TapError):
        TapSession.from_dict({})


def test_an_edge_is_its_event_string_in_methods_events_and_json():
    session = TapSession.from_texts(TEXTS)
    session.tap(1000)
    session.tap(2000)
    assert session.nudge(0, Edge.END, -10) == 1990
    assert session.apply({"op": "set", "line": 1, "which": Edge.START, "ms": 2100}) == 2100
    event = {"op": "nudge", "line": 1, "which": Edge.START, "delta": 10}
    assert json.loads(json.dumps(event))["which"] == "start"
    assert session.apply(json.loads(json.dumps(event))) == 2110
    with pytest.raises(TapError, match="a start and an end, not 'middle'"):
        session.nudge(0, "middle", 10)
