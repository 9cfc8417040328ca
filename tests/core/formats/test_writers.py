from hypothesis import given
from hypothesis import strategies as st

from karaoke.core.formats.subrip import read_subrip
from karaoke.core.formats.writers import subrip_text
from karaoke.core.model import Line

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
            st.integers(0, 10**6),
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
