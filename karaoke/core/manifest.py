"""Reading a song manifest (``song.toml``) with line numbers for messages.

``tomllib`` gives values, not positions; the positions of keys and ``[[stanza]]`` headers are
found in the text, which is enough to point a person at the right line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.formats.decoding import decode_text

_HEADER = re.compile(r"^\s*\[")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")


def read_toml_file(
    path: Path, max_bytes: int | None = None, what: str = "file"
) -> tuple[str, dict[str, Any]]:
    """The text of the TOML file ``path`` (decoded as lyrics are: BOM, UTF-8, then detected)
    and its table. Raises :class:`SongError`: missing, unreadable, over ``max_bytes`` (named
    as "too large for a ``what``"), not TOML (with the line)."""
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise SongError(path, f"too large for a {what}", code=ProblemCode.TOO_LARGE)
        data = path.read_bytes()
    except FileNotFoundError:
        raise SongError(path, "no such file", code=ProblemCode.FILE_NOT_FOUND) from None
    except OSError as error:
        raise SongError(
            path, f"cannot read: {error.strerror or error}", code=ProblemCode.UNREADABLE
        ) from None
    text, _ = decode_text(data, str(path))
    return text, parse_toml(text, str(path))


def parse_toml(text: str, path: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match else None
        raise SongError(
            path,
            f"not valid TOML: {_TOML_POSITION.sub('', message).strip()}",
            line,
            code=ProblemCode.INVALID_TOML,
        ) from None


class LineFinder:
    """1-based line numbers of keys and array-of-table headers in a TOML text."""

    def __init__(self, text: str) -> None:
        self._rows = text.split("\n")

    def table_lines(self, name: str) -> list[int]:
        header = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
        return [i + 1 for i, row in enumerate(self._rows) if header.match(row)]

    def key_line(self, key: str, start: int = 1) -> int | None:
        """The line that assigns ``key`` (dotted keys match on the head) in the table that begins
        at line ``start`` (1: the top level), stopping at the next table header."""
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
        for number in range(start, len(self._rows) + 1):
            row = self._rows[number - 1]
            if number > start and _HEADER.match(row):
                return None
            if pattern.match(row):
                return number
        return None


def localized(value: Any) -> dict[str, str]:
    """``"text"`` or ``{es = "…", en = "…"}`` → a language → text dict (empty on other types)."""
    if isinstance(value, str):
        return {"": value}
    if isinstance(value, Mapping):
        return {str(code): text for code, text in value.items() if isinstance(text, str)}
    return {}
