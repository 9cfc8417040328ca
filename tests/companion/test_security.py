"""The companion on a shared class network: tokens, sizes, paths, headers, limits, pages."""

from __future__ import annotations

import asyncio
import re

import aiohttp
import pytest

from karaoke.companion.hub import Limits
from karaoke.companion.server import CompanionServer
from karaoke.companion.web import STATIC_DIR
from tests.companion.conftest import PAYLOAD, question, receive, run, session, ws_url

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' ws://127.0.0.1:{port}; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'none'"
)


def status_of(server, path: str) -> int:
    async def scenario():
        async with session() as http, http.get(f"http://127.0.0.1:{server.port}{path}") as r:
            return r.status

    return run(scenario())


def test_the_teacher_page_needs_the_token(server):
    wrong = "x" * len(server.token)  # same length: compared in full, in constant time
    assert status_of(server, f"/teacher?token={server.token}") == 200
    for path in ("/teacher", "/teacher?token=", f"/teacher?token={wrong}"):
        assert status_of(server, path) == 403, path


def test_the_teacher_socket_needs_the_token(server, recorder):
    wrong = server.token[:-1] + ("A" if server.token[-1] != "A" else "B")

    async def scenario():
        async with session() as http:
            for query in ("", "?token=", f"?token={wrong}"):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(ws_url(server, "/ws/teacher" + query))
                assert refused.value.status == 403

    run(scenario())
    assert recorder.commands == []


@pytest.mark.parametrize(
    "path",
    [
        "/static/../server.py",
        "/static/%2e%2e/server.py",
        "/static/%2E%2E%2Fserver.py",
        "/static/..%2fserver.py",
        "/static/%2e%2e/%2e%2e/__init__.py",
        "/static/....//server.py",
        "/static//etc/passwd",
        "/static/",
    ],
)
def test_static_files_cannot_leave_their_folder(server, path):
    async def raw_get() -> bytes:
        # A raw request: an HTTP client would tidy the path before sending it.
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nConnection: close\r\n\r\n".encode()
        )
        await writer.drain()
        data = await reader.read()
        writer.close()
        return data

    response = run(raw_get())
    status = int(response.split(b" ", 2)[1])
    assert status in (400, 403, 404), response[:200]
    assert b"import" not in response and b"root:" not in response


def test_static_files_are_served(server):
    assert status_of(server, "/static/student.js") == 200
    assert status_of(server, "/static/style.css") == 200


def test_every_response_has_the_security_headers(server):
    paths = [
        "/",
        f"/teacher?token={server.token}",
        "/teacher",
        "/song.json",
        "/static/student.js",
        "/static/nothing.js",
        "/nowhere",
        "/ws",  # a plain GET on the socket route: refused, still with headers
    ]

    async def scenario():
        found = {}
        async with session() as http:
            for path in paths:
                async with http.get(f"http://127.0.0.1:{server.port}{path}") as response:
                    found[path] = response.headers
            async with http.ws_connect(ws_url(server)) as ws:
                found["upgrade"] = ws._response.headers
        return found

    for path, headers in run(scenario()).items():
        assert headers["Content-Security-Policy"] == CSP.format(port=server.port), path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "no-referrer", path
    teacher = run(scenario())[f"/teacher?token={server.token}"]
    assert teacher["Cache-Control"] == "no-store"


def test_oversized_and_junk_messages_are_refused_and_the_page_stays(server):
    async def scenario():
        async with session() as http, http.ws_connect(ws_url(server)) as ws:
            await ws.send_str('{"type":"nickname","nickname":"' + "a" * 5000 + '"}')
            assert (await receive(ws, "error"))["reason"] == "message too large"
            for junk in ("{", "[]", '{"type":"ping","client_ms":1,"admin":true}', "\x00"):
                await ws.send_str(junk)
                await receive(ws, "error")
            await ws.send_bytes(b"\xff\xfe")
            assert (await receive(ws, "error"))["reason"] == "not UTF-8"
            await ws.send_json({"type": "ping", "client_ms": 1})
            await receive(ws, "pong")  # still connected
            # A frame far beyond any message: aiohttp closes politely, "message too big".
            await ws.send_str("x" * 100_000)
            closing = await asyncio.wait_for(ws.receive(), 5)
            assert closing.type == aiohttp.WSMsgType.CLOSE
            assert closing.data == aiohttp.WSCloseCode.MESSAGE_TOO_BIG

    run(scenario())


def test_too_many_messages_close_the_connection(server):
    async def scenario():
        async with session() as http, http.ws_connect(ws_url(server)) as ws:
            await receive(ws, "welcome")
            for n in range(200):
                await ws.send_json({"type": "ping", "client_ms": n})
            pongs = 0
            while True:
                message = await asyncio.wait_for(ws.receive(), 5)
                if message.type != aiohttp.WSMsgType.TEXT:
                    break
                pongs += message.json()["type"] == "pong"
            return pongs, message

    pongs, closing = run(scenario())
    assert pongs <= 40  # at most the burst was answered (what was queued may go unsent)
    assert closing.type == aiohttp.WSMsgType.CLOSE
    assert closing.data == aiohttp.WSCloseCode.POLICY_VIOLATION


def test_a_burst_within_the_limit_is_answered_in_full(server):
    async def scenario():
        async with session() as http, http.ws_connect(ws_url(server)) as ws:
            for n in range(30):
                await ws.send_json({"type": "ping", "client_ms": n})
            return [(await receive(ws, "pong"))["client_ms"] for _ in range(30)]

    assert run(scenario()) == list(range(30))


