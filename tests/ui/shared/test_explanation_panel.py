"""The explanation panel: one scrolling column (title, text, glossary, sources) with no repeated
title and no gap; QR codes on demand; words around the content in the explanations' language,
controls in the interface's; colours from the palette, live; every control named and reachable
by Tab."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QSpacerItem, QWidget

from karaoke.core.model import Song, pick
from karaoke.core.package import open_song
from karaoke.ui.shared.explanation_panel import ExplanationPanel
from karaoke.ui.shared.rich_text import anchor_fragments
from karaoke.ui.shared.source_list import site_of
from karaoke.ui.shared.theme import THEMES, Theme, apply_palette
from tests.conftest import BUNDLED
from tests.ui.interface_texts import (
    in_language,
    plain,
    shown_texts,
    unnamed_controls,
    untranslated,
)


@pytest.fixture(scope="module")
def song() -> Song:
    return open_song(BUNDLED).song


@pytest.fixture
def restore_palette(qapp):
    before = QPalette(QApplication.palette())
    yield
    QApplication.setPalette(before)


@pytest.fixture
def panel(qtbot, song) -> ExplanationPanel:
    """The panel on the bundled song's first stanza (two sources), explained in English."""
    panel = ExplanationPanel()
    qtbot.addWidget(panel)
    panel.set_song(song)
    panel.set_language("en")
    panel.follow(0)
    panel.resize(400, 650)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def settle() -> None:
    """Let posted events (layout requests, palette and language changes) arrive."""
    for _ in range(3):
        QApplication.processEvents()


def scrolling_areas(panel: ExplanationPanel) -> list[QAbstractScrollArea]:
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    return [
        area
        for area in panel.findChildren(QAbstractScrollArea)
        if area.verticalScrollBarPolicy() != off or area.horizontalScrollBarPolicy() != off
    ]


def test_the_whole_panel_scrolls_as_one_column(panel):
    for row in panel.sources.rows:
        assert row.qr_toggle is not None
        row.qr_toggle.setChecked(True)
    settle()
    assert scrolling_areas(panel) == [panel.scroll_area]
    # The text is as tall as its document: nothing of it is left to scroll inside.
    body = panel.body
    assert body.verticalScrollBar().maximum() == 0
    assert abs(body.height() - body.document().size().height()) <= 2


def text_blocks(panel: ExplanationPanel) -> list[str]:
    """Each paragraph, heading and list item of the rendered text, and every shown string."""
    document = panel.body.document()
    blocks = []
    block = document.begin()
    while block.isValid():
        blocks.append(block.text().strip())
        block = block.next()
    return blocks + list(shown_texts(panel).values())


def test_a_stanzas_title_is_shown_once(panel, song):
    title = pick(song.stanzas[0].title, "en")
    assert text_blocks(panel).count(title) == 1


def test_the_songs_page_shows_its_title_once(panel, song):
    """Before the first stanza (the credits): the title as the heading, not again in the text."""
    panel.set_song(song)
    assert panel.shown_stanza is None
    assert text_blocks(panel).count(song.title) == 1
    assert song.subtitle and song.subtitle in panel.displayed_markdown()
    assert "Hugo Blanco" in panel.displayed_markdown()  # the credits


def test_a_sources_qr_code_shows_only_once_asked_for(panel, qtbot, song):
    row = panel.sources.rows[1]
    toggle = row.qr_toggle
    assert toggle is not None and not row.qr.isVisibleTo(panel)
    assert toggle.text() == "Show QR"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert row.qr.isVisibleTo(panel) and not row.qr.pixmap().isNull()
    assert toggle.text() == "Hide QR"
    assert not panel.sources.rows[0].qr.isVisibleTo(panel)  # only that source's
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)  # the keyboard too
    assert not row.qr.isVisibleTo(panel)
    assert toggle.text() == "Show QR"


def test_a_qr_code_shown_is_scrolled_into_view(panel, qtbot):
    row = panel.sources.rows[-1]
    assert row.qr_toggle is not None
    row.qr_toggle.setChecked(True)
    viewport = panel.scroll_area.viewport()

    def in_view() -> bool:
        top_left = row.qr.mapTo(viewport, row.qr.rect().topLeft())
        bottom = row.qr.mapTo(viewport, row.qr.rect().bottomLeft()).y()
        return top_left.y() >= 0 and bottom <= viewport.height()

    qtbot.waitUntil(in_view)


