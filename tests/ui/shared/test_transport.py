"""The transport bar names every control for a screen reader, in the interface's language."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QSlider, QStyle, QStyleOptionSlider, QToolButton

from karaoke.core.timefmt import HOUR_MS
from karaoke.ui.shared.key_text import key_names
from karaoke.ui.shared.transport import SeekSlider, Transport
from tests.ui.interface_texts import in_language, shown_texts, untranslated


def _transport(qtbot) -> Transport:
    transport = Transport()
    qtbot.addWidget(transport)
    transport.show()
    return transport


def _controls(transport: Transport):
    return [w for kind in (QToolButton, QSlider, QComboBox) for w in transport.findChildren(kind)]


def test_every_control_has_a_name_and_a_description(qtbot):
    transport = _transport(qtbot)
    # The controls take no focus (keys go to the window's shortcuts), so unnamed_controls()'s
    # keyboard walk finds none; a screen reader still meets them by exploring: each must say
    # what it is and does.
    controls = _controls(transport)
    assert len(controls) == 8  # five buttons, the seek bar, volume and speed
    for control in controls:
        interface = QAccessible.queryAccessibleInterface(control)
        assert interface.text(QAccessible.Text.Name).strip(), control
        assert interface.text(QAccessible.Text.Description).strip(), control


def test_tool_tips_give_the_keys():
    assert key_names(("Up", "PgUp")) == "Up, PgUp"


def test_texts_follow_the_interface_language_and_come_back(qtbot):
    transport = _transport(qtbot)
    english = shown_texts(transport)
    with in_language("es"):
        spanish = shown_texts(transport)
        assert transport.play_pause.accessibleName() == "Reproducir / pausa"
        assert transport.volume.toolTip() == "Volumen"
        # Qt's own catalog names the keys: "PgUp" is not left in English.
        assert "PgUp" not in transport.previous_line.toolTip()
    assert untranslated(english, spanish) == []
    assert shown_texts(transport) == english


def test_the_time_shows_whole_seconds_and_the_marks_sit_where_each_stanza_starts(qtbot):
    """Followed at every frame: the label changes only with a shown second (or the length),
    and the stanza marks, measured together, sit where each mark measured alone does, in
    order along the groove."""
    transport = _transport(qtbot)
    transport.resize(800, transport.sizeHint().height())
    transport.set_length(160_800)
    shown: list[str] = []
    for position_ms in [*range(29_000, 31_000, 17), 31_000]:  # a frame every 17 ms, 2 s
        transport.show_position(position_ms)
        if not shown or shown[-1] != transport.time_label.text():
            shown.append(transport.time_label.text())
    assert shown == ["0:29 / 2:40", "0:30 / 2:40", "0:31 / 2:40"]
    transport.set_length(61_000)
    transport.show_position(31_000)
    assert transport.time_label.text() == "0:31 / 1:01"
    marks = [0, 9_600, 30_000, 61_000]
    seek = transport.seek
    for mark, x in zip(marks, seek.marks_x(marks), strict=True):  # each mark under the handle
        seek.setValue(mark)  # would put there, as Qt's style draws it
        option = QStyleOptionSlider()
        seek.initStyleOption(option)
        handle = seek.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, seek
        )
        assert abs(handle.center().x() - x) <= 1, mark
    assert seek.marks_x(marks) == sorted(set(seek.marks_x(marks)))


def _followed_as_before(slider: QSlider, position_ms: int) -> None:
    """How the seek bar followed playback when it asked Qt for everything at every frame."""
    if slider.isSliderDown():
        return
    ms_per_pixel = slider.maximum() / max(1, slider.width())
    if abs(position_ms - slider.value()) < ms_per_pixel:
        return
    slider.blockSignals(True)
    slider.setValue(position_ms)
    slider.blockSignals(False)


OPERATIONS = st.one_of(
    st.tuples(st.just("frame"), st.integers(-1_000, 200_000)),
    st.tuples(st.just("frames"), st.integers(0, 190_000)),  # a second of frames from there
    st.tuples(st.just("length"), st.integers(0, 200_000)),
    st.tuples(st.just("user"), st.integers(0, 200_000)),  # a click or a drag sets the value
    st.tuples(st.just("down"), st.booleans()),
    st.tuples(st.just("width"), st.integers(60, 1600)),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(OPERATIONS, max_size=30))
def test_the_seek_bar_follows_playback_as_it_did_asking_qt_less(qtbot, operations):
    """The seek bar keeps its value and maximum from Qt's notices instead of asking at every
    frame: after any mix of frames, song lengths, the user's clicks and drags, and resizes, its
    handle is where the old way put it."""
    seek, before = SeekSlider(), SeekSlider()
    for slider in (seek, before):
        qtbot.addWidget(slider)
        slider.setFixedWidth(800)
        slider.show()
    for name, argument in operations:
        for slider in (seek, before):
            if name == "length":
                slider.setRange(0, argument)
            elif name == "user":
                slider.setValue(argument)
            elif name == "down":
                slider.setSliderDown(argument)
            elif name == "width":
                slider.setFixedWidth(argument)
        positions = range(argument, argument + 1000, 16) if name == "frames" else [argument]
        for position_ms in positions if name in ("frame", "frames") else []:
            seek.show_position(position_ms)
            _followed_as_before(before, position_ms)
            assert seek.value() == before.value(), (name, position_ms)
        assert seek.width() == before.width()
        assert seek.value() == before.value() and seek.maximum() == before.maximum()


@pytest.mark.parametrize(
    ("length_ms", "position_ms"),
    [(160_800, 159_000), (160_800, -5_000), (2 * HOUR_MS, 2 * HOUR_MS - 1_000), (0, 0)],
)
def test_the_time_label_has_room_for_its_song_s_times_and_no_more(qtbot, length_ms, position_ms):
    """The label is as wide as the widest time of its song's length ("-00:00 / 00:00" under an
    hour): never clipped, and no room kept for hours a 3-minute song never shows."""
    transport = _transport(qtbot)
    transport.set_length(length_ms)
    transport.show_position(position_ms)
    label = transport.time_label
    assert label.minimumWidth() >= label.fontMetrics().horizontalAdvance(label.text())
    hours = label.fontMetrics().horizontalAdvance("0:00:00 / 0:00:00")
    assert (label.minimumWidth() >= hours) == (length_ms >= HOUR_MS)
