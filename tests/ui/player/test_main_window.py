"""The window's logic on the fake player: lines, stanzas, clicks, keys, panel, settings."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from karaoke.app.commands import PlayerCommand as P
from karaoke.core.model import pick
from karaoke.core.package import open_song
from karaoke.ui.shared import desktop_preferences
from karaoke.ui.shared.transport import SEEK_MIN_WIDTH
from tests.conftest import BUNDLED
from tests.ui.conftest import make_settings, make_window
from tests.ui.interface_texts import in_language


def line_start(window, index: int) -> int:
    return window.session.song.lines[index].start_ms


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.lyrics, key, modifier)


def test_right_line_and_stanza_at_given_times(window):
    session = window.session
    session.seek(line_start(window, 4) + 100)  # line 5 is in stanza 2 (lines 3-5)
    assert window.lyrics.current_line == 4
    assert window.panel.shown_stanza == 1
    stanza = session.song.stanzas[1]
    assert pick(stanza.title, "en") in window.panel.title.text()  # the interface's language
    session.seek(line_start(window, 25) + 10)
    assert window.lyrics.current_line == 25 and window.panel.shown_stanza == 9


def test_playing_moves_the_lyrics_and_the_panel_follows(window, fake_time):
    session = window.session
    session.seek(line_start(window, 1))  # last line of stanza 1
    session.play()
    assert window.panel.shown_stanza == 0
    fake_time.advance(line_start(window, 2) - line_start(window, 1) + 50)
    session.tick()
    assert window.lyrics.current_line == 2
    assert window.panel.shown_stanza == 1


def test_pinned_panel_stays_then_follows_again(window):
    window.session.seek(line_start(window, 0))
    window.panel.pin(0)
    window.session.seek(line_start(window, 7))
    assert window.panel.shown_stanza == 0
    window.panel.pin(None)
    assert window.panel.shown_stanza == 3


def test_click_on_a_line_seeks_there(qtbot, window):
    window.session.seek(line_start(window, 3) + 10)
    placed = dict(window.lyrics.placed_lines())
    assert {2, 3, 4} <= set(placed)
    qtbot.mouseClick(window.lyrics, Qt.MouseButton.LeftButton, pos=placed[4].center())
    assert window.session.position_ms() == line_start(window, 4)
    assert window.lyrics.current_line == 4


def test_keys_drive_playback(qtbot, window, fake_time):
    session = window.session
    press(qtbot, window, Qt.Key.Key_Space)
    assert session.playing
    press(qtbot, window, Qt.Key.Key_Space)
    assert not session.playing

    press(qtbot, window, Qt.Key.Key_Down)
    assert window.lyrics.current_line == 0
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert window.lyrics.current_line == 1
    fake_time.advance(2000)  # paused: the "previous" grace is about lyrics time, not wall time
    session.seek(session.position_ms() + 2000)
    press(qtbot, window, Qt.Key.Key_Up)
    assert window.lyrics.current_line == 1  # more than 1.5 s in: restart the line
    press(qtbot, window, Qt.Key.Key_Up)
    assert window.lyrics.current_line == 0

    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.panel.shown_stanza == 1
    before = session.position_ms()
    press(qtbot, window, Qt.Key.Key_Right)
    assert session.position_ms() == before + 5000
    press(qtbot, window, Qt.Key.Key_Left)
    assert session.position_ms() == before


def test_offset_keys_shift_lyrics_and_are_remembered_per_song(
    qtbot, window, settings_path, fake_time
):
    session = window.session
    press(qtbot, window, Qt.Key.Key_H)
    press(qtbot, window, Qt.Key.Key_H)
    press(qtbot, window, Qt.Key.Key_G)
    assert session.offset_ms == 50
    session.seek(line_start(window, 0) + 20)  # lyrics time = media - 50: before the first line
    assert window.lyrics.current_line is None
    window.close()
    again = make_window(qtbot, fake_time, make_settings(settings_path))
    again.load(open_song(window.opened.song.manifest_path.parent), play=False)
    assert again.session.offset_ms == 50


def test_vocals_off_and_key_keys_are_shown_and_remembered_per_song(
    qtbot, window, settings_path, fake_time
):
    session, vocals_off = window.session, window.action(P.VOCALS_OFF)
    session.seek(20_000)
    assert not vocals_off.isChecked()
    assert vocals_off in window.menuBar().actions()[1].menu().actions()  # Playback
    press(qtbot, window, Qt.Key.Key_V)
    assert session.vocals_off and session.player.vocals_off and vocals_off.isChecked()
    assert window.statusBar().currentMessage() == "Vocals off (sing along)"
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_J)
    press(qtbot, window, Qt.Key.Key_K)
    assert session.player.key_shift == -1
    assert window.statusBar().currentMessage() == "Vocals off (sing along), key −1 semitone"
    assert session.position_ms() == 20_000  # the song went on where it was
    window.close()
    again = make_window(qtbot, fake_time, make_settings(settings_path))
    again.load(open_song(window.opened.song.manifest_path.parent), play=False)
    assert again.session.vocals_off and again.action(P.VOCALS_OFF).isChecked()
    assert again.session.key_shift == -1
    # Said on loading, so that no one wonders where the voice went.
    assert again.statusBar().currentMessage() == "Vocals off (sing along), key −1 semitone"
    again.action(P.ORIGINAL_KEY).trigger()
    again.action(P.VOCALS_OFF).trigger()  # from the Playback menu
    assert not again.session.vocals_off and not again.action(P.VOCALS_OFF).isChecked()
    assert again.session.key_shift == 0


def test_stanza_marks_on_the_seek_bar_move_with_the_offset(qtbot, window):
    starts = [line_start(window, s.first_line) for s in window.session.song.stanzas]
    assert window.transport.seek._marks_ms == starts
    press(qtbot, window, Qt.Key.Key_H)
    press(qtbot, window, Qt.Key.Key_H)  # lyrics 100 ms later: so are the stanzas on the bar
    assert window.transport.seek._marks_ms == [start + 100 for start in starts]
    press(qtbot, window, Qt.Key.Key_G)
    assert window.transport.seek._marks_ms == [start + 50 for start in starts]


def test_panel_text_size_fullscreen_keys(qtbot, window):
    assert window.dock.isVisible()
    press(qtbot, window, Qt.Key.Key_E)
    assert not window.dock.isVisible()
    press(qtbot, window, Qt.Key.Key_E)
    assert window.dock.isVisible()
    size = window.lyrics.current_font().pixelSize()
    press(qtbot, window, Qt.Key.Key_Plus)
    assert window.lyrics.current_font().pixelSize() > size
    press(qtbot, window, Qt.Key.Key_Minus)
    press(qtbot, window, Qt.Key.Key_Minus)
    assert window.lyrics.current_font().pixelSize() < size
    press(qtbot, window, Qt.Key.Key_F)
    assert window.isFullScreen() and not window.menuBar().isVisible()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and window.menuBar().isVisible()


def choice(group, data):
    """The action of a View menu choice group whose data is ``data``."""
    [action] = [a for a in group.actions() if a.data() == data]
    return action


def test_settings_are_kept_between_runs(qtbot, window, settings_path, fake_time):
    window.transport.volume.setValue(35)
    choice(window.theme_actions, "light").trigger()
    window.set_language("en")
    window.change_text_size(1.5)
    window.close()
    again = make_window(qtbot, fake_time, make_settings(settings_path))
    assert again.transport.volume.value() == 35
    assert again.theme.name == "light"
    assert again.language == "en"
    assert again.text_scale == 1.5
    assert again.settings.recent[0].endswith("song.toml")


def test_language_switches_the_explanation(window):
    window.session.seek(line_start(window, 7))
    window.set_language("en")
    assert "attention" in window.panel.displayed_markdown().lower()
    window.set_language("es")
    assert "atención" in window.panel.displayed_markdown().lower()


def test_wipe_paints_the_sung_part_in_the_highlight_colour(window):
    session = window.session
    line = session.song.lines[0]
    sung = QColor(window.theme.sung)

    def sung_pixels() -> int:
        image = window.lyrics.grab().toImage()
        [rect] = [r for i, r in window.lyrics.placed_lines() if i == 0]
        count = 0
        for x in range(rect.left(), rect.right(), 3):
            for y in range(rect.top(), rect.bottom(), 3):
                if image.pixelColor(QPoint(x, y)) == sung:
                    count += 1
        return count

    session.seek(line.start_ms)
    assert sung_pixels() == 0
    session.seek(line.start_ms + line.duration_ms // 2)
    half = sung_pixels()
    session.seek(line.end_ms)
    full = sung_pixels()
    assert 0 < half < full


def test_nothing_repaints_while_paused(qtbot, window):
    window.session.seek(line_start(window, 0) + 500)
    qtbot.wait(50)
    painted = []
    original = window.lyrics.paintEvent
    window.lyrics.paintEvent = lambda event: (painted.append(event.rect()), original(event))
    qtbot.wait(200)
    assert painted == []
    assert not window.session._tick.isActive()


def test_lyrics_only_song_shows_the_title_card(qtbot, fake_time, settings_path, write):
    lyrics = write("solo.lrc", "[ti:Solo]\n[00:01.00]hola\n[00:03.00]adiós\n")
    window = make_window(qtbot, fake_time, make_settings(settings_path))
    window.load(open_song(lyrics), play=False)
    assert window.screen_stack.currentWidget() is window.card
    assert window.card.title == "Solo"


def test_while_playing_only_the_current_line_repaints(qtbot, window, fake_time):
    session = window.session
    session.seek(line_start(window, 0) + 200)
    session.play()
    qtbot.wait(30)
    [current] = [rect for index, rect in window.lyrics.placed_lines() if index == 0]
    painted = []
    original = window.lyrics.paintEvent
    window.lyrics.paintEvent = lambda event: (painted.append(event.rect()), original(event))
    for _ in range(10):
        fake_time.advance(100)
        session.tick()
        qtbot.wait(5)
    assert painted, "the wipe moved, so the line was repainted"
    assert all(current.contains(rect) for rect in painted), (current, painted)


def test_clicking_the_seek_bar_seeks(qtbot, window):
    seek = window.transport.seek
    qtbot.mouseClick(
        seek, Qt.MouseButton.LeftButton, pos=QPoint(seek.width() // 2, seek.height() // 2)
    )
    middle = window.session.length_ms // 2
    assert abs(window.session.position_ms() - middle) < window.session.length_ms * 0.05


def test_on_a_1024_projector_the_seek_bar_is_still_a_bar(qtbot, window):
    """At 1024×768 the window's first size is 870×652, the explanation beside the video: the
    transport's other controls give way (the volume slider narrows, the time takes the room its
    song's times need) and the seek bar keeps SEEK_MIN_WIDTH px — it was squeezed to a dot."""
    window.resize(870, 652)
    qtbot.waitUntil(lambda: window.width() == 870)
    QApplication.processEvents()
    seek = window.transport.seek
    assert window.dock.isVisible()
    assert seek.width() >= SEEK_MIN_WIDTH
    test_clicking_the_seek_bar_seeks(qtbot, window)  # and a click on it still seeks


