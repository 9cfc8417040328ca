"""The key tables made from a command table (:mod:`karaoke.app.commands`): the keyed commands
(F1's key sheet lists them) and Markdown for the README (a test keeps the README's tables equal
to them; they stay English)."""

from __future__ import annotations

from karaoke.app.commands import Command


def keyed(commands: type[Command]) -> list[Command]:
    """The commands that have keys, in table order: what the key tables list."""
    return [command for command in commands if command.keys]


def keys_markdown(commands: type[Command], heading: str = "action") -> str:
    """The same table in Markdown, for the README and the docs."""
    rows = "\n".join(
        f"| {' / '.join(f'`{key}`' for key in command.keys)} | {command.help} |"
        for command in keyed(commands)
    )
    return f"| keys | {heading} |\n| --- | --- |\n{rows}"
