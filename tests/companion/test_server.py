"""The companion server over loopback: broadcast, clock, commands, checkpoints, lifecycle."""

from __future__ import annotations

import asyncio
import errno
import gc
import logging
import socket

import aiohttp
import pytest

from karaoke.companion.server import CompanionServer
from tests.companion.conftest import (
    PAYLOAD,
    Recorder,
    question,
    receive,
    run,
    session,
    ws_url,
)


def publish_playing(server: CompanionServer, position_ms: int = 1500) -> None:
    server.publish_state(True, position_ms, 1.0, 0, None, False, False)


def test_the_state_reaches_every_page_and_each_new_one(server):
    async def scenario():
        async with session() as http:
            first = await http.ws_connect(ws_url(server))
            second = await http.ws_connect(ws_url(server))
            assert (await receive(first, "welcome"))["role"] == "student"
            await receive(second, "welcome")
            server.publish_state(True, 4200, 1.25, 3, 1, False, True)
            one, two = await receive(first, "state"), await receive(second, "state")
            assert one == two
            assert one["position_ms"] == 4200 and one["rate"] == 1.25
            assert (one["line"], one["stanza"], one["teaching_pause"]) == (3, 1, True)
            late = await http.ws_connect(ws_url(server))
            assert await receive(late, "state") == one  # the last state, on joining
            for ws in (first, second, late):
                await ws.close()

    run(scenario())


def test_state_is_stamped_with_the_server_clock_at_the_call(server):
    async def scenario():
        async with session() as http, http.ws_connect(ws_url(server)) as ws:
            welcome = await receive(ws, "welcome")
            publish_playing(server)
            state = await receive(ws, "state")
            await ws.send_json({"type": "ping", "client_ms": 1})
            pong = await receive(ws, "pong")
            assert welcome["server_ms"] <= state["server_ms"] <= pong["server_ms"]

    run(scenario())


def test_ping_is_answered_with_the_server_clock(server):
    async def scenario():
        async with session() as http, http.ws_connect(ws_url(server)) as ws:
            await ws.send_json({"type": "ping", "client_ms": 123.5})
            pong = await receive(ws, "pong")
            assert pong["client_ms"] == 123.5 and isinstance(pong["server_ms"], int)

    run(scenario())


def test_song_json_is_the_payload(server):
    async def scenario():
        async with session() as http, http.get(f"{server.student_url}song.json") as response:
            assert response.status == 200
            assert response.content_type == "application/json"
            return await response.json()

    assert run(scenario()) == PAYLOAD


def test_teacher_commands_reach_the_app(server, recorder: Recorder):
    async def scenario():
        async with session() as http:
            teacher = await http.ws_connect(ws_url(server, f"/ws/teacher?token={server.token}"))
            assert (await receive(teacher, "welcome"))["role"] == "teacher"
            for name in ("play_pause", "next_stanza", "reveal"):
                await teacher.send_json({"type": "command", "name": name})
            await teacher.send_json({"type": "command", "name": "quit"})
            assert (await receive(teacher, "error"))["reason"] == "unknown command"
            student = await http.ws_connect(ws_url(server))
            await student.send_json({"type": "command", "name": "play_pause"})
            assert "teacher" in (await receive(student, "error"))["reason"]
            await teacher.close()
            await student.close()

    run(scenario())
    assert recorder.commands == ["play_pause", "next_stanza", "reveal"]


def test_the_app_is_told_how_many_students_pages_are_connected(server, recorder: Recorder):
    """Each change in the students' pages (the teacher's not counted), 0 when it stops."""

    async def until(students: list[int]) -> None:
        while recorder.students != students:  # told from the server thread
            await asyncio.sleep(0.005)

    async def scenario():
        async with session() as http:
            first = await http.ws_connect(ws_url(server))
            second = await http.ws_connect(ws_url(server))
            teacher = await http.ws_connect(ws_url(server, f"/ws/teacher?token={server.token}"))
            for page in (first, second, teacher):
                await receive(page, "welcome")
            assert recorder.students == [1, 2]
            await first.close()
            await until([1, 2, 1])
            await asyncio.get_running_loop().run_in_executor(None, server.stop)
            await until([1, 2, 1, 0])
            await teacher.close()

    run(scenario())
    assert server.connection_count() == 0


