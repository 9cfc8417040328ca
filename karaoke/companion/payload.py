"""What a phone needs of a song, as a JSON-ready dict (served as ``/song.json``). Pure.

The shape (every time an int of milliseconds, every text a plain string the page shows with
``textContent``; explanations are Markdown *source*, which the page renders as a safe subset)::

    {"title": str, "subtitle": str, "language": "es", "explanations_language": "es" | "en",
     "lines": [{"text", "start_ms", "end_ms", "translation",
                "words": [{"text", "start_ms", "end_ms", "char_start"}]}],
     "stanzas": [{"first_line", "end_line", "title": {es, en}, "key_idea": {es, en},
                  "explanation": {es, en}, "glossary": [{"term": {es, en}, "definition": {es, en}}],
                  "references": [{"title": str, "url": str | None}],
                  "questions": [{"id", "prompt": {es, en}, "options": [{es, en}]}]}]}

No lyrics offset: the session's changes while presenting (``--offset``, the one remembered for
the song, the teacher's nudges), so each ``state`` message carries it. Questions come *without* the right option or the why: those are
sent only at the reveal. A reference's ``url`` is None unless it is http(s). The teacher's
``notes`` and the ``content_note`` are never included.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from karaoke.core.model import Line, Localized, Question, Song, Stanza, pick

#: The languages of the student page: every localized text is given in both.
PAGE_LANGUAGES = ("es", "en")


def both_languages(text: Localized) -> dict[str, str]:
    """``text`` in each of :data:`PAGE_LANGUAGES`, falling back as :func:`pick` does."""
    return {code: pick(text, code) for code in PAGE_LANGUAGES}


def safe_url(url: str) -> str | None:
    """``url`` if it is an absolute http(s) URL a page may link to, else None."""
    if any(c.isspace() or ord(c) < 0x20 or c in "\"'<>\\`" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def song_payload(
    song: Song, language: str | None = None, *, translation: Mapping[int, str] | None = None
) -> dict[str, Any]:
    """The song for the pages.

    ``language`` is the explanations' language the pages start in (else the song's if it is
    one of :data:`PAGE_LANGUAGES`, else Spanish); a page may switch. ``translation`` maps line
    indices to a translated line (the caller reads and aligns the translation file); without it,
    each line's own ``translation`` is used.
    """
    start = language or song.language
    return {
        "title": song.title,
        "subtitle": song.subtitle,
        "language": song.language,
        "explanations_language": start if start in PAGE_LANGUAGES else PAGE_LANGUAGES[0],
        "lines": [
            _line(line, translation.get(index, "") if translation is not None else None)
            for index, line in enumerate(song.lines)
        ],
        "stanzas": [_stanza(stanza) for stanza in song.stanzas],
    }


def _line(line: Line, translation: str | None) -> dict[str, Any]:
    return {
        "text": line.text,
        "start_ms": line.start_ms,
        "end_ms": line.end_ms,
        "translation": line.translation if translation is None else translation,
        "words": [
            {
                "text": word.text,
                "start_ms": word.start_ms,
                "end_ms": word.end_ms,
                "char_start": word.char_start,
            }
            for word in line.words
        ],
    }


def _stanza(stanza: Stanza) -> dict[str, Any]:
    return {
        "first_line": stanza.first_line,
        "end_line": stanza.end_line,
        "title": both_languages(stanza.title),
        "key_idea": both_languages(stanza.key_idea),
        "explanation": both_languages(stanza.explanation),
        "glossary": [
            {"term": both_languages(term.term), "definition": both_languages(term.definition)}
            for term in stanza.glossary
        ],
        "references": [
            {"title": reference.title, "url": safe_url(reference.url)}
            for reference in stanza.references
        ],
        "questions": [public_question(question) for question in stanza.questions],
    }


def public_question(question: Question) -> dict[str, Any]:
    """A question as the pages see it before the reveal: no ``correct``, no ``why``."""
    return {
        "id": question.id,
        "prompt": both_languages(question.prompt),
        "options": [both_languages(option) for option in question.options],
    }
