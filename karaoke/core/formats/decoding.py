"""Turn a lyrics file's bytes into text, and say which encoding that was.

Order (see "Encodings" in ``docs/song-format.md``):

1. the encoding the user named (``--encoding``), strictly;
2. a byte-order mark (UTF-32 before UTF-16, whose BOM is a prefix of UTF-32-LE's);
3. strict UTF-8 — ASCII and UTF-8 files stop here, without loading the detector;
4. ``charset-normalizer``, the detector, for the rest (GBK/GB18030, Big5, Shift-JIS, EUC-KR,
   Windows-1251, …), with one rule on top: detectors misjudge short Latin-script text (5 lines
   of Spanish look as much like Windows-1250 as like Windows-1252), so when the detector's best
   guess is a single-byte code page, or it is unsure, Windows-1252 (then ISO-8859-15) is
   preferred if the text decodes in it and reads as Latin-script text (:func:`looks_latin`).

A guess that is not sure — the detector was unsure and nothing confirmed it, or the Latin rule
overrode it — comes with an ENCODING_GUESSED warning naming the encoding. Bytes that fit no
encoding raise :class:`SongError` (UNDECODABLE) naming the first line that is not UTF-8.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from karaoke.core.errors import Problem, ProblemCode, SongError

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch, CharsetMatches

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: The Latin rule's code pages, in order of preference. Windows-1252 is the usual encoding of
#: Spanish subtitles made on Windows; ISO-8859-15 differs in 8 places (its € is 0xA4, where
#: Windows-1252 has ¤). Not latin-1: it never fails, and turns “ ” € into control characters.
_LATIN = ("cp1252", "iso8859-15")

#: EBCDIC code pages: no lyrics file is in one, but on a few bytes they tie with real guesses.
_EBCDIC = ["cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"]

#: A rival guess is "close" when its mess ratio (share of odd characters, 0-1) is at most this
#: much worse than the best guess's...
_CLOSE_CHAOS = 0.05
#: ...and its language coherence (0-1) at most this much lower.
_CLOSE_COHERENCE = 0.1
#: A best guess with this share of odd characters or more is itself unsure.
_MESSY = 0.1
#: Fewer non-ASCII bytes than this (about 3 lines of Chinese, 2 of Russian) is too little to go
#: on: any guess is unsure.
_MIN_EVIDENCE = 64
#: A close rival stays a rival when its share of core characters is at most this much lower.
_CLOSE_CORE_SHARE = 0.1
#: :func:`_core_share` looks at this many characters of the text, enough to tell.
_CORE_SAMPLE = 65536
_ASCII = bytes(range(0x80))

#: Non-ASCII characters that Latin-script lyrics use: the letters of Spanish, Portuguese,
#: French, Italian, Catalan, German and Scandinavian languages (not Ð ð Þ þ, Icelandic only,
#: which is what Turkish ğ ş and Cyrillic Р р look like in Windows-1252) and their punctuation.
_LATIN_LETTERS = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŽžŸ"
_LATIN_MARKS = "\xa0¡¿«»‹›“”‘’‚„…–—•·°ºª©®™€£¢§´²"
_IMPLAUSIBLE = re.compile(rf"[^\t\n\r\x20-\x7e{_LATIN_LETTERS}{_LATIN_MARKS}]")
_NOT_ASCII_LETTER = re.compile("[^A-Za-z]+")
_NOT_LATIN_LETTER = re.compile(f"[^{_LATIN_LETTERS}]+")
#: In Latin-script text most letters are ASCII; Cyrillic or Greek read as Windows-1252 (Ðàñ…)
#: or CJK (ÎÒ°®…) are nearly all non-ASCII.
_MAX_NON_ASCII_SHARE = 0.5

#: What a person reads, for codec names as :func:`codecs.lookup` spells them.
_NAMES = {
    "gb18030": "GB18030",
    "gbk": "GBK",
    "gb2312": "GB2312",
    "big5": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "cp950": "Big5 (cp950)",
    "shift_jis": "Shift-JIS",
    "cp932": "Shift-JIS (cp932)",
    "shift_jis_2004": "Shift-JIS (JIS X 0213)",
    "shift_jisx0213": "Shift-JIS (JIS X 0213)",
    "euc_jp": "EUC-JP",
    "euc_jis_2004": "EUC-JP (JIS X 0213)",
    "euc_jisx0213": "EUC-JP (JIS X 0213)",
    "euc_kr": "EUC-KR",
    "cp949": "EUC-KR (cp949)",
}


@dataclass(frozen=True, slots=True)
class Decoded:
    """A lyrics file's text (line endings ``\n``), the encoding it was read in (a name for
    people: ``"UTF-8"``, ``"UTF-16-LE (BOM)"``, ``"Windows-1252"``, ``"GB18030"``) and what is
    worth a warning about the decoding (an encoding that was only a guess)."""

    text: str
    encoding: str
    problems: tuple[Problem, ...] = ()


def decode_lyrics(data: bytes, path: str, encoding: str | None = None) -> Decoded:
    """Decode a lyrics file: in ``encoding`` (a Python codec name) when the user gave one, else
    as the module docstring says. Raises :class:`SongError`: UNKNOWN_ENCODING for a name Python
    has no text encoding for, UNDECODABLE (naming the line) for bytes that do not fit."""
    if encoding is not None:
        return _decode_as(data, path, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], codec, path)
            return Decoded(_normalise(text), f"{codec.upper()} (BOM)")
    try:
        return Decoded(_normalise(data.decode("utf-8")), "UTF-8")
    except UnicodeDecodeError as not_utf8:
        return _detect(data, path, not_utf8)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding name for people)`` as :func:`decode_lyrics` decodes it, without
    its warnings; line endings are normalised to ``\\n``. For ``song.toml`` (UTF-8 by the TOML
    spec; a legacy encoding is still read rather than refused)."""
    decoded = decode_lyrics(data, path)
    return decoded.text, decoded.encoding


