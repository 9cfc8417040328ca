"""Connection limits below HTTP: how many TCP connections are open, in all and per address.

A script on the class network could open a thousand sockets and send nothing: each holds a file
descriptor, and a process out of them starves everything in it (Qt, libvlc). aiohttp's server
is an asyncio *protocol factory*; :class:`ConnectionGuard` wraps it. Each new connection is
counted under its remote IP; one over :attr:`ConnectionGuard.total` or
:attr:`ConnectionGuard.per_address` is closed at once, before aiohttp sees a byte of it. Idle
and slow-sending connections are closed by aiohttp's keep-alive timer (``keepalive_timeout``
of the runner), which runs from the moment a connection opens.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable

log = logging.getLogger(__name__)

#: The soft limit on open files the server asks for (the hard limit if lower): the default
#: 1024 of many Linux systems is too close to what a class and a hostile script may open.
WANTED_FILE_LIMIT = 4096


class ConnectionGuard:
    """A protocol factory for ``loop.create_server``: ``make_protocol()``'s protocols, each
    behind a :class:`_Counted` that admits its connection only within the limits."""

    def __init__(
        self, make_protocol: Callable[[], asyncio.Protocol], *, total: int, per_address: int
    ) -> None:
        self.make_protocol = make_protocol
        self.total = total
        self.per_address = per_address
        self.open: Counter[str] = Counter()  # remote IP -> connections open now
        self.refused = 0  # connections closed at once, for the log

    def __call__(self) -> asyncio.Protocol:
        return _Counted(self, self.make_protocol())

    def take(self, address: str) -> bool:
        """Count a new connection from ``address``; False (not counted) over a limit."""
        if self.open.total() >= self.total or self.open[address] >= self.per_address:
            self.refused += 1
            if self.refused == 1 or self.refused % 100 == 0:
                log.warning(
                    "refused %s connections over the limits (last: %s)", self.refused, address
                )
            return False
        self.open[address] += 1
        return True

    def release(self, address: str) -> None:
        self.open[address] -= 1
        if self.open[address] <= 0:
            del self.open[address]  # the counter holds only addresses with connections


class _Counted(asyncio.Protocol):
    """Passes a connection's events to aiohttp's protocol once the guard admitted it."""

    def __init__(self, guard: ConnectionGuard, inner: asyncio.Protocol) -> None:
        self._guard = guard
        self._inner = inner
        self._address: str | None = None  # set while counted

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        peer = transport.get_extra_info("peername")
        address = str(peer[0]) if peer else ""
        if not self._guard.take(address):
            transport.close()  # no response: an answer would only cost more
            return
        self._address = address
        self._inner.connection_made(transport)

    def connection_lost(self, exc: Exception | None) -> None:
        if self._address is None:
            return  # refused: aiohttp never had it
        self._guard.release(self._address)
        self._address = None
        self._inner.connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._address is not None:
            self._inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self._inner.eof_received() if self._address is not None else None

    def pause_writing(self) -> None:
        self._inner.pause_writing()

    def resume_writing(self) -> None:
        self._inner.resume_writing()


def raise_file_limit(wanted: int = WANTED_FILE_LIMIT) -> int | None:
    """Raise this process's soft limit on open files to ``min(hard, wanted)``, never lower it;
    the limit now, or None where there is none to set (Windows). Harmless if not permitted."""
    try:
        import resource
    except ImportError:  # Windows: no such limit per process
        return None
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        target = wanted if hard == resource.RLIM_INFINITY else min(hard, wanted)
        if soft != resource.RLIM_INFINITY and soft < target:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        return int(resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    except (OSError, ValueError) as error:
        log.info("could not raise the open files limit: %s", error)
        return None
