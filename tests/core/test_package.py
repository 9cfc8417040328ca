from pathlib import Path

import pytest

from karaoke.core.errors import ProblemCode, SongError
from karaoke.core.model import pick, pick_list
from karaoke.core.package import open_song

SRT = """1
00:00:01,000 --> 00:00:02,000
uno

2
00:00:03,000 --> 00:00:04,000
dos

3
00:00:05,000 --> 00:00:06,000
tres
"""

MANIFEST = """schema = 1
title = "Prueba"
subtitle = "Sub"
language = "es"
lyrics = "lyrics.srt"
offset_ms = 120
content_note.es = "aviso"
content_note.en = "heads-up"

[[credits]]
role.es = "Letra"
role.en = "Lyrics"
name = "Alguien"

[[stanza]]
lines = "1-2"
title.es = "Primera"
title.en = "First"
key_idea.es = "La idea"
key_idea.en = "The idea"
explanation.es = "**Hola**"
explanation.en = "**Hello**"
notes.es = "nota"
points.es = ["uno", "dos"]
points.en = ["one", "two"]
references = [{ title = "Paper", url = "https://arxiv.org/abs/2005.14165" }]
glossary = [{ term.es = "red", term.en = "network", definition.es = "d", definition.en = "d" }]

[[stanza]]
lines = "3"
explanation.es = "tres"
key_idea = "tres"
"""


@pytest.fixture
def package(write) -> Path:
    write("song/lyrics.srt", SRT)
    write("song/song.toml", MANIFEST)
    return write("song/song.toml", MANIFEST).parent


def test_manifest_builds_the_song(package):
    opened = open_song(package)
    song = opened.song
    assert opened.problems == []
    assert (song.title, song.subtitle, song.language, song.offset_ms) == (
        "Prueba",
        "Sub",
        "es",
        120,
    )
    assert [(s.first_line, s.end_line) for s in song.stanzas] == [(0, 2), (2, 3)]
    first = song.stanzas[0]
    assert pick(first.title, "en") == "First" and pick(first.explanation, "es") == "**Hola**"
    assert first.references[0].url == "https://arxiv.org/abs/2005.14165"
    assert pick(first.glossary[0].term, "en") == "network"
    assert pick(song.credits[0].role, "en") == "Lyrics"
    assert song.media is None
    assert first.key_idea == {"es": "La idea", "en": "The idea"}
    assert first.points == {"es": ("uno", "dos"), "en": ("one", "two")}
    assert pick_list(first.points, "en") == ("one", "two")
    assert song.stanzas[1].key_idea == {"": "tres"} and song.stanzas[1].points == {}
    assert song.content_note == {"es": "aviso", "en": "heads-up"}


def test_song_toml_path_works_like_its_folder(package):
    assert open_song(package / "song.toml").song.title == "Prueba"


def _problems(write, manifest: str) -> list[str]:
    write("s/lyrics.srt", SRT)
    return [str(p) for p in open_song(write("s/song.toml", manifest)).problems]


def test_stanza_problems_are_reported_with_manifest_lines(write):
    manifest = MANIFEST.replace('lines = "3"', 'lines = "3-9"')
    problems = _problems(write, manifest)
    assert any(':30: stanza 2: lines "3-9" point at no line' in p for p in problems), problems
    assert any("line 3 of the lyrics belongs to no stanza" in p for p in problems), problems


def test_missing_explanation_and_media_are_reported(write):
    manifest = MANIFEST.replace('explanation.es = "tres"\n', "").replace(
        "offset_ms = 120", 'offset_ms = 120\nmedia = "nope.mp4"'
    )
    problems = _problems(write, manifest)
    assert any(
        p.endswith(":7: media file not found: " + str(Path(write("s/x", "").parent) / "nope.mp4"))
        for p in problems
    ), problems
    assert any("stanza 2 has no explanation" in p for p in problems), problems
    opened = open_song(write("s/song.toml", manifest))
    codes = {problem.code: problem.line for problem in opened.problems}
    assert codes == {ProblemCode.MEDIA_NOT_FOUND: 7, ProblemCode.NO_EXPLANATION: 30}


def test_unknown_keys_and_bad_reference_urls_are_reported(write):
    manifest = MANIFEST.replace('subtitle = "Sub"', 'subtitel = "Sub"').replace(
        "https://arxiv.org", "javascript://arxiv.org"
    )
    problems = _problems(write, manifest)
    assert any(":3: unknown key 'subtitel'" in p for p in problems), problems
    assert any("must start with http:// or https://" in p for p in problems), problems


