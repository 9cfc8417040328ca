"""What the class reads speaks the explanations' language, whatever the interface's: a Spanish
interface presenting English explanations shows English on the projector, and the other way."""

from __future__ import annotations

from string import Formatter

import pytest
from PySide6.QtCore import Qt

from karaoke.app.commands import PresentCommand as C
from karaoke.ui.present.audience_text import AUDIENCE_TEXT, audience_text
from tests.ui.interface_texts import in_language
from tests.ui.present.conftest import press

#: Strings that read the same in Spanish (a number and a unit).
SAME_IN_SPANISH = {"size"}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


@pytest.mark.parametrize("key", list(AUDIENCE_TEXT))
def test_every_audience_string_has_spanish_with_the_same_placeholders(key):
    english, spanish = str(AUDIENCE_TEXT[key]), _unformatted("es", key)
    assert fields(spanish) == fields(english)
    assert (spanish == english) == (key in SAME_IN_SPANISH), spanish


def _unformatted(language: str, key: str) -> str:
    """The translation with its placeholders left in (each filled with its own name)."""
    english = str(AUDIENCE_TEXT[key])
    return audience_text(language, key, **{name: "{" + name + "}" for name in fields(english)})


def test_english_explanations_under_a_spanish_interface(present, qtbot):
    presentation = present(language="en")
    audience, console = presentation.audience, presentation.console
    with in_language("es"):
        press(qtbot, presentation, Qt.Key.Key_Space)
        assert presentation.notice.title.text() == "Playing"  # the class's language
        assert console.badge.text() == "REPRODUCIENDO"  # the teacher's
        audience.show_teaching(presentation.song, 1, presentation.language)
        assert audience.teaching.position.text() == "Stanza 2 of 10"
        # The key named in the class's language too (Qt's Spanish would say "Av Pág").
        assert audience.teaching.continue_hint.text() == "→ / PgDown to continue"
        presentation.actions[C.TEACHING].trigger()
        assert presentation.notice.title.text() == "Teaching pauses on"


def test_spanish_explanations_under_an_english_interface(present, qtbot):
    presentation = present(language="es")
    press(qtbot, presentation, Qt.Key.Key_Space)
    assert presentation.notice.title.text() == "Reproduciendo"
    assert presentation.console.badge.text() == "PLAYING"
    presentation.audience.show_teaching(presentation.song, 1, presentation.language)
    assert presentation.audience.teaching.position.text() == "Estrofa 2 de 10"
