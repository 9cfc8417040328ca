"""The server thread's state: the connected pages, the round, the last playback state.

Everything here runs in the server's asyncio loop (one thread), so nothing needs a lock; the
public :class:`~karaoke.companion.server.CompanionServer` posts calls into it with
``call_soon_threadsafe``.

Sending never waits on a page: each client has a bounded queue drained by its own writer task,
each send has a timeout, and a client whose queue overflows (a phone asleep, a slow network) is
dropped; its page reconnects and gets the current state again on joining.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import WSCloseCode, web

from karaoke.companion import protocol
from karaoke.companion.checkpoint import Checkpoint
from karaoke.companion.protocol import ProtocolError
from karaoke.companion.ratelimit import RateLimiter, Verdict
from karaoke.core.model import Question

log = logging.getLogger(__name__)

#: Messages a client may have waiting before it is dropped as too slow. A page gets a few
#: state messages a second at most, so this is many seconds of backlog.
QUEUE_SIZE = 64
#: Longest wait for one message to go out to one page, in seconds.
SEND_TIMEOUT_S = 5.0
#: Live counts go out at most this often (seconds): 60 phones answering at once make one
#: update, not 60.
RESULTS_INTERVAL_S = 0.1

STUDENT = "student"
TEACHER = "teacher"


@dataclass(frozen=True, slots=True)
class Limits:
    """What one class network may open, so that one hostile student cannot shut out the rest.

    An *address* is the remote IP a connection comes from. The teacher's sockets (token
    checked) have slots of their own, outside the students' limit.
    """

    #: Student WebSockets at once, in all (more are refused with HTTP 503).
    students: int = 200
    #: Student WebSockets at once from one address: a phone has one page, a few tabs at most.
    students_per_address: int = 4
    #: Teacher WebSockets at once (the remote on a phone and a laptop, a reload in between).
    teachers: int = 4
    #: Voters who answer one round, in all and from one address (vote stuffing).
    voters: int = 400
    voters_per_address: int = 4
    #: Nicknames kept for the session, in all (each address keeps at most
    #: ``voters_per_address`` of them).
    nicknames: int = 1000
    #: A student socket that sent no valid message in this long is closed, in seconds (the
    #: page says hello as soon as it opens).
    hello_timeout_s: float = 10.0
    #: TCP connections at once, in all and from one address (pages, files, sockets).
    http_connections: int = 400
    http_per_address: int = 16
    #: A connection must complete a request within this (and may idle between requests this
    #: long), in seconds: idle sockets and slowloris senders are closed.
    request_timeout_s: float = 10.0


DEFAULT_LIMITS = Limits()


def server_clock_ms() -> int:
    """The server's clock in ms: monotonic, the same in every thread."""
    return time.monotonic_ns() // 1_000_000


class Client:
    """One connected page: its socket, role, voter key, rate limit and outgoing queue."""

    def __init__(
        self, ws: web.WebSocketResponse, role: str, number: int, address: str = ""
    ) -> None:
        self.ws = ws
        self.role = role
        #: The remote IP the socket comes from (the per-address limits count it).
        self.address = address
        #: Whether the page sent a valid message yet; a quiet student socket is closed.
        self.spoke = False
        self.deadline: asyncio.TimerHandle | None = None
        #: The key its answers are counted under: per connection until the page says hello.
        self.voter = f"connection-{number}"
        self.said_hello = False
        self.limiter = RateLimiter(time.monotonic)
        self.queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self.writer: asyncio.Task[None] | None = None

    def send(self, text: str) -> bool:
        """Queue ``text``; False when the queue is full (the client is too slow)."""
        try:
            self.queue.put_nowait(text)
        except asyncio.QueueFull:
            return False
        return True

    async def write_loop(self) -> None:
        """Send queued messages in order until told to stop (None) or the socket fails."""
        while (text := await self.queue.get()) is not None:
            await asyncio.wait_for(self.ws.send_str(text), SEND_TIMEOUT_S)


