"""Make the README's pictures of the phone companion, reproducibly and without the network.

    .venv/bin/python -m tools.companion_screenshots [OUT_DIR]     # default: docs/

Starts the real :class:`~karaoke.companion.server.CompanionServer` with the bundled song on
127.0.0.1 (a free port), and:

- ``phone-student.png``: the student page in headless Debian Chromium (selenium, as the browser
  tests drive it: ``tests/companion/browser.py``) at a phone's 360×740 CSS pixels, device scale
  2, in Spanish, in the middle of stanza 4's line ("Atención, atención…"), with the English
  translation line, the stanza's key idea and explanation;
- ``phone-question.png``: the same phone at that stanza's checkpoint, its answer chosen (it may
  change it until the reveal);
- ``phone-teacher.png``: the teacher's remote (``/teacher?token=…``) 800 CSS pixels wide and as
  tall as the page (at least 600), in English, with the class's answers coming in;
- ``question-live.png`` and ``question-results.png``: the audience view's question page
  (:class:`~karaoke.ui.present.question_view.QuestionView`, dark theme) on Qt's offscreen
  platform with a simulated 1366×768 projector, fed the server's own counts, before and after
  the reveal.

The class is :data:`CLASS_ANSWERS`: that many WebSocket clients (aiohttp, as the load benchmark's
phones) answer the question through the server, plus the browser's phone. Everything is fixed
— the positions, the answers — so a second run draws the same pictures. The wipe is frozen by a
paused state at :data:`WIPE_SHARE` of the line: a playing page would be caught wherever its own
clock happens to be when the screenshot is taken.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

from karaoke.app.song_setup import read_translation
from karaoke.companion.hub import Limits
from karaoke.companion.payload import song_payload
from karaoke.companion.server import CompanionServer
from karaoke.core.model import Song
from karaoke.core.package import open_song
from karaoke.resources import bundled_song
from tests.companion.browser import body_data, chromium, console_errors, wait_until

#: The stanza shown (index; "Attention, attention!", whose question is about what attention does).
STANZA = 3
#: How far through the stanza's first line the wipe stands, as a share of the line's length.
WIPE_SHARE = 0.55
#: The option each simulated phone answers (the class: 23 phones; the browser's phone is one more).
CLASS_ANSWERS = (1,) * 14 + (0,) * 4 + (2,) * 3 + (3,) * 2
#: The browser phone's answer (the right one, so its picture shows "chosen" and "correct").
BROWSER_ANSWER = 1
#: Phone: CSS pixels and device scale; teacher: a laptop's or tablet's window; the projector.
PHONE = (360, 740, 2)
TEACHER = (800, 600)
PROJECTOR = (1366, 768)
#: Bounds on waiting for the server and the phones, in seconds.
WAIT_S = 15.0


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    song = open_song(bundled_song()).song
    results: list[dict[str, Any]] = []
    payload = song_payload(song, "es", translation=read_translation(song, "en"))
    # The simulated class connects from 127.0.0.1: one address stands for the whole class.
    server = CompanionServer(
        payload,
        host="127.0.0.1",
        port=0,
        on_command=lambda name: None,
        on_answers=results.append,
        limits=Limits(students_per_address=64, voters_per_address=64, http_per_address=200),
    )
    server.start(announce=False)
    try:
        counts = _shoot_pages(server, song, results, out)
    finally:
        server.stop()
    _shoot_question_view(song, counts, out)
    return 0


# The pages ------------------------------------------------------------------------------------


def _shoot_pages(
    server: CompanionServer, song: Song, results: list[dict[str, Any]], out: Path
) -> list[int]:
    """The three browser pictures; returns the counts the server reported for the question."""
    stanza = song.stanzas[STANZA]
    question = stanza.questions[0]
    with chromium(PHONE[0], PHONE[1], "es") as phone, chromium(*TEACHER, "en") as teacher:
        _metrics(phone, *PHONE, mobile=True)
        _metrics(teacher, *TEACHER, 1, mobile=False)
        phone.get(server.student_url)
        teacher.get(server.teacher_url)
        for driver in (phone, teacher):
            wait_until(driver, lambda d: body_data(d, "connected") == "true", "the page's socket")
        _mid_line(server, song)
        wait_until(phone, lambda d: body_data(d, "line") == str(stanza.first_line), "the line")
        wait_until(phone, lambda d: body_data(d, "stanza") == str(STANZA), "the stanza")
        _save(phone, out / "phone-student.png")

        # The end of the stanza: a teaching pause, and the teacher shows its question.
        last = song.lines[stanza.end_line - 1]
        held_ms = last.end_ms + song.offset_ms
        server.publish_state(
            False, held_ms, 1.0, stanza.end_line - 1, STANZA, False, True, offset_ms=song.offset_ms
        )
        class_done = _class_answers(server.port, question.id)
        server.publish_question(question)
        wait_until(phone, lambda d: body_data(d, "question") == question.id, "the question")
        phone.find_element("id", f"answer-{BROWSER_ANSWER}").click()
        wait_until(phone, lambda d: body_data(d, "answer") == str(BROWSER_ANSWER), "the echo")
        class_done.join(WAIT_S)
        everyone = len(CLASS_ANSWERS) + 1
        counts = _counts_when(results, everyone)
        wait_until(teacher, lambda d: body_data(d, "total") == str(everyone), "the counts")
        # The whole remote, its live answers included: as tall as the page is.
        height = teacher.execute_script("return document.documentElement.scrollHeight")
        _metrics(teacher, TEACHER[0], max(TEACHER[1], int(height)), 1, mobile=False)
        _save(teacher, out / "phone-teacher.png")
        # The phone's answer as the student sees it (changeable until the reveal): scrolled to
        # the prompt, just below the page's header (which stays at the top).
        phone.execute_script(
            "const bar = document.querySelector('header.bar');"
            "const top = document.getElementById('question-prompt').getBoundingClientRect().top;"
            "window.scrollBy(0, top - bar.getBoundingClientRect().bottom - 12);"
        )
        _save(phone, out / "phone-question.png")
        errors = console_errors(phone) + console_errors(teacher)
        if errors:
            raise SystemExit(f"the pages logged errors: {errors}")
    return counts


def _metrics(driver: Any, width: int, height: int, scale: int, *, mobile: bool) -> None:
    """The viewport exactly ``width`` × ``height`` CSS pixels at device scale ``scale``
    (Chromium's --window-size counts its own frame too), without scroll bars (a phone's
    overlay bar fades in and out, so it would be caught at a different shade each run)."""
    driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile},
    )


def _mid_line(server: CompanionServer, song: Song) -> None:
    """The stanza's first line, :data:`WIPE_SHARE` sung: playing there, then held (paused)."""
    index = song.stanzas[STANZA].first_line
    line = song.lines[index]
    position_ms = line.start_ms + round(line.duration_ms * WIPE_SHARE) + song.offset_ms
    for playing in (True, False):
        server.publish_state(
            playing, position_ms, 1.0, index, STANZA, False, False, offset_ms=song.offset_ms
        )