def check_encoding(name: str) -> str:
    """``name`` if Python has a text encoding of that name (``"gbk"``, ``"shift_jis"``,
    ``"windows-1251"``…), else ValueError with a sentence for people."""
    try:
        known = codecs.lookup(name)._is_text_encoding
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        known = False
    if not known:
        raise ValueError(
            f"unknown encoding {name!r} (Python codec names: utf-8, cp1252, gbk, big5, "
            "shift_jis, euc-kr, cp1251, …)"
        )
    return name


def encoding_name(codec: str) -> str:
    """A codec's name for people: ``"cp1252"`` → ``"Windows-1252"``, ``"latin-1"`` →
    ``"ISO-8859-1"``, ``"gb18030"`` → ``"GB18030"``."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp125\d", name):
        return f"Windows-{name[2:]}"
    if match := re.fullmatch(r"iso8859-(\d+)", name):
        return f"ISO-8859-{match.group(1)}"
    return _NAMES.get(name, name.upper())


def looks_latin(text: str) -> bool:
    """True if ``text`` reads as Latin-script text: printable ASCII (tabs and line breaks too),
    the non-ASCII letters and marks of Western European languages and nothing else, with at most
    half of its letters non-ASCII."""
    if _IMPLAUSIBLE.search(text):
        return False
    ascii_letters = len(_NOT_ASCII_LETTER.sub("", text))
    latin_letters = len(_NOT_LATIN_LETTER.sub("", text))
    return latin_letters <= (ascii_letters + latin_letters) * _MAX_NON_ASCII_SHARE


def _decode_as(data: bytes, path: str, encoding: str) -> Decoded:
    """Decode strictly in the encoding the user named (a BOM at the start is dropped)."""
    try:
        check_encoding(encoding)
    except ValueError as error:
        raise SongError(path, str(error), code=ProblemCode.UNKNOWN_ENCODING) from None
    text = _decode_strict(data, encoding, path)
    return Decoded(_normalise(text.removeprefix("\ufeff")), encoding_name(encoding))


def _detect(data: bytes, path: str, not_utf8: UnicodeDecodeError) -> Decoded:
    """Decode text that is not UTF-8: the detector's guess, or the Latin rule's."""
    # Imported here so that ASCII and UTF-8 files never pay for loading the detector.
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    matches = from_bytes(
        data, cp_exclusion=_EBCDIC, preemptive_behaviour=False, enable_fallback=False
    )
    best, unsure = _pick(matches, evidence=len(data.translate(None, _ASCII)))
    guess = None if best is None else _decode_or_none(data, best.encoding)
    line = _line_of(data, not_utf8.start)
    if best is None or unsure or not is_multi_byte_encoding(best.encoding):
        latin = _latin(data)
        if latin is not None:
            text, codec = latin
            return _guessed(text, codec, path, line, warn=text != guess)
    if best is None or guess is None:
        raise _undecodable(data, not_utf8, "UTF-8 or any other encoding", path)
    return _guessed(guess, best.encoding, path, line, warn=unsure)


def _pick(matches: CharsetMatches, evidence: int) -> tuple[CharsetMatch | None, bool]:
    """The best guess (None: nothing fits) and whether it is unsure: it rests on too few
    non-ASCII bytes (``evidence``), is messy, or has a rival close to it.

    The detector ranks by mess and language coherence; it has no coherence for CJK text, so
    Shift-JIS read as cp949 can tie with Shift-JIS. Among close rivals (which always decode to
    other text: the detector merges code pages that give the same) the one whose characters
    are most in its encoding's core set wins (:func:`_core_share`).
    """
    best = matches.best()
    if best is None:
        return None, True
    close = [
        other
        for other in matches
        if other.chaos - best.chaos <= _CLOSE_CHAOS
        and best.coherence - other.coherence <= _CLOSE_COHERENCE
    ]
    shares = {id(match): _core_share(match) for match in close}
    close.sort(key=lambda match: -shares[id(match)])  # stable: the detector's order breaks ties
    best = close[0]
    rivals = [m for m in close[1:] if shares[id(m)] >= shares[id(best)] - _CLOSE_CORE_SHARE]
    return best, bool(rivals) or evidence < _MIN_EVIDENCE or best.chaos >= _MESSY


def _core_share(match: CharsetMatch) -> float:
    """The share (0-1) of the distinct non-ASCII characters of ``match``'s text that are in the
    core set of its encoding: GB2312 in GBK/GB18030, KS X 1001 in cp949, JIS X 0208 in
    cp932 (their two-byte codes with both bytes from 0xA1, or encodable in Shift-JIS). Legacy
    files keep to the core; bytes read in the wrong CJK encoding land on its extensions."""
    codec = codecs.lookup(match.encoding).name
    core = _CORE.get(codec)
    chars = {char for char in str(match)[:_CORE_SAMPLE] if not char.isascii()}
    if core is None or not chars:
        return 1.0
    return sum(core(char, codec) for char in chars) / len(chars)


def _euc_row_cell(char: str, codec: str) -> bool:
    try:
        code = char.encode(codec)
    except UnicodeEncodeError:  # a codec that does not round-trip every character it decodes
        return False
    return len(code) == 2 and min(code) >= 0xA1


def _in_jis_x_0208(char: str, _codec: str) -> bool:
    try:
        return len(char.encode("shift_jis")) == 2
    except UnicodeEncodeError:
        return False


#: How :func:`_core_share` tells a core character, by codec name as codecs.lookup spells it.
_CORE: dict[str, Callable[[str, str], bool]] = {
    "gb18030": _euc_row_cell,
    "gbk": _euc_row_cell,
    "cp949": _euc_row_cell,
    "cp932": _in_jis_x_0208,
    "shift_jis_2004": _in_jis_x_0208,
    "shift_jisx0213": _in_jis_x_0208,
}


def _latin(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` in the first of :data:`_LATIN` the bytes decode in and that reads as
    Latin-script text, or None."""
    for codec in _LATIN:
        text = _decode_or_none(data, codec)
        if text is not None and looks_latin(text):
            return text, codec
    return None


