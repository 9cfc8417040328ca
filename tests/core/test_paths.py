"""Where timed lyrics go by default, and a title from a file name."""

from pathlib import Path

from karaoke.core.model import Line, Lyrics, Word
from karaoke.core.paths import default_output, title_from_name

MEDIA = Path("/songs/mi-modelito.mp4")


def lyrics(*lines: Line, timed: bool = True) -> Lyrics:
    return Lyrics(path="/songs/words.txt", lines=lines, encoding="utf-8", timed=timed)


def test_the_output_sits_beside_the_media_with_its_name():
    untimed = lyrics(Line("uno", 0, 0), timed=False)
    assert default_output(MEDIA, untimed) == Path("/songs/mi-modelito.srt")
    assert default_output(MEDIA, lyrics(Line("uno", 1000, 2000))) == Path("/songs/mi-modelito.srt")


def test_word_timings_choose_lrc_which_keeps_them():
    words = (Word("uno", 1000, 1500, 0), Word("dos", 1500, 2000, 4))
    timed = lyrics(Line("uno dos", 1000, 2000, words))
    assert default_output(MEDIA, timed) == Path("/songs/mi-modelito.lrc")
    # Placeholder times of plain text are no word timings to keep.
    untimed = lyrics(Line("uno dos", 1000, 2000, words), timed=False)
    assert default_output(MEDIA, untimed) == Path("/songs/mi-modelito.srt")


def test_a_title_from_a_file_name():
    assert title_from_name("mi-modelito_sabanero") == "Mi modelito sabanero"
    assert title_from_name("già  fatto") == "Già fatto"
    assert title_from_name("---") == "---"  # nothing but separators: the name as it is
