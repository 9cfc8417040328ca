"""Connection limits below HTTP, on a real server over loopback: counted, idle, slow."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import pytest

from karaoke.companion import guard
from karaoke.companion.hub import Limits
from karaoke.companion.server import CompanionServer
from tests.companion.conftest import PAYLOAD, RECEIVE_TIMEOUT_S, run

REQUEST = "GET /song.json HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"


@contextlib.contextmanager
def serving(limits: Limits) -> Iterator[CompanionServer]:
    companion = CompanionServer(PAYLOAD, host="127.0.0.1", port=0, on_command=print, limits=limits)
    companion.start(announce=False)
    try:
        yield companion
    finally:
        companion.stop()


async def closed_by_server(reader: asyncio.StreamReader) -> bool:
    """Whether the server ends the connection (end of file or reset) within the timeout."""
    try:
        async with asyncio.timeout(RECEIVE_TIMEOUT_S):
            while await reader.read(4096):
                pass  # a response first (an error page), then the end
    except TimeoutError:
        return False
    except ConnectionError:
        pass  # reset: closed too
    return True


async def answered(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bytes:
    port = writer.get_extra_info("peername")[1]
    writer.write(REQUEST.format(port=port).encode())
    await writer.drain()
    async with asyncio.timeout(RECEIVE_TIMEOUT_S):
        return await reader.readuntil(b"\r\n")


@pytest.mark.parametrize(
    "limits",
    [
        Limits(http_connections=100, http_per_address=3),
        Limits(http_connections=3, http_per_address=100),
    ],
)
def test_connections_over_the_limits_are_closed_and_the_others_served(limits):
    with serving(limits) as server:

        async def scenario():
            held = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(3)]
            extra, extra_writer = await asyncio.open_connection("127.0.0.1", server.port)
            assert await closed_by_server(extra)
            extra_writer.close()
            for reader, writer in held:  # the counted ones are served
                assert (await answered(reader, writer)).startswith(b"HTTP/1.1 200")
            held[0][1].close()
            await held[0][1].wait_closed()
            for _ in range(100):  # the server notices the close (bounded)
                reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
                try:
                    if (await answered(reader, writer)).startswith(b"HTTP/1.1 200"):
                        break
                except (ConnectionError, asyncio.IncompleteReadError):
                    await asyncio.sleep(0.02)
                finally:
                    writer.close()
            else:
                raise AssertionError("a freed slot was never given again")
            for _, writer in held[1:]:
                writer.close()

        run(scenario())


def test_idle_and_slow_connections_are_closed():
    with serving(Limits(request_timeout_s=0.3)) as server:

        async def scenario():
            idle, idle_writer = await asyncio.open_connection("127.0.0.1", server.port)
            assert await closed_by_server(idle)  # sent nothing
            slow, slow_writer = await asyncio.open_connection("127.0.0.1", server.port)
            slow_writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            for n in range(500):  # a header line every 10 ms, never the end of the headers
                if slow.at_eof():
                    break
                slow_writer.write(f"X-Slow-{n}: y\r\n".encode())
                with contextlib.suppress(ConnectionError):
                    await slow_writer.drain()
                await asyncio.sleep(0.01)
            assert await closed_by_server(slow)
            for writer in (idle_writer, slow_writer):
                writer.close()
            # A request sent at once is still answered.
            reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            assert (await answered(reader, writer)).startswith(b"HTTP/1.1 200")
            writer.close()

        run(scenario())


def test_the_open_files_limit_is_raised_never_lowered():
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = soft + 1 if hard == resource.RLIM_INFINITY or soft < hard else soft
    assert guard.raise_file_limit(wanted) == wanted
    assert guard.raise_file_limit(1) == wanted  # never lowered
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