def _save(driver: Any, path: Path) -> None:
    # Two frames, so that what was just drawn (the wipe, a new question) is on the screen.
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "requestAnimationFrame(() => requestAnimationFrame(() => done()));"
    )
    path.write_bytes(driver.get_screenshot_as_png())
    print(path)


def _counts_when(results: list[dict[str, Any]], total: int) -> list[int]:
    """The server's counts once ``total`` answers are in (it reports at most every 0.1 s)."""
    done = threading.Event()
    for _ in range(int(WAIT_S * 10)):
        if results and results[-1]["total"] == total:
            return list(results[-1]["counts"])
        done.wait(0.1)
    raise SystemExit(f"the server counted {results[-1:]} answers, not {total}")


def _class_answers(port: int, question_id: str) -> threading.Thread:
    """The simulated class, in a thread of its own: each phone connects, says hello, answers
    ``question_id`` with its option of :data:`CLASS_ANSWERS` once asked, and leaves (its answer
    stays counted)."""

    async def phone(http: aiohttp.ClientSession, number: int, option: int) -> None:
        async with http.ws_connect(f"ws://127.0.0.1:{port}/ws") as ws:
            await ws.send_json({"type": "hello", "client_id": f"screenshot-phone-{number:04d}"})
            async for message in ws:
                data = json.loads(message.data)
                if data["type"] == "question" and data["question"]["id"] == question_id:
                    await ws.send_json(
                        {"type": "answer", "question": question_id, "option": option}
                    )
                elif data["type"] == "answered" and data["option"] == option:
                    return

    async def everyone() -> None:
        async with aiohttp.ClientSession() as http:
            phones = (phone(http, n, option) for n, option in enumerate(CLASS_ANSWERS))
            await asyncio.wait_for(asyncio.gather(*phones), WAIT_S)

    thread = threading.Thread(target=asyncio.run, args=(everyone(),), name="class")
    thread.start()
    return thread


# The projector --------------------------------------------------------------------------------


def _shoot_question_view(song: Song, counts: list[int], out: Path) -> None:
    """The audience's question page at 1366×768, Spanish (the explanations' language), live
    and revealed."""
    width, height = PROJECTOR
    config = Path(tempfile.mkdtemp()) / "screens.json"
    screen = {"name": "projector", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

    from PySide6.QtWidgets import QApplication

    from karaoke.ui.present.question_view import QuestionView
    from karaoke.ui.shared.theme import THEMES

    app = QApplication(sys.argv[:1])
    view = QuestionView()
    view.set_theme(THEMES["dark"])
    view.resize(width, height)
    view.show()
    view.show_question(song.stanzas[STANZA].questions[0], "es", counts=counts)
    _grab(app, view.grab, out / "question-live.png")
    view.reveal()
    _grab(app, view.grab, out / "question-results.png")


def _grab(app: Any, grab: Callable[[], Any], path: Path) -> None:
    app.processEvents()  # the layout after the last change
    if not grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


if __name__ == "__main__":
    sys.exit(main())
