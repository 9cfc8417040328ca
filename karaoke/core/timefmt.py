"""Human-readable times: ``format_ms`` for messages, ``parse_time_ms`` for the command line."""

from __future__ import annotations

import re

SECOND_MS = 1_000
MINUTE_MS = 60 * SECOND_MS
HOUR_MS = 60 * MINUTE_MS

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


def parse_time_ms(text: str) -> int:
    """Parse ``"83.5"``, ``"1:23.5"`` or ``"0:01:23.5"`` (seconds, m:ss, h:mm:ss) to ms.

    Raises ValueError with a readable message for anything else.
    """
    match = _CLOCK.match(text.strip())
    if not match:
        raise ValueError(f"not a time: {text!r} (use seconds, M:SS or H:MM:SS)")
    hours, minutes, seconds, plain = match.groups()
    if plain is not None:
        return round(float(plain) * SECOND_MS)
    return round(((int(hours or 0) * 60 + int(minutes)) * 60 + float(seconds)) * SECOND_MS)
