"""Errors said plainly: a headline anyone understands, in the interface's language, over the
technical detail (``file:line: message``, as the core wrote it) for whoever fixes the file.

The headline is chosen from the error's :class:`~karaoke.core.errors.ProblemCode`, never from
its message (messages are English, for developers, and may be reworded). Codes are grouped by
what a teacher can do about them: the lyrics file is broken, its text encoding is unknown, a file
is missing, the song package's ``song.toml`` has a mistake… The windows show them through
:func:`friendly`: the player's message boxes directly, the timing editor's through
:func:`show_error_box`, the player's banner and the presenter console's status line through
:func:`friendly_notices` and :func:`friendly_playback`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from karaoke.core.errors import Problem, ProblemCode, SongError

C = ProblemCode
#: The translation context of the headlines.
CONTEXT = "FriendlyErrors"

#: Headlines: one plain sentence without a full stop, the first line of a message box or banner.
LYRICS_UNREADABLE = QT_TRANSLATE_NOOP("FriendlyErrors", "This lyrics file can't be read")
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP(
    "FriendlyErrors", "This file's text is in an encoding the player doesn't recognise"
)
FILE_MISSING = QT_TRANSLATE_NOOP("FriendlyErrors", "This file can't be found")
MEDIA_MISSING = QT_TRANSLATE_NOOP("FriendlyErrors", "The song's video or audio file can't be found")
MEDIA_UNPLAYABLE = QT_TRANSLATE_NOOP("FriendlyErrors", "This video or audio can't be played")
PACKAGE_INVALID = QT_TRANSLATE_NOOP("FriendlyErrors", "This song package has a mistake in it")
NOT_A_SONG = QT_TRANSLATE_NOOP("FriendlyErrors", "This is not a song or lyrics file")
CANNOT_SAVE = QT_TRANSLATE_NOOP("FriendlyErrors", "This file can't be saved")
CANNOT_OPEN = QT_TRANSLATE_NOOP("FriendlyErrors", "This song can't be opened")

#: Every code → its headline: the English source, marked for lupdate (typed ``object`` as
#: ``QT_TRANSLATE_NOOP`` is); :func:`headline` translates it.
HEADLINES: dict[ProblemCode, object] = {
    # Files.
    C.FILE_NOT_FOUND: FILE_MISSING,
    C.NOT_A_FILE: QT_TRANSLATE_NOOP("FriendlyErrors", "This is a folder or device, not a file"),
    C.NOT_A_FOLDER: QT_TRANSLATE_NOOP("FriendlyErrors", "This is a file, not a song folder"),
    C.UNREADABLE: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "This file can't be opened: you may not have permission to read it"
    ),
    C.TOO_LARGE: QT_TRANSLATE_NOOP("FriendlyErrors", "This file is too large to be a song"),
    C.UNDECODABLE: UNKNOWN_ENCODING,
    C.UNKNOWN_ENCODING: UNKNOWN_ENCODING,
    C.ENCODING_GUESSED: UNKNOWN_ENCODING,
    C.NOT_A_SONG: NOT_A_SONG,
    C.UNKNOWN_FORMAT: NOT_A_SONG,
    C.NO_MANIFEST: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "This folder is not a song package: it has no song.toml"
    ),
    C.LYRICS_NOT_FOUND: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "The song's lyrics file can't be found"
    ),
    C.LYRICS_OPTION_NEEDS_MEDIA: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "Separate lyrics need a video or audio file to go with"
    ),
    C.MEDIA_NOT_FOUND: MEDIA_MISSING,
    C.INSTRUMENTAL_NOT_FOUND: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "The song's sing-along track can't be found"
    ),
    C.NOT_MEDIA: QT_TRANSLATE_NOOP("FriendlyErrors", "This is not a video or audio file"),
    C.TRANSLATION_NOT_FOUND: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "The song's translation can't be found"
    ),
    # The manifest.
    C.UNSUPPORTED_SCHEMA: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "This song package needs a newer version of the player"
    ),
    # Writing.
    C.NOT_WRITABLE: QT_TRANSLATE_NOOP("FriendlyErrors", "The player can't save this kind of file"),
    C.TIME_TOO_LATE: CANNOT_SAVE,
    C.UNTIMED: QT_TRANSLATE_NOOP("FriendlyErrors", "These lyrics have no times to save"),
    C.WRITE_FAILED: CANNOT_SAVE,
    C.JOURNAL_DAMAGED: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "The timing editor's autosaved work is damaged"
    ),
    C.UNCLASSIFIED: CANNOT_OPEN,
    # One-file song packages (.karaoke).
    C.PATH_OUTSIDE_PACKAGE: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "This song package names a file outside its own folder"
    ),
    C.NOT_AN_ARCHIVE: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "This is not a song package file, or it is damaged"
    ),
    C.UNSAFE_ARCHIVE: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "This song package file was refused: it could harm your computer"
    ),
}
#: What a lyrics reader refuses or repairs: the file itself is broken.
_LYRICS = (
    *(C.MALFORMED_CUE, C.MISSING_HEADER, C.LOOSE_TIME, C.BLANK_IN_CUE, C.MALFORMED_STAMP),
    *(C.MISSING_STAMP, C.BAD_OFFSET, C.OFFSET_BEFORE_START, C.MISSING_BPM, C.BAD_HEADER),
    *(C.MALFORMED_NOTE, C.UNKNOWN_LINE, C.EXTRA_TRANSLATION, C.EMPTY_LINE, C.ENDS_BEFORE_START),
    *(C.OUT_OF_ORDER, C.OVERLAP, C.ZERO_LENGTH, C.CONTROL_CHARACTER, C.NO_LINES),
)
#: A mistake in song.toml (TOML syntax, a value, a stanza, a reference).
_MANIFEST = (
    *(C.INVALID_TOML, C.BAD_VALUE, C.UNKNOWN_KEY, C.BAD_URL, C.STANZA_RANGE, C.STANZA_ORDER),
    *(C.LINES_WITHOUT_STANZA, C.NO_EXPLANATION, C.NO_KEY_IDEA, C.KEY_IDEA_TOO_LONG),
    *(C.QUESTION_OPTIONS, C.QUESTION_ANSWER, C.QUESTION_EMPTY, C.QUESTION_LANGUAGE),
    C.QUESTION_TOO_LONG,
)
HEADLINES |= dict.fromkeys(_LYRICS, LYRICS_UNREADABLE) | dict.fromkeys(_MANIFEST, PACKAGE_INVALID)
#: A lesson file (lesson.toml): not one, empty, or an item that does not fit its song.
LESSON_INVALID = QT_TRANSLATE_NOOP("FriendlyErrors", "This lesson file has a mistake in it")
HEADLINES |= {
    C.NOT_A_LESSON: QT_TRANSLATE_NOOP("FriendlyErrors", "This file is not a lesson"),
    C.LESSON_EMPTY: QT_TRANSLATE_NOOP("FriendlyErrors", "This lesson has no songs in it"),
    C.LESSON_SONG_NOT_FOUND: QT_TRANSLATE_NOOP(
        "FriendlyErrors", "A song of this lesson can't be found"
    ),
    C.LESSON_STANZAS: LESSON_INVALID,
    C.LESSON_QUESTION: LESSON_INVALID,
}
#: An explanation's raw HTML, outside image or non-http(s) link: a mistake in the package.
HEADLINES |= dict.fromkeys((C.MARKDOWN_HTML, C.MARKDOWN_IMAGE, C.MARKDOWN_LINK), PACKAGE_INVALID)


def headline(code: ProblemCode) -> str:
    """The plain headline for ``code`` in the interface's language (one sentence, no full
    stop: it is a message box's or a banner's first line)."""
    return QCoreApplication.translate(CONTEXT, str(HEADLINES.get(code, CANNOT_OPEN)))


def friendly(error: SongError | Problem) -> tuple[str, str]:
    """(headline, detail): the headline in the interface's language; the detail is the
    technical ``file:line: message``, untranslated, for whoever fixes the file."""
    return headline(error.code), str(error)


def show_error_box(
    parent: QWidget | None, title: str, error: SongError | Problem, name: str = "songErrorBox"
) -> None:
    """A modal warning titled ``title`` (object name ``name``): the plain headline as its text,
    the technical detail (file:line) under it. The headline is plain text, so a file name in it
    is never markup. The player's, the import's and the timing editor's error boxes are this
    one."""
    headline_text, detail = friendly(error)
    ok = QMessageBox.StandardButton.Ok
    box = QMessageBox(QMessageBox.Icon.Warning, title, headline_text, ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(detail)
    box.setObjectName(name)
    box.exec()


def friendly_playback(message: str) -> tuple[str, str]:
    """(headline, detail) for media that the player could not play (``message`` is the
    player's sentence, e.g. the session's ``problem`` signal)."""
    return QCoreApplication.translate(CONTEXT, str(MEDIA_UNPLAYABLE)), message


def friendly_notices(notices: list[str], problems: list[Problem]) -> list[Callable[[], str]]:
    """A song set-up's notices (:attr:`SongSetup.notices`) as texts for a banner, each made
    when shown (so a window can make it again in a new interface language): a notice that is
    one of the song's ``problems`` (a missing media file) becomes its headline over its detail;
    any other stays as it is, made once: the player factory's "the video cannot play" sentence
    (in the language of the moment it was made, with libvlc's English reason) or an unreadable
    translation file's ``file:line: message``, still a developer's sentence."""
    by_text = {str(problem): problem for problem in problems}

    def text(notice: str) -> Callable[[], str]:
        problem = by_text.get(notice)
        if problem is None:
            return lambda: notice
        return lambda: "\n".join(friendly(problem))

    return [text(notice) for notice in notices]
