"""The player window for keyboard and screen-reader users: every control named and described,
Tab from the lyrics to the explanation panel (the transport's controls take no focus, so that
Space and the arrows always reach the window; each of their functions has a key instead),
every command on a key or in a menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from karaoke.app.commands import PlayerCommand as P
from karaoke.ui.player.accessibility import focus_chain
from tests.ui.interface_texts import in_language, keyboard_controls, unnamed_controls


def test_every_keyboard_control_has_a_name_and_a_description(window):
    assert unnamed_controls(window) == []
    with in_language("es"):
        assert unnamed_controls(window) == []


def tab_walk(window, steps: int) -> list[QWidget]:
    """The widgets focus visits from the lyrics on, pressing Tab ``steps`` times."""
    window.lyrics.setFocus()
    visited = [window.lyrics]
    for _ in range(steps):
        visited.append(visited[-1].nextInFocusChain())
        while not (
            visited[-1].focusPolicy() & Qt.FocusPolicy.TabFocus and visited[-1].isVisibleTo(window)
        ):
            visited[-1] = visited[-1].nextInFocusChain()
    return visited


def test_tab_goes_from_the_lyrics_to_the_explanation_panel(window):
    chain = [w for w in focus_chain(window) if w.isVisibleTo(window) and w.isEnabled()]
    walked = tab_walk(window, len(chain) - 1)
    assert walked == chain
    transport = [w for w in chain if window.transport.isAncestorOf(w)]
    panel = [w for w in chain if window.panel.isAncestorOf(w)]
    assert chain[0] is window.lyrics and panel
    # The transport's buttons take no focus (their keys work from anywhere: Space, arrows…);
    # any that does comes between the lyrics and the panel.
    assert all(chain.index(t) < chain.index(panel[0]) for t in transport)
    assert set(chain) >= set(keyboard_controls(window)) - {window}


def test_every_command_has_a_key_or_a_menu_entry(window):
    in_menus = {action for top in window.menuBar().actions() for action in top.menu().actions()}
    for command, action in window.actions_by_command.items():
        reachable = bool(action.shortcuts()) or (action in in_menus)
        assert reachable, command
    assert window.action(P.OPEN).shortcuts()[0].toString() == "Ctrl+O"


def test_the_transport_takes_no_focus_and_each_of_its_functions_has_a_key(window):
    t = window.transport
    focusable = [
        w
        for w in t.findChildren(QWidget)
        # Not the speed list's popup: a window of its own, open only while the list is.
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.window() is window
    ]
    assert focusable == []
    by_control = {
        "play / pause": [P.PLAY],
        "seek bar": [P.BACK, P.FORWARD],
        "line and stanza buttons": [P.PREVIOUS_LINE, P.NEXT_LINE],
        "stanza buttons": [P.PREVIOUS_STANZA, P.NEXT_STANZA],
        "volume": [P.VOLUME_DOWN, P.VOLUME_UP, P.MUTE],
        "speed": [P.SLOWER, P.FASTER, P.NORMAL_SPEED],
    }
    keyless = [c.name for cs in by_control.values() for c in cs if not window.action(c).shortcuts()]
    assert keyless == []
