"""A lesson playing in the player window, or presented from it: the window's side of
:class:`karaoke.app.lesson_run.LessonRun`.

The run decides what plays when; this puts each item on screen where the class is looking —
the player window, or the presentation's audience window and console when presenting (the same
windows, keys, console and phones from item to item) — keeps the run following the session on
screen when presenting starts or stops, shows the running order on the presenter console, and
offers to resume where the class stopped when a lesson is opened again (:func:`open_lesson`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QMessageBox, QWidget

from karaoke.app.commands import PlayerCommand as P
from karaoke.app.lesson_run import LessonRun, LessonStep
from karaoke.app.lesson_songs import open_lesson as read_lesson_file
from karaoke.app.settings import Settings
from karaoke.app.translations import current_language
from karaoke.core.errors import SongError
from karaoke.core.lesson import Lesson, OpenedLesson, item_title
from karaoke.core.model import pick
from karaoke.core.timefmt import format_ms
from karaoke.ui.player import dialogs, presenting
from karaoke.ui.present.running_order import RunningOrder

if TYPE_CHECKING:
    from karaoke.ui.player.main_window import MainWindow
    from karaoke.ui.present.presentation import Presentation

#: Qt's translate, by a short name (lupdate finds the calls by it).
translate = QCoreApplication.translate


class LessonPlayer(QObject):
    """``lesson`` playing in ``window`` (set as ``window.lesson`` by :meth:`start`)."""

    def __init__(self, window: MainWindow, opened: OpenedLesson) -> None:
        super().__init__(window)
        self.window = window
        self.lesson: Lesson = opened.lesson
        self.run = LessonRun(self.lesson, window.set_up, self._show, window.settings)
        self.run.item_started.connect(self._on_item_started)
        self.run.skipped.connect(self._on_skipped)
        self.run.finished.connect(self._on_finished)
        self.order: RunningOrder | None = None  # on the presenter console while presenting
        self._present_on: int | None = None  # the screen to present the first item on
        self._present = False
        window.action(P.NEXT_STANZA).triggered.connect(self._after_next_stanza)
        window.transport.next_stanza_clicked.connect(self._after_next_stanza)
        window.action(P.PREVIOUS_STANZA).triggered.connect(self._after_previous_stanza)
        window.transport.previous_stanza_clicked.connect(self._after_previous_stanza)
        window.installEventFilter(self)

    def start(
        self,
        index: int = 0,
        media_ms: int | None = None,
        *,
        play: bool = True,
        present: bool = False,
        screen: int | None = None,
    ) -> bool:
        """Play item ``index`` from ``media_ms`` (None: its start), in the window or presented
        (on ``screen``). False when no item from there on can be opened."""
        if self.window.lesson is not None and self.window.lesson is not self:
            self.window.lesson.end()
        self.window.lesson = self
        self._present, self._present_on = present, screen
        return self.run.start(index, media_ms, play)

    def end(self) -> None:
        """Another song or lesson is opened: remember where this one stopped, let go."""
        self.run.stop()
        self.window.action(P.NEXT_STANZA).triggered.disconnect(self._after_next_stanza)
        self.window.transport.next_stanza_clicked.disconnect(self._after_next_stanza)
        self.window.action(P.PREVIOUS_STANZA).triggered.disconnect(self._after_previous_stanza)
        self.window.transport.previous_stanza_clicked.disconnect(self._after_previous_stanza)
        self.window.removeEventFilter(self)
        if self.window.lesson is self:
            self.window.lesson = None

    # Putting an item on screen ---------------------------------------------------------------------

    def _show(self, step: LessonStep, media_ms: int, play: bool) -> None:
        window, setup = self.window, step.setup
        assert setup is not None  # the run sets an item up before showing it
        window.opened = step.opened
        teaching = step.item.teaching_pauses
        presentation = window.presentation
        if presentation is not None:
            rate = presentation.session.rate
            presentation.change_song(setup, step.opened.problems)
            presentation.set_teaching(teaching)
            setup.session.set_rate(rate)
            setup.session.seek(media_ms)
            if play:
                setup.session.play()
        elif self._present:
            self._present = False  # the first item only: then the presentation goes on
            window.teaching = teaching
            presenting.start_presenting(
                window, self._present_on, start_ms=media_ms, play=play, setup=setup
            )
        else:
            if teaching != window.teaching:
                window.set_teaching(teaching)
            window.load(step.opened, start_ms=media_ms, play=play, setup=setup)

    def follow_presentation(self, presentation: Presentation) -> None:
        """Presenting started: the run follows its session; the console shows the order."""
        self.run.adopt(presentation.session)
        presentation.next_stanza_done.connect(self._after_next_stanza)
        presentation.previous_stanza_done.connect(self._after_previous_stanza)
        self.order = RunningOrder(self.lesson, presentation.language)
        # A click on an item goes there, playing if the class was.
        self.order.item_chosen.connect(
            lambda index: self.run.go_to(index, play=presentation.session.playing)
        )
        # Above the console's stanza list, in its column (the overview at the right).
        overview = presentation.console.stanzas.parentWidget()
        assert overview is not None
        cast(QBoxLayout, overview.layout()).insertWidget(0, self.order)
        self.order.show()  # a child added to a shown window stays hidden until asked
        current = self.run.current
        if current is not None:
            self.order.show_current(current.index)

    def follow_window(self) -> None:
        """Presenting stopped: the run follows the window's session again."""
        self.order = None
        if self.window.session is not None:
            self.run.adopt(self.window.session)

    def _after_next_stanza(self) -> None:
        self.run.after_next_stanza()

    def _after_previous_stanza(self) -> None:
        self.run.after_previous_stanza()

    def _on_item_started(self, index: int) -> None:
        if self.order is not None:
            self.order.show_current(index)
        title = item_title(self.lesson.items[index])
        said = translate("LessonPlayer", "Lesson: item %1 of %2, %3").replace("%1", str(index + 1))
        said = said.replace("%2", str(len(self.lesson.items))).replace("%3", title)
        self.window.messages.status(lambda: said, 4000)

    def _on_skipped(self, error: str) -> None:
        headline = translate("LessonPlayer", "A song of this lesson can't be opened; it is skipped")
        text = f"{headline}\n{error}"
        if self.window.presentation is not None:
            self.window.presentation.console.status.say(lambda: text)
        else:
            self.window.messages.show_banner(lambda: text)

    def _on_finished(self) -> None:
        self.window.messages.status(lambda: translate("LessonPlayer", "End of the lesson"), 6000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window closes: where the class is, remembered before its session goes."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.run.stop()
        return False


# Opening a lesson, and the resume offer ------------------------------------------------------------


class ResumeOffer(QMessageBox):
    """The offer to resume where the class stopped, for a lesson opened again unfinished."""

    def __init__(self, lesson: Lesson, place: tuple[int, int], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeOffer")
        self.setIcon(QMessageBox.Icon.Question)
        self.setTextFormat(Qt.TextFormat.PlainText)
        index, media_ms = place
        title = pick(lesson.title, current_language())
        self.setWindowTitle(translate("LessonPlayer", "Resume the lesson?"))
        self.setText(
            translate("LessonPlayer", "“%1” was stopped before its end.").replace("%1", title)
        )
        where = translate("LessonPlayer", "The class stopped at item %1 of %2, “%3”, at %4.")
        where = where.replace("%1", str(index + 1)).replace("%2", str(len(lesson.items)))
        where = where.replace("%3", item_title(lesson.items[index]))
        self.setInformativeText(where.replace("%4", format_ms(media_ms, millis=False)))
        self.resume = self.addButton(
            translate("LessonPlayer", "Resume where the class stopped"),
            self.ButtonRole.YesRole,
        )
        self.restart = self.addButton(
            translate("LessonPlayer", "Start from the beginning"),
            self.ButtonRole.NoRole,
        )
        self.setDefaultButton(self.resume)
        self.setEscapeButton(self.restart)

    def wants_resume(self) -> bool:
        """Ask (modal); True for resume."""
        self.exec()
        return self.clickedButton() is self.resume


def resume_place(
    settings: Settings, lesson: Lesson, parent: QWidget | None
) -> tuple[int, int | None]:
    """(item index, media ms or None for its start) to open ``lesson`` at: where the class
    stopped if it was stopped before its end and the teacher chooses to resume, else the
    first item's start."""
    if lesson.path is None:
        return 0, None
    place = settings.lesson_place(lesson.path)
    if place is None or not 0 <= place[0] < len(lesson.items):
        return 0, None
    if ResumeOffer(lesson, place, parent).wants_resume():
        return place
    return 0, None


def open_lesson(window: MainWindow, path: Path) -> bool:
    """File ▸ Open on a lesson: read it (a bad one: a message, the current song kept), offer
    to resume it, play it in the window (presenting when the window presents)."""
    try:
        opened = read_lesson_file(path)
    except SongError as error:
        dialogs.show_error(window, error)
        return False
    index, media_ms = resume_place(window.settings, opened.lesson, window)
    player = LessonPlayer(window, opened)
    return player.start(index, media_ms)