def test_answers_count_once_per_phone_and_lock_at_the_reveal(server, recorder: Recorder):
    async def answer(ws, option):
        await ws.send_json({"type": "answer", "question": "s1q1", "option": option})
        return await receive(ws, "answered")

    async def scenario():
        async with session() as http:
            teacher = await http.ws_connect(ws_url(server, f"/ws/teacher?token={server.token}"))
            phones = [await http.ws_connect(ws_url(server)) for _ in range(3)]
            server.publish_question(question())
            for phone in phones:
                shown = await receive(phone, "question")
                assert shown["question"]["id"] == "s1q1" and "correct" not in shown["question"]
            assert (await answer(phones[0], 0))["option"] == 0
            await answer(phones[0], 2)  # changed its mind
            await answer(phones[1], 2)
            await answer(phones[1], 2)  # the same again: still one
            results = await receive(teacher, "results")
            while results["total"] < 2:
                results = await receive(teacher, "results")
            assert results["counts"] == [0, 0, 2]
            server.publish_reveal()
            reveal = await receive(phones[2], "reveal")
            assert reveal["correct"] == 1 and reveal["why"]["es"] == "Porque sí."
            await phones[2].send_json({"type": "answer", "question": "s1q1", "option": 1})
            assert "locked" in (await receive(phones[2], "error"))["reason"]
            final = await receive(teacher, "results")
            assert final["revealed"] and final["counts"] == [0, 0, 2]
            for ws in (teacher, *phones):
                await ws.close()

    run(scenario())
    assert recorder.answers[-1]["counts"] == [0, 0, 2]
    server.publish_question(None)
    (result,) = server.rounds()
    assert result.counts == (0, 0, 2) and result.revealed


def test_a_phone_that_reconnects_keeps_its_one_answer(server):
    hello = {"type": "hello", "client_id": "f" * 32}

    async def scenario():
        async with session() as http:
            server.publish_question(question())
            for option in (0, 1):  # two connections of the same phone
                async with http.ws_connect(ws_url(server)) as phone:
                    await receive(phone, "answered")  # on joining: nothing for this connection
                    await phone.send_json(hello)
                    await receive(phone, "answered")  # what this phone answered before
                    await phone.send_json({"type": "answer", "question": "s1q1", "option": option})
                    assert (await receive(phone, "answered"))["option"] == option
            async with http.ws_connect(ws_url(server)) as phone:
                assert (await receive(phone, "answered"))["option"] is None
                await phone.send_json(hello)
                assert (await receive(phone, "answered"))["option"] == 1

    run(scenario())
    server.publish_question(None)
    assert server.rounds()[0].counts == (0, 1, 0)


def test_a_script_nickname_is_kept_as_plain_text(server):
    nickname = "<script>x()</script>"

    async def scenario():
        async with session() as http, http.ws_connect(ws_url(server)) as phone:
            await phone.send_json({"type": "nickname", "nickname": f"  {nickname} "})
            server.publish_question(question())
            await receive(phone, "question")
            await phone.send_json({"type": "answer", "question": "s1q1", "option": 0})
            await receive(phone, "answered")

    run(scenario())
    server.publish_question(None)
    assert server.rounds()[0].nickname_answers == ((nickname, 0),)


