"""Opening a song: a package (``song.toml`` + lyrics), or bare files.

:func:`open_song` accepts what a person would pass on the command line:

- a song package folder, or its ``song.toml``;
- a lyrics file (``.srt``, ``.lrc``, ``.txt``), with a same-named media file beside it if any;
- a media file, with a same-named ``.srt``/``.lrc`` beside it or an explicit ``lyrics`` path.

It returns the song and the problems it noticed; it raises :class:`SongError` only when there is
nothing to play (no lyrics file, unreadable lyrics, a manifest that is not TOML).
See ``docs/song-format.md`` for the manifest's fields.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from karaoke.core.errors import Problem, ProblemCode, Severity, SongError
from karaoke.core.formats import format_for, read_lyrics, readable_extensions, timed_extensions
from karaoke.core.manifest import LineFinder, localized, read_toml_file
from karaoke.core.manifest_questions import questions
from karaoke.core.manifest_stanza import (
    Report,
    glossary,
    is_text_table,
    key_idea,
    points,
    references,
)
from karaoke.core.markdown_safety import report_explanation
from karaoke.core.media import is_media_file, media_beside
from karaoke.core.model import DEFAULT_LANGUAGE, Credit, Line, Lyrics, Song, Stanza
from karaoke.core.package_paths import MANIFEST_NAME as MANIFEST_NAME
from karaoke.core.package_paths import outside_package
from karaoke.core.timefmt import MAX_OFFSET_MS

SCHEMA_VERSION = 1
_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")
_TOP_KEYS = {
    "schema", "title", "subtitle", "language", "lyrics", "media", "offset_ms", "credits",
    "stanza", "translations", "instrumental", "content_note",
}  # fmt: skip
_STANZA_KEYS = {
    "lines", "title", "explanation", "notes", "references", "glossary", "key_idea", "points",
    "question",
}  # fmt: skip


@dataclass(slots=True)
class OpenedSong:
    song: Song
    lyrics: Lyrics
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def refuse_errors(self, path: Path) -> None:
        """Raise the first problem that makes the song play wrong as a :class:`SongError` (with
        its code), saying how many more ``karaoke check path`` lists; nothing if there is none."""
        if not self.errors:
            return
        more = len(self.problems) - 1
        raise self.errors[0].as_error(
            f" (and {more} more: run 'karaoke check {path}')" if more else ""
        )


def _is_dir(path: Path) -> bool:
    # os.path, unlike Path on Python 3.11, answers False for names too long or unreadable.
    return os.path.isdir(path)


def _is_file(path: Path) -> bool:
    return os.path.isfile(path)


def open_song(path: Path, lyrics: Path | None = None, encoding: str | None = None) -> OpenedSong:
    """Open whatever ``path`` is (see the module doc). ``encoding`` (a Python codec name)
    overrides detection for the lyrics file, not for translations. Raises :class:`SongError`."""
    if _is_dir(path):
        manifest = path / MANIFEST_NAME
        if not _is_file(manifest):
            raise SongError(
                path,
                f"this folder has no {MANIFEST_NAME}; pass a song file instead",
                code=ProblemCode.NO_MANIFEST,
            )
        return _open_manifest(manifest, encoding)
    if not os.path.lexists(path):
        raise SongError(path, "no such file or folder", code=ProblemCode.FILE_NOT_FOUND)
    if path.suffix.lower() == ".toml":
        return _open_manifest(path, encoding)
    if is_media_file(path):
        return _open_bare(lyrics or _lyrics_beside(path), path, encoding)
    if lyrics is not None:
        raise SongError(
            path,
            "not a media file, so --lyrics does not apply to it",
            code=ProblemCode.LYRICS_OPTION_NEEDS_MEDIA,
        )
    if format_for(path) is not None:
        return _open_bare(path, None, encoding)
    raise SongError(
        path,
        "not a song: expected a song folder, song.toml, a lyrics file "
        f"({', '.join(sorted(readable_extensions()))}) or a media file",
        code=ProblemCode.NOT_A_SONG,
    )


def _lyrics_beside(media: Path) -> Path:
    """The same-named lyrics file with real times beside ``media``: a format that keeps word
    timings first (``.lrc``, then ``.srt``), lower-case endings before upper-case ones."""
    # Only the extensions of the files there: importing every format's module costs ~10 ms.
    there = [
        extension
        for extension in readable_extensions()
        if _is_file(media.with_suffix(extension)) or _is_file(media.with_suffix(extension.upper()))
    ]
    preferred = timed_extensions(words_first=True, among=there)
    for extension in (*preferred, *(extension.upper() for extension in preferred)):
        candidate = media.with_suffix(extension)
        if _is_file(candidate):
            return candidate
    expected = " or ".join(media.with_suffix(extension).name for extension in timed_extensions())
    raise SongError(
        media,
        f"no lyrics beside it: expected {expected} (or give --lyrics FILE)",
        code=ProblemCode.LYRICS_NOT_FOUND,
    )


def _open_bare(lyrics_path: Path, media: Path | None, encoding: str | None) -> OpenedSong:
    """A lyrics file with ``media``; None: the media the file names (an UltraStar file's
    ``#AUDIO``/``#MP3``, else ``#VIDEO``), else a same-named media file beside it, if any."""
    lyrics = read_lyrics(lyrics_path, encoding)
    problems = list(lyrics.problems)
    media = media or _media_named(lyrics, lyrics_path, problems) or media_beside(lyrics_path)
    stanzas = _stanzas_from_breaks(lyrics)
    song = Song(
        title=(
            lyrics.metadata.get("ti")
            or lyrics.metadata.get("title")
            or lyrics_path.stem.replace("_", " ")
        ),
        lines=lyrics.lines,
        stanzas=stanzas,
        lyrics_path=lyrics_path,
        media=media,
        encoding=lyrics.encoding,
        timed=lyrics.timed,
    )
    return OpenedSong(song, lyrics, problems)


def _media_named(lyrics: Lyrics, lyrics_path: Path, problems: list[Problem]) -> Path | None:
    """The media file the lyrics name in their metadata (``audio`` first: an UltraStar file is
    timed to it), relative to their folder, when it exists; one that does not is reported."""
    for key in ("audio", "video"):
        name = lyrics.metadata.get(key)
        if not name:
            continue
        media = lyrics_path.parent / name
        if _is_file(media) and is_media_file(media):
            return media
        message = f"media file not found: {media}"
        problems.append(Problem(str(lyrics_path), None, message, ProblemCode.MEDIA_NOT_FOUND))
    return None


def _stanzas_from_breaks(lyrics: Lyrics) -> tuple[Stanza, ...]:
    bounds = [*lyrics.stanza_starts, len(lyrics.lines)]
    return tuple(Stanza(a, b) for a, b in itertools.pairwise(bounds) if a < b)


# The manifest ----------------------------------------------------------------------------------


def _open_manifest(manifest: Path, encoding: str | None) -> OpenedSong:
    text, table = read_toml_file(manifest)
    return _ManifestReader(manifest, table, LineFinder(text)).read(encoding)


class _ManifestReader:
    def __init__(self, path: Path, table: dict[str, Any], finder: LineFinder) -> None:
        self.path = path
        self.folder = path.parent
        self.table = table
        self.finder = finder
        self.problems: list[Problem] = []

    def resolve(self, name: str) -> Path:
        """A path written in the manifest, relative to its folder (``..`` folded for messages)."""
        return Path(os.path.normpath(self.folder / name))

    def inside(self, key: str, name: str, line: int | None) -> Path | None:
        """``name`` resolved (:meth:`resolve`) when it stays inside the package; else None, with
        a PATH_OUTSIDE_PACKAGE problem about ``key`` at ``line`` (the file is not used)."""
        if (why := outside_package(self.folder, name)) is not None:
            self.warn(line, f"{key}: {why} (not used)", ProblemCode.PATH_OUTSIDE_PACKAGE)
            return None
        return self.resolve(name)

    def warn(self, line: int | None, message: str, code: ProblemCode) -> None:
        self.problems.append(Problem(str(self.path), line, message, code))

    def fail(self, key: str, message: str, code: ProblemCode = ProblemCode.BAD_VALUE) -> SongError:
        """The error for the value of ``key``, at the line that sets it."""
        return SongError(self.path, message, self.finder.key_line(key), code=code)

    def text_value(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.table.get(key, default)
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(key, f"'{key}' must be {'a non-empty' if required else 'a'} text")
        return value

    def read(self, encoding: str | None = None) -> OpenedSong:
        """The song; its lyrics file in ``encoding`` when given, else the one detected."""
        schema = self.table.get("schema", SCHEMA_VERSION)
        if type(schema) is not int or schema != SCHEMA_VERSION:
            raise self.fail(
                "schema",
                f"schema {schema!r} is not supported (this app reads {SCHEMA_VERSION})",
                ProblemCode.UNSUPPORTED_SCHEMA,
            )
        for key in sorted(set(self.table) - _TOP_KEYS):
            self.warn(
                self.finder.key_line(key), f"unknown key '{key}' (ignored)", ProblemCode.UNKNOWN_KEY
            )

        lyrics_name = self.text_value("lyrics", required=True)
        if (why := outside_package(self.folder, lyrics_name)) is not None:
            raise self.fail("lyrics", f"lyrics: {why}", ProblemCode.PATH_OUTSIDE_PACKAGE)
        lyrics_path = self.resolve(lyrics_name)
        if not _is_file(lyrics_path):
            raise self.fail(
                "lyrics", f"lyrics file not found: {lyrics_path}", ProblemCode.LYRICS_NOT_FOUND
            )
        lyrics = read_lyrics(lyrics_path, encoding)
        self.problems.extend(lyrics.problems)

        offset_ms = self.table.get("offset_ms", 0)
        if type(offset_ms) is not int or abs(offset_ms) > MAX_OFFSET_MS:
            raise self.fail(
                "offset_ms",
                f"'offset_ms' must be a whole number of milliseconds within ±{MAX_OFFSET_MS}",
            )

        song = Song(
            title=self.text_value("title", required=True),
            subtitle=self.text_value("subtitle"),
            language=self.text_value("language", default=DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE,
            lines=lyrics.lines,
            stanzas=self._stanzas(lyrics.lines),
            lyrics_path=lyrics_path,
            media=self._media(),
            credits=self._credits(),
            offset_ms=offset_ms,
            encoding=lyrics.encoding,
            timed=lyrics.timed,
            manifest_path=self.path,
            translations=self._translations(),
            instrumental=self._media("instrumental", ProblemCode.INSTRUMENTAL_NOT_FOUND),
            content_note=self._content_note(),
        )
        return OpenedSong(song, lyrics, self.problems)

    def _content_note(self) -> dict[str, str]:
        value = self.table.get("content_note")
        if value is not None and not is_text_table(value):
            self.warn(
                self.finder.key_line("content_note"),
                "'content_note' must be a text, or texts by language (content_note.es = \"…\")",
                ProblemCode.BAD_VALUE,
            )
        return localized(value)

    def _media(
        self, key: str = "media", code: ProblemCode = ProblemCode.MEDIA_NOT_FOUND
    ) -> Path | None:
        """The file ``key`` names (the media, the instrumental), or None; a missing one is
        reported at its line."""
        if key not in self.table:
            return None
        media = self.inside(key, self.text_value(key), self.finder.key_line(key))
        if media is None:
            return None
        if not _is_file(media):
            self.warn(self.finder.key_line(key), f"{key} file not found: {media}", code)
            return None
        return media

    def _translations(self) -> dict[str, Path]:
        value = self.table.get("translations", {})
        if not isinstance(value, dict):
            raise self.fail("translations", "'translations' must be a table: language = \"file\"")
        found: dict[str, Path] = {}
        for language, name in value.items():
            if not isinstance(name, str):
                self.warn(
                    self.finder.key_line("translations"),
                    f"translation '{language}' must be a file name",
                    ProblemCode.BAD_VALUE,
                )
                continue
            target = self.inside(
                f"translation '{language}'", name, self.finder.key_line("translations")
            )
            if target is None:
                continue
            if _is_file(target):
                found[language] = target
            else:
                self.warn(
                    self.finder.key_line("translations"),
                    f"translation file not found: {target}",
                    ProblemCode.TRANSLATION_NOT_FOUND,
                )
        return found

    def _credits(self) -> tuple[Credit, ...]:
        credits = self.table.get("credits", [])
        if not isinstance(credits, list):
            raise self.fail("credits", "'credits' must be a list of tables [[credits]]")
        found = []
        for item in credits:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                self.warn(
                    self.finder.key_line("credits"),
                    "each credit needs a name (text)",
                    ProblemCode.BAD_VALUE,
                )
                continue
            found.append(Credit(localized(item.get("role")), item["name"]))
        return tuple(found)

    def _stanzas(self, lines: tuple[Line, ...]) -> tuple[Stanza, ...]:
        entries = self.table.get("stanza", [])
        if not isinstance(entries, list):
            raise self.fail("stanza", "'stanza' must be an array of tables [[stanza]]")
        headers = self.finder.table_lines("stanza")
        stanzas: list[Stanza] = []
        covered_until = 0  # index of the first line not yet in a stanza
        for number, entry in enumerate(entries, start=1):
            at = headers[number - 1] if number - 1 < len(headers) else None
            stanza = self._stanza(number, entry, at, lines)
            if stanza is None:
                continue
            if stanza.first_line < covered_until:
                self.warn(
                    at,
                    f"stanza {number} overlaps or comes before the stanza above it (ignored)",
                    ProblemCode.STANZA_ORDER,
                )
                continue
            if stanza.first_line > covered_until:
                self._uncovered(covered_until, stanza.first_line, at)
            stanzas.append(stanza)
            covered_until = stanza.end_line
        if lines and covered_until < len(lines):
            self._uncovered(covered_until, len(lines), headers[-1] if headers else None)
        return tuple(stanzas)

    def _uncovered(self, first: int, end: int, at: int | None) -> None:
        if end - first == 1:
            message = f"line {first + 1} of the lyrics belongs to no stanza"
        else:
            message = f"lines {first + 1}-{end} of the lyrics belong to no stanza"
        self.warn(at, message, ProblemCode.LINES_WITHOUT_STANZA)

    def _stanza(
        self, number: int, entry: Any, at: int | None, lines: tuple[Line, ...]
    ) -> Stanza | None:
        if not isinstance(entry, dict):
            self.warn(at, f"stanza {number} is not a table (ignored)", ProblemCode.BAD_VALUE)
            return None
        for key in sorted(set(entry) - _STANZA_KEYS):
            self.warn(
                self._stanza_key_line(key, at),
                f"stanza {number}: unknown key '{key}' (ignored)",
                ProblemCode.UNKNOWN_KEY,
            )
        span = entry.get("lines")
        match = _RANGE.match(str(span)) if isinstance(span, (str, int)) else None
        if not match:
            self.warn(
                self._stanza_key_line("lines", at),
                f'stanza {number}: \'lines\' must look like "3-5" or "4"',
                ProblemCode.STANZA_RANGE,
            )
            return None
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if not 1 <= first <= last <= len(lines):
            self.warn(
                self._stanza_key_line("lines", at),
                f'stanza {number}: lines "{span}" point at no line (the lyrics have {len(lines)} lines)',
                ProblemCode.STANZA_RANGE,
            )
            return None
        explanation = localized(entry.get("explanation"))
        if not any(text.strip() for text in explanation.values()):
            self.warn(at, f"stanza {number} has no explanation", ProblemCode.NO_EXPLANATION)
        report = self._stanza_report(at)
        report_explanation(number, entry.get("explanation"), self.folder, report)
        return Stanza(
            first_line=first - 1,
            end_line=last,
            title=localized(entry.get("title")),
            explanation=explanation,
            notes=localized(entry.get("notes")),
            references=references(number, entry.get("references", []), report),
            glossary=glossary(number, entry.get("glossary", []), report),
            source_line=at or 0,
            key_idea=key_idea(number, entry.get("key_idea"), explanation, report),
            points=points(number, entry.get("points"), report),
            questions=questions(number, entry.get("question"), at, self.finder, self.warn),
        )

    def _stanza_report(self, at: int | None) -> Report:
        """How the stanza at line ``at`` reports a problem with one of its keys (None: its
        header)."""

        def report(key: str | None, message: str, code: ProblemCode) -> None:
            self.warn(self._stanza_key_line(key, at) if key else at, message, code)

        return report

    def _stanza_key_line(self, key: str, at: int | None) -> int | None:
        """The line of ``key`` inside the stanza whose header is at line ``at``; for a dotted key
        (``key_idea.en``) not written as such, the line of its head (``key_idea``)."""
        # A key the stanza lacks is reported at the stanza's own header.
        if not at:
            return None
        head = key.partition(".")[0]
        return self.finder.key_line(key, start=at) or self.finder.key_line(head, start=at) or at