def test_f5_presents_where_the_song_was_and_esc_comes_back(qtbot, window):
    from PySide6.QtWidgets import QApplication

    window.session.seek(line_start(window, 5) + 100)
    press(qtbot, window, Qt.Key.Key_F5)
    presentation = window.presentation
    assert presentation is not None and not window.isVisible()
    assert presentation.audience.lyrics.current_line == 5
    qtbot.waitUntil(lambda: QApplication.activeWindow() is presentation.audience)
    qtbot.keyClick(presentation.audience, Qt.Key.Key_Escape)
    assert window.presentation is None and window.isVisible()
    assert window.lyrics.current_line == 5


def test_the_theme_is_stored_only_when_chosen_so_the_desktop_decides_until_then(
    qtbot, fake_time, settings_path, monkeypatch
):
    first = make_window(qtbot, fake_time, make_settings(settings_path))
    assert first.theme.name == "dark"
    first.close()
    assert make_settings(settings_path).theme is None  # a first run stores no theme
    # The desktop asks for high contrast later: the next start follows it.
    monkeypatch.setattr(desktop_preferences, "wants_high_contrast", lambda: True)
    second = make_window(qtbot, fake_time, make_settings(settings_path))
    assert second.theme.name == "contrast" and choice(second.theme_actions, "contrast").isChecked()
    choice(second.theme_actions, "light").trigger()  # View ▸ Theme: a choice, remembered
    assert second.settings.theme == "light"
    second.close()
    third = make_window(qtbot, fake_time, make_settings(settings_path))
    assert third.theme.name == "light"  # the user's choice wins over the desktop's


