"""A library of its own for each test: two songs in its songs folder, and the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from karaoke.app.library import Library
from tests.core.test_library import make_song


@pytest.fixture
def library(tmp_path: Path) -> Library:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    library = Library(store, songs_folder=tmp_path / "songs", cache_file=tmp_path / "index.json")
    make_song(library.songs_folder / "atomo", "El átomo", lines=6, questions=True)
    make_song(library.songs_folder / "celula", "La célula", language="en")
    return library
