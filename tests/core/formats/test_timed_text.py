"""Timed spans of a line's text keep to their characters when the text is tidied."""

from hypothesis import given
from hypothesis import strategies as st

from karaoke.core.formats.timed_text import Mark, line_numbers, timed_pieces, timed_words
from karaoke.core.model import Word


def test_text_is_tidied_and_words_move_with_it():
    raw = "  Con   mi\n \n bu rro \t"
    marks = [Mark(2, 0, 10), Mark(8, 10, 20), Mark(17, 40, 35)]
    text, words = timed_words(raw, marks)
    assert text == "Con mi\nbu rro"
    # A span that crosses the break gives a word on each row; an end before the start is the
    # start; text before the first mark belongs to no word.
    assert words == (
        Word("Con", 0, 10, 0),
        Word("mi", 10, 20, 4),
        Word("bu", 10, 20, 7),
        Word("rro", 40, 40, 10),
    )


def test_no_marks_no_words():
    assert timed_words(" a  b ", []) == ("a b", ())


RAW = st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u2003")), max_size=30)


@given(raw=RAW, chars=st.lists(st.integers(0, 35), max_size=6))
def test_every_word_is_the_text_at_its_char_start(raw, chars):
    marks = [Mark(char, 10 * i, 10 * i + 5) for i, char in enumerate(sorted(chars))]
    text, words = timed_words(raw, marks)
    assert text == text.strip() and "\n\n" not in text and "  " not in text
    for word in words:
        assert text[word.char_start : word.char_end] == word.text
        assert word.text == word.text.strip() and "\n" not in word.text
    assert [word.char_start for word in words] == sorted(word.char_start for word in words)


@given(raw=RAW, chars=st.lists(st.integers(0, 35), max_size=6))
def test_a_tidy_text_gives_the_words_the_full_tidying_gives(raw, chars):
    # A final break makes any text untidy: the full tidying runs, and drops the break again.
    marks = [Mark(min(char, len(raw)), 10 * i, 10 * i + 5) for i, char in enumerate(sorted(chars))]
    assert timed_words(raw, marks) == timed_words(raw + "\n", marks)


@given(
    pieces=st.lists(RAW, min_size=1, max_size=6),
    durations=st.lists(st.integers(-3, 50), min_size=5, max_size=5),
)
def test_pieces_sung_one_after_another_are_marks_that_follow_each_other(pieces, durations):
    durations = durations[: len(pieces) - 1]
    marks, char, at_ms = [], len(pieces[0]), 1000
    for piece, duration in zip(pieces[1:], durations, strict=True):
        marks.append(Mark(char, at_ms, at_ms + max(duration * 10, 0)))
        char, at_ms = char + len(piece), at_ms + max(duration * 10, 0)
    expected = timed_words("".join(pieces), marks)
    assert timed_pieces(pieces, 1000, durations, unit_ms=10) == expected


def test_line_numbers():
    assert line_numbers([3]) == "line 3"
    assert line_numbers(list(range(1, 11))) == "lines 1, 2, 3, 4, 5, 6, 7, 8, …"
