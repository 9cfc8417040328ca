"""Validation of what the pages send: every bound, and junk always refused cleanly."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karaoke.companion import protocol
from karaoke.companion.protocol import (
    COMMANDS,
    MAX_MESSAGE_BYTES,
    Answer,
    Command,
    Hello,
    Nickname,
    Ping,
    ProtocolError,
    parse_message,
)


def parse(message: object, teacher: bool = False):
    return parse_message(json.dumps(message), teacher=teacher)


def test_each_message_type_is_read():
    assert parse({"type": "ping", "client_ms": 12.5}) == Ping(12.5)
    assert parse({"type": "hello", "client_id": "a" * 32}) == Hello("a" * 32)
    assert parse({"type": "nickname", "nickname": "  Ana  "}) == Nickname("Ana")
    assert parse({"type": "answer", "question": "s3q1", "option": 2}) == Answer("s3q1", 2)
    assert parse({"type": "command", "name": "reveal"}, teacher=True) == Command("reveal")
    assert parse({"type": "ping", "client_ms": 0}, teacher=True) == Ping(0)


def test_bytes_are_read_as_utf8():
    assert parse_message('{"type":"nickname","nickname":"Íñigo"}'.encode()) == Nickname("Íñigo")
    with pytest.raises(ProtocolError, match="not UTF-8"):
        parse_message(b'{"type":"nickname","nickname":"\xff"}')


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_accepted_from_the_teacher(name):
    assert parse({"type": "command", "name": name}, teacher=True) == Command(name)


@pytest.mark.parametrize(
    ("message", "teacher", "reason"),
    [
        ({"type": "command", "name": "play_pause"}, False, "for the teacher page"),
        ({"type": "command", "name": "shutdown"}, True, "unknown command"),
        ({"type": "command", "name": ["play_pause"]}, True, "unknown command"),
        ({"type": "answer", "question": "s1q1", "option": 0}, True, "for the student page"),
        ({"type": "nickname", "nickname": "x"}, True, "for the student page"),
        ({"type": "launch"}, False, "unknown message type"),
        ({"type": 3}, False, "unknown message type"),
        ({"client_ms": 3}, False, "unknown message type"),
        ({"type": "ping"}, False, "missing field client_ms"),
        ({"type": "ping", "client_ms": 1, "extra": 1}, False, "unknown field"),
        ({"type": "ping", "client_ms": "1"}, False, "must be a number"),
        ({"type": "ping", "client_ms": True}, False, "must be a number"),
        ({"type": "ping", "client_ms": -1}, False, "out of range"),
        ({"type": "ping", "client_ms": 2**53 + 2}, False, "out of range"),
        ({"type": "answer", "question": "s1q1", "option": 4}, False, "option out of range"),
        ({"type": "answer", "question": "s1q1", "option": -1}, False, "option out of range"),
        ({"type": "answer", "question": "s1q1", "option": 1.0}, False, "whole number"),
        ({"type": "answer", "question": "s1q1", "option": False}, False, "whole number"),
        ({"type": "answer", "question": "<b>", "option": 0}, False, "bad question"),
        ({"type": "answer", "question": "q" * 33, "option": 0}, False, "bad question"),
        ({"type": "hello", "client_id": "short"}, False, "bad client_id"),
        ({"type": "hello", "client_id": "a" * 31 + "/"}, False, "bad client_id"),
        ({"type": "nickname", "nickname": 7}, False, "must be text"),
        ({"type": "nickname", "nickname": "a" * 25}, False, "longer than 24"),
        ({"type": "nickname", "nickname": "tab\there"}, False, "control characters"),
        ({"type": "nickname", "nickname": "line\nbreak"}, False, "control characters"),
        ({"type": "nickname", "nickname": "evil\u202eoj"}, False, "control characters"),
        ({"type": "nickname", "nickname": "\ud800"}, False, "control characters"),
    ],
)
def test_bad_messages_are_refused_with_a_reason(message, teacher, reason):
    with pytest.raises(ProtocolError, match=reason):
        parse(message, teacher)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("[1, 2]", "not a JSON object"),
        ('"ping"', "not a JSON object"),
        ("{", "not JSON"),
        ("", "not JSON"),
        ('{"type": "ping", "client_ms": NaN}', "NaN is not a number"),
        ('{"type": "ping", "client_ms": Infinity}', "Infinity is not a number"),
        ('{"type": "ping", "type": "ping", "client_ms": 1}', "duplicate field"),
        ("[" * 2000 + "]" * 2000, "not JSON"),
    ],
)
def test_junk_is_refused(raw, reason):
    with pytest.raises(ProtocolError, match=reason):
        parse_message(raw)


def test_size_is_bounded_in_bytes_not_characters():
    padding = MAX_MESSAGE_BYTES - len('{"type":"nickname","nickname":""}')
    fits = '{"type":"nickname","nickname":"' + " " * padding + '"}'
    assert len(fits.encode()) == MAX_MESSAGE_BYTES
    assert parse_message(fits) == Nickname("")
    # Two-byte characters: under the limit in characters, over it in bytes.
    over = '{"type":"nickname","nickname":"' + "ñ" * (padding // 2 + 1) + '"}'
    assert len(over) < MAX_MESSAGE_BYTES < len(over.encode())
    for raw in (over, over.encode(), "x" * 5000):
        with pytest.raises(ProtocolError, match="too large"):
            parse_message(raw)


def test_a_script_nickname_is_kept_as_text():
    assert parse({"type": "nickname", "nickname": "<script>x()</script>"}) == Nickname(
        "<script>x()</script>"
    )


@pytest.mark.parametrize(
    ("nickname", "reason"),
    [
        ("A\u200bna", "control characters"),  # zero-width space (Cf)
        ("\u200bAna", "control characters"),
        ("Ana\u2060", "control characters"),  # word joiner (Cf)
        ("Ana\u200e", "control characters"),  # left-to-right mark
        ("\u2067Ana\u2069", "control characters"),  # an isolate around the name
        ("Ana\U000e0041\U000e007f", "control characters"),  # tag characters
        ("🏴\U000e0067\U000e0062\U000e007f", "control characters"),  # a tag sequence too
        ("An\u200da", "control characters"),  # the joiner between letters hides nothing...
        ("\u200d", "control characters"),  # ...or nothing at all
        ("\u3164", "control characters"),  # Hangul fillers: blank "letters"
        ("Ana\u3164", "control characters"),
        ("\u115f\u1160", "control characters"),
        ("\uffa0", "control characters"),
        ("\u2800", "control characters"),  # braille blank
        ("Zalgx\u0301\u0302\u0303", "too many accents"),
        ("\u0301\u0302", "nothing visible"),
    ],
)
def test_invisible_and_spoofing_nicknames_are_refused(nickname, reason):
    with pytest.raises(ProtocolError, match=reason):
        parse({"type": "nickname", "nickname": nickname})


@pytest.mark.parametrize(
    "nickname",
    [
        "Nguyễn Thị Ánh",
        "क्षत्रिय",
        "Ζωή",
        "محمد",
        "李小龍",
        "❤️\u200d🔥 Ana",
        "Ana (2)",
        "x\u0301\u0302",
    ],
)
def test_nicknames_in_any_script_and_emoji_sequences_are_kept(nickname):
    assert parse({"type": "nickname", "nickname": nickname}).nickname == nickname


def test_nicknames_are_normalised_and_may_be_cleared():
    assert parse({"type": "nickname", "nickname": "Jose\u0301"}).nickname == "José"
    assert parse({"type": "nickname", "nickname": "   "}) == Nickname("")
    assert parse({"type": "nickname", "nickname": "👩‍🔬 Marie"}).nickname == "👩‍🔬 Marie"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
message_like = st.fixed_dictionaries(
    {"type": st.sampled_from(["ping", "hello", "nickname", "answer", "command", "x"])},
    optional={
        "client_ms": json_values,
        "client_id": json_values,
        "nickname": json_values,
        "question": json_values,
        "option": json_values,
        "name": json_values,
        "other": json_values,
    },
)


def _parses_or_refuses(raw: str | bytes, teacher: bool) -> None:
    try:
        result = parse_message(raw, teacher=teacher)
    except ProtocolError as error:
        assert str(error)
    else:
        assert isinstance(result, Ping | Hello | Nickname | Answer | Command)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), st.booleans())
def test_any_bytes_are_refused_cleanly(raw, teacher):
    _parses_or_refuses(raw, teacher)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_any_text_is_refused_cleanly(raw, teacher):
    _parses_or_refuses(raw, teacher)


@settings(max_examples=400, deadline=None)
@given(message_like, st.booleans())
def test_any_message_shaped_junk_is_refused_cleanly(message, teacher):
    _parses_or_refuses(json.dumps(message), teacher)


def test_server_messages_encode_compactly_and_keep_accents():
    message = protocol.state_message(
        playing=True,
        position_ms=1500,
        rate=1.0,
        line=3,
        stanza=None,
        blackout=False,
        teaching_pause=False,
        offset_ms=-250,
        server_ms=99,
    )
    assert json.loads(protocol.encode(message)) == message
    assert protocol.encode(protocol.error_message("ñ")) == '{"type":"error","reason":"ñ"}'
    with pytest.raises(ValueError):
        protocol.encode({"x": float("nan")})
