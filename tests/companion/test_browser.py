"""The companion's pages in a real browser: Debian's headless Chromium through selenium.

The server is the real :class:`CompanionServer` on loopback with the bundled song; the tests
publish states as the presentation does while the song plays (``publish_state`` at each line
change, positions following the server's clock) and read what the page shows and the state it
keeps on ``<body data-…>``. Every wait is bounded (``tests/companion/browser.py``).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Iterator
from typing import Any

import pytest

from karaoke.companion.hub import server_clock_ms
from karaoke.companion.payload import song_payload
from karaoke.companion.server import CompanionServer
from karaoke.core.model import Song
from karaoke.core.package import open_song
from karaoke.resources import bundled_song
from tests.companion.browser import (
    body_data,
    chromium,
    console_errors,
    csp_violations,
    wait_until,
)
from tests.companion.conftest import Recorder

#: Chromium asks every site for /favicon.ico; the companion serves none, and the 404 it gets
#: is logged as a console error that is not the page's doing. Any other error fails.
#: A generous bound on the phone's position error at p95 in the test; the issue's goal (40 ms
#: on loopback) is measured precisely and reported in docs/performance.md, not asserted here,
#: so that a busy CI machine cannot fail it.
SYNC_P95_BOUND_MS = 150.0
SYNC_SAMPLES = 150


@pytest.fixture(scope="module")
def song() -> Song:
    return open_song(bundled_song()).song


@pytest.fixture
def companion(song: Song, recorder: Recorder) -> Iterator[CompanionServer]:
    server = CompanionServer(
        song_payload(song, "es"),
        host="127.0.0.1",
        port=0,
        on_command=recorder.commands.append,
        on_answers=recorder.answers.append,
    )
    server.start(announce=False)
    yield server
    server.stop()


def page_errors(driver: Any) -> list[str]:
    """Console errors other than the favicon's 404, and every CSP violation."""
    errors = console_errors(driver)
    return errors + [f"CSP: {v}" for v in csp_violations(driver)]


def open_student_page(driver: Any, server: CompanionServer) -> None:
    driver.get(server.student_url)
    wait_until(driver, lambda d: body_data(d, "connected") == "true", "the page to connect")


def play_from(server: CompanionServer, song: Song, position_ms: int, rate: float = 1.0) -> int:
    """Publish a playing state at ``position_ms`` (line and stanza as the session would say
    them); returns the server stamp taken just before."""
    line = max((i for i, x in enumerate(song.lines) if x.start_ms <= position_ms), default=None)
    stanza = next(
        (
            i
            for i, s in enumerate(song.stanzas)
            if line is not None and s.first_line <= line < s.end_line
        ),
        None,
    )
    stamp = server_clock_ms()
    server.publish_state(True, position_ms, rate, line, stanza, False, False)
    return stamp


def shown_line(driver: Any) -> str:
    return str(driver.execute_script("return document.getElementById('current-line').textContent"))


def test_the_student_page_follows_the_song_on_a_phone_sized_window(companion, song):
    with chromium(360, 740) as driver:
        open_student_page(driver, companion)
        assert song.offset_ms == 0  # positions below are lyrics times too
        # Playing, 400 ms before the second line: the first line is lit, the second is next.
        play_from(companion, song, song.lines[1].start_ms - 400)
        wait_until(driver, lambda d: body_data(d, "line") == "0", "the first line")
        assert shown_line(driver) == song.lines[0].text
        assert driver.find_element("id", "next-line").text == song.lines[1].text
        # Nothing more is published: the page's own clock moves it to the next line.
        wait_until(driver, lambda d: body_data(d, "line") == "1", "the page to reach line 2")
        assert shown_line(driver) == song.lines[1].text
        # A jump (as the teacher's "next stanza" makes) is followed at once.
        target = song.stanzas[3].first_line
        play_from(companion, song, song.lines[target].start_ms + 50)
        wait_until(driver, lambda d: body_data(d, "line") == str(target), "the jump")
        assert body_data(driver, "stanza") == "3"
        assert driver.find_element("id", "stanza-title").text == song.stanzas[3].title["es"]
        # Readable at 360 px: nothing wider than the window.
        width, scroll = driver.execute_script(
            "return [window.innerWidth, document.documentElement.scrollWidth]"
        )
        assert width == 360 and scroll <= width
        assert page_errors(driver) == []


