"""The companion server: aiohttp in its own thread and asyncio loop, beside the Qt loop.

Every public method may be called from any thread (the Qt GUI thread in the app): it posts the
work into the server's loop with ``call_soon_threadsafe`` and returns at once. The callbacks
``on_command`` and ``on_answers`` run in the *server* thread: the Qt bridge re-emits them
through a queued signal and never touches widgets from them.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import errno
import ipaddress
import logging
import secrets
import sys
import threading
from collections.abc import Callable
from typing import Any

from aiohttp import web

from karaoke.companion import protocol
from karaoke.companion.checkpoint import RoundResult
from karaoke.companion.guard import ConnectionGuard, raise_file_limit
from karaoke.companion.hub import DEFAULT_LIMITS, TEACHER, Hub, Limits, server_clock_ms
from karaoke.companion.web import allowed_hosts, make_app
from karaoke.core.model import Question

log = logging.getLogger(__name__)

#: The port tried first (documented for teachers and firewalls); a free one if it is taken.
DEFAULT_PORT = 8765
#: The close code of a teacher's socket whose token the console renewed (4000-4999: the
#: application's own); the remote stops reconnecting and says why.
TOKEN_RENEWED = 4403
#: How long start() waits for the socket to bind and stop() for the thread to end, in seconds.
START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 10.0


class CompanionServer:
    """Serves the pages for students' phones and the teacher's remote on ``host`` only.

    ``song_payload`` is :func:`karaoke.companion.payload.song_payload`'s dict. ``token`` is the
    teacher's secret (a random one when None); ``on_command(name)`` gets each valid command of
    the teacher page (a name from :data:`karaoke.companion.protocol.COMMANDS`); ``on_answers``
    gets the live counts, ``{"type": "results", "question": id, "counts": [...], "total": n,
    "revealed": bool}``, after each change (at most every 0.1 s); ``on_students(count)`` how
    many student pages are connected, after each change (0 when the server stops).
    ``limits`` bound what one address and the whole class may open (see :class:`Limits`).
    """

    def __init__(
        self,
        song_payload: dict[str, Any],
        *,
        host: str,
        port: int = DEFAULT_PORT,
        token: str | None = None,
        on_command: Callable[[str], None],
        on_answers: Callable[[dict[str, Any]], None] | None = None,
        limits: Limits = DEFAULT_LIMITS,
        on_students: Callable[[int], None] | None = None,
    ) -> None:
        self.host = host
        self._wanted_port = port
        self.token = token or secrets.token_urlsafe(16)
        self.limits = limits
        self._hub = Hub(
            song_payload,
            on_command=on_command,
            on_answers=on_answers,
            limits=limits,
            on_students=on_students,
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._listener: asyncio.Server | None = None
        self._addresses: list[Any] = []
        self._lock = threading.Lock()

    # Lifecycle ------------------------------------------------------------------------------

    def start(self, *, announce: bool = True) -> None:
        """Bind ``host`` (the wanted port, else a free one) and serve in a daemon thread.

        Raises ``OSError`` saying which address could not be used. With ``announce``, prints
        :attr:`students_line` on standard error (never the teacher's link).
        """
        with self._lock:
            if self._thread is not None:
                raise RuntimeError("the companion server is already running")
            ready: concurrent.futures.Future[None] = concurrent.futures.Future()
            thread = threading.Thread(
                target=self._run, args=(ready,), name="companion-server", daemon=True
            )
            thread.start()
            try:
                ready.result(timeout=START_TIMEOUT_S)
            except BaseException:
                thread.join(STOP_TIMEOUT_S)
                raise
            self._thread = thread
        if announce:
            print(self.students_line, file=sys.stderr, flush=True)

    def stop(self) -> None:
        """Close every connection and the listening socket, end the thread. Idempotent."""
        with self._lock:
            thread, loop = self._thread, self._loop
            self._thread = None
            if thread is None or loop is None:
                return
            loop.call_soon_threadsafe(loop.stop)
            thread.join(STOP_TIMEOUT_S)
            if thread.is_alive():
                log.warning("the companion server thread did not end in %s s", STOP_TIMEOUT_S)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def _run(self, ready: concurrent.futures.Future[None]) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            try:
                loop.run_until_complete(self._open())
            except BaseException as error:
                ready.set_exception(error)
                loop.run_until_complete(self._close())
                return
            ready.set_result(None)
            loop.run_forever()
            loop.run_until_complete(self._close())
        finally:
            _finish(loop)

    async def _open(self) -> None:
        raise_file_limit()
        hosts: set[str] = set()  # the Host values served: known once the port is
        # A new application each start: aiohttp freezes one once it has served. Its
        # keep-alive timer runs from the moment a connection opens (aiohttp >= 3.10): a
        # connection that completes no request in request_timeout_s is closed.
        runner = web.AppRunner(
            make_app(self._hub, lambda: self.token, hosts),
            access_log=None,
            shutdown_timeout=1.0,
            keepalive_timeout=self.limits.request_timeout_s,
        )
        await runner.setup()
        self._runner = runner
        try:
            await self._bind(runner, self._wanted_port)
        except OSError as error:
            if error.errno not in (errno.EADDRINUSE, errno.EACCES) or self._wanted_port == 0:
                raise self._bind_error(error) from None
            log.info("port %s is taken; using a free one", self._wanted_port)
            try:
                await self._bind(runner, 0)
            except OSError as second:
                raise self._bind_error(second) from None
        assert self._listener is not None
        self._addresses = [sock.getsockname() for sock in self._listener.sockets]
        hosts.update(allowed_hosts(self.host, self.port))

    async def _bind(self, runner: web.AppRunner, port: int) -> None:
        # Our own listener instead of web.TCPSite: each connection goes through the guard,
        # which counts connections in all and per address before aiohttp sees them.
        # asyncio's default: SO_REUSEADDR on POSIX, where it lets a restarted server take its
        # port back despite connections in TIME_WAIT but never lets two servers listen on it;
        # not on Windows, where it would let another program take the port over.
        assert runner.server is not None
        guard = ConnectionGuard(
            runner.server,
            total=self.limits.http_connections,
            per_address=self.limits.http_per_address,
        )
        self._listener = await asyncio.get_running_loop().create_server(guard, self.host, port)

    def _bind_error(self, error: OSError) -> OSError:
        reason = error.strerror or str(error)
        return OSError(
            error.errno,
            f"cannot start the phones' server on {self.host} port {self._wanted_port}: {reason}",
        )

    async def _close(self) -> None:
        if self._listener is not None:
            self._listener.close()  # no new connections while the pages are told
            self._listener = None
        await self._hub.close_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # Where it is ------------------------------------------------------------------------------

    @property
    def addresses(self) -> list[Any]:
        """The socket addresses listened on (``(host, port)`` tuples; more with IPv6)."""
        return list(self._addresses)

    @property
    def port(self) -> int:
        """The port in use (the wanted one or the free one found); 0 before :meth:`start`."""
        return int(self._addresses[0][1]) if self._addresses else 0

    def _base_url(self) -> str:
        host = self.host
        try:
            if ipaddress.ip_address(host).version == 6:
                host = f"[{host}]"
        except ValueError:
            pass  # a name such as "localhost"
        return f"http://{host}:{self.port}"

    @property
    def student_url(self) -> str:
        return f"{self._base_url()}/"

    @property
    def teacher_url(self) -> str:
        """The teacher page with its token: show it on the presenter console only."""
        return f"{self._base_url()}/teacher?token={self.token}"

    @property
    def students_line(self) -> str:
        """``Students: http://ADDR:PORT/`` — what the app prints on standard error."""
        return f"Students: {self.student_url}"

    # Publishing (any thread) ------------------------------------------------------------------

    def publish_state(
        self,
        playing: bool,
        position_ms: int,
        rate: float,
        line: int | None,
        stanza: int | None,
        blackout: bool,
        teaching_pause: bool,
        *,
        offset_ms: int = 0,
    ) -> None:
        """Broadcast the playback state, stamped with the server clock *now* (in the caller's
        thread, so the time the message waits to be sent does not count). ``position_ms`` is
        the media position; ``line``/``stanza`` are indices into the payload's lists;
        ``offset_ms`` the session's lyrics offset now (``--offset``, the one remembered for the
        song, the teacher's nudges): the pages' lyrics time is ``position_ms - offset_ms``."""
        message = protocol.state_message(
            playing=playing,
            position_ms=position_ms,
            rate=rate,
            line=line,
            stanza=stanza,
            blackout=blackout,
            teaching_pause=teaching_pause,
            offset_ms=offset_ms,
            server_ms=server_clock_ms(),
        )
        self._post(self._hub.publish_state, message)

    def publish_question(self, question: Question | None) -> None:
        """Ask ``question`` on every phone (a new round; the previous one is kept for the
        report), or close the open one with None."""
        self._post(self._hub.publish_question, question)

    def publish_reveal(self) -> None:
        """Show the open question's right option and why on every phone; lock the answers."""
        self._post(self._hub.publish_reveal)

    def renew_token(self) -> str:
        """A new secret for the teacher's remote (the console's "New remote code"), served at
        once: the old link is refused from now on (HTTP 403) and the remotes connected with it
        are closed (:data:`TOKEN_RENEWED`). Returns the token, which :attr:`teacher_url` has."""
        self.token = secrets.token_urlsafe(16)  # read by the server thread at each request
        self._post(self._close_teachers)
        return self.token

    def _close_teachers(self) -> None:
        for client in list(self._hub.clients):
            if client.role == TEACHER:
                self._hub.drop(client, TOKEN_RENEWED)

    def rounds(self) -> tuple[RoundResult, ...]:
        """The closed rounds so far (for :func:`karaoke.companion.report.write_report`);
        after :meth:`stop`, every round, the open one closed."""
        loop = self._loop
        if self._thread is None or loop is None or loop.is_closed():
            self._hub.checkpoint.close()
            return self._hub.checkpoint.rounds()

        async def read() -> tuple[RoundResult, ...]:
            return self._hub.checkpoint.rounds()

        return asyncio.run_coroutine_threadsafe(read(), loop).result(START_TIMEOUT_S)

    def connection_count(self) -> int:
        """How many pages are connected now, the teacher's too (a snapshot; ``on_students``
        tells the console of each change in the students')."""
        return len(self._hub.clients)

    def _post(self, function: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if self._thread is None or loop is None or loop.is_closed():
            return  # not running: nobody to tell
        # The loop may close between the check and the call (stopping): nothing to tell then.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(function, *args)


def _finish(loop: asyncio.AbstractEventLoop) -> None:
    """Close ``loop`` as :func:`asyncio.run` does: cancel the tasks still pending (a handler
    between two awaits, a socket being closed) and let them end first, so that none is
    destroyed pending or runs into a closed loop."""
    try:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        loop.close()
