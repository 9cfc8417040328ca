"""Playing a lesson: its items in order, each only its stanzas, without a gap between them.

QtCore only, so that any window (the player, the presentation) or a remote can drive it. The
window gives two functions: ``set_up`` makes a song's player and session (as it does for any
song, :func:`karaoke.app.song_setup.set_up_song`), ``show`` puts a set-up song on screen at a
position (and closes the song it replaces). This object decides what plays when:

- an item starts :data:`LEAD_IN_MS` before its first stanza's first line (the bars before it,
  never before the previous stanza's last line ends; the song's very start for stanza 1);
- when the item's last stanza has been sung (and, with teaching pauses, explained), the next
  item starts at once: its song was opened and its player made while this one played
  (:meth:`LessonRun._prepare_next`), so nothing is read from disk at the switch;
- the item's teaching pauses are on or off as it says; only its chosen questions are left in
  the song the window gets (:func:`karaoke.core.lesson.item_song`);
- where the class is (item and position) is remembered in :class:`Settings` while it plays,
  for "resume where the class stopped"; finishing the lesson forgets it.

Positions are media ms unless named ``lyrics``; an item's ``start_ms``/``end_ms`` are lyrics ms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from karaoke.app.session import PlaybackSession
from karaoke.app.settings import Settings
from karaoke.app.song_setup import SongSetup
from karaoke.core.errors import SongError
from karaoke.core.lesson import Lesson, LessonItem, item_song, item_stanzas
from karaoke.core.model import Song
from karaoke.core.package import OpenedSong, open_song

#: How long before an item's first sung line it starts, in ms: the singers hear the bars before.
LEAD_IN_MS = 2_000
#: Where the class is, remembered at most this often while playing (media ms moved).
SAVE_EVERY_MS = 2_000


def open_for_lesson(path: Path) -> OpenedSong:
    """Open an item's song to play it: problems that would make it play wrong refuse it."""
    opened = open_song(path)
    opened.refuse_errors(path)
    return opened


def item_span_ms(song: Song, stanzas: range) -> tuple[int, int]:
    """(start, end) in lyrics ms of an item playing ``stanzas`` of ``song``: from the lead-in
    before its first stanza's first line to the end of its last stanza's last line. Without
    stanzas (an empty range), the whole song."""
    if not stanzas or not song.lines:
        return 0, song.duration_ms
    first = song.stanzas[stanzas.start]
    last = song.stanzas[stanzas.stop - 1]
    first_line_ms = song.lines[first.first_line].start_ms
    before_ms = 0
    if stanzas.start > 0:
        before_ms = song.lines[song.stanzas[stanzas.start - 1].end_line - 1].end_ms
    start_ms = 0 if stanzas.start == 0 else max(before_ms, first_line_ms - LEAD_IN_MS)
    end_ms = max(line.end_ms for line in song.lines[last.first_line : last.end_line])
    return min(start_ms, first_line_ms), end_ms


@dataclass(slots=True)
class LessonStep:
    """One item of the lesson, opened and ready to play."""

    index: int
    item: LessonItem
    opened: OpenedSong  # the song as the item plays it (only its questions)
    stanzas: range  # the stanza indexes it plays
    start_ms: int  # lyrics ms: where it starts (with the lead-in)
    end_ms: int  # lyrics ms: where its last stanza's last line ends
    setup: SongSetup | None = None  # its player and session, once made

    @property
    def ends_song(self) -> bool:
        """Whether its last stanza is the song's last: the song may play out after it."""
        return self.stanzas.stop >= len(self.opened.song.stanzas)


#: ``show(step, media_ms, play)``: put the step's set-up song on screen at ``media_ms``, playing
#: or paused, its teaching pauses as its item says; close the song it replaces.
Show = Callable[[LessonStep, int, bool], None]