def test_a_paused_state_holds_the_line(companion, song):
    with chromium() as driver:
        open_student_page(driver, companion)
        companion.publish_state(False, song.lines[1].start_ms - 50, 1.0, 0, 0, False, False)
        wait_until(driver, lambda d: body_data(d, "line") == "0", "the first line")
        # Playing would have crossed into line 2 within 50 ms; paused, two frames later still 0.
        driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(done)), 150);"
        )
        assert body_data(driver, "line") == "0"


def lyrics_line(song: Song, lyrics_ms: int) -> int:
    """The index of the line lit at ``lyrics_ms`` (the last one started)."""
    return max(i for i, line in enumerate(song.lines) if line.start_ms <= lyrics_ms)


def test_the_page_lights_the_line_of_the_sessions_offset(companion, song):
    """The session's lyrics offset (--offset, the one remembered for the song, G/H) comes with
    each state, whatever the song file says: 5 s of delay lights the line 5 s before, in the
    media, and a nudge back to 0 moves the page at once."""
    offset_ms = 5000
    assert song.offset_ms == 0  # the payload's song offset would be 0
    media_ms = song.lines[3].start_ms + offset_ms + 100
    lit = lyrics_line(song, media_ms - offset_ms)
    assert lit == 3 and lyrics_line(song, media_ms) > lit  # a different line without it
    with chromium() as driver:
        open_student_page(driver, companion)
        companion.publish_state(False, media_ms, 1.0, lit, 0, False, False, offset_ms=offset_ms)
        wait_until(driver, lambda d: body_data(d, "line") == str(lit), "the offset's line")
        assert shown_line(driver) == song.lines[lit].text
        companion.publish_state(False, media_ms, 1.0, None, None, False, False, offset_ms=0)
        later = str(lyrics_line(song, media_ms))
        wait_until(driver, lambda d: body_data(d, "line") == later, "the line without offset")
        assert page_errors(driver) == []


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_phone_answers_a_checkpoint_and_sees_the_reveal(companion, song, recorder, language):
    question = song.stanzas[0].questions[0]
    with chromium(language=language) as driver:
        open_student_page(driver, companion)
        companion.publish_question(question)
        wait_until(driver, lambda d: body_data(d, "question") == question.id, "the question")
        assert driver.find_element("id", "question-prompt").text == question.prompt[language]
        driver.find_element("id", "answer-1").click()
        wait_until(driver, lambda d: body_data(d, "answer") == "1", "the answer echoed")
        counts = wait_until(
            driver,
            lambda d: next(
                (r["counts"] for r in reversed(recorder.answers) if r["total"] == 1), None
            ),
            "the server's counts",
        )
        expected = [0] * len(question.options)
        expected[1] = 1
        assert counts == expected
        companion.publish_reveal()
        wait_until(driver, lambda d: body_data(d, "revealed") == "true", "the reveal")
        right = driver.find_element("id", f"answer-{question.correct}")
        assert "correct" in right.get_attribute("class").split()
        assert driver.find_element("id", "why").text == question.why[language]
        assert not driver.find_element("id", "answer-1").is_enabled()  # locked
        assert page_errors(driver) == []


def type_nickname(driver: Any, text: str) -> str:
    """Put ``text`` in the nickname field as typing would (an input event), press Save; returns
    what the field holds then. (chromedriver cannot type characters beyond the BMP.)"""
    field = driver.execute_script(
        "const field = document.getElementById('nickname'); field.value = arguments[0];"
        "field.dispatchEvent(new Event('input')); return field.value;",
        text,
    )
    driver.find_element("id", "nickname-send").click()
    return str(field)