def test_the_wanted_port_is_used_else_a_free_one(recorder: Recorder):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy_port = taken.getsockname()[1]
        companion = CompanionServer(
            PAYLOAD, host="127.0.0.1", port=busy_port, on_command=recorder.commands.append
        )
        companion.start(announce=False)
        try:
            assert companion.port not in (0, busy_port)
            assert companion.student_url == f"http://127.0.0.1:{companion.port}/"
            assert companion.teacher_url.endswith(f"/teacher?token={companion.token}")
            assert companion.students_line == f"Students: {companion.student_url}"
        finally:
            companion.stop()


def test_an_address_not_on_this_machine_is_a_clear_error(recorder: Recorder):
    companion = CompanionServer(PAYLOAD, host="192.0.2.1", on_command=recorder.commands.append)
    with pytest.raises(OSError, match=r"cannot start the phones' server on 192\.0\.2\.1") as info:
        companion.start(announce=False)
    assert info.value.errno == errno.EADDRNOTAVAIL
    assert not companion.running
    companion.stop()  # nothing to stop: fine


def test_it_binds_only_the_given_address(server):
    assert server.addresses == [("127.0.0.1", server.port)]
    with socket.socket() as probe:
        probe.settimeout(2)
        # 127.0.0.2 is this machine too (all of 127/8 is loopback), but not the bound address.
        with pytest.raises(ConnectionRefusedError):
            probe.connect(("127.0.0.2", server.port))


def test_start_prints_the_students_line_only(recorder: Recorder, capsys):
    companion = CompanionServer(PAYLOAD, host="127.0.0.1", port=0, on_command=print)
    companion.start()
    companion.stop()
    err = capsys.readouterr().err
    assert err == f"Students: http://127.0.0.1:{companion.port}/\n"
    assert companion.token not in err


def test_stop_closes_the_pages_and_frees_the_port(recorder: Recorder):
    companion = CompanionServer(
        PAYLOAD, host="127.0.0.1", port=0, on_command=recorder.commands.append
    )
    companion.start(announce=False)
    port = companion.port

    async def scenario():
        async with session() as http, http.ws_connect(ws_url(companion)) as ws:
            await receive(ws, "welcome")
            await asyncio.get_running_loop().run_in_executor(None, companion.stop)
            closing = await asyncio.wait_for(ws.receive(), 5)
            assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            assert closing.data == aiohttp.WSCloseCode.GOING_AWAY

    run(scenario())
    companion.stop()  # idempotent
    companion.publish_state(False, 0, 1.0, None, None, False, False)  # ignored, no error
    again = CompanionServer(PAYLOAD, host="127.0.0.1", port=port, on_command=print)
    again.start(announce=False)  # the same port again, as a new presentation would
    try:
        assert again.port == port
    finally:
        again.stop()


def test_stop_with_pages_connected_leaves_no_task_pending(recorder: Recorder, caplog):
    caplog.set_level(logging.DEBUG)
    companion = CompanionServer(PAYLOAD, host="127.0.0.1", port=0, on_command=print)
    companion.start(announce=False)

    async def scenario():
        async with session() as http:
            pages = [await http.ws_connect(ws_url(companion)) for _ in range(3)]
            pages.append(
                await http.ws_connect(ws_url(companion, f"/ws/teacher?token={companion.token}"))
            )
            for page in pages:
                await receive(page, "welcome")
            for n in range(20):  # messages on their way while it stops
                publish_playing(companion, n)
            for n in range(200):  # one page floods: the server closes it, then stops at once
                await pages[0].send_json({"type": "ping", "client_ms": n})
            while (await asyncio.wait_for(pages[0].receive(), 5)).type == aiohttp.WSMsgType.TEXT:
                pass
            await asyncio.get_running_loop().run_in_executor(None, companion.stop)
            for page in pages:
                await page.close()

    run(scenario())
    gc.collect()  # a task destroyed while pending says so when it is collected
    logged = caplog.text
    for problem in ("Task was destroyed", "Event loop is closed", "no running event loop"):
        assert problem not in logged
    assert not [r for r in caplog.records if r.name == "asyncio" and r.levelno >= logging.ERROR]
