"""Fixtures for the player tests: Qt runs offscreen, libvlc with dummy audio and video outputs."""

from __future__ import annotations

import os

# Before any Qt import: no display is needed (tests/conftest.py sets it too; this keeps the
# player tests right when run on their own from another root).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
