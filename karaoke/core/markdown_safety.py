"""What a song's Markdown asks for that the player will not do: raw HTML, images from outside
the song's package, links that are not http(s). Pure (no Qt), for ``karaoke check``.

The player renders an explanation with HTML turned off (raw HTML shows as the literal text an
author typed), loads images only from files inside the package, and opens only http(s) links
on a click (``karaoke/ui/shared/rich_text.py``). An author who wrote ``<b>``, ``![](https://…)``
or ``[here](file:///…)`` meant something else, so each is reported with the line of the text it
is on. What is found:

- raw HTML as CommonMark defines it: open and closing tags (``<b>``, ``<a href="…">``,
  ``</p>``), comments ``<!--``, processing instructions ``<?``, declarations ``<!X`` and
  ``<![CDATA[``, and the start of an HTML block (``<script``, ``<div`` at a line's start, even
  unclosed);
- images, inline ``![alt](target)`` or by reference (``![alt][label]``, ``![label][]``,
  ``![label]`` with ``[label]: target``): a target with a scheme (``https:``, ``file:``,
  ``data:``…), an absolute path, a path that leaves the package's folder (``..``, a symbolic
  link; percent-escapes decoded), or a file that is not there;
- links that are not absolute http(s): inline ``[text](target)``, reference definitions,
  autolinks ``<scheme:…>`` and ``<name@host>``, and the bare ``ftp://…`` and ``name@host.org``
  that GitHub's dialect turns into links.

Limits (the regular expressions are a good approximation, not a CommonMark parser): backslash
escapes, code spans and fenced code blocks are skipped, but an *indented* code block is read as
text (a tag in it is reported though it would show as code); link text nests brackets one level
deep; a destination nests parentheses one level deep; reference labels are matched without
Unicode case folding (``str.casefold`` only); entity references in a destination are not decoded.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Any
from urllib.parse import unquote

from karaoke.core.errors import ProblemCode
from karaoke.core.manifest_stanza import Report

SAFE_LINK_SCHEMES = frozenset({"http", "https"})
#: A finding quotes at most this much of what it found.
QUOTE_CHARS = 40


@dataclass(frozen=True)
class Finding:
    """One thing the renderer will not do: its code, a message, and the 1-based line of the
    text (not of the file) it is on."""

    code: ProblemCode
    message: str
    line: int


# What is never Markdown: backslash escapes, code spans, fenced code blocks.
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:.|\n(?![ \t]*\n))+?(?<!`)\1(?!`)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")

# Raw HTML (CommonMark 0.31, "Raw HTML" and "HTML blocks").
_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_RAW_HTML = re.compile(
    rf"<{_NAME}(?:{_ATTRIBUTE})*\s*/?>"  # open tag
    rf"|</{_NAME}\s*>"  # closing tag
    r"|<!--|<\?|<![A-Za-z]|<!\[CDATA\["  # comment, instruction, declaration, CDATA
)
_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details"
    "|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head"
    "|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p"
    "|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_HTML_BLOCK = re.compile(
    rf"^ {{0,3}}(?:<(?:script|pre|style|textarea)(?=[\s>]|$)|</?(?:{_BLOCK_NAMES})(?=[\s>]|/>|$))",
    re.IGNORECASE | re.MULTILINE,
)

# Links and images.
_TEXT = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
_DESTINATION = r"<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*"
_TITLE = r""""[^"]*"|'[^']*'|\([^()]*\)"""
_INLINE = re.compile(
    rf"(?P<bang>!?)\[(?P<text>{_TEXT})\]\(\s*(?P<target>{_DESTINATION})(?:\s+(?:{_TITLE}))?\s*\)"
)
_DEFINITION = re.compile(
    rf"^ {{0,3}}\[(?P<label>(?:[^\[\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*(?P<target>{_DESTINATION})",
    re.MULTILINE,
)
_IMAGE_BY_REFERENCE = re.compile(
    rf"!\[(?P<text>{_TEXT})\](?:\[(?P<label>(?:[^\[\]\\]|\\.)*)\]|(?![(\[:]))"
)
_AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_EMAIL_AUTOLINK = re.compile(r"<(?P<target>[^\s<>@\\]+@[^\s<>@\\]+)>")
_BARE_FTP = re.compile(r"(?<![\w/(<])(?P<target>ftp://[^\s<>()]*[^\s<>().,;:!?'\"])", re.IGNORECASE)
_BARE_EMAIL = re.compile(
    r"(?<![\w.+@/-])(?P<target>[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?![\w@-])"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _blank(match: re.Match[str]) -> str:
    """The match as spaces, its line breaks kept: positions and line numbers stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _without_code(text: str) -> str:
    """``text`` with its backslash escapes, code spans and fenced code blocks blanked out."""
    lines = _ESCAPE.sub(_blank, text).split("\n")
    fence = ""
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            lines[index] = " " * len(line)
        elif opening:
            fence = opening.group(1)
            lines[index] = " " * len(line)
    return _CODE_SPAN.sub(_blank, "\n".join(lines))


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…"


def _target(raw: str) -> str:
    """A destination as written, without its angle brackets and backslash escapes."""
    raw = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", raw).strip()


def _label(text: str) -> str:
    """A reference label as CommonMark matches it: case and runs of blanks ignored."""
    return " ".join(text.split()).casefold()


def image_problem(target: str, folder: Path | None) -> str | None:
    """Why the image at ``target`` (as written in the Markdown) is not shown, or None when it is
    a file inside the package's ``folder``."""
    if not target:
        return "an image with no file"
    if _SCHEME.match(target) and not PureWindowsPath(target).drive:
        scheme = target.split(":", 1)[0].lower()
        where = "from the network" if scheme in ("http", "https", "ftp") else f"from '{scheme}:'"
        return f"image '{_quote(target)}' is not shown: images are never loaded {where}"
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if os.path.isabs(path) or PureWindowsPath(path).anchor:
        return f"image '{_quote(target)}' is not shown: an absolute path (name it from the package)"
    if folder is None:
        return f"image '{_quote(target)}' is not shown: it is in no song package"
    inside = os.path.realpath(folder)
    real = os.path.realpath(os.path.join(inside, path))
    if os.path.commonpath([inside, real]) != inside:
        return f"image '{_quote(target)}' is not shown: it leaves the song package's folder"
    if not os.path.isfile(real):
        return f"image '{_quote(target)}' is not shown: no such file in the song package"
    return None


def link_problem(target: str) -> str | None:
    """Why a click on a link to ``target`` opens nothing, or None for an absolute http(s) URL."""
    scheme = target.split(":", 1)[0].lower() if _SCHEME.match(target) else ""
    rest = target[len(scheme) + 1 :] if scheme else ""
    if scheme in SAFE_LINK_SCHEMES and rest.startswith("//") and len(rest.strip("/")) > 0:
        return None
    return f"link '{_quote(target) or '(empty)'}' opens nothing: only http(s) links open"


def _line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def markdown_findings(text: str, folder: Path | None) -> list[Finding]:
    """What ``text`` (Markdown from a song whose package is ``folder``) asks for that the player
    will not do, in order of position; one finding per distinct thing and code."""
    scan = _without_code(text)
    prose = _without_targets(scan)
    found: list[tuple[int, ProblemCode, str]] = []
    tags = {match.start(): match.group(0) for match in _RAW_HTML.finditer(prose)}
    for match in _HTML_BLOCK.finditer(prose):  # an HTML block's start not already a whole tag
        start = prose.index("<", match.start())
        tags.setdefault(start, match.group(0).strip())
    for start, tag in tags.items():
        message = f"raw HTML '{_quote(tag)}' is shown as text, not as HTML"
        found.append((start, ProblemCode.MARKDOWN_HTML, message))
    found += _image_findings(text, scan, folder)
    found += _link_findings(text, scan, prose)
    found.sort(key=lambda item: item[0])
    seen: set[tuple[ProblemCode, str]] = set()
    findings = []
    for position, code, message in found:
        if (code, message) not in seen:
            seen.add((code, message))
            findings.append(Finding(code, message, _line_of(text, position)))
    return findings


def _without_targets(scan: str) -> str:
    """``scan`` with the destinations of its links, images and reference definitions blanked:
    a ``<`` or an address there is part of the destination, not HTML or an autolink."""
    spans = [(m.start("target"), m.end("target")) for m in _inline(scan)]
    spans += [(m.start("target"), m.end("target")) for m in _DEFINITION.finditer(scan)]
    chars = list(scan)
    for start, end in spans:
        chars[start:end] = [" " if char != "\n" else char for char in chars[start:end]]
    return "".join(chars)


def _inline(scan: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """Every inline link and image in ``scan[start:end]``, those inside a link's text too (an
    image as a link: ``[![alt](picture.png)](https://…)``)."""
    found = []
    for match in _INLINE.finditer(scan, start, len(scan) if end is None else end):
        found.append(match)
        if not match["bang"]:
            found += _inline(scan, match.start("text"), match.end("text"))
    return found


def _definitions(text: str, scan: str) -> dict[str, tuple[int, str]]:
    """Reference definitions by label: where each starts and its target (the first wins)."""
    found: dict[str, tuple[int, str]] = {}
    for match in _DEFINITION.finditer(scan):
        target = _target(text[match.start("target") : match.end("target")])
        found.setdefault(_label(match["label"]), (match.start(), target))
    return found


def _image_targets(text: str, scan: str) -> list[tuple[int, str]]:
    """Every image's position and target as written: inline, or through a reference."""
    found = []
    for match in _inline(scan):
        if match["bang"]:
            found.append(
                (match.start(), _target(text[match.start("target") : match.end("target")]))
            )
    definitions = _definitions(text, scan)
    for match in _IMAGE_BY_REFERENCE.finditer(scan):
        label = _label(match["label"] or match["text"])
        if label in definitions:
            found.append((match.start(), definitions[label][1]))
    return found


def _image_findings(
    text: str, scan: str, folder: Path | None
) -> list[tuple[int, ProblemCode, str]]:
    found = []
    for position, target in _image_targets(text, scan):
        if (why := image_problem(target, folder)) is not None:
            found.append((position, ProblemCode.MARKDOWN_IMAGE, why))
    return found


def package_images(text: str, folder: Path) -> list[str]:
    """The images of ``text`` (Markdown) that the player shows: files inside ``folder``, as
    paths relative to it (``/``-separated, in order, each once) — what a one-file package must
    carry besides the files its manifest names."""
    inside = os.path.realpath(folder)
    names: dict[str, None] = {}
    for _position, target in _image_targets(text, _without_code(text)):
        if image_problem(target, folder) is None:
            path = unquote(target.split("#", 1)[0].split("?", 1)[0])
            real = os.path.realpath(os.path.join(inside, path))
            names.setdefault(Path(os.path.relpath(real, inside)).as_posix(), None)
    return list(names)


def _link_findings(text: str, scan: str, prose: str) -> list[tuple[int, ProblemCode, str]]:
    found = []
    for match in _inline(scan):
        if not match["bang"]:
            target = _target(text[match.start("target") : match.end("target")])
            if (why := link_problem(target)) is not None:
                found.append((match.start(), ProblemCode.MARKDOWN_LINK, why))
    images = {_label(m["label"] or m["text"]) for m in _IMAGE_BY_REFERENCE.finditer(scan)}
    for label, (position, target) in _definitions(text, scan).items():
        if label not in images and (why := link_problem(target)) is not None:
            found.append((position, ProblemCode.MARKDOWN_LINK, why))
    for pattern, mailto in (
        (_AUTOLINK, False),
        (_EMAIL_AUTOLINK, True),
        (_BARE_FTP, False),
        (_BARE_EMAIL, True),
    ):
        for match in pattern.finditer(prose):
            target = ("mailto:" if mailto else "") + text[
                match.start("target") : match.end("target")
            ]
            if (why := link_problem(target)) is not None:
                found.append((match.start(), ProblemCode.MARKDOWN_LINK, why))
    return found


def report_explanation(number: int, value: Any, folder: Path | None, report: Report) -> None:
    """Report, at the key that holds it (``explanation.es``), what each explanation of stanza
    ``number`` asks for that the player will not do (:func:`markdown_findings`). A value of the
    wrong type is left to the reader that reads it."""
    if isinstance(value, str):
        texts = {"explanation": value}
    elif isinstance(value, Mapping):
        texts = {f"explanation.{code}": text for code, text in value.items()}
    else:
        return
    for key, text in texts.items():
        if not isinstance(text, str):
            continue
        for finding in markdown_findings(text, folder):
            where = f" (the text's line {finding.line})" if finding.line > 1 else ""
            report(key, f"stanza {number}: {key}: {finding.message}{where}", finding.code)
