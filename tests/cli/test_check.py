"""``karaoke check``: problems as file:line: message, a summary, exit 0/1/2, never a traceback."""

import subprocess
import sys

import pytest

from karaoke.cli.main import main
from tests.conftest import BUNDLED, CORPUS_SRT
from tests.core.formats.lyrics_samples import ES_SUBRIP, RU, ZH_HANS, lrc


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "karaoke", *args], capture_output=True, text=True, timeout=60
    )


def test_clean_file_exits_0_with_a_summary(capsys):
    assert main(["check", str(CORPUS_SRT / "no-indexes.srt")]) == 0
    out = capsys.readouterr().out
    assert out.strip() == "no-indexes: 7 lines, 1 stanza, 0:50.000, UTF-8 (BOM) — ok"


def test_problems_exit_1_and_name_file_and_line(capsys):
    assert main(["check", str(CORPUS_SRT / "empty.srt")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{CORPUS_SRT / 'empty.srt'}:12: warning: empty line: it has no text to sing"
    assert lines[-1].endswith("— 2 problems")


def test_show_lists_each_line_with_times(capsys):
    main(["check", "--show", str(CORPUS_SRT / "no-indexes.srt")])
    out = capsys.readouterr().out
    assert "1  0:06.500 → 0:09.000  About 2 months ago I found myself on / the comment" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("{no_cue}",), "no-cue.srt:2: no SubRip cue found"),
        (("/no/such/song.srt",), "/no/such/song.srt: no such file or folder"),
        (("--lyrics", "x.srt", str(BUNDLED / "lyrics.srt")), "not a media file"),
    ],
)
def test_unusable_input_exits_2_with_one_clear_line_and_no_traceback(tmp_path, args, message):
    no_cue = tmp_path / "no-cue.srt"
    no_cue.write_text("1\n00:00:01\nA time with no arrow: no player reads it\n")
    result = run("check", *(arg.format(no_cue=no_cue) for arg in args))
    assert result.returncode == 2
    assert result.stderr.startswith("karaoke check: "), result.stderr  # as its usage errors
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_undecodable_file_names_its_line(tmp_path):
    bad = tmp_path / "bad.srt"
    bad.write_bytes(
        b"1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:04,000\n"
        b"\x81\x8d\x00\x1b\xff\n"
    )
    result = run("check", str(bad))
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"karaoke check: {bad}:7: cannot decode the text as UTF-8 or any other encoding "
        "(byte 0x81)"
    )


# Encodings ---------------------------------------------------------------------------------


