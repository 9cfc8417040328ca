"""The command tables: what the menus, shortcuts, F1 and the README are made from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from karaoke.app.command import key_name
from karaoke.app.commands import PlayerCommand, PresentCommand
from karaoke.app.key_tables import keyed, keys_markdown
from karaoke.app.timing_commands import TimingCommand
from karaoke.app.translations import install_language
from tests.conftest import REPO

TABLES = (PlayerCommand, PresentCommand, TimingCommand)


@pytest.mark.parametrize("table", TABLES)
def test_every_command_has_a_label_and_help(table):
    for command in table:
        assert command.label and command.help
        assert "&" not in command.help


@pytest.mark.parametrize("table", TABLES)
def test_no_key_does_two_things_in_one_program(table):
    keys = [key for command in table for key in command.keys]
    assert len(keys) == len(set(keys))


def test_help_defaults_to_the_label_without_its_mnemonic():
    assert PlayerCommand.OPEN_MEDIA.help == "Open media"
    assert PlayerCommand.QUIT.help == "Quit"


def test_the_key_tables_list_only_commands_with_keys_in_table_order():
    listed = keyed(PlayerCommand)
    assert PlayerCommand.ABOUT not in listed and PlayerCommand.OPEN_MEDIA not in listed
    assert listed[:3] == [PlayerCommand.PLAY, PlayerCommand.BACK, PlayerCommand.FORWARD]


def test_the_markdown_table():
    markdown = keys_markdown(PresentCommand, "while presenting").splitlines()
    assert markdown[:2] == ["| keys | while presenting |", "| --- | --- |"]
    assert len(markdown) == 2 + len(keyed(PresentCommand))
    assert "| `G` | Lyrics 50 ms earlier |" in markdown


def test_readme_lists_every_key_of_the_window_and_of_presenting():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert keys_markdown(PlayerCommand) in readme
    assert keys_markdown(PresentCommand, "while presenting") in readme


#: Key names Qt translates ("Control", "Mayúsculas", "Escape" in Spanish): never written into a
#: sentence, or Spanish would say "Ctrl" where its menus and F1 say "Control".
HAND_WRITTEN_KEY = re.compile(r"\b(Ctrl|Shift|Alt|Esc|PgUp|PgDn|PgDown|Space|Backspace)\b")


@pytest.mark.parametrize("table", TABLES)
def test_no_label_or_help_line_writes_a_key_name_itself(table):
    for command in table:
        for text in (command.label, command.help_source):
            assert not HAND_WRITTEN_KEY.search(text), (command, text)
        assert len(re.findall(r"%\d", command.help_source)) == len(command.help_keys), command


def test_a_help_line_names_its_keys_as_qt_names_them(qapp):
    assert PlayerCommand.BIGGER.help == "Bigger lyrics (also Ctrl + mouse wheel)"  # the README
    assert PlayerCommand.BIGGER.help_text == "Bigger lyrics (also Ctrl + mouse wheel)"
    with spanish():
        assert key_name("Ctrl") == "Control"  # Qt's own catalog, as its menus say it
        assert (
            PlayerCommand.BIGGER.help_text == "Letra más grande (también Control + rueda del ratón)"
        )
        assert "Control + rueda" in PresentCommand.BIGGER.help_text


@contextmanager
def spanish() -> Iterator[None]:
    install_language("es")
    try:
        yield
    finally:
        install_language("en")
