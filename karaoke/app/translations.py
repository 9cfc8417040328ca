"""The interface's language: Qt translations loaded with ``QTranslator``.

The source strings are English. Spanish comes from ``karaoke/translations/<catalog>_es.qm``,
compiled by Qt's ``lrelease`` from the ``.ts`` files next to them (``tools/translations.py``
updates and compiles them; a test keeps them current). One catalog per part of the program, so
each window's strings can be translated on their own: :data:`CATALOGS`. Qt's own ``qtbase``
catalog translates the standard dialogs and key names.

Installing a language (:func:`install_language`) makes Qt send every widget a
``QEvent.LanguageChange``; the windows then set their texts again.

Text shown *to the class* next to the song's explanations (the audience screen's "Stanza 1 of
10") follows the explanations' language, which may differ from the interface's:
:func:`translate_to` gives a string in any language without installing it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: The interface languages, with their names in their own language (as a menu lists them).
INTERFACE_LANGUAGES = {"en": "English", "es": "Español"}
#: The language of the source strings: nothing to load.
SOURCE_LANGUAGE = "en"
#: One translation catalog per part of the program: ``<name>_<language>.ts`` / ``.qm``.
CATALOGS = ("shared", "player", "present", "timing", "library", "handout")

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def translations_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "translations"


def system_language(ui_languages: list[str] | None = None) -> str:
    """The interface language the desktop asks for: the first of its preferred languages
    (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as Qt reads them) that we have,
    else English."""
    for name in QLocale.system().uiLanguages() if ui_languages is None else ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in INTERFACE_LANGUAGES:
            return code
        if code not in ("c", "posix"):
            break  # the user's first choice is a language we lack: English, not a later one
    return SOURCE_LANGUAGE


def interface_language(chosen: str | None) -> str:
    """``chosen`` (View ▸ Language) when it is one we have, else :func:`system_language`."""
    return chosen if chosen in INTERFACE_LANGUAGES else system_language()


def current_language() -> str:
    """The installed interface language."""
    return _current


@cache
def _translators(language: str) -> tuple[QTranslator, ...]:
    """The loaded catalogs of ``language`` in the order a string is looked up: ours first,
    then Qt's, so that ours override Qt's (``karaoke/ui/shared/qt_strings.py`` lists the Qt
    strings we translate ourselves). Missing files are skipped: the interface then shows
    English for them rather than failing."""
    loaded = []
    for catalog in CATALOGS:
        translator = QTranslator()
        if translator.load(f"{catalog}_{language}", str(translations_dir())):
            loaded.append(translator)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalog in ("qtbase",):
        translator = QTranslator()
        if translator.load(f"{catalog}_{language}", qt_dir):
            loaded.append(translator)
    return tuple(loaded)


def install_language(language: str) -> None:
    """Make ``language`` the interface's: replace the installed translators (Qt then sends every
    widget a ``LanguageChange`` event) and make it the default locale for numbers and dates."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != SOURCE_LANGUAGE:
        # Qt asks the most recently installed translator first: install in reverse lookup
        # order, Qt's catalog first and ours last, so ours win.
        for translator in reversed(_translators(language)):
            app.installTranslator(translator)
            _installed.append(translator)
    _current = language
    QLocale.setDefault(QLocale(language))


def translate_to(language: str, context: str, source: str, count: int = -1) -> str:
    """``source`` (marked with ``QT_TRANSLATE_NOOP(context, …)``) in ``language``, whatever the
    interface's language; the English source when there is no translation."""
    if language != SOURCE_LANGUAGE:
        for translator in _translators(language):
            if text := translator.translate(context, source, None, count):
                return text
    return source.replace("%n", str(count)) if count >= 0 else source