def _decode_or_none(data: bytes, codec: str) -> str | None:
    # The detector samples big files: its guess may still fail further on.
    try:
        return data.decode(codec)
    except UnicodeError:
        return None


def _guessed(text: str, codec: str, path: str, line: int, *, warn: bool) -> Decoded:
    """The decoded text, with a warning (at the first line that is not UTF-8) if ``warn``."""
    name = encoding_name(codec)
    problems: tuple[Problem, ...] = ()
    if warn:
        message = (
            f"not UTF-8: the encoding was guessed as {name}; if the text reads wrong, "
            f"name the right one (--encoding NAME)"
        )
        problems = (Problem(path, line, message, ProblemCode.ENCODING_GUESSED),)
    return Decoded(_normalise(text), name, problems)


def _decode_strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _undecodable(data, error, encoding_name(encoding), path) from None
    except UnicodeError as error:  # a codec that fails without a position (idna, punycode)
        raise SongError(
            path, f"cannot decode the text as {encoding}: {error}", code=ProblemCode.UNDECODABLE
        ) from None


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line of the byte at ``offset``."""
    return data.count(b"\n", 0, offset) + 1


def _undecodable(data: bytes, error: UnicodeDecodeError, tried: str, path: str) -> SongError:
    byte = data[error.start : error.start + 1].hex()
    return SongError(
        path,
        f"cannot decode the text as {tried} (byte 0x{byte})",
        _line_of(data, error.start),
        code=ProblemCode.UNDECODABLE,
    )


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
