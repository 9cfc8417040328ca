"""The server thread's hub: a page that does not read cannot hold up the others."""

from __future__ import annotations

import asyncio

from aiohttp import WSCloseCode

from karaoke.companion import hub as hub_module
from karaoke.companion.hub import STUDENT, Hub


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
        hub = Hub({}, on_command=print, on_answers=None, max_connections=10)
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
        hub = Hub({}, on_command=broken, on_answers=None, max_connections=1)
        socket = FastSocket()
        client = hub.admit(socket, "teacher")  # type: ignore[arg-type]
        assert client is not None and hub.admit(FastSocket(), STUDENT) is None  # full
        hub.welcome(client)
        assert hub.receive(client, '{"type":"command","name":"reveal"}') is None
        assert hub.receive(client, '{"type":"ping","client_ms":1}') is None
        await asyncio.sleep(0.01)
        return socket

    socket = asyncio.run(asyncio.wait_for(scenario(), 10))
    assert any('"pong"' in text for text in socket.sent)
