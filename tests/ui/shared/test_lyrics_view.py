"""The lyrics view colours a duet's lines by singer, and the wipe still shows over them."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor

from karaoke.core.model import Line
from karaoke.core.timeline import Timeline
from karaoke.ui.shared.lyrics_view import LyricsView
from karaoke.ui.shared.theme import THEMES, contrast_ratio

DUET = (
    Line("Con mi burrito sabanero", 1000, 5000, singer="Ana"),
    Line("red neuronal del lenguaje", 5500, 9000, singer="Beto"),
    Line("GPT, GPT, se llama GPT-3", 9500, 13000, singer="Ana & Beto"),
)


def _view(qtbot, lines, theme_name: str = "dark") -> LyricsView:
    view = LyricsView()
    qtbot.addWidget(view)
    view.set_theme(THEMES[theme_name])
    view.resize(1000, 500)
    view.show()
    view.set_timeline(Timeline(lines))
    return view


def _count(view: LyricsView, rect: QRect, color: str) -> int:
    image = view.grab().toImage()
    wanted = QColor(color)
    return sum(
        image.pixelColor(QPoint(x, y)) == wanted
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
    )


def _rect(view: LyricsView, index: int) -> QRect:
    return next(rect for i, rect in view.placed_lines() if i == index)


def test_each_singer_has_a_colour_and_the_wipe_shows_over_it(qtbot):
    for name, theme in THEMES.items():
        view = _view(qtbot, DUET, name)
        ana, beto, both = theme.singers
        view.set_position(3000)  # half-way through Ana's line
        current, following = _rect(view, 0), _rect(view, 1)
        assert _count(view, current, ana) > 0, name  # what Ana has still to sing
        assert _count(view, current, theme.sung) > 0, name  # the wipe
        assert _count(view, current, theme.text) == 0, name
        assert _count(view, following, beto) > 0, name  # Beto is next
        view.set_position(9600)  # the line they sing together
        assert _count(view, _rect(view, 2), both) > 0, name


def test_a_solo_keeps_the_theme_colours(qtbot):
    solo = tuple(Line(line.text, line.start_ms, line.end_ms, singer="Ana") for line in DUET)
    view = _view(qtbot, solo)
    theme = THEMES["dark"]
    view.set_position(3000)
    assert _count(view, _rect(view, 0), theme.unsung) > 0
    assert _count(view, _rect(view, 0), theme.singers[0]) == 0
    assert _count(view, _rect(view, 1), theme.dim) > 0


def test_the_unsung_part_is_dimmed_yet_readable_in_every_theme(qtbot):
    """The main window's view: the wipe brightens the line (by 3:1 at least), and the part still
    to sing stays readable (4.5:1 on the background)."""
    solo = tuple(Line(line.text, line.start_ms, line.end_ms) for line in DUET)
    for name, theme in THEMES.items():
        view = _view(qtbot, solo, name)
        view.set_position(3000)  # half-way through the first line
        rect = _rect(view, 0)
        image = view.grab().toImage()
        painted = Counter(
            image.pixelColor(QPoint(x, y)).name()
            for x in range(rect.left(), rect.right(), 2)
            for y in range(rect.top(), rect.bottom(), 2)
        )
        del painted[theme.background]
        # The two colours most painted: the glyphs' insides (their edges are blends).
        first, second = (color for color, _ in painted.most_common(2))
        sung, unsung = sorted((first, second), key=lambda c: -contrast_ratio(c, theme.background))
        assert (sung, unsung) == (theme.sung, theme.unsung), name
        assert contrast_ratio(unsung, theme.background) >= 4.5, name
        assert contrast_ratio(sung, unsung) >= 3.0, name


def _fonts_drawn(view: LyricsView) -> list:
    """The fonts the view's laid-out rows are drawn with."""
    return [placed.layout.font() for placed in view._placed]


