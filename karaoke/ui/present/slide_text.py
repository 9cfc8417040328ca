"""What the audience reads about a stanza, as plain text: its key idea, its points, and short
captions for its sources. Pure text, no Qt, so each rule is tested on its own.

The full explanation and the teacher's notes stay on the presenter console; the projector shows
only these short forms (a class reads them from 10 m away).
"""

from __future__ import annotations

import re

from karaoke.core.model import Song, Stanza, pick, pick_list

#: Points made from the explanation (for a stanza without its own): at most this many sentences,
#: and no more characters than this in all (the first sentence always goes in, whole).
FALLBACK_POINTS = 3
FALLBACK_CHARS = 260
#: A caption's title part is cut to this many characters (at a word, with "…").
CAPTION_TITLE_CHARS = 40

_YEAR_FIRST = re.compile(r"^(?P<authors>[^()]+?)\s*\((?P<year>\d{4})[a-z]?\)\.?\s*(?P<rest>.*)$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"«¿¡*_]*[A-ZÁÉÍÓÚÑ0-9])")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|__|\*|`")
_LIST_MARK = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s*#+\s*")


def key_idea(stanza: Stanza, language: str) -> str:
    """The stanza's one-sentence key idea in ``language`` ("" when it has none)."""
    return pick(stanza.key_idea, language)


def points(stanza: Stanza, language: str) -> tuple[str, ...]:
    """The stanza's 2–4 short points in ``language``; without any, the first sentences of its
    explanation (whole sentences only, see :func:`first_sentences`)."""
    return pick_list(stanza.points, language) or first_sentences(pick(stanza.explanation, language))


def stanza_lines(song: Song, index: int) -> tuple[str, ...]:
    """The sung text of stanza ``index``, a line each (line breaks inside a line kept)."""
    stanza = song.stanzas[index]
    return tuple(line.text for line in song.lines[stanza.first_line : stanza.end_line])


def plain(markdown: str) -> list[str]:
    """The blocks of ``markdown`` (paragraphs and list items) as plain one-line strings."""
    blocks: list[str] = []
    current: list[str] = []
    for raw in markdown.splitlines():
        line = _HEADING.sub("", raw)
        item = _LIST_MARK.match(line)
        if not line.strip() or item:
            if current:
                blocks.append(" ".join(current))
            current = []
            line = line[item.end() :] if item else ""
        if line.strip():
            current.append(line.strip())
    if current:
        blocks.append(" ".join(current))
    return [_EMPHASIS.sub("", _LINK.sub(r"\1", block)) for block in blocks]


def first_sentences(
    markdown: str, most: int = FALLBACK_POINTS, chars: int = FALLBACK_CHARS
) -> tuple[str, ...]:
    """The first sentences of ``markdown`` as plain text, each cut at a sentence boundary: at
    most ``most`` of them and ``chars`` characters in all, but always the first. A sentence that
    ends in ":" announces a list the audience will not see, so it is left out."""
    sentences = [
        sentence.strip()
        for block in plain(markdown)
        for sentence in _SENTENCE_END.split(block)
        if sentence.strip() and not sentence.rstrip().endswith(":")
    ]
    chosen: list[str] = []
    for sentence in sentences:
        if len(chosen) == most or (chosen and sum(map(len, chosen)) + len(sentence) > chars):
            break
        chosen.append(sentence)
    return tuple(chosen)


def _drop_remarks(text: str) -> str:
    """``text`` without its parenthesised remarks — "(reprinted in Proc. IEEE 86(1), 1998)" —
    but keeping the parentheses that follow a word directly, like an issue number "9(1)"."""
    out: list[str] = []
    depth = 0
    for index, char in enumerate(text):
        if char == "(" and (depth or index == 0 or text[index - 1].isspace()):
            depth += 1
            continue
        if char == ")" and depth:
            depth -= 1
            continue
        if not depth:
            out.append(char)
    return re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", "".join(out))).strip()


def _shorten(title: str) -> str:
    """A title cut to about :data:`CAPTION_TITLE_CHARS`: before its ": " (a name such as
    "TensorFlow: Large-Scale…"), else at its first ", " or " — ", else at a word, with "…"."""
    title = title.strip().rstrip(".")
    if len(title) <= CAPTION_TITLE_CHARS:
        return title
    head, colon, _ = title.partition(": ")
    # A head of one short word (an acronym such as "ACM") would say too little.
    if colon and len(head) >= 4 and len(head) <= CAPTION_TITLE_CHARS:
        return head
    for separator in (", ", " — ", " - "):
        head = title.split(separator, 1)[0]
        if len(head) <= CAPTION_TITLE_CHARS and len(head) < len(title):
            return head
    cut = title[: CAPTION_TITLE_CHARS + 1].rsplit(" ", 1)[0].rstrip(",.;:—- ")
    return f"{cut}…"


def short_caption(reference_title: str) -> str:
    """A caption of a few words for a source's QR code: its journal or venue and year
    ("Nature, 2015") when the title names a venue, else its shortened title and the year.

    Reads the usual "Authors (Year). Title. Venue Volume, pages" form; anything else is
    treated as a title."""
    text = " ".join(reference_title.split())
    match = _YEAR_FIRST.match(text)
    year, rest = (match["year"], match["rest"]) if match else ("", text)
    rest = _drop_remarks(rest)
    sentences = _SENTENCE_END.split(rest)
    venue = ""
    # A venue is a last sentence that carries a volume, issue or year: "Nature 521, 436–444".
    if match and len(sentences) >= 2 and re.search(r"\d", sentences[-1]):
        venue = re.split(r"\s+(?:\d|'\d|\(|vol\.)", sentences[-1], maxsplit=1)[0].strip(" ,.")
    # Without a venue, the title: the first sentence after the year ("A robot wrote this entire
    # article. Are you scared yet, human?" is a headline and its standfirst).
    label = venue or _shorten(sentences[0] if match else rest)
    return f"{label}, {year}" if year else label
