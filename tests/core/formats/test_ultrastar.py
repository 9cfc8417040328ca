"""UltraStar .txt: realistic solo and duet songs, their exact lines and word times, the repairs
(each a warning naming its row), encodings, and the song end to end (open, convert, check)."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karaoke.cli.main import main
from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.formats import read_lyrics
from karaoke.core.formats.ultrastar import _Tempo, read_ultrastar
from karaoke.core.package import open_song
from tests.core.formats.test_readers_fuzz import assert_valid

C = ProblemCode

# The first two lines of the bundled song, as a singing game's file: a decimal comma in the
# BPM, a gap, golden (*), freestyle (F), rap (R) and golden rap (G) notes, a held "~" note.
SOLO = """\
#TITLE:Mi Modelito Sabanero
#ARTIST:La clase de ciencias
#LANGUAGE:Spanish
#EDITION:Ciencias
#GENRE:Cumbia
#MP3:Mi Modelito Sabanero.mp3
#VIDEO:Mi Modelito Sabanero.mp4
#BPM:276,5
#GAP:9600
: 0 3 5 Con
: 4 2 5  mi
: 7 2 7  bu
: 9 2 7 rri
: 11 2 5 to
* 14 3 9  sa
: 17 2 7 ba
: 19 2 5 ne
: 21 4 4 ro
: 25 3 4 ~
: 30 2 2  voy
: 32 2 2  en
: 34 2 4 tre
: 36 2 5 nan
: 38 2 7 do
: 41 2 7  mi
: 43 2 9  mo
: 45 2 7 de
* 47 6 5 lo,
- 56
: 60 3 4 red
: 63 2 5  neu
: 65 2 7 ro
* 67 4 9 nal
F 72 2 0  del
F 74 2 0  len
: 76 2 5 gua
: 78 2 4 je
R 81 3 0  na
R 84 2 0 tu
G 86 6 0 ral
E
"""

# The same song in relative mode: after "- 56 60" the beats count from 60.
SOLO_RELATIVE = SOLO.replace("#GAP:9600\n", "#GAP:9600\n#RELATIVE:yes\n").split("- 56\n")[0] + (
    "- 56 60\n: 0 3 4 red\n: 3 2 5  neu\n: 5 2 7 ro\n* 7 4 9 nal\nF 12 2 0  del\n"
    "F 14 2 0  len\n: 16 2 5 gua\n: 18 2 4 je\nR 21 3 0  na\nR 24 2 0 tu\nG 26 6 0 ral\nE\n"
)

# A duet on the bundled song's first five lines (BPM 300: a beat is 50 ms): Ana and Beto answer
# each other, then sing the last line together (written in both parts, as games want it).
DUET = """\
#TITLE:Mi Modelito Sabanero (dueto)
#ARTIST:La clase de ciencias
#LANGUAGE:Spanish
#VIDEO:song.mp4
#BPM:300
#GAP:9600
#P1:Ana
#P2:Beto
P 1
: 0 4 5 Con
: 5 4 7  mi
: 10 4 9  bu
: 15 4 7 rri
: 20 4 5 to
: 25 4 4  sa
: 30 4 2 ba
: 35 4 4 ne
: 40 4 5 ro
: 45 4 7  voy
: 50 4 9  en
: 55 4 7 tre
: 60 4 5 nan
: 65 4 4 do
: 70 4 2  mi
: 75 4 4  mo
: 80 4 5 de
* 85 4 7 lo,
- 92
: 240 4 4 Con
: 245 4 2  ten
: 250 4 4 sor
: 255 4 5 flow
: 260 4 7  voy
: 265 4 9  pro
: 270 4 7 gra
: 275 4 5 man
: 280 4 4 do,
F 285 4 2  el
: 290 4 4  mo
: 295 4 5 de
: 300 4 7 lo
: 305 4 9  voy
: 310 4 7  com
: 315 4 5 pi
: 320 4 4 lan
* 325 4 2 do,
- 332
: 432 12 7 GPT,
: 445 12 9  GPT,
: 458 12 7  se
: 471 11 5  lla
: 483 12 4 ma
: 496 12 2  GPT
* 509 12 4 -3
- 524
P 2
: 96 7 9 red
: 104 7 7  neu
: 112 8 5 ro
: 121 7 4 nal
F 129 7 2  del
: 137 7 4  len
: 145 7 5 gua
: 153 7 7 je
: 161 8 9  na
: 170 7 7 tu
* 178 5 5 ral
: 183 3 4 ~
- 188
: 336 4 4 ca
: 341 4 5 pa
: 346 4 7  tras
: 351 4 9  ca
: 356 4 7 pa
: 361 4 5  vi’a
: 366 4 4 pi
: 371 4 2 lan
: 376 4 4 do,
F 381 4 5  el
: 386 4 7  mo
: 391 4 9 de
: 396 4 7 lo
: 401 4 5  voy
: 406 4 4  com
: 411 4 2 pi
: 416 4 4 lan
* 421 4 5 do
- 428
: 432 12 7 GPT,
: 445 12 9  GPT,
: 458 12 7  se
: 471 11 5  lla
: 483 12 4 ma
: 496 12 2  GPT
* 509 12 4 -3
E
"""


def read(text: str | bytes, encoding: str | None = None):
    data = text.encode() if isinstance(text, str) else text
    return read_ultrastar(data, "song.txt", encoding)


def solo_ms(beat: int) -> int:
    """GAP + beat × 60000 / (276.5 × 4), rounded half up: what the solo's times must be."""
    exact = 9600 + beat * Fraction(60_000) / (Fraction("276.5") * 4)
    return int((exact + Fraction(1, 2)).__floor__())


