"""The one error type of the core, and the non-fatal problems that ``karaoke check`` lists."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


def _where(path: str | Path, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


class SongError(Exception):
    """A song, lyrics or manifest file that cannot be used.

    Carries the file and, where it applies, the 1-based line number, so every message
    reads ``file:line: message`` like a compiler's.
    """

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = str(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {self.message}"


class Severity(Enum):
    """ERROR: the song would play wrong (a cue was not read). WARNING: worth fixing."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a song that still loads; ``line`` is 1-based or None."""

    path: str
    line: int | None
    message: str
    severity: Severity = Severity.WARNING

    @property
    def where(self) -> str:
        return _where(self.path, self.line)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    def as_error(self) -> SongError:
        return SongError(self.path, self.message, self.line)
