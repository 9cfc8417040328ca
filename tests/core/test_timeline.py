from hypothesis import given
from hypothesis import strategies as st

from karaoke.core import syllables
from karaoke.core.model import Line, Stanza, Word
from karaoke.core.timeline import RESTART_GRACE_MS, Timeline, line_timing
from tests.conftest import fresh_python_output

LINES = (
    Line("Con mi burrito", 1000, 3000),
    Line("red neuronal", 4000, 6000),
    Line("tuki tuki ta", 6000, 8000),
    Line("GPT", 10000, 11000),
)
STANZAS = (Stanza(0, 2), Stanza(2, 4))


def timeline() -> Timeline:
    return Timeline(LINES, STANZAS, "es")


def test_current_line_before_during_gap_and_after():
    t = timeline()
    assert t.line_at(999) is None
    assert t.line_at(1000) == 0
    assert t.line_at(3500) == 0 and not t.is_sung(0, 3500)  # held through the gap
    assert t.line_at(6000) == 2  # a line ending exactly where the next starts hands over
    assert t.line_at(99_999) == 3


def test_stanza_follows_the_current_line():
    t = timeline()
    assert [t.stanza_at(ms) for ms in (0, 1000, 5999, 6000, 10500)] == [None, 0, 0, 1, 1]


def test_overlapping_lines_later_start_wins():
    t = Timeline([Line("a", 0, 5000), Line("b", 3000, 8000)])
    assert t.line_at(2999) == 0 and t.line_at(3000) == 1


def test_progress_from_word_timings():
    line = Line("Tuki tuki", 0, 2000, (Word("Tuki", 0, 500, 0), Word("tuki", 1000, 2000, 5)))
    t = Timeline([line])
    assert t.progress(0, 0) == 0.0
    assert t.sung_chars(0, 250) == 2.0  # half of "Tuki"
    assert t.sung_chars(0, 500) == 4.0
    assert t.sung_chars(0, 1500) == 7.0  # half of the second "tuki"
    assert t.progress(0, 2000) == 1.0
    assert t.word_at(0, 400) == 0 and t.word_at(0, 1200) == 1


def test_progress_without_word_timings_goes_by_syllables():
    # "burrito" has three syllables, "sol" one: four equal slots of 1000 ms.
    t = Timeline([Line("sol burrito", 0, 4000)], language="es")
    assert t.sung_chars(0, 1000) == len("sol ")  # "sol" sung in the first slot only
    assert t.sung_chars(0, 2000) == len("sol bu")
    assert t.word_at(0, 500) == 0 and t.word_at(0, 1500) == 1
    assert t.progress(0, 4000) == 1.0


def test_seek_targets_for_lines_and_stanzas():
    t = timeline()
    assert t.next_line_start(0) == 1000
    assert t.next_line_start(4000) == 6000
    assert t.next_line_start(10000) is None
    assert t.previous_line_start(4000 + RESTART_GRACE_MS + 1) == 4000  # restart the line
    assert t.previous_line_start(4100) == 1000  # just started: go to the one before
    assert t.previous_line_start(1100) == 1000
    assert t.previous_line_start(500) is None
    assert t.next_stanza_start(1000) == 6000
    assert t.previous_stanza_start(6100) == 1000


def test_previous_line_skips_lines_that_start_together():
    t = Timeline([Line("a", 0, 1000), Line("b", 2000, 3000), Line("c", 2000, 3000)])
    assert t.previous_line_start(2100) == 0


line_strategy = st.builds(
    lambda start, length, text: Line(text, start, start + length),
    st.integers(0, 100_000),
    st.integers(0, 10_000),
    st.text(alphabet="abc áñ\n-,", min_size=1, max_size=30).filter(str.strip),
)


@given(st.lists(line_strategy, min_size=1, max_size=30), st.integers(-1000, 120_000))
def test_lookup_agrees_with_a_linear_scan(lines, t_ms):
    lines = sorted(lines, key=lambda ln: (ln.start_ms, ln.end_ms))
    expected = max((i for i, ln in enumerate(lines) if ln.start_ms <= t_ms), default=None)
    assert Timeline(lines).line_at(t_ms) == expected


@given(line_strategy, st.lists(st.integers(-1000, 120_000), min_size=2, max_size=20))
def test_wipe_is_monotonic_and_bounded(line, times):
    timing = line_timing(line, "es")
    values = [timing.sung_chars(t) for t in sorted(times)]
    assert values == sorted(values)
    assert all(0 <= v <= len(line.text) for v in values)
    assert timing.sung_chars(line.end_ms) == len(line.text)


def test_stanza_geometry():
    t = Timeline([*LINES[:2], Line("long", 4500, 9000), *LINES[2:]], (Stanza(0, 3), Stanza(3, 5)))
    assert t.stanza_starts_ms() == (1000, 6000)
    assert [t.stanza_start_ms(i) for i in (0, 1)] == [1000, 6000]
    # The stanza ends with its longest-running line, not with its last one.
    assert [t.stanza_end_ms(i) for i in (0, 1)] == [9000, 11000]
    assert [t.starts_stanza(i) for i in range(5)] == [True, False, False, True, False]


def test_prepare_loads_the_syllable_dictionary_only_when_a_line_has_no_word_times():
    """``prepare`` loads the hyphenation dictionary the wipe of a line without word times
    needs, ahead of the first such line (loading it took ~30 ms, two frames of a wipe)."""
    syllables._dictionary.cache_clear()
    words = (Word("hola", 0, 500, 0), Word("mundo", 500, 1000, 5))
    timed = Line("hola mundo", 0, 1000, words=words)
    Timeline([timed], language="es").prepare()
    assert syllables._dictionary.cache_info().currsize == 0  # every line has its word times
    Timeline([timed, Line("canción", 1000, 2000)], language="es").prepare()
    assert syllables._dictionary.cache_info().currsize == 1


def test_the_hyphenation_library_loads_when_a_wipe_is_prepared_not_on_import():
    """The window's modules import the timeline; pyphen (~5 ms and 3.7 MB with what it
    imports) loads only once playing starts (Timeline.prepare). In a fresh interpreter."""
    code = (
        "import sys\n"
        "from tests.core.test_timeline import timeline\n"
        "print('pyphen' in sys.modules)\n"
        "timeline().prepare()\n"
        "print('pyphen' in sys.modules)\n"
    )
    assert fresh_python_output(code).split() == ["False", "True"]
