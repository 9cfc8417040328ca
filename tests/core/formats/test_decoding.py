import codecs
import subprocess
import sys

import pytest

from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.formats import read_lyrics
from karaoke.core.formats.decoding import (
    check_encoding,
    decode_lyrics,
    decode_text,
    encoding_name,
    looks_latin,
)
from tests.core.formats.lyrics_samples import ES_SUBRIP, JA, KO, RU, ZH_HANS, ZH_HANT, lrc

TEXT = "¿Atención?\r\nmecanismo “de” atención €\r\n"


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "UTF-8 (BOM)"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16-LE (BOM)"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16-BE (BOM)"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32-LE (BOM)"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32-BE (BOM)"),
    ],
)
def test_byte_order_marks_choose_the_encoding_and_are_removed(bom, codec, name):
    text, encoding = decode_text(bom + TEXT.encode(codec), "x.srt")
    assert text == "¿Atención?\nmecanismo “de” atención €\n"
    assert encoding == name


def test_utf8_without_bom():
    assert decode_text(TEXT.encode("utf-8"), "x.srt") == (
        "¿Atención?\nmecanismo “de” atención €\n",
        "UTF-8",
    )


def test_windows_1252_keeps_curly_quotes_and_euro_sign():
    text, encoding = decode_text(TEXT.encode("cp1252"), "x.srt")
    assert encoding == "Windows-1252"
    assert "“de”" in text and "€" in text


# Legacy encodings, detected -------------------------------------------------------------------

LYRICS = {"zh-hans": ZH_HANS, "zh-hant": ZH_HANT, "ja": JA, "ko": KO, "ru": RU}


@pytest.mark.parametrize(
    ("language", "codec", "names"),
    [
        ("zh-hans", "gbk", {"GB18030", "GBK"}),
        ("zh-hans", "gb18030", {"GB18030"}),
        ("zh-hans", "gb2312", {"GB18030", "GBK", "GB2312"}),
        ("zh-hant", "big5", {"Big5", "Big5 (cp950)", "Big5-HKSCS"}),
        ("ja", "shift_jis", {"Shift-JIS", "Shift-JIS (cp932)"}),
        ("ja", "cp932", {"Shift-JIS", "Shift-JIS (cp932)"}),
        ("ko", "euc_kr", {"EUC-KR", "EUC-KR (cp949)"}),
        ("ru", "cp1251", {"Windows-1251"}),
    ],
)
def test_a_dozen_lines_of_lyrics_in_a_legacy_encoding_decode_exactly(language, codec, names):
    text = lrc(LYRICS[language], title=LYRICS[language][:4])
    decoded = decode_lyrics(text.encode(codec), "x.lrc")
    assert decoded.text == text
    assert decoded.encoding in names
    assert decoded.problems == ()  # a dozen lines are enough to be sure


def test_a_gbk_lrc_file_reads_as_chinese_lines(write):
    lyrics = read_lyrics(write("song.lrc", lrc(ZH_HANS, title="星光"), encoding="gbk"))
    assert [line.text for line in lyrics.lines] == ZH_HANS.splitlines()
    assert lyrics.metadata["ti"] == "星光"
    assert lyrics.encoding == "GB18030"
    assert lyrics.problems == ()


def test_a_short_spanish_windows_1252_subrip_reads_right():
    decoded = decode_lyrics(ES_SUBRIP.replace("\n", "\r\n").encode("cp1252"), "x.srt")
    assert decoded.text == ES_SUBRIP
    assert decoded.encoding == "Windows-1252"
    assert {problem.code for problem in decoded.problems} <= {ProblemCode.ENCODING_GUESSED}


def test_iso_8859_15_euro_sign_is_not_read_as_the_currency_sign():
    text = ES_SUBRIP.replace("“", '"').replace("”", '"')
    decoded = decode_lyrics(text.encode("iso8859-15"), "x.srt")
    assert decoded.text == text and "€" in decoded.text and "¤" not in decoded.text
    assert decoded.encoding == "ISO-8859-15"
    # Windows-1252 reads the bytes too (with ¤): the choice is a guess, said at the first line
    # that is not UTF-8.
    [problem] = decoded.problems
    assert problem.code is ProblemCode.ENCODING_GUESSED
    assert (problem.path, problem.line) == ("x.srt", 3)
    assert "ISO-8859-15" in problem.message


