"""The bridge with the real companion server on loopback and a session on the fake player: the
state reaches a page on each change, a teacher's command reaches the session (in the GUI
thread), a page without the token is refused, and stopping frees the port."""

from __future__ import annotations

import socket
import threading

import aiohttp
import pytest

from karaoke.app.companion_bridge import CompanionBridge
from karaoke.app.session import LYRICS_ONLY_TAIL_MS, PlaybackSession
from karaoke.companion.payload import song_payload
from karaoke.core.clock import PlaybackClock
from karaoke.core.package import open_song
from karaoke.player.fake_player import FakePlayer
from tests.companion.conftest import receive, run, session, ws_url
from tests.conftest import BUNDLED


@pytest.fixture
def bridge(qtbot, fake_time):
    song = open_song(BUNDLED).song
    player = FakePlayer(song.duration_ms + LYRICS_ONLY_TAIL_MS, now_ns=fake_time)
    playback = PlaybackSession(song, player, PlaybackClock(fake_time))
    blackout = {"on": False}
    made = CompanionBridge(
        playback,
        song_payload(song, "es"),
        host="127.0.0.1",
        port=0,
        blackout=lambda: blackout["on"],
        now_ns=fake_time,
    )
    made.blackout_flag = blackout  # type: ignore[attr-defined]
    made.start(announce=False)
    yield made
    made.stop()
    playback.close()


def test_a_page_gets_the_state_when_the_session_plays_seeks_and_blacks_out(bridge, fake_time):
    playback = bridge.session

    async def scenario():
        async with session() as http, http.ws_connect(ws_url(bridge.server)) as page:
            first = await receive(page, "state")
            assert first["playing"] is False and first["position_ms"] == 0
            playback.play()
            playing = await receive(page, "state")
            assert playing["playing"] is True
            playback.seek(30_000)
            seeked = await receive(page, "state")
            assert seeked["position_ms"] == 30_000
            line = playback.timeline.line_at(30_000 - playback.offset_ms)
            assert seeked["line"] == line
            assert seeked["stanza"] == playback.timeline.stanza_of_line(line)
            # Frames that go on as predicted send nothing; a black-out is published when told.
            fake_time.advance(16)
            playback.tick()
            bridge.blackout_flag["on"] = True
            bridge.publish()
            blacked = await receive(page, "state")
            assert blacked["blackout"] is True and blacked["position_ms"] == 30_016

    run(scenario())


def test_each_state_carries_the_sessions_offset_and_a_nudge_is_published(bridge):
    playback = bridge.session
    playback.set_offset(5000)  # --offset or the one remembered for the song

    async def scenario():
        async with session() as http, http.ws_connect(ws_url(bridge.server)) as page:
            first = await receive(page, "state")
            assert first["offset_ms"] == 5000
            playback.set_offset(4900)  # G while presenting
            nudged = await receive(page, "state")
            assert nudged["offset_ms"] == 4900

    run(scenario())


def test_a_frame_far_from_the_prediction_is_published_as_a_seek(bridge, fake_time):
    playback = bridge.session
    playback.seek(10_000)

    async def scenario():
        async with session() as http, http.ws_connect(ws_url(bridge.server)) as page:
            await receive(page, "state")
            # The clock jumps (as after a seek the session itself made): the next frame says so.
            playback.clock.seek(40_000)
            playback.tick()
            jumped = await receive(page, "state")
            assert jumped["position_ms"] == 40_000

    run(scenario())


def test_a_teacher_command_toggles_playback_in_the_gui_thread(bridge, qtbot):
    playback = bridge.session
    threads = []
    bridge.command_from_phone.connect(lambda name: threads.append(threading.current_thread()))
    bridge.command_from_phone.connect(lambda name: playback.toggle() if name == "play_pause" else 0)

    async def send(name):
        url = ws_url(bridge.server, f"/ws/teacher?token={bridge.server.token}")
        async with session() as http, http.ws_connect(url) as teacher:
            assert (await receive(teacher, "welcome"))["role"] == "teacher"
            await teacher.send_json({"type": "command", "name": name})
            await receive(teacher, "state")

    run(send("play_pause"))
    qtbot.waitUntil(lambda: playback.playing, timeout=5000)
    assert threads == [threading.main_thread()]
    run(send("play_pause"))
    qtbot.waitUntil(lambda: not playback.playing, timeout=5000)


def test_the_count_of_students_pages_comes_in_the_gui_thread(bridge, qtbot):
    counts, threads = [], []
    bridge.students_changed.connect(counts.append)
    bridge.students_changed.connect(lambda _: threads.append(threading.current_thread()))

    async def two_phones():
        async with session() as http:
            for _ in range(2):
                page = await http.ws_connect(ws_url(bridge.server))
                await receive(page, "welcome")

    run(two_phones())  # they join, then the session closes them
    qtbot.waitUntil(lambda: counts[-1:] == [0], timeout=5000)
    assert counts[:2] == [1, 2] and max(counts) == 2
    assert set(threads) == {threading.main_thread()}


@pytest.mark.parametrize("query", ["", "?token=wrong"])
def test_the_teacher_socket_is_refused_without_the_token(bridge, query):
    async def scenario():
        async with session() as http:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(ws_url(bridge.server, f"/ws/teacher{query}"))
            return refused.value.status

    assert run(scenario()) == 403
    assert not bridge.session.playing


def test_stopping_frees_the_port_and_says_so(bridge):
    port = bridge.server.port
    seen = []
    bridge.running_changed.connect(seen.append)
    bridge.stop()
    bridge.stop()  # idempotent
    assert seen == [False] and not bridge.running
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))  # free again
