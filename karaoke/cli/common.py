"""What every sub-command shares: exit statuses, an argument parser whose usage errors are
one line, and the ``type=`` checks of its options.

A bad value is said the same way for every option, naming the option, the value as given and
what would do instead::

    karaoke: --offset: 'abc' is not a time offset in milliseconds (e.g. 250 or -120)

The ``type=`` functions below raise :class:`argparse.ArgumentTypeError` with the part after the
option (it starts with the value, quoted: see :func:`bad_value`); :class:`Parser` adds the
program and the option. Messages of argparse's own (a missing value, an unknown option) end
with a pointer to ``--help`` instead.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import NoReturn, TypeVar

from karaoke.core.formats.decoding import check_encoding

T = TypeVar("T")
Number = TypeVar("Number", int, float)

#: Exit statuses: clean, problems found (``check``), unusable input or usage error.
EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2

#: Encodings named as examples when an encoding is not known.
ENCODING_EXAMPLES = "utf-8, cp1252, gbk, big5, shift_jis, euc-kr, cp1251"


def count_of(number: int, noun: str) -> str:
    """``3 songs``, ``1 song``: an English count for the command line's summaries."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def bad_value(text: str, what: str) -> argparse.ArgumentTypeError:
    """The error for an option's value ``text`` that is not ``what`` ("a volume from 0 to
    100"): ``'TEXT' is not WHAT``. The value is quoted as given, so an empty one shows."""
    return argparse.ArgumentTypeError(f"{text!r} is not {what}")


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2:
    ``PROG: --OPTION: 'VALUE' is not …`` for a bad value, ``PROG: MESSAGE (see PROG --help)``
    for the rest."""

    def error(self, message: str) -> NoReturn:
        # argparse says "argument --offset: …"; the option alone is what people typed.
        message = message.removeprefix("argument ")
        _option, _, detail = message.partition(": ")
        if detail.startswith("'"):  # one of ours (bad_value): it already says what would do
            self.exit(EXIT_UNUSABLE, f"{self.prog}: {message}\n")
        self.exit(EXIT_UNUSABLE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def number(
    kind: Callable[[str], Number],
    what: str,
    low: Number | None = None,
    high: Number | None = None,
    example: str = "",
) -> Callable[[str], Number]:
    """An argparse ``type``: ``kind(text)`` (``int`` or ``float``), from ``low`` to ``high`` when
    given; else "'TEXT' is not WHAT from LOW to HIGH (e.g. EXAMPLE)" — "within ±HIGH" when ``low``
    is ``-high``. ``what`` carries the unit ("a time offset in milliseconds")."""
    if low is not None and high is not None:
        bounds = f" within ±{high}" if low == -high else f" from {low} to {high}"
    else:
        bounds = ""
    said = f"{what}{bounds}" + (f" (e.g. {example})" if example else "")

    def check(text: str) -> Number:
        try:
            value = kind(text.strip())
        except ValueError:
            raise bad_value(text, said) from None
        if (
            value != value
            or (low is not None and value < low)
            or (high is not None and value > high)
        ):
            raise bad_value(text, said)  # value != value: NaN, which no range holds
        return value

    return check


def parsed(parse: Callable[[str], T], what: str) -> Callable[[str], T]:
    """An argparse ``type`` from a parser that raises ValueError: "'TEXT' is not WHAT"."""

    def check(text: str) -> T:
        try:
            return parse(text)
        except ValueError:
            raise bad_value(text, what) from None

    return check


def one_of(choices: Sequence[str], what: str) -> Callable[[str], str]:
    """An argparse ``type`` for one of ``choices``: "'TEXT' is not WHAT (A or B)"."""
    listed = ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else choices[0]

    def check(text: str) -> str:
        if text not in choices:
            raise bad_value(text, f"{what} ({listed})")
        return text

    return check


def add_encoding_option(parser: argparse.ArgumentParser) -> None:
    """``--encoding NAME``: read the lyrics file in NAME instead of detecting its encoding; a
    name Python has no text encoding for is a usage error."""
    parser.add_argument(
        "--encoding",
        type=parsed(check_encoding, f"a text encoding Python knows (e.g. {ENCODING_EXAMPLES})"),
        metavar="NAME",
        help=f"the lyrics file's encoding, when the one detected is wrong (e.g. {ENCODING_EXAMPLES})",
    )