def nickname_note(driver: Any) -> str:
    return str(driver.find_element("id", "nickname-note").text)


def test_a_nickname_is_cut_by_characters_and_the_page_says_what_the_server_answered(
    companion, song
):
    question = song.stanzas[0].questions[0]
    boundary = "a" * 23 + "😀"  # 24 characters, 25 UTF-16 units: an emoji at the boundary
    with chromium(language="en") as driver:
        open_student_page(driver, companion)
        companion.publish_question(question)  # the nickname row is the checkpoint's
        wait_until(driver, lambda d: body_data(d, "question") == question.id, "the question")
        assert type_nickname(driver, boundary + "b") == boundary  # never half the emoji
        wait_until(driver, lambda d: body_data(d, "nickname") == boundary, "the server's answer")
        assert nickname_note(driver) == f"Nickname saved: {boundary}"
        # A right-to-left override would turn the name around on the projector: refused.
        type_nickname(driver, "Ana\u202eX")
        refused = "Nickname not saved: it has invisible or control characters."
        wait_until(driver, lambda d: nickname_note(d) == refused, "the refusal")
        driver.find_element("id", "language").click()
        assert nickname_note(driver) == (
            "Apodo no guardado: tiene caracteres invisibles o de control."
        )
        kept = driver.execute_script("return localStorage.getItem('karaoke.nickname')")
        assert kept == boundary  # the refused one is not kept, so never sent again
        driver.find_element("id", "answer-0").click()
        wait_until(driver, lambda d: body_data(d, "answer") == "0", "the answer echoed")
        assert page_errors(driver) == []
    companion.publish_question(None)
    (round_,) = companion.rounds()
    assert round_.nickname_answers == ((boundary, 0),)


def test_a_refused_nickname_kept_by_an_older_page_is_sent_once_then_forgotten(companion, song):
    question = song.stanzas[0].questions[0]
    companion.publish_question(question)

    def load() -> None:  # as when the phone wakes up and reconnects
        driver.refresh()
        wait_until(driver, lambda d: body_data(d, "question") == question.id, "the question")

    with chromium(language="es") as driver:
        driver.get(companion.student_url)
        driver.execute_script("localStorage.setItem('karaoke.nickname', 'Ana\u202eX')")
        load()
        refused = "Apodo no guardado: tiene caracteres invisibles o de control."
        wait_until(driver, lambda d: nickname_note(d) == refused, "the refusal")
        assert driver.execute_script("return localStorage.getItem('karaoke.nickname')") == ""
        load()
        driver.find_element("id", "answer-1").click()
        # The server answers in order: a nickname sent on joining would be answered by now.
        wait_until(driver, lambda d: body_data(d, "answer") == "1", "the answer echoed")
        assert nickname_note(driver) == ""


def test_the_teacher_page_with_its_token_sends_play_pause(companion, recorder):
    with chromium(412, 915) as driver:
        driver.get(companion.teacher_url)
        wait_until(driver, lambda d: body_data(d, "connected") == "true", "the teacher's socket")
        driver.find_element("id", "command-play_pause").click()
        wait_until(driver, lambda d: recorder.commands == ["play_pause"], "the command")
        assert page_errors(driver) == []


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "This link no longer works: scan the new code on the console."),
        ("es", "Este enlace ya no funciona: escanea el código nuevo en la consola."),
    ],
)
def test_a_new_remote_code_closes_the_old_remote_for_good(companion, language, said):
    with chromium(412, 915, language=language) as driver:
        driver.get(companion.teacher_url)
        wait_until(driver, lambda d: body_data(d, "connected") == "true", "the teacher's socket")
        companion.renew_token()  # the console's "New remote code"
        wait_until(driver, lambda d: d.find_element("id", "status").text == said, "the reason")
        assert body_data(driver, "connected") == "false"
        # It does not knock again with the old token (the page would say "Connecting…").
        driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; setTimeout(done, 2500);"
        )
        assert driver.find_element("id", "status").text == said
        assert page_errors(driver) == []


