"""Every reader, on any bytes at all, returns valid lyrics or raises SongError — nothing else."""

from hypothesis import given, settings
from hypothesis import strategies as st

from karaoke.core.errors import SongError
from karaoke.core.formats import FORMATS

# Bytes shaped like lyrics find more paths than uniform noise.
FRAGMENTS = st.sampled_from(
    [b"\n", b"\r\n", b"1\n", b"00:00:01,000 --> 00:00:02,000\n", b"-->", b"[00:01.00]", b"[00:61.00]",
     b"<00:01.50>", b"[offset:+100]", b"[ti:x]", b"<i>", b"{\\an8}", b"\xef\xbb\xbf", b"\xff\xfe",
     b"\x81", b"\xe9", b"tuki ", b"99:99:99,999", b"[9999:59.999]", b"\x00",
     # WebVTT and ASS
     b"WEBVTT\n", b"00:01.000 --> 00:02.000", b"<00:00:01.500>", b"<v A>", b"<rt>", b"NOTE",
     b"[Events]\n", b"[Script Info]\n", b"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,",
     b"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,fx,", b"{\\k50}", b"{\\p1}", b"\\N"]
)  # fmt: skip
LYRICS_BYTES = st.one_of(st.binary(max_size=400), st.lists(FRAGMENTS, max_size=40).map(b"".join))


def assert_valid(lyrics) -> None:
    starts = [line.start_ms for line in lyrics.lines]
    assert lyrics.lines and starts == sorted(starts)
    for line in lyrics.lines:
        assert isinstance(line.start_ms, int) and isinstance(line.end_ms, int)
        assert 0 <= line.start_ms <= line.end_ms
        assert line.text.strip()
        for word in line.words:
            assert word.start_ms <= word.end_ms
            assert line.text[word.char_start : word.char_end] == word.text
    assert all(0 <= i < len(lyrics.lines) for i in lyrics.stanza_starts)


@settings(max_examples=300, deadline=None)
@given(data=LYRICS_BYTES, lyrics_format=st.sampled_from(FORMATS))
def test_any_bytes_give_lyrics_or_song_error(data: bytes, lyrics_format):
    extension = lyrics_format.extensions[0]
    try:
        lyrics = lyrics_format.read(data, f"fuzz{extension}")
    except SongError as error:
        assert error.path == f"fuzz{extension}" and error.message
    else:
        assert_valid(lyrics)
