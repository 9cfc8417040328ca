"""karaoke sync and karaoke convert on the command line: one clear line and exit 2 for bad
input (before any window), and conversions end to end."""

import os
import subprocess
import sys

import pytest

from karaoke.cli.sync import check_sync_input, run_convert
from karaoke.core.formats import read_lyrics


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "karaoke", *args], capture_output=True, text=True, timeout=60
    )


SRT = "1\n00:00:01,000 --> 00:00:02,000\nuno\n\n2\n00:00:03,000 --> 00:00:04,500\ndos\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "video.mp4").write_bytes(b"not opened before the window")
    (tmp_path / "words.txt").write_text("uno\ndos\n")
    (tmp_path / "empty.txt").write_text("\n\n")
    (tmp_path / "timed.srt").write_text(SRT)
    (tmp_path / "accented.txt").write_text("uno\ncanción\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("sync", "{d}/missing.mp4", "{d}/words.txt"),
            "karaoke sync: {d}/missing.mp4: no such file",
        ),
        (("sync", "{d}/words.txt", "{d}/video.mp4"), "is lyrics, not media: the media comes first"),
        (("sync", "{d}", "{d}/words.txt"), "is a folder; give the video or song file"),
        (("sync", "{d}/video.mp4", "{d}/missing.txt"), "{d}/missing.txt: no such file"),
        (("sync", "{d}/video.mp4", "{d}/empty.txt"), "the file has no text"),
        (("sync", "{d}/video.mp4"), "the following arguments are required: lyrics"),
        (
            ("sync", "{d}/video.mp4", "{d}/words.txt", "-o", "{d}/out.docx"),
            "must end in .srt or .lrc",
        ),
        (("sync", "{d}/video.mp4", "{d}/words.txt", "-o", "{d}/no/out.srt"), "is not a folder"),
        (
            ("sync", "{d}/video.mp4", "{d}/words.txt", "--rate", "1.5"),
            "--rate: '1.5' is not a tapping speed from 0.5 to 1.0",
        ),
        (
            ("sync", "{d}/video.mp4", "{d}/words.txt", "--resume", "--start-over"),
            "not allowed with",
        ),
        (("convert", "{d}/missing.srt", "{d}/out.lrc"), "{d}/missing.srt: no such file or folder"),
        (("convert", "{d}/words.txt", "{d}/out.srt"), "plain text has no times"),
        (("convert", "{d}/timed.srt", "{d}/out.docx"), "cannot write '.docx'"),
        (
            ("convert", "{d}/timed.srt", "{d}/out.lrc", "--scale", "0"),
            "--scale: '0' is not a scale factor above 0",
        ),
        (
            ("convert", "{d}/timed.srt", "{d}/out.lrc", "--shift", "soon"),
            "--shift: 'soon' is not a shift in milliseconds",
        ),
        (
            ("convert", "{d}/timed.srt", "{d}/out.lrc", "--shift", "99999999999999999999"),
            "--shift: '99999999999999999999' is not a shift in milliseconds within ±86400000",
        ),
        (
            ("convert", "{d}/timed.srt", "{d}/out.lrc", "--shift", "-86400001"),
            "--shift: '-86400001' is not a shift in milliseconds within ±86400000",
        ),
        (("convert", "{d}/timed.srt"), "the following arguments are required: OUT"),
        (
            ("convert", "{d}/timed.srt", "{d}/out.lrc", "--encoding", "klingon"),
            "--encoding: 'klingon' is not a text encoding Python knows",
        ),
        (
            ("sync", "{d}/video.mp4", "{d}/words.txt", "--encoding", "klingon"),
            "--encoding: 'klingon' is not a text encoding Python knows",
        ),
        # The encoding named is used, before any window opens.
        (
            ("sync", "{d}/video.mp4", "{d}/accented.txt", "--encoding", "ascii"),
            "{d}/accented.txt:2: cannot decode the text as ASCII (byte 0xc3)",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(files, args, expected):
    result = run(*(arg.format(d=files) for arg in args))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"karaoke {args[0]}: "), result.stderr  # the command's own
    assert expected.format(d=files) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_convert_shifts_by_up_to_a_day(files):
    target = files / "day.srt"
    result = run("convert", str(files / "timed.srt"), str(target), "--shift", "86400000")
    assert result.returncode == 0, result.stderr
    assert read_lyrics(target).lines[0].start_ms == 86_401_000


