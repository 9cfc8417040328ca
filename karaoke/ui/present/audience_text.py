"""Every word the class may read on the projector, in the *explanations'* language.

The audience screen (notices, the teaching slide, the key idea column) speaks the language of
the song's explanations (``--lang``, the song's, or the interface's by default), which may not
be the interface's: a Spanish teacher may present the English explanations to an English class.
So these strings are marked with ``QT_TRANSLATE_NOOP`` (context ``Audience``, collected into the
``present`` catalog by ``lupdate``) and looked up with
:func:`~karaoke.app.translations.translate_to` in that language, never through the installed
translators. Values go in after translating (``{number}``…), so a translation may move them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence

from karaoke.app.commands import PresentCommand
from karaoke.app.translations import translate_to

#: The translation context of every audience string.
CONTEXT = "Audience"

#: key → the English words (the catalog's source). Headlines are short: a class reads them from
#: 10 m away in the 1.5 s a notice stays. (Values are ``object`` only because PySide's
#: ``QT_TRANSLATE_NOOP`` says so: each is the very string it was given.)
AUDIENCE_TEXT: dict[str, object] = {
    # Notices (what a key did).
    "playing": QT_TRANSLATE_NOOP("Audience", "Playing"),
    "paused": QT_TRANSLATE_NOOP("Audience", "Paused"),
    "teaching_on": QT_TRANSLATE_NOOP("Audience", "Teaching pauses on"),
    "teaching_off": QT_TRANSLATE_NOOP("Audience", "Teaching pauses off"),
    "teaching_on_detail": QT_TRANSLATE_NOOP("Audience", "stops at the end of each stanza"),
    "earlier": QT_TRANSLATE_NOOP("Audience", "Lyrics 50 ms earlier"),
    "later": QT_TRANSLATE_NOOP("Audience", "Lyrics 50 ms later"),
    "offset": QT_TRANSLATE_NOOP("Audience", "offset {offset} ms"),
    "bigger": QT_TRANSLATE_NOOP("Audience", "Bigger text"),
    "smaller": QT_TRANSLATE_NOOP("Audience", "Smaller text"),
    "size": QT_TRANSLATE_NOOP("Audience", "{percent} %"),
    "black_on": QT_TRANSLATE_NOOP("Audience", "Black-out"),
    "black_on_detail": QT_TRANSLATE_NOOP("Audience", "%1 to bring it back"),
    "black_off": QT_TRANSLATE_NOOP("Audience", "Picture back"),
    "stanza": QT_TRANSLATE_NOOP("Audience", "Stanza {number}/{total}"),
    "intro": QT_TRANSLATE_NOOP("Audience", "Before the first stanza"),
    "fullscreen_on": QT_TRANSLATE_NOOP("Audience", "Fullscreen"),
    "fullscreen_off": QT_TRANSLATE_NOOP("Audience", "In a window"),
    "side_on": QT_TRANSLATE_NOOP("Audience", "Key idea beside the video: on"),
    "side_off": QT_TRANSLATE_NOOP("Audience", "Key idea beside the video: off"),
    "vocals_off": QT_TRANSLATE_NOOP("Audience", "Vocals off: sing along"),
    "vocals_on": QT_TRANSLATE_NOOP("Audience", "Vocals on"),
    "key_down": QT_TRANSLATE_NOOP("Audience", "Key lower"),
    "key_up": QT_TRANSLATE_NOOP("Audience", "Key higher"),
    "key": QT_TRANSLATE_NOOP("Audience", "key {shift}"),
    "original_key": QT_TRANSLATE_NOOP("Audience", "original key"),
    "notes": QT_TRANSLATE_NOOP("Audience", "Teacher's notes"),
    "no_notes": QT_TRANSLATE_NOOP("Audience", "This stanza has no notes."),
    "time": QT_TRANSLATE_NOOP("Audience", "Song {elapsed} / {length} · Time {clock}"),
    # The teaching slide and the key idea column.
    "untitled": QT_TRANSLATE_NOOP("Audience", "Stanza {number}"),
    "position": QT_TRANSLATE_NOOP("Audience", "Stanza {number} of {total}"),
    "continue": QT_TRANSLATE_NOOP("Audience", "→ / %1 to continue"),
    "more_sources": QT_TRANSLATE_NOOP("Audience", "{key}: more sources ({page}/{pages})"),
    # A checkpoint question (question_view.py).
    "raise_hands": QT_TRANSLATE_NOOP("Audience", "Raise your hands"),
    "answers": QT_TRANSLATE_NOOP("Audience", "Answers: {count}"),
    "answer": QT_TRANSLATE_NOOP("Audience", "{letter} is right"),
    "answer_why": QT_TRANSLATE_NOOP("Audience", "{letter} is right: {why}"),
    "no_question": QT_TRANSLATE_NOOP("Audience", "No question here"),
    # The join page (join_page.py): the students' address for their phones.
    "join": QT_TRANSLATE_NOOP("Audience", "Follow the song on your phone"),
    "join_hint": QT_TRANSLATE_NOOP("Audience", "Scan the code, or open this address:"),
}


#: key → the key whose name fills the ``%1`` of its words, as Qt names it in the same language
#: (its ``qtbase`` catalog: "Av Pág" in Spanish), never written into the sentence.
AUDIENCE_KEYS = {
    "black_on_detail": PresentCommand.BLACKOUT.keys[0],
    "continue": PresentCommand.NEXT.keys[0],
}


def audience_text(language: str, key: str, /, **values: object) -> str:
    """The words for ``key`` in ``language`` (English where the catalog has none), with
    ``values`` put in (and the key of :data:`AUDIENCE_KEYS` for ``%1``)."""
    text = translate_to(language, CONTEXT, str(AUDIENCE_TEXT[key])).format(**values)
    return (
        text.replace("%1", key_name(language, AUDIENCE_KEYS[key])) if key in AUDIENCE_KEYS else text
    )


def key_name(language: str, key: str) -> str:
    """A single key (no modifier) as Qt names it in ``language`` ("PgDown" → "Av Pág"):
    Qt's own key names, as menus show them, from its catalog's ``QShortcut`` context."""
    portable = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText) or key
    return translate_to(language, "QShortcut", portable)
