"""What the timing editor edits, without a widget: the taps, their autosave journal and the
files they are saved to.

:class:`TimingDocument` holds the tapping session (:class:`~karaoke.core.tapping.TapSession`)
wrapped in :class:`~karaoke.core.journal.JournaledTaps`: every change goes through
:meth:`TimingDocument.apply`, which writes it to the journal beside the output before anything
else happens. It resumes an earlier session's journal, saves timed lyrics (.srt or .lrc, atomic,
the old file kept as ``.bak``) or a new song package, and says what happened in sentences
(signals) for a window to show, in the interface's language (context ``TimingDocument``). A disk that says no never loses a tap: the taps stay in memory
(and in the journal when that can be written), and the sentence says where to save instead.

:class:`~karaoke.app.timing.TimingController` adds tapping and playback on top.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Signal

from karaoke.app.timing_sentences import Text, arg, resumed_text, saved_text
from karaoke.app.translations import current_language
from karaoke.core.errors import SongError
from karaoke.core.formats import write_lyrics
from karaoke.core.journal import Journal, JournaledTaps, journal_path, replay
from karaoke.core.model import Line, Lyrics
from karaoke.core.package_writer import new_package
from karaoke.core.tapping import TapError, TapSession

#: How long the sentence after a save (it holds the command to play the result) shows, in ms.
SAVED_MESSAGE_MS = 15_000
#: How long "Resumed: …" shows, in ms.
RESUMED_MESSAGE_MS = 8_000


@dataclass(frozen=True, slots=True)
class ResumeOffer:
    """An earlier session left unsaved taps for ``output``: what the resume question shows."""

    output: Path
    changed: str  # when the journal last changed, e.g. "7 Mar 18:42" (interface's language)
    timed: int  # lines with a time in it
    total: int


class TimingDocument(QObject):
    """The taps of one set of lyrics, journaled, and their saving to ``output``.

    ``title`` names the song in what is saved (a package's title, the LRC ``[ti:]``).
    ``confirm_partial`` answers "save although this many lines have no time yet?"; without it
    the timed lines are saved and the others left out. ``dirty``: there are changes that no
    saved file holds (the journal does).
    """

    changed = Signal()  # the times, the word mode or the output changed: show them again
    status = Signal(object, bool, int)  # a Text, whether it warns (beeps), for how many ms
    banner = Signal(object)  # a Text that stays until dismissed
    banner_cleared = Signal()  # what the banner said no longer holds (the taps are saved)
    saved = Signal(Path)  # the file (or a package's song.toml) just written

    def __init__(
        self,
        media: Path,
        lyrics: Lyrics,
        output: Path,
        title: str,
        confirm_partial: Callable[[int], bool] | None = None,
    ) -> None:
        super().__init__()
        self.media = media
        self.lyrics_path = Path(lyrics.path)
        self.output = output
        self.title = title
        self.confirm_partial = confirm_partial
        self.dirty = False
        self.saved_path: Path | None = None
        #: How a key is named in a sentence ("Ctrl+S" → "Control+S" in Spanish): the window
        #: gives Qt's names, as its menus show them (this layer has no QtGui to ask).
        self.key_name: Callable[[str], str] = lambda key: key
        self.autosave = JournaledTaps(
            TapSession.from_lyrics(lyrics), Journal(journal_path(output)), self.journal_header()
        )

    @property
    def taps(self) -> TapSession:
        return self.autosave.taps

    @property
    def journal(self) -> Journal:
        return self.autosave.journal

    def say(self, message: Text, *, warn: bool = False, timeout_ms: int = 5000) -> None:
        """A sentence for the status line (made when shown, and again on a language change);
        a warning also beeps."""
        self.status.emit(message, warn, timeout_ms)

    # Changing, journaled ----------------------------------------------------------------------

    def apply(self, event: Mapping[str, Any]) -> Any:
        """Perform one tapping event (journaled before anything else), then say ``changed``.
        Returns what the event returns (True for None), or None after saying why it could not
        be done."""
        was_failing = self.autosave.failure is not None
        try:
            result = self.autosave.apply(event)
        except TapError as error:
            message = str(error)
            self.say(lambda: message[:1].upper() + message[1:], warn=True)
            return None
        self.report_autosave(was_failing)
        self.dirty = True
        self.changed.emit()
        return result if result is not None else True

    def report_autosave(self, was_failing: bool) -> None:
        """Say once that autosave stopped working (the taps stay in memory), and when it is back."""
        failure = self.autosave.failure
        if failure is not None and not was_failing:
            save_key = self.key_name("Ctrl+S")
            self.banner.emit(
                lambda: arg(
                    QCoreApplication.translate(
                        "TimingDocument",
                        "Autosave is not working — %1. Your taps are kept while the editor is "
                        "open: save them (%2), or elsewhere with File ▸ Save as…",
                    ),
                    failure,
                    save_key,
                )
            )
        elif failure is None and was_failing:
            self.say(lambda: QCoreApplication.translate("TimingDocument", "Autosave works again."))

    def journal_header(self) -> dict[str, str]:
        """What the top of every journal records besides the state: the files it is about."""
        return {
            "media": str(self.media),
            "lyrics": str(self.lyrics_path),
            "output": str(self.output),
        }

    def resume_or_start(self, resume: Callable[[ResumeOffer], bool]) -> None:
        """Offer an earlier session's journal to ``resume``: resumed if it says so, deleted if
        not. Without a journal nothing happens; one that cannot be read is reported and left."""
        if not self.journal.exists():
            return
        try:
            resumed = replay(self.journal.path)
        except SongError as error:
            why = str(error)  # ``error`` is unbound after this block; the Text is made later
            self.banner.emit(
                lambda: arg(
                    QCoreApplication.translate(
                        "TimingDocument",
                        "An autosave journal was found but cannot be read (%1); starting afresh.",
                    ),
                    why,
                )
            )
            return
        total = len(resumed.session)
        timed = total - resumed.session.untimed_count
        modified = QDateTime.fromSecsSinceEpoch(int(self.journal.path.stat().st_mtime))
        changed = QLocale(current_language()).toString(modified, "d MMM HH:mm")
        if not resume(ResumeOffer(self.output, changed, timed, total)):
            self.journal.discard()
            return
        self.autosave.taps = resumed.session
        self.dirty = True
        self.say(
            partial(resumed_text, timed, total, resumed.skipped), timeout_ms=RESUMED_MESSAGE_MS
        )
        self.autosave.restart()
        self.report_autosave(was_failing=False)

    # Saving -----------------------------------------------------------------------------------

    def save(self) -> bool:
        return self.save_to(self.output)

    def save_to(self, path: Path) -> bool:
        """Write the timed lines to ``path`` (.srt or .lrc), which becomes the output (and the
        journal moves beside it). A failure says why in the banner and keeps every tap (in
        memory and in the journal). Returns whether the file was written."""
        lines = self._lines_to_save()
        if lines is None:
            return False
        try:
            backup = write_lyrics(
                path, lines, stanza_starts=self.taps.timed_stanza_starts(), title=self.title
            )
        except SongError as error:
            self._save_failed(error)
            return False
        words_lost = any(line.words for line in lines) and path.suffix.lower() != ".lrc"
        said = partial(saved_text, path, len(lines), backup, words_lost, self.play_hint(path))
        if path != self.output:
            self.output = path
            self.autosave.move(Journal(journal_path(path)), self.journal_header())
        self._saved(path, said)
        return True

    def save_package(self, folder: Path) -> bool:
        """Write a new song package in ``folder`` (see :func:`new_package`); the output stays."""
        lines = self._lines_to_save()
        if lines is None:
            return False
        try:
            manifest = new_package(
                folder,
                title=self.title,
                lines=lines,
                stanza_starts=self.taps.timed_stanza_starts(),
                media=self.media,
            )
        except SongError as error:
            self._save_failed(error)
            return False
        self._saved(
            manifest,
            lambda: arg(
                QCoreApplication.translate(
                    "TimingDocument",
                    "Song package saved in %1. Write the stanza explanations in %2; "
                    "'karaoke check %1' lists what is missing. Play it: karaoke %1",
                ),
                folder,
                manifest.name,
            ),
        )
        return True

    def play_hint(self, path: Path) -> str:
        """The command that plays the media with the lyrics saved at ``path``."""
        if path.parent == self.media.parent and path.stem == self.media.stem:
            return f"karaoke {self.media}"
        return f"karaoke {self.media} --lyrics {path}"

    def _lines_to_save(self) -> tuple[Line, ...] | None:
        lines = self.taps.to_lines()
        if not lines:
            play, tap = self.key_name("Space"), self.key_name("Return")
            self.say(
                lambda: arg(
                    QCoreApplication.translate(
                        "TimingDocument",
                        "Nothing is timed yet: play (%1) and tap (%2) as each line starts.",
                    ),
                    play,
                    tap,
                ),
                warn=True,
            )
            return None
        untimed = self.taps.untimed_count
        if untimed and self.confirm_partial is not None and not self.confirm_partial(untimed):
            return None
        return lines

    def _save_failed(self, error: SongError) -> None:
        journal_works = not self.autosave.failure

        def text() -> str:
            if journal_works:
                said = QCoreApplication.translate(
                    "TimingDocument",
                    "Not saved — %1. Your taps are safe (in memory and in the autosave "
                    "journal): free some space, or choose another place with File ▸ Save as…",
                )
            else:
                said = QCoreApplication.translate(
                    "TimingDocument",
                    "Not saved — %1. Your taps are safe (in memory): free some space, or choose "
                    "another place with File ▸ Save as…",
                )
            return arg(said, error)

        self.banner.emit(text)
        self.say(lambda: QCoreApplication.translate("TimingDocument", "Not saved."), warn=True)

    def _saved(self, path: Path, message: Text) -> None:
        self.autosave.saved()
        self.dirty = False
        self.saved_path = path
        self.banner_cleared.emit()
        self.say(message, timeout_ms=SAVED_MESSAGE_MS)
        self.saved.emit(path)
