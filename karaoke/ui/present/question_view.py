"""A checkpoint question on the projector: the prompt big, its two to four options lettered
A–D, beside each a bar with how many phones chose it (count and percentage), and on the reveal
the right option marked with a check mark (not by colour alone) and the one-line why below.

Without phones (the companion off) there is nothing to count: the bars give way to "Raise your
hands", and the class answers by a show of hands. Sizes are shares of the view's height, the
teaching slide's (:mod:`.teaching_slide`), so the question reads from the back row like the
slide before it; text shrinks only as far as it must to fit. Every text is plain text: an
option, a prompt or anything a student typed shows literally, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from karaoke.core.model import Question, pick
from karaoke.ui.present.audience_text import audience_text
from karaoke.ui.present.teaching_slide import FOOTER_SHARE, MARGIN_SHARE, POINTS_SHARE, TITLE_SHARE
from karaoke.ui.present.text_fit import fit_scale, label_height, set_pixel_font, wrapped_label
from karaoke.ui.shared.theme import THEMES, Theme, fill_background

#: The options' letters, as the phones show them (at most four options).
LETTERS = "ABCD"
#: The check mark of the right option on the reveal.
CHECK = "✓"
#: The bars' column, as a share of the text width (the options' texts take the rest).
BARS_SHARE = 0.4


def percent(count: int, total: int) -> int:
    """``count`` of ``total`` as a whole percentage, halves rounded up as people do (5 of 8 is
    63 %); 0 when nobody answered."""
    return (200 * count + total) // (2 * total) if total else 0


class AnswerBar(QWidget):
    """One option's bar: filled in proportion to its share of the answers, with the count and
    the percentage written beside the fill ("12 · 40 %"), so it reads without the colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.total = 0
        self.fill = QColor("#ff7a45")
        self.track = QColor("#8a939c")
        self.text_color = QColor("#f2f2f2")
        self.pixels = 24  # the text's size, set by the view

    def set_count(self, count: int, total: int) -> None:
        """``count`` answers of ``total`` (both ≥ 0)."""
        self.count, self.total = count, total
        self.update()

    def label(self) -> str:
        """What the bar says: the count and the percentage ("12 · 40 %")."""
        return f"{self.count} · {percent(self.count, self.total)} %"

    def share(self) -> float:
        """The filled share of the bar, 0 to 1."""
        return self.count / self.total if self.total else 0.0

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(max(8, self.pixels))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        text_width = painter.fontMetrics().horizontalAdvance("000 · 100 %") + self.pixels // 2
        bar_width = max(0, self.width() - text_width)
        height = min(self.height(), round(self.pixels * 1.3))
        top = (self.height() - height) / 2
        radius = height / 5
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(self.track)
        track.setAlphaF(0.35)
        painter.setBrush(track)
        painter.drawRoundedRect(QRectF(0, top, bar_width, height), radius, radius)
        filled = bar_width * self.share()
        if filled > 0:
            painter.setBrush(self.fill)
            painter.drawRoundedRect(QRectF(0, top, filled, height), radius, radius)
        painter.setPen(self.text_color)
        text_box = QRectF(bar_width + self.pixels / 4, 0, text_width, self.height())
        painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, self.label())
        painter.end()


class _OptionRow:
    """The widgets of one option: the mark (✓ on the reveal), the letter, the text, the bar."""

    def __init__(self, parent: QWidget, letter: str, text: str) -> None:
        self.mark = QLabel(parent)
        self.letter = QLabel(letter, parent)
        self.text = wrapped_label(parent, text)
        self.bar = AnswerBar(parent)
        for label in (self.mark, self.letter):
            label.setTextFormat(Qt.TextFormat.PlainText)

    def widgets(self) -> list[QWidget]:
        return [self.mark, self.letter, self.text, self.bar]