class Hub:
    """The connected pages and what they are told."""

    def __init__(
        self,
        song_payload: dict[str, Any],
        *,
        on_command: Callable[[str], None],
        on_answers: Callable[[dict[str, Any]], None] | None,
        limits: Limits = DEFAULT_LIMITS,
        on_students: Callable[[int], None] | None = None,
    ) -> None:
        """``on_students(count)``: how many student pages are connected, after each change
        (the teacher's pages are not counted: the console shows the class's phones)."""
        self.song_json = protocol.encode(song_payload).encode("utf-8")
        self.on_command = on_command
        self.on_answers = on_answers
        self.limits = limits
        self.clients: set[Client] = set()
        self.checkpoint = Checkpoint(
            max_voters=limits.voters,
            max_voters_per_address=limits.voters_per_address,
            max_nicknames=limits.nicknames,
        )
        self._state: str | None = None  # the last state message, encoded
        self._numbers = 0
        self._results_pending = False
        self.on_students = on_students
        self._students_told = 0  # the count on_students last got

    # Connections ----------------------------------------------------------------------------

    def admit(self, ws: web.WebSocketResponse, role: str, address: str = "") -> Client | None:
        """A new client for ``ws`` from ``address``, or None when its role's :class:`Limits`
        are reached: the teachers' slots, else the students' in all or from ``address``."""
        same_role = [client for client in self.clients if client.role == role]
        if role == TEACHER:
            if len(same_role) >= self.limits.teachers:
                return None
        elif len(same_role) >= self.limits.students or (
            sum(client.address == address for client in same_role)
            >= self.limits.students_per_address
        ):
            return None
        self._numbers += 1
        client = Client(ws, role, self._numbers, address)
        self.clients.add(client)
        return client

    def welcome(self, client: Client) -> None:
        """Start ``client``'s writer and tell it everything a page that joins now must know.
        A student page must then speak within :attr:`Limits.hello_timeout_s`."""
        loop = asyncio.get_running_loop()
        client.writer = loop.create_task(self._write(client))
        if client.role == STUDENT:
            client.deadline = loop.call_later(
                self.limits.hello_timeout_s, self._end_if_quiet, client
            )
        self._students_changed()
        client.send(protocol.encode(protocol.welcome_message(client.role, server_clock_ms())))
        if self._state is not None:
            client.send(self._state)
        for message in self._round_messages(client):
            client.send(protocol.encode(message))

    def _round_messages(self, client: Client) -> list[dict[str, Any]]:
        checkpoint = self.checkpoint
        if checkpoint.question is None:
            return []
        messages = [checkpoint.question_message()]
        if client.role == TEACHER:
            messages.append(checkpoint.results_message())
        else:
            messages.append(checkpoint.answered_message(client.voter))
        reveal = checkpoint.reveal_message()
        if reveal is not None:
            messages.append(reveal)
        return messages

    async def _write(self, client: Client) -> None:
        try:
            await client.write_loop()
        except (TimeoutError, ConnectionError, RuntimeError) as error:
            log.info("dropping a %s page: %s", client.role, error or type(error).__name__)
            self.drop(client, WSCloseCode.TRY_AGAIN_LATER)

    def _end_if_quiet(self, client: Client) -> None:
        # A socket that never speaks only holds a slot (a script filling the class's limit).
        if client in self.clients and not client.spoke:
            log.info("closing a student page that said nothing")
            self.drop(client, WSCloseCode.POLICY_VIOLATION)

    def leave(self, client: Client) -> None:
        """Forget ``client`` (its socket closed). Its answer stays counted."""
        self.clients.discard(client)
        _forget(client)
        if client.limiter.dropped:  # once per connection, not once per message
            log.info(
                "a %s page sent too fast: %s messages ignored", client.role, client.limiter.dropped
            )
        if client.writer is not None:
            client.writer.cancel()  # its socket is closed: nothing queued can go out
        self._students_changed()

    def drop(self, client: Client, code: int) -> None:
        """Close a client that cannot keep up or misbehaves, without waiting for it."""
        self.clients.discard(client)
        _forget(client)
        if client.writer is not None and client.writer is not asyncio.current_task():
            client.writer.cancel()
        self._students_changed()
        asyncio.get_running_loop().create_task(_close_quietly(client.ws, code))

    async def close_all(self) -> None:
        """Close every socket ("going away"): the pages will try to reconnect."""
        clients, self.clients = list(self.clients), set()
        writers = [c.writer for c in clients if c.writer is not None]
        for client in clients:
            _forget(client)
        for writer in writers:
            writer.cancel()
        self._students_changed()
        await asyncio.gather(*(_close_quietly(c.ws, WSCloseCode.GOING_AWAY) for c in clients))
        # Wait for the cancelled writers to end, so none is left pending when the loop closes.
        await asyncio.gather(*writers, return_exceptions=True)

    def broadcast(self, text: str, role: str | None = None) -> None:
        """Queue ``text`` for every client (of ``role``); drop those whose queue is full."""
        for client in list(self.clients):
            if (role is None or client.role == role) and not client.send(text):
                log.info("a %s page fell behind: dropped", client.role)
                self.drop(client, WSCloseCode.TRY_AGAIN_LATER)

    def student_count(self) -> int:
        """The student pages connected now (welcomed or about to be)."""
        return sum(1 for client in self.clients if client.role == STUDENT)

    def _students_changed(self) -> None:
        """Tell ``on_students`` the count, if it changed since it was last told."""
        count = self.student_count()
        if count != self._students_told and self.on_students is not None:
            self._students_told = count
            _call_safely(self.on_students, count)

    # Messages from pages --------------------------------------------------------------------

    def receive(self, client: Client, raw: str | bytes) -> int | None:
        """Handle one message; return a close code when the connection must end."""
        verdict = client.limiter.admit()
        if verdict is Verdict.CLOSE:
            return WSCloseCode.POLICY_VIOLATION
        if verdict is Verdict.DROP:
            return None
        try:
            message = protocol.parse_message(raw, teacher=client.role == TEACHER)
            client.spoke = True
            self._handle(client, message)
        except ProtocolError as error:
            client.send(protocol.encode(protocol.error_message(str(error))))
        return None

    def _handle(self, client: Client, message: protocol.ClientMessage) -> None:
        match message:
            case protocol.Ping(client_ms=client_ms):
                client.send(protocol.encode(protocol.pong_message(client_ms, server_clock_ms())))
            case protocol.Hello(client_id=client_id):
                if client.said_hello:
                    raise ProtocolError("hello only once")
                client.said_hello = True
                client.voter = f"device-{client_id}"
                client.send(protocol.encode(self.checkpoint.answered_message(client.voter)))
            case protocol.Nickname(nickname=nickname):
                kept = self.checkpoint.set_nickname(client.voter, nickname, client.address)
                client.send(protocol.encode(protocol.nickname_message(kept)))
            case protocol.Answer(question=question_id, option=option):
                self.checkpoint.answer(client.voter, question_id, option, client.address)
                client.send(protocol.encode(self.checkpoint.answered_message(client.voter)))
                self._results_changed()
            case protocol.Command(name=name):
                _call_safely(self.on_command, name)

    # What the presentation publishes ---------------------------------------------------------

    def publish_state(self, message: dict[str, Any]) -> None:
        self._state = protocol.encode(message)
        self.broadcast(self._state)

    def publish_question(self, question: Question | None) -> None:
        """Open a round for ``question`` (closing the one before), or close it (None)."""
        if question is None:
            if self.checkpoint.close() is None:
                return
        else:
            self.checkpoint.open(question)
        self.broadcast(protocol.encode(self.checkpoint.question_message()))
        self._send_results()

    def publish_reveal(self) -> None:
        """Reveal the open question's answer to every page; answers lock."""
        if not self.checkpoint.reveal():
            return
        reveal = self.checkpoint.reveal_message()
        if reveal is not None:
            self.broadcast(protocol.encode(reveal))
        self._send_results()

    def _results_changed(self) -> None:
        """Send the counts soon, once for a burst of answers."""
        if not self._results_pending:
            self._results_pending = True
            asyncio.get_running_loop().call_later(RESULTS_INTERVAL_S, self._send_results)

    def _send_results(self) -> None:
        self._results_pending = False
        results = self.checkpoint.results_message()
        self.broadcast(protocol.encode(results), role=TEACHER)
        if self.on_answers is not None:
            _call_safely(self.on_answers, results)


def _call_safely(callback: Callable[[Any], None], argument: Any) -> None:
    """A failing callback of the app must not take the server down: log it and go on."""
    try:
        callback(argument)
    except Exception:
        log.exception("companion callback %r failed", callback)


def _forget(client: Client) -> None:
    """Cancel ``client``'s pending deadline (its socket is gone)."""
    if client.deadline is not None:
        client.deadline.cancel()
        client.deadline = None


async def _close_quietly(ws: web.WebSocketResponse, code: int) -> None:
    with contextlib.suppress(Exception):
        await asyncio.wait_for(ws.close(code=code), SEND_TIMEOUT_S)