def test_a_reference_url_too_long_for_a_qr_code_is_reported(write):
    manifest = MANIFEST.replace("https://arxiv.org", "https://arxiv.org/" + "a" * 2100)
    write("s/lyrics.srt", SRT)
    opened = open_song(write("s/song.toml", manifest))
    bad = [p for p in opened.problems if p.code is ProblemCode.BAD_URL]
    assert len(bad) == 1 and "longer than 2000 characters" in bad[0].message
    assert opened.song.stanzas[0].references[0].url == ""  # no code is drawn for it


@pytest.mark.parametrize(
    ("manifest", "message", "line"),
    [
        ("title = 'x'\nlyrics = 'missing.srt'\n", "lyrics file not found", 2),
        ("title = 'x'\nlyrics = = 'a'\n", "not valid TOML", 2),
        ("lyrics = 'lyrics.srt'\n", "'title' must be a non-empty text", None),
        ("title = 'x'\nlyrics = 'lyrics.srt'\noffset_ms = 'soon'\n", "whole number", 3),
        ("schema = 2\ntitle = 'x'\nlyrics = 'lyrics.srt'\n", "schema 2 is not supported", 1),
    ],
)
def test_unusable_manifests_raise_with_the_line(write, manifest, message, line):
    write("s/lyrics.srt", SRT)
    with pytest.raises(SongError) as caught:
        open_song(write("s/song.toml", manifest))
    assert message in caught.value.message
    assert caught.value.line == line


def test_media_file_pairs_with_same_named_lyrics(write):
    media = write("clip.mp4", b"not really a video")
    write("clip.srt", SRT)
    opened = open_song(media)
    assert opened.song.media == media and len(opened.song.lines) == 3


def test_media_file_prefers_lrc_beside_it_then_srt_then_upper_case_endings(write):
    media = write("clip.mp4", b"x")
    write("clip.SRT", SRT)
    assert open_song(media).song.lyrics_path == media.with_suffix(".SRT")
    write("clip.srt", SRT)
    assert open_song(media).song.lyrics_path == media.with_suffix(".srt")
    write("clip.lrc", "[00:01.00]hola\n")
    assert open_song(media).song.lyrics_path == media.with_suffix(".lrc")


def test_media_file_with_explicit_lyrics(write):
    media = write("clip.mp4", b"x")
    lyrics = write("other/words.lrc", "[00:01.00]hola\n")
    assert open_song(media, lyrics=lyrics).song.lines[0].text == "hola"


def test_media_without_lyrics_says_what_it_looked_for(write):
    with pytest.raises(SongError, match=r"expected clip\.srt or clip\.lrc"):
        open_song(write("clip.mp4", b"x"))


def test_lyrics_alone_finds_media_beside_it(write):
    lyrics = write("tune.lrc", "[ti:Tune]\n[00:01.00]a\n\n[00:02.00]b\n")
    assert open_song(lyrics).song.media is None
    media = write("tune.ogg", b"x")
    song = open_song(lyrics).song
    assert song.media == media and song.title == "Tune"
    assert [(s.first_line, s.end_line) for s in song.stanzas] == [(0, 1), (1, 2)]


@pytest.mark.parametrize("name", ["missing.srt", "notes.pdf"])
def test_unusable_paths(write, tmp_path, name):
    if name == "notes.pdf":
        write(name, b"%PDF")
    with pytest.raises(SongError):
        open_song(tmp_path / name)


def test_folder_without_manifest(tmp_path):
    with pytest.raises(SongError, match=r"no song\.toml"):
        open_song(tmp_path)


def test_keys_are_reported_inside_their_own_table(write):
    manifest = MANIFEST.replace('lines = "1-2"\n', "")  # stanza 1 loses its lines
    header = manifest.split("\n").index("[[stanza]]") + 1
    problems = _problems(write, manifest)
    assert any(f":{header}: stanza 1: 'lines' must look like" in p for p in problems), problems


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("title = 'x'\nlyrics = 'lyrics.srt'\noffset_ms = 3000000000\n", "within ±3600000"),
        ("schema = true\ntitle = 'x'\nlyrics = 'lyrics.srt'\n", "schema True is not supported"),
    ],
)
def test_out_of_range_values_are_refused(write, manifest, message):
    write("s/lyrics.srt", SRT)
    with pytest.raises(SongError, match=message):
        open_song(write("s/song.toml", manifest))


def test_bad_glossary_credits_and_urls_are_reported(write):
    manifest = (
        MANIFEST.replace(
            'glossary = [{ term.es = "red", term.en = "network", definition.es = "d", definition.en = "d" }]',
            'glossary = [{ term = 1 }, "abc"]',
        )
        .replace('name = "Alguien"', "name = 3")
        .replace('url = "https://arxiv.org/abs/2005.14165"', "url = 5")
    )
    problems = _problems(write, manifest)
    assert sum("glossary entry needs a term" in p for p in problems) == 2, problems
    assert any("each credit needs a name" in p for p in problems), problems
    assert any("must start with http:// or https://: 5" in p for p in problems), problems