def test_easy_reading_draws_in_atkinson_hyperlegible_with_wider_spacing(qtbot):
    from PySide6.QtGui import QFontInfo

    from karaoke.ui.shared.reading_font import FAMILY

    view = _view(qtbot, DUET)
    view.set_position(3000)
    plain_fonts = _fonts_drawn(view)
    assert plain_fonts and all(QFontInfo(f).family() != FAMILY for f in plain_fonts)
    plain_pixels = view.grab().toImage()
    view.set_easy_reading(True)
    fonts = _fonts_drawn(view)
    assert fonts and all(QFontInfo(f).family() == FAMILY for f in fonts)
    assert all(f.letterSpacing() > 100 for f in fonts)
    assert view.grab().toImage() != plain_pixels  # and it is what is painted
    view.set_easy_reading(False)
    assert [QFontInfo(f).family() for f in _fonts_drawn(view)] == [
        QFontInfo(f).family() for f in plain_fonts
    ]
    assert all(f.letterSpacing() in (0, 100) for f in _fonts_drawn(view))


def test_the_view_is_named_and_shows_keyboard_focus(qtbot):
    from PySide6.QtCore import Qt

    from tests.ui.interface_texts import in_language, unnamed_controls

    view = _view(qtbot, DUET)
    assert view.focusPolicy() & Qt.FocusPolicy.TabFocus  # the keyboard reaches it
    assert unnamed_controls(view) == []
    with in_language("es"):
        assert view.accessibleName() == "Letra"
    assert view.accessibleName() == "Lyrics"
    view.set_position(3000)
    qtbot.waitActive(view)
    view.clearFocus()  # the window gave its only focusable widget focus on showing
    assert not view.hasFocus()
    without = view.grab().toImage()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    with_focus = view.grab().toImage()
    accent = QColor(THEMES["dark"].accent)
    edge = QPoint(view.width() // 2, 2)  # on the outline, far from any text
    assert with_focus.pixelColor(edge) == accent
    assert without.pixelColor(edge) != accent
    view.clearFocus()
    assert view.grab().toImage() == without


def test_lyrics_never_shrink_below_the_desktop_font(qtbot):
    from PySide6.QtGui import QFont

    view = _view(qtbot, DUET)
    view.resize(400, 160)  # so small the text would shrink to fit
    view.set_position(3000)
    big = QFont(view.font())
    big.setPixelSize(30)  # a desktop with large fonts
    view.setFont(big)
    assert view.min_pixel_size() == 30
    assert view.current_pixel_size >= 30


def test_the_next_line_is_drawn_with_its_own_words_even_at_a_reused_address(qtbot, monkeypatch):
    """Python may give a new line's text layout the address of the previous, freed one: the
    cached rendering of the current line must still be the new line's (every id() equal here,
    as when an address is reused)."""
    import karaoke.ui.shared.lyrics_view as lyrics_view

    monkeypatch.setattr(lyrics_view, "id", lambda _obj: 0, raising=False)
    lines = (
        Line("Libro tras libro descargando", 1000, 5000),
        Line("todas las palabras en vectores", 5500, 9000),
    )
    moved = _view(qtbot, lines)
    moved.set_position(4_000)
    moved.grab()  # the first line's rendering is made and cached
    moved.set_position(6_000)
    fresh = _view(qtbot, lines)
    fresh.set_position(6_000)
    rect = _rect(fresh, 1)
    assert _rect(moved, 1) == rect
    assert moved.grab().toImage().copy(rect) == fresh.grab().toImage().copy(rect)


def _focused_stanza_view(qtbot, monkeypatch) -> tuple[LyricsView, list[QRect], list[int]]:
    """A focused view whose current line (wrapped over two rows) starts a stanza, recording the
    rectangles it asks to repaint and each drawing of its focus frame."""
    from PySide6.QtCore import Qt

    import karaoke.ui.shared.lyrics_view as lyrics_view
    from karaoke.core.model import Stanza

    view = LyricsView()
    qtbot.addWidget(view)
    view.set_theme(THEMES["dark"])
    view.resize(560, 420)
    view.show()
    view.set_timeline(Timeline(DUET[:1] + LONG_LINE, (Stanza(0, 1), Stanza(1, 3))))
    qtbot.waitActive(view)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    frames: list[int] = []
    original = lyrics_view.paint_focus

    def paint_focus(*args) -> None:
        frames.append(1)
        original(*args)

    monkeypatch.setattr(lyrics_view, "paint_focus", paint_focus)
    updated: list[QRect] = []
    monkeypatch.setattr(view, "update", lambda *box: updated.append(QRect(*box)))
    return view, updated, frames


LONG_LINE = (
    Line("red neuronal del lenguaje natural, capa tras capa vi'apilando", 5500, 9000),
    Line("GPT, GPT, se llama GPT-3", 9500, 13000),
)


def test_a_wipe_painted_strip_by_strip_looks_as_painted_whole(qtbot, monkeypatch):
    """Each frame repaints only the strips the wipe crossed, skipping the focus frame and the
    stanza mark there (far from the strips) and the rows a strip does not reach: the picture
    built so must be the one a whole repaint gives, at every step."""
    from PySide6.QtGui import QRegion

    view, updated, frames = _focused_stanza_view(qtbot, monkeypatch)
    view.set_position(5500)
    assert view._wipe is not None and len(view._wipe.rows) >= 2  # wrapped
    image = view.grab().toImage()
    mark = QPoint(view.width() // 2, round(view._wipe.placed.top - 6))  # the stanza's rule
    assert image.pixelColor(mark) != QColor(THEMES["dark"].background)
    for step, t_ms in enumerate(range(5500, 9100, 16)):
        updated.clear()
        view.set_position(t_ms)
        for rect in updated:
            view.render(image, rect.topLeft(), QRegion(rect))
        if step % 25 == 0 or t_ms + 16 >= 9100:
            assert image == view.grab().toImage(), t_ms
    assert frames  # the whole repaints drew the frame


def test_the_focus_frame_is_drawn_only_where_a_repaint_reaches_it(qtbot, monkeypatch):
    from PySide6.QtGui import QImage, QRegion

    from karaoke.ui.shared.lyrics_paint import corners, reaches_focus_frame

    view, updated, frames = _focused_stanza_view(qtbot, monkeypatch)
    view.set_position(5500)
    whole = view.grab().toImage()
    assert frames == [1]
    accent = QColor(THEMES["dark"].accent)
    assert whole.pixelColor(QPoint(view.width() // 2, 2)) == accent  # the outline is there
    updated.clear()
    view.set_position(7000)  # the wipe moves: a strip in the middle of the view
    assert updated and not any(reaches_focus_frame(corners(r), 560, 420) for r in updated)
    frames.clear()
    image = whole.copy()
    for rect in updated:
        view.render(image, rect.topLeft(), QRegion(rect))
    assert frames == []  # not drawn for a strip it cannot show in
    assert image.pixelColor(QPoint(view.width() // 2, 2)) == accent  # and still on screen
    edge = QRect(200, 0, 40, 8)  # a repaint touching the top edge draws it again
    view.render(image, edge.topLeft(), QRegion(edge))
    assert frames == [1]
    assert image == view.grab().toImage()
    # Every pixel the frame paints lies in the band where a repaint draws it.
    view.set_position(5500)  # as when ``whole`` was taken
    view.clearFocus()
    without = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    with_frame = whole.convertToFormat(QImage.Format.Format_RGB32)
    frame_pixels = [
        (x, y)
        for y in range(view.height())
        for x in range(view.width())
        if with_frame.pixel(x, y) != without.pixel(x, y)
    ]
    assert frame_pixels
    assert all(reaches_focus_frame((x, y, x, y), 560, 420) for x, y in frame_pixels)
