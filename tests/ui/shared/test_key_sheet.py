"""F1's key sheet fits the screen (1366×768 and 1024×768), scrolls, takes two columns where
there is room, lists every keyed command and pauses a playing song while it is open."""

from __future__ import annotations

from itertools import product

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel

from karaoke.app.commands import PlayerCommand, PresentCommand
from karaoke.app.key_tables import keyed
from karaoke.app.timing_commands import TimingCommand
from karaoke.ui.shared.key_sheet import KeySheet, show_key_sheet, split_entries
from tests.ui.interface_texts import in_language

SECTIONS = [("In the window", PlayerCommand), ("While presenting", PresentCommand)]
LAPTOP = QRect(0, 0, 1366, 768)
SMALL = QRect(0, 0, 1024, 768)


def _sheet(qtbot, available: QRect, sections=SECTIONS, footer: str = "") -> KeySheet:
    sheet = KeySheet(None, "Keys", sections, footer)
    qtbot.addWidget(sheet)
    sheet.fit_to(available)
    sheet.show()
    qtbot.waitExposed(sheet)
    return sheet


def _texts(sheet: KeySheet) -> list[str]:
    return [label.text() for label in sheet.findChildren(QLabel)]


def test_the_laptop_screen_is_the_simulated_1366_by_768_one(qapp):
    assert QApplication.primaryScreen().geometry() == LAPTOP


def test_fits_the_screen_with_its_close_button_visible(qtbot):
    screens = (QApplication.primaryScreen().availableGeometry(), SMALL)
    for available, sections in product(screens, (SECTIONS, [("", TimingCommand)])):
        sheet = _sheet(qtbot, available, sections, "<p>Mouse: click the waveform.</p>")
        assert available.contains(sheet.frameGeometry()), available
        assert sheet.frameGeometry().width() <= available.width() * 0.9 + 1
        button = sheet.close_button
        assert button.isVisible()
        corner = button.mapTo(sheet, button.rect().bottomRight())
        assert sheet.rect().contains(corner), available


def test_two_columns_at_1366_and_one_at_1024(qtbot):
    assert _sheet(qtbot, LAPTOP).columns == 2
    assert _sheet(qtbot, SMALL).columns == 1


def test_every_keyed_command_has_its_row(qtbot):
    texts = _texts(_sheet(qtbot, LAPTOP))
    for table in (PlayerCommand, PresentCommand):
        for command in keyed(table):
            assert command.help_text in texts, command
    assert any("In the window" in text for text in texts)


def test_it_scrolls_when_the_rows_are_taller_than_the_screen(qtbot):
    sheet = _sheet(qtbot, SMALL)  # one column of ~45 rows: far taller than 691 px
    bar = sheet.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())  # the last row can be scrolled to
    last = next(
        label
        for label in sheet.findChildren(QLabel)
        if label.text() == keyed(PresentCommand)[-1].help_text
    )
    viewport = sheet.scroll_area.viewport()
    assert viewport.rect().contains(last.mapTo(viewport, last.rect().center()))


def test_a_short_table_does_not_scroll_at_1366(qtbot):
    sheet = _sheet(qtbot, LAPTOP, [("", PresentCommand)], "<p>Mouse: click the waveform.</p>")
    assert sheet.scroll_area.verticalScrollBar().maximum() == 0
    assert any("Mouse" in text for text in _texts(sheet))


def _row_pitches(sheet: KeySheet) -> list[int]:
    """How far apart (px) consecutive command rows of the sheet's grids are laid out: a row's
    height plus the gap under it."""
    pitches = []
    for grid in sheet.scroll_area.widget().findChildren(QGridLayout):
        tops = {}
        for index in range(grid.count()):
            row, column, _, column_span = grid.getItemPosition(index)
            widget = grid.itemAt(index).widget()
            if column == 1 and column_span == 1 and widget is not None:  # a help line
                tops[row] = widget.y()
        pitches += [tops[row + 1] - tops[row] for row in tops if row + 1 in tops]
    return pitches