class QuestionView(QWidget):
    """The audience's question page: :meth:`show_question`, then :meth:`set_counts` as answers
    come (or ``None``: no phones), then :meth:`reveal`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = wrapped_label(self)
        self.rows: list[_OptionRow] = []
        self.why = wrapped_label(self)
        self.footer = wrapped_label(self)  # "Answers: 12", or "Raise your hands"
        self.question: Question | None = None
        self.language = "es"
        self.counts: tuple[int, ...] | None = None  # None: no phones, a show of hands
        self.revealed = False
        self.easy_reading = False
        self._text_scale = 1.0
        self.text_scale = 1.0  # as laid out: the share of the wanted sizes after fitting
        self._theme = THEMES["dark"]

    # Content ----------------------------------------------------------------------------------

    def show_question(
        self, question: Question, language: str, counts: Sequence[int] | None = None
    ) -> None:
        """Show ``question`` in ``language`` (the explanations'), not revealed; ``counts`` as
        in :meth:`set_counts`."""
        self.question, self.language, self.revealed = question, language, False
        for row in self.rows:
            for widget in row.widgets():
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        self.rows = [
            _OptionRow(self, LETTERS[index], pick(option, language))
            for index, option in enumerate(question.options)
        ]
        for row in self.rows:
            for widget in row.widgets():
                widget.show()  # children made after the view was shown start hidden
        self.prompt.setText(pick(question.prompt, language))
        self.why.clear()
        self.set_counts(counts)

    def set_counts(self, counts: Sequence[int] | None) -> None:
        """The answers per option so far (``None``: no phones; the class raises hands). A
        count list of the wrong length (another question's) is taken as none yet."""
        if counts is not None and len(counts) != len(self.rows):
            counts = [0] * len(self.rows)
        self.counts = tuple(counts) if counts is not None else None
        total = sum(self.counts or ())
        for index, row in enumerate(self.rows):
            row.bar.set_count(self.counts[index] if self.counts else 0, total)
        self._show_footer()
        self._restyle()

    def reveal(self) -> None:
        """Mark the right option (✓, bold, the accent colour) and show why it is right."""
        question = self.question
        if question is None:
            return
        self.revealed = True
        letter = LETTERS[question.correct]
        why = pick(question.why, self.language)
        self.why.setText(
            audience_text(self.language, "answer_why" if why else "answer", letter=letter, why=why)
        )
        self._show_footer()
        self._restyle()

    def _show_footer(self) -> None:
        if self.counts is None:
            # A show of hands: said while the class is choosing, gone once the answer shows.
            text = "" if self.revealed else audience_text(self.language, "raise_hands")
        else:
            text = audience_text(self.language, "answers", count=sum(self.counts))
        self.footer.setText(text)
        for row in self.rows:
            row.bar.setVisible(self.counts is not None)
        self.arrange()

    def text(self) -> str:
        """Everything the view shows in words (the bars' labels too), for tests."""
        lines = [self.prompt.text()]
        for row in self.rows:
            bar = f"  [{row.bar.label()}]" if not row.bar.isHidden() else ""
            lines.append(f"{row.mark.text()}{row.letter.text()} {row.text.text()}{bar}")
        return "\n".join([*lines, self.why.text(), self.footer.text()])

    # Style ------------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        fill_background(self, theme.background)
        self._restyle()

    def _restyle(self) -> None:
        """Colours: on the reveal the right option in the accent colour and the others dimmed
        (the check mark and the bold weight say it too, for whoever cannot tell colours)."""
        theme = self._theme
        self.prompt.setStyleSheet(f"color: {theme.text};")
        self.why.setStyleSheet(f"color: {theme.text};")
        self.footer.setStyleSheet(f"color: {theme.accent};")
        correct = self.question.correct if self.question is not None else -1
        for index, row in enumerate(self.rows):
            right = self.revealed and index == correct
            color = theme.sung if right else theme.dim if self.revealed else theme.text
            row.mark.setText(CHECK if right else "")
            for label in (row.mark, row.text):
                label.setStyleSheet(f"color: {color};")
            row.letter.setStyleSheet(f"color: {theme.sung if right else theme.accent};")
            row.bar.fill = QColor(theme.sung if right else theme.accent)
            row.bar.track, row.bar.text_color = QColor(theme.dim), QColor(color)
            row.bar.update()
        self.arrange()

    def set_easy_reading(self, on: bool) -> None:
        self.easy_reading = on
        self.arrange()

    def set_text_scale(self, scale: float) -> None:
        """The user's text scale for this projector (+/-): multiplies the wanted sizes."""
        self._text_scale = scale
        self.arrange()

    # Layout -----------------------------------------------------------------------------------

    def _apply(self, scale: float) -> None:
        height, easy = self.height(), self.easy_reading
        set_pixel_font(
            self.prompt, round(height * TITLE_SHARE * scale), QFont.Weight.Bold, easy=easy
        )
        pixels = round(height * POINTS_SHARE * scale)
        correct = self.question.correct if self.question is not None else -1
        for index, row in enumerate(self.rows):
            right = self.revealed and index == correct
            weight = QFont.Weight.Bold if right else QFont.Weight.Normal
            set_pixel_font(row.text, pixels, weight, easy=easy)
            for label in (row.mark, row.letter):
                set_pixel_font(label, pixels, QFont.Weight.Bold, easy=easy)
            row.bar.pixels = pixels
        set_pixel_font(self.why, pixels, easy=easy)

    def _columns(self, width: int) -> tuple[int, int, int]:
        """The widths of the mark-and-letter column, the options' texts and the bars."""
        pixels = self.rows[0].text.font().pixelSize() if self.rows else 20
        letters = round(pixels * 2.4)
        bars = round(width * BARS_SHARE) if self.counts is not None else 0
        gap = pixels if bars else 0
        return letters, width - letters - bars - gap, bars

    def _needed(self, scale: float, width: int) -> int:
        """The height prompt, options and why take at ``scale`` in a column ``width`` wide."""
        self._apply(scale)
        gap = self._gap()
        _, text_width, _ = self._columns(width)
        rows = sum(self._row_height(row, text_width) + gap // 2 for row in self.rows)
        return label_height(self.prompt, width) + gap + rows + gap + label_height(self.why, width)

    def _gap(self) -> int:
        return round(self.prompt.font().pixelSize() * 0.45)

    @staticmethod
    def _row_height(row: _OptionRow, text_width: int) -> int:
        return max(label_height(row.text, text_width), row.letter.sizeHint().height())

    def arrange(self) -> None:
        """Place everything from the view's size: the footer at the bottom, the rest fitted
        into the height above it."""
        width, height = self.width(), self.height()
        if height < 50:
            return
        margin = round(height * MARGIN_SHARE)
        set_pixel_font(
            self.footer, round(height * FOOTER_SHARE * 1.4), QFont.Weight.Bold,
            easy=self.easy_reading,
        )  # fmt: skip
        inner = width - 2 * margin
        footer = label_height(self.footer, inner)
        self.footer.setGeometry(margin, height - margin - footer, inner, footer)
        body = height - 2 * margin - footer - (margin // 2 if footer else 0)
        self.text_scale = fit_scale(lambda s: self._needed(s, inner), body, self._text_scale)
        self._needed(self.text_scale, inner)
        self._place(margin, inner)

    def _place(self, left: int, width: int) -> None:
        gap = self._gap()
        top = left
        prompt = label_height(self.prompt, width)
        self.prompt.setGeometry(left, top, width, prompt)
        top += prompt + gap
        letters, text_width, bars = self._columns(width)
        mark_width = letters // 2
        for row in self.rows:
            row_height = self._row_height(row, text_width)
            line = row.letter.sizeHint().height()  # the first line's height: marks align to it
            row.mark.setGeometry(left, top, mark_width, line)
            row.letter.setGeometry(left + mark_width, top, letters - mark_width, line)
            row.text.setGeometry(left + letters, top, text_width, row_height)
            row.bar.setGeometry(left + width - bars, top, bars, line)
            for widget in row.widgets():
                widget.setVisible(widget is not row.bar or self.counts is not None)
            top += row_height + gap // 2
        top += gap
        self.why.setGeometry(left, top, width, label_height(self.why, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()
