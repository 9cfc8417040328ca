"""Turn a lyrics file's bytes into text, and say which encoding that was.

Order: a byte-order mark (UTF-32 before UTF-16, whose BOM is a prefix of UTF-32-LE's), then strict
UTF-8, then Windows-1252 — the usual encoding of Spanish subtitles made on Windows. Not latin-1:
it never fails, and turns cp1252's “ ” € into control characters. Bytes that fit none of these
raise :class:`SongError` naming the first line that could not be decoded.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from karaoke.core.errors import Problem, ProblemCode, SongError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_FALLBACKS = ("utf-8", "cp1252")

#: What a person reads in messages, for the codec names above.
_NAMES = {"cp1252": "Windows-1252"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """A lyrics file's text (line endings ``\n``), the encoding it was read in (a name for
    people: ``"UTF-8"``, ``"UTF-16-LE (BOM)"``, ``"Windows-1252"``) and what is worth a
    warning about the decoding (e.g. an encoding that was only a guess)."""

    text: str
    encoding: str
    problems: tuple[Problem, ...] = ()


def decode_lyrics(data: bytes, path: str, encoding: str | None = None) -> Decoded:
    """Decode a lyrics file: ``encoding`` (a Python codec name) when the user gave one, else
    as the module docstring says. Raises :class:`SongError` (UNDECODABLE) naming the line."""
    if encoding is not None:
        return Decoded(_normalise(_decode_strict(data, encoding, path)), encoding.upper())
    text, name = decode_text(data, path)
    return Decoded(text, name)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding name for people)``; line endings are normalised to ``\\n``.

    The name is like ``"UTF-8"``, ``"UTF-16-LE (BOM)"`` or ``"Windows-1252"``.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], encoding, path)
            return _normalise(text), f"{encoding.upper()} (BOM)"
    last_error: UnicodeDecodeError | None = None
    for encoding in _FALLBACKS:
        try:
            return _normalise(data.decode(encoding)), _NAMES.get(encoding, encoding.upper())
        except UnicodeDecodeError as error:
            last_error = error
    assert last_error is not None
    raise _undecodable(data, last_error, "UTF-8 or Windows-1252", path)


def _decode_strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, encoding.upper(), path) from None


def _undecodable(data: bytes, error: UnicodeDecodeError, tried: str, path: str) -> SongError:
    line = data.count(b"\n", 0, error.start) + 1
    byte = data[error.start : error.start + 1].hex()
    return SongError(
        path,
        f"cannot decode the text as {tried} (byte 0x{byte})",
        line,
        code=ProblemCode.UNDECODABLE,
    )


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
