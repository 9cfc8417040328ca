"""A hostile song on the students' phones: the student page writes a song's texts as text
(``textContent`` and elements it makes itself, never ``innerHTML``), renders only a safe
Markdown subset, links only http(s), and loads nothing a song names — watched in real headless
Chromium, with a local HTTP server that records every request."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from karaoke.companion.payload import song_payload
from karaoke.companion.server import CompanionServer
from karaoke.core.model import GlossaryTerm, Reference, Song
from karaoke.core.package import open_song
from karaoke.resources import bundled_song
from tests.companion.browser import body_data, chromium, console_errors, csp_violations, wait_until

COMPANION_STATIC = Path(__file__).resolve().parents[2] / "karaoke" / "companion" / "static"


@pytest.fixture
def watched() -> Iterator[tuple[int, list[str]]]:
    """A loopback HTTP server that answers anything and records each request's path."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], requests
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def hostile_song(port: int) -> Song:
    """The bundled song with stanza 1's texts written by an attacker."""
    song = open_song(bundled_song()).song
    spy = f"http://127.0.0.1:{port}"
    explanation = (
        f"<script>window.__pwned = 1</script>\n"
        f'<img src="{spy}/img-tag.png" onerror="window.__pwned = 2">\n\n'
        f"![a picture]({spy}/markdown-image.png) and <iframe src='{spy}/frame'></iframe>\n\n"
        "- [a paper](https://example.org/paper)\n"
        "- [run me](javascript:window.__pwned=3)\n"
        f"- [a file](file:///etc/hostname) <style>body {{ background: url({spy}/css) }}</style>"
    )
    term = GlossaryTerm(
        {"es": f'<img src="{spy}/term.png">'}, {"es": "<b onmouseover=alert(1)>def</b>"}
    )
    stanza = replace(
        song.stanzas[0],
        title={"es": "<script>window.__pwned = 4</script>Título"},
        key_idea={"es": f"<img src='{spy}/key-idea.png'>"},
        explanation={"es": explanation},
        glossary=(term,),
        references=(
            Reference("<b>bold?</b>", "javascript:window.__pwned=5"),
            Reference("A source", "https://example.org/source"),
        ),
    )
    return replace(song, stanzas=(stanza, *song.stanzas[1:]))


def shown(driver: Any, script: str) -> Any:
    return driver.execute_script(script)


def test_a_hostile_stanza_shows_as_text_and_loads_nothing(watched):
    port, requests = watched
    song = hostile_song(port)
    server = CompanionServer(
        song_payload(song, "es"), host="127.0.0.1", port=0, on_command=lambda _command: None
    )
    server.start(announce=False)
    try:
        with chromium(360, 740) as driver:
            driver.get(server.student_url)
            wait_until(driver, lambda d: body_data(d, "connected") == "true", "the connection")
            server.publish_state(False, song.lines[0].start_ms + 50, 1.0, 0, 0, False, False)
            wait_until(driver, lambda d: body_data(d, "stanza") == "0", "the first stanza")
            stanza = driver.find_element("id", "stanza")
            text = stanza.text
            assert "<script>window.__pwned = 4</script>Título" in text
            assert f"<img src='http://127.0.0.1:{port}/key-idea.png'>" in text
            assert "<script>window.__pwned = 1</script>" in text
            assert "<b onmouseover=alert(1)>def</b>" in text
            made = shown(
                driver,
                "return [...document.querySelectorAll('#stanza *')].map(e => e.tagName)",
            )
            assert not {"SCRIPT", "IMG", "IFRAME", "STYLE", "B"} & set(made)
            links = shown(
                driver,
                "return [...document.querySelectorAll('#stanza a')].map(a => a.href)",
            )
            assert all(link.startswith(("http://", "https://")) for link in links), links
            assert "https://example.org/paper" in links
            assert "https://example.org/source" in links
            assert shown(driver, "return window.__pwned === undefined")
            assert csp_violations(driver) == [] and console_errors(driver) == []
    finally:
        server.stop()
    assert requests == []  # neither the Markdown image nor any tag reached the network


def test_the_pages_never_write_html_from_data():
    """No page script uses an HTML sink: texts go in with textContent or as made elements."""
    sinks = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "srcdoc")
    for script in COMPANION_STATIC.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        assert [sink for sink in sinks if sink in source] == [], script.name
