"""karaoke convert: SRT, LRC, enhanced LRC and song packages, to the millisecond; shift, scale."""

import re
import tempfile
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karaoke.cli.check import run_check
from karaoke.core.convert import Retiming, convert, is_package_target, parse_scale, retime
from karaoke.core.errors import SongError
from karaoke.core.formats import read_lyrics, write_lyrics
from karaoke.core.formats.lrc import MAX_LINE_MS
from karaoke.core.model import Line, Word
from karaoke.core.package import open_song
from karaoke.core.package_writer import _text, guess_language, new_package
from karaoke.core.package_writer import toml_string as _string
from tests.conftest import BUNDLED


def timings(lines, words=True):
    return [(ln.text, ln.start_ms, ln.end_ms, ln.words if words else ()) for ln in lines]


@st.composite
def songs(draw):
    """Lines every format holds (LRC's limits: in order, no overlap, 1 ms–10 s, one text row),
    with word timings for every line, and stanza breaks."""
    count = draw(st.integers(1, 10))
    lines, start = [], draw(st.integers(0, 10**6))
    for _ in range(count):
        tokens = draw(
            st.lists(
                st.text(alphabet="abcñáéGPT3,.'¡!", min_size=1, max_size=7), min_size=1, max_size=5
            )
        )
        text = " ".join(tokens)
        duration = draw(st.integers(1, MAX_LINE_MS))
        cuts = sorted(
            draw(st.lists(st.integers(0, duration), min_size=len(tokens), max_size=len(tokens)))
        )
        chars = [m.start() for m in re.finditer(r"\S+", text)]
        words = tuple(
            Word(token, start + a, start + b, char)
            for token, a, b, char in zip(tokens, cuts, [*cuts[1:], duration], chars, strict=True)
        )
        lines.append(Line(text, start, start + duration, words))
        start += duration + draw(st.integers(0, 4000))
    breaks = draw(st.sets(st.integers(1, max(1, count - 1)), max_size=3)) if count > 1 else set()
    return tuple(lines), (0, *sorted(breaks))


@settings(max_examples=40, deadline=None)
@given(songs())
def test_enhanced_lrc_to_package_to_srt_and_back_keeps_every_millisecond(song):
    lines, stanzas = song
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        write_lyrics(base / "in.lrc", lines, stanza_starts=stanzas)
        assert convert(base / "in.lrc", base / "pkg").words_kept
        package = open_song(base / "pkg")
        assert timings(package.song.lines) == timings(lines)  # words kept: lyrics.lrc
        assert [s.first_line for s in package.song.stanzas] == list(stanzas)
        convert(base / "pkg", base / "again.lrc")
        again = read_lyrics(base / "again.lrc")
        assert timings(again.lines) == timings(lines)
        assert again.stanza_starts == stanzas
        convert(base / "again.lrc", base / "out.srt")
        assert timings(read_lyrics(base / "out.srt").lines, False) == timings(lines, False)
        convert(base / "out.srt", base / "plain.lrc")
        assert timings(read_lyrics(base / "plain.lrc").lines, False) == timings(lines, False)


@settings(max_examples=30, deadline=None)
@given(songs(), st.integers(-2000, 2000))
def test_a_shift_and_its_opposite_give_back_the_same_times(song, shift):
    lines, _ = song
    moved, clamped = retime(lines, Retiming(shift_ms=shift))
    if clamped == 0 and all(w.start_ms + shift >= 0 for ln in lines for w in ln.words):
        back, _ = retime(moved, Retiming(shift_ms=-shift))
        assert timings(back) == timings(lines)


def test_scale_then_shift_rounds_half_up_and_clamps_at_zero():
    timing = Retiming(shift_ms=-500, scale=Fraction(25) / Fraction("23.976"))
    assert timing.ms(60_000) == 62_563 - 500  # 62,562.56… ms
    assert timing.ms(100) == 0
    assert Retiming(scale=Fraction(1, 2)).ms(3) == 2  # 1.5 → 2
    lines, clamped = retime((Line("a", 100, 900), Line("b", 1000, 2000)), timing)
    assert clamped == 1 and lines[0].start_ms == 0


def test_scaling_by_2_then_by_half_is_exact(tmp_path, write):
    source = write(
        "a.srt", "1\n00:00:01,001 --> 00:00:02,333\nuno\n\n2\n00:00:03,777 --> 00:00:04,000\ndos\n"
    )
    convert(source, tmp_path / "double.srt", Retiming(scale=Fraction(2)))
    assert timings(read_lyrics(tmp_path / "double.srt").lines)[0][1:3] == (2002, 4666)
    convert(tmp_path / "double.srt", tmp_path / "back.srt", Retiming(scale=Fraction(1, 2)))
    assert read_lyrics(tmp_path / "back.srt").lines == read_lyrics(source).lines


def test_package_offset_is_baked_into_a_lyrics_file_and_kept_in_a_package(tmp_path, write):
    write("song/lyrics.srt", "1\n00:00:01,000 --> 00:00:02,000\nuno\n")
    write("song/song.toml", 'title = "T"\nlyrics = "lyrics.srt"\noffset_ms = 250\n')
    convert(tmp_path / "song", tmp_path / "out.srt")
    assert read_lyrics(tmp_path / "out.srt").lines[0].start_ms == 1250  # media time
    convert(tmp_path / "song", tmp_path / "copy", Retiming(scale=Fraction(2)))
    copy = open_song(tmp_path / "copy").song
    assert copy.offset_ms == 500 and copy.lines[0].start_ms == 2000


