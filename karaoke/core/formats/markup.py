"""Sung text without display markup, and cleaned the same way for every format.

Markup is HTML-like tags (``<i>``, ``<font …>``) and ASS overrides (``{\\an8}``). Only things
shaped like tags go: ``2<3,5>1`` is text and stays. SubRip made from ASS also writes ASS's
``\\N`` and ``\\n`` (a line break) and ``\\h`` (a hard space): :func:`strip_markup` turns them
into a line break and a space when asked (``ass_codes=True``).

The clean-up every line gets (:func:`clean_text`, :func:`clean_words`, run by
:func:`common.build_lyrics` for every format), in this order:

1. Control characters (C0 but tab and line break, DEL, C1) are removed; the caller reports them
   (:func:`control_characters`).
2. HTML character references are decoded: ``&amp;`` ``&lt;`` ``&#39;`` ``&#x27;``; ``&nbsp;``
   becomes a space. Only complete ones, with their ``;``: ``AT&T`` and ``&para`` stay as written.
   Tags are removed before (by the reader), so ``&lt;i&gt;`` is shown as ``<i>``.
3. Runs of spaces, tabs and no-break spaces become one space.
4. Each display row is stripped of spaces and blank rows are dropped; so is the text.

Cleaning changes character positions, so :func:`clean_words` moves each word's ``char_start``
with its text: a word's text is always the slice of the cleaned line at its ``char_start``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from karaoke.core.model import Word

_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|\{\\[^{}\n]*\}")
_ASS_CODE = re.compile(r"\\[Nnh]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLANKS = re.compile("[ \t\xa0]+")
_ROW_BREAK = re.compile(" ?\n[ \n]*")  # after _BLANKS: at most one space before it
_EDGES = re.compile(r"^[ \n]+|[ \n]+\Z")
#: Where the space steps below would change the text: a text that does not match has its
#: spaces right, as most have (one search instead of three substitutions).
_SPACES_WRONG = "[\t\xa0]|  | \n|\n[ \n]|^[ \n]|[ \n]\\Z"
_NEEDS_SPACING = re.compile(_SPACES_WRONG)
#: Where any step would change the text.
_NEEDS_CLEANING = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f]|&[#A-Za-z]|{_SPACES_WRONG}")


def _entity(match: re.Match[str]) -> str:
    # Imported here: its table of entities costs every start ~2 ms, and few lyrics have one.
    import html

    # A reference to a control character (&#x81;, &#13;) must not bring one back.
    return _CONTROL.sub("", html.unescape(match.group()))


def _ass_code(match: re.Match[str]) -> str:
    return " " if match.group() == "\\h" else "\n"


#: The clean-up, step by step: (pattern, replacement); see the module docstring.
_STEPS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_CONTROL, ""),
    (_ENTITY, _entity),
    (_BLANKS, " "),
    (_ROW_BREAK, "\n"),
    (_EDGES, ""),
)
_SPACE_STEPS = _STEPS[2:]


def strip_markup(text: str, *, ass_codes: bool = False) -> str:
    """Tags removed (with ``ass_codes``, ``\\N`` ``\\n`` ``\\h`` made a line break or a space),
    runs of spaces folded, each display row stripped, blank rows dropped.

    Control characters and character references are left for :func:`clean_text`, so that the
    reader's :func:`common.build_lyrics` can report the first with the line they are on."""
    if "<" in text or "{" in text:
        text = _TAG.sub("", text)
    if ass_codes and "\\" in text:
        text = _ASS_CODE.sub(_ass_code, text)
    return _apply(_SPACE_STEPS, text) if _spacing_wrong(text) else text


def needs_cleaning(text: str) -> bool:
    """Whether :func:`clean_text` would change ``text`` (it may say yes for a text that is
    clean, never no for one that is not)."""
    # isprintable() is False for controls, tabs, line breaks and no-break spaces: a printable
    # text (most lines) needs only these fast checks, not the search.
    if text.isprintable():
        return "&" in text or "  " in text or text[:1] == " " or text[-1:] == " "
    return _NEEDS_CLEANING.search(text) is not None


def _spacing_wrong(text: str) -> bool:
    """Whether the space steps would change ``text`` (as :func:`needs_cleaning`)."""
    if text.isprintable():
        return "  " in text or text[:1] == " " or text[-1:] == " "
    return _NEEDS_SPACING.search(text) is not None


def control_characters(text: str) -> list[str]:
    """The distinct control characters in ``text`` (the ones :func:`clean_text` removes), in
    order of first appearance, as ``U+0000``."""
    return [f"U+{ord(char):04X}" for char in dict.fromkeys(_CONTROL.findall(text))]


def clean_text(text: str) -> str:
    """``text`` cleaned as the module docstring says (returned as is when already clean)."""
    return _apply(_STEPS, text) if needs_cleaning(text) else text


def clean_words(text: str, words: Sequence[Word]) -> tuple[str, tuple[Word, ...]]:
    """``text`` cleaned, and ``words`` (which lie in ``text`` at their ``char_start``) moved and
    cleaned with it. A word left with no text is dropped: nothing of it can be shown.

    Each character of the cleaned text remembers the position it came from (a decoded
    reference, the position of its ``&``), so a word gets the cleaned characters that came
    from its own span, whatever the steps removed or folded around it.
    """
    if not words or not needs_cleaning(text):
        return clean_text(text), tuple(words)
    origins = list(range(len(text)))
    for pattern, replacement in _STEPS:
        text, origins = _sub_tracked(pattern, replacement, text, origins)
    moved: list[Word] = []
    for word in words:
        # The cleaned characters that came from the word's span (origins never decrease).
        start = bisect.bisect_left(origins, word.char_start)
        end = bisect.bisect_left(origins, word.char_start + len(word.text))
        piece = text[start:end]
        kept = piece.strip()
        if kept:
            start += len(piece) - len(piece.lstrip())
            moved.append(Word(kept, word.start_ms, word.end_ms, start))
    return text, tuple(moved)


def one_row(text: str) -> str:
    """The text's rows joined by a space, for formats with one text row per line (LRC, plain
    text). Same length as ``text``, so character positions of words stay valid."""
    return text.replace("\r", " ").replace("\n", " ")


def _apply(
    steps: Sequence[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]], text: str
) -> str:
    for pattern, replacement in steps:
        text = pattern.sub(replacement, text)
    return text


def _sub_tracked(
    pattern: re.Pattern[str],
    replacement: str | Callable[[re.Match[str]], str],
    text: str,
    origins: list[int],
) -> tuple[str, list[int]]:
    """``pattern.sub(replacement, text)``, and where each character of the result came from
    (``origins[i]``: the position in the original text of ``text[i]``; a replacement's
    characters all come from where its match started)."""
    parts: list[str] = []
    new_origins: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        new = replacement if isinstance(replacement, str) else replacement(match)
        parts += (text[last:start], new)
        new_origins += origins[last:start]
        new_origins += [origins[start]] * len(new)
        last = end
    parts.append(text[last:])
    new_origins += origins[last:]
    return "".join(parts), new_origins
