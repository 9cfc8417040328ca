"""The key tables made from a command table (:mod:`karaoke.app.commands`): HTML for F1, Markdown
for the README (a test keeps the README's tables equal to them)."""

from __future__ import annotations

from html import escape

from karaoke.app.commands import Command


def keyed(commands: type[Command]) -> list[Command]:
    """The commands that have keys, in table order: what the key tables list."""
    return [command for command in commands if command.keys]


def keys_html(commands: type[Command]) -> str:
    """An HTML table of keys and help lines (F1)."""
    rows = "".join(
        f"<tr><td><b>{escape(' / '.join(command.keys))}</b></td>"
        f"<td>{escape(command.help_text)}</td></tr>"
        for command in keyed(commands)
    )
    return f"<table cellspacing='6'>{rows}</table>"


def keys_markdown(commands: type[Command], heading: str = "action") -> str:
    """The same table in Markdown, for the README and the docs."""
    rows = "\n".join(
        f"| {' / '.join(f'`{key}`' for key in command.keys)} | {command.help} |"
        for command in keyed(commands)
    )
    return f"| keys | {heading} |\n| --- | --- |\n{rows}"
