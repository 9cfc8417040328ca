"""Writing lyrics: SubRip through pysrt. Times are ms; pysrt's ``SubRipTime`` holds them exactly."""

from __future__ import annotations

from collections.abc import Iterable

import pysrt

from karaoke.core.model import Line


def subrip_text(lines: Iterable[Line]) -> str:
    """The lines as a SubRip document (cues numbered from 1, ``\\n`` line ends)."""
    document = pysrt.SubRipFile(
        [
            pysrt.SubRipItem(
                index=number,
                start=pysrt.SubRipTime.from_ordinal(line.start_ms),
                end=pysrt.SubRipTime.from_ordinal(line.end_ms),
                text=line.text,
            )
            for number, line in enumerate(lines, start=1)
        ]
    )
    buffer: list[str] = []

    class _Sink:
        write = staticmethod(buffer.append)

    document.write_into(_Sink(), eol="\n")
    return "".join(buffer)
