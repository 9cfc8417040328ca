"""The player window's dialogs: opening songs, media and lyrics; errors; the keys; About.

Every text is in the interface's language (context ``PlayerDialogs``). The open dialogs start in
the songs folders (:func:`songs_folders`), which are also in their sidebar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from karaoke import APP_NAME, __version__
from karaoke.app.commands import PlayerCommand, PresentCommand
from karaoke.app.library_places import user_songs_folder
from karaoke.core.archive import SUFFIX
from karaoke.core.errors import SongError
from karaoke.core.formats import readable_extensions
from karaoke.core.media import MEDIA_EXTENSIONS
from karaoke.core.package import OpenedSong, open_song
from karaoke.resources import lyrics_dir
from karaoke.ui.shared.friendly_errors import show_error_box

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
        show_error(parent, error)
        return None
    return opened


def show_error(parent: QWidget, error: SongError) -> None:
    """A warning box: the plain headline as its text, the file:line detail below it."""
    title = QCoreApplication.translate("PlayerDialogs", "Cannot open this song")
    show_error_box(parent, title, error)


def user_songs_dir() -> Path:
    """Where the user's own songs go: the library's songs folder, where imports land
    (``~/.local/share/karaoke-ciencia/songs`` on Linux); it may not exist: nothing creates it
    just to open a file."""
    return user_songs_folder()


def songs_folders() -> list[Path]:
    """The folders an open dialog offers: the user's songs (when it exists), the bundled ones."""
    return [folder for folder in (user_songs_dir(), lyrics_dir()) if folder.is_dir()]


def file_dialog(window: QWidget, title: str, filters: list[str]) -> QFileDialog:
    """An open-file dialog that starts in the first songs folder, with the songs folders and
    the home folder in its sidebar. Qt's own dialog: a native one (GTK, a portal) ignores the
    sidebar, and the songs folders are the point of it."""
    dialog = QFileDialog(window, title)
    dialog.setObjectName("openDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(filters)
    folders = songs_folders()
    if folders:
        dialog.setDirectory(str(folders[0]))
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    dialog.setSidebarUrls([QUrl.fromLocalFile(str(f)) for f in [*folders, Path(home)]])
    return dialog


def _choose_file(window: QWidget, title: str, filters: list[str]) -> Path | None:
    dialog = file_dialog(window, title, filters)
    chosen = dialog.selectedFiles() if dialog.exec() else []
    dialog.deleteLater()
    return Path(chosen[0]) if chosen else None


def all_files() -> str:
    return QCoreApplication.translate("PlayerDialogs", "All files (*)")


def open_song_dialog(window: MainWindow) -> None:
    lyrics, media = _patterns(readable_extensions()), _patterns(MEDIA_EXTENSIONS)
    songs = QCoreApplication.translate("PlayerDialogs", "Songs (%1)")
    songs = songs.replace("%1", f"song.toml *{SUFFIX} {lyrics} {media}")
    title = QCoreApplication.translate("PlayerDialogs", "Open song")
    lessons = QCoreApplication.translate("PlayerDialogs", "Lessons (%1)").replace("%1", "*.toml")
    if path := _choose_file(window, title, [songs, lessons, all_files()]):
        window.open_path(path)


def open_media_dialog(window: MainWindow) -> None:
    media = QCoreApplication.translate("PlayerDialogs", "Video and audio (%1)")
    media = media.replace("%1", _patterns(MEDIA_EXTENSIONS))
    title = QCoreApplication.translate("PlayerDialogs", "Open video or audio")
    if path := _choose_file(window, title, [media, all_files()]):
        window.open_path(path)


def open_lyrics_dialog(window: MainWindow) -> None:
    lyrics = QCoreApplication.translate("PlayerDialogs", "Lyrics (%1)")
    lyrics = lyrics.replace("%1", _patterns(readable_extensions()))
    title = QCoreApplication.translate("PlayerDialogs", "Open lyrics")
    path = _choose_file(window, title, [lyrics, all_files()])
    if path is None:
        return
    media = window.session.song.media if window.session else None
    # With media playing, new lyrics go with it; otherwise the lyrics open on their own.
    window.open_path(media, lyrics=path) if media else window.open_path(path)


def _click_hint_html() -> str:
    hint = QCoreApplication.translate("PlayerDialogs", "Click a line of the lyrics to jump to it.")
    return f"<p>{hint}</p>"


def _presenting_heading() -> str:
    return QCoreApplication.translate(
        "PlayerDialogs", "While presenting to a class (a presentation clicker sends these)"
    )


def show_keys(window: MainWindow) -> None:
    """Help ▸ Keyboard shortcuts (F1): the window's keys, then the keys while presenting, on a
    sheet that fits the screen; a playing song pauses while it is open."""
    from karaoke.ui.shared.key_sheet import show_key_sheet  # the start need not load it

    show_key_sheet(
        window,
        QCoreApplication.translate("PlayerDialogs", "Keyboard shortcuts"),
        [
            (QCoreApplication.translate("PlayerDialogs", "In this window"), PlayerCommand),
            (_presenting_heading(), PresentCommand),
        ],
        footer_html=_click_hint_html(),
        session=window.session,
    )


def show_about(window: QWidget) -> None:
    QMessageBox.about(
        window,
        QCoreApplication.translate("PlayerDialogs", "About %1").replace("%1", APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3>"
        + QCoreApplication.translate(
            "PlayerDialogs",
            "<p>A karaoke player for science songs: the video, the lyrics word by word, "
            "and the science behind each verse with its sources.</p>"
            "<p>Video and audio by libvlc; window by Qt.</p>",
        ),
    )  # fmt: skip