def test_the_sources_are_a_numbered_list_of_links_with_their_site(panel, song):
    references = song.stanzas[0].references
    rows = panel.sources.rows
    assert [row.reference for row in rows] == list(references)
    first = rows[0]
    assert f'href="{references[0].url}"' in first.link.text()
    assert plain(first.link.text()) == f"{references[0].title} · doi.org"  # where it leads
    assert panel.sources.heading.text() == "Sources"


@pytest.mark.parametrize("size", [(400, 650), (600, 1000), (900, 1800)])
def test_no_gap_between_the_parts_and_the_spare_room_at_the_bottom(panel, size):
    panel.resize(*size)
    settle()
    column = panel.column.layout()
    assert column is not None
    last = column.itemAt(column.count() - 1)
    assert isinstance(last, QSpacerItem)  # the stretch comes last, after the sources
    spacing = column.spacing()
    gap = panel.sources.geometry().top() - panel.body.geometry().bottom() - 1
    assert 0 <= gap <= spacing + 1
    assert panel.body.geometry().top() - panel.title.geometry().bottom() - 1 <= spacing + 1
    # When the column is taller than the panel, its end can be scrolled to: the last source
    # is in the column and the scroll bar reaches it.
    bar = panel.scroll_area.verticalScrollBar()
    viewport_height = panel.scroll_area.viewport().height()
    assert bar.maximum() == max(0, panel.column.height() - viewport_height)
    assert panel.sources.geometry().bottom() < panel.column.height()


def test_a_small_panel_scrolls_to_its_last_qr_code(panel):
    """At 400×650 (a 1366×768 screen), the last QR code is reachable, not cut off."""
    for row in panel.sources.rows:
        assert row.qr_toggle is not None
        row.qr_toggle.setChecked(True)
    settle()
    bar = panel.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle()
    last = panel.sources.rows[-1].qr
    viewport = panel.scroll_area.viewport()
    bottom = last.mapTo(viewport, last.rect().bottomLeft()).y()
    assert bar.maximum() > 0 and bottom <= viewport.height()


# Languages -------------------------------------------------------------------------------------


def test_the_words_around_the_content_follow_the_explanations_language(panel):
    """Spanish explanations in an English interface: "Fuentes", "Glosario"; the Pin stays
    English (it is the interface's)."""
    panel.set_language("es")
    assert panel.sources.heading.text() == "Fuentes"
    assert "Glosario" in panel.displayed_markdown()
    assert panel.pin_button.text() == "Pin"
    assert panel.sources.rows[0].qr_toggle is not None
    assert panel.sources.rows[0].qr_toggle.text() == "Show QR"


@pytest.mark.parametrize(
    ("language", "title", "missing"),
    [
        ("es", "Estrofa 2", "Esta estrofa no tiene explicación."),
        ("fr", "Stanza 2", "This stanza has no explanation."),  # a language we lack: English
    ],
)
def test_a_stanza_without_title_or_explanation_says_so_in_their_language(
    panel, song, language, title, missing
):
    bare = replace(song.stanzas[1], title={}, explanation={}, glossary=(), references=())
    stanzas = (song.stanzas[0], bare, *song.stanzas[2:])
    panel.set_song(replace(song, stanzas=stanzas))
    panel.set_language(language)
    panel.follow(1)
    assert panel.title.text() == title
    assert missing in panel.displayed_markdown()


def test_the_controls_follow_the_interface_language_live(panel, song):
    panel.set_language("es")  # the content stays the same in both runs
    english = shown_texts(panel)
    with in_language("es"):
        spanish = shown_texts(panel)
        assert panel.pin_button.text() == "Fijar"
        assert panel.sources.rows[0].qr_toggle is not None
        assert panel.sources.rows[0].qr_toggle.text() == "Mostrar QR"
    stanza = song.stanzas[0]
    content = [pick(stanza.title, "es"), "Fuentes"]
    for reference in stanza.references:
        content += [reference.title, reference.url, f"{reference.title} · {site_of(reference.url)}"]
    assert untranslated(english, spanish, content) == []
    assert shown_texts(panel) == english  # and back to English


def test_the_rows_of_a_stanza_shown_in_spanish_are_spanish(panel):
    with in_language("es"):
        panel.follow(1)  # new rows, made while the interface is Spanish
        toggle = panel.sources.rows[0].qr_toggle
        assert toggle is not None and toggle.text() == "Mostrar QR"
        assert toggle.accessibleName().startswith("Código QR de la fuente 1: ")


# Themes ------------------------------------------------------------------------------------------