def test_explanation_language_can_follow_the_interface_again(qtbot, window, settings_path):
    window.session.seek(line_start(window, 7))
    follow, spanish = choice(window.language_actions, ""), choice(window.language_actions, "es")
    assert window.language_actions.actions()[0] is follow and follow.isChecked()
    assert follow.text() == "&Same as the interface"
    spanish.trigger()
    assert window.settings.language == "es" and not follow.isChecked()
    assert "atención" in window.panel.displayed_markdown().lower()  # the interface is English
    follow.trigger()
    assert window.settings.language is None and follow.isChecked()
    assert make_settings(settings_path).language is None
    assert "attention" in window.panel.displayed_markdown().lower()  # the interface's again
    with in_language("es"):
        assert follow.text() == "&Igual que la interfaz"
        assert "atención" in window.panel.displayed_markdown().lower()  # live
    assert "attention" in window.panel.displayed_markdown().lower()


def test_volume_keys_step_by_5_percent_say_it_and_are_remembered(
    qtbot, window, settings_path, fake_time
):
    player = window.session.player
    window.transport.volume.setValue(50)
    press(qtbot, window, Qt.Key.Key_0)
    assert player._volume == 55 and window.transport.volume.value() == 55
    assert window.statusBar().currentMessage() == "Volume: 55%"
    press(qtbot, window, Qt.Key.Key_9)
    press(qtbot, window, Qt.Key.Key_9)
    assert player._volume == 45 and window.settings.volume == 45
    window.transport.volume.setValue(98)
    press(qtbot, window, Qt.Key.Key_0)
    assert player._volume == 100  # clamped
    with in_language("es"):
        press(qtbot, window, Qt.Key.Key_9)
        assert window.statusBar().currentMessage() == "Volumen: 95 %"
    window.close()
    assert make_window(qtbot, fake_time, make_settings(settings_path)).settings.volume == 95


