"""The teaching content of a ``[[stanza]]`` in ``song.toml``: references, glossary, key idea and
points (see docs/song-format.md).

Each reader returns what it can use and reports the rest through ``report(key, message, code)``:
``key`` is the manifest key to point at (``"key_idea.en"``, ``"references"``), or None for the
stanza's header. A value of the wrong type is a warning (BAD_VALUE), never an error: the song
still plays without it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from karaoke.core.errors import ProblemCode
from karaoke.core.manifest import localized
from karaoke.core.model import GlossaryTerm, Localized, Reference

Report = Callable[[str | None, str, ProblemCode], None]

#: The longest key idea (in characters) that a projector shows at a size a class can read.
MAX_KEY_IDEA_CHARS = 120


#: A longer URL fits no QR code a phone can scan from a projector (and segno refuses ~2,300).
MAX_URL_CHARS = 2000


def is_text_table(value: Any) -> bool:
    """Whether ``value`` is a text, or a table of texts by language (``key.es = "…"``)."""
    if isinstance(value, str):
        return True
    return isinstance(value, Mapping) and all(isinstance(text, str) for text in value.values())


def _dotted(key: str, code: str) -> str:
    return f"{key}.{code}" if code else key


def key_idea(number: int, value: Any, explanation: Localized, report: Report) -> dict[str, str]:
    """The stanza's key idea by language. Reported: a value that is not text, a key idea over
    :data:`MAX_KEY_IDEA_CHARS`, and a language the stanza is explained in without a key idea."""
    if isinstance(value, Mapping):
        bad = [str(code) for code, text in value.items() if not isinstance(text, str)]
    else:
        bad = [] if value is None or isinstance(value, str) else [""]
    for code in bad:
        key = _dotted("key_idea", code)
        languages = "" if code else ', or texts by language (key_idea.es = "…")'
        report(key, f"stanza {number}: '{key}' must be a text{languages}", ProblemCode.BAD_VALUE)
    idea = localized(value)
    for code, text in idea.items():
        if len(text.strip()) > MAX_KEY_IDEA_CHARS:
            report(
                _dotted("key_idea", code),
                f"stanza {number}: key idea{f' ({code})' if code else ''} has "
                f"{len(text.strip())} characters, over {MAX_KEY_IDEA_CHARS}: too long to project",
                ProblemCode.KEY_IDEA_TOO_LONG,
            )
    _missing_key_idea(number, explanation, idea, report)
    return idea


def _missing_key_idea(number: int, explanation: Localized, idea: Localized, report: Report) -> None:
    explained = [code for code, text in explanation.items() if text.strip()]
    have = {code for code, text in idea.items() if text.strip()}
    if not explained or "" in have:
        return
    if not have:
        message = f"stanza {number} has an explanation but no key idea"
        report(None, message, ProblemCode.NO_KEY_IDEA)
        return
    for code in explained:
        if code and code not in have:
            message = f"stanza {number} has an explanation in {code} but no key idea in {code}"
            report("key_idea", message, ProblemCode.NO_KEY_IDEA)


def points(number: int, value: Any, report: Report) -> dict[str, tuple[str, ...]]:
    """The stanza's points by language: ``points.es = ["…", "…"]``, or ``points = [...]`` for
    every language. Values that are not text are reported and left out; so are blank points."""
    if value is None:
        return {}
    lists = {"": value} if isinstance(value, list) else value
    if not isinstance(lists, Mapping):
        message = f"stanza {number}: 'points' must be a list of texts, or lists by language"
        report("points", message + ' (points.es = ["…"])', ProblemCode.BAD_VALUE)
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for code, items in lists.items():
        key = _dotted("points", str(code))
        texts = items if isinstance(items, list) else []
        if not isinstance(items, list) or not all(isinstance(text, str) for text in texts):
            message = f"stanza {number}: '{key}' must be a list of texts"
            report(key, message, ProblemCode.BAD_VALUE)
        kept = tuple(text for text in texts if isinstance(text, str) and text.strip())
        if kept:
            found[str(code)] = kept
    return found


def glossary(number: int, value: Any, report: Report) -> tuple[GlossaryTerm, ...]:
    terms = []
    for item in value if isinstance(value, list) else [value]:
        term = localized(item.get("term")) if isinstance(item, dict) else {}
        if not term:
            report(
                "glossary",
                f"stanza {number}: a glossary entry needs a term (text, or term.es / term.en)",
                ProblemCode.BAD_VALUE,
            )
            continue
        terms.append(GlossaryTerm(term, localized(item.get("definition"))))
    return tuple(terms)


def references(number: int, value: Any, report: Report) -> tuple[Reference, ...]:
    if not isinstance(value, list):
        report(None, f"stanza {number}: 'references' must be a list", ProblemCode.BAD_VALUE)
        return ()
    found: list[Reference] = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            report(
                "references", f"stanza {number}: a reference needs a title", ProblemCode.BAD_VALUE
            )
            continue
        url = item.get("url", "")
        if not isinstance(url, str):
            url = repr(url)
        if url and not url.startswith(("https://", "http://")):
            report(
                "references",
                f"stanza {number}: reference URL must start with http:// or https://: {url}",
                ProblemCode.BAD_URL,
            )
            url = ""
        elif len(url) > MAX_URL_CHARS:
            report(
                "references",
                f"stanza {number}: reference URL longer than {MAX_URL_CHARS} characters "
                "(no QR code can hold it)",
                ProblemCode.BAD_URL,
            )
            url = ""
        found.append(Reference(item["title"], url))
    return tuple(found)
