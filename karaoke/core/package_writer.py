"""Writing a song package: a folder with ``song.toml`` and its lyrics (see docs/song-format.md).

:func:`new_package` makes the package of a freshly timed song: title, media, lyrics and one
``[[stanza]]`` per stanza with empty titles, explanations and key ideas ready to fill in, so that
``karaoke check`` passes except for "stanza N has no explanation". :func:`write_song_package`
writes a whole :class:`~karaoke.core.model.Song` again (credits, explanations, references,
glossary, key ideas, points, questions, content note, translations) with new line times, for
``karaoke convert``.

``tomllib`` only reads TOML, so the manifest is written here; strings are TOML basic strings
(multi-line for text with line breaks, such as Markdown explanations).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from karaoke.core.atomic import describe_os_error, write_atomic
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.formats import write_lyrics
from karaoke.core.model import DEFAULT_LANGUAGE, Credit, Line, Localized, Question, Song, Stanza
from karaoke.core.package import MANIFEST_NAME, SCHEMA_VERSION

#: Languages a new package gets empty stanza titles and explanations in.
EXPLANATION_LANGUAGES = ("es", "en")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
# Characters a TOML basic string must escape (besides " and \): controls other than tab.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_MULTILINE_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # newlines stay as they are


def new_package(
    folder: Path,
    *,
    title: str,
    lines: Sequence[Line],
    stanza_starts: Iterable[int] = (0,),
    media: Path | None = None,
    language: str | None = None,
) -> Path:
    """Write a new song package in ``folder`` (made if missing) and return its manifest path.

    The lyrics go to ``lyrics.lrc`` when any line has word timings (enhanced LRC keeps them),
    else ``lyrics.srt``. ``language`` (the sung text's: "es" or "en") is guessed from the words
    when not given. Files replaced are kept as ``NAME.bak``. Raises :class:`SongError`.
    """
    if not lines:
        raise SongError(folder, "no timed line to put in a song package", code=ProblemCode.NO_LINES)
    bounds = [*sorted({0, *(i for i in stanza_starts if 0 < i < len(lines))}), len(lines)]
    stanzas = [Stanza(first, end) for first, end in itertools.pairwise(bounds)]
    _make_folder(folder)
    lyrics_name = _lyrics_name(lines)
    write_lyrics(folder / lyrics_name, lines, stanza_starts=bounds[:-1], title=title)
    manifest = folder / MANIFEST_NAME
    text = manifest_text(
        title=title,
        lyrics=lyrics_name,
        media=_relative(media, folder) if media else None,
        language=language or guess_language(line.text for line in lines),
        stanzas=stanzas,
    )
    write_atomic(manifest, text.encode("utf-8"))
    return manifest


def write_song_package(
    folder: Path,
    song: Song,
    lines: Sequence[Line],
    translations: Mapping[str, Sequence[Line]] | None = None,
) -> Path:
    """Write ``song`` as a package in ``folder`` with ``lines`` (same lines, new times) and
    translation lines per language. Returns the manifest path. Raises :class:`SongError`."""
    _make_folder(folder)
    lyrics_name = _lyrics_name(lines)
    write_lyrics(folder / lyrics_name, lines, title=song.title)
    translation_names: dict[str, str] = {}
    for language, translated in (translations or {}).items():
        name = f"lyrics.{language}{Path(_lyrics_name(translated)).suffix}"
        write_lyrics(folder / name, translated)
        translation_names[language] = name
    manifest = folder / MANIFEST_NAME
    text = manifest_text(
        title=song.title,
        subtitle=song.subtitle,
        lyrics=lyrics_name,
        media=_relative(song.media, folder) if song.media else None,
        language=song.language,
        offset_ms=song.offset_ms,
        translations=translation_names,
        credits=song.credits,
        stanzas=song.stanzas,
        content_note=song.content_note,
    )
    write_atomic(manifest, text.encode("utf-8"))
    return manifest


def manifest_text(
    *,
    title: str,
    lyrics: str,
    media: str | None = None,
    language: str = DEFAULT_LANGUAGE,
    subtitle: str = "",
    offset_ms: int = 0,
    translations: Mapping[str, str] | None = None,
    credits: Sequence[Credit] = (),
    stanzas: Sequence[Stanza] = (),
    content_note: Localized | None = None,
) -> str:
    """The ``song.toml`` text. A stanza without any explanation gets empty titles,
    explanations and key ideas in :data:`EXPLANATION_LANGUAGES`, as places to write them."""
    rows = [
        f"schema = {SCHEMA_VERSION}",
        f"title = {toml_string(title)}",
    ]
    if subtitle:
        rows.append(f"subtitle = {toml_string(subtitle)}")
    rows.append(f"language = {toml_string(language)}   # of the sung text: es or en")
    rows.append(f"lyrics = {toml_string(lyrics)}")
    if media:
        rows.append(f"media = {toml_string(media)}")
    rows.append(f"offset_ms = {int(offset_ms)}   # positive: lyrics later than the media")
    rows += _localized("content_note", content_note or {})
    if translations:
        rows += ["", "[translations]"]
        rows += [f"{toml_key(code)} = {toml_string(name)}" for code, name in translations.items()]
    for credit in credits:
        rows += [
            "",
            "[[credits]]",
            *_localized("role", credit.role),
            f"name = {toml_string(credit.name)}",
        ]
    for stanza in stanzas:
        rows += ["", *_stanza_rows(stanza)]
    return "\n".join(rows) + "\n"


def _stanza_rows(stanza: Stanza) -> list[str]:
    first, last = stanza.first_line + 1, stanza.end_line
    rows = [
        "[[stanza]]",
        f"lines = {toml_string(str(first) if first == last else f'{first}-{last}')}",
    ]
    if not any(text.strip() for text in stanza.explanation.values()):
        empty = dict.fromkeys(EXPLANATION_LANGUAGES, "")
        rows += _localized("title", {**empty, **stanza.title})
        rows += _localized("explanation", empty)
        rows += _localized("key_idea", {**empty, **stanza.key_idea})
    else:
        rows += _localized("title", stanza.title)
        rows += _localized("explanation", stanza.explanation)
        rows += _localized("key_idea", stanza.key_idea)
    rows += _localized("notes", stanza.notes)
    for code, texts in stanza.points.items():
        key = f"points.{toml_key(code)}" if code else "points"
        rows += [f"{key} = [", *(f"  {toml_string(text)}," for text in texts), "]"]
    if stanza.references:
        rows.append("references = [")
        rows += [
            f"  {{ title = {toml_string(ref.title)}, url = {toml_string(ref.url)} }},"
            for ref in stanza.references
        ]
        rows.append("]")
    if stanza.glossary:
        rows.append("glossary = [")
        for term in stanza.glossary:
            fields = toml_localized_rows("term", term.term) + toml_localized_rows(
                "definition", term.definition
            )
            rows.append(f"  {{ {', '.join(fields)} }},")
        rows.append("]")
    for question in stanza.questions:  # tables last: the stanza's keys must come before them
        rows += ["", *question_rows(question)]
    return rows


def question_rows(question: Question) -> list[str]:
    """A ``[[stanza.question]]`` table (after its stanza's keys); ``correct`` is written
    1-based, as the file counts, from the model's 0-based index."""
    rows = ["[[stanza.question]]", *toml_localized_rows("prompt", question.prompt), "options = ["]
    rows += [f"  {_inline_text(option)}," for option in question.options]
    rows += ["]", f"correct = {question.correct + 1}", *toml_localized_rows("why", question.why)]
    return rows


def _inline_text(text: Localized) -> str:
    """``"…"`` for a text without language, else an inline table ``{ es = "…", en = "…" }``."""
    if set(text) == {""}:
        return toml_string(text[""])
    return (
        "{ "
        + ", ".join(f"{toml_key(code)} = {toml_string(value)}" for code, value in text.items())
        + " }"
    )


def _localized(key: str, text: Localized) -> list[str]:
    """``key.es = "…"`` rows; a text without language (``{"": "…"}``) is ``key = "…"``."""
    return [
        f"{key if not code else f'{key}.{toml_key(code)}'} = {_text(value)}"
        for code, value in text.items()
    ]


def toml_localized_rows(key: str, text: Localized) -> list[str]:
    """``key.es = "…"`` rows on one line each; a text without language is ``key = "…"``."""
    return [
        f"{key if not code else f'{key}.{toml_key(code)}'} = {toml_string(value)}"
        for code, value in text.items()
    ]


def toml_key(name: str) -> str:
    """A TOML key: bare when it can be, else quoted."""
    return name if _BARE_KEY.match(name) else toml_string(name)


def toml_string(value: str) -> str:
    """A one-line TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _CONTROL.sub(_escape_control, escaped) + '"'


def _text(value: str) -> str:
    """A TOML string for text that may have line breaks (Markdown): multi-line when it does."""
    if "\n" not in value:
        return toml_string(value)
    # Quotes stay readable ("neuronas"); only three in a row, or one touching the closing
    # delimiter, need a backslash.
    escaped = value.replace("\\", "\\\\").replace('"""', '""\\"')
    if escaped.endswith('"'):
        escaped = escaped[:-1] + '\\"'
    # The newline right after the opening quotes is not part of the string (TOML's rule).
    return '"""\n' + _MULTILINE_CONTROL.sub(_escape_control, escaped) + '"""'


def _escape_control(match: re.Match[str]) -> str:
    return json.dumps(match.group())[1:-1] if match.group() != "\x7f" else "\\u007F"


def _relative(media: Path, folder: Path) -> str:
    """``media`` as the manifest writes it, relative to the package folder: a media file outside
    the folder is first put inside it (hard-linked when the file system allows, else copied),
    since every path a manifest names must stay inside its package (see
    :meth:`karaoke.core.package._ManifestReader.outside`). Raises :class:`SongError`."""
    real_folder, real_media = folder.resolve(), media.resolve()
    if real_media.is_relative_to(real_folder):
        return real_media.relative_to(real_folder).as_posix()
    inside = folder / media.name
    try:
        if not (inside.exists() and os.path.samefile(inside, real_media)):
            _link_or_copy(real_media, inside)
    except OSError as error:
        raise SongError(
            inside,
            f"cannot put the media inside the song package: {describe_os_error(error)}",
            code=ProblemCode.WRITE_FAILED,
        ) from None
    return media.name


def _link_or_copy(source: Path, target: Path) -> None:
    """``target`` becomes ``source``'s content: a hard link (no space used) when both are on one
    file system, else a copy written beside it and renamed in (never a half-copied file)."""
    temporary = target.with_name(f".{target.name}.partial")
    temporary.unlink(missing_ok=True)
    try:
        try:
            os.link(source, temporary)
        except OSError:
            shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _lyrics_name(lines: Sequence[Line]) -> str:
    return "lyrics.lrc" if any(line.words for line in lines) else "lyrics.srt"


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise SongError(
            folder,
            "cannot make the song package here: a file has that name",
            code=ProblemCode.NOT_A_FOLDER,
        ) from None
    except OSError as error:
        raise SongError(
            folder,
            f"cannot make the song package folder: {describe_os_error(error)}",
            code=ProblemCode.WRITE_FAILED,
        ) from None


# Common short words of each language (a guess, not a detector: enough to pick es or en).
_SPANISH = frozenset(
    ("el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "por", "con", "para",
     "es", "mi", "tu", "su", "se", "no", "lo", "al", "como", "más")
)  # fmt: skip
_ENGLISH = frozenset(
    ("the", "and", "of", "to", "a", "in", "is", "it", "you", "that", "my", "your", "for", "on",
     "with", "be", "this", "are", "was", "i", "me", "we")
)  # fmt: skip


def guess_language(texts: Iterable[str]) -> str:
    """``"es"`` or ``"en"``: which language's common words the texts use more (Spanish wins a
    tie, since this app's songs are Spanish first)."""
    spanish = english = 0
    for text in texts:
        for word in re.findall(r"[^\W\d_]+", text.lower()):
            spanish += word in _SPANISH or any(ch in word for ch in "ñáéíóú")
            english += word in _ENGLISH
    return "en" if english > spanish else "es"
