"""Sung text without display markup, and as one row.

Markup is HTML-like tags (``<i>``, ``<font …>``) and ASS overrides (``{\\an8}``). Only things
shaped like tags go: ``2<3,5>1`` is text and stays.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|\{\\[^{}\n]*\}")
_SPACES = re.compile(r"[ \t\f\v]+")


def strip_markup(text: str) -> str:
    """Tags removed, runs of spaces folded, each display line stripped, blank display lines dropped."""
    rows = (_SPACES.sub(" ", row).strip() for row in _TAG.sub("", text).split("\n"))
    return "\n".join(row for row in rows if row)


def one_row(text: str) -> str:
    """The text's rows joined by a space, for formats with one text row per line (LRC, plain
    text). Same length as ``text``, so character positions of words stay valid."""
    return text.replace("\r", " ").replace("\n", " ")
