"""The timing editor's questions and file choosers, each a function that returns the answer.

They are the only modal parts of the editor; :class:`~karaoke.ui.timing.editor_window.SyncWindow`
calls them only when no answer was given in advance (which is how tests run it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from karaoke.core.formats import readable_extensions
from karaoke.core.media import MEDIA_EXTENSIONS


def ask_resume(output: Path, changed: str, timed: int, total: int) -> bool:
    """An earlier session left unsaved taps: resume them (True) or start over?"""
    # No parent: the editor is not shown yet, and a box without one centres on the screen.
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Resume timing?",
        f"<b>Unsaved timing of {output.name} was found</b> (last change {changed}, "
        f"{timed} of {total} lines timed).",
    )
    box.setInformativeText("Resume where you left off, or start over from the lyrics file?")
    resume = box.addButton("Resume", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Start over", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(resume)
    box.exec()
    return box.clickedButton() is resume


def ask_unsaved(parent: QWidget, output: Path) -> str:
    """Closing with unsaved taps: "save", "close" (the journal stays) or "cancel"."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Save the timing?",
        f"<b>Save the timing of {output.name} before closing?</b>",
        parent=parent,
    )
    box.setInformativeText(
        "If you close without saving, your taps stay in the autosave journal and the editor "
        "offers to resume them next time."
    )
    save = box.addButton(QMessageBox.StandardButton.Save)
    close = box.addButton("Close without saving", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "close" if clicked is close else "cancel"


def confirm_partial(parent: QWidget, untimed: int) -> bool:
    """Some lines have no time yet: save the others anyway?"""
    lines = "1 line has" if untimed == 1 else f"{untimed} lines have"
    answer = QMessageBox.question(
        parent,
        "Save with untimed lines?",
        f"{lines} no time yet and will be left out of the saved file. Save anyway?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def choose_output(parent: QWidget, current: Path) -> Path | None:
    """File ▸ Save as…: a .srt or .lrc path (the extension follows the chosen type)."""
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        "Save timed lyrics as",
        str(current),
        "SubRip (*.srt);;LRC, keeps word timings (*.lrc)",
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
        "Save as song package — the name of its new folder",
        str(media.parent / media.stem),
        "Song package folder (*)",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


def choose_media_and_lyrics(parent: QWidget | None) -> tuple[Path, Path] | None:
    """File ▸ Time lyrics…: the media, then its words."""
    media_filter = " ".join(f"*{ext}" for ext in sorted(MEDIA_EXTENSIONS))
    media, _ = QFileDialog.getOpenFileName(
        parent, "Time lyrics — 1. the video or song", "", f"Media ({media_filter});;All files (*)"
    )
    if not media:
        return None
    lyrics_filter = " ".join(f"*{ext}" for ext in sorted(readable_extensions()))
    lyrics, _ = QFileDialog.getOpenFileName(
        parent,
        "Time lyrics — 2. the words (plain text: a line per sung line, a blank line between stanzas)",
        str(Path(media).parent),
        f"Lyrics ({lyrics_filter});;All files (*)",
    )
    return (Path(media), Path(lyrics)) if lyrics else None
