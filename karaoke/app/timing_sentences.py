"""What the timing editor says, as sentences made when they are shown: a :data:`Text` is called
each time its sentence is shown, so a window can say it again in a new interface language.
Contexts ``TimingController`` (about taps) and ``TimingDocument`` (about saving); times are
media ms."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from karaoke.core.tapping import Edge
from karaoke.core.timefmt import format_ms

#: A sentence for people, made in the interface's language each time it is called: what the
#: editor says is passed on as such, so a window can say it again after a language change.
Text = Callable[[], str]


def arg(text: str, *values: object) -> str:
    """``text`` (a translated sentence) with ``%1``, ``%2``… replaced by ``values``, in one pass
    (a value that holds ``%2`` stays as it is), as Qt's ``QString::arg`` does."""
    return re.sub(r"%(\d)", lambda match: str(values[int(match[1]) - 1]), text)


def edge_at(line: int, edge: Edge, media_ms: int) -> str:
    """ "Line 3 starts at 0:12.345" (``line`` 0-based), or "ends", in the interface's
    language."""
    if edge is Edge.START:
        text = QCoreApplication.translate("TimingController", "Line %1 starts at %2")
    else:
        text = QCoreApplication.translate("TimingController", "Line %1 ends at %2")
    return arg(text, line + 1, format_ms(media_ms))


def word_at(line: int, word: int, media_ms: int) -> str:
    """ "Line 3: word 2 starts at 0:12.345" (``line`` and ``word`` 0-based), in the
    interface's language."""
    text = QCoreApplication.translate("TimingController", "Line %1: word %2 starts at %3")
    return arg(text, line + 1, word + 1, format_ms(media_ms))


# Sentences with counts (no "%n" plurals: PySide's lupdate does not mark them, so a count has
# its sentences), made when said.


def resumed_text(timed: int, total: int, skipped: int) -> str:
    """What resuming a journal says: how far the taps got, and entries that were skipped."""
    message = arg(
        QCoreApplication.translate(
            "TimingDocument", "Resumed as before the editor closed (lines timed: %1 of %2)."
        ),
        timed,
        total,
    )
    if skipped == 1:
        message += " " + QCoreApplication.translate(
            "TimingDocument", "1 unreadable journal entry was skipped."
        )
    elif skipped:
        message += " " + arg(
            QCoreApplication.translate(
                "TimingDocument", "%1 unreadable journal entries were skipped."
            ),
            skipped,
        )
    return message


def saved_text(
    path: Path, count: int, backup: Path | None, words_lost: bool, play_hint: str
) -> str:
    """What a save says: the file and its lines, the kept old file, word timings a SubRip file
    cannot hold, and the command that plays the result."""
    if count == 1:
        saved = QCoreApplication.translate("TimingDocument", "Saved %1 (1 line).")
    else:
        saved = QCoreApplication.translate("TimingDocument", "Saved %1 (%2 lines).")
    said = [arg(saved, path.name, count)]
    if backup:
        said.append(
            arg(
                QCoreApplication.translate("TimingDocument", "The old file is kept as %1."),
                backup.name,
            )
        )
    if words_lost:
        said.append(
            QCoreApplication.translate(
                "TimingDocument",
                "Word timings are not in a SubRip file: Save as… .lrc keeps them.",
            )
        )
    said.append(arg(QCoreApplication.translate("TimingDocument", "Play it: %1"), play_hint))
    return " ".join(said)