def test_m_mutes_and_brings_the_sound_back_at_the_same_level(qtbot, window, settings_path):
    player, mute = window.session.player, window.action(P.MUTE)
    assert mute in window.menuBar().actions()[1].menu().actions()  # Playback
    window.transport.volume.setValue(60)
    press(qtbot, window, Qt.Key.Key_M)
    assert player._volume == 0 and mute.isChecked() and window.transport.volume.value() == 0
    assert window.statusBar().currentMessage() == "Muted (M to hear it again)"
    assert window.settings.volume == 60  # the level is kept, and a new start is not silent
    window.load(open_song(BUNDLED), play=False)
    assert window.session.player._volume == 0  # muted from song to song
    mute.trigger()  # from the menu
    assert window.session.player._volume == 60 and not mute.isChecked()
    assert window.statusBar().currentMessage() == "Volume: 60%"
    press(qtbot, window, Qt.Key.Key_M)
    press(qtbot, window, Qt.Key.Key_0)  # a volume key ends the mute, from the level kept
    assert window.session.player._volume == 65 and not mute.isChecked()


def test_presenting_while_muted_stays_silent_for_the_class(qtbot, window):
    window.transport.volume.setValue(70)
    press(qtbot, window, Qt.Key.Key_M)
    window.start_presenting()
    assert window.presentation.session.player._volume == 0
    assert not window.action(P.MUTE).isChecked()  # the console has its own volume
    window.presentation.stop()


def test_presenting_a_song_with_missing_media_says_so_plainly_on_the_console(
    qtbot, window, tmp_path
):
    from karaoke.core.package import open_song
    from karaoke.ui.shared.friendly_errors import MEDIA_MISSING
    from tests.ui.present.test_presentation import package_without_media

    window.load(open_song(package_without_media(tmp_path / "song")), play=False)
    window.start_presenting()
    try:
        headline, detail, *_ = window.presentation.console.status.text().split("\n")
        assert headline == MEDIA_MISSING  # the song's problems reach the console
        assert "missing.mp4" in detail
    finally:
        window.presentation.stop()
