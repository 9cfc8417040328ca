"""A presentation's phones with the real companion server on loopback: the console's toggle,
the teacher's QR code (console only), the join page (J, and at the start), the teacher remote
driving the presentation, and the server stopping with the presentation."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from karaoke.app.commands import PresentCommand
from karaoke.companion.server import TOKEN_RENEWED
from karaoke.ui.present import phones as phones_module
from tests.companion.conftest import receive, run, ws_url
from tests.companion.conftest import session as client
from tests.ui.interface_texts import in_language
from tests.ui.present.conftest import press
from tests.ui.present.test_teaching_slide import decoded


@pytest.fixture
def presenting(present):
    presentation = present()
    assert presentation.phones.start("127.0.0.1", 0)
    return presentation


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def scanned(widget, tmp_path) -> list[str]:
    path = tmp_path / "grab.png"
    assert widget.grab().save(str(path))
    return decoded(path)


def test_the_join_page_shows_at_the_start_and_j_toggles_it(presenting, qtbot, tmp_path):
    phones, audience = presenting.phones, presenting.audience
    server = phones.bridge.server
    assert phones.join_visible and phones._join_timer.isActive()
    press(qtbot, presenting, Qt.Key.Key_J)
    assert not phones.join_visible and audience.page == "song"
    press(qtbot, presenting, Qt.Key.Key_J)
    assert phones.join_visible
    audience.resize(1366, 768)
    phones.join.set_screen_height(768)
    assert scanned(phones.join, tmp_path) == [server.student_url]
    assert server.token not in phones.join.address.text()
    assert phones.join.heading.text() == "Sigue la canción en tu móvil"  # the class's language


def test_the_teachers_qr_code_shows_only_when_asked_and_the_toggle_stops_the_server(
    presenting, tmp_path
):
    panel, phones = presenting.console.phones, presenting.phones
    server = phones.bridge.server
    # A console mirrored on the projector must not show the class the remote's code.
    assert panel.toggle.isChecked() and panel.show_remote.isVisibleTo(panel)
    assert not panel.teacher_qr.isVisibleTo(panel)
    assert panel.show_remote.text() == "Show my remote"
    panel.show_remote.click()
    assert panel.teacher_qr.isVisibleTo(panel) and panel.teacher_caption.isVisibleTo(panel)
    assert panel.show_remote.text() == "Hide my remote"
    with in_language("es"):
        assert panel.show_remote.text() == "Ocultar mi mando"
    assert scanned(panel.teacher_qr, tmp_path) == [server.teacher_url]
    assert f"token={server.token}" in server.teacher_url
    assert panel.students.text().endswith(server.student_url)
    panel.show_remote.click()
    assert not panel.teacher_qr.isVisibleTo(panel)
    panel.show_remote.click()
    port = server.port
    panel.toggle.click()
    assert not phones.running and not panel.teacher_qr.isVisibleTo(panel)
    assert not panel.show_remote.isVisibleTo(panel)
    assert not phones.join_visible
    assert port_is_free(port)
    phones.port = 0
    panel.toggle.click()
    assert phones.running and panel.toggle.isChecked()
    assert not panel.teacher_qr.isVisibleTo(panel)  # hidden again until asked
    assert not panel.show_remote.isChecked() and panel.show_remote.text() == "Show my remote"


def test_a_new_remote_code_refuses_the_old_link_and_closes_its_remote(presenting, tmp_path):
    panel, server = presenting.console.phones, presenting.phones.bridge.server
    old_url, old_token = server.teacher_url, server.token

    async def renewed() -> tuple[int, int, int]:
        async with client() as http:
            remote = await http.ws_connect(ws_url(server, f"/ws/teacher?token={old_token}"))
            await receive(remote, "welcome")
            panel.new_code.click()  # the GUI thread: the server thread closes the old remote
            closing = await asyncio.wait_for(remote.receive(), 5)
            while closing.type == aiohttp.WSMsgType.TEXT:  # the state, the results…
                closing = await asyncio.wait_for(remote.receive(), 5)
            assert closing.type == aiohttp.WSMsgType.CLOSE
            async with http.get(old_url) as old, http.get(server.teacher_url) as new:
                return closing.data, old.status, new.status

    assert run(renewed()) == (TOKEN_RENEWED, 403, 200)
    assert server.token != old_token and server.teacher_url != old_url
    panel.show_remote.click()
    assert scanned(panel.teacher_qr, tmp_path) == [server.teacher_url]  # the new one


def test_the_console_counts_the_students_phones_live(presenting, qtbot):
    """Two phones on loopback join, one leaves: the panel follows (the teacher's page is not
    a student's phone)."""
    panel, server = presenting.console.phones, presenting.phones.bridge.server
    assert panel.connected.isVisibleTo(panel) and panel.connected.text() == "0 phones connected"

    async def shown(text: str) -> None:
        while panel.connected.text() != text:  # the GUI thread's events, while phones stay
            QApplication.processEvents()
            await asyncio.sleep(0.005)

    async def phones():
        async with client() as http:
            first = await http.ws_connect(ws_url(server))
            await shown("1 phone connected")
            second = await http.ws_connect(ws_url(server))
            teacher = await http.ws_connect(ws_url(server, f"/ws/teacher?token={server.token}"))
            for page in (second, teacher):
                await receive(page, "welcome")
            await shown("2 phones connected")
            with in_language("es"):
                assert panel.connected.text() == "2 móviles conectados"
            await first.close()
            await shown("1 phone connected")
            with in_language("es"):
                assert panel.connected.text() == "1 móvil conectado"
            await second.close()
            await teacher.close()

    run(phones())
    qtbot.waitUntil(lambda: panel.connected.text() == "0 phones connected", timeout=5000)


#: What the machine's LAN address is said to be in the tests below (TEST-NET-3: never used
#: to serve there).
LAN = "203.0.113.5"


def test_the_interface_chosen_on_the_console_is_used_next_time(present, monkeypatch):
    monkeypatch.setattr(phones_module, "lan_address", lambda: LAN)
    first = present()
    assert first.phones.host == LAN  # never chosen: the LAN address
    panel = first.console.phones
    index = panel.interfaces.findData("127.0.0.1")
    panel.interfaces.setCurrentIndex(index)
    panel.interfaces.activated.emit(index)  # as the teacher picks it
    assert first.phones.host == "127.0.0.1"
    first.stop()
    again = present()  # the same settings: a later lesson
    assert again.phones.host == "127.0.0.1"
    assert again.console.phones.interfaces.currentData() == "127.0.0.1"


def test_a_remembered_interface_the_machine_no_longer_has_gives_the_lan_address(
    present, monkeypatch
):
    monkeypatch.setattr(phones_module, "lan_address", lambda: LAN)
    presentation = present()
    presentation.settings.companion_interface = "198.51.100.77"  # another school's network
    presentation.stop()
    assert present().phones.host == LAN
    assert phones_module.serving_address("127.0.0.1") == "127.0.0.1"  # still here


def test_j_with_phones_off_says_how_to_turn_them_on(present, qtbot):
    presentation = present()
    press(qtbot, presentation, Qt.Key.Key_J)
    assert not presentation.phones.join_visible
    assert "Phones" in presentation.console.status.text()


def test_the_teacher_remote_drives_the_presentation(presenting, qtbot):
    server, session = presenting.phones.bridge.server, presenting.session

    async def command(*names):
        url = ws_url(server, f"/ws/teacher?token={server.token}")
        async with client() as http, http.ws_connect(url) as teacher:
            await receive(teacher, "welcome")
            for name in names:
                await teacher.send_json({"type": "command", "name": name})
            await receive(teacher, "state")

    run(command("play_pause"))
    qtbot.waitUntil(lambda: session.playing, timeout=5000)
    run(command("blackout"))
    qtbot.waitUntil(lambda: presenting.audience.blacked_out, timeout=5000)
    assert presenting.notice.isVisible()  # as the key does: the notice says it

    async def blackout_published():
        async with client() as http, http.ws_connect(ws_url(server)) as page:
            return (await receive(page, "state"))["blackout"]

    assert run(blackout_published()) is True
    asked = []
    presenting.phones.checkpoint_command.connect(asked.append)
    run(command("show_question"))
    qtbot.waitUntil(lambda: asked == ["show_question"], timeout=5000)


def test_stopping_the_presentation_stops_the_server(presenting):
    port = presenting.phones.bridge.server.port
    presenting.actions[PresentCommand.STOP].trigger()
    assert not presenting.phones.running
    assert port_is_free(port)


def test_an_address_that_is_not_ours_is_said_on_the_console(present):
    presentation = present()
    assert not presentation.phones.start("192.0.2.123", 0)  # TEST-NET-1: never this machine
    assert not presentation.phones.running
    assert not presentation.console.phones.toggle.isChecked()
    assert presentation.console.status.text().startswith("The phones' server could not start.")
