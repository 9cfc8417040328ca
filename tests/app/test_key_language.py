"""One key language across the player, the presentation and the timing editor: a key that two
tables bind means the same thing in both, and the editor's own commands use keys the player
leaves free (see :class:`~karaoke.app.commands.TimingCommand` for why these keys)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from karaoke.app.commands import Command, PlayerCommand, PresentCommand
from karaoke.app.timing_commands import TimingCommand

P, S, T = PlayerCommand, PresentCommand, TimingCommand

#: The player's commands and the editor's commands that do the same thing.
SAME_ACTION: dict[PlayerCommand, frozenset[TimingCommand]] = {
    P.PLAY: frozenset({T.PLAY}),
    P.BACK: frozenset({T.BACK}),
    P.FORWARD: frozenset({T.FORWARD}),
    P.SLOWER: frozenset({T.SLOWER}),
    P.FASTER: frozenset({T.FASTER}),
    P.NORMAL_SPEED: frozenset({T.NORMAL_SPEED}),
    # Forward / back a line: the player jumps to it; the editor starts it (a tap: the clicker's
    # "next") or chooses it, and takes the last tap back (the clicker's "back").
    P.NEXT_LINE: frozenset({T.TAP, T.CHOOSE_NEXT}),
    P.PREVIOUS_LINE: frozenset({T.UNDO, T.CHOOSE_PREVIOUS}),
    P.HELP: frozenset({T.HELP}),
}
#: The same for the presentation.
SAME_WHILE_PRESENTING: dict[PresentCommand, frozenset[TimingCommand]] = {
    S.PLAY: frozenset({T.PLAY}),
    S.NEXT: frozenset({T.TAP, T.CHOOSE_NEXT}),
    S.PREVIOUS: frozenset({T.UNDO, T.CHOOSE_PREVIOUS}),
}


def bound(table: type[Command]) -> dict[str, Command]:
    """Each key of ``table`` (as Qt reads it) → its command."""
    return {QKeySequence(key).toString(): command for command in table for key in command.keys}


def test_a_key_the_player_and_the_editor_both_bind_means_the_same_in_both():
    player, editor = bound(PlayerCommand), bound(TimingCommand)
    different = {
        key: (player[key].name, editor[key].name)
        for key in player.keys() & editor.keys()
        if editor[key] not in SAME_ACTION.get(player[key], frozenset())  # type: ignore[call-overload]
    }
    assert different == {}


def test_where_the_editor_has_the_players_action_it_has_the_players_keys():
    for player_command, editor_commands in SAME_ACTION.items():
        if len(editor_commands) == 1:
            (editor_command,) = editor_commands
            assert set(player_command.keys) <= set(editor_command.keys), player_command
        else:  # a line forward / back: every key of the player's command is one of them
            keys = {key for command in editor_commands for key in command.keys}
            assert set(player_command.keys) <= keys, player_command


def test_the_keys_that_used_to_contradict_the_player_now_agree():
    editor = bound(TimingCommand)
    # − and + stay the player's text size, E its explanation panel
    assert "-" not in editor and "+" not in editor and "E" not in editor
    assert editor["["] is T.SLOWER and editor["]"] is T.FASTER and editor["="] is T.NORMAL_SPEED
    assert editor["Left"] is T.BACK and editor["Right"] is T.FORWARD and editor["Space"] is T.PLAY


def test_a_key_presenting_and_the_editor_both_bind_means_the_same_or_follows_the_player():
    """Presenting, a clicker's →/← also move by a line; the player (and the editor, a player of
    one's own media) seek with them: where those two differ, the editor follows the player."""
    player, present, editor = bound(PlayerCommand), bound(PresentCommand), bound(TimingCommand)
    different = {
        key: (present[key].name, editor[key].name)
        for key in present.keys() & editor.keys()
        if editor[key] not in SAME_WHILE_PRESENTING.get(present[key], frozenset())  # type: ignore[call-overload]
        and editor[key] not in SAME_ACTION.get(player.get(key), frozenset())  # type: ignore[call-overload]
    }
    assert different == {}


def test_no_editor_key_needs_altgr_on_a_spanish_keyboard():
    """Brackets, braces, backslash, @ and # need AltGr on a Spanish layout: only the speed keys
    use brackets, as in the player (the speed list is also a control)."""
    altgr = set("[]{}\\|@#~€¬")
    needing = {
        command.name
        for command in TimingCommand
        for key in command.keys
        if altgr & set(key) and command not in (T.SLOWER, T.FASTER)
    }
    assert needing == set()