def words(line) -> list[tuple[str, int, int, int]]:
    return [(w.text, w.start_ms, w.end_ms, w.char_start) for w in line.words]


def test_solo_lines_their_syllables_and_their_times():
    lyrics = read(SOLO)
    assert lyrics.problems == ()
    first, second = lyrics.lines
    assert first.text == "Con mi burrito sabanero voy entrenando mi modelo,"
    assert second.text == "red neuronal del lenguaje natural"
    assert [w.text for w in first.words] == [
        "Con", "mi", "bu", "rri", "to", "sa", "ba", "ne", "ro",
        "voy", "en", "tre", "nan", "do", "mi", "mo", "de", "lo,",
    ]  # fmt: skip
    # Each syllable from its note's start to its end; "ro" is held on by the "~" note.
    beats = [(0, 3), (4, 2), (7, 2), (9, 2), (11, 2), (14, 3), (17, 2), (19, 2), (21, 7)]
    assert [(w.start_ms, w.end_ms) for w in first.words[:9]] == [
        (solo_ms(beat), solo_ms(beat + length)) for beat, length in beats
    ]
    # A beat is 60000 / (276.5 × 4) = 54.2495… ms; times are rounded half up to the ms.
    assert words(first)[:2] == [("Con", 9600, 9763, 0), ("mi", 9817, 9925, 4)]
    assert words(first)[8] == ("ro", 10739, 11119, 21)  # to the end of the held note
    assert (first.start_ms, first.end_ms) == (9600, 12475)  # the last note ends at beat 53
    assert (second.start_ms, second.end_ms) == (12855, 14591)
    assert words(second)[4:6] == [("del", 13506, 13614, 13), ("len", 13614, 13723, 17)]
    for line in lyrics.lines:
        for word in line.words:
            assert line.text[word.char_start : word.char_end] == word.text
    assert all(line.singer == "" for line in lyrics.lines)


def test_headers_are_kept_in_metadata_and_mp3_is_the_audio():
    metadata = read(SOLO).metadata
    assert metadata["title"] == "Mi Modelito Sabanero"
    assert metadata["artist"] == "La clase de ciencias"
    assert metadata["language"] == "Spanish"
    assert metadata["audio"] == "Mi Modelito Sabanero.mp3"
    assert metadata["video"] == "Mi Modelito Sabanero.mp4"
    assert read(SOLO.replace("#MP3:", "#AUDIO:")).metadata["audio"].endswith(".mp3")
    both = read(SOLO.replace("#MP3:", "#AUDIO:new.ogg\n#MP3:"))
    assert both.metadata["audio"] == "new.ogg"  # #AUDIO (format 1.x) wins over #MP3


def test_relative_mode_gives_the_same_times():
    relative, absolute = read(SOLO_RELATIVE).lines, read(SOLO).lines
    assert [(ln.text, ln.start_ms, ln.end_ms, ln.words) for ln in relative] == [
        (ln.text, ln.start_ms, ln.end_ms, ln.words) for ln in absolute
    ]
    assert read(SOLO_RELATIVE).problems == ()


