"""The argparse ``type=`` checks every sub-command shares, and the one-line usage errors."""

import argparse
from fractions import Fraction

import pytest

from karaoke.cli.common import Parser, bad_value, number, one_of, parsed
from karaoke.core.convert import parse_scale


def test_number_takes_values_from_low_to_high_and_says_what_it_takes_otherwise():
    volume = number(int, "a volume", 0, 100, "80")
    assert (volume("0"), volume(" 100 ")) == (0, 100)
    for text in ("101", "-1", "loud", "", "50.5"):
        with pytest.raises(argparse.ArgumentTypeError) as caught:
            volume(text)
        assert str(caught.value) == f"{text!r} is not a volume from 0 to 100 (e.g. 80)"
    speed = number(float, "a speed", 0.5, 1.5)
    assert speed("1.25") == 1.25
    for text in ("3", "nan", "inf"):
        with pytest.raises(argparse.ArgumentTypeError, match=r"is not a speed from 0.5 to 1.5$"):
            speed(text)


def test_a_range_around_zero_is_said_as_plus_or_minus_and_no_range_as_none():
    offset = number(int, "an offset in ms", -500, 500)
    assert offset("-500") == -500
    with pytest.raises(
        argparse.ArgumentTypeError, match=r"^'501' is not an offset in ms within ±500$"
    ):
        offset("501")
    shift = number(int, "a shift", example="500")
    assert shift("-99999") == -99999
    with pytest.raises(argparse.ArgumentTypeError, match=r"^'x' is not a shift \(e.g. 500\)$"):
        shift("x")
    screen = number(int, "a screen number", 0)
    with pytest.raises(argparse.ArgumentTypeError, match=r"^'-1' is not a screen number$"):
        screen("-1")


def test_parsed_and_one_of_name_the_value_and_what_would_do():
    scale = parsed(parse_scale, "a scale factor above 0")
    assert scale("25/23.976") == Fraction(25) / Fraction("23.976")
    with pytest.raises(argparse.ArgumentTypeError, match=r"^'0' is not a scale factor above 0$"):
        scale("0")
    language = one_of(("es", "en"), "a language")
    assert language("en") == "en"
    with pytest.raises(argparse.ArgumentTypeError, match=r"^'fr' is not a language \(es or en\)$"):
        language("fr")


def test_a_bad_value_is_one_line_naming_the_option_and_other_errors_point_to_help(capsys):
    parser = Parser(prog="karaoke")
    parser.add_argument("--volume", type=number(int, "a volume", 0, 100))
    with pytest.raises(SystemExit) as exited:
        parser.parse_args(["--volume", "loud"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == "karaoke: --volume: 'loud' is not a volume from 0 to 100\n"
    with pytest.raises(SystemExit):
        parser.parse_args(["--volume"])
    assert capsys.readouterr().err == (
        "karaoke: --volume: expected one argument (see karaoke --help)\n"
    )


def test_bad_value_quotes_the_value_as_given():
    assert str(bad_value("", "a time")) == "'' is not a time"
