import codecs

import pytest

from karaoke.core.errors import SongError
from karaoke.core.formats.decoding import decode_text

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


def test_bytes_neither_utf8_nor_cp1252_name_the_line():
    data = b"line one\nline two\nbad \x81\x8d here\n"
    with pytest.raises(SongError) as caught:
        decode_text(data, "x.srt")
    assert caught.value.line == 3
    assert str(caught.value).startswith("x.srt:3: cannot decode")


def test_broken_utf16_after_bom_is_reported():
    with pytest.raises(SongError, match="UTF-16-LE"):
        decode_text(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "x.srt")