def test_the_teacher_page_and_socket_are_refused_without_the_token(companion, recorder):
    with chromium() as driver:
        driver.get(companion.student_url.rstrip("/") + "/teacher")
        status = driver.execute_script(
            "return performance.getEntriesByType('navigation')[0].responseStatus"
        )
        assert status == 403
        assert "teacher" in driver.find_element("tag name", "body").text
        # Even from a page of the same server, the teacher's socket without the token is closed
        # before it opens.
        driver.get(companion.student_url)
        outcome = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "const ws = new WebSocket('ws://' + location.host + '/ws/teacher?token=wrong');"
            "ws.onopen = () => done('open');"
            "ws.onclose = (event) => done('closed ' + event.code);"
        )
        assert outcome == "closed 1006"  # the upgrade was refused (HTTP 403)
        assert recorder.commands == []


#: A phone that can be put to sleep (for the test below): its clock (``performance.now``) can
#: be set back, its WebSockets dropped, and pongs kept from the page.
_SLEEPY_PHONE = """
window.__skewMs = 0;
window.__dropPongs = false;
window.__sockets = [];
const realNow = performance.now.bind(performance);
performance.now = () => realNow() + window.__skewMs;
const RealSocket = WebSocket;
window.WebSocket = class extends RealSocket {
  constructor(...args) {
    super(...args);
    window.__sockets.push(this);
  }
  addEventListener(type, listener, options) {
    const kept = (event) => {
      if (!(window.__dropPongs && String(event.data).includes('"type":"pong"'))) listener(event);
    };
    super.addEventListener(type, type === "message" ? kept : listener, options);
  }
};
"""


def test_after_a_sleep_the_page_takes_the_servers_clock_from_its_welcome(companion, song):
    """A phone wakes up: its clock stood still for a minute while the server's ran on, and its
    socket dropped. On reconnecting the page forgets its old clock samples and estimates the
    server's clock from the welcome at once — no pong is needed (none gets through here) — so
    its first frames are not computed from a state seconds old."""
    with chromium() as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _SLEEPY_PHONE})
        open_student_page(driver, companion)
        position_ms = song.lines[1].start_ms - 3000
        stamp = play_from(companion, song, position_ms)
        wait_until(
            driver,
            lambda d: d.execute_script("return window.companionPosition().clock_samples") >= 8,
            "the page's burst of clock pings",
        )
        time.sleep(1.5)  # the state ages: nothing new is published while the song plays on
        driver.execute_script(
            "window.__skewMs -= 60000; window.__dropPongs = true; window.__sockets.at(-1).close();"
        )
        wait_until(
            driver,
            lambda d: d.execute_script(
                "return window.__sockets.length === 2 && window.companionPosition().clock_known"
            ),
            "the page to reconnect and hear the welcome",
        )
        estimate = driver.execute_script("return window.companionPosition()")
        truth = position_ms + (server_clock_ms() - stamp)
        assert estimate["clock_samples"] == 0  # the welcome alone, no old sample
        assert abs(estimate["position_ms"] - truth) < 250, (estimate, truth)