def test_a_decimal_point_bpm_is_the_same_as_a_decimal_comma():
    assert read(SOLO.replace("276,5", "276.5")).lines == read(SOLO).lines


def test_duet_lines_keep_their_singers_and_a_line_both_sing_is_kept_once():
    lyrics = read(DUET)
    assert lyrics.problems == ()  # answering lines are neither out of order nor overlaps
    assert [(line.singer, line.start_ms, line.end_ms) for line in lyrics.lines] == [
        ("Ana", 9600, 14050),
        ("Beto", 14400, 18900),
        ("Ana", 21600, 26050),
        ("Beto", 26400, 30850),
        ("Ana & Beto", 31200, 35650),
    ]
    assert [line.text for line in lyrics.lines] == [
        "Con mi burrito sabanero voy entrenando mi modelo,",
        "red neuronal del lenguaje natural",
        "Con tensorflow voy programando, el modelo voy compilando,",
        "capa tras capa vi’apilando, el modelo voy compilando",
        "GPT, GPT, se llama GPT-3",
    ]
    assert words(lyrics.lines[1])[-1] == ("ral", 18500, 18900, 30)  # held by "~" to beat 186
    assert words(lyrics.lines[4])[:2] == [("GPT,", 31200, 31800, 0), ("GPT,", 31850, 32450, 5)]


def test_duet_parts_without_names_are_p1_and_p2():
    lyrics = read(DUET.replace("#P1:Ana\n#P2:Beto\n", "").replace("P 1\n", "P1\n"))
    assert [line.singer for line in lyrics.lines] == ["P1", "P2", "P1", "P2", "P1 & P2"]
    older = read(DUET.replace("#P1:", "#DUETSINGERP1:").replace("#P2:", "#DUETSINGERP2:"))
    assert older.lines[-1].singer == "Ana & Beto"


def test_held_and_empty_notes_extend_the_syllable_before_them():
    lyrics = read("#BPM:150\n: 0 2 0 Hel\n: 2 2 0 lo~\n: 4 4 0 ~\n: 8 2 0 \n: 10 2 0  you\nE\n")
    # A beat is 100 ms. "lo~" shows as "lo"; the "~" and the empty note hold it to beat 10.
    assert lyrics.lines[0].text == "Hello you"
    assert words(lyrics.lines[0]) == [
        ("Hel", 0, 200, 0),
        ("lo", 200, 1000, 3),
        ("you", 1000, 1200, 6),
    ]
    # A line's first note held from nothing shows nothing and does not start the line.
    assert read("#BPM:150\n: 0 2 0 ~\n: 2 2 0 ah\n").lines[0].start_ms == 200


def test_trailing_spaces_end_words_as_leading_ones_do():
    line = read("#BPM:150\n: 0 2 0 Con \n: 2 2 0 mi \n: 4 2 0 bu\n: 6 2 0 rro \n").lines[0]
    assert line.text == "Con mi burro"
    assert [(w.text, w.char_start) for w in line.words] == [
        ("Con", 0), ("mi", 4), ("bu", 7), ("rro", 9)
    ]  # fmt: skip


def test_tempo_changes_and_gaps():
    # B 4 300: from beat 4 on a beat is 50 ms instead of 100.
    lyrics = read("#BPM:150\n#GAP:-50\n: 0 2 0 a\n: 2 2 0 b\nB 4 300\n: 4 2 0 c\n: 8 2 0 d\n")
    assert [(w.start_ms, w.end_ms) for w in lyrics.lines[0].words] == [
        (0, 150),  # -50 ms is before 0:00: clamped
        (150, 350),
        (350, 450),
        (550, 650),
    ]


def test_a_tempo_change_written_after_the_notes_it_times_still_times_them():
    # B 4 300 comes after the note at beat 4 in the file; it times that note all the same.
    lyrics = read("#BPM:150\n: 0 2 0 a\n: 4 2 0 b\n- 7\nB 4 300\n: 8 2 0 c\nE\n")
    assert [[(w.start_ms, w.end_ms) for w in line.words] for line in lyrics.lines] == [
        [(0, 200), (400, 500)],
        [(600, 700)],
    ]
    assert lyrics.problems == ()


