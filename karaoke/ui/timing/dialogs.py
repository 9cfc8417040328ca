"""The timing editor's questions and file choosers, each a function that returns the answer.

They are the only modal parts of the editor; :class:`~karaoke.ui.timing.editor_window.SyncWindow`
calls them only when no answer was given in advance (which is how tests run it). Their texts
are in the interface's language (context ``TimingDialogs``); Qt's own catalog translates the
standard buttons (Save, Cancel) and the file dialogs.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from karaoke.core.errors import SongError
from karaoke.core.formats import readable_extensions
from karaoke.core.media import MEDIA_EXTENSIONS
from karaoke.ui.shared.friendly_errors import show_error_box


def _tr(text: str, *values: object) -> str:
    """``text`` (already translated) with ``%1``, ``%2``… replaced by ``values``."""
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def ask_resume(output: Path, changed: str, timed: int, total: int) -> bool:
    """An earlier session left unsaved taps: resume them (True) or start over?"""
    # No parent: the editor is not shown yet, and a box without one centres on the screen.
    found = QCoreApplication.translate(
        "TimingDialogs",
        "<b>Unsaved timing of %1 was found</b> (last change %2, lines timed: %3 of %4).",
    )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("TimingDialogs", "Resume timing?"),
        _tr(found, escape(output.name), escape(changed), timed, total),
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "TimingDialogs", "Resume where you left off, or start over from the lyrics file?"
        )
    )
    resume = box.addButton(
        QCoreApplication.translate("TimingDialogs", "Resume"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("TimingDialogs", "Start over"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(resume)
    box.exec()
    return box.clickedButton() is resume


def ask_unsaved(parent: QWidget, output: Path) -> str:
    """Closing with unsaved taps: "save", "close" (the journal stays) or "cancel"."""
    question = QCoreApplication.translate(
        "TimingDialogs", "<b>Save the timing of %1 before closing?</b>"
    )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("TimingDialogs", "Save the timing?"),
        _tr(question, escape(output.name)),
        parent=parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "TimingDialogs",
            "If you close without saving, your taps stay in the autosave journal and the editor "
            "offers to resume them next time.",
        )
    )
    save = box.addButton(QMessageBox.StandardButton.Save)
    close = box.addButton(
        QCoreApplication.translate("TimingDialogs", "Close without saving"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "close" if clicked is close else "cancel"


def confirm_partial(parent: QWidget, untimed: int) -> bool:
    """Some lines have no time yet: save the others anyway?"""
    if untimed == 1:  # English has no "%n" plural without an English catalog: two sentences
        question = QCoreApplication.translate(
            "TimingDialogs",
            "1 line has no time yet and will be left out of the saved file. Save anyway?",
        )
    else:
        question = QCoreApplication.translate(
            "TimingDialogs",
            "%1 lines have no time yet and will be left out of the saved file. Save anyway?",
        ).replace("%1", str(untimed))
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("TimingDialogs", "Save with untimed lines?"),
        question,
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def choose_output(parent: QWidget, current: Path) -> Path | None:
    """File ▸ Save as…: a .srt or .lrc path (the extension follows the chosen type)."""
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("TimingDialogs", "Save timed lyrics as"),
        str(current),
        QCoreApplication.translate(
            "TimingDialogs", "SubRip (*.srt);;LRC, keeps word timings (*.lrc)"
        ),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".srt", ".lrc"):
        path = path.with_name(path.name + (".lrc" if "lrc" in chosen else ".srt"))
    return path


def choose_package_folder(parent: QWidget, media: Path) -> Path | None:
    """File ▸ Save as song package…: the folder to make (or refresh)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate(
            "TimingDialogs", "Save as song package — the name of its new folder"
        ),
        str(media.parent / media.stem),
        QCoreApplication.translate("TimingDialogs", "Song package folder (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


def choose_media_and_lyrics(parent: QWidget | None) -> tuple[Path, Path] | None:
    """File ▸ Time lyrics…: the media, then its words."""
    media_filter = " ".join(f"*{ext}" for ext in sorted(MEDIA_EXTENSIONS))
    all_files = QCoreApplication.translate("TimingDialogs", "All files (*)")
    media, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("TimingDialogs", "Time lyrics — 1. the video or song"),
        "",
        _tr(QCoreApplication.translate("TimingDialogs", "Media (%1)"), media_filter)
        + f";;{all_files}",
    )
    if not media:
        return None
    lyrics_filter = " ".join(f"*{ext}" for ext in sorted(readable_extensions()))
    lyrics, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate(
            "TimingDialogs",
            "Time lyrics — 2. the words (plain text: a line per sung line, a blank line "
            "between stanzas)",
        ),
        str(Path(media).parent),
        _tr(QCoreApplication.translate("TimingDialogs", "Lyrics (%1)"), lyrics_filter)
        + f";;{all_files}",
    )
    return (Path(media), Path(lyrics)) if lyrics else None


def show_lyrics_error(parent: QWidget | None, error: SongError) -> None:
    """The words file chosen for the editor cannot be read: the plain headline ("This lyrics
    file can't be read") over the file:line detail, as the player says it."""
    show_error_box(parent, QCoreApplication.translate("TimingDialogs", "Time lyrics"), error)
