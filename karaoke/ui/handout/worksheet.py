"""The fill-in-the-blanks sheet of a study pack: glossary terms blanked in sentences of the
song's lyrics and explanations (pure Python, no Qt).

For each glossary term (in the pack's language) that appears as a whole word in a sentence of
the lyrics or the explanations, one sentence is chosen and every occurrence of the term in it
is replaced by a blank; the terms blanked make the word bank. The choice is deterministic (same
song, same sheet): sentences of the term's own stanza first (its explanation's, then its sung
lines), then any; among them the first of a readable length, else the shortest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: What stands for a term in a sentence (long enough to write a two-word term in by hand).
BLANK = "______________"
#: A sentence shorter than this says too little to find the term from; longer than the other,
#: it is a paragraph to read, not a blank to fill. Used to prefer, never to refuse.
READABLE_CHARS = (30, 220)

# After . ! ? or …, but not after "et al." (a citation goes on).
_SENTENCE_END = re.compile(r"(?<!\sal\.)(?<=[.!?…])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Source:
    """The texts of one stanza a sentence can come from: its sung lines and its explanation as
    plain text (Markdown already rendered), and its glossary terms in the pack's language."""

    lines: tuple[str, ...]
    explanation: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Blank:
    """One sentence of the sheet: ``text`` with :data:`BLANK` where ``term`` was, and the
    sentence as it was (``answer``), for the answer key."""

    term: str
    text: str
    answer: str


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences (and list items, one a line), stripped, empty ones left out."""
    cut = (piece.strip(" \t-•*") for piece in _SENTENCE_END.split(text))
    return [piece for piece in cut if piece]


def term_pattern(term: str) -> re.Pattern[str]:
    """``term`` as a whole word (or words), any case; its spaces match any run of spaces. Not
    inside a hyphenated name: "GPT" is not blanked in "GPT-3", which is another thing."""
    words = (re.escape(word) for word in term.split())
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def _candidates(source: Source) -> list[str]:
    # The explanation's sentences first: they say what the term means, a sung line rarely does.
    sung = (" ".join(line.split()) for line in source.lines)
    return [*sentences(source.explanation), *(line for line in sung if line)]


def _choose(found: Sequence[str]) -> str:
    low, high = READABLE_CHARS
    readable = [sentence for sentence in found if low <= len(sentence) <= high]
    return readable[0] if readable else min(found, key=len)


def make_blanks(sources: Sequence[Source]) -> list[Blank]:
    """One :class:`Blank` per glossary term of ``sources`` found in their texts, in glossary
    order; a term listed twice (in two stanzas) is blanked once; a sentence is used once."""
    blanks: list[Blank] = []
    seen_terms: set[str] = set()
    used: set[str] = set()
    everywhere = [sentence for source in sources for sentence in _candidates(source)]
    for source in sources:
        own = _candidates(source)
        for term in source.terms:
            key = term.casefold().strip()
            if not key or key in seen_terms:
                continue
            pattern = term_pattern(term)
            found = [s for s in (*own, *everywhere) if s not in used and pattern.search(s)]
            if not found:
                continue
            sentence = _choose(found)
            seen_terms.add(key)
            used.add(sentence)
            blanks.append(Blank(term, pattern.sub(BLANK, sentence), sentence))
    return blanks


def word_bank(blanks: Sequence[Blank]) -> list[str]:
    """The blanked terms in alphabetical order (ignoring case and accents' order is good
    enough for a class: ``str.casefold``), so the bank gives no hint of the sentences' order."""
    return sorted({blank.term for blank in blanks}, key=str.casefold)
