"""Starting the window: the Qt platform, the application's identity, the song."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from karaoke import APP_ID, APP_NAME, timings
from karaoke.resources import assets_dir
from karaoke.ui.shared.qt_platforms import HEADLESS_PLATFORMS
from karaoke.ui.start_players import StartPlayers

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from karaoke.core.package import OpenedSong
    from karaoke.ui.player.main_window import MainWindow

# Reads the song to play: it, or the one line that says why it cannot be played.
SongReader = Callable[[], "OpenedSong | str"]


@dataclass(slots=True)
class StartOptions:
    start_ms: int = 0
    offset_ms: int | None = None
    rate: float | None = None
    volume: int | None = None
    fullscreen: bool = False
    paused: bool = False
    language: str | None = None
    present: bool = False
    screen: int | None = None
    teach: bool = False
    translation: str | None = None
    # Presenting, the phones' server on ``companion_interface`` (default: the LAN address)
    # and ``companion_port`` (default: the companion's documented port).
    companion: bool = False
    companion_port: int | None = None
    companion_interface: str | None = None
    # Started from the desktop menu: a song that cannot be played is said in a dialog too.
    from_desktop: bool = False


def choose_qt_platform(environ: dict[str, str] | os._Environ = os.environ) -> None:
    """libvlc 3 cannot draw into a Wayland surface: on a Wayland session run Qt on XWayland (xcb)
    so the video embeds, unless the user chose a platform with QT_QPA_PLATFORM."""
    if (
        environ.get("WAYLAND_DISPLAY")
        and not environ.get("QT_QPA_PLATFORM")
        and environ.get("DISPLAY")
    ):
        environ["QT_QPA_PLATFORM"] = "xcb"


def missing_display(environ: dict[str, str] | os._Environ = os.environ) -> str | None:
    """Why no window can open (a Linux session without a display), or None. Qt would abort
    with a core dump and a page of plugin messages instead."""
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set): run karaoke "
        "from a desktop session; 'karaoke check' works anywhere"
    )


def run_window(read: SongReader, options: StartOptions, *, read_first: bool = False) -> int:
    """Open the main window on the song ``read`` gives and run until the window is closed.
    Returns the exit status: 2, after one line on stderr, when the song cannot be played.

    The song is read once the window's frame is on screen (the ~30–40 ms of reading it and
    loading its reader then pass while the desktop maps the window), unless ``read_first``,
    presenting, fullscreen or no display: then before Qt is loaded, and bad input opens no
    window. Otherwise the frame is hidden again before the line is printed."""
    frame_first = not (read_first or options.present or options.fullscreen or missing_display())
    opened = None if frame_first else _read(read)
    if isinstance(opened, str):
        return _refuse(opened, dialog=options.from_desktop)
    choose_qt_platform()
    skip_pyside_source_scan()
    from PySide6.QtCore import QTimer

    from karaoke.app.commands import PlayerCommand
    from karaoke.app.settings import Settings
    from karaoke.ui.player.main_window import MainWindow

    timings.mark("qt imported")
    app = application()
    timings.mark("qapplication")
    if options.screen is not None and (refusal := _refused_screen(options.screen)):
        return _refuse(refusal)
    players = StartPlayers()
    window = MainWindow(players, Settings(), language=options.language, build=False)
    if opened is None:
        window.show_frame()  # on screen now; what fills it loads while the desktop maps it
        timings.mark("frame shown")
        if isinstance(opened := _read(read), str):
            window.hide()  # not close(): that would store this empty frame's layout as the user's
            return _refuse(opened, dialog=options.from_desktop)
    players.start_libvlc(opened.song)
    window.build()
    timings.mark("window built")
    on_start_up_state = _watch_start_up(window) if timings.ENABLED else None
    if options.volume is not None:
        window.transport.volume.setValue(options.volume)
    if options.rate is not None:
        window.set_rate(options.rate)
    window.teaching = options.teach
    window.action(PlayerCommand.TEACHING).setChecked(options.teach)
    window.translation = options.translation
    start_song(window, opened, options)
    if on_start_up_state is not None:
        session = window.presentation.session if window.presentation else window.session
        if session is not None:  # its events are still queued: connecting now misses none
            session.player.state_changed.connect(on_start_up_state)

    # Ctrl+C in the terminal closes the window properly. Python only sees the signal when it
    # runs, so a slow timer gives it the chance.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    wake = QTimer()
    wake.start(250)
    wake.timeout.connect(lambda: None)
    return app.exec()


def _read(read: SongReader) -> OpenedSong | str:
    """``read()``, with its start-up stage marked."""
    opened = read()
    timings.mark("song read")
    return opened


def _refuse(why: str, *, dialog: bool = False) -> int:
    """Say ``why`` the song cannot be played, in one line on stderr, and with ``dialog`` (started
    from the desktop, where no one reads stderr) in a message box too when a window can open
    (on a screen someone sees: not on a headless platform, where it would wait for ever);
    the exit status."""
    print(f"karaoke: {why}", file=sys.stderr)
    if dialog and _can_show_a_window():
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:  # read before Qt: no application yet
            application()
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, "")
        box.setText(QCoreApplication.translate("Launch", "This song cannot be played."))
        box.setInformativeText(why)
        box.exec()
    return 2


def _can_show_a_window(environ: dict[str, str] | os._Environ = os.environ) -> bool:
    """Whether a window can open here: a display to open it on (whatever QT_QPA_PLATFORM
    asks for: Qt aborts on xcb without DISPLAY) and no headless platform asked for."""
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    has_display = bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))
    return has_display and platform not in HEADLESS_PLATFORMS


def skip_pyside_source_scan() -> None:
    """Stop PySide6 from reading the source of every module imported after it.

    PySide6 (6.x, ``shibokensupport/feature.py``) replaces ``__import__`` and, for each module
    imported after it, reads the module's whole source with ``inspect.getsource`` to see whether
    it mentions "PySide6" — only so that ``from __feature__ import snake_case`` could switch
    that module's names, which this app never does — and ``linecache`` keeps every line read:
    here some 78,000 lines of ~150 modules, ~7 MB of memory for as long as the app runs and
    ~35 ms of start-up. Call before the app's Qt modules are imported; each module imported
    after it is then taken as one that uses no feature (PySide6's "ignore this module"), as
    every module of the app is. Does nothing if PySide6 changes how it does this.

    ``linecache`` is emptied too: at this point it holds only the lines that scan read while
    PySide6 itself loaded (~60 modules, ~2.9 MB here); a traceback reads its lines again."""
    import linecache

    import PySide6  # noqa: F401  (loads shiboken, which installs the import hook)

    feature = sys.modules.get("PySide6.support.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: False  # type: ignore[attr-defined]
        linecache.clearcache()


def start_song(window: MainWindow, opened: OpenedSong, options: StartOptions) -> None:
    """Show ``opened`` in ``window`` (or present it) as the options say: from ``start_ms``,
    playing, or paused on the picture there with the song's length shown."""
    if options.present:
        window.opened = opened
        window.start_presenting(
            options.screen,
            start_ms=options.start_ms,
            play=not options.paused,
            offset_ms=options.offset_ms,
        )
        if options.companion and window.presentation is not None:
            window.presentation.phones.start(options.companion_interface, options.companion_port)
    else:
        window.set_fullscreen(True) if options.fullscreen else window.show()
        window.load(
            opened, start_ms=options.start_ms, play=not options.paused, offset_ms=options.offset_ms
        )
        if options.paused and window.session is not None:
            window.session.show_still()  # the picture at the start, not a black video


def _refused_screen(index: int) -> str | None:
    """Why ``--screen index`` cannot be done here (the screens are known once the
    QApplication exists), or None."""
    from karaoke.ui.present.screens import missing_screen

    if problem := missing_screen(index):
        return f"--screen: '{index}' is not a screen here: {problem}; see karaoke --list-screens"
    return None


def _watch_start_up(window: MainWindow) -> Callable[[str], None]:
    """Mark the first paint and the start of playback; with KARAOKE_TIMINGS=exit, quit then.
    Returns the slot for the player's ``state_changed``, connected once a player exists."""
    from PySide6.QtCore import QEvent, QObject

    def check_ready() -> None:
        if timings.EXIT_WHEN_READY and timings.ready():
            window.close()

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                timings.mark("first paint")
                check_ready()
            return False

    painted = FirstPaint(window)
    window.lyrics.installEventFilter(painted)

    def on_state(state: str) -> None:
        if state == "playing":
            timings.mark("playing")
            check_ready()

    return on_state


def list_screens() -> int:
    """``karaoke --list-screens``: one line per screen."""
    choose_qt_platform()
    from karaoke.ui.present.screens import describe_screens

    application()
    for line in describe_screens():
        print(line)
    return 0


def application(prog: str = "karaoke") -> QApplication:
    """The QApplication with the app's identity and icon. Exits with status 2 and one line when
    there is no display to open a window on, starting with ``prog`` (the command: "karaoke
    sync")."""
    if reason := missing_display():
        print(f"{prog}: {reason}", file=sys.stderr)
        raise SystemExit(2)
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # nothing here makes a bare QCoreApplication
    app.setOrganizationName("karaoke-ciencia")
    app.setApplicationName("karaoke")
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(assets_dir() / "desktop" / f"{APP_ID}.svg")))
    _install_interface_language()
    return app


def _install_interface_language() -> None:
    """The language chosen in View ▸ Language, else the desktop's (``LANG=es_ES.UTF-8``:
    Spanish; anything else: English)."""
    from karaoke.app.settings import Settings
    from karaoke.app.translations import install_language, interface_language

    install_language(interface_language(Settings().interface_language))
