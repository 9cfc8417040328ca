"""PlaybackSession logic on the fake player and a hand-driven clock."""

from karaoke.app.session import LYRICS_ONLY_TAIL_MS, PlaybackSession
from karaoke.core import syllables
from karaoke.core.clock import PlaybackClock
from karaoke.core.package import open_song
from karaoke.player.fake_player import FakePlayer
from tests.conftest import BUNDLED


def make(fake_time):
    song = open_song(BUNDLED).song
    player = FakePlayer(song.duration_ms + LYRICS_ONLY_TAIL_MS, now_ns=fake_time)
    return PlaybackSession(song, player, PlaybackClock(fake_time)), player


def test_tick_runs_only_while_playing_and_emits_only_changes(qtbot, fake_time):
    session, _ = make(fake_time)
    seen = []
    session.position_changed.connect(seen.append)
    session.play()
    assert session._tick.isActive()
    fake_time.advance(100)
    session.tick()
    session.tick()  # same time: nothing new
    assert seen[-1] == 100 and seen.count(100) == 1
    session.pause()
    assert not session._tick.isActive()


def test_offset_moves_the_lyrics_time(qtbot, fake_time):
    session, _ = make(fake_time)
    session.seek(10_000)
    session.set_offset(250)
    assert session.lyrics_ms() == 9_750
    session.seek_line(0)
    assert session.position_ms() == session.song.lines[0].start_ms + 250


def test_rate_is_clamped_and_reaches_the_clock(qtbot, fake_time):
    session, _ = make(fake_time)
    assert session.set_rate(3.0) == 1.5
    assert session.set_rate(0.1) == 0.5
    session.play()
    fake_time.advance(1000)
    assert session.position_ms() == 500


def test_end_stops_and_play_starts_over(qtbot, fake_time):
    session, player = make(fake_time)
    session.play()
    fake_time.advance(session.length_ms + 1000)
    player.tick()
    assert not session.playing
    assert session.position_ms() == session.length_ms
    session.play()
    assert session.playing and session.position_ms() == 0


def test_seek_is_clamped_to_the_media(qtbot, fake_time):
    session, _ = make(fake_time)
    session.seek(-500)
    assert session.position_ms() == 0
    session.seek(10**9)
    assert session.position_ms() == session.length_ms


def test_teaching_mode_pauses_within_50_ms_after_each_stanza_ends(qtbot, fake_time):
    session, player = make(fake_time)
    paused_at = []
    session.teaching_paused.connect(lambda stanza: paused_at.append((stanza, session.lyrics_ms())))
    session.set_teaching(True)
    session.play()
    ends = [session.timeline.stanza_end_ms(i) for i in range(len(session.song.stanzas))]
    for _ in range(3):
        while session.playing:
            fake_time.advance(16.7)  # one 60 Hz frame
            player.tick()  # the player's coarse time updates, as libvlc would send them
            session.tick()
        stanza, at = paused_at[-1]
        assert 0 <= at - ends[stanza] <= 50, (stanza, at, ends[stanza])
        assert session.waiting_after == stanza
        held = session.position_ms()
        fake_time.advance(5000)
        assert session.position_ms() == held  # stays paused while the teacher explains
        session.play()  # the next click continues
    assert [stanza for stanza, _ in paused_at] == [0, 1, 2]


def test_every_frame_a_teaching_pause_shows_says_it_is_one(qtbot, fake_time):
    """Drawing a frame takes time (as on a real screen), so the pause shows one more frame
    than the one that reached the stanza's end: it too is in the teaching pause, for whatever
    tells a teaching pause from the teacher's own (a lesson waits for it before its next item)."""
    session, _player = make(fake_time)
    frames: list[tuple[int, bool, int | None]] = []

    def draw(media_ms: int) -> None:
        frames.append((media_ms, session.playing, session.waiting_after))
        fake_time.advance(2)

    session.position_changed.connect(draw)
    session.set_teaching(True)
    session.seek(18_000)
    session.play()
    frames.clear()
    while session.playing:
        fake_time.advance(16)
        session.tick()
    paused = [(ms, waiting) for ms, playing, waiting in frames if not playing]
    assert len(paused) == 1 and paused[0][0] > 18_900  # drawn while pausing, 2 ms later
    assert paused == [(paused[0][0], 0)]  # stanza 1's teaching pause, already


