"""The study pack's own words (headings, instructions), in the pack's language.

The pack is printed in the language chosen for it, which may differ from the interface's, so
its words are marked with ``QT_TRANSLATE_NOOP`` and looked up with
:func:`karaoke.app.translations.translate_to` (catalog ``handout``, context ``StudyPack``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from karaoke.app.translations import translate_to

CONTEXT = "StudyPack"

STUDY_PACK = str(QT_TRANSLATE_NOOP("StudyPack", "Study pack"))
LESSON_PACK = str(QT_TRANSLATE_NOOP("StudyPack", "Lesson study pack"))
LANGUAGE_LINE = str(QT_TRANSLATE_NOOP("StudyPack", "Language: %1"))
CREDITS = str(QT_TRANSLATE_NOOP("StudyPack", "Credits"))
AUDIENCE = str(QT_TRANSLATE_NOOP("StudyPack", "For: %1"))
OBJECTIVES = str(QT_TRANSLATE_NOOP("StudyPack", "Objectives"))
SONGS = str(QT_TRANSLATE_NOOP("StudyPack", "Songs in this lesson"))
CONTENTS = str(QT_TRANSLATE_NOOP("StudyPack", "In this pack"))
LYRICS = str(QT_TRANSLATE_NOOP("StudyPack", "Lyrics"))
TRANSLATION_NOTE = str(
    QT_TRANSLATE_NOOP("StudyPack", "Under each sung line, in grey italics: its translation (%1).")
)
STANZA = str(QT_TRANSLATE_NOOP("StudyPack", "Stanza %1"))
STANZAS = str(QT_TRANSLATE_NOOP("StudyPack", "Stanzas %1 to %2"))
EXPLANATIONS = str(QT_TRANSLATE_NOOP("StudyPack", "The science, stanza by stanza"))
KEY_IDEA = str(QT_TRANSLATE_NOOP("StudyPack", "Key idea"))
POINTS = str(QT_TRANSLATE_NOOP("StudyPack", "Remember"))
GLOSSARY = str(QT_TRANSLATE_NOOP("StudyPack", "Glossary"))
SOURCES = str(QT_TRANSLATE_NOOP("StudyPack", "Sources: %1 (see References)"))
REFERENCES = str(QT_TRANSLATE_NOOP("StudyPack", "References"))
REFERENCES_NOTE = str(
    QT_TRANSLATE_NOOP("StudyPack", "Scan a code with a phone's camera to open the source.")
)
WORKSHEET = str(QT_TRANSLATE_NOOP("StudyPack", "Worksheet"))
NAME_LINE = str(QT_TRANSLATE_NOOP("StudyPack", "Name:"))
BLANKS = str(QT_TRANSLATE_NOOP("StudyPack", "Fill in the blanks"))
BLANKS_NOTE = str(
    QT_TRANSLATE_NOOP(
        "StudyPack", "Complete each sentence with a word or phrase from the word bank."
    )
)
WORD_BANK = str(QT_TRANSLATE_NOOP("StudyPack", "Word bank"))
QUESTIONS = str(QT_TRANSLATE_NOOP("StudyPack", "Questions"))
QUESTIONS_NOTE = str(QT_TRANSLATE_NOOP("StudyPack", "Choose one answer for each question."))
ANSWER_KEY = str(QT_TRANSLATE_NOOP("StudyPack", "Answer key"))
WHY = str(QT_TRANSLATE_NOOP("StudyPack", "Why: %1"))
PAGE = str(QT_TRANSLATE_NOOP("StudyPack", "Page %1 of %2"))
SPANISH = str(QT_TRANSLATE_NOOP("StudyPack", "Spanish"))
ENGLISH = str(QT_TRANSLATE_NOOP("StudyPack", "English"))

#: The names of the languages a pack can be in, to say which one it is.
LANGUAGE_NAMES = {"es": SPANISH, "en": ENGLISH}


def say(language: str, source: str, *arguments: object) -> str:
    """``source`` in ``language`` with ``%1``, ``%2``… replaced by ``arguments``."""
    text = translate_to(language, CONTEXT, source)
    # Highest number first, so "%1" does not eat the start of "%10".
    for number in range(len(arguments), 0, -1):
        text = text.replace(f"%{number}", str(arguments[number - 1]))
    return text


def language_name(language: str, in_language: str) -> str:
    """The name of ``language`` in ``in_language`` ("Spanish", "español"); the code when unknown."""
    source = LANGUAGE_NAMES.get(language)
    return say(in_language, source) if source else language
