"""The reading part of a study pack: the cover, the lyrics with their translation, and the
science of each stanza (key idea, explanation, points, glossary, which references)."""

from __future__ import annotations

from collections.abc import Sequence

from karaoke.core.model import Reference, Song, pick, pick_list
from karaoke.ui.handout import texts
from karaoke.ui.handout.composer import GREY, Composer
from karaoke.ui.handout.sources import PackPart, PackSource, translation_for


class ReferenceNumbers:
    """The pack's references, each URL numbered once in the order first cited."""

    def __init__(self) -> None:
        self.references: list[Reference] = []
        self._numbers: dict[str, int] = {}

    def number(self, reference: Reference) -> int:
        key = reference.url or reference.title
        if key not in self._numbers:
            self.references.append(reference)
            self._numbers[key] = len(self.references)
        return self._numbers[key]


def write_cover(composer: Composer, source: PackSource, contents: Sequence[str]) -> None:
    """Title, subtitle, kind of pack, language, what is inside (``contents``: the sections'
    headings), credits: no date, so the same song gives the same pack."""
    language = composer.language
    if source.is_lesson:
        composer.heading(pick(source.lesson_title, language), 1)
        composer.block(composer.say(texts.LESSON_PACK), points=14, color=GREY)
        if audience := pick(source.audience, language):
            composer.block(composer.say(texts.AUDIENCE, audience), points=12)
    else:
        song = source.parts[0].song
        composer.heading(song.title, 1)
        if song.subtitle:
            composer.block(song.subtitle, points=15, italic=True, space_after_mm=3)
        composer.block(composer.say(texts.STUDY_PACK), points=14, color=GREY)
    name = texts.language_name(language, language)
    composer.block(composer.say(texts.LANGUAGE_LINE, name), space_after_mm=6)
    if source.is_lesson:
        _lesson_overview(composer, source)
    composer.heading(composer.say(texts.CONTENTS), 3)
    composer.bullets(contents)
    if not source.is_lesson:
        write_credits(composer, source.parts[0].song)


def _lesson_overview(composer: Composer, source: PackSource) -> None:
    objectives = [pick(objective, composer.language) for objective in source.objectives]
    if objectives := [text for text in objectives if text]:
        composer.heading(composer.say(texts.OBJECTIVES), 2)
        composer.bullets(objectives)
    composer.heading(composer.say(texts.SONGS), 2)
    composer.bullets(f"{part.song.title} — {_stanza_span(composer, part)}" for part in source.parts)


def _stanza_span(composer: Composer, part: PackPart) -> str:
    first, last = part.stanzas.start + 1, part.stanzas.stop
    if first == last:
        return composer.say(texts.STANZA, first)
    return composer.say(texts.STANZAS, first, last)


def write_credits(composer: Composer, song: Song) -> None:
    if not song.credits:
        return
    composer.heading(composer.say(texts.CREDITS), 3)
    for credit in song.credits:
        composer.block(space_after_mm=1.5)
        composer.text(pick(credit.role, composer.language) + ": ", bold=True, points=10)
        composer.text(credit.name, points=10)


def has_science(part: PackPart) -> bool:
    """Whether any stanza of ``part`` explains something (a bare lyrics file does not)."""
    return any(
        stanza.key_idea or stanza.explanation or stanza.points or stanza.glossary
        for _index, stanza in part.chosen_stanzas()
    )


def write_part(
    composer: Composer, part: PackPart, numbers: ReferenceNumbers, lesson: bool, *, science: bool
) -> None:
    """One song: in a lesson a heading with its title and credits first; then its lyrics on a
    new page, then (when the pack has any) its stanzas' science."""
    if lesson:
        composer.heading(part.song.title, 1, page_break=True)
        if part.song.subtitle:
            composer.block(part.song.subtitle, points=13, italic=True)
        composer.block(_stanza_span(composer, part), color=GREY)
        write_credits(composer, part.song)
    write_lyrics(composer, part, page_break=not lesson)
    if science:
        write_science(composer, part, numbers)


def write_lyrics(composer: Composer, part: PackPart, *, page_break: bool) -> None:
    """The sung lines stanza by stanza, each with its translation under it."""
    song = part.song
    composer.heading(composer.say(texts.LYRICS), 2, page_break=page_break)
    code, translated = translation_for(song, composer.language)
    if translated:
        name = texts.language_name(code, composer.language) if code else "—"
        composer.block(composer.say(texts.TRANSLATION_NOTE, name), points=9.5, color=GREY)
    for index, stanza in part.chosen_stanzas():
        title = pick(stanza.title, composer.language)
        label = composer.say(texts.STANZA, index + 1) + (f" · {title}" if title else "")
        composer.heading(label, 4)
        for line_index in range(stanza.first_line, stanza.end_line):
            sung = " ".join(song.lines[line_index].text.split())
            below = translated.get(line_index, "")
            line = composer.block(sung, points=12, space_after_mm=0.3 if below else 1.2)
            if below:
                composer.keep.with_next.append(line)
                below = " ".join(below.split())
                composer.block(below, points=10, italic=True, color=GREY, space_after_mm=1.5)


def write_science(composer: Composer, part: PackPart, numbers: ReferenceNumbers) -> None:
    """Per stanza: its title, key idea (in a shaded box), explanation, points, glossary and the
    numbers of its references."""
    language = composer.language
    composer.heading(composer.say(texts.EXPLANATIONS), 2, page_break=True)
    for index, stanza in part.chosen_stanzas():
        title = pick(stanza.title, language)
        heading = composer.say(texts.STANZA, index + 1) + (f". {title}" if title else "")
        composer.heading(heading, 3)
        if key_idea := pick(stanza.key_idea, language):
            box = composer.table(1, 1, shaded=True)
            composer.in_cell(box, 0, 0)
            composer.block(space_after_mm=0)
            composer.text(composer.say(texts.KEY_IDEA) + ": ", bold=True)
            composer.text(key_idea)
            composer.after_table()
        if explanation := pick(stanza.explanation, language).strip():
            composer.markdown(explanation)
        if points := pick_list(stanza.points, language):
            label = composer.block(composer.say(texts.POINTS), bold=True, space_before_mm=1)
            composer.keep.with_next.append(label)
            composer.bullets(points)
        _glossary(
            composer,
            [(pick(g.term, language), pick(g.definition, language)) for g in stanza.glossary],
        )
        if stanza.references:
            cited = ", ".join(f"[{numbers.number(reference)}]" for reference in stanza.references)
            composer.block(composer.say(texts.SOURCES, cited), points=9.5, color=GREY)


def _glossary(composer: Composer, entries: Sequence[tuple[str, str]]) -> None:
    if not entries:
        return
    label = composer.block(composer.say(texts.GLOSSARY), bold=True, space_before_mm=1)
    composer.keep.with_next.append(label)
    for term, definition in entries:
        composer.block(indent_mm=4.0, space_after_mm=1.0)
        composer.text(term, bold=True)
        composer.text(f": {definition}" if definition else "")
