"""The timing editor's key table (:class:`TimingCommand`): complete, without clashes, every key
a real key sequence, and the same table in the docs and in F1."""

from html import escape

from PySide6.QtGui import QKeySequence

from karaoke.app.commands import TimingCommand
from karaoke.app.key_tables import keys_markdown
from karaoke.ui.timing.keys import KEY_HINT, MOUSE_HELP, help_html
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


def test_help_lists_every_key_and_what_the_mouse_does():
    html = help_html()
    for command in TimingCommand:
        assert escape(command.help) in html, command
        assert escape(" / ".join(command.keys)) in html, command
    assert html.endswith(MOUSE_HELP) and "wheel to zoom" in MOUSE_HELP


def test_the_reminder_names_keys_of_the_table():
    keys = {key for command in TimingCommand for key in command.keys}
    for shown in ("Space", "E", "W", "R", "L", "P", "Ctrl+S", "F1", "[", "]", "{", "}"):
        assert f"<b>{shown}" in KEY_HINT or f" {shown}</b>" in KEY_HINT, shown
        assert shown in keys, shown
