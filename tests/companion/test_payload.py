"""The song as phones get it: lines, words, stanzas in both languages, nothing for the teacher."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from karaoke.companion.payload import safe_url, song_payload
from karaoke.core.model import Line, Reference, Song, Stanza, Word
from karaoke.core.package import open_song
from tests.companion.test_checkpoint import question
from tests.conftest import BUNDLED


def small_song() -> Song:
    lines = (
        Line(
            "Hola mundo",
            1000,
            2000,
            words=(Word("Hola", 1000, 1400, 0), Word("mundo", 1400, 2000, 5)),
        ),
        Line("Adiós", 2500, 3000, translation="Goodbye"),
    )
    stanza = Stanza(
        0,
        2,
        title={"es": "Saludo"},
        explanation={"es": "**Hola**", "en": "*Hi*"},
        notes={"es": "SOLO PARA EL PROFESOR"},
        references=(
            Reference("ok", "https://arxiv.org/abs/2005.14165"),
            Reference("bad", "javascript:alert(1)"),
        ),
        questions=(question(),),
    )
    return Song(
        "Canción", lines, (stanza,), Path("x.srt"), offset_ms=120, content_note={"es": "NOTA"}
    )


def test_lines_words_and_stanzas():
    payload = song_payload(small_song())
    assert payload["explanations_language"] == "es"
    # No offset: the session's (which changes while presenting) comes with each state.
    assert "offset_ms" not in payload
    first, second = payload["lines"]
    assert first["words"][1] == {"text": "mundo", "start_ms": 1400, "end_ms": 2000, "char_start": 5}
    assert second["translation"] == "Goodbye" and second["words"] == []
    (stanza,) = payload["stanzas"]
    assert stanza["title"] == {"es": "Saludo", "en": "Saludo"}  # falls back, never missing
    assert stanza["explanation"] == {"es": "**Hola**", "en": "*Hi*"}
    assert stanza["references"] == [
        {"title": "ok", "url": "https://arxiv.org/abs/2005.14165"},
        {"title": "bad", "url": None},
    ]


def test_nothing_for_the_teacher_only_and_no_answers():
    text = json.dumps(song_payload(small_song()), ensure_ascii=False)
    for secret in ("SOLO PARA EL PROFESOR", "NOTA", "Porque sí", "correct", "why"):
        assert secret not in text
    assert json.loads(text)["stanzas"][0]["questions"][0]["id"] == "s1q1"


def test_a_translation_given_by_the_caller_replaces_the_lines_own():
    payload = song_payload(small_song(), "en", translation={0: "Hello world"})
    assert [line["translation"] for line in payload["lines"]] == ["Hello world", ""]
    assert payload["explanations_language"] == "en"
    song = dataclasses.replace(small_song(), language="fr")
    assert song_payload(song)["explanations_language"] == "es"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a?b=c", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("data:text/html,x", False),
        ("https://", False),
        ("//example.org", False),
        ("https://exa mple.org", False),
        ('https://example.org/"onmouseover=x', False),
    ],
)
def test_only_http_links(url, safe):
    assert (safe_url(url) == url) is safe


def test_the_bundled_song_serialises():
    song = open_song(BUNDLED).song
    payload = json.loads(json.dumps(song_payload(song)))
    assert len(payload["lines"]) == len(song.lines)
    assert len(payload["stanzas"]) == len(song.stanzas) == 10
    assert all(stanza["explanation"]["en"] for stanza in payload["stanzas"])
