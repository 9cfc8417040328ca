"""Friendly errors: a plain headline per kind of problem, in the interface's language, with the
technical detail kept below."""

from __future__ import annotations

import pytest

from karaoke.core.errors import Problem, ProblemCode, SongError
from karaoke.core.package import open_song
from karaoke.ui.shared.friendly_errors import (
    HEADLINES,
    friendly,
    friendly_notices,
    friendly_playback,
    headline,
)
from tests.ui.interface_texts import in_language


def test_every_problem_code_has_a_headline():
    assert set(HEADLINES) == set(ProblemCode)


def test_a_malformed_srt_reads_as_a_broken_lyrics_file_with_file_and_line(qapp, write):
    path = write("broken.srt", "garbage\nmore garbage\n")
    with pytest.raises(SongError) as raised:
        open_song(path)
    title, detail = friendly(raised.value)
    assert title == "This lyrics file can't be read"
    assert "broken.srt:1:" in detail and "SubRip" in detail  # the technical part stays
    with in_language("es"):
        assert friendly(raised.value) == ("Este archivo de letra no se puede leer", detail)


def test_codes_of_one_kind_share_a_headline_and_problems_work_too(qapp):
    assert headline(ProblemCode.MALFORMED_STAMP) == headline(ProblemCode.NO_LINES)
    assert headline(ProblemCode.UNDECODABLE) == headline(ProblemCode.UNKNOWN_ENCODING)
    assert headline(ProblemCode.BAD_URL) == headline(ProblemCode.INVALID_TOML)
    assert headline(ProblemCode.MEDIA_NOT_FOUND) != headline(ProblemCode.FILE_NOT_FOUND)
    problem = Problem("song.toml", 3, "media file not found: x.mp4", ProblemCode.MEDIA_NOT_FOUND)
    assert friendly(problem) == (
        "The song's video or audio file can't be found",
        "song.toml:3: media file not found: x.mp4",
    )


def test_every_headline_is_translated_to_spanish(qapp):
    english = {code: headline(code) for code in ProblemCode}
    with in_language("es"):
        spanish = {code: headline(code) for code in ProblemCode}
        playing = friendly_playback("libvlc: no decoder")
    assert all(spanish[code] != english[code] for code in ProblemCode)
    assert playing == ("Este vídeo o audio no se puede reproducir", "libvlc: no decoder")


def test_set_up_notices_that_are_problems_get_a_headline_others_stay(qapp):
    problem = Problem("song.toml", 4, "media file not found: x.mp4", ProblemCode.MEDIA_NOT_FOUND)
    texts = friendly_notices(["No video output here.", str(problem)], [problem])
    assert [text() for text in texts] == [
        "No video output here.",
        "The song's video or audio file can't be found\nsong.toml:4: media file not found: x.mp4",
    ]
    with in_language("es"):
        assert texts[1]().startswith("No se encuentra el archivo de vídeo o audio")
