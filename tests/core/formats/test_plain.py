from karaoke.core.formats.plain import PLACEHOLDER_LINE_MS, read_plain


def test_lines_are_untimed_and_blank_lines_split_stanzas():
    lyrics = read_plain("Tuki tuki\ntuki ta\n\n\nAtención\n".encode(), "song.txt")
    assert [ln.text for ln in lyrics.lines] == ["Tuki tuki", "tuki ta", "Atención"]
    assert lyrics.timed is False
    assert lyrics.stanza_starts == (0, 2)
    assert [ln.source_line for ln in lyrics.lines] == [1, 2, 5]
    assert lyrics.lines[2].start_ms == 2 * PLACEHOLDER_LINE_MS
