"""The timing editor's key table: complete, without clashes, and the same in the docs."""

from PySide6.QtGui import QKeySequence

from karaoke.ui.timing.keys import (
    SYNC_DESCRIPTIONS,
    SYNC_SHORTCUTS,
    sync_keys_html,
    sync_keys_markdown,
)
from tests.conftest import REPO


def test_every_command_has_keys_and_a_description():
    assert set(SYNC_SHORTCUTS) == set(SYNC_DESCRIPTIONS)
    assert all(SYNC_SHORTCUTS.values())


def test_no_key_does_two_things():
    keys = [QKeySequence(key).toString() for keys in SYNC_SHORTCUTS.values() for key in keys]
    assert all(keys)  # every string parses
    assert len(keys) == len(set(keys))


def test_the_docs_list_every_key():
    doc = (REPO / "docs" / "timing-editor.md").read_text()
    assert sync_keys_markdown() in doc


def test_help_lists_every_key():
    html = sync_keys_html()
    for text in SYNC_DESCRIPTIONS.values():
        assert text.split(" (")[0] in html
