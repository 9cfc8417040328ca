"""The argparse ``type=`` checks every sub-command shares."""

import argparse
from fractions import Fraction

import pytest

from karaoke.cli.common import Parser, parsed, ranged
from karaoke.core.convert import parse_scale


def test_ranged_takes_values_from_low_to_high_and_says_the_range_otherwise():
    volume = ranged(int, 0, 100, "volume")
    assert (volume("0"), volume("100")) == (0, 100)
    with pytest.raises(
        argparse.ArgumentTypeError, match=r"^volume must be between 0 and 100, not 101$"
    ):
        volume("101")
    speed = ranged(float, 0.5, 1.5, "speed")
    assert speed("1.25") == 1.25
    with pytest.raises(
        argparse.ArgumentTypeError, match=r"^speed must be between 0.5 and 1.5, not 3$"
    ):
        speed("3")


def test_a_range_around_zero_is_said_as_plus_or_minus_with_its_unit():
    offset = ranged(int, -500, 500, "offset", "ms")
    assert offset("-500") == -500
    with pytest.raises(
        argparse.ArgumentTypeError, match=r"^offset must be within ±500 ms, not 501$"
    ):
        offset("501")


def test_parsed_turns_the_parsers_sentence_into_the_usage_error():
    scale = parsed(parse_scale)
    assert scale("25/23.976") == Fraction(25) / Fraction("23.976")
    with pytest.raises(argparse.ArgumentTypeError, match="above 0"):
        scale("0")


def test_text_that_is_no_number_is_named_as_argparse_names_it(capsys):
    parser = Parser(prog="karaoke")
    parser.add_argument("--volume", type=ranged(int, 0, 100, "volume"))
    with pytest.raises(SystemExit):
        parser.parse_args(["--volume", "loud"])
    assert "argument --volume: invalid int value: 'loud'" in capsys.readouterr().err