def test_the_summary_names_the_encoding_detected(write, capsys):
    song = write("星光.lrc", lrc(ZH_HANS, title="星光"), encoding="gbk")
    assert main(["check", "--show", str(song)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "星光: 12 lines, 1 stanza, 0:49.500, GB18030 — ok"
    assert out[1] == " 1  0:00.500 → 0:04.500  夜晚天上闪亮的星星"


def test_a_guessed_encoding_is_a_warning_and_the_summary_names_it(write, capsys):
    song = write("short.srt", ES_SUBRIP.replace("“", '"').replace("”", '"'), "iso8859-15")
    assert main(["check", str(song)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        f"{song}:3: warning: not UTF-8: the encoding was guessed as ISO-8859-15"
    )
    assert out[-1] == "short: 3 lines, 1 stanza, 0:09.500, ISO-8859-15 — 1 problem"


def test_encoding_option_overrides_detection(write, capsys):
    song = write("song.lrc", lrc(RU, title="Звёзды"), encoding="cp1251")
    assert main(["check", "--encoding", "cp1251", "--show", str(song)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "Звёзды: 12 lines, 1 stanza, 0:49.500, Windows-1251 — ok"
    assert out[1].endswith("Ночью в небе светят звёзды")
    # Named wrongly, the file is read as named: the user's word goes.
    assert main(["check", "--encoding", "koi8-r", str(song)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(", KOI8-R — ok")


def test_encoding_option_for_a_media_files_lyrics(write, capsys):
    media = write("clip.mp4", b"x")
    text = ES_SUBRIP.replace("“", '"').replace("”", '"')
    lyrics = write("words.srt", text, encoding="iso8859-15")
    # Named, the encoding is no guess: no warning (detected, it is one: see above).
    assert main(["check", "--lyrics", str(lyrics), "--encoding", "iso-8859-15", str(media)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(", ISO-8859-15 — ok")


def test_encoding_option_for_a_packages_lyrics(write, capsys):
    write("s/lyrics.lrc", lrc(RU, title="x"), encoding="koi8-r")
    manifest = write(
        "s/song.toml",
        "title = 'Звёзды'\nlyrics = 'lyrics.lrc'\n[[stanza]]\nlines = '1-12'\nexplanation = 'e'\n"
        "key_idea = 'k'\n",
    )
    assert main(["check", "--encoding", "koi8_r", str(manifest.parent)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Звёзды: 12 lines, 1 stanza, 0:49.500, KOI8-R — ok"
    )


def test_an_unknown_encoding_is_one_line_and_exit_2():
    result = run("check", "--encoding", "klingon", str(CORPUS_SRT / "no-indexes.srt"))
    assert result.returncode == 2
    assert result.stderr.strip().startswith(
        "karaoke check: --encoding: 'klingon' is not a text encoding Python knows"
    )
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_unknown_option_exits_2_without_traceback():
    result = run("check", "--bogus")
    assert result.returncode == 2 and "Traceback" not in result.stderr


CUE = "{n}\n00:00:0{n},000 --> 00:00:0{n},500\nline {n}\n\n"


def test_show_heads_each_stanza_with_its_number_and_key_idea_in_the_songs_language(write, capsys):
    write("s/lyrics.srt", "".join(CUE.format(n=n) for n in (1, 2, 3, 4)))
    manifest = write(
        "s/song.toml",
        "title = 'x'\nlanguage = 'en'\nlyrics = 'lyrics.srt'\n"
        "[[stanza]]\nlines = '1-2'\ntitle.en = 'First'\nexplanation = 'e'\n"
        "key_idea.es = 'La idea'\nkey_idea.en = 'The idea'\n"
        "[[stanza]]\nlines = '3'\ntitle.en = 'Second'\n"  # no key idea: its title
        "[[stanza]]\nlines = '4'\n",
    )
    assert main(["check", "--show", str(manifest)]) == 1  # stanzas 2 and 3 are unexplained
    rows = [row for row in capsys.readouterr().out.splitlines() if ": warning: " not in row]
    assert rows[:7] == [
        "-- stanza 1: The idea",
        "1  0:01.000 → 0:01.500  line 1",
        "2  0:02.000 → 0:02.500  line 2",
        "-- stanza 2: Second",
        "3  0:03.000 → 0:03.500  line 3",
        "-- stanza 3",
        "4  0:04.000 → 0:04.500  line 4",
    ]


def test_a_missing_or_too_long_key_idea_is_a_warning_with_its_manifest_line(write, capsys):
    write("s/lyrics.srt", "".join(CUE.format(n=n) for n in (1, 2)))
    manifest = (
        "title = 'x'\nlyrics = 'lyrics.srt'\n"
        "[[stanza]]\nlines = '1'\nexplanation.es = 'e'\n{first_idea}"
        "[[stanza]]\nlines = '2'\nexplanation.es = 'e'\nkey_idea.es = '{idea}'\n"
    )
    path = write("s/song.toml", manifest.format(first_idea="", idea="x" * 121))
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}:3: warning: stanza 1 has an explanation but no key idea",
        f"{path}:9: warning: stanza 2: key idea (es) has 121 characters, over 120: "
        "too long to project",
        "x: 2 lines, 2 stanzas, 0:02.500, UTF-8 — 2 problems",
    ]
    write("s/song.toml", manifest.format(first_idea="key_idea = 'k'\n", idea="x" * 120))
    assert main(["check", str(path)]) == 0


def test_show_lists_each_stanzas_questions_after_its_last_line_with_the_answer_marked(capsys):
    assert main(["check", "--show", str(BUNDLED)]) in (0, 1)  # 1: demo media not made
    rows = capsys.readouterr().out.splitlines()
    at = rows.index("   ? s1q1: ¿Qué aprendió a hacer GPT-3 durante su entrenamiento?")
    assert rows[at - 1].endswith("red neuronal del lenguaje natural")  # stanza 1's last line
    assert rows[at + 1 : at + 3] == [
        "       1. Buscar información en internet",
        "     * 2. Predecir la siguiente palabra de un texto",
    ]
    assert rows[at + 5].startswith("-- stanza 2: ")
    assert sum(row.startswith("   ? s") for row in rows) == 10
