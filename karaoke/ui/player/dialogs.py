"""The player window's dialogs: opening songs, media and lyrics; the keys; About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from karaoke import APP_NAME, __version__
from karaoke.app.commands import PlayerCommand, PresentCommand
from karaoke.app.key_tables import keys_html
from karaoke.core.errors import SongError
from karaoke.core.formats import readable_extensions
from karaoke.core.media import MEDIA_EXTENSIONS
from karaoke.core.package import OpenedSong, open_song

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow


def _patterns(extensions) -> str:
    return " ".join(f"*{ext}" for ext in sorted(extensions))


def open_or_explain(parent: QWidget, path: Path, lyrics: Path | None = None) -> OpenedSong | None:
    """Open a song; a file that cannot be played gives a message box and None."""
    try:
        opened = open_song(path, lyrics=lyrics)
        if opened.errors:
            raise opened.errors[0].as_error()
    except SongError as error:
        QMessageBox.warning(parent, parent.tr("Cannot open this song"), str(error))
        return None
    return opened


def open_song_dialog(window: MainWindow) -> None:
    lyrics, media = _patterns(readable_extensions()), _patterns(MEDIA_EXTENSIONS)
    name, _ = QFileDialog.getOpenFileName(
        window,
        window.tr("Open song"),
        "",
        window.tr("Songs (song.toml {0} {1});;All files (*)").format(lyrics, media),
    )
    if name:
        window.open_path(Path(name))


def open_media_dialog(window: MainWindow) -> None:
    media = _patterns(MEDIA_EXTENSIONS)
    name, _ = QFileDialog.getOpenFileName(
        window, window.tr("Open media"), "", window.tr("Media ({0})").format(media)
    )
    if name:
        window.open_path(Path(name))


def open_lyrics_dialog(window: MainWindow) -> None:
    lyrics = _patterns(readable_extensions())
    name, _ = QFileDialog.getOpenFileName(
        window, window.tr("Open lyrics"), "", window.tr("Lyrics ({0})").format(lyrics)
    )
    if not name:
        return
    media = window.session.song.media if window.session else None
    # With media playing, new lyrics go with it; otherwise the lyrics open on their own.
    window.open_path(media, lyrics=Path(name)) if media else window.open_path(Path(name))


def keys_help_html() -> str:
    """Help ▸ Keyboard shortcuts: the window's keys, then the keys while presenting."""
    return (
        keys_html(PlayerCommand)
        + "<p>Click a line of the lyrics to jump to it.</p>"
        + "<h4>While presenting to a class (a presentation clicker sends these)</h4>"
        + keys_html(PresentCommand)
    )


def show_keys(window: QWidget) -> None:
    QMessageBox.information(window, window.tr("Keyboard shortcuts"), keys_help_html())


def show_about(window: QWidget) -> None:
    QMessageBox.about(
        window,
        window.tr("About {0}").format(APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3>"
        + window.tr("<p>A karaoke player for science songs: the video, the lyrics word by word, "
                    "and the science behind each verse with its sources.</p>"
                    "<p>Video and audio by libvlc; window by Qt.</p>"),
    )  # fmt: skip
