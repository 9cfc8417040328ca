"""Qt's own strings that our windows show, translated in our catalog rather than Qt's.

Qt's Spanish catalog (``qtbase_es.qm``) lacks strings of the file dialog Qt 6.11 shows ("&Look
in:", "Files of &type:", "Folder" in the Type column), says "fichero" where the rest of the
interface says "archivo", uses "usted" where we use "tú", and has a few slips ("r al directorio
superior", "Siguiente" for Forward). Listing Qt's exact source strings here, under Qt's context
(the class name), lets ``lupdate`` collect them into ``shared_es.ts``; since our translators are
installed after Qt's (:func:`karaoke.app.translations.install_language`), and Qt asks the most
recently installed translator first, ours win.

Where to find them: open a non-native ``QFileDialog`` with Spanish installed and see what stays
English (``tests/ui/shared/test_qt_strings.py`` does); the source strings are in Qt's sources
(``qfiledialog.cpp``, ``qfiledialog.ui``, ``qabstractfileiconprovider.cpp``). Nothing imports
the tables at run time: Qt itself asks for these strings.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

#: ``QFileDialog``: its labels, buttons, tool tips, accessible names, context menu and messages.
FILE_DIALOG = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directory:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "All files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "Directories"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go forward"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Go to the parent directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create a New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to list view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Change to detail view mode"),
    QT_TRANSLATE_NOOP("QFileDialog", "Sidebar"),
    QT_TRANSLATE_NOOP("QFileDialog", "List of places and bookmarks"),
    QT_TRANSLATE_NOOP("QFileDialog", "Recent Places"),
    QT_TRANSLATE_NOOP("QFileDialog", "Find Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Rename"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Delete"),
    QT_TRANSLATE_NOOP("QFileDialog", "Show &hidden files"),
    QT_TRANSLATE_NOOP("QFileDialog", "&New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "Could not delete directory."),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP(
        "QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."
    ),
    QT_TRANSLATE_NOOP(
        "QFileDialog",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.",
    ),
    QT_TRANSLATE_NOOP("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"),
    QT_TRANSLATE_NOOP("QFileDialog", "Are you sure you want to delete '%1'?"),
)

#: The Type column of the file list. Qt asks for "Folder" with the disambiguation "All other
#: platforms"; a translator that has it without one answers too (Qt retries without it).
FILE_TYPES = (
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)

#: Context (Qt's class name) → the strings of it we translate.
QT_STRINGS: dict[str, tuple[str, ...]] = {
    context: tuple(str(source) for source in sources)  # QT_TRANSLATE_NOOP is typed ``object``
    for context, sources in (
        ("QFileDialog", FILE_DIALOG),
        ("QAbstractFileIconProvider", FILE_TYPES),
    )
}