def test_teaching_pauses_again_after_seeking_back(qtbot, fake_time):
    session, _player = make(fake_time)
    session.set_teaching(True)
    session.seek_line(1)
    session.play()
    while session.playing:
        fake_time.advance(16)
        session.tick()
    assert session.waiting_after == 0
    session.seek_line(0)
    session.play()
    while session.playing:
        fake_time.advance(16)
        session.tick()
    assert session.waiting_after == 0


def test_vocals_off_and_the_key_reach_the_player_and_are_announced(qtbot, fake_time):
    session, player = make(fake_time)
    vocals, keys = [], []
    session.vocals_off_changed.connect(vocals.append)
    session.key_shift_changed.connect(keys.append)
    session.seek(10_000)
    session.set_vocals_off(True)
    assert player.vocals_off and session.vocals_off and vocals == [True]
    assert session.sing_along_message() == "Vocals off (sing along)"
    assert session.set_key_shift(9) == 6  # KEY_SHIFT_MAX: voices sound odd beyond it
    assert session.set_key_shift(-1) == -1 and player.key_shift == -1 and keys == [6, -1]
    session.set_vocals_off(False)
    assert session.sing_along_message() == "Vocals on, key −1 semitone"
    assert session.position_ms() == 10_000  # the position holds


def test_vocals_off_says_why_it_cannot_work_on_this_media(qtbot, fake_time, monkeypatch):
    session, player = make(fake_time)
    monkeypatch.setattr(player, "vocals_off_problem", lambda: "its sound is mono")
    session.set_vocals_off(True)
    assert session.sing_along_message() == (
        "Vocals off does not work for this song: its sound is mono."
    )


def test_the_sing_along_line_is_in_the_interface_language(qtbot, fake_time, monkeypatch):
    from tests.ui.interface_texts import in_language

    session, player = make(fake_time)
    session.set_vocals_off(True)
    session.set_key_shift(2)
    with in_language("es"):
        assert session.sing_along_message() == "Sin voz (para cantar), tono +2 semitonos"
        session.set_key_shift(-1)
        assert session.sing_along_message() == "Sin voz (para cantar), tono −1 semitono"
        monkeypatch.setattr(player, "vocals_off_problem", lambda: "its sound is mono")
        # The player's own reason is quoted as it gives it.
        assert session.sing_along_message() == (
            "«Sin voz» no funciona con esta canción: its sound is mono."
        )
    assert session.sing_along_message().startswith("Vocals off does not work")


def test_once_playing_the_syllable_dictionary_is_loaded_before_the_first_line(qtbot, fake_time):
    """The bundled song's lines have no word times: their wipe goes by syllables, and the
    Spanish dictionary (~30 ms to load) is loaded once the player plays, not on the frame
    where the first line starts."""
    syllables._dictionary.cache_clear()
    session, _ = make(fake_time)
    assert syllables._dictionary.cache_info().currsize == 0
    session.play()
    qtbot.waitUntil(lambda: syllables._dictionary.cache_info().currsize > 0)
    assert session.lyrics_ms() < session.song.lines[0].start_ms


def test_seeks_on_a_player_that_starts_at_once_are_never_held(qtbot, fake_time):
    """The clock holds a seek's target as long as the player took to start after earlier seeks;
    the lyrics-only player starts at once, so after many seeks the position still moves at once."""
    session, player = make(fake_time)
    session.play()
    for target in (10_000, 30_000, 20_000, 40_000, 50_000, 60_000):
        session.seek(target)
        fake_time.advance(250)
        player.tick()  # its next time update
        assert session.position_ms() == target + 250
    assert session.clock.seek_latency_ms <= 1  # the int ms of its reports, no more
    session.seek(5_000)
    fake_time.advance(5)
    assert session.position_ms() >= 5_004
