from karaoke.core.formats import read_lyrics
from karaoke.core.model import Line
from karaoke.core.package import open_song
from karaoke.core.translation import align_translation
from tests.conftest import BUNDLED


def test_lines_match_by_start_time_and_missing_ones_are_left_out():
    sung = [Line("uno", 1000, 2000), Line("dos", 3000, 4000), Line("tres", 9000, 9500)]
    translated = [Line("one", 1100, 2000), Line("two", 2990, 4000), Line("extra", 6000, 7000)]
    assert align_translation(sung, translated) == {0: "one", 1: "two"}


def test_bundled_song_has_an_english_line_for_every_sung_line():
    song = open_song(BUNDLED).song
    english = read_lyrics(song.translations["en"])
    aligned = align_translation(song.lines, english.lines)
    assert len(aligned) == len(song.lines)
    assert aligned[7] == "Attention, attention, attention mechanism"
