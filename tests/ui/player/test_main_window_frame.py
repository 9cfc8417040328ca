"""The window's frame is on screen before its contents are built (the start's order: the
desktop shows the app while the modules that fill it load)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from karaoke import APP_NAME
from karaoke.app.commands import PlayerCommand as P
from karaoke.core.package import open_song
from karaoke.player.fake_player import FakePlayer
from karaoke.ui.player.main_window import MainWindow
from tests.conftest import BUNDLED, fresh_python_output
from tests.ui.conftest import make_settings


def fake_player(song):
    return FakePlayer(song.duration_ms + 5000), None


def _window(qtbot, settings_path, *, frame_first: bool = False) -> MainWindow:
    """A window on ``settings_path``, built at once and shown, or shown as a frame and built."""
    window = MainWindow(fake_player, make_settings(settings_path), build=not frame_first)
    qtbot.addWidget(window)
    if frame_first:
        window.show_frame()
        window.build()
    else:
        window.show()
    QApplication.processEvents()
    return window


def test_the_frame_is_shown_empty_in_the_themes_colour_then_built(qtbot, settings_path):
    window = MainWindow(fake_player, make_settings(settings_path), build=False)
    qtbot.addWidget(window)
    window.show_frame()
    assert window.isVisible()
    screen = window.screen().availableGeometry()
    assert window.size().toTuple() == (int(screen.width() * 0.85), int(screen.height() * 0.85))
    assert window.windowTitle() == APP_NAME
    assert not hasattr(window, "lyrics")  # nothing inside yet
    background = window.grab().toImage().pixelColor(window.width() // 2, window.height() // 2)
    expected = QApplication.palette().color(QPalette.ColorRole.Window)
    assert background == expected and background == QColor(window.theme.window.window)
    frame_geometry = window.geometry()

    window.build()
    window.load(open_song(BUNDLED), play=False)
    assert window.geometry() == frame_geometry  # built where the frame was: no jump
    # Widgets added to a shown window are shown from the event loop (as the app's next turn).
    qtbot.waitUntil(lambda: window.lyrics.isVisible() and window.transport.isVisible())
    assert window.focusWidget() is window.lyrics  # the keys work at once, as when built hidden
    assert window.windowTitle().startswith("Mi Modelito Sabanero")


def test_built_after_its_frame_the_window_is_laid_out_as_one_built_hidden(
    qtbot, settings_path, tmp_path
):
    """The dock takes a third of the width either way (seen on Xvfb: built after its frame, the
    dock first took half of it and squeezed the seek bar)."""
    shown = []
    for frame_first, settings in ((False, settings_path), (True, tmp_path / "other.ini")):
        window = _window(qtbot, settings, frame_first=frame_first)
        qtbot.waitUntil(window.centralWidget().isVisible)
        shown.append((window.size(), window.dock.width(), window.centralWidget().width()))
    assert shown[0] == shown[1]
    assert shown[0][1] == max(320, shown[0][0].width() // 3)


def test_the_frame_takes_the_place_the_user_left(qtbot, settings_path):
    first = MainWindow(fake_player, make_settings(settings_path))
    qtbot.addWidget(first)
    first.setGeometry(QRect(60, 70, 1100, 700))
    first.show()
    first.close()  # saves its geometry
    window = MainWindow(fake_player, make_settings(settings_path), build=False)
    qtbot.addWidget(window)
    window.show_frame()
    assert window.size().toTuple() == (1100, 700)
    window.build()
    assert window.size().toTuple() == (1100, 700)


CONTENTS = (
    "karaoke.ui.shared.lyrics_view",
    "karaoke.ui.shared.transport",
    "karaoke.ui.shared.explanation_panel",
    "karaoke.ui.player.menus",
    "karaoke.ui.player.command_slots",
    "karaoke.ui.player.presenting",
    "karaoke.ui.player.dialogs",
)


def test_importing_the_window_runs_none_of_what_fills_it():
    """In a fresh interpreter: the modules that make the window's contents are named but not
    run (importlib's lazy modules) until build() uses them."""
    code = (
        "import sys, types\n"
        "import karaoke.ui.player.main_window\n"
        f"for name in {CONTENTS!r}:\n"
        "    module = sys.modules.get(name)\n"
        "    state = 'absent' if module is None else 'run' if type(module) is types.ModuleType"
        " else 'lazy'\n"
        "    print(name, state)\n"
    )
    assert fresh_python_output(code).splitlines() == [f"{name} lazy" for name in CONTENTS]


def test_quitting_keeps_the_panel_as_the_user_left_it(qtbot, settings_path):
    """Closing the window hides the panel with it; that is not the user hiding it (it was
    stored, and the panel was gone at every start after a normal quit)."""
    first = _window(qtbot, settings_path)
    assert first.dock.isVisible()
    first.close()
    assert make_settings(settings_path).panel_visible
    second = _window(qtbot, settings_path, frame_first=True)
    assert second.dock.isVisible()
    second.action(P.PANEL).trigger()  # the user hides it with the menu or the key
    assert not second.dock.isVisible() and not make_settings(settings_path).panel_visible
    second.action(P.PANEL).trigger()
    assert second.dock.isVisible() and make_settings(settings_path).panel_visible
    second.dock.close()  # and with the panel's own close button
    assert not second.dock.isVisible() and not make_settings(settings_path).panel_visible
    second.close()
    for frame_first in (False, True):
        window = _window(qtbot, settings_path, frame_first=frame_first)
        assert not window.dock.isVisible()
        window.close()
    assert not make_settings(settings_path).panel_visible


def test_the_panel_setting_wins_over_the_saved_window_state_either_way(qtbot, settings_path):
    """A saved state with the panel shown and the setting "hidden" (as every quit left them
    before the fix above): the setting decides, whichever way the window is built (built after
    its frame, the panel's action was toggled on the shown window and stored "shown" first)."""
    first = _window(qtbot, settings_path)
    first.close()  # state saved with the dock shown
    settings = make_settings(settings_path)
    settings.panel_visible = False
    settings.sync()
    for frame_first in (False, True):
        window = _window(qtbot, settings_path, frame_first=frame_first)
        assert not window.dock.isVisible(), frame_first
        assert not make_settings(settings_path).panel_visible
        window.close()


def test_a_language_change_before_the_window_is_built_waits_for_it(qtbot, settings_path):
    """The frame has no texts yet: a language installed then (View ▸ Language, or a second
    application set-up) is taken up when build() sets every text, not a traceback."""
    from karaoke.app.translations import current_language, install_language

    window = MainWindow(fake_player, make_settings(settings_path), build=False)
    qtbot.addWidget(window)
    window.show_frame()
    before = current_language()
    try:
        install_language("es")
        QApplication.processEvents()  # the LanguageChange event reaches the frame
        window.build()
        assert window.menuBar().actions()[0].text() == "&Archivo"
    finally:
        install_language(before)