def _open_players_sheet(window) -> dict[str, int]:
    """F1 in the player window: the sheet's scroll range, content and viewport heights, and
    its tallest row, read while it is open."""
    from karaoke.ui.player import dialogs

    seen: dict[str, int] = {}

    def measure() -> None:
        sheet = QApplication.activeModalWidget()
        assert isinstance(sheet, KeySheet)
        QApplication.processEvents()  # the layout requests posted by showing it
        area = sheet.scroll_area
        seen.update(
            scroll=area.verticalScrollBar().maximum(),
            content=area.widget().height(),
            viewport=area.viewport().height(),
            widest_pitch=max(_row_pitches(sheet)),
            line=sheet.fontMetrics().lineSpacing(),
        )
        sheet.reject()

    QTimer.singleShot(0, measure)
    dialogs.show_keys(window)
    return seen


def test_the_players_sheet_fits_1366_by_768_without_scrolling(window, qtbot):
    """Both columns at once: rows as tall as their text (two lines at most in English), no
    gaps between them that would push the sheet past the screen."""
    assert window.screen().availableGeometry() == LAPTOP
    seen = _open_players_sheet(window)
    assert seen["scroll"] == 0 and seen["content"] <= seen["viewport"], seen
    assert seen["widest_pitch"] <= 2 * seen["line"] + 8, seen  # two lines and the gap
    with in_language("es"):  # Spanish is longer: it still fits
        seen = _open_players_sheet(window)
    assert seen["scroll"] == 0 and seen["content"] <= seen["viewport"], seen


def test_rows_are_as_tall_as_their_text(qtbot):
    """One-line help lines are a line apart plus the row gap, whatever the columns' heights."""
    sheet = _sheet(qtbot, LAPTOP)
    line = sheet.fontMetrics().lineSpacing()
    pitches = _row_pitches(sheet)
    assert len(pitches) > 30
    assert min(pitches) <= line + 8
    assert max(pitches) <= 2 * line + 8


def test_a_heading_never_ends_a_column():
    entries = ["A", PlayerCommand.PLAY, "B", PlayerCommand.BACK, PlayerCommand.FORWARD]
    left, right = split_entries(entries, 2)
    assert left == ["A", PlayerCommand.PLAY] and right[0] == "B"
    assert split_entries(entries, 1) == [entries]


def test_in_spanish_the_rows_and_keys_are_spanish(qtbot):
    with in_language("es"):
        texts = _texts(_sheet(qtbot, LAPTOP, [("Teclas", PlayerCommand)]))
        assert "Atrás 5 segundos" in texts
        assert "Back 5 seconds" not in texts
        assert "Espacio" in texts  # the key's name, from Qt's own catalog


def test_a_playing_song_pauses_while_the_sheet_is_open(window, qtbot):
    session = window.session
    session.play()
    seen: list[bool] = []

    def close_it() -> None:
        sheet = QApplication.activeModalWidget()
        assert isinstance(sheet, KeySheet)
        seen.append(session.playing)
        sheet.reject()

    QTimer.singleShot(0, close_it)
    show_key_sheet(window, "Keys", SECTIONS, session=session)
    assert seen == [False]  # paused while open
    assert session.playing  # and playing again after


def test_a_paused_song_stays_paused(window, qtbot):
    session = window.session
    assert not session.playing
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    show_key_sheet(window, "Keys", SECTIONS, session=session)
    assert not session.playing


def test_f1_in_the_player_window_opens_the_sheet_and_pauses(window, qtbot):
    from karaoke.ui.player import dialogs

    window.session.play()
    seen: list[tuple[bool, bool]] = []

    def close_it() -> None:
        sheet = QApplication.activeModalWidget()
        assert isinstance(sheet, KeySheet)
        texts = _texts(sheet)
        seen.append((window.session.playing, PresentCommand.BLACKOUT.help_text in texts))
        sheet.reject()

    QTimer.singleShot(0, close_it)
    dialogs.show_keys(window)
    assert seen == [(False, True)]
    assert window.session.playing
