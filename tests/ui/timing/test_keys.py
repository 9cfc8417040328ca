"""The timing editor's key table (:class:`TimingCommand`): complete, without clashes, every key
a real key sequence, and the same table in the docs and in F1."""

from PySide6.QtGui import QKeySequence

from karaoke.app.key_tables import keys_markdown
from karaoke.app.timing_commands import TimingCommand
from karaoke.ui.timing.keys import key_hint, mouse_help
from tests.conftest import REPO


def test_every_command_has_keys_a_label_and_a_help_line():
    for command in TimingCommand:
        assert command.keys and command.label and command.help, command


def test_no_key_does_two_things():
    keys = [QKeySequence(key).toString() for command in TimingCommand for key in command.keys]
    assert all(keys)  # every string parses
    assert len(keys) == len(set(keys))


def test_every_key_parses_to_one_key_combination():
    for command in TimingCommand:
        for key in command.keys:
            sequence = QKeySequence(key)
            assert sequence.count() == 1, (command, key)
            assert QKeySequence(sequence.toString()) == sequence, (command, key)


def test_the_docs_list_every_key():
    doc = (REPO / "docs" / "timing-editor.md").read_text()
    assert keys_markdown(TimingCommand) in doc


def test_the_mouse_help_says_what_each_click_does():
    assert "wheel to zoom" in mouse_help() and "Shift+click" in mouse_help()


def test_the_reminder_names_keys_of_the_table():
    keys = {key for command in TimingCommand for key in command.keys}
    hint = key_hint()
    for shown in ("Space", "Return", "Shift+Return", "W", "R", "L", "Ctrl+S", "F1"):
        assert f"<b>{shown}</b>" in hint, shown
        assert shown in keys, shown
