"""The garbage collector is paused while a reader runs, and left as it was found."""

import gc

import pytest

from karaoke.core.formats.ass import read_ass
from karaoke.core.formats.nogc import no_gc


@pytest.fixture
def restore_gc():
    was_enabled = gc.isenabled()
    yield
    (gc.enable if was_enabled else gc.disable)()


def test_paused_inside_and_enabled_again_after(restore_gc):
    gc.enable()
    with no_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_enabled_again_after_an_error(restore_gc):
    gc.enable()
    with pytest.raises(ValueError), no_gc():
        raise ValueError
    assert gc.isenabled()


def test_a_program_that_turned_it_off_keeps_it_off(restore_gc):
    gc.disable()
    with no_gc():
        pass
    assert not gc.isenabled()


def test_reading_a_file_leaves_it_as_it_was(restore_gc):
    gc.enable()
    read_ass(b"[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\k50}hola\n", "a.ass")
    assert gc.isenabled()