def test_a_name_too_long_for_the_file_system_is_a_clear_error(tmp_path):
    with pytest.raises(SongError, match="no such file"):
        open_song(tmp_path / ("a" * 300 + ".srt"))


# Key ideas, points and the content note -----------------------------------------------------


def _coded(write, manifest: str) -> list[tuple[ProblemCode, int | None, str]]:
    write("s/lyrics.srt", SRT)
    problems = open_song(write("s/song.toml", manifest)).problems
    return [(p.code, p.line, p.message) for p in problems]


def _line(manifest: str, start: str) -> int:
    return next(n for n, row in enumerate(manifest.split("\n"), 1) if row.startswith(start))


def test_a_stanza_explained_without_a_key_idea_is_reported_at_its_header(write):
    manifest = MANIFEST.replace('key_idea.es = "La idea"\nkey_idea.en = "The idea"\n', "")
    assert _coded(write, manifest) == [
        (ProblemCode.NO_KEY_IDEA, 15, "stanza 1 has an explanation but no key idea")
    ]
    # Explained in English, with a key idea in Spanish only: the language is named.
    manifest = MANIFEST.replace('key_idea.en = "The idea"\n', "")
    assert _coded(write, manifest) == [
        (
            ProblemCode.NO_KEY_IDEA,
            _line(manifest, "key_idea.es"),
            "stanza 1 has an explanation in en but no key idea in en",
        )
    ]
    # Without an explanation, a missing key idea is not reported again.
    manifest = MANIFEST.replace('explanation.es = "tres"\nkey_idea = "tres"\n', "")
    assert [code for code, _, _ in _coded(write, manifest)] == [ProblemCode.NO_EXPLANATION]


def test_a_key_idea_over_120_characters_is_reported_at_its_own_line(write):
    long_idea = "x" * 121
    manifest = MANIFEST.replace('"The idea"', f'"{long_idea}"')
    assert _coded(write, manifest) == [
        (
            ProblemCode.KEY_IDEA_TOO_LONG,
            _line(manifest, "key_idea.en"),
            "stanza 1: key idea (en) has 121 characters, over 120: too long to project",
        )
    ]
    assert open_song(write("s/song.toml", manifest)).song.stanzas[0].key_idea["en"] == long_idea
    # 120 characters fit, and so does a longer text of spaces around them.
    assert _coded(write, MANIFEST.replace('"The idea"', f'"  {"x" * 120}  "')) == []
    manifest = MANIFEST.replace('key_idea = "tres"', f'key_idea = "{long_idea}"')
    assert _coded(write, manifest)[0][:2] == (
        ProblemCode.KEY_IDEA_TOO_LONG,
        _line(manifest, "key_idea ="),
    )


BAD_VALUE = ProblemCode.BAD_VALUE


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            'key_idea.en = "The idea"',
            "key_idea.en = 5",
            "key_idea.en",
            "stanza 1: 'key_idea.en' must be a text",
        ),
        (
            'key_idea = "tres"',
            "key_idea = true",
            "key_idea =",
            "stanza 2: 'key_idea' must be a text, or texts by language",
        ),
        (
            'points.en = ["one", "two"]',
            'points.en = ["one", 2]',
            "points.en",
            "stanza 1: 'points.en' must be a list of texts",
        ),
        (
            'points.en = ["one", "two"]',
            'points.en = "one"',
            "points.en",
            "stanza 1: 'points.en' must be a list of texts",
        ),
        (
            'points.es = ["uno", "dos"]\npoints.en = ["one", "two"]',
            "points = 3",
            "points",
            "stanza 1: 'points' must be a list of texts, or lists by language",
        ),
        (
            'content_note.es = "aviso"\ncontent_note.en = "heads-up"',
            "content_note = [1]",
            "content_note",
            "'content_note' must be a text, or texts by language",
        ),
    ],
)
def test_key_ideas_points_and_content_notes_of_the_wrong_type_are_reported(
    write, old, new, key, message
):
    manifest = MANIFEST.replace(old, new)
    [(line, got)] = [(ln, m) for code, ln, m in _coded(write, manifest) if code is BAD_VALUE]
    assert line == _line(manifest, key)
    assert got.startswith(message), got