#: Decimal digits as ASCII or as Arabic-Indic digits (both are \d, and int() reads both).
DIGITS = st.sampled_from([str.maketrans("", ""), str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")])
#: Numbers of up to 9 digits are numbers of a note; of 10, or not numbers, a malformed note.
LONGEST = st.sampled_from(["999999999", "1000000000"])
ODD = st.sampled_from(["--5", "-", "+5", "5_0", "²", "5a"])
NOTES = st.lists(
    st.tuples(
        st.integers(0, 100_000).map(str) | LONGEST | ODD,
        st.integers(0, 999).map(str) | LONGEST | ODD,
        st.integers(-999, 999).map(str) | LONGEST | LONGEST.map(lambda pitch: "-" + pitch) | ODD,
        st.text(st.sampled_from(list("ab ~\tñ-")), max_size=5),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(notes=NOTES, digits=DIGITS)
def test_notes_read_the_same_one_space_apart_or_not(notes, digits):
    """A note one space apart (read by a split) and the same note with tabs and runs of spaces
    (read by the regular expression) give the same lines."""

    def song(space: str, before_text: str) -> str:
        rows = [
            f"{':*FRG'[i % 5]}{space}{beat}{space}{length}{space}{pitch}".translate(digits)
            + f"{before_text}{text}"
            for i, (beat, length, pitch, text) in enumerate(notes)
        ]
        return "#BPM:276,5\n#GAP:-100\n" + "\n".join(rows) + "\nE\n"

    def outcome(text: str) -> object:
        try:
            return read(text)
        except SongError as error:  # every note 0 ms long, say
            return error.message, error.line, error.code

    assert outcome(song(" ", " ")) == outcome(song(" \t ", "\t"))


def _exact_ms(gap: Fraction, stretches: list[tuple[Fraction, Fraction]], beat: int) -> int:
    """The time of ``beat`` the slow way: Fractions, stretch by stretch, rounded half up."""
    total = gap
    for index, (first, beat_ms) in enumerate(stretches):
        end = stretches[index + 1][0] if index + 1 < len(stretches) else None
        if index and beat <= first:
            break
        total += ((beat if end is None else min(Fraction(beat), end)) - first) * beat_ms
        if end is None or beat <= end:
            break
    return max(0, int((total + Fraction(1, 2)).__floor__()))


DECIMALS = st.decimals(min_value=-20_000, max_value=20_000, places=2).map(Fraction)
BPMS = st.decimals(min_value="0.5", max_value=2000, places=3).map(Fraction)


@settings(max_examples=300, deadline=None)
@given(
    gap=DECIMALS,
    bpms=st.lists(BPMS, min_size=1, max_size=4),
    firsts=st.lists(st.decimals(min_value="0.5", max_value=5000, places=1), max_size=3),
    beats=st.lists(st.integers(-1000, 100_000), min_size=1, max_size=20),
)
def test_integer_tempo_arithmetic_gives_the_exact_times(gap, bpms, firsts, beats):
    firsts = sorted({Fraction(0), *map(Fraction, firsts)})
    pairs = zip(firsts, bpms, strict=False)  # as many stretches as the shorter list
    stretches = [(first, Fraction(15_000) / bpm) for first, bpm in pairs]
    tempo = _Tempo(gap, stretches)
    timer = tempo.timer()
    for beat in beats:
        assert tempo.ms(beat) == timer(beat) == _exact_ms(gap, stretches, beat)


@pytest.mark.parametrize(
    ("row", "code", "message"),
    [
        (": 10 x 0 la", C.MALFORMED_NOTE, "a note with not 'type beat length pitch text'; skipped"),
        (": 10 -2 0 la", C.MALFORMED_NOTE, "a note with a length below 0; skipped"),
        (":", C.MALFORMED_NOTE, "a note with not"),
        ("- soon", C.MALFORMED_NOTE, "a line break with something else than its beats"),
        ("Free bird", C.UNKNOWN_LINE, "'Free bird' is no note, line break, player or end"),
        ("#GENRE:late", C.UNKNOWN_LINE, "a header after the notes is no note"),
        ("P3", C.UNKNOWN_LINE, "P3: only P1 and P2 sing in a duet"),
    ],
)
def test_a_malformed_row_is_skipped_with_a_warning_naming_it(row, code, message):
    lyrics = read(f"#TITLE:x\n#BPM:150\n: 0 2 0 a\n{row}\n: 20 2 0  b\nE\n")
    [problem] = lyrics.problems
    assert (problem.line, problem.code) == (4, code)
    assert message in problem.message
    assert lyrics.lines[0].text == ("a" if row.startswith("-") else "a b")


def test_header_values_not_understood_are_ignored_with_a_warning():
    lyrics = read("#BPM:150\n#GAP:soon\n#RELATIVE:maybe\n: 0 2 0 a\n")
    assert [(p.line, p.code) for p in lyrics.problems] == [(2, C.BAD_HEADER), (3, C.BAD_HEADER)]
    assert lyrics.lines[0].start_ms == 0


def test_a_relative_line_break_with_one_beat_shifts_by_it_with_a_warning():
    lyrics = read("#BPM:150\n#RELATIVE:YES\n: 0 2 0 a\n- 4\n: 0 2 0 b\n")
    assert [line.start_ms for line in lyrics.lines] == [0, 400]
    assert [(p.line, p.code) for p in lyrics.problems] == [(4, C.MALFORMED_NOTE)]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (": 0 2 0 a\n", "no #BPM header", None),
        ("#BPM:0\n: 0 2 0 a\n", "#BPM:0 is not a number of beats per minute above 0", 1),
        ("#BPM:fast\n: 0 2 0 a\n", "#BPM:fast is not", 1),
    ],
)
def test_no_usable_bpm_is_an_error(text, message, line):
    with pytest.raises(SongError) as caught:
        read(text)
    assert caught.value.code is C.MISSING_BPM
    assert message in caught.value.message and caught.value.line == line


def test_no_notes_is_an_error_and_rows_after_the_end_are_not_read():
    with pytest.raises(SongError, match="no UltraStar notes found") as caught:
        read("#TITLE:x\n#BPM:150\nE\n: 0 2 0 a\n")
    assert caught.value.code is C.NO_LINES


def test_a_line_out_of_order_in_its_part_is_reported():
    lyrics = read("#BPM:150\n: 20 2 0 b\n- 30\n: 0 2 0 a\nE\n")
    assert [line.text for line in lyrics.lines] == ["a", "b"]
    assert [(p.line, p.code) for p in lyrics.problems] == [(4, C.OUT_OF_ORDER)]


def test_encoding_header_is_honoured_unless_the_user_chose_one():
    # ř is 0xF8 in Windows-1250; read as Windows-1252 it would be ø.
    data = "#ENCODING:CP1250\n#BPM:150\n: 0 2 0 Dvořák\n".encode("cp1250")
    assert read(data).lines[0].text == "Dvořák"
    assert "1250" in read(data).encoding
    assert read(data, encoding="cp1252").lines[0].text == "Dvoøák"
    auto = "#ENCODING:Auto\n#BPM:150\n: 0 2 0 canción\n".encode()
    assert read(auto).lines[0].text == "canción" and read(auto).problems == ()


def test_an_encoding_header_that_does_not_fit_is_reported_and_the_encoding_detected():
    unknown = read("#BPM:150\n#ENCODING:klingon\n: 0 2 0 canción\n".encode())
    assert unknown.lines[0].text == "canción"
    assert [(p.line, p.code) for p in unknown.problems] == [(2, C.BAD_HEADER)]
    assert "#ENCODING:klingon: not an encoding we know" in unknown.problems[0].message
    wrong = read("#ENCODING:UTF8\n#BPM:150\n: 0 2 0 canción\n".encode("cp1252"))
    assert wrong.lines[0].text == "canción"
    assert ProblemCode.BAD_HEADER in {p.code for p in wrong.problems}
    assert read(b"#ENCODING:zlib\n#BPM:150\n: 0 2 0 a\n").problems[0].code is C.BAD_HEADER


def test_a_utf8_bom_wins_over_the_encoding_header():
    data = b"\xef\xbb\xbf#ENCODING:CP1252\n#BPM:150\n: 0 2 0 " + "canción".encode()
    assert read(data).lines[0].text == "canción"


# Bytes shaped like UltraStar rows find more paths than uniform noise.
FRAGMENTS = st.sampled_from(
    [b"\n", b"#BPM:300\n", b"#BPM:0,5\n", b"#GAP:-100\n", b"#RELATIVE:YES\n", b"#P1:A\n",
     b"#ENCODING:CP1250\n", b"#ENCODING:zlib\n", b": 0 4 5 la\n", b"* 4 2 1  ~\n",
     b"F -3 0 0 x\n", b"R 999999999 999999999 0 a", b"- 8\n", b"- 8 4\n", b"-\n", b"P1\n",
     b"P 2\n", b"P7\n", b"B 4 120\n", b"B 0 0\n", b"E\n", b": 1 x\n", b"\xe9", b"\x00", b" "]
)  # fmt: skip
ULTRASTAR_BYTES = st.lists(FRAGMENTS, max_size=40).map(
    lambda parts: b"#BPM:200\n" + b"".join(parts)
)


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(ULTRASTAR_BYTES, st.binary(max_size=300)))
def test_any_bytes_give_lyrics_or_song_error(data):
    try:
        lyrics = read_ultrastar(data, "fuzz.txt")
    except SongError as error:
        assert error.path == "fuzz.txt" and error.message
    else:
        assert_valid(lyrics)


# The song end to end ---------------------------------------------------------------------------


def test_opening_the_txt_plays_the_media_it_names(tmp_path):
    (tmp_path / "song.mp4").write_bytes(b"video")
    (tmp_path / "duet.txt").write_text(DUET)
    opened = open_song(tmp_path / "duet.txt")
    assert opened.song.media == tmp_path / "song.mp4"
    assert opened.song.title == "Mi Modelito Sabanero (dueto)"
    assert opened.problems == []
    # #MP3 (what the times follow) wins over #VIDEO; a named file that is missing is reported.
    (tmp_path / "song.mp3").write_bytes(b"audio")
    (tmp_path / "solo.txt").write_text(SOLO.replace("Mi Modelito Sabanero.mp3", "song.mp3"))
    assert open_song(tmp_path / "solo.txt").song.media == tmp_path / "song.mp3"
    (tmp_path / "lost.txt").write_text(DUET.replace("song.mp4", "lost.mp4"))
    lost = open_song(tmp_path / "lost.txt")
    assert lost.song.media is None
    assert [(p.code, p.message) for p in lost.problems] == [
        (C.MEDIA_NOT_FOUND, f"media file not found: {tmp_path / 'lost.mp4'}")
    ]


def test_plain_text_txt_is_still_plain_text(tmp_path):
    (tmp_path / "words.txt").write_text("#BPM es un hashtag\nCon mi burrito sabanero\n")
    lyrics = read_lyrics(tmp_path / "words.txt")
    assert not lyrics.timed and [line.text for line in lyrics.lines][1] == "Con mi burrito sabanero"


def test_convert_to_enhanced_lrc_keeps_every_syllable_time(tmp_path, capsys):
    (tmp_path / "song.txt").write_text(SOLO)
    assert main(["convert", str(tmp_path / "song.txt"), str(tmp_path / "out.lrc")]) == 0
    text = (tmp_path / "out.lrc").read_text()
    assert text.startswith("[ti:Mi Modelito Sabanero]\n\n[00:09.600]<00:09.600>Con <00:09.817>mi ")
    again = read_lyrics(tmp_path / "out.lrc")
    original = read(SOLO)
    assert [line.text for line in again.lines] == [line.text for line in original.lines]
    # UltraStar times are whole ms after rounding; LRC is written to the ms, so nothing moves
    # (players that read hundredths see them at most 9 ms early).
    for ours, theirs in zip(again.lines, original.lines, strict=True):
        assert [(w.text, w.start_ms) for w in ours.words] == [
            (w.text, w.start_ms) for w in theirs.words
        ]
    # A plain-text target is still plain text.
    assert main(["convert", str(tmp_path / "song.txt"), str(tmp_path / "words.txt")]) == 0
    assert (tmp_path / "words.txt").read_text().startswith("Con mi burrito sabanero voy")
    assert not read_lyrics(tmp_path / "words.txt").timed


def test_check_show_lists_the_duet(tmp_path, capsys):
    (tmp_path / "song.txt").write_text(DUET)
    (tmp_path / "song.mp4").write_bytes(b"video")
    assert main(["check", "--show", str(tmp_path / "song.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "1  0:09.600 → 0:14.050  Con mi burrito sabanero voy entrenando mi modelo,"
    assert out[5] == "5  0:31.200 → 0:35.650  GPT, GPT, se llama GPT-3"
    assert out[-1] == "Mi Modelito Sabanero (dueto): 5 lines, 1 stanza, 0:35.650, UTF-8 — ok"
