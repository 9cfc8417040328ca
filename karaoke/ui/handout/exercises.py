"""The working part of a study pack: the references with their QR codes, the worksheet (blanks
with a word bank, the checkpoint questions) and the answer key."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextDocument

from karaoke.core.model import Question, Reference, pick
from karaoke.ui.handout import texts
from karaoke.ui.handout.composer import GREY, Composer
from karaoke.ui.handout.sources import PackPart
from karaoke.ui.handout.worksheet import Blank, Source, make_blanks, term_pattern, word_bank
from karaoke.ui.shared.qr import qr_pixmap

#: A QR code's printed width. At least 2 cm scans from paper at arm's length; 3 cm leaves room
#: for the long URLs (a version 7 code: 49 modules with its margin, 0.6 mm a module).
QR_WIDTH_MM = 30.0
#: Pixels per module of the QR picture put in the PDF (it is scaled to QR_WIDTH_MM there).
QR_SCALE = 8
#: The letters of a question's options (2 to 4 of them).
OPTION_LETTERS = "ABCD"


def write_references(composer: Composer, references: Sequence[Reference]) -> None:
    """Each reference numbered, its title and URL beside a QR code of the URL (one table row
    per reference, kept on one page)."""
    if not references:
        return
    composer.heading(composer.say(texts.REFERENCES), 2, page_break=True)
    composer.block(composer.say(texts.REFERENCES_NOTE), color=GREY)
    for number, reference in enumerate(references, start=1):
        url = reference.url.strip()
        row = composer.table(1, 2, (QR_WIDTH_MM + 4,) if url else ())
        if url:
            composer.in_cell(row, 0, 0)
            composer.image(qr_pixmap(url, QR_SCALE).toImage(), QR_WIDTH_MM)
        composer.in_cell(row, 0, 1 if url else 0)
        composer.block(space_after_mm=1)
        composer.text(f"[{number}] ", bold=True)
        composer.text(reference.title or url)
        if url:
            composer.block(url, points=9, color=GREY)
        composer.after_table()


def worksheet_sources(parts: Sequence[PackPart], language: str) -> list[Source]:
    """What the blanks are made from: each chosen stanza's sung lines, its explanation as
    plain text (the Markdown rendered without HTML) and its glossary terms in ``language``."""
    sources = []
    for part in parts:
        for _index, stanza in part.chosen_stanzas():
            lines = tuple(
                part.song.lines[i].text for i in range(stanza.first_line, stanza.end_line)
            )
            rendered = QTextDocument()
            rendered.setMarkdown(
                pick(stanza.explanation, language), QTextDocument.MarkdownFeature.MarkdownNoHTML
            )
            terms = tuple(pick(term.term, language) for term in stanza.glossary)
            sources.append(Source(lines, rendered.toPlainText(), terms))
    return sources


def pack_questions(parts: Sequence[PackPart]) -> list[Question]:
    return [question for part in parts for question in part.questions]


def write_worksheet(
    composer: Composer, blanks: Sequence[Blank], questions: Sequence[Question]
) -> None:
    """The sheet to fill in: a name line, the blanks and their word bank, the questions with
    their options (no answer marked)."""
    composer.heading(composer.say(texts.WORKSHEET), 1, page_break=True)
    composer.block(composer.say(texts.NAME_LINE) + " " + "_" * 40, space_after_mm=4)
    if blanks:
        composer.heading(composer.say(texts.BLANKS), 2)
        composer.block(composer.say(texts.BLANKS_NOTE), color=GREY)
        box = composer.table(1, 1, shaded=True)
        composer.in_cell(box, 0, 0)
        composer.block(composer.say(texts.WORD_BANK), bold=True)
        composer.block("   ·   ".join(word_bank(blanks)))
        composer.after_table()
        for number, blank in enumerate(blanks, start=1):
            sentence = composer.block(
                f"{number}. {blank.text}", space_after_mm=3.5, space_before_mm=1
            )
            composer.keep.whole.append(sentence)
    if questions:
        composer.heading(composer.say(texts.QUESTIONS), 2)
        composer.block(composer.say(texts.QUESTIONS_NOTE), color=GREY)
        for number, question in enumerate(questions, start=1):
            _question(composer, number, question)


def _question(composer: Composer, number: int, question: Question) -> None:
    language = composer.language
    table = composer.table(1, 1)
    composer.in_cell(table, 0, 0)
    composer.block(f"{number}. {pick(question.prompt, language)}", bold=True)
    for letter, option in zip(OPTION_LETTERS, question.options, strict=False):
        composer.block(f"☐ {letter}. {pick(option, language)}", indent_mm=5, space_after_mm=0.8)
    composer.after_table()


def write_answer_key(
    composer: Composer, blanks: Sequence[Blank], questions: Sequence[Question]
) -> None:
    """The answers, from a new page: each blank's sentence with its term in bold, each
    question's right option and why."""
    composer.heading(composer.say(texts.ANSWER_KEY), 1, page_break=True)
    if blanks:
        composer.heading(composer.say(texts.BLANKS), 2)
        for number, blank in enumerate(blanks, start=1):
            composer.keep.whole.append(composer.block(f"{number}. ", space_after_mm=2))
            _filled(composer, blank)
    if questions:
        composer.heading(composer.say(texts.QUESTIONS), 2)
        for number, question in enumerate(questions, start=1):
            _answer(composer, number, question)


def _filled(composer: Composer, blank: Blank) -> None:
    """The blank's sentence as it was, its term in bold."""
    at = 0
    for match in term_pattern(blank.term).finditer(blank.answer):
        composer.text(blank.answer[at : match.start()])
        composer.text(match.group(0), bold=True)
        at = match.end()
    composer.text(blank.answer[at:])


def _answer(composer: Composer, number: int, question: Question) -> None:
    language = composer.language
    table = composer.table(1, 1)
    composer.in_cell(table, 0, 0)
    composer.block(f"{number}. {pick(question.prompt, language)}")
    if 0 <= question.correct < len(question.options):
        letter = OPTION_LETTERS[question.correct]
        composer.block(indent_mm=5, space_after_mm=0.8)
        composer.text(f"{letter}. {pick(question.options[question.correct], language)}", bold=True)
    if why := pick(question.why, language):
        composer.block(composer.say(texts.WHY, why), indent_mm=5, italic=True, color=GREY)
    composer.after_table()


def make_pack_blanks(parts: Sequence[PackPart], language: str) -> list[Blank]:
    return make_blanks(worksheet_sources(parts, language))