def test_what_is_usable_of_a_bad_value_is_kept(write):
    manifest = MANIFEST.replace('["one", "two"]', '["one", 2, "", "three"]').replace(
        'key_idea.en = "The idea"', 'key_idea.en = "The idea"\nkey_idea.fr = 1'
    )
    write("s/lyrics.srt", SRT)
    stanza = open_song(write("s/song.toml", manifest)).song.stanzas[0]
    assert stanza.points["en"] == ("one", "three")
    assert stanza.key_idea == {"es": "La idea", "en": "The idea"}


def test_points_without_a_language_serve_every_language(write):
    manifest = MANIFEST.replace(
        'points.es = ["uno", "dos"]\npoints.en = ["one", "two"]', 'points = ["a", "b"]'
    )
    write("s/lyrics.srt", SRT)
    stanza = open_song(write("s/song.toml", manifest)).song.stanzas[0]
    assert stanza.points == {"": ("a", "b")}
    assert pick_list(stanza.points, "en") == ("a", "b")
    assert pick_list({}, "en") == ()


def test_the_instrumental_is_read_and_a_missing_one_reported_at_its_line(write):
    write("s/lyrics.srt", SRT)
    instrumental = write("s/karaoke.ogg", b"OggS")
    manifest = (
        'title = "x"\nlyrics = "lyrics.srt"\ninstrumental = "karaoke.ogg"\n'
        '[[stanza]]\nlines = "1-3"\nexplanation = "e"\n'
    )
    opened = open_song(write("s/song.toml", manifest))
    assert opened.song.instrumental == instrumental
    missing = open_song(write("s/song.toml", manifest.replace("karaoke.ogg", "sin-voz.ogg")))
    assert missing.song.instrumental is None
    found = [p for p in missing.problems if p.code is ProblemCode.INSTRUMENTAL_NOT_FOUND]
    assert [(p.line, p.message) for p in found] == [
        (3, f"instrumental file not found: {instrumental.parent / 'sin-voz.ogg'}")
    ]
    assert str(found[0]).startswith(f"{instrumental.parent / 'song.toml'}:3: ")  # karaoke check


# Every path a manifest names stays inside its package ------------------------------------------

_INSIDE = 'title = "T"\nlyrics = "lyrics.srt"\n'


@pytest.mark.parametrize(
    "name",
    ["../outside.srt", "/etc/passwd", "sub/../../outside.srt", "C:\\\\lyrics.srt", "link.srt"],
)
def test_lyrics_outside_the_package_are_refused_at_their_line(write, tmp_path, name):
    write("outside.srt", SRT)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "link.srt").symlink_to(tmp_path / "outside.srt")
    manifest = write("s/song.toml", f'title = "T"\n\nlyrics = "{name}"\n')
    with pytest.raises(SongError) as caught:
        open_song(manifest)
    assert caught.value.code is ProblemCode.PATH_OUTSIDE_PACKAGE
    assert caught.value.line == 3
    assert "absolute" in caught.value.message or "leaves the song package" in caught.value.message


@pytest.mark.parametrize(
    ("key", "value", "line"),
    [
        ("media", '"../clip.mp4"', 3),
        ("media", '"/tmp/clip.mp4"', 3),
        ("instrumental", '"link.ogg"', 3),
        ("translations", '{ en = "../clip.srt" }', 3),
    ],
)
def test_media_and_translations_outside_the_package_are_not_used(write, tmp_path, key, value, line):
    write("s/lyrics.srt", SRT)
    write("clip.mp4", b"x")
    write("clip.srt", SRT)
    (tmp_path / "s" / "link.ogg").symlink_to(write("tune.ogg", b"x"))
    opened = open_song(write("s/song.toml", _INSIDE + f"{key} = {value}\n"))
    song = opened.song
    assert song.media is None and song.instrumental is None and song.translations == {}
    [problem] = [p for p in opened.problems if p.code is ProblemCode.PATH_OUTSIDE_PACKAGE]
    assert problem.line == line and "(not used)" in problem.message


def test_paths_inside_the_package_may_use_folders_dots_and_links_within(write, tmp_path):
    write("s/words/lyrics.srt", SRT)
    write("s/media/clip.mp4", b"x")
    (tmp_path / "s" / "clip.mp4").symlink_to(tmp_path / "s" / "media" / "clip.mp4")
    text = 'title = "T"\nlyrics = "words/../words/lyrics.srt"\nmedia = "clip.mp4"\n'
    opened = open_song(write("s/song.toml", text))
    assert opened.song.lyrics_path == tmp_path / "s" / "words" / "lyrics.srt"
    assert opened.song.media == tmp_path / "s" / "clip.mp4"
    assert not [p for p in opened.problems if p.code is ProblemCode.PATH_OUTSIDE_PACKAGE]
