"""The one error type of the core, and the non-fatal problems that ``karaoke check`` lists.

Both carry a :class:`ProblemCode`: code that must act on a kind of problem (show a missing media
file in a banner, refuse to convert a song that would play wrong) asks the code, never the
message, which is for people and may be reworded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


def _where(path: str | Path, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


class Severity(Enum):
    """ERROR: the song would play wrong (a cue was not read). WARNING: worth fixing."""

    ERROR = "error"
    WARNING = "warning"


class ProblemCode(Enum):
    """What kind of problem, one member per kind the core reports (the value is a stable name).

    A :class:`Problem`'s severity follows from its code (:attr:`severity`).
    """

    # Files: what a path is, and whether it can be read.
    FILE_NOT_FOUND = "file-not-found"
    NOT_A_FILE = "not-a-file"  # a folder, a pipe or a device where a file was expected
    NOT_A_FOLDER = "not-a-folder"  # a file where a song package folder was expected
    UNREADABLE = "unreadable"
    TOO_LARGE = "too-large"
    UNDECODABLE = "undecodable"
    UNKNOWN_ENCODING = "unknown-encoding"  # --encoding names no text encoding Python has
    ENCODING_GUESSED = "encoding-guessed"  # not UTF-8, and the encoding detected is not sure
    NOT_A_SONG = "not-a-song"  # none of: package, song.toml, lyrics file, media file
    NO_MANIFEST = "no-manifest"  # a folder without song.toml
    LYRICS_NOT_FOUND = "lyrics-not-found"
    LYRICS_OPTION_NEEDS_MEDIA = "lyrics-option-needs-media"  # --lyrics given with a lyrics file
    MEDIA_NOT_FOUND = "media-not-found"
    NOT_MEDIA = "not-media"  # lyrics or a song where a media file was expected (karaoke sync)
    TRANSLATION_NOT_FOUND = "translation-not-found"
    INSTRUMENTAL_NOT_FOUND = "instrumental-not-found"  # song.toml's instrumental = "…"
    UNKNOWN_FORMAT = "unknown-format"

    # Lyrics: what the readers skip, repair or refuse.
    MALFORMED_CUE = "malformed-cue"  # SubRip and WebVTT cues, ASS Dialogue lines
    MISSING_HEADER = "missing-header"  # WebVTT: the first line is not WEBVTT
    LOOSE_TIME = "loose-time"  # SubRip, WebVTT: a time players read, not in the standard form
    BLANK_IN_CUE = "blank-in-cue"  # SubRip: a blank line inside a cue (its text is kept)
    MALFORMED_STAMP = "malformed-stamp"  # LRC: seconds of 60 or more
    MISSING_STAMP = "missing-stamp"  # LRC: text without a time stamp
    BAD_OFFSET = "bad-offset"  # LRC: [offset:] not a whole number
    OFFSET_BEFORE_START = "offset-before-start"  # LRC: [offset:] moves lines before 0:00
    MISSING_BPM = "missing-bpm"  # UltraStar: no usable #BPM, so no beat has a time
    BAD_HEADER = "bad-header"  # UltraStar: a #GAP, #RELATIVE, #ENCODING… value not understood
    MALFORMED_NOTE = "malformed-note"  # UltraStar: a note or line break without its numbers
    UNKNOWN_LINE = "unknown-line"  # UltraStar: no header, note, line break, player or end
    EXTRA_TRANSLATION = "extra-translation"  # LRC: a third line with one stamp, left out
    EMPTY_LINE = "empty-line"
    ENDS_BEFORE_START = "ends-before-start"
    OUT_OF_ORDER = "out-of-order"
    OVERLAP = "overlap"
    ZERO_LENGTH = "zero-length"  # a line that ends where it starts (left out)
    CONTROL_CHARACTER = "control-character"  # a NUL or other control character, removed
    NO_LINES = "no-lines"  # nothing left to sing or to write

    # The manifest (song.toml).
    INVALID_TOML = "invalid-toml"
    UNSUPPORTED_SCHEMA = "unsupported-schema"
    BAD_VALUE = "bad-value"  # a key's value has the wrong type or is out of range
    UNKNOWN_KEY = "unknown-key"
    BAD_URL = "bad-url"
    STANZA_RANGE = "stanza-range"  # a stanza's 'lines' is malformed or points at no line
    STANZA_ORDER = "stanza-order"  # a stanza overlaps or comes before the one above it
    LINES_WITHOUT_STANZA = "lines-without-stanza"
    NO_EXPLANATION = "no-explanation"
    NO_KEY_IDEA = "no-key-idea"  # a stanza explained in a language without a key idea in it
    KEY_IDEA_TOO_LONG = "key-idea-too-long"  # over 120 characters: too long to project
    # A stanza's checkpoint questions ([[stanza.question]]); the song plays without them.
    QUESTION_OPTIONS = "question-options"  # not 2 to 4 options (the question is left out)
    QUESTION_ANSWER = "question-answer"  # 'correct' is not an option's number (left out)
    QUESTION_EMPTY = "question-empty"  # no prompt or why, or a blank text in one
    QUESTION_LANGUAGE = "question-language"  # a language of the prompt missing in an option/why
    QUESTION_TOO_LONG = "question-too-long"  # longer than a phone or a projector shows well

    # Writing and converting.
    NOT_WRITABLE = "not-writable"  # no format writes this extension
    TIME_TOO_LATE = "time-too-late"  # past the format's max_time_ms
    UNTIMED = "untimed"  # plain text has no times to convert
    WRITE_FAILED = "write-failed"

    # The timing editor's autosave journal.
    JOURNAL_DAMAGED = "journal-damaged"  # no header, an unknown version or a damaged header

    #: A :class:`SongError` raised without a code (outside the core's checks). The core never
    #: raises it; nothing should decide anything on it.
    UNCLASSIFIED = "unclassified"

    # One-file song packages (.karaoke) and the paths a manifest names (karaoke pack / import).
    PATH_OUTSIDE_PACKAGE = "path-outside-package"  # absolute, or leaves the package's folder
    NOT_AN_ARCHIVE = "not-an-archive"  # not a zip file, or a damaged one
    UNSAFE_ARCHIVE = "unsafe-archive"  # an entry or a size an import refuses (nothing written)

    # Lessons (lesson.toml, karaoke.core.lesson).
    NOT_A_LESSON = "not-a-lesson"  # a .toml read as a lesson without kind = "lesson"
    LESSON_EMPTY = "lesson-empty"  # no [[item]]
    LESSON_SONG_NOT_FOUND = "lesson-song-not-found"  # an item's song: not there, not in library
    LESSON_STANZAS = "lesson-stanzas"  # an item's stanzas past the end of its song
    LESSON_QUESTION = "lesson-question"  # a question id the song (or the item's stanzas) lacks

    # An explanation's Markdown asks for what the player will not do (core/markdown_safety.py).
    MARKDOWN_HTML = "markdown-html"  # raw HTML: shown as the text typed, never as HTML
    MARKDOWN_IMAGE = "markdown-image"  # an image from the network, outside the package, missing
    MARKDOWN_LINK = "markdown-link"  # a link that is not absolute http(s): a click opens nothing

    @property
    def severity(self) -> Severity:
        """ERROR for problems that make the song play wrong (a line was dropped or moved)."""
        return Severity.ERROR if self in _PLAYS_WRONG else Severity.WARNING


_PLAYS_WRONG = frozenset(
    {
        ProblemCode.MALFORMED_CUE,
        ProblemCode.MALFORMED_STAMP,
        ProblemCode.MISSING_STAMP,
        ProblemCode.ENDS_BEFORE_START,
    }
)


class SongError(Exception):
    """A song, lyrics or manifest file that cannot be used (or written).

    Carries the file, its :class:`ProblemCode` and, where it applies, the 1-based line number,
    so every message reads ``file:line: message`` like a compiler's.
    """

    def __init__(
        self,
        path: str | Path,
        message: str,
        line: int | None = None,
        *,
        code: ProblemCode = ProblemCode.UNCLASSIFIED,
    ) -> None:
        super().__init__(message)
        self.path = str(path)
        self.line = line
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {self.message}"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a song that still loads; ``line`` is 1-based or None."""

    path: str
    line: int | None
    message: str
    code: ProblemCode

    @property
    def severity(self) -> Severity:
        return self.code.severity

    @property
    def where(self) -> str:
        return _where(self.path, self.line)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def as_error(self, hint: str = "") -> SongError:
        """This problem as the error that refuses the song; ``hint`` is added to the message."""
        return SongError(self.path, self.message + hint, self.line, code=self.code)
