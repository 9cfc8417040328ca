"""Markup removal and the text clean-up every format shares (karaoke/core/formats/markup.py)."""

import re

from hypothesis import given
from hypothesis import strategies as st

from karaoke.core.formats.markup import (
    clean_text,
    clean_words,
    control_characters,
    needs_cleaning,
    strip_markup,
)
from karaoke.core.model import Word


def test_tags_go_and_comparisons_stay():
    assert strip_markup("<b>2<3,5>1</b> {\\an8}y <font color='red'>rojo</font>") == "2<3,5>1 y rojo"


def test_ass_codes_are_a_break_and_a_space_only_when_asked():
    assert strip_markup("uno\\Ndos\\ntres\\hcuatro", ass_codes=True) == "uno\ndos\ntres cuatro"
    assert strip_markup("C:\\new\\hat") == "C:\\new\\hat"


def test_rows_are_stripped_and_blank_rows_dropped():
    assert strip_markup("  uno  dos \n\n \t \n tres\t\n") == "uno dos\ntres"


def test_clean_text_decodes_references_and_folds_spaces():
    assert (
        clean_text(" Tom &amp;&nbsp; Jerry &#x2014; &#8220;hola&#8221; ") == "Tom & Jerry — “hola”"
    )


def test_control_characters_are_named_once_each_in_order():
    assert control_characters("a\x00b\x1b\x00\x9f\tc\n") == ["U+0000", "U+001B", "U+009F"]
    assert clean_text("a\x00b\x1b\x00\x9f\tc\n") == "ab c"


# Properties ------------------------------------------------------------------------------------

#: Characters that exercise every step: controls, references, blanks, line breaks.
TEXTS = st.lists(
    st.sampled_from(
        ["a", "é", "歌", " ", "  ", "\t", "\n", "\xa0", "\x00", "\x1b", "\x85", "&", ";", "#",
         "&amp;", "&nbsp;", "&#39;", "&#10;", "&#x81;", "&lt;", "&para", "amp"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@given(TEXTS)
def test_a_text_that_needs_no_cleaning_is_left_as_it_is(text):
    if not needs_cleaning(text):
        assert clean_text(text) == text


@given(TEXTS)
def test_cleaned_text_has_no_control_characters_and_no_stray_spaces(text):
    cleaned = clean_text(text)
    assert not control_characters(cleaned)
    assert not re.search("  |\t|\xa0|^[ \n]| \n|\n[ \n]|[ \n]$", cleaned)


@st.composite
def worded(draw):
    """A text and words that lie in it (at their char_start), in order, not overlapping, with
    no space around them (as readers make them)."""
    text = draw(TEXTS)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    words = []
    for index, (start, end) in enumerate(zip(cuts[::2], cuts[1::2], strict=False)):
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            words.append(Word(piece.strip(), index * 10, index * 10 + 5, start + lead))
    return text, tuple(words)


@given(worded())
def test_words_stay_where_their_text_is_after_cleaning(case):
    text, words = case
    cleaned, moved = clean_words(text, words)
    assert cleaned == clean_text(text)
    for word in moved:
        assert word.text and word.text == word.text.strip()
        assert cleaned[word.char_start : word.char_end] == word.text
    assert [w.char_start for w in moved] == sorted(w.char_start for w in moved)
    kept_times = [(w.start_ms, w.end_ms) for w in moved]
    assert kept_times == [
        (w.start_ms, w.end_ms) for w in words if (w.start_ms, w.end_ms) in kept_times
    ]
