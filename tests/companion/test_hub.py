"""The server thread's hub: a page that does not read cannot hold up the others."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import WSCloseCode

from karaoke.companion import hub as hub_module
from karaoke.companion import server as server_module
from karaoke.companion.hub import STUDENT, TEACHER, Hub, Limits


class StuckSocket:
    """A page whose network stalls: sends never finish."""

    def __init__(self) -> None:
        self.closed_with: int | None = None
        self.sent: list[str] = []

    async def send_str(self, text: str) -> None:
        self.sent.append(text)
        await asyncio.Event().wait()  # forever

    async def close(self, *, code: int) -> bool:
        self.closed_with = code
        return True


class FastSocket(StuckSocket):
    async def send_str(self, text: str) -> None:
        self.sent.append(text)


def test_a_stalled_page_is_dropped_and_the_others_get_every_message():
    async def scenario():
        hub = Hub({}, on_command=print, on_answers=None, limits=Limits(students=10))
        stuck, fast = StuckSocket(), FastSocket()
        stuck_client = hub.admit(stuck, STUDENT)  # type: ignore[arg-type]
        fast_client = hub.admit(fast, STUDENT)  # type: ignore[arg-type]
        assert stuck_client is not None and fast_client is not None
        hub.welcome(stuck_client)
        hub.welcome(fast_client)
        for n in range(hub_module.QUEUE_SIZE + 5):
            hub.publish_state({"type": "state", "n": n})
            await asyncio.sleep(0)
        await asyncio.sleep(0.01)
        return hub, stuck, fast

    hub, stuck, fast = asyncio.run(asyncio.wait_for(scenario(), 10))
    assert stuck.closed_with == WSCloseCode.TRY_AGAIN_LATER
    assert fast.closed_with is None
    assert len(hub.clients) == 1
    states = [text for text in fast.sent if '"state"' in text]
    assert len(states) == hub_module.QUEUE_SIZE + 5  # nothing lost for the page that keeps up


def test_a_failing_callback_does_not_stop_the_server():
    def broken(_name: str) -> None:
        raise RuntimeError("bug in the app")

    async def scenario():
        hub = Hub({}, on_command=broken, on_answers=None, limits=Limits(students=1, teachers=1))
        socket = FastSocket()
        client = hub.admit(socket, "teacher")  # type: ignore[arg-type]
        assert client is not None and hub.admit(FastSocket(), "teacher") is None  # full
        hub.welcome(client)
        assert hub.receive(client, '{"type":"command","name":"reveal"}') is None
        assert hub.receive(client, '{"type":"ping","client_ms":1}') is None
        await asyncio.sleep(0.01)
        return socket

    socket = asyncio.run(asyncio.wait_for(scenario(), 10))
    assert any('"pong"' in text for text in socket.sent)


def test_teachers_have_slots_of_their_own_and_one_address_gets_a_few_student_slots():
    async def scenario():
        hub = Hub(
            {},
            on_command=print,
            on_answers=None,
            limits=Limits(students=3, students_per_address=2, teachers=1),
        )
        admitted = [hub.admit(FastSocket(), STUDENT, "10.0.0.9") for _ in range(3)]  # type: ignore[arg-type]
        assert [c is not None for c in admitted] == [True, True, False]  # 2 per address
        assert hub.admit(FastSocket(), STUDENT, "10.0.0.7") is not None  # type: ignore[arg-type]
        assert hub.admit(FastSocket(), STUDENT, "10.0.0.8") is None  # type: ignore[arg-type]
        # The students are full: the teacher still gets in, in a slot of its own.
        assert hub.admit(FastSocket(), TEACHER, "10.0.0.9") is not None  # type: ignore[arg-type]
        assert hub.admit(FastSocket(), TEACHER, "10.0.0.9") is None  # type: ignore[arg-type]
        first = admitted[0]
        assert first is not None
        hub.leave(first)  # a slot of that address is free again
        assert hub.admit(FastSocket(), STUDENT, "10.0.0.9") is not None  # type: ignore[arg-type]

    asyncio.run(asyncio.wait_for(scenario(), 10))


def test_a_student_page_that_says_nothing_is_closed_and_one_that_speaks_stays():
    async def scenario():
        hub = Hub({}, on_command=print, on_answers=None, limits=Limits(hello_timeout_s=0.05))
        quiet, speaking, teacher = FastSocket(), FastSocket(), FastSocket()
        clients = [
            hub.admit(quiet, STUDENT, "10.0.0.1"),  # type: ignore[arg-type]
            hub.admit(speaking, STUDENT, "10.0.0.2"),  # type: ignore[arg-type]
            hub.admit(teacher, TEACHER, "10.0.0.3"),  # type: ignore[arg-type]
        ]
        for client in clients:
            assert client is not None
            hub.welcome(client)
        # Junk is not speaking: only a valid message counts.
        assert hub.receive(clients[0], "{") is None  # type: ignore[arg-type]
        assert hub.receive(clients[1], '{"type":"hello","client_id":"%s"}' % ("a" * 16)) is None  # type: ignore[arg-type]
        while quiet.closed_with is None:  # bounded by the wait_for below
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)  # past the deadline of the others too
        return hub, clients

    hub, clients = asyncio.run(asyncio.wait_for(scenario(), 10))
    assert clients[0].ws.closed_with == WSCloseCode.POLICY_VIOLATION  # type: ignore[union-attr]
    assert hub.clients == {clients[1], clients[2]}


def test_the_servers_loop_ends_a_writer_left_cancelling_before_it_closes():
    loop = asyncio.new_event_loop()
    hub = Hub({}, on_command=print, on_answers=None)

    async def leave_one() -> asyncio.Task[None]:
        client = hub.admit(StuckSocket(), STUDENT)  # type: ignore[arg-type]
        assert client is not None and client.writer is None
        hub.welcome(client)
        await asyncio.sleep(0.01)  # the writer is stuck in a send
        hub.leave(client)  # cancelled, not ended yet
        assert client.writer is not None
        return client.writer

    writer = loop.run_until_complete(asyncio.wait_for(leave_one(), 10))
    assert not writer.done()
    server_module._finish(loop)  # what the server thread does last
    assert writer.cancelled() and loop.is_closed()


def test_messages_dropped_over_the_rate_limit_are_logged_once_when_the_page_leaves(caplog):
    caplog.set_level(logging.INFO, logger="karaoke.companion.hub")

    async def scenario():
        hub = Hub({}, on_command=print, on_answers=None)
        client = hub.admit(FastSocket(), STUDENT)  # type: ignore[arg-type]
        assert client is not None
        hub.welcome(client)
        for n in range(60):  # a burst of 40 passes; the rest are dropped, none closes it
            assert hub.receive(client, '{"type":"ping","client_ms":' + str(n) + "}") is None
        assert not [r for r in caplog.records if "too fast" in r.message]  # not per message
        hub.leave(client)
        return client.limiter.dropped

    dropped = asyncio.run(asyncio.wait_for(scenario(), 10))
    assert dropped > 0
    (record,) = [r for r in caplog.records if "too fast" in r.message]
    assert f"{dropped} messages ignored" in record.getMessage()
