"""The aiohttp application: routes, the token check and the security headers.

Routes: ``/`` the student page, ``/teacher?token=…`` the teacher page (403 without the right
token), ``/ws`` the students' WebSocket, ``/ws/teacher?token=…`` the teacher's (403 before the
upgrade without the token), ``/static/…`` files of ``karaoke/companion/static/`` only (aiohttp's
static route: no symlinks out, no index, ``..`` refused), ``/song.json`` the song payload.

Every response — pages, files, errors, the WebSocket upgrade — gets the headers of
:func:`security_headers`: a strict Content-Security-Policy (no inline script or style, nothing
from elsewhere, not framable), ``nosniff`` and ``no-referrer`` (so the teacher's token never
leaves in a Referer). A WebSocket upgrade from a page of another site (its ``Origin`` is not this
server) is refused: a web page elsewhere cannot drive the class's server from a student's phone.

Every request must name this server in its ``Host`` (the bound address and port; also
``localhost`` when bound to 127.0.0.1), else 421, and an ``Origin``, if any, must be this server
too, else 403. Both headers are chosen by whoever sends the request, so comparing one with the
other proves nothing: a site that rebinds its DNS name to the class server's address (DNS
rebinding) would pass that; it cannot make the browser send the server's own address as Host.
The ``Server`` header names no versions.

Left to aiohttp: a request it cannot parse (a bad request line, an oversized header) gets its own
plain-text 400 without our headers, before any route or hook of ours runs; the connection closes.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web
from aiohttp.typedefs import Handler

from karaoke.companion.hub import STUDENT, TEACHER, Hub

STATIC_DIR = Path(__file__).resolve().parent / "static"
HUB_KEY = web.AppKey("hub", Hub)
#: The ``Host`` values that name this server (lower case), filled in once it is bound.
HOSTS_KEY: web.AppKey[set[str]] = web.AppKey("hosts")
#: The teacher's token *now*: a function, as the console may renew it while serving.
TOKEN_KEY: web.AppKey[Callable[[], str]] = web.AppKey("token")
#: A frame larger than this closes the socket (1009) inside aiohttp; anything over
#: :data:`~karaoke.companion.protocol.MAX_MESSAGE_BYTES` but under it is answered with an error,
#: and the connection goes on.
MAX_FRAME_BYTES = 64 * 1024
#: WebSocket pings keep connections through sleepy Wi-Fi and find dead phones, in seconds.
HEARTBEAT_S = 20.0

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'{ws}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
# A Host header fit to name in the CSP: a name or address and a port, nothing else.
_HOST = re.compile(r"[A-Za-z0-9.\-]{1,253}(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]{2,45}\](:[0-9]{1,5})?")


def security_headers(host: str | None) -> dict[str, str]:
    """The headers of every response. ``connect-src 'self'`` covers ``ws:`` to the same host in
    CSP Level 3 (current Chrome, Firefox, Safari); the explicit ``ws://HOST`` is for browsers
    that predate it."""
    ws = f" ws://{host}" if host and _HOST.fullmatch(host) else ""
    return {
        "Content-Security-Policy": _CSP.format(ws=ws),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


async def _add_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(security_headers(request.host))
    response.headers["Server"] = "karaoke"  # aiohttp would name itself and Python, versions too
    if request.path in ("/teacher", "/ws/teacher"):
        response.headers["Cache-Control"] = "no-store"


def token_ok(request: web.Request) -> bool:
    """Whether the request carries the teacher's token, compared in constant time."""
    given = request.query.get("token", "")
    return hmac.compare_digest(given.encode("utf-8"), request.app[TOKEN_KEY]().encode("utf-8"))


def allowed_hosts(host: str, port: int) -> set[str]:
    """The ``Host`` values naming a server bound to ``host`` (an IP address) and ``port``."""
    name = f"[{host}]" if ":" in host else host
    names = {name.lower(), "localhost"} if host == "127.0.0.1" else {name.lower()}
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:  # browsers leave the default port out
        hosts |= names
    return hosts


@web.middleware
async def _this_server_only(request: web.Request, handler: Handler) -> web.StreamResponse:
    hosts = request.app[HOSTS_KEY]
    if request.headers.get("Host", "").lower() not in hosts:
        raise web.HTTPMisdirectedRequest(text="This server does not serve that name.")
    if not _same_origin(request, hosts):
        raise web.HTTPForbidden(text="Requests from other sites are not allowed.")
    return await handler(request)


def _same_origin(request: web.Request, hosts: set[str]) -> bool:
    origin = request.headers.get("Origin")
    if origin is None:  # not a browser page (a test client, the load benchmark), or a GET
        return True
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return parts.scheme == "http" and parts.netloc.lower() in hosts


async def student_page(request: web.Request) -> web.StreamResponse:
    return web.FileResponse(STATIC_DIR / "student.html")


async def teacher_page(request: web.Request) -> web.StreamResponse:
    if not token_ok(request):
        raise web.HTTPForbidden(text="This page needs the teacher's link.")
    return web.FileResponse(STATIC_DIR / "teacher.html")


async def song_json(request: web.Request) -> web.StreamResponse:
    return web.Response(body=request.app[HUB_KEY].song_json, content_type="application/json")


async def student_socket(request: web.Request) -> web.StreamResponse:
    return await _socket(request, STUDENT)


async def teacher_socket(request: web.Request) -> web.StreamResponse:
    if not token_ok(request):
        raise web.HTTPForbidden(text="This needs the teacher's link.")
    return await _socket(request, TEACHER)


async def _socket(request: web.Request, role: str) -> web.StreamResponse:
    # Host and Origin were checked by _this_server_only, on every route.
    hub = request.app[HUB_KEY]
    ws = web.WebSocketResponse(max_msg_size=MAX_FRAME_BYTES, heartbeat=HEARTBEAT_S, compress=False)
    client = hub.admit(ws, role, request.remote or "")
    if client is None:
        raise web.HTTPServiceUnavailable(text="Too many phones are connected.")
    try:
        await ws.prepare(request)
        hub.welcome(client)
        async for message in ws:
            if message.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                code = hub.receive(client, message.data)
                if code is not None:
                    await ws.close(code=code, message=b"too many messages")
                    break
    finally:
        hub.leave(client)
    return ws


def make_app(hub: Hub, token: Callable[[], str], hosts: set[str]) -> web.Application:
    """The application for ``hub``; the teacher's routes need the token ``token()`` gives
    at each request. It serves requests naming one of ``hosts`` only (:func:`allowed_hosts`;
    the caller fills the set in once the port is known)."""
    app = web.Application(client_max_size=MAX_FRAME_BYTES, middlewares=[_this_server_only])
    app[HUB_KEY] = hub
    app[HOSTS_KEY] = hosts
    app[TOKEN_KEY] = token
    app.on_response_prepare.append(_add_headers)
    app.router.add_get("/", student_page)
    app.router.add_get("/teacher", teacher_page)
    app.router.add_get("/song.json", song_json)
    app.router.add_get("/ws", student_socket)
    app.router.add_get("/ws/teacher", teacher_socket)
    app.router.add_static("/static/", STATIC_DIR, follow_symlinks=False, show_index=False)
    return app
