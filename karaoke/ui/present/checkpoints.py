"""Checkpoints while presenting: at a teaching pause the teacher asks the stanza's question, the
audience view shows it (:mod:`.question_view`) with the phones' answers as they come, then the
reveal, then closes it; at the end the session report is saved and offered.

Three ways in, one controller: the console's buttons (:class:`CheckpointButtons`), the teacher
remote through the companion bridge, and plain calls — :meth:`Checkpoints.show_current`,
:meth:`~Checkpoints.reveal`, :meth:`~Checkpoints.close`. With phones (:meth:`~Checkpoints.attach`
a publisher, the companion server) the question goes to them too and
:meth:`~Checkpoints.update_results` feeds the bar chart; without, the class answers by a show of
hands ("Raise your hands") and the reveal works the same.

The report (:func:`karaoke.companion.report.write_report`, JSON and CSV) goes to
``<AppDataLocation>/reports`` when presenting stops, if a question was asked; it is offered in
a message box that does not block (shown once the main window is back), with a button that
opens its folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QStandardPaths,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from karaoke.companion.checkpoint import RoundResult
from karaoke.companion.report import write_report
from karaoke.core.errors import SongError
from karaoke.core.model import Question
from karaoke.ui.present.notices import notice_text

if TYPE_CHECKING:
    from karaoke.ui.present.phones import Phones
    from karaoke.ui.present.presentation import Presentation


class CheckpointPublisher(Protocol):
    """What the phones' side offers (:class:`karaoke.companion.server.CompanionServer` does)."""

    def publish_question(self, question: Question | None) -> None: ...
    def publish_reveal(self) -> None: ...
    def rounds(self) -> tuple[RoundResult, ...]: ...