def shown_colors(panel: ExplanationPanel) -> dict[str, object]:
    palette = panel.column.palette()
    return {
        "background": palette.color(panel.column.backgroundRole()).name(),
        "text": palette.color(panel.title.foregroundRole()).name(),
        "links in the text": {
            fragment.charFormat().foreground().color().name()
            for fragment in anchor_fragments(panel.body.document())
        },
        "link in the sources": panel.sources.rows[0]
        .link.text()
        .count(f"color: {palette.color(QPalette.ColorRole.Link).name()}"),
    }


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda theme: theme.name)
def test_the_panel_restyles_live_with_the_theme(panel, theme: Theme, restore_palette):
    panel.body.setMarkdown("See [the paper](https://arxiv.org/abs/2005.14165).")
    apply_palette(THEMES["dark"] if theme.name != "dark" else THEMES["light"])
    settle()
    apply_palette(theme)
    settle()
    assert shown_colors(panel) == {
        "background": theme.window.base,
        "text": theme.window.text,
        "links in the text": {theme.window.link},
        "link in the sources": 1,
    }
    assert theme.window.link in panel.sources.rows[0].link.text()


def test_the_panel_named_and_reachable_by_tab(panel):
    assert unnamed_controls(panel) == []
    rows = panel.sources.rows
    expected = [panel.scroll_area, panel.pin_button, panel.body]
    for row in rows:
        assert row.qr_toggle is not None
        expected += [row.link, row.qr_toggle]
    panel.activateWindow()
    panel.scroll_area.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget | None] = [panel.scroll_area]
    for _ in range(len(expected) - 1):
        panel.focusNextChild()
        visited.append(panel.focusWidget())
    assert visited == expected == panel.focus_order()
    for row in rows:
        assert row.qr_toggle is not None
        assert row.reference.title in row.qr_toggle.accessibleName()


def test_the_main_windows_theme_switch_restyles_its_panel(window, restore_palette):
    """View ▸ Theme in the player window: the panel follows each theme, and back again."""
    window.panel.follow(0)
    window.panel.body.setMarkdown("See [the paper](https://arxiv.org/abs/2005.14165).")
    seen = {}
    for name in ["light", "contrast", "dark", "light"]:
        window.apply_theme(name)
        settle()
        seen[name] = shown_colors(window.panel)
        theme = THEMES[name]
        assert seen[name] == {
            "background": theme.window.base,
            "text": theme.window.text,
            "links in the text": {theme.window.link},
            "link in the sources": 1,
        }, name
    assert len({str(colors) for colors in seen.values()}) == 3


def test_enter_presses_the_focused_toggle_space_stays_the_players(panel, qtbot):
    toggle = panel.sources.rows[0].qr_toggle
    assert toggle is not None
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Return)
    assert toggle.isChecked() and panel.sources.rows[0].qr.isVisibleTo(panel)
    qtbot.keyClick(panel.pin_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert panel.pinned


def test_the_focused_column_scrolls_by_keyboard_and_shows_its_focus(panel, qtbot):
    area = panel.scroll_area
    ring = area.parentWidget()
    assert ring is not None
    highlight = ring.palette().color(QPalette.ColorRole.Highlight)
    panel.activateWindow()
    panel.pin_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.pin_button.hasFocus)
    assert ring.grab().toImage().pixelColor(0, 0) != highlight
    area.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(area.hasFocus)
    assert ring.grab().toImage().pixelColor(0, 0) == highlight  # the focus ring
    # The column's keys are its own, not the player's shortcuts (Down, PgDn, End…).
    override = QKeyEvent(
        QEvent.Type.ShortcutOverride, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier
    )
    override.ignore()  # as Qt sends it: accepted only by a widget that wants the key
    QApplication.sendEvent(area, override)
    assert override.isAccepted()
    bar = area.verticalScrollBar()
    qtbot.keyClick(area, Qt.Key.Key_End)
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    qtbot.keyClick(area, Qt.Key.Key_PageUp)
    assert bar.value() < bar.maximum()
    qtbot.keyClick(area, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_following_the_same_stanza_at_every_frame_asks_nothing_of_qt(panel, monkeypatch):
    """The player calls follow() at every frame (60 a second): while the stanza stays the same
    the pin button is not asked; a new stanza is shown unless pinned, as before."""
    asked: list[bool] = []

    def counting(self: ExplanationPanel) -> bool:
        asked.append(True)
        return self.pin_button.isChecked()

    monkeypatch.setattr(ExplanationPanel, "pinned", property(counting))
    for _ in range(100):
        panel.follow(0)
    assert asked == []
    panel.follow(1)
    assert panel.shown_stanza == 1 and len(asked) == 1
    panel.pin(1)
    panel.follow(0)
    assert panel.shown_stanza == 1  # pinned
