"""Every kind of problem the core reports carries its own :class:`ProblemCode`, so that callers
decide on the code, never on the wording; a problem's severity follows from its code."""

from __future__ import annotations

import ast
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from karaoke.cli.sync import check_sync_input
from karaoke.core import formats
from karaoke.core.archive_read import import_package
from karaoke.core.convert import convert
from karaoke.core.errors import Problem, ProblemCode, Severity, SongError
from karaoke.core.formats import read_lyrics, write_lyrics
from karaoke.core.journal import JOURNAL_KIND, Journal, read_journal, replay
from karaoke.core.lesson import check_lesson, read_lesson
from karaoke.core.model import Line
from karaoke.core.package import open_song
from karaoke.core.package_writer import new_package
from tests.conftest import REPO

C = ProblemCode
CUE = "{n}\n00:00:{a:02d},000 --> 00:00:{b:02d},000\n{text}\n\n"
SRT = CUE.format(n=1, a=1, b=2, text="uno") + CUE.format(n=2, a=3, b=4, text="dos")
MANIFEST = "title = 'x'\nlyrics = 'lyrics.srt'\n[[stanza]]\nlines = '1-2'\nexplanation = 'e'\n"
LESSON = "kind = 'lesson'\ntitle = 'x'\n"
QUESTION = "[[stanza.question]]\nprompt = 'p?'\noptions = ['sí', 'no']\ncorrect = 1\nwhy = 'w'\n"


def _srt(*cues: tuple[int, int, str]) -> str:
    return "".join(CUE.format(n=n, a=a, b=b, text=t) for n, (a, b, t) in enumerate(cues, 1))


def _codes(path: Path) -> set[ProblemCode]:
    return {problem.code for problem in open_song(path).problems}


def _error(action: Callable[[], object]) -> ProblemCode:
    with pytest.raises(SongError) as caught:
        action()
    return caught.value.code


