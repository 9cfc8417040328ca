"""Setting up a song, the same for the player window and the presentation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from karaoke.app.session import LYRICS_ONLY_TAIL_MS
from karaoke.app.settings import Settings
from karaoke.app.song_setup import explanation_language, read_translation, set_up_song
from karaoke.app.translations import install_language
from karaoke.core.clock import PlaybackClock
from karaoke.core.package import open_song
from karaoke.player.fake_player import FakePlayer
from tests.conftest import BUNDLED, FakeTime


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def fake_factory(fake_time: FakeTime, warning: str | None = None):
    def make(song):
        return FakePlayer(song.duration_ms + LYRICS_ONLY_TAIL_MS, now_ns=fake_time), warning

    return make


def set_up(opened, fake_time, settings, **options):
    return set_up_song(
        opened,
        fake_factory(fake_time, options.pop("warning", None)),
        settings,
        make_clock=lambda: PlaybackClock(fake_time),
        **options,
    )


def test_the_offset_is_the_songs_then_the_remembered_one_then_an_explicit_one(
    qtbot, fake_time, settings
):
    opened = open_song(BUNDLED)
    assert set_up(opened, fake_time, settings).session.offset_ms == opened.song.offset_ms
    setup = set_up(opened, fake_time, settings)
    setup.session.set_offset(150)  # G/H: remembered under the song's own file
    assert settings.offset_for(opened.song.source_path) == 150
    assert set_up(opened, fake_time, settings).session.offset_ms == 150
    assert set_up(opened, fake_time, settings, offset_ms=-40).session.offset_ms == -40
    assert settings.offset_for(opened.song.source_path) == -40  # --offset is remembered too


def test_volume_comes_from_the_settings(qtbot, fake_time, settings):
    settings.volume = 35
    setup = set_up(open_song(BUNDLED), fake_time, settings)
    assert setup.session.player._volume == 35


def test_language_choice_then_interface_language(qtbot, fake_time, settings):
    opened = open_song(BUNDLED)
    assert set_up(opened, fake_time, settings).language == "en"  # the interface's
    install_language("es")
    try:
        assert set_up(opened, fake_time, settings).language == "es"
    finally:
        install_language("en")
    settings.language = "en"
    assert set_up(opened, fake_time, settings).language == "en"  # remembered choice
    assert set_up(opened, fake_time, settings, language="es").language == "es"  # --lang
    song = opened.song
    french = type(song)(**{**_fields(song), "language": "fr"})
    assert explanation_language(french, None, interface="fr") == "en"  # no French explanations
    assert explanation_language(song, None, interface="fr") == "es"  # the song's own


def _fields(song) -> dict:
    return {name: getattr(song, name) for name in song.__dataclass_fields__}


def test_translations_are_aligned_to_the_lines(qtbot, fake_time, settings):
    opened = open_song(BUNDLED)
    setup = set_up(opened, fake_time, settings, translation="en")
    assert setup.translations == read_translation(opened.song, "en")
    assert len(setup.translations) == len(opened.song.lines)
    assert set_up(opened, fake_time, settings).translations == {}


def test_notices_say_why_video_or_translation_is_missing(qtbot, fake_time, settings, tmp_path):
    copy = tmp_path / "song"
    shutil.copytree(BUNDLED, copy)
    (copy / "lyrics.en.srt").write_bytes(b"1\n00:00:01,000 --> 00:00:xx\nbroken\n")
    manifest = (copy / "song.toml").read_text(encoding="utf-8")
    (copy / "song.toml").write_text(
        manifest.replace('= "mi-modelito-sabanero', '= "missing/mi-modelito-sabanero'),
        encoding="utf-8",
    )
    opened = open_song(copy)
    setup = set_up(opened, fake_time, settings, translation="en", warning="VLC is missing.")
    assert setup.notices[0] == "VLC is missing."
    assert "media file not found" in setup.notices[1]
    assert "instrumental file not found" in setup.notices[2]
    assert "lyrics.en.srt" in setup.notices[3]
    assert setup.translations == {} and not setup.video


LRC_WITH_TRANSLATION = (
    "[00:01.00]夜に駆ける\n[00:01.00]Racing into the night\n[00:04.00]沈むように\n[00:06.00]\n"
)


def test_the_lines_own_translations_show_when_no_translation_file_is_chosen(
    qtbot, fake_time, settings, write
):
    opened = open_song(write("song.lrc", LRC_WITH_TRANSLATION))
    assert set_up(opened, fake_time, settings).translations == {0: "Racing into the night"}


def test_a_chosen_translation_file_wins_over_the_lines_own(qtbot, fake_time, settings, write):
    write("s/lyrics.lrc", LRC_WITH_TRANSLATION)
    write("s/lyrics.en.srt", "1\n00:00:01,000 --> 00:00:03,000\nRunning into the night\n")
    manifest = write(
        "s/song.toml",
        "title = 'Yoru'\nlyrics = 'lyrics.lrc'\n[translations]\nen = 'lyrics.en.srt'\n"
        "[[stanza]]\nlines = '1-2'\nexplanation = 'e'\n",
    )
    opened = open_song(manifest)
    setup = set_up(opened, fake_time, settings, translation="en")
    assert setup.translations == {0: "Running into the night"}
    assert set_up(opened, fake_time, settings).translations == {0: "Racing into the night"}


def test_vocals_off_and_the_key_are_remembered_per_song(qtbot, fake_time, settings, write):
    bundled = open_song(BUNDLED)
    other = open_song(write("other.srt", "1\n00:00:01,000 --> 00:00:02,000\nla\n"))
    setup = set_up(bundled, fake_time, settings)
    assert not setup.session.vocals_off and setup.session.key_shift == 0
    setup.session.set_vocals_off(True)  # V
    setup.session.set_key_shift(-2)  # J J
    again = set_up(bundled, fake_time, settings).session
    assert again.vocals_off and again.player.vocals_off and again.key_shift == -2
    fresh = set_up(other, fake_time, settings).session  # another song: its own settings
    assert not fresh.vocals_off and fresh.key_shift == 0


def test_a_missing_instrumental_is_a_notice_and_the_player_gets_the_one_found(
    qtbot, fake_time, settings, tmp_path, monkeypatch
):
    copy = tmp_path / "song"
    shutil.copytree(BUNDLED, copy)
    manifest = (copy / "song.toml").read_text(encoding="utf-8")
    manifest = re.sub(r"(?m)^instrumental = .*\n", "", manifest)  # the bundled song's own
    (copy / "song.toml").write_text('instrumental = "karaoke.ogg"\n' + manifest, encoding="utf-8")
    setup = set_up(open_song(copy), fake_time, settings)
    assert any("instrumental file not found" in notice for notice in setup.notices)
    (copy / "karaoke.ogg").write_bytes(b"OggS")
    loaded = []
    player = FakePlayer(now_ns=fake_time)
    monkeypatch.setattr(player, "load", lambda *media: loaded.append(media))
    song = open_song(copy).song
    set_up_song(open_song(copy), lambda _song: (player, None), settings)
    assert loaded == [(str(song.media), str(copy / "karaoke.ogg"))]
