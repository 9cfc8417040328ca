"""Human-readable times: what the command line's ``--start`` takes and what messages show."""

import pytest

from karaoke.core.timefmt import ClockRangeError, format_ms, parse_time_ms


@pytest.mark.parametrize(
    ("text", "expected_ms"),
    [
        ("0", 0),
        ("83.5", 83_500),
        ("135", 135_000),  # seconds alone may pass a minute
        ("1:23.5", 83_500),
        ("59:59", 3_599_000),
        ("90:00", 5_400_000),  # minutes alone may pass an hour
        ("0:01:23.5", 83_500),
        ("1:59:59.999", 7_199_999),
        (" 2:15 ", 135_000),
    ],
)
def test_times_that_parse(text, expected_ms):
    assert parse_time_ms(text) == expected_ms


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1:75", "the seconds must be below 60 when minutes are given (1:75 would be 2:15)"),
        ("0:99", "the seconds must be below 60 when minutes are given (0:99 would be 1:39)"),
        ("0:60", "the seconds must be below 60 when minutes are given (0:60 would be 1:00)"),
        (
            "0:99.5",
            "the seconds must be below 60 when minutes are given (0:99.5 would be 1:39.500)",
        ),
        ("1:75:00", "the minutes must be below 60 when hours are given (1:75:00 would be 2:15:00)"),
        ("1:00:60", "the seconds must be below 60 when minutes are given"),
    ],
)
def test_seconds_or_minutes_of_60_under_a_larger_unit_are_refused_saying_why(text, message):
    with pytest.raises(ClockRangeError) as refused:
        parse_time_ms(text)
    assert str(refused.value).startswith(message)


@pytest.mark.parametrize("text", ["", "soon", "-5", "1:2:3:4", "1:5.1234", "1::5"])
def test_other_text_is_not_a_time(text):
    with pytest.raises(ValueError, match="not a time") as refused:
        parse_time_ms(text)
    assert not isinstance(refused.value, ClockRangeError)


def test_format_ms_reads_back():
    for ms in (0, 83_456, 3_599_999, 7_199_999):
        assert parse_time_ms(format_ms(ms)) == ms
    assert format_ms(-1_500) == "-0:01.500" and format_ms(160_800, millis=False) == "2:40"