def test_convert_end_to_end(files):
    result = run("convert", str(files / "timed.srt"), str(files / "out.lrc"), "--shift", "-500")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {files / 'out.lrc'}: 2 lines"
    assert (files / "out.lrc").read_text().startswith("[ti:timed]\n\n[00:00.500]uno\n")
    result = run("convert", str(files / "out.lrc"), str(files / "back.srt"), "--shift=500")
    assert result.returncode == 0
    assert read_lyrics(files / "back.srt").lines == read_lyrics(files / "timed.srt").lines


def test_convert_to_a_package_then_check_reports_only_the_explanations(files):
    result = run("convert", str(files / "timed.srt"), str(files / "pkg"), "--scale", "25/23.976")
    assert result.returncode == 0, result.stderr
    assert "karaoke convert: note: write the explanations in" in result.stderr
    check = run("check", str(files / "pkg"))
    assert check.returncode == 1
    assert check.stdout.splitlines()[0].endswith("warning: stanza 1 has no explanation")
    assert "1 problem" in check.stdout
    assert read_lyrics(files / "pkg" / "lyrics.srt").lines[0].start_ms == 1043  # 1000 × 25/23.976


def test_sync_without_a_display_says_so_under_its_own_name(files):
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "karaoke",
            "sync",
            str(files / "video.mp4"),
            str(files / "words.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={name: value for name, value in os.environ.items() if name not in hidden},
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("karaoke sync: no graphical display here")
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_names_the_new_commands():
    assert "karaoke sync MEDIA LYRICS" in run("--help").stdout
    sync_help = run("sync", "--help").stdout
    for option in ("--output", "--rate", "--words", "--resume", "--start-over", "--encoding"):
        assert option in sync_help
    convert_help = run("convert", "--help").stdout
    for option in ("--shift", "--scale", "--no-words", "--encoding"):
        assert option in convert_help


# --encoding ------------------------------------------------------------------------------------

RU_SRT = (
    "1\n00:00:01,000 --> 00:00:02,000\nЗвёзды светят\n\n2\n00:00:03,000 --> 00:00:04,500\nночью\n"
)


def test_convert_reads_the_source_in_the_encoding_named(tmp_path):
    source = tmp_path / "ru.srt"
    source.write_bytes(RU_SRT.encode("koi8-r"))
    assert run_convert([str(source), str(tmp_path / "a.lrc"), "--encoding", "koi8-r"]) == 0
    assert [line.text for line in read_lyrics(tmp_path / "a.lrc").lines] == [
        "Звёзды светят",
        "ночью",
    ]
    # Another name gives other text: the option, not detection, decided.
    assert run_convert([str(source), str(tmp_path / "b.lrc"), "--encoding", "cp1251"]) == 0
    assert read_lyrics(tmp_path / "b.lrc").lines[0].text != "Звёзды светят"


def test_convert_a_package_the_option_is_for_its_lyrics_not_its_translations(tmp_path):
    package = tmp_path / "s"
    package.mkdir()
    (package / "lyrics.srt").write_bytes(RU_SRT.encode("cp1251"))
    translated = RU_SRT.replace("Звёзды светят", "Brillan las estrellas").replace(
        "ночью", "canción"
    )
    (package / "lyrics.es.srt").write_text(translated, encoding="utf-8")
    (package / "song.toml").write_text(
        "title = 'x'\nlyrics = 'lyrics.srt'\ntranslations = { es = 'lyrics.es.srt' }\n",
        encoding="utf-8",
    )
    assert run_convert([str(package), str(tmp_path / "out"), "--encoding", "cp1251"]) == 0
    copied = tmp_path / "out"
    lyrics = next(path for path in copied.glob("lyrics.*") if ".es." not in path.name)
    assert read_lyrics(lyrics).lines[1].text == "ночью"
    translation = next(copied.glob("*es*"))
    assert [line.text for line in read_lyrics(translation).lines] == [
        "Brillan las estrellas",
        "canción",
    ]


def test_sync_reads_the_lyrics_in_the_encoding_named(tmp_path):
    media = tmp_path / "video.mp4"
    media.write_bytes(b"x")
    words = tmp_path / "words.srt"
    words.write_bytes(RU_SRT.encode("koi8-r"))
    lyrics, _ = check_sync_input(media, words, None, "koi8-r")
    assert [line.text for line in lyrics.lines] == ["Звёзды светят", "ночью"]
    assert lyrics.encoding == "KOI8-R"