def reports_folder() -> Path:
    """Where session reports go: ``reports`` in the app's data folder."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location)) / "reports"


class CheckpointButtons(QWidget):
    """The console's three buttons: ask the question, reveal the answer, close the question.
    Each is enabled only when it can act (:meth:`enable`); words in the interface language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.ask, self.reveal, self.close_question = QPushButton(), QPushButton(), QPushButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.caption, *self.buttons):
            row.addWidget(widget)
        row.addStretch(1)
        self.enable(ask=False, reveal=False, close=False)
        self.retranslate()

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton, QPushButton]:
        return self.ask, self.reveal, self.close_question

    def enable(self, *, ask: bool, reveal: bool, close: bool) -> None:
        for button, on in zip(self.buttons, (ask, reveal, close), strict=True):
            button.setEnabled(on)

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.caption.setText(translate("CheckpointButtons", "Stanza question:"))
        self.ask.setText(translate("CheckpointButtons", "Ask the question"))
        self.ask.setAccessibleDescription(
            translate("CheckpointButtons", "Show this stanza's question to the class and phones")
        )
        self.reveal.setText(translate("CheckpointButtons", "Reveal the answer"))
        self.reveal.setAccessibleDescription(
            translate("CheckpointButtons", "Mark the right option and say why; answers lock")
        )
        self.close_question.setText(translate("CheckpointButtons", "Close the question"))
        self.close_question.setAccessibleDescription(
            translate("CheckpointButtons", "Back to the teaching slide; the answers are kept")
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class Checkpoints(QObject):
    """One presentation's checkpoints: the open question, its counts, the rounds asked."""

    def __init__(self, presentation: Presentation) -> None:
        super().__init__(presentation)
        self.song, self.session = presentation.song, presentation.session
        self.language = presentation.language  # the explanations': what the class reads
        self.audience = presentation.audience
        self._notice = presentation.notice
        self.view = presentation.audience.question
        self.buttons = presentation.console.checkpoint
        self.publisher: CheckpointPublisher | None = None
        self._phones: Phones | None = None
        self._phones_server: object = None  # the phones' server attached by _sync_phones
        self.question: Question | None = None
        self.revealed = False
        self.counts: tuple[int, ...] | None = None  # None: no phones
        self.started = datetime.now()
        # Each round asked, and whether phones answered it (the server then has its own copy,
        # with the nicknames' answers); the server rounds seen before a detach.
        self._rounds: list[tuple[RoundResult, bool]] = []
        self._phone_rounds: list[RoundResult] = []
        self.report_paths: tuple[Path, Path] | None = None
        self.report_error = ""
        buttons = self.buttons
        buttons.ask.clicked.connect(self.show_current)
        buttons.reveal.clicked.connect(self.reveal)
        buttons.close_question.clicked.connect(self.close)
        self._follow_session()
        presentation.finished.connect(self.finish)
        self._refresh()

    def _follow_session(self) -> None:
        self.session.playing_changed.connect(self._on_playing)
        # A teaching pause starts with a signal but may end with a seek, which has none.
        self.session.teaching_paused.connect(self._refresh)
        self.session.position_changed.connect(self._refresh)

    def change_song(self, presentation: Presentation) -> None:
        """The presentation's next song (a lesson's next item): an open question is closed,
        the rounds asked so far are kept for the session report."""
        self.close()
        old = self.session
        old.playing_changed.disconnect(self._on_playing)
        old.teaching_paused.disconnect(self._refresh)
        old.position_changed.disconnect(self._refresh)
        self.song, self.session = presentation.song, presentation.session
        self.language = presentation.language
        self._follow_session()
        self._refresh()

    # What can be done now ----------------------------------------------------------------------

    def current_question(self) -> Question | None:
        """The first question of the stanza whose teaching pause this is (None otherwise)."""
        stanza = self.session.waiting_after
        if stanza is None or not 0 <= stanza < len(self.song.stanzas):
            return None
        questions = self.song.stanzas[stanza].questions
        return questions[0] if questions else None

    def _refresh(self, _changed: object = None) -> None:
        """The console's buttons: ask at a teaching pause with a question; reveal and close
        while one is open."""
        open_ = self.question is not None
        self.buttons.enable(
            ask=not open_ and self.current_question() is not None,
            reveal=open_ and not self.revealed,
            close=open_,
        )

    # Asking, revealing, closing (buttons, the teacher remote, or direct calls) -----------------

    def show_current(self) -> bool:
        """Ask the current teaching pause's question; False when there is none to ask."""
        self._sync_phones()
        question = self.current_question()
        return self.show(question) if question is not None else False

    def show(self, question: Question) -> bool:
        """Ask ``question`` (closing an open one first): on the audience view, and on the
        phones when attached."""
        self.close()
        self.question, self.revealed = question, False
        self.counts = tuple(0 for _ in question.options) if self.publisher else None
        self.view.show_question(question, self.language, self.counts)
        self.audience.set_asking(True)
        if self.publisher is not None:
            self.publisher.publish_question(question)
        self._refresh()
        return True

    def update_counts(self, counts: Sequence[int]) -> None:
        """The answers per option of the open question (from the phones)."""
        if self.question is None or len(counts) != len(self.question.options):
            return
        self.counts = tuple(int(count) for count in counts)
        self.view.set_counts(self.counts)

    def update_results(self, results: dict[str, Any]) -> None:
        """The server's ``results`` message (the bridge's ``answers_changed``): the counts,
        if they are the open question's."""
        if self.question is not None and results.get("question") == self.question.id:
            self.update_counts(results.get("counts") or ())

    def reveal(self) -> bool:
        """Show the right option and why (and lock the phones' answers); False if none open."""
        if self.question is None:
            return False
        self._sync_phones()
        self.revealed = True
        self.view.reveal()
        if self.publisher is not None:
            self.publisher.publish_reveal()
        self._refresh()
        return True

    def close(self) -> bool:
        """Back to the teaching slide, the round kept for the report; False if none open."""
        question = self.question
        if question is None:
            return False
        counts = self.counts or tuple(0 for _ in question.options)
        self._rounds.append((RoundResult(question, counts, self.revealed), self.counts is not None))
        self.question, self.revealed, self.counts = None, False, None
        self.audience.set_asking(False)
        if self.publisher is not None:
            self.publisher.publish_question(None)
        self._refresh()
        return True

    def step(self) -> str:
        """Q, the one key for a single screen (where the console is hidden): ask the current
        teaching pause's question, then reveal its answer, then close it. Outside one, a
        notice on the audience view says there is no question here. Returns what it did:
        "asked", "revealed", "closed", or "" (nothing)."""
        if self.question is None:
            if self.show_current():
                return "asked"
            self._say_no_question()
            return ""
        if not self.revealed:
            self.reveal()
            return "revealed"
        self.close()
        return "closed"

    def _say_no_question(self) -> None:
        """The notice, as other keys give theirs (:mod:`.notices`): over the lyrics area, in
        the explanations' language (the class reads it too)."""
        lyrics, notice = self.audience.lyrics, self._notice
        notice.place(QRect(lyrics.mapTo(self.audience, QPoint(0, 0)), lyrics.size()))
        notice.announce(notice_text(self.language, "no_question"))

    def perform(self, name: str) -> bool:
        """The teacher remote's command ``name`` ("show_question", "reveal" or
        "close_question"; the bridge's ``command_from_phone``); False if it did nothing."""
        actions = {"show_question": self.show_current, "reveal": self.reveal}
        action = actions.get(name, self.close if name == "close_question" else None)
        return action() if action is not None else False

    def _on_playing(self, playing: bool) -> None:
        """The song goes on: the question has had its time."""
        if playing:
            self.close()
        self._refresh()

    # Phones ------------------------------------------------------------------------------------

    def follow(self, phones: Phones) -> None:
        """Work with the presentation's phones: the teacher remote's question commands, and
        their server as the publisher whenever it runs (checked when the console's toggle or
        address changes, and before each step of a question: ``--companion`` starts it from
        outside)."""
        self._phones = phones
        phones.checkpoint_command.connect(self.perform)
        panel = phones.presentation.console.phones
        # Connected after the phones' own slots: the server has started or stopped by then.
        panel.toggled.connect(self._sync_phones)
        panel.interface_chosen.connect(self._sync_phones)
        self._sync_phones()

    def _sync_phones(self, _changed: object = None) -> None:
        """Attach the phones' running server (and its answers), or detach a stopped one."""
        phones = self._phones
        bridge = phones.bridge if phones is not None and phones.running else None
        if bridge is not None and self.publisher is not bridge.server:
            self.detach()
            bridge.answers_changed.connect(self.update_results)
            self.attach(bridge.server)
            self._phones_server = bridge.server
        elif (
            bridge is None and self.publisher is not None and self.publisher is self._phones_server
        ):
            self.detach()  # stopped: another publisher (attach) is left alone

    def attach(self, publisher: CheckpointPublisher) -> None:
        """Phones are on: an open question goes to them too, counted from zero."""
        self.publisher = publisher
        if self.question is not None:
            publisher.publish_question(self.question)
            if self.revealed:
                publisher.publish_reveal()
            self.counts = tuple(0 for _ in self.question.options)
            self.view.set_counts(self.counts)

    def detach(self) -> None:
        """Phones are off: keep what they answered; an open question turns to a show of
        hands."""
        if self.publisher is None:
            return
        self._phone_rounds.extend(self.publisher.rounds())
        self.publisher = None
        if self.question is not None:
            self.counts = None
            self.view.set_counts(None)

    # The report ----------------------------------------------------------------------------------

    def rounds(self) -> list[RoundResult]:
        """Every round asked, in order; a round the phones answered as the server kept it
        (with the nicknames' answers), else with the counts seen here (none: a show of hands)."""
        served = list(self._phone_rounds)
        if self.publisher is not None:
            served.extend(r for r in self.publisher.rounds() if all(r is not s for s in served))
        result = []
        for mine, by_phones in self._rounds:
            match = next(
                (r for r in served if by_phones and r.question.id == mine.question.id), None
            )
            if match is not None:
                served.remove(match)
            result.append(match or mine)
        return result

    def finish(self, _state: object = None) -> tuple[Path, Path] | None:
        """Presenting stops: close the open question, save the report if any question was
        asked, and offer it once the main window is back. Returns the JSON and CSV paths."""
        self.close()
        rounds = self.rounds()
        self.detach()
        if not rounds:
            return None
        try:
            self.report_paths = write_report(
                reports_folder(), rounds, song_title=self.song.title, started=self.started,
                language=self.language,
            )  # fmt: skip
        except SongError as error:
            self.report_error = str(error)
        paths, problem = self.report_paths, self.report_error
        QTimer.singleShot(0, lambda: offer_report(paths, problem))
        return self.report_paths


#: The report notices showing (a non-modal box must be kept from Python's garbage collector).
OFFERED: list[QMessageBox] = []


def offer_report(paths: tuple[Path, Path] | None, problem: str = "") -> QMessageBox:
    """A message box, not blocking, that says where the report is (with a button to open its
    folder), or why it could not be saved."""
    translate = QCoreApplication.translate
    box = QMessageBox()
    box.setWindowTitle(translate("Checkpoints", "Session report"))
    if paths is None:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(translate("Checkpoints", "The session report could not be saved."))
        box.setInformativeText(problem)
    else:
        folder = paths[0].parent
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(translate("Checkpoints", "The class's answers are saved (JSON and CSV)."))
        box.setInformativeText(str(folder))
        opener = box.addButton(
            translate("Checkpoints", "Open the folder"), QMessageBox.ButtonRole.ActionRole
        )
        opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setModal(False)
    box.finished.connect(lambda _result: OFFERED.remove(box) if box in OFFERED else None)
    OFFERED.append(box)
    box.show()
    return box