def test_too_little_text_to_be_sure_is_a_warning_naming_the_encoding_chosen():
    data = "[00:01.00]hello\n[00:02.00]我爱你\n".encode("gbk")
    decoded = decode_lyrics(data, "x.lrc")
    [problem] = decoded.problems
    assert problem.code is ProblemCode.ENCODING_GUESSED
    assert problem.line == 2
    assert f"guessed as {decoded.encoding};" in problem.message
    assert "--encoding" in problem.message


def test_bytes_that_fit_no_encoding_name_the_first_line_that_is_not_utf8():
    data = b"line one\nline two\nbad \x81\x8d\x00\x1b\xff here\n"
    with pytest.raises(SongError) as caught:
        decode_text(data, "x.srt")
    assert caught.value.code is ProblemCode.UNDECODABLE
    assert caught.value.line == 3
    assert str(caught.value) == (
        "x.srt:3: cannot decode the text as UTF-8 or any other encoding (byte 0x81)"
    )


def test_broken_utf16_after_bom_is_reported():
    with pytest.raises(SongError, match="UTF-16-LE"):
        decode_text(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "x.srt")


def test_utf8_files_never_load_the_detector():
    script = (
        "import sys\n"
        "from karaoke.core.formats.decoding import decode_lyrics\n"
        "decode_lyrics('¿Atención? 注意'.encode(), 'x.srt')\n"
        "decode_lyrics(b'ascii only', 'x.srt')\n"
        "print('charset_normalizer' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


# The Latin rule --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["canción", "¿Qué?", "“Cuesta 5 €”", "Über die Brücke", "C'est l'été, « mon cœur »", "Sí\r\n"],
)
def test_western_european_text_looks_latin(text):
    assert looks_latin(text)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (RU, "cp1251"),  # Ðàñöâåòàëè: letters, but nearly all non-ASCII (and × ÷ ¸)
        (ZH_HANS, "gbk"),  # ÎÒ°®: ° ® ± ³
        (KO, "euc_kr"),
        ("Zażółć gęślą jaźń", "cp1250"),  # Za¿ó³æ: ³ ¹
        ("Şarkı söyle, ağabey", "cp1254"),  # Þarký: þ ð
    ],
)
def test_other_scripts_read_as_windows_1252_do_not(text, codec):
    assert not looks_latin(text.encode(codec).decode("cp1252", errors="replace"))


def test_control_characters_do_not_look_latin():
    assert not looks_latin("hola\x00")
    assert not looks_latin("hola \x85")  # what ISO-8859-15 makes of Windows-1252's …


# The encoding the user names ------------------------------------------------------------------


def test_a_named_encoding_is_used_strictly_instead_of_detection():
    data = lrc(RU, title="x").encode("cp1251")
    decoded = decode_lyrics(data, "x.lrc", "windows-1251")
    assert decoded.text == lrc(RU, title="x")
    assert decoded.encoding == "Windows-1251"
    assert decoded.problems == ()
    # What the user says goes, even where detection would say otherwise.
    assert decode_lyrics(b"\xbfQu\xe9?", "x.srt", "cp1251").text == "їQuй?"


def test_a_named_encoding_the_bytes_do_not_fit_names_the_line():
    with pytest.raises(SongError) as caught:
        decode_lyrics(b"ok\n\xff\xfe\n", "x.srt", "utf-8")
    assert caught.value.code is ProblemCode.UNDECODABLE
    assert str(caught.value) == "x.srt:2: cannot decode the text as UTF-8 (byte 0xff)"


def test_a_named_encoding_drops_a_byte_order_mark():
    assert decode_lyrics(codecs.BOM_UTF8 + b"hola", "x.srt", "utf-8").text == "hola"


@pytest.mark.parametrize("name", ["no-such-codec", "base64", "rot13", "", "gbk\x00"])
def test_an_unknown_encoding_is_a_song_error_not_a_lookup_error(name):
    with pytest.raises(SongError) as caught:
        decode_lyrics(b"hola", "x.srt", name)
    assert caught.value.code is ProblemCode.UNKNOWN_ENCODING
    assert f"unknown encoding {name!r}" in str(caught.value)
    with pytest.raises(ValueError, match="unknown encoding"):
        check_encoding(name)


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("cp1252", "Windows-1252"),
        ("windows-1251", "Windows-1251"),
        ("latin-1", "ISO-8859-1"),
        ("iso-8859-15", "ISO-8859-15"),
        ("gbk", "GBK"),
        ("shift_jis", "Shift-JIS"),
        ("euc-kr", "EUC-KR"),
        ("koi8-r", "KOI8-R"),
        ("utf8", "UTF-8"),
    ],
)
def test_encoding_names_for_people(codec, name):
    assert encoding_name(codec) == name