def test_connections_beyond_the_limit_are_refused(server):
    async def scenario():
        async with session() as http:
            open_ = [await http.ws_connect(ws_url(server)) for _ in range(5)]  # the limit
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(ws_url(server))
            assert refused.value.status == 503
            await open_[0].close()
            await asyncio.sleep(0.05)  # the server notices the close
            for _ in range(100):  # a slot is free again (bounded wait)
                if server.connection_count() < 5:
                    break
                await asyncio.sleep(0.02)
            again = await http.ws_connect(ws_url(server))
            for ws in (again, *open_[1:]):
                await ws.close()

    run(scenario())


def test_sockets_from_another_site_are_refused(server):
    async def scenario():
        async with session() as http:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(ws_url(server), headers={"Origin": "http://evil.example"})
            assert refused.value.status == 403
            same = {"Origin": f"http://127.0.0.1:{server.port}"}
            async with http.ws_connect(ws_url(server), headers=same) as ws:
                await receive(ws, "welcome")

    run(scenario())


def test_the_pages_never_build_html_from_strings():
    scripts = sorted(STATIC_DIR.glob("*.js"))
    assert {p.name for p in scripts} >= {"student.js", "teacher.js", "common.js"}
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert banned not in text, f"{path.name} uses {banned}"
        assert "new Function" not in text and 'setAttribute("style"' not in text


def test_the_pages_have_no_inline_script_or_style():
    for name in ("student.html", "teacher.html"):
        html = (STATIC_DIR / name).read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), name
        assert "<style" not in html and " style=" not in html, name
        assert not re.search(r"\son[a-z]+=", html), name  # no onclick=…
        assert "http://" not in html and "https://" not in html, name  # nothing from elsewhere


def test_a_class_full_of_sockets_does_not_shut_the_teacher_out(server):
    async def scenario():
        async with session() as http:
            students = [await http.ws_connect(ws_url(server)) for _ in range(5)]  # the limit
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(ws_url(server))
            assert refused.value.status == 503
            teacher = await http.ws_connect(ws_url(server, f"/ws/teacher?token={server.token}"))
            assert (await receive(teacher, "welcome"))["role"] == "teacher"
            for ws in (teacher, *students):
                await ws.close()

    run(scenario())


def test_one_address_gets_a_few_sockets_and_a_few_votes(recorder):
    companion = CompanionServer(
        PAYLOAD,
        host="127.0.0.1",
        port=0,
        on_command=print,
        limits=Limits(students_per_address=2, voters_per_address=3),
    )
    companion.start(announce=False)

    async def vote(http: aiohttp.ClientSession, number: int) -> dict:
        async with http.ws_connect(ws_url(companion)) as phone:
            await phone.send_json({"type": "hello", "client_id": f"script-phone-{number:06d}"})
            await receive(phone, "answered")
            await phone.send_json({"type": "answer", "question": "s1q1", "option": 0})
            while True:  # the echo of the answer, or why it was refused
                async with asyncio.timeout(5):
                    data = (await phone.receive()).json()
                if data["type"] == "error" or (data["type"] == "answered" and data["option"] == 0):
                    return data

    async def scenario():
        async with session() as http:
            held = [await http.ws_connect(ws_url(companion)) for _ in range(2)]
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(ws_url(companion))
            assert refused.value.status == 503
            for ws in held:
                await ws.close()
            companion.publish_question(question())
            return [await vote(http, n) for n in range(6)]  # one script, six "phones"

    try:
        replies = run(scenario())
    finally:
        companion.stop()
    assert [reply["type"] for reply in replies] == ["answered"] * 3 + ["error"] * 3
    assert "network address" in replies[-1]["reason"]
    assert companion.rounds()[0].counts == (3, 0, 0)


def raw_response(server, path: str, headers: str) -> bytes:
    """The response to a GET of ``path`` sent as is, with ``headers`` (CRLF-ended lines)."""

    async def scenario() -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(f"GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n".encode())
        await writer.drain()
        data = await reader.read()
        writer.close()
        return data

    return run(scenario())


def status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def test_requests_naming_another_host_are_refused_on_every_route(server):
    """DNS rebinding: a site whose name now points at the class server sends its own name."""
    paths = ["/", "/song.json", "/static/student.js", f"/teacher?token={server.token}", "/x"]
    upgrade = "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
    upgrade += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nConnection: Upgrade\r\n"
    for host in ("evil.example", f"evil.example:{server.port}", "127.0.0.1", "127.0.0.1:1"):
        for path in paths:
            assert status(raw_response(server, path, f"Host: {host}\r\n")) == 421, (host, path)
        for path in ("/ws", f"/ws/teacher?token={server.token}"):
            response = raw_response(server, path, f"Host: {host}\r\n{upgrade}")
            assert status(response) == 421, (host, path)
    # Even with the right Host, an Origin of another site (or another port) is refused.
    for origin in ("http://evil.example", f"http://evil.example:{server.port}", "null"):
        headers = f"Host: 127.0.0.1:{server.port}\r\nOrigin: {origin}\r\n"
        assert status(raw_response(server, "/song.json", headers)) == 403, origin


def test_this_servers_names_are_served(server):
    for host in (f"127.0.0.1:{server.port}", f"LOCALHOST:{server.port}"):
        response = raw_response(server, "/song.json", f"Host: {host}\r\n")
        assert status(response) == 200, host
    origin = f"Host: localhost:{server.port}\r\nOrigin: http://localhost:{server.port}\r\n"
    assert status(raw_response(server, "/", origin)) == 200


def test_the_server_header_names_no_versions(server):
    for path in ("/", "/nowhere", "/teacher"):
        response = raw_response(server, path, f"Host: 127.0.0.1:{server.port}\r\n")
        head = response.split(b"\r\n\r\n", 1)[0].lower()
        assert b"\r\nserver: karaoke\r\n" in head + b"\r\n", path
        assert b"aiohttp" not in head and b"python" not in head, path