class Cases:
    """Each method makes one kind of problem in ``tmp`` and returns the codes it got."""

    def __init__(self, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp = tmp
        self.monkeypatch = monkeypatch

    def file(self, name: str, content: str | bytes = "") -> Path:
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    def manifest(self, text: str, lyrics: str = SRT) -> set[ProblemCode]:
        self.file("s/lyrics.srt", lyrics)
        return _codes(self.file("s/song.toml", text))

    def manifest_error(self, text: str) -> ProblemCode:
        self.file("s/lyrics.srt", SRT)
        return _error(lambda: open_song(self.file("s/song.toml", text)))

    def lyrics(self, name: str, text: str | bytes) -> set[ProblemCode]:
        return {problem.code for problem in read_lyrics(self.file(name, text)).problems}

    def journal(self, version: int, state: object) -> Path:
        header = {"kind": JOURNAL_KIND, "version": version, "state": state}
        return self.file("j", json.dumps(header) + "\n")

    def sync(self, media: str, output: str | None = None) -> ProblemCode:
        """What ``karaoke sync MEDIA words.srt [-o OUTPUT]`` refuses: an ``.mp4`` MEDIA and an
        OUTPUT ending in ``/`` (a folder) are made first."""
        words = self.file("words.srt", SRT)
        media_path = self.file(media, b"x") if media.endswith(".mp4") else self.tmp / media
        if output and output.endswith("/"):
            (self.tmp / output).mkdir()
        out = None if output is None else self.tmp / output
        return _error(lambda: check_sync_input(media_path, words, out))

    def lesson(self, text: str) -> ProblemCode:
        return _error(lambda: read_lesson(self.file("lesson.toml", text)))

    def lesson_item(self, keys: str) -> set[ProblemCode]:
        """The codes :func:`check_lesson` gives an item of the song in ``s/`` with ``keys``."""
        self.manifest(MANIFEST)
        lesson = self.file("lesson.toml", LESSON + "[[item]]\nsong = 's'\n" + keys)
        checked = check_lesson(read_lesson(lesson), open_song)
        return {problem.code for _, _, problems in checked for problem in problems}

    def pipe(self) -> ProblemCode:
        os.mkfifo(self.tmp / "p.srt")
        return _error(lambda: read_lyrics(self.tmp / "p.srt"))

    def unreadable_manifest(self) -> ProblemCode:
        manifest = self.file("s/song.toml", MANIFEST)

        def refuse(path: Path) -> bytes:
            raise PermissionError(13, "Permission denied")

        # Permissions cannot make a file unreadable for root (the test may run as root).
        self.monkeypatch.setattr(Path, "read_bytes", refuse)
        return _error(lambda: open_song(manifest))

    def unsafe_archive(self) -> ProblemCode:
        archive = self.tmp / "a.karaoke"
        with zipfile.ZipFile(archive, "w") as bundle:
            bundle.writestr("../song.toml", MANIFEST)
        return _error(lambda: import_package(archive, self.tmp / "lib"))

    def too_large(self) -> ProblemCode:
        self.monkeypatch.setattr(formats, "MAX_LYRICS_BYTES", 10)
        return _error(lambda: self.lyrics("a.srt", SRT))


CASES: dict[str, tuple[ProblemCode, Callable[[Cases], object]]] = {
    # Files
    "no such song": (C.FILE_NOT_FOUND, lambda c: _error(lambda: open_song(c.tmp / "no.srt"))),
    "no such lyrics": (C.FILE_NOT_FOUND, lambda c: _error(lambda: read_lyrics(c.tmp / "no.srt"))),
    "lyrics is a folder": (
        C.NOT_A_FILE,
        lambda c: _error(lambda: read_lyrics(c.file("d.srt/x").parent)),
    ),
    "lyrics is a pipe": (C.NOT_A_FILE, Cases.pipe),
    "package target is a file": (
        C.NOT_A_FOLDER,
        lambda c: _error(lambda: convert(c.file("a.srt", SRT), c.file("out"))),
    ),
    "package folder is a file": (
        C.NOT_A_FOLDER,
        lambda c: _error(lambda: new_package(c.file("f"), title="t", lines=[Line("a", 0, 1)])),
    ),
    "manifest unreadable": (C.UNREADABLE, Cases.unreadable_manifest),
    "lyrics too large": (C.TOO_LARGE, Cases.too_large),
    "undecodable": (
        C.UNDECODABLE,
        lambda c: _error(lambda: c.lyrics("a.srt", b"\x81\x8d\x00\x1b\xff")),
    ),
    "unknown encoding": (
        C.UNKNOWN_ENCODING,
        lambda c: _error(lambda: read_lyrics(c.file("a.srt", SRT), "no-such-codec")),
    ),
    "encoding guessed": (
        C.ENCODING_GUESSED,
        lambda c: c.lyrics("a.lrc", "[00:01.00]我爱你\n".encode("gbk")),
    ),
    "not a song": (C.NOT_A_SONG, lambda c: _error(lambda: open_song(c.file("notes.pdf", "%")))),
    "no manifest": (C.NO_MANIFEST, lambda c: _error(lambda: open_song(c.tmp))),
    "manifest lyrics missing": (
        C.LYRICS_NOT_FOUND,
        lambda c: _error(lambda: open_song(c.file("s/song.toml", "title='x'\nlyrics='no.srt'"))),
    ),
    "no lyrics beside media": (
        C.LYRICS_NOT_FOUND,
        lambda c: _error(lambda: open_song(c.file("clip.mp4", b"x"))),
    ),
    "--lyrics without media": (
        C.LYRICS_OPTION_NEEDS_MEDIA,
        lambda c: _error(lambda: open_song(c.file("a.srt", SRT), lyrics=c.file("b.srt", SRT))),
    ),
    "media missing": (C.MEDIA_NOT_FOUND, lambda c: c.manifest("media = 'no.mp4'\n" + MANIFEST)),
    "translation missing": (
        C.TRANSLATION_NOT_FOUND,
        lambda c: c.manifest("translations = { en = 'no.srt' }\n" + MANIFEST),
    ),
    "instrumental missing": (
        C.INSTRUMENTAL_NOT_FOUND,
        lambda c: c.manifest("instrumental = 'sin-voz.ogg'\n" + MANIFEST),
    ),
    "unknown format": (C.UNKNOWN_FORMAT, lambda c: _error(lambda: c.lyrics("a.docx", "x"))),
    # Lyrics
    "cue without timing": (C.MALFORMED_CUE, lambda c: c.lyrics("a.srt", "1\nhola\n\n" + SRT)),
    "cue with a bad time": (
        C.MALFORMED_CUE,
        lambda c: c.lyrics("a.srt", SRT + "3\n00:00:0x,000 --> 00:00:09,000\ntres\n"),
    ),
    "cue past 59 seconds": (
        C.MALFORMED_CUE,
        lambda c: c.lyrics("a.srt", SRT + "3\n00:00:61,000 --> 00:01:09,000\ntres\n"),
    ),
    "cue with a loose time": (
        C.LOOSE_TIME,
        lambda c: c.lyrics("a.srt", SRT + "3\n00:00:05 --> 00:00:09,000\ntres\n"),
    ),
    "blank line inside a cue": (C.BLANK_IN_CUE, lambda c: c.lyrics("a.srt", SRT + "más dos\n")),
    "WebVTT cue with a bad time": (
        C.MALFORMED_CUE,
        lambda c: c.lyrics(
            "a.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nuno\n\n0:03.0 --> 0:04.0\nx\n"
        ),
    ),
    "WebVTT without its header": (
        C.MISSING_HEADER,
        lambda c: _error(lambda: c.lyrics("a.vtt", "00:01.000 --> 00:02.000\nuno\n")),
    ),
    "ASS Dialogue with a bad time": (
        C.MALFORMED_CUE,
        lambda c: c.lyrics(
            "a.ass",
            "[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,uno\n"
            "Dialogue: 0,0:00:0x.00,0:00:04.00,Default,,0,0,0,,dos\n",
        ),
    ),
    "LRC stamp past 59 seconds": (
        C.MALFORMED_STAMP,
        lambda c: c.lyrics("a.lrc", "[00:61.00]x\n[00:01.00]y\n"),
    ),
    "LRC text without stamp": (C.MISSING_STAMP, lambda c: c.lyrics("a.lrc", "hola\n[00:01.00]y\n")),
    "LRC bad offset": (C.BAD_OFFSET, lambda c: c.lyrics("a.lrc", "[offset:soon]\n[00:01.00]y\n")),
    "LRC offset before 0": (
        C.OFFSET_BEFORE_START,
        lambda c: c.lyrics("a.lrc", "[offset:+5000]\n[00:01.00]y\n"),
    ),
    "UltraStar without BPM": (
        C.MISSING_BPM,
        lambda c: _error(lambda: c.lyrics("a.txt", "#TITLE:x\n#BPM:0\n: 0 2 0 a\n")),
    ),
    "UltraStar bad gap": (
        C.BAD_HEADER,
        lambda c: c.lyrics("a.txt", "#BPM:300\n#GAP:x\n: 0 2 0 a\n"),
    ),
    "UltraStar malformed note": (
        C.MALFORMED_NOTE,
        lambda c: c.lyrics("a.txt", "#TITLE:x\n#BPM:300\n: 0 2 0 a\n: 4 two 0 b\n"),
    ),
    "UltraStar unknown row": (
        C.UNKNOWN_LINE,
        lambda c: c.lyrics("a.txt", "#TITLE:x\n#BPM:300\n: 0 2 0 a\nla la la\n"),
    ),
    "LRC third line with one stamp": (
        C.EXTRA_TRANSLATION,
        lambda c: c.lyrics("a.lrc", "[00:01.00]y\n[00:01.00]why\n[00:01.00]porqué\n"),
    ),
    "empty line": (C.EMPTY_LINE, lambda c: c.lyrics("a.srt", _srt((1, 2, "<i></i>"), (3, 4, "a")))),
    "ends before it starts": (C.ENDS_BEFORE_START, lambda c: c.lyrics("a.srt", _srt((3, 2, "a")))),
    "out of order": (C.OUT_OF_ORDER, lambda c: c.lyrics("a.srt", _srt((5, 6, "a"), (1, 2, "b")))),
    "overlap": (C.OVERLAP, lambda c: c.lyrics("a.srt", _srt((1, 5, "a"), (2, 6, "b")))),
    "zero length": (C.ZERO_LENGTH, lambda c: c.lyrics("a.srt", _srt((1, 1, "a"), (2, 3, "b")))),
    "control character": (
        C.CONTROL_CHARACTER,
        lambda c: c.lyrics("a.srt", _srt((1, 2, "a\x00b"), (3, 4, "c"))),
    ),
    "no line in a file": (C.NO_LINES, lambda c: _error(lambda: c.lyrics("a.srt", "1\nhola\n"))),
    "no line for a package": (
        C.NO_LINES,
        lambda c: _error(lambda: new_package(c.tmp / "p", title="t", lines=[])),
    ),
    # The manifest
    "invalid TOML": (C.INVALID_TOML, lambda c: c.manifest_error("title = = 'x'\n")),
    "unsupported schema": (C.UNSUPPORTED_SCHEMA, lambda c: c.manifest_error("schema = 2\n")),
    "missing title": (C.BAD_VALUE, lambda c: c.manifest_error("lyrics = 'lyrics.srt'\n")),
    "offset out of range": (
        C.BAD_VALUE,
        lambda c: c.manifest_error("offset_ms = 99999999999\n" + MANIFEST),
    ),
    "credit without name": (C.BAD_VALUE, lambda c: c.manifest(MANIFEST + "[[credits]]\nname=3\n")),
    "unknown key": (C.UNKNOWN_KEY, lambda c: c.manifest("colour = 'red'\n" + MANIFEST)),
    "bad URL": (
        C.BAD_URL,
        lambda c: c.manifest(MANIFEST + "references = [{ title = 'a', url = 'ftp://x' }]\n"),
    ),
    "stanza lines malformed": (
        C.STANZA_RANGE,
        lambda c: c.manifest(MANIFEST.replace("'1-2'", "'one'")),
    ),
    "stanza lines out of range": (
        C.STANZA_RANGE,
        lambda c: c.manifest(MANIFEST.replace("'1-2'", "'1-9'")),
    ),
    "stanzas overlap": (
        C.STANZA_ORDER,
        lambda c: c.manifest(MANIFEST + "[[stanza]]\nlines = '2'\nexplanation = 'e'\n"),
    ),
    "lines without stanza": (
        C.LINES_WITHOUT_STANZA,
        lambda c: c.manifest(MANIFEST.replace("'1-2'", "'1'")),
    ),
    "no explanation": (
        C.NO_EXPLANATION,
        lambda c: c.manifest(MANIFEST.replace("explanation = 'e'\n", "")),
    ),
    "explained without a key idea": (C.NO_KEY_IDEA, lambda c: c.manifest(MANIFEST)),
    "key idea too long": (
        C.KEY_IDEA_TOO_LONG,
        lambda c: c.manifest(MANIFEST + f"key_idea = '{'x' * 121}'\n"),
    ),
    "question with one option": (
        C.QUESTION_OPTIONS,
        lambda c: c.manifest(MANIFEST + QUESTION.replace("'no']", "]")),
    ),
    "question answer out of range": (
        C.QUESTION_ANSWER,
        lambda c: c.manifest(MANIFEST + QUESTION.replace("correct = 1", "correct = 3")),
    ),
    "question without why": (
        C.QUESTION_EMPTY,
        lambda c: c.manifest(MANIFEST + QUESTION.replace("why = 'w'\n", "")),
    ),
    "question option missing a language": (
        C.QUESTION_LANGUAGE,
        lambda c: c.manifest(
            MANIFEST
            + QUESTION.replace("prompt = 'p?'", "prompt.en = 'p?'").replace("'sí'", "{ es = 'sí' }")
        ),
    ),
    "question prompt too long": (
        C.QUESTION_TOO_LONG,
        lambda c: c.manifest(MANIFEST + QUESTION.replace("'p?'", f"'{'p' * 201}'")),
    ),
    # Writing and converting
    "unknown extension to write": (
        C.NOT_WRITABLE,
        lambda c: _error(lambda: write_lyrics(c.tmp / "a.docx", [Line("a", 0, 1)])),
    ),
    "unknown extension to convert to": (
        C.NOT_WRITABLE,
        lambda c: _error(lambda: convert(c.file("a.srt", SRT), c.tmp / "a.docx")),
    ),
    "time too late": (
        C.TIME_TOO_LATE,
        lambda c: _error(lambda: write_lyrics(c.tmp / "a.lrc", [Line("a", 0, 10**12)])),
    ),
    "convert untimed": (
        C.UNTIMED,
        lambda c: _error(lambda: convert(c.file("a.txt", "hola\n"), c.tmp / "a.srt")),
    ),
    "write into no folder": (
        C.WRITE_FAILED,
        lambda c: _error(lambda: write_lyrics(c.tmp / "no" / "a.srt", [Line("a", 0, 1)])),
    ),
    # karaoke sync's input
    "sync media missing": (C.FILE_NOT_FOUND, lambda c: c.sync("no-such.mkv")),
    "sync media is a folder": (C.NOT_A_FILE, lambda c: c.sync(".")),
    "sync media is lyrics": (C.NOT_MEDIA, lambda c: c.sync("words.srt")),
    "sync output not .srt/.lrc": (C.NOT_WRITABLE, lambda c: c.sync("clip.mp4", "out.txt")),
    "sync output in no folder": (C.NOT_A_FOLDER, lambda c: c.sync("clip.mp4", "no/out.srt")),
    "sync output is a folder": (C.NOT_A_FILE, lambda c: c.sync("clip.mp4", "d.srt/")),
    # The autosave journal
    "no journal": (C.FILE_NOT_FOUND, lambda c: _error(lambda: read_journal(c.tmp / "j"))),
    "journal without header": (
        C.JOURNAL_DAMAGED,
        lambda c: _error(lambda: read_journal(c.file("j", '{"op":"tap","ms":1}\n'))),
    ),
    "journal of unknown version": (
        C.JOURNAL_DAMAGED,
        lambda c: _error(lambda: read_journal(c.journal(9, {}))),
    ),
    "journal header damaged": (
        C.JOURNAL_DAMAGED,
        lambda c: _error(lambda: replay(c.journal(1, {"lines": 3}))),
    ),
    "journal removed while autosaving": (
        C.WRITE_FAILED,
        lambda c: _error(lambda: Journal(c.tmp / "j").append({"op": "tap", "ms": 1})),
    ),
    # Lessons (lesson.toml)
    "lesson without kind": (C.NOT_A_LESSON, lambda c: c.lesson("title = 'x'\n")),
    "lesson without items": (C.LESSON_EMPTY, lambda c: c.lesson(LESSON)),
    "lesson song not found": (
        C.LESSON_SONG_NOT_FOUND,
        lambda c: c.lesson(LESSON + "[[item]]\nsong = 'no-such-song'\n"),
    ),
    "lesson stanzas past the song": (
        C.LESSON_STANZAS,
        lambda c: c.lesson_item("stanzas = '2-3'\n"),
    ),
    "lesson question not in the song": (
        C.LESSON_QUESTION,
        lambda c: c.lesson_item("questions = ['s9q1']\n"),
    ),
    # One-file packages (.karaoke)
    "manifest path outside": (
        C.PATH_OUTSIDE_PACKAGE,
        lambda c: c.manifest("media = '../clip.mp4'\n" + MANIFEST),
    ),
    "archive not a zip": (
        C.NOT_AN_ARCHIVE,
        lambda c: _error(lambda: import_package(c.file("a.karaoke", "not a zip"), c.tmp / "lib")),
    ),
    "archive entry unsafe": (C.UNSAFE_ARCHIVE, Cases.unsafe_archive),
    # An explanation's Markdown (karaoke.core.markdown_safety)
    "explanation with raw HTML": (
        C.MARKDOWN_HTML,
        lambda c: c.manifest(MANIFEST.replace("'e'", "'<b>e</b>'")),
    ),
    "explanation with a remote image": (
        C.MARKDOWN_IMAGE,
        lambda c: c.manifest(MANIFEST.replace("'e'", "'![x](https://example.org/x.png)'")),
    ),
    "explanation with a javascript: link": (
        C.MARKDOWN_LINK,
        lambda c: c.manifest(MANIFEST.replace("'e'", "'[x](javascript:alert(1))'")),
    ),
}


@pytest.mark.parametrize(("code", "make"), CASES.values(), ids=CASES.keys())
def test_each_kind_of_problem_has_its_code(tmp_path, monkeypatch, code, make):
    got = make(Cases(tmp_path, monkeypatch))
    assert code in got if isinstance(got, set) else got is code, got


def test_every_code_is_made_by_some_case():
    made = {code for code, _ in CASES.values()}
    assert set(ProblemCode) - made == {ProblemCode.UNCLASSIFIED}


def test_severity_follows_the_code():
    errors = {code for code in ProblemCode if code.severity is Severity.ERROR}
    assert errors == {C.MALFORMED_CUE, C.MALFORMED_STAMP, C.MISSING_STAMP, C.ENDS_BEFORE_START}
    assert Problem("a.srt", 3, "m", C.OVERLAP).severity is Severity.WARNING
    assert Problem("a.srt", 3, "m", C.MALFORMED_CUE).severity is Severity.ERROR


def test_a_refused_song_keeps_the_code_of_its_first_error(write):
    bad = write("a.srt", "1\nhola\n\n" + SRT + "3\n00:00:0x,000 --> 00:00:09,000\ntres\n")
    opened = open_song(bad)
    with pytest.raises(SongError) as caught:
        opened.refuse_errors(bad)
    assert caught.value.code is C.MALFORMED_CUE
    assert caught.value.line == 1
    assert caught.value.message.endswith(f" (and 1 more: run 'karaoke check {bad}')")
    with pytest.raises(SongError) as caught:
        convert(bad, bad.with_suffix(".lrc"))
    assert caught.value.code is C.MALFORMED_CUE


def test_the_core_and_the_command_line_give_every_problem_and_error_a_code():
    missing = []
    paths = [*(REPO / "karaoke" / "core").rglob("*.py"), *(REPO / "karaoke" / "cli").rglob("*.py")]
    for path in sorted(paths):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            has_code = any(keyword.arg == "code" for keyword in node.keywords)
            if (name == "SongError" and not has_code) or (
                name == "Problem" and len(node.args) < 4 and not has_code
            ):
                missing.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert missing == []
