"""A real companion server on loopback, and bounded clients for it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterator
from typing import Any, TypeVar

import aiohttp
import pytest

from karaoke.companion.hub import Limits
from karaoke.companion.server import CompanionServer
from tests.companion.test_checkpoint import question

T = TypeVar("T")
#: Every test's client work ends within this, pass or fail (seconds).
TEST_TIMEOUT_S = 20.0
RECEIVE_TIMEOUT_S = 5.0

PAYLOAD: dict[str, Any] = {
    "title": "Canción de prueba",
    "offset_ms": 0,
    "lines": [{"text": "Hola", "start_ms": 0, "end_ms": 1000, "translation": "", "words": []}],
    "stanzas": [],
}


def run(coroutine: Awaitable[T]) -> T:
    """Run client code against the server thread, bounded in time."""
    return asyncio.run(asyncio.wait_for(coroutine, TEST_TIMEOUT_S))  # type: ignore[arg-type]


async def receive(ws: aiohttp.ClientWebSocketResponse, kind: str) -> dict[str, Any]:
    """The next message of type ``kind`` (others skipped), within RECEIVE_TIMEOUT_S."""
    async with asyncio.timeout(RECEIVE_TIMEOUT_S):
        while True:
            message = await ws.receive()
            if message.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"socket ended waiting for {kind}: {message}")
            data = message.json()
            if data["type"] == kind:
                return data


class Recorder:
    """What the server called back with (from its thread)."""

    def __init__(self) -> None:
        self.commands: list[str] = []
        self.answers: list[dict[str, Any]] = []
        self.students: list[int] = []  # each count of students' pages


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def server(recorder: Recorder) -> Iterator[CompanionServer]:
    companion = CompanionServer(
        PAYLOAD,
        host="127.0.0.1",
        port=0,
        on_command=recorder.commands.append,
        on_answers=recorder.answers.append,
        on_students=recorder.students.append,
        limits=Limits(students=5, students_per_address=5),
    )
    companion.start(announce=False)
    yield companion
    companion.stop()


def session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=RECEIVE_TIMEOUT_S))


def ws_url(server: CompanionServer, path: str = "/ws") -> str:
    return f"ws://127.0.0.1:{server.port}{path}"


__all__ = ["question"]
