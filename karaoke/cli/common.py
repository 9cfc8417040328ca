"""What every sub-command shares: exit statuses, an argument parser whose usage errors are
one line, and the ``type=`` checks of its options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn, TypeVar

from karaoke.core.formats.decoding import check_encoding

T = TypeVar("T")
Number = TypeVar("Number", int, float)

#: Exit statuses: clean, problems found (``check``), unusable input or usage error.
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_UNUSABLE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def ranged(
    kind: Callable[[str], Number], low: Number, high: Number, what: str, unit: str = ""
) -> Callable[[str], Number]:
    """An argparse ``type``: ``kind(text)`` from ``low`` to ``high``, else the usage error
    "WHAT must be between LOW and HIGH UNIT, not TEXT" ("within ±HIGH UNIT" when ``low`` is
    ``-high``)."""
    bounds = f"within ±{high}" if low == -high else f"between {low} and {high}"
    shown = f"{bounds} {unit}" if unit else bounds

    def check(text: str) -> Number:
        value = kind(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what} must be {shown}, not {text}")
        return value

    check.__name__ = kind.__name__  # argparse names it: "invalid int value: 'x'"
    return check


def parsed(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse ``type`` from a parser that raises ValueError with a sentence for people:
    the sentence becomes the usage error."""

    def check(text: str) -> T:
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    check.__name__ = parse.__name__
    return check


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    """``--encoding NAME``: read the lyrics file in NAME instead of detecting its encoding; a
    name Python has no text encoding for is a usage error."""
    parser.add_argument(
        "--encoding",
        type=parsed(check_encoding),
        metavar="NAME",
        help="the lyrics file's encoding, when the one detected is wrong (e.g. gbk, big5, "
        "shift_jis, euc-kr, cp1251, cp1252)",
    )
