"""The messages between the companion server and the pages: JSON objects with a ``type``.

From a page (validated by :func:`parse_message`; anything else raises :class:`ProtocolError`):

- ``{"type": "ping", "client_ms": n}`` — a clock probe; ``n`` is the page's own clock in ms
  (``performance.now()``, a float is fine), ``0 <= n <= 2**53``. Answered at once by ``pong``.
- ``{"type": "hello", "client_id": "…"}`` — 16 to 64 letters, digits, ``-`` or ``_``, random
  and kept by the page (``localStorage``), so that a phone that reconnects keeps its one answer
  instead of answering twice. Optional: without it, answers count per connection.
- ``{"type": "nickname", "nickname": "…"}`` — optional, at most :data:`MAX_NICKNAME_CHARS`
  characters after trimming, no control, format (zero-width, bidi, tag) or blank filler
  characters, at most :data:`MAX_COMBINING_RUN` combining marks in a row, and something
  visible; ``""`` clears it.
- ``{"type": "answer", "question": "s3q1", "option": i}`` — ``0 <= i < MAX_OPTIONS`` (the
  round checks it against the question's own options).
- ``{"type": "command", "name": "…"}`` — teacher page only; a name from :data:`COMMANDS`.

From the server (built by the ``*_message`` functions below, encoded by :func:`encode`):
``welcome``, ``state``, ``pong``, ``question``, ``results``, ``reveal``, ``answered``,
``nickname`` (the answer to a page's nickname: the one kept) and ``error`` (with a reason: to a
refused message, a nickname's too). Every server message that depends on time carries ``server_ms``, the server's
monotonic clock in ms (``time.monotonic_ns() // 1_000_000``).

Everything here is pure: no I/O, no clock of its own.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: Largest message a page may send, in bytes of UTF-8.
MAX_MESSAGE_BYTES = 4096
#: Longest nickname, in characters (code points after NFC), once trimmed.
MAX_NICKNAME_CHARS = 24
#: A question has at most this many options (the song model allows 2 to 4).
MAX_OPTIONS = 4
#: The largest clock value a page may send: JavaScript's largest exact integer.
MAX_CLIENT_MS = 2**53
#: What the teacher page can ask for; the Qt bridge maps each to the session's command.
COMMANDS = frozenset(
    {
        "play_pause",
        "previous_line",
        "next_line",
        "previous_stanza",
        "next_stanza",
        "continue",
        "blackout",
        "show_question",
        "close_question",
        "reveal",
    }
)

_QUESTION_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")
_CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
#: Most combining marks in a row in a nickname (after NFC): enough for any script's accents,
#: too few for "Zalgo" text that spills over the names above and below it.
MAX_COMBINING_RUN = 2
# Control, format (zero-width, bidi marks and overrides that could turn a name around on the
# projector, tag characters U+E0000-E007F), surrogate (JSON allows "\ud800"), unassigned,
# private use, line/paragraph separators.
_BANNED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Cn", "Co", "Zl", "Zp"})
# Letters and symbols that show as blank: a name of them looks like no name, or like another's.
_BLANK_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_ZERO_WIDTH_JOINER = "\u200d"
# What makes a nickname visible: letters, numbers, punctuation, symbols.
_VISIBLE = ("L", "N", "P", "S")


class ProtocolError(ValueError):
    """A message that is refused; ``str()`` is a short reason, safe to send back to the page."""


@dataclass(frozen=True, slots=True)
class Ping:
    client_ms: float


@dataclass(frozen=True, slots=True)
class Hello:
    client_id: str


@dataclass(frozen=True, slots=True)
class Nickname:
    #: Trimmed and NFC-normalised; ``""`` means "no nickname".
    nickname: str


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    option: int


@dataclass(frozen=True, slots=True)
class Command:
    name: str


ClientMessage = Ping | Hello | Nickname | Answer | Command

#: The fields of each message type a page may send (besides ``type``).
_FIELDS: dict[str, frozenset[str]] = {
    "ping": frozenset({"client_ms"}),
    "hello": frozenset({"client_id"}),
    "nickname": frozenset({"nickname"}),
    "answer": frozenset({"question", "option"}),
    "command": frozenset({"name"}),
}
#: Message types only the teacher page may send, and those only students send.
_TEACHER_ONLY = frozenset({"command"})
_STUDENT_ONLY = frozenset({"hello", "nickname", "answer"})


def parse_message(raw: str | bytes, *, teacher: bool = False) -> ClientMessage:
    """The message ``raw`` from a page, validated; raises :class:`ProtocolError` otherwise.

    ``teacher`` says whether it came over the teacher's (token-checked) socket: only the
    teacher sends commands, only students answer. Never raises anything but ProtocolError.
    """
    data = _load_object(raw)
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in _FIELDS:
        raise ProtocolError("unknown message type")
    if teacher and kind in _STUDENT_ONLY:
        raise ProtocolError(f"{kind} is for the student page")
    if not teacher and kind in _TEACHER_ONLY:
        raise ProtocolError("commands are for the teacher page")
    unknown = set(data) - {"type"} - _FIELDS[kind]
    if unknown:
        raise ProtocolError("unknown field")
    missing = _FIELDS[kind] - set(data)
    if missing:
        raise ProtocolError(f"missing field {sorted(missing)[0]}")
    if kind == "ping":
        return Ping(_client_ms(data["client_ms"]))
    if kind == "hello":
        return Hello(_matching(data["client_id"], _CLIENT_ID, "client_id"))
    if kind == "nickname":
        return Nickname(clean_nickname(data["nickname"]))
    if kind == "answer":
        return Answer(
            _matching(data["question"], _QUESTION_ID, "question"),
            _bounded_int(data["option"], 0, MAX_OPTIONS - 1, "option"),
        )
    name = data["name"]
    if not isinstance(name, str) or name not in COMMANDS:
        raise ProtocolError("unknown command")
    return Command(name)


def _load_object(raw: str | bytes) -> dict[str, Any]:
    if isinstance(raw, bytes | bytearray):
        if len(raw) > MAX_MESSAGE_BYTES:
            raise ProtocolError("message too large")
        try:
            text = bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError("not UTF-8") from None
    else:
        text = raw
        # Cheap bound first: a character is at most 4 bytes, at least 1.
        if len(text) > MAX_MESSAGE_BYTES or (
            len(text) * 4 > MAX_MESSAGE_BYTES
            and len(text.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES
        ):
            raise ProtocolError("message too large")
    try:
        data = json.loads(text, parse_constant=_no_constant, object_pairs_hook=_no_duplicate_keys)
    except ProtocolError:
        raise
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError; deep nesting
        raise ProtocolError("not JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError("not a JSON object")
    return data


def _no_constant(name: str) -> Any:
    raise ProtocolError(f"{name} is not a number")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ProtocolError("duplicate field")
    return data


def _client_ms(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProtocolError("client_ms must be a number")
    if not math.isfinite(value) or not 0 <= value <= MAX_CLIENT_MS:
        raise ProtocolError("client_ms out of range")
    return value


def _bounded_int(value: object, low: int, high: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProtocolError(f"{name} must be a whole number")
    if not low <= value <= high:
        raise ProtocolError(f"{name} out of range")
    return value


def _matching(value: object, pattern: re.Pattern[str], name: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ProtocolError(f"bad {name}")
    return value


def clean_nickname(value: object) -> str:
    """A nickname trimmed and NFC-normalised, or :class:`ProtocolError` if it cannot be one.

    Kept as plain text: the pages and the projector show it as text, never as markup.
    """
    if not isinstance(value, str):
        raise ProtocolError("nickname must be text")
    if any(_banned(value, index) for index in range(len(value))):
        raise ProtocolError("nickname has control characters")
    nickname = unicodedata.normalize("NFC", value).strip()
    if len(nickname) > MAX_NICKNAME_CHARS:
        raise ProtocolError(f"nickname longer than {MAX_NICKNAME_CHARS} characters")
    run = 0
    for character in nickname:
        run = run + 1 if unicodedata.combining(character) else 0
        if run > MAX_COMBINING_RUN:
            raise ProtocolError("nickname has too many accents in a row")
    if nickname and not any(unicodedata.category(c).startswith(_VISIBLE) for c in nickname):
        raise ProtocolError("nickname has nothing visible")
    return nickname


def _banned(text: str, index: int) -> bool:
    """Whether ``text[index]`` may not be in a nickname. The zero-width joiner is allowed
    between two symbols only, where it joins an emoji sequence (👩‍🔬) and hides nothing."""
    character = text[index]
    if character in _BLANK_FILLERS:
        return True
    if character == _ZERO_WIDTH_JOINER:
        before = text[index - 1] if index > 0 else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        # An emoji with a variation selector (❤️) keeps it before the joiner.
        if before == "\ufe0f" and index > 1:
            before = text[index - 2]
        return not (_symbol(before) and _symbol(after))
    return unicodedata.category(character) in _BANNED_CATEGORIES


def _symbol(character: str) -> bool:
    return bool(character) and unicodedata.category(character) == "So"


# Server → page --------------------------------------------------------------------------------


def encode(message: Mapping[str, Any]) -> str:
    """One message as compact JSON text (UTF-8 on the wire; non-ASCII kept as is)."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def welcome_message(role: str, server_ms: int) -> dict[str, Any]:
    """The first message on a socket: who the page is (``"student"`` or ``"teacher"``)."""
    return {"type": "welcome", "role": role, "server_ms": server_ms}