def test_package_to_package_keeps_explanations_credits_and_translations(tmp_path):
    result = convert(BUNDLED, tmp_path / "copy" / "song.toml", Retiming(shift_ms=1000))
    assert result.is_package and result.path == tmp_path / "copy" / "song.toml"
    original, copy = open_song(BUNDLED).song, open_song(tmp_path / "copy").song
    assert copy.title == original.title and copy.subtitle == original.subtitle
    assert copy.credits == original.credits
    assert [(s.first_line, s.end_line, s.title, s.explanation, s.notes) for s in copy.stanzas] == [
        (s.first_line, s.end_line, s.title, s.explanation, s.notes) for s in original.stanzas
    ]
    assert [s.references for s in copy.stanzas] == [s.references for s in original.stanzas]
    assert [s.glossary for s in copy.stanzas] == [s.glossary for s in original.stanzas]
    assert [(s.key_idea, s.points) for s in copy.stanzas] == [
        (s.key_idea, s.points) for s in original.stanzas
    ]
    assert copy.content_note == original.content_note and copy.content_note
    # The media is put inside the copy (linked or copied): a package names nothing outside it.
    assert copy.media == tmp_path / "copy" / original.media.name
    assert copy.media.read_bytes() == original.media.read_bytes()
    assert [ln.start_ms - 1000 for ln in copy.lines] == [ln.start_ms for ln in original.lines]
    translated = read_lyrics(copy.translations["en"]).lines
    assert (
        translated[0].start_ms == read_lyrics(original.translations["en"]).lines[0].start_ms + 1000
    )
    assert run_check(tmp_path / "copy") == 0


def test_a_new_package_passes_check_except_for_the_missing_explanations(tmp_path, write, capsys):
    source = write("words.lrc", "[00:01.00]uno\n[00:02.00]dos\n\n[00:03.00]tres\n[00:05.00]\n")
    write("words.mp4", b"not really a video")
    result = convert(source, tmp_path / "pkg")
    assert "karaoke check" in result.notes[-1]
    manifest = (tmp_path / "pkg" / "song.toml").read_text()
    assert 'media = "words.mp4"' in manifest and 'lyrics = "lyrics.srt"' in manifest
    assert manifest.count('key_idea.es = ""') == 2  # a place to write each stanza's key idea
    assert run_check(tmp_path / "pkg") == 1
    problems = [row for row in capsys.readouterr().out.splitlines() if ": warning: " in row]
    assert [p.split(": warning: ")[1] for p in problems] == [
        "stanza 1 has no explanation",
        "stanza 2 has no explanation",
    ]


def test_word_timings_dropped_by_srt_or_on_request_are_noted(tmp_path, write):
    source = write("w.lrc", "[00:01.000]<00:01.000>uno <00:01.500>dos<00:02.000>\n")
    result = convert(source, tmp_path / "w.srt")
    assert not result.words_kept and "word timings are not kept" in result.notes[0]
    result = convert(source, tmp_path / "plain.lrc", words=False)
    assert "<" not in (tmp_path / "plain.lrc").read_text() and not result.words_kept


@pytest.mark.parametrize(
    ("source_text", "target", "message"),
    [
        ("uno\ndos\n", "out.srt", "plain text has no times"),
        ("1\n00:00:O1,000 --> 00:00:02,000\nx\n", "out.lrc", "malformed cue"),
        ("1\n00:00:01,000 --> 00:00:02,000\nx\n", "out.docx", "cannot write '.docx'"),
    ],
)
def test_unusable_conversions_raise_a_clear_error(tmp_path, write, source_text, target, message):
    name = "in.txt" if "no times" in message else "in.srt"
    with pytest.raises(SongError, match=message):
        convert(write(name, source_text), tmp_path / target)


def test_a_package_target_that_is_a_file_is_refused(tmp_path, write):
    source = write("in.srt", "1\n00:00:01,000 --> 00:00:02,000\nx\n")
    write("pkg", "a file")
    with pytest.raises(SongError, match="is a file; a song package is a folder"):
        convert(source, tmp_path / "pkg" / "song.toml")


def test_package_targets():
    assert is_package_target(Path("/tmp"))
    assert is_package_target(Path("new-song"))
    assert is_package_target(Path("x/song.toml"))
    assert not is_package_target(Path("x/song.lrc"))


def test_parse_scale():
    assert parse_scale("1.25") == Fraction(5, 4)
    assert parse_scale("25/23.976") == Fraction(25) / Fraction("23.976")
    for bad in ("0", "-1", "x", "1/0"):
        with pytest.raises(ValueError):
            parse_scale(bad)


@given(st.text())
def test_manifest_strings_read_back_exactly(value):
    import tomllib

    for writer in (_string, _text):
        assert tomllib.loads(f"k = {writer(value)}")["k"] == value


def test_language_guess():
    assert guess_language(["Con mi burrito sabanero", "voy camino de Belén"]) == "es"
    assert guess_language(["Twinkle twinkle little star", "how I wonder what you are"]) == "en"


def test_new_package_needs_lines(tmp_path):
    with pytest.raises(SongError, match="no timed line"):
        new_package(tmp_path / "p", title="T", lines=())


def test_shifting_past_what_the_format_can_hold_is_refused(tmp_path):
    from karaoke.core.convert import Retiming, convert
    from karaoke.core.errors import SongError

    source = tmp_path / "in.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:02,000\nhola\n")
    with pytest.raises(SongError, match=r"do not fit a \.srt file"):
        convert(source, tmp_path / "out.srt", Retiming(shift_ms=3_600_000_000))
    assert not (tmp_path / "out.srt").exists()
