"""A presentation's phones: the companion server started and stopped with it, the teacher
remote's commands performed as the clicker's keys perform them, the join page on the audience
view (J, and the first seconds after the server starts) and the console's "Phones" panel.

The server runs only while presenting with phones on (``--companion`` or the console's toggle)
and stops when presenting stops. Its address: ``--companion-interface``, else the one last
chosen on the console if the machine still has it (:func:`serving_address`), else the machine's
LAN address (:func:`karaoke.companion.lan.lan_address`); the console lets the teacher pick
another, remembered for next time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from karaoke.app.commands import PresentCommand as C
from karaoke.app.companion_bridge import CompanionBridge
from karaoke.companion.lan import lan_address
from karaoke.companion.payload import song_payload
from karaoke.companion.server import DEFAULT_PORT
from karaoke.ui.present.join_page import JoinPage
from karaoke.ui.present.phones_panel import interface_addresses

if TYPE_CHECKING:
    from karaoke.ui.present.presentation import Presentation

#: How long the join page shows when the server starts, in ms (time to take the phones out).
JOIN_AT_START_MS = 20_000
#: The teacher page's commands that the checkpoint (a question round) performs.
CHECKPOINT_COMMANDS = frozenset({"show_question", "close_question", "reveal"})
#: The teacher page's other commands → the presentation's command they perform (its action:
#: the slot and the notice on the audience view, exactly as the key does).
REMOTE_COMMANDS = {
    "play_pause": C.PLAY,
    "previous_line": C.PREVIOUS,
    "previous_stanza": C.PREVIOUS_STANZA,
    "next_stanza": C.NEXT_STANZA,
    "blackout": C.BLACKOUT,
}


class Phones(QObject):
    """The phones' side of ``presentation``; ``translations`` are the lines' translations
    shown under them (line index → text), served to the phones as well."""

    #: "show_question", "close_question" or "reveal" from the teacher page (GUI thread).
    checkpoint_command = Signal(str)

    def __init__(self, presentation: Presentation, translations: dict[int, str]) -> None:
        super().__init__(presentation)
        self.presentation = presentation
        self._translations = translations
        self.host = serving_address(presentation.settings.companion_interface)
        self.port = DEFAULT_PORT
        self.bridge: CompanionBridge | None = None
        self.join = JoinPage()
        presentation.audience.pages.addWidget(self.join)
        self._before_join: object = None
        self._join_timer = QTimer(self)
        self._join_timer.setSingleShot(True)
        self._join_timer.timeout.connect(self.hide_join)
        panel = presentation.console.phones
        panel.list_interfaces(self.host)
        panel.toggled.connect(self._on_toggle)
        panel.interface_chosen.connect(self.choose_interface)
        panel.new_remote_code.connect(self.renew_remote_code)
        presentation.finished.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.bridge is not None and self.bridge.running

    def start(
        self,
        host: str | None = None,
        port: int | None = None,
        *,
        token: str | None = None,
        join_ms: int = JOIN_AT_START_MS,
    ) -> bool:
        """Start the server on ``host``:``port`` (default: as before, first the LAN address and
        :data:`DEFAULT_PORT`) with the remote code ``token`` (None: a new one); show the join
        page for ``join_ms`` (0: not). False, said on the console, if it cannot."""
        self.stop()
        self.host, self.port = host or self.host, self.port if port is None else port
        p = self.presentation
        payload = song_payload(p.song, p.language, translation=self._translations)
        bridge = CompanionBridge(
            p.session, payload, host=self.host, port=self.port,
            blackout=lambda: p.audience.blacked_out, token=token,
        )  # fmt: skip
        bridge.students_changed.connect(self._show_phone_count)  # before a phone can join
        try:
            bridge.start()
        except OSError as error:
            reason = error.strerror or str(error)  # the name `error` ends with this block
            p.console.phones.show_stopped(self.host)
            p.console.status.say(lambda: _phones_problem(reason))
            return False
        bridge.command_from_phone.connect(self.perform)
        self.bridge = bridge
        p.console.phones.show_running(
            self.host, bridge.server.student_url, bridge.server.teacher_url
        )
        if join_ms:
            self.show_join(join_ms)
        return True

    def change_song(self, translations: dict[int, str]) -> None:
        """The presentation's next song (a lesson's next item): a running server starts again
        with it on the same address, port and remote code; the pages connect again by
        themselves and load the new song."""
        self._translations = translations
        if self.bridge is None:
            return
        server = self.bridge.server
        self.start(self.host, server.port, token=server.token, join_ms=0)

    def stop(self, _state: object = None) -> None:
        """Stop the server (every phone disconnected); idempotent."""
        bridge, self.bridge = self.bridge, None
        if bridge is not None:
            bridge.stop()
            bridge.command_from_phone.disconnect(self.perform)
            bridge.students_changed.disconnect(self._show_phone_count)
        self.hide_join()
        self.presentation.console.phones.show_stopped(self.host)

    def publish(self) -> None:
        """Tell the phones the state now (after a change no session signal says: black-out)."""
        if self.bridge is not None:
            self.bridge.publish()

    def _show_phone_count(self, count: int) -> None:
        """The server's count of students' pages (queued from its thread): on the console,
        unless it comes late from a server stopped since."""
        if self.sender() is self.bridge:
            self.presentation.console.phones.show_phone_count(count)

    def choose_interface(self, host: str) -> None:
        """The console's interface list: serve on ``host`` (restarting if running), and next
        time too."""
        self.presentation.settings.companion_interface = host
        if host != self.host:
            self.host = host
            if self.running:
                self.start(host)

    def renew_remote_code(self) -> None:
        """The console's "New remote code": a new token for the teacher's remote. The old link
        (a photo of the QR code, a student who scanned it) is refused from now on, and a
        remote connected with it is disconnected."""
        if self.bridge is not None:
            server = self.bridge.server
            server.renew_token()
            self.presentation.console.phones.show_teacher_url(server.teacher_url)

    def _on_toggle(self, on: bool) -> None:
        if on and not self.running:
            self.start()
        elif not on:
            self.stop()

    # The join page -----------------------------------------------------------------------------

    def toggle_join(self) -> None:
        """J: the join page on the audience view, or back; with phones off, the console says
        how to turn them on."""
        if self.join_visible:
            self.hide_join()
        elif self.running:
            self.show_join()
        else:
            self.presentation.console.status.say(_phones_off)

    @property
    def join_visible(self) -> bool:
        return self.presentation.audience.pages.currentWidget() is self.join

    def show_join(self, for_ms: int = 0) -> None:
        """Show the students' address in place of the page shown (for ``for_ms``, or until J)."""
        p = self.presentation
        if self.bridge is None:
            return
        self.join.set_screen_height(p.audience_screen.geometry().height())
        self.join.show_url(self.bridge.server.student_url, p.language)
        pages = p.audience.pages
        if not self.join_visible:
            self._before_join = pages.currentWidget()
            pages.setCurrentWidget(self.join)
        self._join_timer.stop()
        if for_ms:
            self._join_timer.start(for_ms)

    def hide_join(self) -> None:
        self._join_timer.stop()
        audience = self.presentation.audience
        if self.join_visible:
            before = self._before_join
            audience.pages.setCurrentWidget(before if before is not None else audience.show_page)  # type: ignore[arg-type]

    # The teacher remote --------------------------------------------------------------------------

    def perform(self, name: str) -> None:
        """Do the teacher page's command ``name`` (in the GUI thread, queued from the server's)."""
        p = self.presentation
        if name in REMOTE_COMMANDS:
            p.actions[REMOTE_COMMANDS[name]].trigger()
        elif name == "next_line":
            p.session.next_line()
        elif name == "continue":
            if p.session.waiting_after is not None:
                p.next()  # plays on, and says so, as the clicker's next does
        elif name in CHECKPOINT_COMMANDS:
            self.checkpoint_command.emit(name)  # Checkpoints.follow performs it


def serving_address(remembered: str | None) -> str:
    """The address to serve on: ``remembered`` (the console's last choice) if one of this
    machine's interfaces still has it — a laptop moves between networks —, else the LAN
    address."""
    if remembered and remembered in {address for address, _name in interface_addresses()}:
        return remembered
    return lan_address()


def _phones_off() -> str:
    return QCoreApplication.translate(
        "Phones", "Phones are off: turn them on with the Phones button first."
    )


def _phones_problem(reason: str) -> str:
    """Why the server did not start: a plain headline over the system's words."""
    headline = QCoreApplication.translate("Phones", "The phones' server could not start.")
    return f"{headline}\n{reason}"