def sync_errors(
    driver: Any, server: CompanionServer, song: Song
) -> tuple[list[float], list[float]]:
    """Sample the page's position estimate against the server's truth, republishing the
    state at each line change as the presentation would. Returns (errors, bracket widths) in
    ms: the truth is taken at the middle of the ``execute_script`` call, whose width bounds
    how precise one sample can be."""
    # Two seconds before the second line: the line change comes while sampling.
    start_ms = song.lines[1].start_ms - 2000
    published: dict[int, int] = {}  # server stamp -> position_ms, for the states sent
    t0 = server_clock_ms()
    published[play_from(server, song, start_ms)] = start_ms
    wait_until(
        driver,
        lambda d: d.execute_script("return window.companionPosition().clock_samples") >= 8,
        "the page's burst of clock pings",
    )
    errors: list[float] = []
    widths: list[float] = []
    next_line = 1
    random_gap = random.Random(13)
    while len(errors) < SYNC_SAMPLES:
        now_position = start_ms + (server_clock_ms() - t0)
        if next_line < len(song.lines) and now_position >= song.lines[next_line].start_ms:
            stamp = server_clock_ms()
            position = start_ms + (stamp - t0)
            server.publish_state(True, position, 1.0, next_line, None, False, False)
            published[stamp] = position
            next_line += 1
        before = time.monotonic_ns() / 1e6
        estimate = driver.execute_script("return window.companionPosition()")
        after = time.monotonic_ns() / 1e6
        stamp = estimate["state_server_ms"]
        # The server stamps in publish_state, a moment after our stamp: allow 2 ms.
        sent = next((published[s] for s in published if 0 <= stamp - s <= 2), None)
        if sent is not None:
            truth = sent + ((before + after) / 2 - stamp)
            errors.append(estimate["position_ms"] - truth)
            widths.append(after - before)
        time.sleep(random_gap.uniform(0.005, 0.03))
    return errors, widths


def test_the_phone_position_follows_the_server_clock(companion, song):
    with chromium() as driver:
        open_student_page(driver, companion)
        errors, widths = sync_errors(driver, companion, song)
    magnitudes = [abs(error) for error in errors]
    cuts = statistics.quantiles(magnitudes, n=100, method="inclusive")
    print(
        f"\nphone position error over {len(errors)} samples: p50 {cuts[49]:.1f} / p95 "
        f"{cuts[94]:.1f} / max {max(magnitudes):.1f} ms; mean signed "
        f"{statistics.fmean(errors):+.1f} ms; sample bracket median {statistics.median(widths):.1f} ms"
    )
    assert len(errors) >= 100
    assert cuts[94] < SYNC_P95_BOUND_MS


# The whole chain: real libvlc (dummy outputs) → PlaybackSession → CompanionBridge → browser ----


@pytest.fixture
def playing_bridge(qapp, song):
    from karaoke.app.companion_bridge import CompanionBridge
    from karaoke.app.session import PlaybackSession
    from karaoke.core.clock import PlaybackClock
    from karaoke.player.vlc_player import VlcPlayer, load_libvlc
    from tests.player.helpers import DUMMY_OUTPUTS

    instance, problem = load_libvlc(DUMMY_OUTPUTS)
    assert instance is not None, problem
    player = VlcPlayer(instance)
    playback = PlaybackSession(song, player, PlaybackClock())
    bridge = CompanionBridge(playback, song_payload(song, "es"), host="127.0.0.1", port=0)
    bridge.command_from_phone.connect(lambda name: playback.toggle() if name == "play_pause" else 0)
    bridge.start(announce=False)
    yield bridge
    bridge.stop()
    playback.close()
    player.close()
    instance.release()


@pytest.mark.vlc
def test_with_real_playback_the_page_follows_and_the_teacher_pauses(playing_bridge, song, qtbot):
    playback = playing_bridge.session
    server = playing_bridge.server
    with chromium() as student, chromium(412, 915) as teacher:
        open_student_page(student, server)
        teacher.get(server.teacher_url)
        qtbot.waitUntil(lambda: body_data(teacher, "connected") == "true", timeout=15_000)
        playback.seek(song.lines[1].start_ms - 1200 + song.offset_ms)
        playback.play()
        # The Qt loop must run while waiting (the session's clock and the bridge live there).
        qtbot.waitUntil(lambda: body_data(student, "line") == "0", timeout=15_000)
        qtbot.waitUntil(lambda: body_data(student, "line") == "1", timeout=15_000)
        assert shown_line(student) == song.lines[1].text
        qtbot.waitUntil(lambda: body_data(teacher, "playing") == "true", timeout=15_000)
        teacher.find_element("id", "command-play_pause").click()
        qtbot.waitUntil(lambda: not playback.playing, timeout=15_000)
        qtbot.waitUntil(lambda: body_data(teacher, "playing") == "false", timeout=15_000)
        assert page_errors(student) == [] and page_errors(teacher) == []