class LessonRun(QObject):
    """The running order of one lesson while it plays."""

    #: An item started (its index): ``current`` is its step, its session on screen.
    item_started = Signal(int)
    #: The last item's last stanza was sung: the lesson is over (its place forgotten).
    finished = Signal()
    #: An item's song could not be opened (``file:line: message``): it is skipped.
    skipped = Signal(str)

    def __init__(
        self,
        lesson: Lesson,
        set_up: Callable[[OpenedSong], SongSetup],
        show: Show,
        settings: Settings | None = None,
        open_item_song: Callable[[Path], OpenedSong] = open_for_lesson,
    ) -> None:
        super().__init__()
        self.lesson = lesson
        self._set_up = set_up
        self._show = show
        self._settings = settings
        self._open_song = open_item_song
        self.current: LessonStep | None = None
        self._next: LessonStep | None = None  # the next item, prepared while this one plays
        self._last_paused = False  # the current item's last stanza had its teaching pause
        self._switching = False  # a switch is queued (never inside the session's own signal)
        self._done = False
        self._saved_ms = -SAVE_EVERY_MS

    # Opening items ---------------------------------------------------------------------------

    def open_step(self, index: int) -> LessonStep:
        """Item ``index`` opened (its song read, not yet set up). Raises :class:`SongError`."""
        item = self.lesson.items[index]
        opened = self._open_song(item.song)
        stanzas = item_stanzas(item, opened.song)
        start_ms, end_ms = item_span_ms(opened.song, stanzas)
        song = item_song(item, opened.song)
        step_song = OpenedSong(song, opened.lyrics, opened.problems)
        return LessonStep(index, item, step_song, stanzas, start_ms, end_ms)

    def _openable(self, index: int, direction: int = 1) -> LessonStep | None:
        """The first item from ``index`` on (or back, ``direction`` -1) whose song opens; the
        others are said (``skipped``) and passed over."""
        while 0 <= index < len(self.lesson.items):
            if self._next is not None and self._next.index == index:
                step, self._next = self._next, None
                return step
            try:
                return self.open_step(index)
            except SongError as error:
                self.skipped.emit(str(error))
                index += direction
        return None

    def _prepare_next(self) -> None:
        """Open the next item's song and make its player now, while this one plays."""
        current = self.current
        if current is None or self._next is not None:
            return
        index = current.index + 1
        if index >= len(self.lesson.items):
            return
        try:
            step = self.open_step(index)
        except SongError:
            return  # said when the lesson gets there (it is then skipped)
        step.setup = self._set_up(step.opened)
        self._next = step

    def _drop_next(self) -> None:
        if self._next is not None and self._next.setup is not None:
            self._next.setup.session.close()
        self._next = None

    # Moving through the lesson -----------------------------------------------------------------

    def start(self, index: int = 0, media_ms: int | None = None, play: bool = True) -> bool:
        """Play item ``index`` from ``media_ms`` (None: its start). False when no item from
        there on can be opened."""
        return self.go_to(index, media_ms, play)

    def go_to(
        self, index: int, media_ms: int | None = None, play: bool = True, direction: int = 1
    ) -> bool:
        """Item ``index`` on screen from ``media_ms`` (None: its start); False if no item from
        there (in ``direction``) opens."""
        self._switching = False
        if self.current is not None and self._next is not None and self._next.index != index:
            self._drop_next()
        step = self._openable(index, direction)
        if step is None:
            return False
        if step.setup is None:
            step.setup = self._set_up(step.opened)
        self._leave_current()
        self.current, self._last_paused, self._done = step, False, False
        session = step.setup.session
        start = step.start_ms + session.offset_ms if media_ms is None else media_ms
        self._show(step, start, play)
        session = step.setup.session  # the same, or the presentation's if it started now
        # The stanzas before the item's start are behind it: no teaching pause for them (the
        # lead-in may start in the gap right after one).
        session.set_teaching(session.teaching)
        session.position_changed.connect(self._on_position)
        session.teaching_paused.connect(self._on_teaching_pause)
        self._save(start, force=True)
        self.item_started.emit(step.index)
        QTimer.singleShot(0, self._prepare_next)
        return True

    def _leave_current(self) -> None:
        current = self.current
        if current is not None and current.setup is not None:
            session = current.setup.session
            session.position_changed.disconnect(self._on_position)
            session.teaching_paused.disconnect(self._on_teaching_pause)

    def adopt(self, session: PlaybackSession) -> None:
        """The window made the current item's session again (presenting started or stopped,
        the song handed over): follow that one."""
        step = self.current
        if step is None or step.setup is None or step.setup.session is session:
            return
        self._leave_current()
        step.setup.session = session
        session.position_changed.connect(self._on_position)
        session.teaching_paused.connect(self._on_teaching_pause)

    def next_item(self, play: bool = True) -> bool:
        """The next item from its start; at the last item, the lesson is finished."""
        if self.current is None:
            return False
        if self.current.index + 1 >= len(self.lesson.items):
            self._finish()
            return False
        return self.go_to(self.current.index + 1, play=play)

    def previous_item(self, play: bool = True) -> bool:
        """The previous item from its start; at the first, this one from its start."""
        if self.current is None:
            return False
        return self.go_to(max(0, self.current.index - 1), play=play, direction=-1)

    def after_next_stanza(self) -> None:
        """Call after a "next stanza" key: at the item's last stanza, which is the song's last
        (there is no next stanza to seek to), it goes to the next item. (At another last stanza
        the seek to the song's next stanza passes the item's end, which does the same.)"""
        step = self.current
        if step is None or step.setup is None or not step.ends_song:
            return
        session = step.setup.session
        stanza = session.timeline.stanza_at(session.lyrics_ms())
        if stanza is not None and stanza >= step.stanzas.stop - 1:
            self.next_item(play=session.playing)

    def after_previous_stanza(self) -> None:
        """Call after a "previous stanza" key: from the item's first stanza it went to a stanza
        before the item, so the previous item starts (the first item: its own start again)."""
        step = self.current
        if step is None or step.setup is None:
            return
        session = step.setup.session
        if session.lyrics_ms() >= step.start_ms:
            return
        if step.index > 0:
            self.previous_item(play=session.playing)
        else:
            session.seek(step.start_ms + session.offset_ms)

    def place(self) -> tuple[int, int] | None:
        """(item index, media ms) where the class is now, or None before the first item."""
        step = self.current
        if step is None or step.setup is None:
            return None
        return step.index, step.setup.session.position_ms()

    def stop(self) -> None:
        """The window is closing: remember where the class is; the prepared song is closed."""
        if self.current is not None and not self._done and self.current.setup is not None:
            self._save(self.current.setup.session.position_ms(), force=True)
        self._drop_next()

    # Following the current item --------------------------------------------------------------------

    def _on_teaching_pause(self, stanza: int) -> None:
        step = self.current
        if step is not None and stanza >= step.stanzas.stop - 1:
            self._last_paused = True

    def _on_position(self, media_ms: int) -> None:
        step = self.current
        if step is None or step.setup is None or self._done:
            return
        session = step.setup.session
        if session.playing:
            self._save(media_ms)
        lyrics_ms = media_ms - session.offset_ms
        if lyrics_ms < step.end_ms or session.waiting_after is not None:
            return
        in_last = step.stanzas and session.timeline.stanza_at(lyrics_ms) == step.stanzas[-1]
        if session.teaching and session.playing and in_last and not self._last_paused:
            return  # the last stanza's teaching pause comes in this same frame
        if step.index + 1 >= len(self.lesson.items):
            self._finish()
        elif not self._switching:
            # Not inside the session's own signal: the switch closes that session.
            self._switching = True
            play = session.playing
            QTimer.singleShot(0, lambda: self._switching and self.next_item(play=play))

    def _finish(self) -> None:
        """The last item was sung: forget the place; stop there unless the song ends too."""
        if self._done:
            return
        self._done = True
        step = self.current
        if step is not None and step.setup is not None and not step.ends_song:
            step.setup.session.pause()
        if self._settings is not None and self.lesson.path is not None:
            self._settings.clear_lesson_place(self.lesson.path)
        self.finished.emit()

    def _save(self, media_ms: int, *, force: bool = False) -> None:
        if self._settings is None or self.lesson.path is None or self.current is None:
            return
        if force or abs(media_ms - self._saved_ms) >= SAVE_EVERY_MS:
            self._saved_ms = media_ms
            self._settings.set_lesson_place(self.lesson.path, self.current.index, media_ms)