def pong_message(client_ms: float, server_ms: int) -> dict[str, Any]:
    return {"type": "pong", "client_ms": client_ms, "server_ms": server_ms}


def state_message(
    *,
    playing: bool,
    position_ms: int,
    rate: float,
    line: int | None,
    stanza: int | None,
    blackout: bool,
    teaching_pause: bool,
    offset_ms: int,
    server_ms: int,
) -> dict[str, Any]:
    """The playback state at ``server_ms``: a page estimates the media position later as
    ``position_ms + (server_now_ms - server_ms) * rate`` while ``playing``, and the lyrics
    time as that minus ``offset_ms``, the session's lyrics offset now (it changes while
    presenting: every state carries it, so the pages never use an old one)."""
    return {
        "type": "state",
        "playing": bool(playing),
        "position_ms": int(position_ms),
        "rate": float(rate),
        "line": line,
        "stanza": stanza,
        "blackout": bool(blackout),
        "teaching_pause": bool(teaching_pause),
        "offset_ms": int(offset_ms),
        "server_ms": int(server_ms),
    }


def error_message(reason: str) -> dict[str, Any]:
    return {"type": "error", "reason": reason}


def nickname_message(nickname: str) -> dict[str, Any]:
    """The answer to a page's nickname: the one kept for it (numbered, ``Ana (2)``, when
    another student has it; ``""`` once cleared), so the page says what was saved."""
    return {"type": "nickname", "nickname": nickname}
