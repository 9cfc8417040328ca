"""Fixtures for the player tests: Qt runs offscreen, libvlc with dummy audio and video outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.player.helpers import DUMMY_OUTPUTS, write_tone

# Before any Qt import: no display is needed (tests/conftest.py sets it too; this keeps the
# player tests right when run on their own from another root).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="module")
def instance():
    """A libvlc instance with dummy outputs; requested only by tests that play real media."""
    from karaoke.player.vlc_player import load_libvlc

    vlc_instance, problem = load_libvlc(DUMMY_OUTPUTS)
    assert vlc_instance is not None, problem
    yield vlc_instance
    vlc_instance.release()


@pytest.fixture(scope="session")
def media(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def tone_3s(media) -> Path:
    return write_tone(media / "tone-3s.wav", 3)


@pytest.fixture(scope="session")
def tone_10s(media) -> Path:
    # Seek tests use a longer file: libvlc 3 reads a file of a few seconds to its end at once,
    # and a seek after that (dummy output or not) may end playback early.
    return write_tone(media / "tone-10s.wav", 10)
