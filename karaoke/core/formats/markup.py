"""Remove display markup from sung text: HTML-like tags (``<i>``, ``<font …>``) and ASS overrides
(``{\\an8}``). Only things shaped like tags go: ``2<3,5>1`` is text and stays."""

from __future__ import annotations

import re

_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|\{\\[^{}\n]*\}")
_SPACES = re.compile(r"[ \t\f\v]+")


def plain_text(text: str) -> str:
    """Tags removed, runs of spaces folded, each display line stripped, blank display lines dropped."""
    rows = (_SPACES.sub(" ", row).strip() for row in _TAG.sub("", text).split("\n"))
    return "\n".join(row for row in rows if row)
