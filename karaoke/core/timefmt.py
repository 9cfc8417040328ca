"""Human-readable times: ``format_ms`` for messages, ``parse_time_ms`` for the command line."""

from __future__ import annotations

import re

SECOND_MS = 1_000
MINUTE_MS = 60 * SECOND_MS
HOUR_MS = 60 * MINUTE_MS
#: The largest lyrics offset (a song's ``offset_ms``, ``--offset``): beyond an hour is a typo,
#: not a delay.
MAX_OFFSET_MS = HOUR_MS

_CLOCK = re.compile(r"^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d{1,3})?)$|^(\d+(?:\.\d{1,3})?)$")


def format_ms(ms: int, *, millis: bool = True) -> str:
    """``83456`` → ``"1:23.456"`` (``"1:23"`` without millis); hours appear when needed."""
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    hours, rest = divmod(ms, HOUR_MS)
    minutes, rest = divmod(rest, MINUTE_MS)
    seconds, millis_part = divmod(rest, SECOND_MS)
    head = f"{hours}:{minutes:02d}" if hours else f"{minutes}"
    tail = f".{millis_part:03d}" if millis else ""
    return f"{sign}{head}:{seconds:02d}{tail}"


class ClockRangeError(ValueError):
    """A clock time whose seconds (or minutes) are 60 or more under a larger unit: ``"1:75"``.
    Its message says which part is too large and what the time would be written correctly."""


def parse_time_ms(text: str) -> int:
    """Parse ``"83.5"``, ``"1:23.5"`` or ``"0:01:23.5"`` (seconds, m:ss, h:mm:ss) to ms.

    Seconds alone may be any number, but under minutes they must be below 60, and so must
    minutes under hours (``"1:75"`` is more likely a typo than 2:15): :class:`ClockRangeError`.
    Raises ValueError with a readable message for anything else.
    """
    match = _CLOCK.match(text.strip())
    if not match:
        raise ValueError(f"not a time: {text!r} (use seconds, M:SS or H:MM:SS)")
    hours, minutes, seconds, plain = match.groups()
    if plain is not None:
        return round(float(plain) * SECOND_MS)
    total_ms = round(((int(hours or 0) * 60 + int(minutes)) * 60 + float(seconds)) * SECOND_MS)
    if float(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        part = "seconds" if float(seconds) >= 60 else "minutes"
        larger = "minutes" if part == "seconds" else "hours"
        written = format_ms(total_ms, millis=total_ms % SECOND_MS != 0)
        raise ClockRangeError(
            f"the {part} must be below 60 when {larger} are given ({text.strip()} would be "
            f"{written})"
        )
    return total_ms
