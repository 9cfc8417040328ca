"""Actions made from the command tables: keys bound, slots called, every program complete."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from karaoke.app.commands import PlayerCommand, PresentCommand
from karaoke.app.timing_commands import TimingCommand
from karaoke.ui.shared.actions import bind_actions


def test_every_key_parses():
    for table in (PlayerCommand, PresentCommand, TimingCommand):
        for command in table:
            for key in command.keys:
                assert QKeySequence(key).toString(), (command, key)


def test_bound_actions_carry_label_keys_and_slot(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    called = []
    actions = bind_actions(
        owner,
        {PlayerCommand.PLAY: lambda: called.append("play"), PlayerCommand.TEACHING: lambda: None},
        checkable=frozenset({PlayerCommand.TEACHING}),
    )
    play = actions[PlayerCommand.PLAY]
    assert play.text() == "&Play / pause" and play in owner.actions()
    assert [k.toString() for k in play.shortcuts()] == ["Space"]
    assert actions[PlayerCommand.TEACHING].isCheckable() and not play.isCheckable()
    play.trigger()
    assert called == ["play"]


def test_the_main_window_has_an_action_for_every_command(window):
    assert set(window.actions_by_command) == set(PlayerCommand)
    assert all(action in window.actions() for action in window.actions_by_command.values())
